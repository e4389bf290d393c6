"""'Last updated' on each page, from the last commit that changed its source file.

Git history, not the clock, so two builds of one commit are byte-identical.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.pages import Page

from contrib.dates import format_date, read_git_dates

_dates: dict[str, int | None] = {}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(*, config) -> None:
    global _dates
    _dates = read_git_dates(Path(config.config_file_path or ".").parent)


def on_page_markdown(markdown: str, *, page: Page, config, files) -> str:
    stamp = _dates.get(str(Path(page.file.abs_src_path).resolve()))
    if stamp:
        page.meta["revision_date"] = format_date(stamp, page.file.locale)
    return markdown
