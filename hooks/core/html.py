"""Walking HTML fragments: the text a reader sees, with every tag copied untouched.

A small regex tokenizer rather than html.parser: it is fast over thousands of pages and
guarantees that only what a transform adds to the text changes (the property tests in
tests/test_matcher.py hold it to that). Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from typing import Callable

RAW_TEXT_ELEMENTS = ("script", "style")
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
})

# A tag's attributes, up to its ">", quotes respected as html.parser respects them. Runs
# of plain characters and quoted values are taken whole and never given back (possessive:
# `++`, `*+`): each alternative starts with a different character, so giving one back can
# never lead to a match, and not trying splits a page about twice as fast. Shared with
# safety/by_piece.py.
TAG_ATTRIBUTES = r"(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+"

_TOKEN = re.compile(
    r"<!--.*?-->"                       # comment
    r"|<!\[CDATA\[.*?\]\]>"             # CDATA
    r"|<![^>]*>"                        # doctype
    r"|</?[A-Za-z][^\s/>]*"             # tag name ...
    + TAG_ATTRIBUTES +                  # ... attributes ...
    r">",                               # ... end of tag
    re.DOTALL,
)
# The same tokens, with script and style elements kept whole, for re.split.
_SPLIT = re.compile(r"(<(?:script|style)\b.*?</(?:script|style)\s*>|" + _TOKEN.pattern + ")",
                    re.DOTALL | re.IGNORECASE)
# And with a tag's name as a second group (None for a whole script or style element, a
# comment, CDATA or a doctype): walk_text reads it from the split instead of matching again.
_SPLIT_NAMED = re.compile(_SPLIT.pattern.replace(r"|</?[A-Za-z][^\s/>]*", r"|</?([A-Za-z][^\s/>]*)", 1),
                          re.DOTALL | re.IGNORECASE)
assert _SPLIT_NAMED.groups == 2
# A name read again where the split's is missing or looser: its [A-Za-z] under IGNORECASE also
# takes "ſ", "K" (the Kelvin sign), "İ" and "ı", which are not tag names; and "<script-x>" is
# swallowed whole by the script alternative ("\b" holds before "-"), but is a tag of its own.
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_CLASS_ATTR = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def walk_text(
    html: str,
    transform: Callable[[str], str],
    *,
    skipped: frozenset[str],
    skipped_classes: frozenset[str] = frozenset(),
    on_open_tag: Callable[[str, str], None] = lambda name, tag: None,
) -> str:
    """Apply `transform` to every run of text a reader sees, outside `skipped` elements.

    Tags, attributes, comments, script and style are copied untouched, so only what
    `transform` adds to the text changes. `on_open_tag` hears each opening tag (name, whole tag)
    outside skipped elements (the glossary uses it to start a new section at each h2).
    """
    skip_stack: list[list] = []  # [tag name, nesting depth] of the element we are inside
    parts = _SPLIT_NAMED.split(html)  # text, markup, its tag name, text, ... (one pass, in C)
    last = len(parts) - 1
    for index in range(0, len(parts), 3):
        text = parts[index]
        if not skip_stack and text and not text.isspace():
            parts[index] = transform(text)
        if index == last:
            break
        token, name = parts[index + 1], parts[index + 2]
        parts[index + 2] = ""
        if name is None or not name[0].isascii():  # comment, doctype, CDATA, whole script or style...
            found = _TAG_NAME.match(token)  # ...or a name the split read more loosely
            if not found:
                continue
            name = found.group(1)
        name = name.lower()
        closing = token.startswith("</")
        if name in RAW_TEXT_ELEMENTS and not closing:  # a script or style tag alone
            continue
        self_closing = token.endswith("/>") or name in VOID_ELEMENTS
        if skip_stack:
            top = skip_stack[-1]
            if name == top[0] and not self_closing:
                top[1] += -1 if closing else 1
                if top[1] == 0:
                    skip_stack.pop()
            continue
        if closing or self_closing:
            continue
        on_open_tag(name, token)
        if name in skipped or (skipped_classes and _has_skipped_class(token, skipped_classes)):
            skip_stack.append([name, 1])
    return "".join(parts)


def _has_skipped_class(tag: str, skipped_classes: frozenset[str]) -> bool:
    match = _CLASS_ATTR.search(tag)
    if not match:
        return False
    classes = (match.group(1) or match.group(2) or match.group(3) or "").split()
    return any(cls in skipped_classes for cls in classes)


def visible_text(html: str) -> str:
    """The text a reader sees, for comparing pages with and without links."""
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", "", html, flags=re.DOTALL | re.IGNORECASE)
    return _TOKEN.sub("", text)
