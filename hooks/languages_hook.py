"""Two languages on one site: checks the languages, switcher links, sitemaps, `lang` spans.

Thin event functions only; the work is done by the plain modules in languages/
(switcher.py, spans.py), and i18n.py is the one place that reads mkdocs-static-i18n's
internals.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from core.languages import DEFAULT_LANGUAGE, LANGUAGES
from languages.i18n import configured_languages, is_inner_build, language_links, page_alternates
from languages.permalinks import translate_permalinks
from languages.spans import mark_other_language
from languages.switcher import language_root, site_relative_link

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    """The plain modules read the languages from mkdocs.yml (core/languages.py): stop when
    this build was configured with others (another config file, say)."""
    configured = configured_languages(config)
    if configured is not None and configured != (LANGUAGES, DEFAULT_LANGUAGE):
        raise PluginError(f"the i18n plugin's languages {configured} differ from the ones "
                          f"hooks/core/languages.py read from mkdocs.yml {(LANGUAGES, DEFAULT_LANGUAGE)}.")
    return config


# After i18n's own on_page_context (priority 50) has chosen the alternates.
@event_priority(-50)
def on_page_context(context: dict, *, page: Page, config, nav) -> dict:
    alternates = page_alternates(config)
    context["language_links"] = [
        {**alternate, "link": site_relative_link(alternate["link"])} for alternate in alternates
    ]
    # The head's hreflang links (Material's template reads the same list): language roots.
    links = language_links(config)
    for alternate in alternates:
        alternate["link"] = language_root(alternate["lang"], links)
    return context


@event_priority(-100)  # after the glossary links: mark inside them too
def on_page_content(html: str, *, page: Page, config, files) -> str:
    return translate_permalinks(mark_other_language(html, page.file.locale), page.file.locale)


@event_priority(-200)  # after i18n (-100) has built every language
def on_post_build(*, config) -> None:
    if config.plugins.get("i18n") is None or is_inner_build(config):
        return
    site = Path(config.site_dir)
    for link in language_links(config).values():
        root = site / link.strip("/")
        if root != site and root.is_dir():
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                if (site / name).exists():
                    shutil.copyfile(site / name, root / name)
