"""Page weight, wired into MkDocs: every written page without its template indentation.

Thin event function only; the work is in weight/whitespace.py.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from weight.whitespace import collapse_blank_runs

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@event_priority(-1000)  # last: after every other hook and plugin has written its part
def on_post_page(output: str, *, page: Page, config) -> str:
    return collapse_blank_runs(output)
