"""The one list of content checks, used by the build, by `make check` and by the tests.

Each check says what it looks at and whether the build runs it. The build runs the
checks that decide whether a page can be built at all (source files, snippets and
templates, terms, translations, diagrams, markers), each hook its own feature's; the
source-file check comes first and, when it finds an error, is the only one that runs
(the other checks read the files it refuses); `make check` (scripts/check.py) runs every check;
tests/test_checks.py asserts both lists and runs every check on the real content.
The lint rules `make check` adds are in checks/lint.py.

Some checks need the finished pages, which `make check` does not make: the build alone
runs them, on every page's built HTML (hooks/safety_hook.py), listed in BUILT_PAGE_CHECKS.
Where the page's own source can show the same mistake, a check here reports it first
with the build's message ("raw HTML, links and hidden text": nh3's allowlist and the
hidden-text rule of safety/hiding.py on each page's Markdown).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable

from core.languages import DEFAULT_LANGUAGE
from core.problems import Problem, errors
from core.source_files import read_texts, source_problems, walk
from core.sources import SNIPPETS_FOLDER, language_of, read_pages, split_front_matter
from diagrams import markers as diagram_markers
from diagrams import source as diagram_source
from diagrams import texts as diagram_texts
from diagrams.model import Library
from glossary.registry import Registry, build_registry, old_facts
from safety.hiding import search_field_problems
from safety.precheck import raw_html_problems

from . import assets, links, lint, references


@dataclass
class Content:
    """Everything the checks read, each part read once and only when a check needs it."""

    docs_dir: Path
    today: dt.date
    # The theme's template folders; the build passes MkDocs' own (config.theme.dirs).
    template_dirs: list[Path] = field(default_factory=list)

    @cached_property
    def pages(self) -> dict[str, str]:
        return read_pages(self.docs_dir)

    @cached_property
    def files(self) -> set[str]:
        return set(walk(self.docs_dir)[0])

    @cached_property
    def snippets(self) -> set[str]:
        prefix = f"{SNIPPETS_FOLDER}/"
        return {path[len(prefix):] for path in read_texts(self.docs_dir, lambda p: p.startswith(prefix))}

    @cached_property
    def templates(self) -> set[str]:
        return references.template_names(self.template_dirs or default_template_dirs(self.docs_dir))

    @cached_property
    def registry(self) -> Registry:
        return build_registry(self.pages)

    @cached_property
    def diagram_sources(self) -> dict[str, str]:
        return diagram_source.read_folder(self.docs_dir)

    @cached_property
    def library(self) -> Library:
        return diagram_source.read_library(self.diagram_sources)


@dataclass(frozen=True)
class Check:
    name: str
    in_build: bool  # True: the build stops on its errors too, not only `make check`
    run: Callable[[Content], list[Problem]]


def diagram_build_problems(pages: dict[str, str], library: Library) -> list[Problem]:
    """The diagram sources' own problems, and markers naming no diagram."""
    return library.problems + diagram_markers.marker_problems(pages, library)


def _each_page(rule: Callable[[str, str], list[Problem]], *, translations_only: bool = False):
    def run(content: Content) -> list[Problem]:
        return [problem for path, text in content.pages.items()
                if not translations_only or language_of(path).lang != DEFAULT_LANGUAGE
                for problem in rule(path, text)]
    return run


def default_template_dirs(docs_dir: Path) -> list[Path]:
    """Without MkDocs' config (in `make check`): the project's overrides/, then Material's."""
    material = importlib.util.find_spec("material")
    theme = [Path(p) / "templates" for p in (material.submodule_search_locations or [])] if material else []
    return [docs_dir.parent / "overrides", *theme]


# Checked first, by the build's sources hook and by `make check`: what must hold before
# MkDocs, pymdownx or Jinja read a page.
SOURCE_CHECKS: tuple[Check, ...] = (
    Check("source files: names, links, encodings, sizes, front matter", True, lambda c: source_problems(c.docs_dir)),
    Check("snippets and page templates", True, lambda c: (
        references.snippet_problems(c.pages, c.snippets) + references.template_problems(c.pages, c.templates))),
    Check("links between pages", True, lambda c: links.link_problems(c.pages, c.files)),
    Check("boxes ('!!!', '???') and their text", True, _each_page(lint.callout_problems)),
    Check("pages left out of search or pushed up in it ('search:' in front matter)", True, _each_page(
        lambda path, text: search_field_problems(path, split_front_matter(path, text)[0], text))),
    Check("stylesheets and scripts the site publishes: no address on another site", True, lambda c: (
        assets.asset_problems(c.docs_dir, c.template_dirs or default_template_dirs(c.docs_dir)))),
)

CHECKS: tuple[Check, ...] = SOURCE_CHECKS + (
    Check("terms, comparison pages and translations", True, lambda c: list(c.registry.problems)),
    Check("facts checked too long ago (today's date: make check only)", False,
          lambda c: old_facts(c.registry, c.pages, c.today)),
    Check("Chinese typography", False, _each_page(lint.typography_problems)),
    Check("Markdown slips", False, _each_page(lint.markdown_problems)),
    Check("term-page structure", False, _each_page(lint.structure_problems)),
    Check("American spelling in English pages", False, _each_page(lint.spelling_problems, translations_only=True)),
    Check("raw HTML, links and hidden text (the build's nh3 allowlist and hidden-text rule, on each "
          "page's own Markdown)", False,
          _each_page(raw_html_problems)),
    Check("diagram sources and markers", True, lambda c: diagram_build_problems(c.pages, c.library)),
    Check("Chinese typography in diagrams", False,
          lambda c: [p for d in c.library.diagrams.values() for p in diagram_texts.typography_problems(d)]),
    Check("American spelling in diagrams", False,
          lambda c: [p for path, text in c.diagram_sources.items() for p in lint.spelling_problems(path, text)]),
)


def run_checks(checks: tuple[Check, ...], content: Content) -> list[Problem]:
    """The checks' problems in order; when the files themselves are refused, only those."""
    found = checks[0].run(content)
    if errors(found):
        return found
    return found + [problem for check in checks[1:] for problem in check.run(content)]


def source_build_problems(content: Content) -> list[Problem]:
    """What the build's sources hook stops on, before MkDocs reads any page."""
    return run_checks(SOURCE_CHECKS, content)


# Run by the build only, on each finished page (hooks/safety_hook.py); the names say what.
BUILT_PAGE_CHECKS: tuple[str, ...] = (
    "raw HTML in the finished content outside the allowlist (nh3), the handout included",
    "hidden text in a page's own content, before the hooks add theirs (hooks/sources_hook.py)",
    "the theme's classes and ids in content (md-…, mermaid, __…), and ids repeated in the page",
    "script from an attribute or a javascript: link anywhere in the page, theme included",
    "files fetched from outside the site: src, srcset, poster, data, link href, CSS url() and @import",
    "the 404 page, each language, for the same",
)


def all_problems(docs_dir: Path, today: dt.date | None = None) -> list[Problem]:
    """Every check's problems, in the order of CHECKS (what `make check` prints)."""
    return run_checks(CHECKS, Content(docs_dir, today or dt.date.today()))
