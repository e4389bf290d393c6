"""Language switcher links that work under any sub-path.

mkdocs-static-i18n points the switcher at the same page in the other language,
except on the home pages, where it leaves the absolute links "/" and "/en/".
Absolute links break when the site is served under a sub-path such as
http://host/llm-terms/, so this hook turns them into site-relative links,
which Material's ``url`` filter then makes relative to each page.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# After i18n's own on_page_context (priority 50) has chosen the alternates.
@event_priority(-50)
def on_page_context(context: dict, *, page: Page, config, nav) -> dict:
    # i18n stores the per-page list as an attribute of config.extra, which is what
    # Jinja's `config.extra.alternate` reads first; fall back to the plain key.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for alternate in alternates:
        alternate["link"] = site_relative_link(alternate["link"])
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

def site_relative_link(link: str) -> str:
    """'/' -> '.', '/en/' -> 'en/'; page URLs such as 'en/terms/rag/' stay as they are."""
    if link.startswith(("http://", "https://")) or not link.startswith("/"):
        return link
    return link.lstrip("/") or "."
