"""Diagrams: YAML sources in docs/_diagrams/ -> inline SVG. Plain functions, tested without MkDocs."""
