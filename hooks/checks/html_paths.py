"""Paths in a page's raw HTML (<img src>, <a href>): each leads to a file the site publishes.

MkDocs rewrites the paths of Markdown links and images for the page's address (the page
'terms/rag.md' is published as 'terms/rag/'), but leaves raw HTML exactly as written, and
checks none of it: `<img src="../assets/x.png">` in terms/rag.md, written as the Markdown
image would be, asks the reader's browser for 'terms/assets/x.png', which does not exist.
This check reads each path as the browser will, from the page's published address, and
refuses the ones that lead nowhere with the Markdown to write instead. Addresses on other
sites are safety/'s (an image from one is refused; a link to one is the reader's to click).
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import unquote

from core.markdown import outside_code_blocks
from core.problems import Problem, did_you_mean
from core.sources import body_of, language_of
from glossary.urls import page_url

_CODE_SPAN = re.compile(r"(`+).*?\1")
# Where '<img ...>' is text, not HTML: a Markdown link's or image's title ([a](b "<img>")),
# and abbreviation and link definitions (*[HTML]: ..., [id]: url "title"), which become
# attributes. (A footnote's text is Markdown and may hold HTML: it is read.)
# (The target is one or more characters, so the spaces around it are matched one way only.)
_LINK_TITLE = re.compile(r"""\]\(\s*(?:<[^>\n]*>|[^\s)]+)\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\))\s*\)""")
_DEFINITION = re.compile(r"^\s{0,3}(?:\*\[[^\]\n]+\]:|\[(?!\^)[^\]\n]+\]:)")
# What the browser's URL parser drops before it reads a scheme: 'java&#x09;script:' is javascript:.
_URL_IGNORED = re.compile(r"[\t\n\r]|^[\x00-\x20]+|[\x00-\x20]+$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_PATH_OF = {"img": "src", "a": "href"}


def published_address(path: str) -> str:
    """The folder a page is published as, from the site's root, as the browser reads it:
    'terms/rag.md' -> 'terms/rag/', 'index.en.md' -> 'en/', 'index.md' -> ''."""
    url = unquote(page_url(path))
    return "" if url == "./" else url


def published(pages: set[str], files: set[str]) -> set[str]:
    """What a browser can ask the built site for: every page's address (with or without
    its index.html) and every other file at its own path."""
    found = {name for name in files if not name.endswith(".md")}
    for page in pages:
        address = published_address(page)
        found.update({address.rstrip("/"), f"{address}index.html"})
    return found


def html_paths(text: str) -> list[tuple[int, str, dict[str, str]]]:
    """(line, tag, attributes) of every <img src> and <a href> in a page's raw HTML, code left out."""
    body, first_line = body_of(text)
    found = []
    for index, line in outside_code_blocks(body.split("\n")):
        if _DEFINITION.match(line) or "<" not in line:
            continue
        # An HTML parser reads quoted attributes ('<abbr title="<img src=x>">' has no <img>);
        # one line at a time, since it rereads an unclosed tag to the end of what it is given.
        parser = _Tags()
        parser.feed(_LINK_TITLE.sub("](x)", _CODE_SPAN.sub("", line)))
        parser.close()
        found += [(first_line + index, tag, attributes) for tag, attributes in parser.found
                  if attributes.get(_PATH_OF[tag], "").strip()]
    return found


def html_path_problems(path: str, text: str, sources: set[str], built: set[str]) -> list[Problem]:
    """sources: the files under docs/ the site builds; built: published() of them."""
    address = published_address(path)
    problems = []
    for line, tag, attributes in html_paths(text):
        target = _URL_IGNORED.sub("", attributes[_PATH_OF[tag]])
        if _SCHEME.match(target) or target.startswith(("//", "#")):
            continue
        what = "image" if tag == "img" else "link"
        file = target.split("#", 1)[0].split("?", 1)[0]
        asked = posixpath.normpath(posixpath.join(address, file))
        asked = "" if asked == "." else asked  # the home page
        as_markdown = posixpath.normpath(posixpath.join(posixpath.dirname(path), file))
        if target.startswith("/"):
            trouble = "starts with '/', which breaks when the site is served under a sub-path"
        elif asked == ".." or asked.startswith("../"):
            trouble = "leads outside the site"
        elif asked in built:
            continue
        else:
            trouble = (f"leads nowhere: from this page's address '{address or './'}' the reader's "
                       f"browser would ask for '{asked}', which the site does not have (MkDocs "
                       f"adjusts the paths of Markdown {what}s to the page's address, not those in HTML)")
        fits = as_markdown in sources or language_of(as_markdown).base in sources
        hint = "" if fits or target.startswith("/") else _check_the_path(as_markdown, tuple(sorted(sources)))
        problems.append(Problem(path, what, (
            f"the {what} '{target}' in this page's HTML {trouble}. Write it in Markdown instead: "
            f"{_as_markdown(tag, attributes, target if fits else 'path/relative/to/this/file')}.{hint}"), line))
    return problems


@lru_cache(maxsize=256)  # a page that repeats one wrong path asks once
def _check_the_path(as_markdown: str, choices: tuple[str, ...]) -> str:
    return f" Check the path: it is relative to this file.{did_you_mean(as_markdown, choices)}"


def _as_markdown(tag: str, attributes: dict[str, str], target: str) -> str:
    if tag == "a":
        return f"[text]({target})"
    size = " ".join(f'{name}="{attributes[name]}"' for name in ("width", "height") if attributes.get(name))
    return f"![{attributes.get('alt') or 'description'}]({target})" + (f"{{ {size} }}" if size else "")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag in _PATH_OF:
            self.found.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag
