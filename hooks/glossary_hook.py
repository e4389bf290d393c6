"""The glossary, wired into MkDocs: validate terms, arrange the nav, adapt the Markdown extension.

The page-level work (term cards, generated lists, mention links) is the Markdown extension
in glossary/markdown_ext.py, which runs on engines without hooks too; this file is its
thin MkDocs adapter: it puts one extension instance in the build's markdown_extensions,
tells it which page is rendered next, and does what needs MkDocs or every page (the nav,
page.meta, the backlinks, the term URLs search reads, the problems report).
mkdocs-static-i18n runs every event once per language: on_files at default
priority sees both languages' files (so translations can be cross-checked),
the later events see one language, read from `page.file.locale`.
What the build learns (terms, mentions, term URLs) is one GlossaryBuild object on
the config (glossary/build.py); this hook is its only writer.
"""

from __future__ import annotations

import html as html_lib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from core.problems import stop_sentence
from glossary import build, render
from glossary.markdown_ext import GlossaryExtension
from glossary.nav import arrange_navigation
from glossary.registry import Registry
from languages.i18n import is_inner_build

EXTENSION_KEY = "llm_terms_glossary_markdown"  # the build's one GlossaryExtension, on the config
log = get_plugin_logger("glossary")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    """A new GlossaryBuild per build, and the glossary's Markdown extension in the build's list.

    i18n's inner language builds share the outer one's of both (the config is the same object)."""
    if not is_inner_build(config):
        config[build.CONFIG_KEY] = None
        extension = GlossaryExtension(docs_dir=config.docs_dir, use_directory_urls=config.use_directory_urls,
                                      backlinks=True)
        config[EXTENSION_KEY] = extension
        config.markdown_extensions.append(extension)  # an instance, as mkdocstrings adds its own
    return config


def on_files(files: Files, *, config) -> Files:
    """Read every page of both languages and validate the terms (before i18n splits them)."""
    if config[build.CONFIG_KEY] is None:
        # The same pages and validations as `make check` (hooks/checks/__init__.py).
        config[build.CONFIG_KEY] = build.read_glossary(Path(config.docs_dir))
        config[EXTENSION_KEY].use(config[build.CONFIG_KEY])
        report_problems(config[build.CONFIG_KEY].registry)
    return files


@event_priority(-200)  # after i18n has kept this language's pages only
def on_nav(nav: Navigation, *, config, files: Files) -> Navigation:
    lang = config.theme["language"]  # i18n sets the theme's language for each language build
    return arrange_navigation(nav, lang, build.of(config).registry.in_language(lang))


def on_page_markdown(markdown: str, *, page: Page, config, files: Files) -> str:
    """Tell the extension which page Page.render converts next; set what only MkDocs reads."""
    config[EXTENSION_KEY].set_page(page.file.src_uri)
    glossary = build.of(config)
    term = glossary.term_of(page.file.src_uri, page.file.locale)
    if term is not None:
        page.meta["title"] = term.display_title
    if term is not None or glossary.registry.checked.get(page.file.src_path):
        # Term and comparison pages rank first for their names and for "X vs Y".
        page.meta.setdefault("search", {}).setdefault("boost", 4)
    return markdown


def on_page_content(html: str, *, page: Page, config, files: Files) -> str:
    """Record the mentions the extension linked, for the backlinks (and the term URLs, for search)."""
    # page.title is HTML; backlinks_html escapes the text
    build.of(config).record_page(page.file.locale, files, html_lib.unescape(page.title), page.url,
                                 config[EXTENSION_KEY].linked)
    return html


def on_page_context(context: dict, *, page: Page, config, nav: Navigation) -> dict:
    """All pages' content is rendered by now, so every mention is known."""
    glossary = build.of(config)
    term = glossary.term_of(page.file.src_uri, page.file.locale)
    if term and page.content and render.BACKLINKS_PLACEHOLDER in page.content:
        pages = [(title, get_relative_url(url, page.url))
                 for title, url in glossary.mentions[term.lang].get(term.id, [])]
        page.content = page.content.replace(
            render.BACKLINKS_PLACEHOLDER, render.backlinks_html(term.lang, pages))
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def report_problems(registry: Registry) -> None:
    """Errors stop the build with every problem listed; stale translations are only noted."""
    for problem in registry.warnings:
        log.info(f"docs/{problem}")
    for problem in registry.errors:
        log.error(f"docs/{problem}")
    if registry.errors:
        raise PluginError(stop_sentence(len(registry.errors), "content"))
