"""Limits on a page's Markdown shape, so that no page can make the build run for minutes.

Python-Markdown's time grows much faster than a page's size for a few shapes: a paragraph
of 5,000 '[' takes 6 s and one of 20,000 takes three minutes; 2,000 abbreviation
definitions take 18 s; lists nested a few hundred deep exhaust Python's recursion limit
(a traceback). Each limit below is many times what the real pages use (measured December
2026: 9 '[' in a paragraph, 76 in a page, lines up to 829 characters, 4 spaces of indent,
no abbreviations or footnotes) and keeps the worst page to seconds.
"""

from __future__ import annotations

import re

from .markdown import FENCE
from .problems import Problem

MAX_LINE_CHARS = 5_000
MAX_BRACKETS_PER_PARAGRAPH = 60
MAX_BRACKETS_PER_PAGE = 2_000
MAX_INDENT = 40          # columns of leading spaces: about ten levels of nested lists or boxes
MAX_QUOTE_DEPTH = 8      # '> > >'
MAX_DEFINITIONS = 100    # abbreviations ('*[RAG]: ...') and footnotes ('[^1]: ...')
# '<a' with no '>' before the next '<': Python-Markdown's HTML reader reads on to the end of
# the page for each one, so 40 lines of '<a <a <a ...' take minutes (20 lines: 146 s).
MAX_UNCLOSED_TAGS = 100

_QUOTES = re.compile(r"^[ \t]*((?:>[ \t]*)+)")
_UNCLOSED_TAG = re.compile(r"<[A-Za-z][^<>]*(?=<|\Z)")
_DEFINITION = re.compile(r"^[ \t]*(?:\*\[|\[\^)[^\]\n]*\]:", re.M)
# A tab counts up to 4 columns: more than MAX_INDENT // 4 blank characters may be too deep.
_MAYBE_DEEP = re.compile(r"^[ \t]{%d,}" % (MAX_INDENT // 4 + 1), re.M)
_QUOTES_DEEP = re.compile(r"^[ \t]*(?:>[ \t]*){%d,}" % (MAX_QUOTE_DEPTH + 1), re.M)
SPLIT = "Split it into shorter lines, paragraphs or pages."


def shape_problem(path: str, text: str) -> Problem | None:
    """The first limit a page's Markdown breaks, with its line, or None."""
    if text.count("[") > MAX_BRACKETS_PER_PAGE:
        return Problem(path, "", (
            f"this page has {text.count('[')} '[' characters; at most {MAX_BRACKETS_PER_PAGE} "
            f"are allowed, so that the page builds in seconds. {SPLIT}"))
    if len(_DEFINITION.findall(text)) > MAX_DEFINITIONS:
        return Problem(path, "", (
            f"this page defines more than {MAX_DEFINITIONS} abbreviations or footnotes. {SPLIT}"))
    unclosed = _UNCLOSED_TAG.findall(text)
    if len(unclosed) > MAX_UNCLOSED_TAGS:
        first = _UNCLOSED_TAG.search(text).start()
        return Problem(path, "", (
            f"this page has {len(unclosed)} '<' followed by a letter with no '>' after them; at most "
            f"{MAX_UNCLOSED_TAGS} are allowed, so that the page builds in seconds (each one reads as "
            "the start of an HTML tag). Close each tag with '>', or write '&lt;' for a '<' that is "
            "not a tag."), text.count("\n", 0, first) + 1)
    if not _might_break(text):
        return None
    brackets, paragraph_start, in_code = 0, 1, False
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return Problem(path, "", (
                f"this line has {len(line)} characters; at most {MAX_LINE_CHARS} are allowed. {SPLIT}"), number)
        if FENCE.match(line):
            in_code = not in_code
        if in_code or not line.strip():  # code is not parsed as Markdown
            brackets, paragraph_start = 0, number + 1
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        if indent > MAX_INDENT:
            return Problem(path, "", (
                f"this line is indented by {indent} spaces; at most {MAX_INDENT} are allowed "
                "(about ten levels of lists or boxes inside each other). Nest less deeply."), number)
        quotes = _QUOTES.match(line)
        if quotes and quotes.group(1).count(">") > MAX_QUOTE_DEPTH:
            return Problem(path, "", (
                f"this line is a quotation inside more than {MAX_QUOTE_DEPTH} others ('>'). "
                "Nest less deeply."), number)
        brackets += line.count("[")
        if brackets > MAX_BRACKETS_PER_PARAGRAPH:
            return Problem(path, "", (
                f"the paragraph starting on line {paragraph_start} has more than "
                f"{MAX_BRACKETS_PER_PARAGRAPH} '[' characters, which makes the build very slow. "
                "Use fewer links in one paragraph, or split it with empty lines."), paragraph_start)
    return None


def _might_break(text: str) -> bool:
    """A quick look for any line the precise walk could refuse (most pages have none)."""
    return (text.count("[") > MAX_BRACKETS_PER_PARAGRAPH
            or max(map(len, text.split("\n"))) > MAX_LINE_CHARS
            or _MAYBE_DEEP.search(text) is not None
            or _QUOTES_DEEP.search(text) is not None)
