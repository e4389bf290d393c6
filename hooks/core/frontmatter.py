"""Front matter, read strictly: the one reader for `make check`, `make fix` and the build.

MkDocs parses front matter with its own YAML loader (mkdocs/utils/meta.py), which keeps
a repeated key's last value, reads `no` as false and `010` as 8, shows a block it cannot
read as page text, and, on a page without front matter, swallows a first line shaped
like `Note: ...` as a hidden setting. This reader refuses each of those (strict_yaml.py
for the YAML itself), so a page that passes reads the same in MkDocs; the build checks
every page with it before MkDocs reads any (hooks/sources_hook.py).
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

import yaml

from . import strict_yaml
from .problems import Problem

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# What MkDocs takes for a MultiMarkdown setting on a page without front matter (META_RE).
_MULTIMARKDOWN = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")

# Fields whose value is text wherever they appear (MkDocs', Material's and the site's):
# a number, a date or yes/no there is a YAML surprise, not what the contributor meant.
TEXT_FIELDS = ("title", "description", "template", "status", "term", "summary",
               "category", "level", "source_hash")
TEXT_LIST_FIELDS = ("aliases", "related", "hide")

_HOW_TO_WRITE = ("Check that every line looks like 'field: value', and put values that contain "
                 "a colon ':' or start with a quote or bracket in double quotes.")


def split_front_matter(path: str, text: str) -> tuple[dict | None, str, list[Problem]]:
    """Return (front matter or None, body, problems). Never raises on bad content."""
    meta, body, problems = _split(path, text)
    return copy.deepcopy(meta), body, list(problems)


# Every check reads a page's front matter (terms, templates, hashes): read each text once.
@lru_cache(maxsize=8192)  # every page of a 1,000-term site, both languages, with room
def _split(path: str, text: str) -> tuple[dict | None, str, tuple[Problem, ...]]:
    meta, body, problems = _read(path, text)
    return meta, body, tuple(problems)


def _read(path: str, text: str) -> tuple[dict | None, str, list[Problem]]:
    match = FRONT_MATTER.match(text)
    if not match:
        if text.lstrip().startswith("---"):
            return None, text, [Problem(path, "front matter", (
                "the front matter block is not closed. It must start with a line '---' "
                "at the very top of the file and end with another line '---'."))]
        return None, text, []
    body = text[match.end():]
    block = match.group(1) or ""
    if not match.group(0).endswith("\n"):
        return None, body, [Problem(path, "front matter", (
            "the file ends right after the closing '---'. Add a line break after it "
            "(and the page's text below)."), block.count("\n") + 2)]
    if not block.strip():
        return None, body, [Problem(path, "front matter", (
            "the front matter block is empty. Remove the two '---' lines, or write the "
            "fields between them."))]
    for number, line in enumerate(block.split("\n"), start=2):
        if line.rstrip() == "...":  # MkDocs would end the block here
            return None, body, [Problem(path, "front matter", (
                "a line '...' inside the front matter would end it early. Remove that line."), number)]
    try:
        data = strict_yaml.load("\n" + block)  # the "\n" for the opening '---': file lines
    except strict_yaml.Refused as refused:
        return None, body, [Problem(path, "front matter", refused.message, refused.line)]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return None, body, [Problem(path, "front matter", (
            f"the front matter cannot be read (line {line}): {_plain_reason(error, text, line)}"), line)]
    if not isinstance(data, dict):
        return None, body, [Problem(path, "front matter", (
            "the front matter must be a list of 'field: value' lines."))]
    problems = text_field_problems(path, text, data)
    return (None if problems else data), body, problems


def _plain_reason(error: yaml.YAMLError, text: str, line: int) -> str:
    """What YAML's message means, in words for someone who is not a programmer."""
    lines = text.split("\n")
    if any("\t" in lines[n - 1] for n in (line - 1, line) if 0 < n <= len(lines)):
        return "a tab is used to indent. Indent with spaces only."
    reason = f"{getattr(error, 'problem', '') or ''} {getattr(error, 'context', '') or ''}"
    if "mapping values are not allowed" in reason:
        return ("a value contains ': ' (a colon and a space). Put the whole value in double "
                'quotes, like summary: "Look it up: then answer".')
    return f"{reason.strip() or 'it is not valid YAML'}. {_HOW_TO_WRITE}"


def text_field_problems(path: str, text: str, data: dict) -> list[Problem]:
    """Text fields must be text: a number, date or yes/no there asks for quotes."""
    problems = []
    for name in TEXT_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, (str, list, dict)):
            problems.append(Problem(path, name, (
                f"'{name}' is text, but '{value}' is read as {strict_yaml.kind_of(value)}. "
                f"Put it in double quotes, like {name}: \"{value}\"."), field_line(text, name)))
    for name in TEXT_LIST_FIELDS:
        value = data.get(name)
        for item in value if isinstance(value, list) else []:
            if item is not None and not isinstance(item, str):
                problems.append(Problem(path, name, (
                    f"every item of '{name}' is text, but '{item}' is read as "
                    f"{strict_yaml.kind_of(item)}. Put it in double quotes, like \"{item}\"."),
                    field_line(text, name)))
    return problems


def multimarkdown_problem(path: str, text: str) -> Problem | None:
    """A page without front matter whose first line MkDocs would swallow as a setting."""
    if FRONT_MATTER.match(text) or text.lstrip().startswith("---"):
        return None
    first = text.split("\n", 1)[0]
    if not _MULTIMARKDOWN.match(first):
        return None
    return Problem(path, "", (
        f"the first line '{first.strip()[:40]}' looks like a hidden page setting ('word: ...'), "
        "so MkDocs would remove it from the page. Start the page with a heading or other text, "
        "or add front matter (a '---' line, the fields, a '---' line) above it."))


def body_of(text: str) -> tuple[str, int]:
    """The Markdown after the front matter, and the line number it starts on."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text, 1
    return text[match.end():], text[:match.end()].count("\n") + 1


def field_line(text: str, name: str) -> int:
    """Line number of a front-matter field, so an editor can jump to it."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{name}:"):
            return number
    return 1
