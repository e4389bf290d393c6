"""Front-matter text that the theme prints: made literal before any template sees it.

MkDocs' Jinja environment does not autoescape, and Material prints `page.meta.title`,
`description`, `subtitle` and `status` (and `page.title`, which comes from the title) as
HTML in the head, header, navigation and footer. MkDocs' own titles, taken from a page's
first heading, are HTML already; front-matter text is plain text, so it is escaped once
here and 'a<b>c' or 'R&D' read as written. Code that wants the text back unescapes
page.title (html.unescape), as the glossary and handout do.
"""

from __future__ import annotations

from html import escape

PRINTED_FIELDS = ("title", "description", "subtitle", "status")


def escaped_meta(meta: dict) -> dict:
    """The printed text fields of `meta`, HTML-escaped (other fields and non-text values untouched)."""
    return {name: escape(meta[name]) for name in PRINTED_FIELDS if isinstance(meta.get(name), str)}
