"""Diagrams on pages: a line `<!-- diagram: <id> -->` becomes an inline SVG figure.

Thin event functions only; the work is done by the plain modules in diagrams/.
The sources, docs/_diagrams/<id>.yml, are read and validated once per build (and
read again only when one of them changed, as under `make serve`). Every marker in
every page is checked before any page is rendered, so a build lists all the
mistakes at once, each with its file, line and field, then stops.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from checks import diagram_build_problems
from core.languages import DEFAULT_LANGUAGE
from core.problems import Problem, stop_sentence
from core.sources import DIAGRAMS_FOLDER, read_pages
from diagrams.markers import replace_html_markers, replace_markers
from diagrams.model import Library
from diagrams.render import figure_uid, render_figure
from diagrams.source import read_folder, read_library
from languages.i18n import is_inner_build

log = get_plugin_logger("diagrams")

# Where this build keeps its diagrams (see DiagramsBuild); only this hook uses it.
CONFIG_KEY = "llm_terms_diagrams"


@dataclass
class DiagramsBuild:
    library: Library
    figures: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (id, language, uid) -> HTML
    on_page: dict[str, int] = field(default_factory=dict)  # page -> diagrams placed so far


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    if not is_inner_build(config):
        config[CONFIG_KEY] = None
    return config


def on_files(files: Files, *, config) -> Files:
    if config[CONFIG_KEY] is None:
        docs_dir = Path(config.docs_dir)
        library = _library(docs_dir, _fingerprint(docs_dir / DIAGRAMS_FOLDER))
        config[CONFIG_KEY] = DiagramsBuild(library)
        # The same check `make check` runs (hooks/checks/__init__.py), over the same pages.
        report_problems(diagram_build_problems(read_pages(docs_dir), library))
    return files


def on_page_markdown(markdown: str, *, page: Page, config, files: Files) -> str:
    config[CONFIG_KEY].on_page[page.file.src_uri] = 0
    return replace_markers(markdown, lambda diagram_id: figure(config[CONFIG_KEY], diagram_id, page))


def on_page_content(html: str, *, page: Page, config, files: Files) -> str:
    return replace_html_markers(html, lambda diagram_id: figure(config[CONFIG_KEY], diagram_id, page))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def figure(state: DiagramsBuild, diagram_id: str, page: Page) -> str:
    """The figure for one marker, in the page's language, with ids unique on the page."""
    diagram = state.library.diagrams.get(diagram_id)
    if diagram is None:  # on_files has already stopped the build for these; kept as a guard
        report_problems([Problem(page.file.src_uri, "diagram", (
            f"there is no diagram called '{diagram_id}' (no file docs/{DIAGRAMS_FOLDER}/{diagram_id}.yml)."))])
    lang = getattr(page.file, "locale", None) or DEFAULT_LANGUAGE
    count = state.on_page.get(page.file.src_uri, 0) + 1
    state.on_page[page.file.src_uri] = count
    key = (diagram_id, lang, figure_uid(diagram_id, page.file.src_uri, count))
    if key not in state.figures:
        state.figures[key] = render_figure(diagram, lang, key[2])
    return state.figures[key]


def _fingerprint(folder: Path) -> tuple:
    return tuple(sorted((path.name, path.stat().st_mtime_ns) for path in folder.iterdir())) \
        if folder.is_dir() else ()


# A cache keyed by the files' names and times, so it can never hand out a stale library.
@lru_cache(maxsize=1)
def _library(docs_dir: Path, fingerprint: tuple) -> Library:
    return read_library(read_folder(docs_dir))


def report_problems(problems: list[Problem]) -> None:
    """Every problem on its own line, then stop the build with one plain sentence."""
    for problem in problems:
        log.error(f"docs/{problem}")
    if problems:
        raise PluginError(stop_sentence(len(problems), "diagram"))
