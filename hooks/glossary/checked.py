"""The month a page's facts were last checked: the `checked` front-matter field.

Every term and comparison page says when its facts were checked ("截至 2026 年 12 月" /
"As of December 2026"). Pure functions: reading the field, the freshness rule, and the
line shown (its words are in core/words.py); nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re

from core.words import month_and_year, word

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def parse_checked(value: object) -> tuple[tuple[int, int] | None, str]:
    """(year, month) and no message, or None and what to write instead."""
    how = ("Write the year and month the facts were checked, like 'checked: 2026-12' "
           "(four-digit year, hyphen, two-digit month).")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, f"the field 'checked' is missing or empty; every term and comparison page needs it. {how}"
    if isinstance(value, (dt.date, dt.datetime)):
        return None, f"'checked' takes a month, not a day ('{value}'). {how}"
    match = MONTH.match(str(value).strip()) if isinstance(value, str) else None
    if not match:
        return None, f"'{value}' is not a month. {how}"
    year, month = int(match.group(1)), int(match.group(2))
    if year < 2020:
        return None, f"'{value}' is too early for this site. {how}"
    return (year, month), ""


def months_between(earlier: tuple[int, int], later: tuple[int, int]) -> int:
    return (later[0] - earlier[0]) * 12 + (later[1] - earlier[1])


def freshness_problem(checked: tuple[int, int], today: dt.date, limit: int) -> str:
    """A message when a fast-moving page was checked more than `limit` months ago."""
    now = (today.year, today.month)
    age = months_between(checked, now)
    if age < 0:
        return (f"'checked' says {checked[0]}-{checked[1]:02d}, which is in the future. "
                "Write the month the facts were really checked.")
    if age > limit:
        return (f"the facts on this page were last checked {age} months ago ({checked[0]}-{checked[1]:02d}). "
                f"Its category changes quickly: re-check each figure against its source, then set "
                f"'checked' to this month ({now[0]}-{now[1]:02d}).")
    return ""


def as_of(lang: str, checked: tuple[int, int]) -> str:
    """'截至 2026 年 12 月' / 'As of December 2026'."""
    year, month = checked
    return word(lang, "as_of").format(month=month_and_year(year, month, lang))
