"""The handout page per language (docs/handout.md, docs/handout.en.md).

MkDocs renders every page's content before it renders any template, so when the
handout page reaches on_page_context the term and comparison pages' content is
ready to gather. (Their backlink placeholders may not be filled in yet; the handout
drops those generated sections anyway.) `make pdf` prints the page (scripts/pdf.py).
"""

from __future__ import annotations

import html
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from core.sources import is_compare_page, page_id
from glossary import build
from handout.assemble import HANDOUT_PLACEHOLDER, assemble

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_context(context: dict, *, page: Page, config, nav: Navigation) -> dict:
    if not page.content or HANDOUT_PLACEHOLDER not in page.content:
        return context
    glossary = build.of(config)
    lang = page.file.locale
    order = {term.id: index for index, term in enumerate(glossary.registry.learning_path(lang))}
    pages = [(glossary.term_of(p.file.src_uri, lang), p) for p in nav.pages]
    terms = sorted(((term, p.content) for term, p in pages if term), key=lambda pair: order[pair[0].id])
    # page.title is HTML (hooks/safety/text_fields.py); the handout escapes titles itself.
    comparisons = [(f"compare-{page_id(p.file.src_uri)}", html.unescape(p.title), p.content)
                   for p in nav.pages if is_compare_page(p.file.src_uri)]
    page.content = page.content.replace(
        HANDOUT_PLACEHOLDER, assemble(lang, terms, comparisons, *_git_date_and_version(config)))
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

def _git_date_and_version(config) -> tuple[str, str]:
    """The last commit's date and short hash: the same handout for the same commit.

    (Not mkdocs.utils.get_build_date: that falls back to today when SOURCE_DATE_EPOCH
    is unset, as in a plain `mkdocs build`.)"""
    try:
        output = subprocess.run(["git", "log", "-1", "--format=%ct %h"],
                                cwd=Path(config.config_file_path or ".").parent,
                                capture_output=True, text=True, timeout=10, check=True).stdout.split()
        stamp, version = int(output[0]), output[1]
    except (OSError, subprocess.SubprocessError, IndexError, ValueError):
        return "—", "—"
    return datetime.fromtimestamp(stamp, tz=timezone.utc).strftime("%Y-%m-%d"), version
