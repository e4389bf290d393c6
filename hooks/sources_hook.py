"""Source files, wired into MkDocs: refuse what no page may be built from, before MkDocs reads it.

Thin event functions only; the checks are hooks/checks' SOURCE_CHECKS, the ones `make
check` runs first, with the same messages. on_config runs before MkDocs lists the files
(it would follow a symlink loop under docs/ for ever) or reads a page's front matter with
its own, lenient YAML loader; on_page_markdown then makes sure MkDocs read each page's
front matter as the strict reader did; on_page_content looks for text hidden from readers
in the page's HTML as its contributor wrote it (safety/hiding.py), before the other hooks
add the site's own hidden markup.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from checks import Content, source_build_problems
from core.problems import Problem, errors, stop_sentence
from core.sources import split_front_matter
from languages.i18n import is_inner_build, is_walk_only
from safety.hiding import hidden_text_problems

log = get_plugin_logger("sources")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@event_priority(100)  # before every other hook reads a page
def on_config(config):
    if not is_inner_build(config) and not is_walk_only(config):  # the parent checks for a forked child
        content = Content(Path(config.docs_dir), dt.date.today(), [Path(d) for d in config.theme.dirs])
        report_problems(source_build_problems(content))
    return config


@event_priority(100)  # before any hook changes page.meta
def on_page_markdown(markdown: str, *, page: Page, config, files: Files) -> str:
    meta, _, problems = split_front_matter(page.file.src_uri, page.file.content_string)
    if problems or (meta or {}) != page.meta:
        report_problems(problems or [Problem(page.file.src_uri, "front matter", (
            "MkDocs read this page's front matter differently from 'make check'. Write it as "
            "the other pages do: a line '---', 'field: value' lines, a line '---'."))])
    return markdown


@event_priority(100)  # the page as its contributor wrote it, before any hook adds its markup
def on_page_content(html: str, *, page: Page, config, files: Files) -> str:
    """No hidden text: the site's own hidden markup (preview templates, print list) comes later."""
    for problem in hidden_text_problems(page.file.src_uri, page.file.content_string, html):
        log.error(f"docs/{problem}")  # the same Problem `make check` prints (safety/precheck.py)
    return html


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        (log.error if problem in errors(problems) else log.info)(f"docs/{problem}")
    if errors(problems):
        raise PluginError(stop_sentence(len(errors(problems)), "source file"))
