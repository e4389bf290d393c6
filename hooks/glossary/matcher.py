"""Find term mentions in text and HTML: one pass, CJK-aware, markup-safe.

Nothing here imports MkDocs. `TermMatcher` finds names in plain text with one
Aho-Corasick automaton (cost linear in the text, whatever the number of terms).
`link_mentions` walks an HTML fragment, matches only in text that a reader sees
outside code, links, headings and the like, and wraps the first mention of each
term per section in a link. Only markup is added: the visible text is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

import ahocorasick

# -----------------------------------------------------------------------------
# Matching names in plain text
# -----------------------------------------------------------------------------

_ASCII_UPPER_TO_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _is_ascii_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def is_case_sensitive(name: str) -> bool:
    """Acronyms and mixed-case names (RAG, MoE, DeepSeek) match exactly;
    ordinary words (temperature, Token, Chain of thought) match in any case."""
    for word in re.findall(r"[A-Za-z]+", name):
        if any(char.isupper() for char in word[1:]) or (len(word) == 1 and word.isupper()):
            return True
    return False


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    key: str  # the term id


class TermMatcher:
    """Leftmost-longest matching of many names at once.

    - A name that starts (ends) with an ASCII letter or digit must not be preceded
      (followed) by one: RL never matches in URL or RLHF, SFT never in SFTP.
    - Chinese names match anywhere, since Chinese has no spaces between words.
    - At one position the longest name wins: 监督式微调 before 微调.
    """

    def __init__(self, names: dict[str, str]):
        """names: name as written -> term id."""
        self._automaton = ahocorasick.Automaton()
        for name, key in names.items():
            folded = name.translate(_ASCII_UPPER_TO_LOWER)
            entries = self._automaton.get(folded, [])
            entries.append((name, key, is_case_sensitive(name)))
            self._automaton.add_word(folded, entries)
        self._empty = not names
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Mention]:
        if self._empty or not text:
            return []
        # Folding only ASCII keeps every index in the folded text equal to the original's.
        folded = text.translate(_ASCII_UPPER_TO_LOWER)
        candidates: list[Mention] = []
        for end_index, entries in self._automaton.iter(folded):
            end = end_index + 1
            for name, key, case_sensitive in entries:
                start = end - len(name)
                if case_sensitive and text[start:end] != name:
                    continue
                if _is_ascii_word_char(name[0]) and start > 0 and _is_ascii_word_char(text[start - 1]):
                    continue
                if _is_ascii_word_char(name[-1]) and end < len(text) and _is_ascii_word_char(text[end]):
                    continue
                candidates.append(Mention(start, end, key))
                break
        candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[Mention] = []
        covered_until = 0
        for mention in candidates:
            if mention.start >= covered_until:
                chosen.append(mention)
                covered_until = mention.end
        return chosen


# -----------------------------------------------------------------------------
# Linking mentions inside HTML
# -----------------------------------------------------------------------------

# Elements whose text is never linked: code, existing links, headings, ...
SKIPPED_ELEMENTS = frozenset({
    "a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd",
    "label", "option", "pre", "samp", "script", "select", "style", "summary",
    "svg", "math", "textarea", "title", "var", "figcaption",
})
# Classes that mark text a reader should not see turned into links.
SKIPPED_CLASSES = frozenset({"admonition-title", "no-glossary", "glossary-print-list"})
RAW_TEXT_ELEMENTS = ("script", "style")
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
})

_TOKEN = re.compile(
    r"<!--.*?-->"                       # comment
    r"|<!\[CDATA\[.*?\]\]>"             # CDATA
    r"|<![^>]*>"                        # doctype
    r"|</?[A-Za-z][^\s/>]*"             # tag name ...
    r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*"  # ... attributes, quotes respected ...
    r">",                               # ... end of tag
    re.DOTALL,
)
# The same tokens, with script and style elements kept whole, for re.split.
_SPLIT = re.compile(r"(<(?:script|style)\b.*?</(?:script|style)\s*>|" + _TOKEN.pattern + ")",
                    re.DOTALL | re.IGNORECASE)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_CLASS_ATTR = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

LinkRenderer = Callable[[str, str], str]  # (term id, visible text as HTML) -> link HTML


def walk_text(
    html: str,
    transform: Callable[[str], str],
    *,
    skipped: frozenset[str] = SKIPPED_ELEMENTS,
    skipped_classes: frozenset[str] = SKIPPED_CLASSES,
    on_open_tag: Callable[[str], None] = lambda name: None,
) -> str:
    """Apply `transform` to every run of text a reader sees, outside `skipped` elements.

    Tags, attributes, comments, script and style are copied untouched, so only what
    `transform` adds to the text changes. `on_open_tag` hears each opening tag outside
    skipped elements (link_mentions uses it to start a new section at each h2).
    """
    skip_stack: list[list] = []  # [tag name, nesting depth] of the element we are inside
    parts = _SPLIT.split(html)  # text, markup, text, markup, ... (one pass, in C)
    for index in range(0, len(parts), 2):
        if not skip_stack and parts[index] and not parts[index].isspace():
            parts[index] = transform(parts[index])
        if index + 1 == len(parts):
            break
        token = parts[index + 1]
        name_match = _TAG_NAME.match(token)
        if not name_match:  # comment, doctype, CDATA
            continue
        name = name_match.group(1).lower()
        closing = token.startswith("</")
        if name in RAW_TEXT_ELEMENTS and not closing:  # a whole script or style element
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
        on_open_tag(name)
        if name in skipped or _has_skipped_class(token, skipped_classes):
            skip_stack.append([name, 1])
    return "".join(parts)


def link_mentions(
    html: str,
    matcher: TermMatcher,
    render_link: LinkRenderer,
    *,
    exclude: Iterable[str] = (),
    section_tag: str = "h2",
) -> tuple[str, list[str]]:
    """Link the first mention of each term in each section; return (html, term ids linked).

    `exclude` holds term ids never to link (a page's own term). A new section starts
    at every `section_tag` heading.
    """
    excluded = set(exclude)
    linked_in_section: set[str] = set()
    linked_on_page: dict[str, None] = {}

    def link_text(text: str) -> str:
        pieces = []
        cursor = 0
        for mention in matcher.find(text):
            if mention.key in excluded or mention.key in linked_in_section:
                continue
            if _inside_entity(text, mention.start, mention.end):
                continue
            pieces.append(text[cursor:mention.start])
            pieces.append(render_link(mention.key, text[mention.start:mention.end]))
            cursor = mention.end
            linked_in_section.add(mention.key)
            linked_on_page.setdefault(mention.key, None)
        pieces.append(text[cursor:])
        return "".join(pieces)

    def start_section(name: str) -> None:
        if name == section_tag:
            linked_in_section.clear()

    html = walk_text(html, link_text, on_open_tag=start_section)
    return html, list(linked_on_page)


def _has_skipped_class(tag: str, skipped_classes: frozenset[str]) -> bool:
    match = _CLASS_ATTR.search(tag)
    if not match:
        return False
    classes = (match.group(1) or match.group(2) or match.group(3) or "").split()
    return any(cls in skipped_classes for cls in classes)


def _inside_entity(text: str, start: int, end: int) -> bool:
    """True when a match touches a character reference such as &amp; or &#26469;."""
    for entity in _ENTITY.finditer(text):
        if entity.start() < end and start < entity.end():
            return True
    return False


def visible_text(html: str) -> str:
    """The text a reader sees, for comparing pages with and without links."""
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", "", html, flags=re.DOTALL | re.IGNORECASE)
    return _TOKEN.sub("", text)
