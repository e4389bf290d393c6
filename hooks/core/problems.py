"""Problems a contributor has to fix, and how they are counted and said."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable


class Severity(StrEnum):
    ERROR = "error"      # stops the build and `make check`
    WARNING = "warning"  # printed; the build goes on


@dataclass(frozen=True)
class Problem:
    """One thing a contributor has to fix, said in plain words."""

    path: str
    field: str
    message: str
    line: int = 1
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        about = f" (field '{self.field}')" if self.field else ""
        return f"{where}{about}: {self.message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == Severity.ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == Severity.WARNING]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Did you mean 'x'?' for the closest choice, or '' when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def stop_sentence(count: int, kind: str) -> str:
    """The one sentence a build stops with, after listing every problem."""
    return (f"{count} {kind} problem{'s' if count > 1 else ''} found (listed above). Fix "
            f"{'them' if count > 1 else 'it'} and build again; 'make check' lists them without building.")
