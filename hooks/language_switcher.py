"""Language switcher that lands on the same page and works under any sub-path.

mkdocs-static-i18n points `extra.alternate` at the same page in each language,
but leaves absolute links ("/", "/en/") on the home pages, which break under a
sub-path such as http://host/llm-terms/. Material, for its part, reads every
`<link rel="alternate">` in the head as a language root and fetches
`sitemap.xml` next to it: per-page alternates there make two failing requests on
every page. So:

- the switcher menu (overrides/partials/alternate.html) gets the per-page links,
  made site-relative, as `language_links`;
- the head's hreflang alternates point to each language's home page;
- every language root gets the (small, see overrides/sitemap.xml) sitemap
  Material asks for.
"""

from __future__ import annotations

import shutil
from pathlib import Path

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
    context["language_links"] = [
        {**alternate, "link": site_relative_link(alternate["link"])} for alternate in alternates
    ]
    for alternate in alternates:
        alternate["link"] = language_root(alternate["lang"], config)
    return context


@event_priority(-200)  # after i18n (-100) has built every language
def on_post_build(*, config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    site = Path(config.site_dir)
    for language in i18n.config.languages:
        root = site / language.link.strip("/")
        if root != site and root.is_dir():
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                if (site / name).exists():
                    shutil.copyfile(site / name, root / name)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def site_relative_link(link: str) -> str:
    """'/' -> '.', '/en/' -> 'en/'; page URLs such as 'en/terms/rag/' stay as they are."""
    if link.startswith(("http://", "https://")) or not link.startswith("/"):
        return link
    return link.lstrip("/") or "."


def language_root(lang: str, config) -> str:
    i18n = config.plugins.get("i18n")
    for language in i18n.config.languages if i18n else []:
        if language.locale == lang:
            return site_relative_link(language.link)
    return "."
