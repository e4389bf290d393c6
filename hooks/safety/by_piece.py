"""html.parser's reading of a page, one piece of markup at a time, remembered across pages.

The safety checks read every page with an html.parser subclass (built_page.py, sanitize.py,
hiding.py). Most of a finished page is the theme's markup, the same on every page (the
navigation alone is hundreds of tags), so reading each page whole made those checks
almost half of a 1,000-term build. Here a page is cut into pieces of markup (a tag, a
comment or declaration, a whole <script> or <style> element) and the text between them;
what a check finds in a piece is worked out once per distinct piece and remembered.

The findings are those of reading the page whole, in the same order, because:
- the text between pieces holds no "<" (else the page is read whole): every tag
  html.parser sees in the page starts inside a piece;
- a piece counts only if html.parser, reading it alone, finishes it (nothing left over,
  not inside a script or style element): it then reads it exactly as it does within the
  page, where it also meets it after plain text. A piece it cannot finish alone (an
  unbalanced quote, an unclosed <script>) makes the page be read whole.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Callable

from core.html import TAG_ATTRIBUTES

# A piece of markup. Quotes inside a tag are respected, as html.parser respects them; a
# script or style element is one piece, as html.parser reads its text as text.
_PIECES = re.compile(
    r"(<script\b.*?</script\s*>"
    r"|<style\b.*?</style\s*>"
    r"|<!--.*?-->"
    r"|<[!?][^>]*>"
    r"|</?[A-Za-z][^\s/>]*" + TAG_ATTRIBUTES + r">)",
    re.DOTALL | re.IGNORECASE,
)

_NOT_ALONE = object()  # a piece html.parser cannot finish by itself
_MEMO: dict[Callable, dict[str, object]] = {}


def findings(html: str, read: Callable[[], HTMLParser], found: Callable[[HTMLParser], list]) -> list:
    """`found(parser)` after `read()` has been fed the whole of `html`, without reading every
    tag of it each time. `read` and `found` must be module-level functions (the memo is kept
    per `read`), and `found` must only collect, in order, what the parser's handlers saw."""
    parts = _PIECES.split(html)
    if "<" in "".join(parts[0::2]):
        return _whole(html, read, found)
    memo = _MEMO.setdefault(read, {})
    result: list = []
    for piece in parts[1::2]:
        seen = memo.get(piece)
        if seen is None:
            seen = memo[piece] = _alone(piece, read, found)
        if seen is _NOT_ALONE:
            return _whole(html, read, found)
        if seen:
            result.extend(seen)
    return result


def _whole(html: str, read, found) -> list:
    parser = read()
    parser.feed(html)
    parser.close()
    return list(found(parser))


def _alone(piece: str, read, found):
    parser = read()
    parser.feed(piece)
    if parser.rawdata or parser.cdata_elem is not None:
        return _NOT_ALONE
    return tuple(found(parser))
