"""Unit tests of the `checked` month: reading it, showing it, and when it counts as old."""

from __future__ import annotations

import datetime as dt

import pytest

from glossary.checked import as_of, freshness_problem, parse_checked
from glossary.registry import build_registry, old_facts
from test_registry import pages


@pytest.mark.parametrize("value,expected", [("2026-12", (2026, 12)), ("2025-01", (2025, 1)), (" 2026-07 ", (2026, 7))])
def test_a_year_and_month_is_read(value, expected):
    assert parse_checked(value) == (expected, "")


@pytest.mark.parametrize("value,says", [
    (None, "missing"), ("", "missing"), ("2026-13", "not a month"), ("2026/12", "not a month"),
    ("Dec 2026", "not a month"), (202612, "not a month"), (dt.date(2026, 12, 1), "not a day"),
    ("2019-05", "too early"),
])
def test_a_bad_month_says_what_to_write(value, says):
    checked, message = parse_checked(value)
    assert checked is None and says in message and "checked: 2026-12" in message


def test_the_month_is_shown_in_each_language():
    assert as_of("zh", (2026, 12)) == "截至 2026 年 12 月"
    assert as_of("en", (2026, 12)) == "As of December 2026"
    assert as_of("en", (2025, 1)) == "As of January 2025"


@pytest.mark.parametrize("checked,today,old", [
    ((2026, 6), dt.date(2026, 12, 31), False),   # six months: still fresh
    ((2026, 5), dt.date(2026, 12, 1), True),     # seven months
    ((2025, 12), dt.date(2026, 12, 1), True),
    ((2026, 12), dt.date(2026, 12, 1), False),
])
def test_six_months_is_the_limit(checked, today, old):
    assert bool(freshness_problem(checked, today, 6)) == old


def test_a_month_in_the_future_is_questioned():
    assert "future" in freshness_problem((2027, 3), dt.date(2026, 12, 1), 6)


def test_only_fast_moving_pages_are_warned_about_and_only_as_warnings():
    site = pages()
    site["terms/rag.md"] = site["terms/rag.md"].replace("checked: 2026-12", "checked: 2025-01")
    site["terms/sft.md"] = site["terms/sft.md"].replace("checked: 2026-12", "checked: 2025-01") \
        .replace("category: using", "category: models")
    site["compare/a.md"] = "---\ntitle: A\nchecked: 2025-02\ncategory: deployment\n---\n# A\n"
    site["compare/a.en.md"] = "---\ntitle: A\nchecked: 2026-11\ncategory: deployment\n---\n# A\n"
    registry = build_registry(site)
    assert not registry.errors
    warned = old_facts(registry, site, dt.date(2026, 12, 1))
    assert {p.path for p in warned} == {"terms/sft.md", "compare/a.md"}
    assert all(p.severity == "warning" and p.field == "checked" for p in warned)
    assert [p.line for p in warned] == [3, 8]  # the "checked" lines, so an editor can jump to them


def test_a_future_month_is_warned_about_on_every_page():
    """2099-12 would otherwise silence the reminder for good, on any page."""
    site = pages()
    site["terms/rag.md"] = site["terms/rag.md"].replace("checked: 2026-12", "checked: 2099-12")
    registry = build_registry(site)
    warned = old_facts(registry, site, dt.date(2026, 12, 1))
    assert [(p.path, "future" in p.message) for p in warned] == [("terms/rag.md", True)]


def test_comparison_pages_need_a_month_and_a_known_category():
    site = pages()
    site["compare/a.md"] = "---\ntitle: A\n---\n# A\n"
    site["compare/a.en.md"] = "---\ntitle: A\nchecked: 2026-11\ncategory: gadgets\n---\n# A\n"
    problems = build_registry(site).errors
    assert [(p.path, p.field) for p in problems] == [("compare/a.en.md", "category"), ("compare/a.md", "checked")]
