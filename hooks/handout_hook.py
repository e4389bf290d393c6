"""The handout page per language (docs/handout.md, docs/handout.en.md).

Every page's content is rendered before any template is, so when the handout
page reaches on_page_context the term and comparison pages are ready to gather.
`make pdf` prints this page with headless Chromium (scripts/pdf.py).
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone

from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from glossary.handout import assemble
from glossary.registry import language_of
from glossary.build_state import state

HANDOUT_PLACEHOLDER = "<!-- handout -->"
COMPARISONS_FOLDER = "compare/"


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

@event_priority(-100)  # after the glossary hook has filled in every page
def on_page_context(context: dict, *, page: Page, config, nav: Navigation) -> dict:
    if not page.content or HANDOUT_PLACEHOLDER not in page.content:
        return context
    lang = page.file.locale
    order = {term.id: index for index, term in enumerate(state.registry.learning_path(lang))}
    terms = sorted(((state.term_of(p), p.content) for p in nav.pages if state.term_of(p)),
                   key=lambda pair: order[pair[0].id])
    comparisons = [(f"compare-{language_of(p.file.src_uri)[0][len(COMPARISONS_FOLDER):-3]}", p.title, p.content)
                   for p in nav.pages if p.file.src_uri.startswith(COMPARISONS_FOLDER)]
    date, version = _git_date_and_version(config)
    page.content = page.content.replace(
        HANDOUT_PLACEHOLDER, assemble(lang, terms, comparisons, date, version))
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

def _git_date_and_version(config) -> tuple[str, str]:
    """The last commit's date and short hash: the same handout for the same commit."""
    try:
        output = subprocess.run(["git", "log", "-1", "--format=%ct %h"],
                                cwd=os.path.dirname(config.config_file_path or "."),
                                capture_output=True, text=True, timeout=10, check=True).stdout.split()
        stamp, version = int(output[0]), output[1]
    except (OSError, subprocess.SubprocessError, IndexError, ValueError):
        return "—", "—"
    return datetime.fromtimestamp(stamp, tz=timezone.utc).strftime("%Y-%m-%d"), version
