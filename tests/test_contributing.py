"""Contributing: the scaffold, `make check`, translation tracking, edit links, dates."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, mkdocs_build
from contributing.git_dates import format_date, parse_git_log, read_git_dates
from contributing.host_links import HostConfigError, check_host, edit_url, report_url
from core.frontmatter import split_front_matter
from core.sources import content_hash

import check as check_script
import new_term


def run_check(docs: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--docs", str(docs), *extra],
                          capture_output=True, text=True, timeout=120)


# -- make new-term ---------------------------------------------------------------------

def test_scaffold_creates_both_files_that_pass_the_checks_and_build(tmp_path):
    project = copy_project(tmp_path)
    created = new_term.create("court-filing-demo", project / "docs")
    assert [p.name for p in created] == ["court-filing-demo.md", "court-filing-demo.en.md"]
    errors = [p for p in check_script.all_problems(project / "docs") if p.severity == "error"]
    assert errors == []
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "terms" / "court-filing-demo" / "index.html").exists()
    assert (tmp_path / "site" / "en" / "terms" / "court-filing-demo" / "index.html").exists()


def test_scaffold_writes_a_digits_only_hash_as_text(tmp_path, monkeypatch):
    # About one hash in 800 is all digits; YAML would read it as a number and the build refuse it.
    monkeypatch.setattr(new_term, "content_hash", lambda text: "000000000123")
    (tmp_path / "terms").mkdir()
    _, en = new_term.create("digits-hash-demo", tmp_path)
    data, _, problems = split_front_matter(str(en), en.read_text(encoding="utf-8"))
    assert problems == [] and data["source_hash"] == "000000000123"


@pytest.mark.parametrize("bad_id,message", [
    ("rag", "already exists"), ("Prompt Injection", "cannot be a term id"), ("", "cannot be a term id"),
    ("../escape", "cannot be a term id")])
def test_scaffold_refuses_existing_or_malformed_ids(tmp_path, bad_id, message):
    project = copy_project(tmp_path)
    with pytest.raises(ValueError, match=message):
        new_term.create(bad_id, project / "docs")


def test_make_new_term_prints_a_plain_refusal():
    result = subprocess.run(["make", "-s", "new-term", "ID=rag"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0 and "the term 'rag' already exists" in result.stdout


# -- make check -------------------------------------------------------------------------

def test_check_passes_on_the_real_content():
    result = run_check(ROOT / "docs")
    assert result.returncode == 0, result.stdout
    assert "All content checks passed" in result.stdout


def test_check_prints_file_line_problem_and_fix_in_plain_words(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "terms" / "rag.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("category: knowledge", "category: sales")
    text = text.replace("!!! analogy\n\n    ", "!!! analogy\n\n")
    text = text.replace("## 白话解释", "## 白话解释\n\n使用RAG技术,效果好!")
    page.write_text(text, encoding="utf-8")
    result = run_check(project / "docs")
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("ERROR")]
    assert any(re.match(r"ERROR\s+docs/terms/rag\.md:6 \(field 'category'\): 'sales' is not a category\. Use one of", l)
               for l in lines), lines
    assert any("must be indented by 4 spaces" in l for l in lines), lines
    assert any("Chinese typography" in l and "使用 RAG 技术，效果好！" in l for l in lines), lines
    assert "Traceback" not in result.stdout + result.stderr


def test_check_warns_about_british_spelling_without_failing(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "terms" / "rag.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## In plain words", "## In plain words\n\nIts behaviour.", 1),
                    encoding="utf-8")
    diagram = next((project / "docs" / "_diagrams").glob("*.yml"))
    diagram.write_text(diagram.read_text(encoding="utf-8") + "# the colours follow the palette\n", encoding="utf-8")
    result = run_check(project / "docs")
    assert result.returncode == 0, result.stdout
    warnings = [line for line in result.stdout.splitlines() if line.startswith("WARNING")]
    assert any(line.startswith("WARNING docs/terms/rag.en.md:") and "write 'behavior' instead of 'behaviour'" in line
               for line in warnings), warnings
    assert any(f"_diagrams/{diagram.name}:" in line and "'colors'" in line for line in warnings), warnings


def test_fix_applies_chinese_typography_without_touching_meaning(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "terms" / "rag.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## 白话解释", "## 白话解释\n\n使用RAG技术,效果好!"),
                    encoding="utf-8")
    assert run_check(project / "docs", "--fix").returncode == 0
    assert "使用 RAG 技术，效果好！" in page.read_text(encoding="utf-8")


# -- translation tracking ---------------------------------------------------------------------

def test_stale_translation_shows_a_notice_and_a_check_warning(tmp_path):
    project = copy_project(tmp_path)
    zh, en = project / "docs" / "terms" / "rag.md", project / "docs" / "terms" / "rag.en.md"
    en_text = re.sub(r"^source_hash: .*\n", "", en.read_text(encoding="utf-8"), flags=re.M)
    en.write_text(en_text.replace("---\n", f"---\nsource_hash: {content_hash(zh.read_text(encoding='utf-8'))}\n", 1),
                  encoding="utf-8")
    assert mkdocs_build(project, tmp_path / "fresh").returncode == 0
    fresh = (tmp_path / "fresh" / "en" / "terms" / "rag" / "index.html").read_text(encoding="utf-8")
    assert "Translation may be out of date" not in fresh

    zh.write_text(zh.read_text(encoding="utf-8") + "\n新加的一段说明。\n", encoding="utf-8")
    assert mkdocs_build(project, tmp_path / "stale").returncode == 0  # a warning, not an error
    stale = (tmp_path / "stale" / "en" / "terms" / "rag" / "index.html").read_text(encoding="utf-8")
    assert "Translation may be out of date" in stale
    result = run_check(project / "docs")
    assert result.returncode == 0
    assert re.search(r"WARNING docs/terms/rag\.en\.md:\d+ \(field 'source_hash'\): 'terms/rag\.md' has changed",
                     result.stdout)


# -- edit and report links -------------------------------------------------------------------

@pytest.mark.parametrize("kind,edit,issue", [
    ("gitlab", "https://git.example/team/site/-/edit/main/docs/terms/rag.md", "https://git.example/team/site/-/issues/new?issue%5Btitle%5D="),
    ("github", "https://git.example/team/site/edit/main/docs/terms/rag.md", "https://git.example/team/site/issues/new?title="),
    ("gitea", "https://git.example/team/site/_edit/main/docs/terms/rag.md", "https://git.example/team/site/issues/new?title="),
])
def test_edit_and_report_links_for_each_kind_of_host(kind, edit, issue):
    host = check_host({"kind": kind, "repo": "https://git.example/team/site/"})
    assert edit_url(host, "terms/rag.md") == edit
    assert report_url(host, "en", "RAG", "terms/rag/", "terms/rag.md").startswith(issue)


def test_a_wrong_host_setting_is_explained():
    with pytest.raises(HostConfigError, match="must be one of gitlab, github, gitea"):
        check_host({"kind": "svn", "repo": "https://x"})
    with pytest.raises(HostConfigError, match="web address"):
        check_host({"kind": "gitlab", "repo": "git@host:team/site.git"})


def test_built_pages_link_to_the_configured_host_without_api_calls(site_dir):
    zh = (site_dir / "terms" / "rag" / "index.html").read_text(encoding="utf-8")
    en = (site_dir / "en" / "terms" / "rag" / "index.html").read_text(encoding="utf-8")
    repo = "https://git.example.internal/ai-enablement/llm-terms"
    assert f'href="{repo}/-/edit/main/docs/terms/rag.md"' in zh
    assert f'href="{repo}/-/edit/main/docs/terms/rag.en.md"' in en
    assert f'href="{repo}/-/issues/new?' in zh and 'title="报告错误"' in zh
    assert 'title="Report a mistake"' in en
    assert "md-source__repository" not in zh  # no repo_url: Material would call the host's API


# -- last updated, from git ----------------------------------------------------------------------

def test_last_updated_date_is_on_the_page(site_dir):
    dates = read_git_dates(ROOT)
    stamp = dates.get(str(ROOT / "docs" / "terms" / "rag.md"))
    html = (site_dir / "terms" / "rag" / "index.html").read_text(encoding="utf-8")
    en = (site_dir / "en" / "terms" / "rag" / "index.html").read_text(encoding="utf-8")
    if stamp is None:  # a clone too shallow to know: then no date at all, never a wrong one
        assert "md-source-file" not in html
        return
    assert format_date(stamp, "zh") in html
    assert format_date(stamp, "en") in en


def test_dates_in_a_shallow_clone_are_never_wrong(tmp_path):
    origin = tmp_path / "origin"
    origin.mkdir()
    git = lambda *args, cwd=origin, date="2024-01-01T00:00:00": subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True,
        env={"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": str(tmp_path),
             "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
             "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin"})
    git("init", "-q")
    (origin / "old.md").write_text("old")
    (origin / "new.md").write_text("new")
    git("add", ".")
    git("commit", "-qm", "first", date="2024-01-01T00:00:00")
    (origin / "other.md").write_text("other")
    git("add", ".")
    git("commit", "-qm", "second", date="2025-01-01T00:00:00")
    (origin / "new.md").write_text("newer")
    git("commit", "-qam", "third", date="2025-06-01T00:00:00")
    full = read_git_dates(origin)
    assert format_date(full[str(origin / "old.md")], "en") == "1 January 2024"
    assert format_date(full[str(origin / "new.md")], "en") == "1 June 2025"
    clone = tmp_path / "clone"
    git("clone", "-q", "--depth", "2", f"file://{origin}", str(clone), cwd=tmp_path)
    shallow = read_git_dates(clone)
    assert format_date(shallow[str(clone / "new.md")], "en") == "1 June 2025"
    # The oldest fetched commit looks as if it added every file: old.md's date is
    # unknown in this clone, so it gets none rather than a wrong one (2025).
    assert shallow[str(clone / "old.md")] is None


def test_parse_git_log_keeps_the_newest_date():
    log = "\x00aaa 200\nb.md\n\n\x00bbb 100\na.md\nb.md\n"
    assert parse_git_log(log, set()) == {"b.md": 200, "a.md": 100}
    assert parse_git_log(log, {"bbb"}) == {"b.md": 200, "a.md": None}
