"""The glossary, wired into MkDocs: validate terms, link mentions, generate lists.

Thin event functions only; the work is done by the plain modules in glossary/.
mkdocs-static-i18n runs every event once per language: on_files at default
priority sees both languages' files (so translations can be cross-checked),
the later events see one language, read from `page.file.locale`.
What the build learns (terms, mentions, term URLs) is one GlossaryBuild object on
the config (glossary/build.py); this hook is its only writer.
"""

from __future__ import annotations

import html as html_lib
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from core.languages import DEFAULT_LANGUAGE
from core.problems import stop_sentence
from core.sources import is_compare_page, language_of, page_id, split_front_matter
from glossary import build, render
from glossary.matcher import link_mentions
from glossary.nav import arrange_navigation
from glossary.registry import Registry, Term
from languages.i18n import is_inner_build

log = get_plugin_logger("glossary")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    """A new GlossaryBuild per build; i18n's inner language builds share the outer one."""
    if not is_inner_build(config):
        config[build.CONFIG_KEY] = None
    return config


def on_files(files: Files, *, config) -> Files:
    """Read every page of both languages and validate the terms (before i18n splits them)."""
    if config[build.CONFIG_KEY] is None:
        # The same pages and validations as `make check` (hooks/checks/__init__.py).
        config[build.CONFIG_KEY] = build.read_glossary(Path(config.docs_dir))
        report_problems(config[build.CONFIG_KEY].registry)
    return files


@event_priority(-200)  # after i18n has kept this language's pages only
def on_nav(nav: Navigation, *, config, files: Files) -> Navigation:
    lang = config.theme["language"]  # i18n sets the theme's language for each language build
    return arrange_navigation(nav, lang, build.of(config).registry.in_language(lang))


def on_page_markdown(markdown: str, *, page: Page, config, files: Files) -> str:
    glossary = build.of(config)
    lang = page.file.locale
    terms = glossary.registry.in_language(lang)
    source = page.file.src_uri

    def link_to(term: Term) -> str:
        return posixpath.relpath(language_of(term.path).base, posixpath.dirname(source) or ".")

    if render.LEARNING_PATH_PLACEHOLDER in markdown:
        path = render.learning_path(lang, glossary.registry.learning_path(lang), link_to)
        markdown = markdown.replace(render.LEARNING_PATH_PLACEHOLDER, path)
    if render.COMPARISONS_PLACEHOLDER in markdown:
        markdown = markdown.replace(render.COMPARISONS_PLACEHOLDER, render.comparison_list(
            lang, comparison_pages(glossary, lang, posixpath.dirname(source) or ".")))
    if render.GLOSSARY_INDEX_PLACEHOLDER in markdown:
        index = render.glossary_index(lang, list(terms.values()), link_to)
        markdown = markdown.replace(render.GLOSSARY_INDEX_PLACEHOLDER, index)

    head = ""
    if lang != DEFAULT_LANGUAGE and page.file.src_path in glossary.registry.stale_translations:
        head = render.stale_notice(lang)

    term = glossary.term_of(source, lang)
    if term is None:
        checked = glossary.registry.checked.get(page.file.src_path)
        if checked:  # a comparison page: dated, and ranked like a term page for "X vs Y"
            head = render.checked_line(lang, checked) + "\n\n" + head
            page.meta.setdefault("search", {}).setdefault("boost", 4)
        return render.insert_after_title(markdown, head)
    page.meta["title"] = term.display_title
    page.meta.setdefault("search", {}).setdefault("boost", 4)
    return "".join([
        render.term_heading(term), "\n", render.term_card(term), "\n", head, markdown.rstrip("\n"),
        render.related_section(term, terms, link_to),
        render.backlinks_heading(lang),
    ])


def on_page_content(html: str, *, page: Page, config, files: Files) -> str:
    glossary = build.of(config)
    lang = page.file.locale
    terms = glossary.registry.in_language(lang)
    matcher = glossary.matchers.get(lang)
    if not matcher:
        return html
    own = glossary.term_of(page.file.src_uri, lang)

    urls = term_urls(glossary, lang, files)

    def render_link(term_id: str, text_html: str) -> str:
        return render.term_link(terms[term_id], get_relative_url(urls[term_id], page.url), text_html)

    html, linked = link_mentions(html, matcher, render_link, exclude=[own.id] if own else [])
    for term_id in linked:  # page.title is HTML; backlinks_html escapes the plain text
        glossary.mentions[lang][term_id].append((html_lib.unescape(page.title), page.url))
    mentioned = [terms[t] for t in linked]
    return html + render.print_term_list(lang, mentioned) + render.preview_templates(lang, mentioned)


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


def term_urls(glossary: build.GlossaryBuild, lang: str, files: Files) -> dict[str, str]:
    """Each term page's URL in this language, looked up once per language."""
    if lang not in glossary.term_urls:
        glossary.term_urls[lang] = {
            term.id: files.get_file_from_path(language_of(term.path).base).url
            for term in glossary.registry.in_language(lang).values()
        }
    return glossary.term_urls[lang]


def comparison_pages(glossary: build.GlossaryBuild, lang: str, here: str) -> list[tuple[str, str]]:
    """(title, path relative to `here`) of this language's comparison pages."""
    pages = []
    for path, text in glossary.pages.items():
        base, page_lang = language_of(path)
        if page_lang == lang and is_compare_page(path):
            meta, _, _ = split_front_matter(path, text)
            title = (meta or {}).get("title") or page_id(path)
            pages.append((str(title), posixpath.relpath(base, here)))
    return pages


def report_problems(registry: Registry) -> None:
    """Errors stop the build with every problem listed; stale translations are only noted."""
    for problem in registry.warnings:
        log.info(f"docs/{problem}")
    for problem in registry.errors:
        log.error(f"docs/{problem}")
    if registry.errors:
        raise PluginError(stop_sentence(len(registry.errors), "content"))
