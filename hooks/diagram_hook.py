"""Diagrams on pages: a line `<!-- diagram: <id> -->` becomes an inline SVG figure.

Thin event functions only; the work is done by the pure modules in diagrams/.
The sources, docs/_diagrams/<id>.yml, are read and validated once per build (and
read again only when one of them changed, as under `make serve`). Every marker in
every page is checked before any page is rendered, so a build lists all the
mistakes at once, each with its file, line and field, then stops.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from diagrams.render import render_figure, replace_html_markers, replace_markers
from diagrams.source import (
    DEFAULT_LANGUAGE, DIAGRAMS_FOLDER, Library, Problem, marker_problems, read_folder, read_library,
)

log = get_plugin_logger("diagrams")


class _State:
    library: Library = Library()
    fingerprint: tuple = ()
    figures: dict[tuple[str, str, str], str] = {}   # (id, language, uid) -> HTML
    on_page: dict[str, int] = {}                    # page -> diagrams placed so far


state = _State()

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_files(files: Files, *, config) -> Files:
    docs_dir = Path(config.docs_dir)
    folder = docs_dir / DIAGRAMS_FOLDER
    fingerprint = tuple(sorted((path.name, path.stat().st_mtime_ns) for path in folder.iterdir())) \
        if folder.is_dir() else ()
    if fingerprint != state.fingerprint:
        state.library = read_library(read_folder(docs_dir))
        state.fingerprint = fingerprint
        state.figures = {}
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    for path in sorted((docs_dir / "_snippets").glob("*.md")):
        pages[path.relative_to(docs_dir).as_posix()] = path.read_text(encoding="utf-8")
    report_problems(state.library.problems + marker_problems(pages, state.library))
    return files


def on_page_markdown(markdown: str, *, page: Page, config, files: Files) -> str:
    state.on_page[page.file.src_uri] = 0
    return replace_markers(markdown, lambda diagram_id: figure(diagram_id, page))


def on_page_content(html: str, *, page: Page, config, files: Files) -> str:
    return replace_html_markers(html, lambda diagram_id: figure(diagram_id, page))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def figure(diagram_id: str, page: Page) -> str:
    """The figure for one marker, in the page's language, with ids unique on the page."""
    diagram = state.library.diagrams.get(diagram_id)
    if diagram is None:  # on_files has already stopped the build for these; kept as a guard
        report_problems([Problem(page.file.src_uri, "diagram", (
            f"there is no diagram called '{diagram_id}' (no file docs/{DIAGRAMS_FOLDER}/{diagram_id}.yml)."))])
    lang = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
    count = state.on_page.get(page.file.src_uri, 0) + 1
    state.on_page[page.file.src_uri] = count
    # Ids unique on the whole site (the handout gathers every page into one):
    # diagram, page, and a number when a page shows one diagram twice.
    page_key = re.sub(r"[^a-z0-9]+", "-", page.file.src_uri.lower().removesuffix(".md")).strip("-")
    uid = f"dg-{diagram_id}--{page_key}" + (f"-{count}" if count > 1 else "")
    key = (diagram_id, lang, uid)
    if key not in state.figures:
        state.figures[key] = render_figure(diagram, lang, uid)
    return state.figures[key]


def report_problems(problems: list[Problem]) -> None:
    """Every problem on its own line, then stop the build with one plain sentence."""
    for problem in problems:
        log.error(f"docs/{problem}")
    if problems:
        count = len(problems)
        raise PluginError(
            f"{count} diagram problem{'s' if count > 1 else ''} found (listed above). Fix "
            f"{'them' if count > 1 else 'it'} and build again; 'make check' lists them without building.")
