"""Diagram markers in pages: `<!-- diagram: <id> -->` alone on a line.

Finding them and checking them (every marker names a diagram that exists), and
replacing them with figures, in Markdown or, for markers inside raw HTML, in HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from core.markdown import outside_code_blocks
from core.problems import Problem, did_you_mean
from core.sources import DIAGRAMS_FOLDER

from .model import Library

# `<!-- diagram: rag-flow -->` alone on a line, at its start.
MARKER = re.compile(r"^<!--[ \t]*diagram[ \t]*:[ \t]*(?P<id>[^\s>]*)[ \t]*-->[ \t]*$")
# Anything that looks like an attempt at one, to catch slips.
MARKER_LIKE = re.compile(r"<!--\s*diagrams?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Placement:
    """A marker found in a page."""
    line: int        # 1-based
    id: str


def find_markers(text: str) -> tuple[list[Placement], list[int]]:
    """Markers outside code blocks, and the lines of marker-like slips (indented, misspelt)."""
    placements: list[Placement] = []
    slips: list[int] = []
    for index, line in outside_code_blocks(text.split("\n")):
        number = index + 1
        match = MARKER.match(line)
        if match:
            placements.append(Placement(number, match.group("id")))
        elif MARKER_LIKE.search(line):
            slips.append(number)
    return placements, slips


def marker_problems(pages: dict[str, str], library: Library) -> list[Problem]:
    """Every marker must name a diagram that exists (and be written so the build sees it)."""
    problems = []
    known = sorted(library.files | set(library.diagrams))
    for path, text in sorted(pages.items()):
        placements, slips = find_markers(text)
        for placement in placements:
            if placement.id in library.diagrams:
                continue
            if not placement.id:
                message = "the marker has no diagram id. Write it like  <!-- diagram: rag-flow -->"
            elif placement.id in known:
                continue  # the diagram's own file has problems, reported on their own
            else:
                hint = did_you_mean(placement.id, known)
                message = (
                    f"there is no diagram called '{placement.id}'.{hint} A diagram id is the "
                    f"name of a file in docs/{DIAGRAMS_FOLDER}/ without '.yml'; the ones that "
                    f"exist are: {', '.join(known) or 'none yet'}.")
            problems.append(Problem(path, "diagram", message, placement.line))
        for line in slips:
            problems.append(Problem(path, "diagram", (
                "this line looks like a diagram marker but is not written the way the build "
                "recognises. Put it alone on its own line, at the very start of the line (not "
                "indented), exactly like  <!-- diagram: rag-flow -->"), line))
    return problems


_HTML_MARKER = re.compile(r"<!--[ \t]*diagram[ \t]*:[ \t]*(?P<id>[^\s>]*)[ \t]*-->")


def replace_markers(markdown: str, figure: Callable[[str], str]) -> str:
    """Each marker line (outside code blocks) -> figure(id), on one line of its own."""
    lines = markdown.split("\n")
    for index, line in outside_code_blocks(lines):
        match = MARKER.match(line)
        if match:
            lines[index] = figure(match.group("id"))
    return "\n".join(lines)


def replace_html_markers(html: str, figure: Callable[[str], str]) -> str:
    """Markers that reach the HTML untouched (they came in with a snippet) -> figures.

    Markdown keeps a comment that stands alone as a paragraph of its own; code blocks
    have escaped theirs ('&lt;!--'), so they are left alone."""
    return _HTML_MARKER.sub(lambda m: figure(m.group("id")), html)
