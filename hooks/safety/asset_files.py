"""The site's own stylesheets and scripts: nothing in them asks another site for anything.

The built-page check (built_page.py) reads every page's HTML; the CSS and JavaScript files
those pages load are read here, as text: docs/ (docs/assets/) and the theme overrides'
folder publish them as they are. A stylesheet fetches through url(), @import and
image-set(); a script through fetch, XMLHttpRequest, import(), importScripts, WebSocket,
EventSource, sendBeacon, new Worker, an <img> or <script> it makes... all of which need
an address, so a script may not name another site's address at all (XML namespaces, which
are names and never fetched, aside). An address put together at run time ("ht" + "tps:")
is beyond a text check: the browser crawl (tests/test_browser.py) watches every request.
Material's own bundle is not read here (see the note in tests/test_safety.py).
"""

from __future__ import annotations

import re

from .built_page import css_addresses, leaves_the_site

ASSET_SUFFIXES = (".css", ".js", ".mjs")
# Read whole; a stylesheet or script larger than this is a mistake (ours are under 12 KB).
MAX_ASSET_BYTES = 1_000_000

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_NAMESPACE = re.compile(r"@namespace\b[^;]*;", re.IGNORECASE)
# A quoted string or template literal that starts with an address on another host.
_JS_ADDRESS = re.compile(r"""(["'`])\s*((?:[a-z][a-z0-9+.-]*:)?//[\w\[$%-][^"'`\s]*"""
                         r"""|(?:https?|wss?|ftp):[\w\[$%-][^"'`\s]*)""", re.IGNORECASE)
# Names, not places: createElementNS("http://www.w3.org/2000/svg", ...) fetches nothing.
_NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml",
               "http://www.w3.org/1999/xlink", "http://www.w3.org/XML/1998/namespace",
               "http://www.w3.org/2000/xmlns/", "http://www.w3.org/1998/Math/MathML")


def stylesheet_addresses(css: str) -> list[tuple[int, str]]:
    """(line, address) of every address on another site this stylesheet fetches."""
    css = _CSS_NAMESPACE.sub(_blank, _CSS_COMMENT.sub(_blank, css))
    found = [(number, url) for number, text in enumerate(css.split("\n"), start=1)
             for url in css_addresses(text) if url and leaves_the_site(url)]
    # A url( ... ) broken over lines: found in the whole text, placed where its address starts.
    for url in css_addresses(css):
        if url and leaves_the_site(url) and url not in (u for _, u in found):
            at = css.find(url)
            found.append((css.count("\n", 0, at) + 1 if at >= 0 else 1, url))
    return sorted(found)


def script_addresses(js: str) -> list[tuple[int, str]]:
    """(line, address) of every other site's address a script names (in a string)."""
    found = []
    for match in _JS_ADDRESS.finditer(js):
        address = match.group(2)
        if address.rstrip("/#") in (n.rstrip("/") for n in _NAMESPACES) or not leaves_the_site(address):
            continue
        found.append((js.count("\n", 0, match.start()) + 1, address))
    return found


def asset_problem_sentence(kind: str, address: str) -> str:
    shown = address if len(address) <= 80 else address[:77] + "..."
    thing = "stylesheet" if kind == "css" else "script"
    return (f"this {thing} makes readers' browsers ask another site for '{shown}'. Readers on the "
            f"intranet cannot reach it, and the site makes no request outside itself. Copy the file "
            f"into docs/assets/ and use it from there (a path relative to this file), or remove the line.")


def _blank(match: re.Match) -> str:
    """A comment removed, its line breaks kept, so lines still count right."""
    return "\n" * match.group(0).count("\n")

