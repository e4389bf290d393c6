"""The one list of checks (hooks/checks/__init__.py): what the build runs, what `make check` runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from checks import CHECKS, Content, all_problems
from test_registry import pages

GOOD = pages()


def write(docs: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    return docs


def test_the_build_runs_the_source_terms_and_diagram_checks_and_make_check_runs_all():
    assert [check.name for check in CHECKS if check.in_build] == [
        "source files: names, links, encodings, sizes, front matter", "snippets and page templates",
        "links between pages", "boxes ('!!!', '???') and their text",
        "pages left out of search or pushed up in it ('search:' in front matter)",
        "stylesheets and scripts the site publishes: no address on another site",
        "terms, comparison pages and translations", "diagram sources and markers"]
    assert len(CHECKS) == 16 and len({check.name for check in CHECKS}) == 16


def test_the_build_checks_pass_good_pages_and_every_check_runs(tmp_path):
    # (test_registry's pages are short, so only the build checks must find no error.)
    content = Content(write(tmp_path / "docs", GOOD), dt.date(2026, 12, 15))
    for check in CHECKS:
        found = check.run(content)
        if check.in_build:
            assert [str(p) for p in found if p.severity == "error"] == [], check.name


def test_make_check_finds_a_build_error_and_a_lint_problem_in_one_run(tmp_path):
    broken = dict(GOOD)
    broken["terms/rag.md"] = GOOD["terms/rag.md"].replace("category: using", "category: sales")
    broken["terms/rag.md"] += "\n<!-- diagram: no-such-diagram -->\n\tTabbed line\n"
    found = [str(p) for p in all_problems(write(tmp_path / "docs", broken), dt.date(2026, 12, 15))]
    assert any("terms/rag.md:6 (field 'category'): 'sales' is not a category" in p for p in found), found
    assert any("there is no diagram called 'no-such-diagram'" in p for p in found), found
    assert any("a tab character" in p for p in found), found
