"""Links between the languages that work at / and under any sub-path (pure).

mkdocs-static-i18n points `extra.alternate` at the same page in each language,
but leaves absolute links ("/", "/en/") on the home pages, which break under a
sub-path such as http://host/llm-terms/. Material, for its part, reads every
`<link rel="alternate">` in the head as a language root and fetches
`sitemap.xml` next to it: per-page alternates there make two failing requests on
every page. So languages_hook.py gives:

- the switcher menu (overrides/partials/alternate.html) the per-page links,
  made site-relative, as `language_links`;
- the head's hreflang alternates each language's home page;
- every language root the (small, see overrides/sitemap.xml) sitemap Material asks for.
"""

from __future__ import annotations


def site_relative_link(link: str) -> str:
    """'/' -> '.', '/en/' -> 'en/'; page URLs such as 'en/terms/rag/' stay as they are."""
    if link.startswith(("http://", "https://")) or not link.startswith("/"):
        return link
    return link.lstrip("/") or "."


def language_root(lang: str, links: dict[str, str]) -> str:
    """A language's home page, site-relative; `links` is locale -> i18n's link."""
    return site_relative_link(links[lang]) if lang in links else "."
