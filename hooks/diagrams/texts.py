"""Every visible text of a diagram, for the typography check and the tests."""

from __future__ import annotations

from typing import Any

from core.languages import DEFAULT_LANGUAGE, LANGUAGES
from core.problems import Problem

from .model import Diagram, Text

def texts(diagram: Diagram) -> list[tuple[str, Text]]:
    """(field, {zh, en}) for every text in the diagram, caption and alt included."""
    found: list[tuple[str, Text]] = [("caption", diagram.caption), ("alt", diagram.alt)]

    def walk(value: Any, where: str) -> None:
        if isinstance(value, dict) and set(value) == set(LANGUAGES):
            found.append((where, value))
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                walk(item, f"{where} {index + 1}")
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                walk(getattr(value, name), f"{where} › {name}" if where else name)

    walk(diagram.body, "")
    return found


def typography_problems(diagram: Diagram) -> list[Problem]:
    """Chinese texts follow the site's typography (same rules as `make check` on pages)."""
    import autocorrect_py  # only `make check` and the tests need it

    problems = []
    for where, text in texts(diagram):
        zh = text[DEFAULT_LANGUAGE]
        fixed = autocorrect_py.format(zh)
        if fixed != zh:
            problems.append(Problem(diagram.path, where.strip(" ›"), (
                f"Chinese typography: write “{fixed}” instead of “{zh}” (a space between "
                "Chinese and Latin letters or digits; full-width punctuation).")))
    return problems
