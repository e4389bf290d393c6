"""What a page names that must exist: snippets (`--8<-- "file"`) and `template:` files.

Without these checks, a missing snippet or an unknown template stops the build with a
Python traceback from pymdownx or Jinja, and `make check` passes. Pure functions over
(path, text); the build runs them before any page is rendered (checks/__init__.py).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from core.problems import Problem, did_you_mean
from core.sources import SNIPPETS_FOLDER, field_line, split_front_matter

# pymdownx.snippets' markers (RE_ALL_SNIPPETS): `--8<-- "file"` on a line of its own, or a
# block from a `--8<--` line to the next one, one file per line; `;--8<--` is escaped.
_INLINE = re.compile(r"""^[ \t]*(?P<escape>;*)-+8<-+[ \t]+(?P<q>["'])(?P<file>.+?)(?P=q)$""")
_BLOCK = re.compile(r"^[ \t]*(?P<escape>;*)-+8<-+$")
# A snippet may name lines or a section after its file name: "table.md:3:9", "table.md:intro".
_FILE_PART = re.compile(r"(?i)(.*?)(?:((?::-?[0-9]*){1,2}(?:(?:,(?=[-0-9:])-?[0-9]*)(?::-?[0-9]*)?)*)|(:[a-z][-_0-9a-z]*))?$")
# One page is one page: more includes than this is a mistake, and each adds a whole file.
MAX_SNIPPETS_PER_PAGE = 10


def snippet_names(text: str) -> list[tuple[int, str]]:
    """(line, file name) of every snippet a text includes."""
    found, block = [], False
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        inline, marker = _INLINE.match(line), _BLOCK.match(line)
        if (inline or marker) and (inline or marker).group("escape"):
            continue
        if marker:
            block = not block
        elif inline and not block:
            found.append((number, inline.group("file").strip()))
        elif block and line.strip():
            found.append((number, line.strip()))
    return [(number, _FILE_PART.match(name).group(1)) for number, name in found]


def snippet_problems(pages: dict[str, str], snippets: set[str]) -> list[Problem]:
    """Every snippet a page includes exists in docs/_snippets/; snippets include none."""
    problems = []
    for path, text in sorted(pages.items()):
        names = snippet_names(text)
        if path.startswith(f"{SNIPPETS_FOLDER}/"):
            problems.extend(Problem(path, "snippet", (
                "a snippet cannot include another snippet. Put the text here directly."), line)
                for line, _ in names)
            continue
        if len(names) > MAX_SNIPPETS_PER_PAGE:
            problems.append(Problem(path, "snippet", (
                f"this page includes {len(names)} snippets; at most {MAX_SNIPPETS_PER_PAGE} are "
                "allowed. Split the page."), names[0][0]))
        for line, name in names:
            clean = posixpath.normpath(name)
            if clean not in snippets:
                hint = did_you_mean(name, sorted(snippets))
                problems.append(Problem(path, "snippet", (
                    f"the snippet '{name}' does not exist: a '--8<--' line names a file in "
                    f"docs/{SNIPPETS_FOLDER}/, written without the folder.{hint}"), line))
    return problems


def template_names(folders: list[Path]) -> set[str]:
    """The page templates a theme offers: the .html files at the top of its folders."""
    return {path.name for folder in folders if folder.is_dir() for path in folder.glob("*.html")}


# The theme's other templates are not pages: 404.html and redirect.html would replace a
# page's content without a word (redirect.html reloads the page for ever), and the blog
# templates need a blog plugin this site does not have.
PAGE_TEMPLATES = frozenset({"main.html"})


def template_problems(pages: dict[str, str], templates: set[str]) -> list[Problem]:
    """A page's `template:` must be a page template of the theme (main.html)."""
    templates = templates & PAGE_TEMPLATES
    problems = []
    for path, text in sorted(pages.items()):
        meta, _, trouble = split_front_matter(path, text)
        value = (meta or {}).get("template")
        if trouble or value is None or value in templates:
            continue
        hint = did_you_mean(str(value), sorted(templates))
        problems.append(Problem(path, "template", (
            f"there is no page template '{value}'. Remove the 'template' line to use the normal "
            f"page (or use one of: {', '.join(sorted(templates))}).{hint}"),
            field_line(text, "template")))
    return problems
