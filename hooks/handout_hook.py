"""The printed documents' pages per language: the learner handout (docs/handout.md),
the quiz sheet (docs/handout-quiz.md) and the trainer notes (docs/handout-trainer.md).

MkDocs renders every page's content before it renders any template, so when one of
these pages reaches on_page_context the term, comparison and trainer-notes pages'
content is ready to gather. (Their backlink placeholders may not be filled in yet;
the documents drop those generated sections anyway.) `make pdf` prints the pages
(scripts/pdf.py).
"""

from __future__ import annotations

import html
import os
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from core.sources import is_compare_page, language_of, page_id
from glossary import build
from handout.assemble import (HANDOUT_PLACEHOLDER, PLACEHOLDERS, QUIZ_PLACEHOLDER, TRAINER_PLACEHOLDER, Edition,
                              assemble, assemble_quiz, assemble_trainer_notes)

TRAINER_NOTES = "trainer-notes.md"
log = get_plugin_logger("handout")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_context(context: dict, *, page: Page, config, nav: Navigation) -> dict:
    if not page.content or not any(marker in page.content for marker in PLACEHOLDERS):
        return context
    glossary = build.of(config)
    lang = page.file.locale
    order = {term.id: index for index, term in enumerate(glossary.registry.learning_path(lang))}
    pages = [(glossary.term_of(p.file.src_uri, lang), p) for p in nav.pages]
    terms = sorted(((term, p.content) for term, p in pages if term), key=lambda pair: order[pair[0].id])
    # page.title is HTML (hooks/safety/text_fields.py); the handout escapes titles itself.
    comparisons = [(f"compare-{page_id(p.file.src_uri)}", html.unescape(p.title), p.content)
                   for p in nav.pages if is_compare_page(p.file.src_uri)]
    edition = _edition(config)
    if HANDOUT_PLACEHOLDER in page.content:
        page.content = page.content.replace(HANDOUT_PLACEHOLDER, assemble(lang, terms, comparisons, edition))
    if QUIZ_PLACEHOLDER in page.content:
        page.content = page.content.replace(QUIZ_PLACEHOLDER, assemble_quiz(lang, terms, comparisons, edition))
    if TRAINER_PLACEHOLDER in page.content:
        notes = next((p.content for p in nav.pages
                      if language_of(p.file.src_uri).base == TRAINER_NOTES and p.content), "")
        if not notes:
            log.warning(f"{page.file.src_uri}: the printed trainer notes gather docs/{TRAINER_NOTES} (and its "
                        "translation), which is missing. Put the page back, or delete this page if the "
                        "trainer notes are no longer printed.")
        page.content = page.content.replace(
            TRAINER_PLACEHOLDER, assemble_trainer_notes(lang, notes, terms, comparisons, edition))
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

def _edition(config) -> Edition:
    """The last commit's day (UTC) and short hash: the same documents for the same commit.
    Without git, SOURCE_DATE_EPOCH's day and no hash.

    (Not mkdocs.utils.get_build_date: that falls back to today when SOURCE_DATE_EPOCH
    is unset, as in a plain `mkdocs build`.)"""
    try:
        stamp, revision = subprocess.run(["git", "log", "-1", "--format=%ct %h"],
                                         cwd=Path(config.config_file_path or ".").parent, capture_output=True,
                                         text=True, timeout=10, check=True).stdout.split()
        return Edition(_day(stamp), revision)
    except (OSError, subprocess.SubprocessError, ValueError):
        return Edition(_day(os.environ.get("SOURCE_DATE_EPOCH", "")), None)


def _day(stamp: str) -> date | None:
    return datetime.fromtimestamp(int(stamp), tz=timezone.utc).date() if stamp.isdigit() else None
