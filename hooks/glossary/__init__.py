"""Glossary engine: registry, matcher, render, nav. Plain functions, tested without MkDocs."""
