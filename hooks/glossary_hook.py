"""The glossary, wired into MkDocs: validate terms, link mentions, generate lists.

Thin event functions only; the work is done by the pure modules in glossary/.
mkdocs-static-i18n runs every event once per language: on_files at default
priority sees both languages' files (so translations can be cross-checked),
the later events see one language, read from `page.file.locale`.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from glossary import render
from glossary.build_state import state
from glossary.matcher import TermMatcher, link_mentions
from glossary.registry import DEFAULT_LANGUAGE, Registry, Term, build_registry, language_of, read_pages
from glossary.sitenav import arrange_navigation

log = get_plugin_logger("glossary")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_files(files: Files, *, config) -> Files:
    """Read every page of both languages and validate the terms (before i18n splits them)."""
    # The same pages `make check` reads (snippets included): both run one validation.
    docs_dir = Path(config.docs_dir)
    fingerprint = tuple((path.as_posix(), path.stat().st_mtime_ns) for path in sorted(docs_dir.rglob("*.md")))
    if fingerprint != state.fingerprint:
        state.pages = read_pages(docs_dir)
        state.registry = build_registry(state.pages)
        state.fingerprint = fingerprint
        state.matchers = {
            lang: TermMatcher({name: term.id for term in terms.values() for name in term.names})
            for lang, terms in state.registry.terms.items()
        }
        report_problems(state.registry)
    elif state.registry.errors:
        report_problems(state.registry)
    state.mentions.clear()
    state.term_urls.clear()
    return files


@event_priority(-200)  # after i18n has kept this language's pages only
def on_nav(nav: Navigation, *, config, files: Files) -> Navigation:
    lang = config.theme["language"]
    return arrange_navigation(nav, lang, state.registry.in_language(lang))


def on_page_markdown(markdown: str, *, page: Page, config, files: Files) -> str:
    lang = page.file.locale
    terms = state.registry.in_language(lang)
    source = page.file.src_uri

    def link_to(term: Term) -> str:
        return posixpath.relpath(language_of(term.path)[0], posixpath.dirname(source) or ".")

    if render.LEARNING_PATH_PLACEHOLDER in markdown:
        path = render.learning_path(lang, state.registry.learning_path(lang), link_to)
        markdown = markdown.replace(render.LEARNING_PATH_PLACEHOLDER, path)
    if render.GLOSSARY_INDEX_PLACEHOLDER in markdown:
        index = render.glossary_index(lang, list(terms.values()), link_to)
        markdown = markdown.replace(render.GLOSSARY_INDEX_PLACEHOLDER, index)

    head = ""
    if lang != DEFAULT_LANGUAGE and page.file.src_path in state.registry.stale_translations:
        head = render.stale_notice(lang)

    term = state.term_of(page)
    if term is None:
        checked = state.registry.checked.get(page.file.src_path)
        if checked:
            head = render.checked_line(lang, checked) + "\n\n" + head
        return insert_after_title(markdown, head)
    page.meta["title"] = term.display_title
    page.meta.setdefault("search", {}).setdefault("boost", 4)
    return "".join([
        render.term_heading(term), "\n", render.term_card(term), "\n", head, markdown.rstrip("\n"),
        render.related_section(term, terms, link_to),
        render.backlinks_heading(lang),
    ])


def on_page_content(html: str, *, page: Page, config, files: Files) -> str:
    lang = page.file.locale
    terms = state.registry.in_language(lang)
    matcher = state.matchers.get(lang)
    if not matcher:
        return html
    own = state.term_of(page)

    urls = term_urls(lang, files)

    def render_link(term_id: str, text_html: str) -> str:
        return render.tooltip_link(terms[term_id], get_relative_url(urls[term_id], page.url), text_html)

    html, linked = link_mentions(html, matcher, render_link, exclude=[own.id] if own else [])
    for term_id in linked:
        state.mentions[lang][term_id].append((page.title, page.url))
    return html + render.print_term_list(lang, (terms[t] for t in linked))


def on_page_context(context: dict, *, page: Page, config, nav: Navigation) -> dict:
    """All pages' content is rendered by now, so every mention is known."""
    term = state.term_of(page)
    if term and page.content and render.BACKLINKS_PLACEHOLDER in page.content:
        pages = [(title, get_relative_url(url, page.url))
                 for title, url in state.mentions[term.lang].get(term.id, [])]
        page.content = page.content.replace(
            render.BACKLINKS_PLACEHOLDER, render.backlinks_html(term.lang, pages))
    return context


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def term_urls(lang: str, files: Files) -> dict[str, str]:
    """Each term page's URL in this language, looked up once per build."""
    if lang not in state.term_urls:
        state.term_urls[lang] = {
            term.id: files.get_file_from_path(language_of(term.path)[0]).url
            for term in state.registry.in_language(lang).values()
        }
    return state.term_urls[lang]


def insert_after_title(markdown: str, block: str) -> str:
    """Put a notice under the page's '# ' title, or at the top when it has none."""
    if not block:
        return markdown
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.strip():
            if line.startswith("# "):
                return "\n".join(lines[:index + 1] + ["", block] + lines[index + 1:])
            break
    return block + markdown


def report_problems(registry: Registry) -> None:
    """Errors stop the build with every problem listed; stale translations are only noted."""
    for problem in registry.warnings:
        log.info(f"docs/{problem}")
    for problem in registry.errors:
        log.error(f"docs/{problem}")
    if registry.errors:
        count = len(registry.errors)
        raise PluginError(
            f"{count} content problem{'s' if count > 1 else ''} found (listed above). "
            "Fix them and build again; 'make check' lists them without building.")
