"""Words too wide for their box: the drawing would cut them ('DeepSeekMa' / 'th').

Both drawings (wide, and narrow for phones) of both languages are tried, because a
word that fits the wide box may not fit the phone's."""

from __future__ import annotations

from core.languages import LANGUAGES
from core.problems import Problem

from .model import Diagram
from .render import WIDTHS, draw


def too_wide_problems(diagram: Diagram, source: str) -> list[Problem]:
    """One problem per word, at the first source line that holds it."""
    problems: list[Problem] = []
    for lang in LANGUAGES:
        cut = sorted({found for variant in WIDTHS for found in draw(diagram, lang, variant)[0].too_wide})
        for word, text in cut:
            problems.append(Problem(diagram.path, "label", (
                f"“{word}” is too long for its box and would be cut in two on the page "
                "(most often in the phone drawing). Shorten the label, or move the long word "
                "to where it has more room, for example the diagram's caption."), _line_of(source, text, word)))
    return problems


def _line_of(source: str, text: str, word: str) -> int:
    """The line with the whole text, else the word as written, else the bare word."""
    lines = source.splitlines()
    for wanted in (text.strip(), word, word.strip("（）()“”\"'，。、：；,.:;")):
        for number, line in enumerate(lines, start=1):
            if wanted and wanted in line:
                return number
    return 1
