"""Page weight, wired into MkDocs: every written page without its template indentation,
and our own scripts and stylesheets minified.

Thin event functions only; the work is in weight/whitespace.py and weight/assets.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from weight.assets import is_ours, minified
from weight.whitespace import collapse_blank_runs

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@event_priority(-1000)  # last: after every other hook and plugin has written its part
def on_post_page(output: str, *, page: Page, config) -> str:
    return collapse_blank_runs(output)


@event_priority(-1000)  # last: after every asset, the search worker included, is written
def on_post_build(*, config) -> None:
    site = Path(config.site_dir)
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and is_ours(relative):
            text = path.read_text(encoding="utf-8")
            small = minified(relative, text)
            if small != text:
                path.write_text(small, encoding="utf-8")
