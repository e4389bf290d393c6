"""Find term mentions in text and HTML: one pass, CJK-aware, markup-safe.

Nothing here imports MkDocs. `TermMatcher` finds names in plain text with one
Aho-Corasick automaton (cost linear in the text, whatever the number of terms).
`link_mentions` walks an HTML fragment, matches only in text that a reader sees
outside code, links, headings and the like, and wraps the first mention of each
term per section in a link. Only markup is added: the visible text is unchanged.
"""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass
from typing import Callable, Iterable

import ahocorasick

from core.html import walk_text

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
_RELATED_CLASS = re.compile(r"""\sclass="(?:[^"]*\s)?glossary-related[\s"]""")
_SELF_ATTR = re.compile(r'\sdata-glossary-self="([^"]*)"')
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

LinkRenderer = Callable[[str, str], str]  # (term id, visible text as HTML) -> link HTML


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
    at every `section_tag` heading and at an element of class `glossary-related` (a
    "related terms" line, where every term is a link). After an element carrying
    `data-glossary-self="ID"` (a glossary entry's name), term ID is not linked until the
    next such element or section: an entry never links to itself.
    """
    excluded = set(exclude)
    own_entry: set[str] = set()
    linked_in_section: set[str] = set()
    linked_on_page: dict[str, None] = {}

    def link_text(text: str) -> str:
        pieces = []
        cursor = 0
        for mention in matcher.find(text):
            if mention.key in excluded or mention.key in own_entry or mention.key in linked_in_section:
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

    def start_section(name: str, tag: str) -> None:
        if name == section_tag or _RELATED_CLASS.search(tag):
            linked_in_section.clear()
            own_entry.clear()
        entry = _SELF_ATTR.search(tag)
        if entry:
            own_entry.clear()
            own_entry.add(html_module.unescape(entry.group(1)))

    html = walk_text(html, link_text, skipped=SKIPPED_ELEMENTS, skipped_classes=SKIPPED_CLASSES,
                     on_open_tag=start_section)
    return html, list(linked_on_page)


def _inside_entity(text: str, start: int, end: int) -> bool:
    """True when a match touches a character reference such as &amp; or &#26469;."""
    for entity in _ENTITY.finditer(text):
        if entity.start() < end and start < entity.end():
            return True
    return False
