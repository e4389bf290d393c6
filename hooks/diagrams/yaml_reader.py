"""Reading a diagram's YAML with line numbers, and saying what went wrong in plain words.

`_Reader` checks each value against what its place in the file allows and records a
Problem with the file, line and field; kinds.py drives it for each kind of diagram.
"""

from __future__ import annotations

from typing import Any

import yaml

from core.languages import LANGUAGES, english_name
from core.problems import Problem, did_you_mean

from .model import Text, tidy

# -----------------------------------------------------------------------------
# Reading YAML with line numbers
# -----------------------------------------------------------------------------

Where = tuple  # a path into the YAML data: ("panels", 0, "steps", 2, "label")

_SINGULAR = {
    "panels": "panel", "steps": "step", "branch": "branch box", "categories": "category",
    "series": "series", "markers": "marker", "zones": "zone", "groups": "group",
    "points": "point", "values": "value", "logits": "logit",
}


def describe(where: Where) -> str:
    """('panels', 1, 'steps', 2, 'label') -> 'panel 2 › step 3 › label'."""
    words: list[str] = []
    for index, part in enumerate(where):
        if isinstance(part, int):
            continue
        following = where[index + 1] if index + 1 < len(where) else None
        if isinstance(following, int):
            words.append(f"{_SINGULAR.get(part, part)} {following + 1}")
        else:
            words.append(str(part))
    return " › ".join(words)


def _line_numbers(node: yaml.Node, where: Where, lines: dict[Where, int]) -> None:
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = where + (key.value,)
            lines[child] = key.start_mark.line + 1
            _line_numbers(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_numbers(item, where + (index,), lines)


class _Reader:
    """Validates one file's data, collecting problems instead of stopping at the first."""

    def __init__(self, path: str, lines: dict[Where, int]):
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, where: Where, message: str) -> None:
        line = 1
        for end in range(len(where), -1, -1):
            if where[:end] in self.lines:
                line = self.lines[where[:end]]
                break
        self.problems.append(Problem(self.path, describe(where), message, line))

    # -- shapes ---------------------------------------------------------------

    def mapping(self, value: Any, where: Where, allowed: tuple[str, ...], example: str) -> dict | None:
        if not isinstance(value, dict):
            self.problem(where, f"this must be a block of 'name: value' lines, such as {example}.")
            return None
        for name in value:
            if name not in allowed:
                hint = did_you_mean(str(name), allowed)
                self.problem(where + (name,), (
                    f"'{name}' is not something this part of a diagram can have, so it would be "
                    f"ignored.{hint} Allowed here: {', '.join(allowed)}."))
        return value

    def items(self, value: Any, where: Where, what: str, minimum: int = 1) -> list:
        if not isinstance(value, list) or len(value) < minimum:
            self.problem(where, (
                f"this must be a list of {what} (at least {minimum}), one per line, "
                "each line starting with '- '."))
            return []
        return value

    def text(self, value: Any, where: Where, required: bool = True) -> Text | None:
        """A visible text, in both languages: {zh: ..., en: ...}."""
        name = next((part for part in reversed(where) if isinstance(part, str)), "label")
        example = f"a line '{name}:' with a line 'zh: ...' and a line 'en: ...' under it"
        if value is None:
            if required:
                self.problem(where, f"this text is missing. Write it in both languages: {example}.")
            return None
        if not isinstance(value, dict):
            self.problem(where, (
                "this text is given in one language only. Every visible text is written in "
                f"both languages: {example}."))
            return None
        result: Text = {}
        for lang in value:
            if lang not in LANGUAGES:
                hint = ""
                if " " in str(lang) or len(str(lang)) > 3:
                    hint = (" It looks like a piece of your text: inside { } a comma ends a text. "
                            "Write 'zh:' and 'en:' on lines of their own instead, as the other "
                            "diagram files do, or put the text in double quotes.")
                self.problem(where + (lang,), (
                    f"'{lang}' is not a language of this site: use zh (Chinese) and en (English).{hint}"))
        for lang in LANGUAGES:
            text = value.get(lang)
            if isinstance(text, bool):
                self.problem(where + (lang,), (
                    f"the {english_name(lang)} text reads as yes/no. Put it in double quotes, "
                    'like  en: "No"'))
            elif isinstance(text, (int, float)):
                result[lang] = str(text)
            elif not isinstance(text, str) or not text.strip():
                other = next((l for l in LANGUAGES if l != lang), lang)
                self.problem(where, (
                    f"the {english_name(lang)} text is missing. Add a line '{lang}: ...' next to "
                    f"the line '{other}: ...': every visible text is written in both languages."))
            else:
                result[lang] = tidy(text, lang)
        return result if len(result) == len(LANGUAGES) else None

    def number(self, value: Any, where: Where, what: str, minimum: float | None = None,
               whole: bool = False) -> float | None:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if ok and whole and not float(value).is_integer():
            ok = False
        if ok and minimum is not None and value < minimum:
            ok = False
        if not ok:
            limit = f" of at least {minimum:g}" if minimum is not None else ""
            kind = "a whole number" if whole else "a number"
            self.problem(where, f"{what} must be {kind}{limit}, written with digits, like 0.5 or 8.")
            return None
        return float(value)

    def choice(self, value: Any, where: Where, options: tuple[str, ...], default: str) -> str:
        if value is None:
            return default
        if value not in options:
            hint = did_you_mean(str(value), options)
            self.problem(where, f"'{value}' is not one of: {', '.join(options)}.{hint}")
            return default
        return value

    def flag(self, value: Any, where: Where, default: bool) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(where, "this must be true or false.")
            return default
        return value


# What YAML's own messages mean, in words for someone who is not a programmer.
_YAML_PROBLEMS = (
    ("mapping values are not allowed",
     "a text contains ': ' (a colon and a space). Put that whole text in double quotes, "
     'like  en: "Search: find the passages"'),
    ("found character '\\t'", "a tab is used to indent. Indent with spaces only."),
    ("could not find expected ':'",
     "a line has no 'name:' at its start, or a text in double quotes is not closed."),
    ("expected <block end>",
     "a line is not lined up with the lines around it. Check its indentation (spaces)."),
    ("did not find expected key",
     "a line is not lined up with the lines around it, or a text starts with a quote that "
     "is not closed."),
    ("did not find expected ',' or '}'",
     "a text inside { } has a comma, a colon or a question mark. Write 'zh:' and 'en:' on "
     "lines of their own instead, as the other diagram files do."),
    ("expected ',' or '}'",
     "a text inside { } has a comma, a colon or a question mark. Write 'zh:' and 'en:' on "
     "lines of their own instead, as the other diagram files do."),
    ("found unexpected end of stream", "a text in double quotes is not closed."),
)


def yaml_problem(error: yaml.YAMLError) -> str:
    reason = f"{getattr(error, 'problem', '') or ''} {getattr(error, 'context', '') or ''}"
    for known, meaning in _YAML_PROBLEMS:
        if known in reason:
            return meaning
    return (f"{reason.strip() or 'it is not valid YAML'}. Check the indentation (spaces, lined up "
            "with the lines around) and put texts that contain ': ' or start with a quote or a "
            "bracket in double quotes.")

