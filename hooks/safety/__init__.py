"""Reader safety: what content may put in a page, and what a built page may load.

Pure modules, no MkDocs imports: allowlist.py (the raw HTML a page may contain, the one
list CONTRIBUTING.md documents), sanitize.py (nh3 decides; we explain what it refused),
built_page.py (no script and no request outside the site in a finished page),
asset_files.py (nor in the site's stylesheets and scripts), hiding.py (no text hidden from
readers but found by search), text_fields.py (front-matter text made literal for templates
that print it raw), emoji.py, not_found.py (the 404 page).
"""
