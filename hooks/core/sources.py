"""Source files under docs/: which language a path is in, the folders, front matter.

Pages follow mkdocs-static-i18n's suffix structure: `terms/rag.md` is the default
language, `terms/rag.en.md` its English page. Every module that needs a page's
language, base path or term id asks here, so the rule is written once.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import NamedTuple

import yaml

from .languages import DEFAULT_LANGUAGE, LANGUAGES
from .problems import Problem

TERMS_FOLDER = "terms"
COMPARE_FOLDER = "compare"
SNIPPETS_FOLDER = "_snippets"
DIAGRAMS_FOLDER = "_diagrams"
# A term's or a diagram's id, which is its file name: lower-case letters, digits, hyphens.
FILE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# libyaml's loader when PyYAML has it (the wheels do): the same results, several times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class SourcePath(NamedTuple):
    """'terms/rag.en.md' -> SourcePath(base='terms/rag.md', lang='en')."""

    base: str
    lang: str


def language_of(src_path: str) -> SourcePath:
    """'terms/rag.en.md' -> ('terms/rag.md', 'en'); 'terms/rag.md' -> ('terms/rag.md', 'zh')."""
    stem, _, ext = src_path.rpartition(".")
    base, dot, suffix = stem.rpartition(".")
    if dot and suffix in LANGUAGES:
        return SourcePath(f"{base}.{ext}", suffix)
    return SourcePath(src_path, DEFAULT_LANGUAGE)


def page_id(src_path: str) -> str:
    """The file name without language and '.md': 'compare/dense-vs-moe.en.md' -> 'dense-vs-moe'."""
    return PurePosixPath(language_of(src_path).base).stem


def is_term_page(src_path: str) -> bool:
    return src_path.startswith(f"{TERMS_FOLDER}/") and src_path.endswith(".md")


def is_compare_page(src_path: str) -> bool:
    return src_path.startswith(f"{COMPARE_FOLDER}/") and src_path.endswith(".md")


def term_id_of(src_path: str) -> str | None:
    """'terms/rag.en.md' -> 'rag'; None for a page that is not a term page."""
    return page_id(src_path) if is_term_page(src_path) else None


def read_pages(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page under docs/ (snippets included, they need translations too)."""
    return {
        path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs_dir.rglob("*.md"))
    }


def content_hash(text: str) -> str:
    """Short fingerprint of a Chinese page, recorded by its translation (source_hash)."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:12]


# -----------------------------------------------------------------------------
# Front matter
# -----------------------------------------------------------------------------


def split_front_matter(path: str, text: str) -> tuple[dict | None, str, list[Problem]]:
    """Return (front matter or None, body, problems). Never raises on bad content."""
    match = FRONT_MATTER.match(text)
    if not match:
        if text.lstrip().startswith("---"):
            return None, text, [Problem(path, "front matter", (
                "the front matter block is not closed. It must start with a line '---' "
                "at the very top of the file and end with another line '---'."))]
        return None, text, []
    body = text[match.end():]
    try:
        data = yaml.load(match.group(1) or "", Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening '---'
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        return None, body, [Problem(path, "front matter", (
            f"the front matter cannot be read ({reason}, line {line}). "
            "Check that every line looks like 'field: value', and put values that contain "
            "a colon ':' or start with a quote or bracket in double quotes."), line)]
    if not isinstance(data, dict):
        return None, body, [Problem(path, "front matter", (
            "the front matter must be a list of 'field: value' lines."))]
    return data, body, []


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
