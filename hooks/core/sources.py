"""Source files under docs/: which language a path is in, the folders, reading the pages.

Pages follow mkdocs-static-i18n's suffix structure: `terms/rag.md` is the default
language, `terms/rag.en.md` its English page. Every module that needs a page's
language, base path or term id asks here, so the rule is written once. Front matter
is read by frontmatter.py (re-exported here), the files checked by source_files.py.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from .frontmatter import FRONT_MATTER, body_of, field_line, split_front_matter  # noqa: F401  (one reader)
from .languages import DEFAULT_LANGUAGE, LANGUAGES

TERMS_FOLDER = "terms"
COMPARE_FOLDER = "compare"
SNIPPETS_FOLDER = "_snippets"
DIAGRAMS_FOLDER = "_diagrams"
# A term's or a diagram's id, which is its file name: lower-case letters, digits, hyphens.
FILE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
    """Only pages directly in terms/: one in a sub-folder must not claim a term's id."""
    return (src_path.startswith(f"{TERMS_FOLDER}/") and src_path.count("/") == 1
            and src_path.endswith(".md"))


def is_compare_page(src_path: str) -> bool:
    return src_path.startswith(f"{COMPARE_FOLDER}/") and src_path.endswith(".md")


def term_id_of(src_path: str) -> str | None:
    """'terms/rag.en.md' -> 'rag'; None for a page that is not a term page."""
    return page_id(src_path) if is_term_page(src_path) else None


def read_pages(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page under docs/ (snippets included, they need translations too) that
    can be read: files with source_files.source_problems are left out, and reported."""
    from .source_files import read_texts  # it builds on this module's path rules
    return read_texts(docs_dir, lambda path: path.endswith(".md"))


def content_hash(text: str) -> str:
    """Short fingerprint of a Chinese page, recorded by its translation (source_hash)."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:12]


def yaml_text(value: str) -> str:
    """A value as YAML text: a hash of digits only would be read as a number, so it is quoted."""
    return f'"{value}"' if value.isdigit() else value
