"""`lang` on passages in the other language (see glossary/language_spans.py)."""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from glossary.language_spans import mark_other_language


@event_priority(-100)  # after the glossary links: mark inside them too
def on_page_content(html: str, *, page: Page, config, files) -> str:
    return mark_other_language(html, page.file.locale)
