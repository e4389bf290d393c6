"""Where a page is published, worked out from its source path, without asking the engine.

The glossary's mention links point at built pages, so the Markdown extension must know
each term page's URL without MkDocs' Files. The rules are MkDocs 1.6's (`File.url`,
`mkdocs.utils.get_relative_url`) under mkdocs-static-i18n's suffix structure: the default
language at the root, every other language under `<locale>/`. The byte-identical site
built with and without this module's figures (the before/after `diff -r` in issue #15)
is what shows they agree; tests/test_glossary_markdown.py checks a few by hand.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import quote

from core.languages import DEFAULT_LANGUAGE
from core.sources import language_of


@lru_cache(maxsize=8192)  # every mention link asks for its term page's URL: strings in, a string out
def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """'terms/rag.en.md' -> 'en/terms/rag/'; 'index.md' -> './'; 'index.en.md' -> 'en/'."""
    base, lang = language_of(src_path)
    parent, name = posixpath.split(base[:-len(".md")] if base.endswith(".md") else base)
    if name == "README":
        name = "index"
    if name == "index":
        url = (parent or ".") + "/" if use_directory_urls else posixpath.join(parent, "index.html")
    elif use_directory_urls:
        url = posixpath.join(parent, name) + "/"
    else:
        url = posixpath.join(parent, name + ".html")
    if lang != DEFAULT_LANGUAGE:
        url = f"{lang}/" if url == "./" else f"{lang}/{url}"
    return quote(url)  # as File.url does


def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path.lstrip("/"))[1:]
    return path.split("/") if path else []


def relative_url(url: str, other: str) -> str:
    """`url` as a link from the page at `other` (mkdocs.utils.get_relative_url)."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts, dest_parts = _parts(other), _parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative
