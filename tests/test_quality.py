"""Quality gates: accessibility, phone layout, page weight, reproducible builds."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from languages.spans import mark_other_language

PAGE_TYPES = {"home": "", "term": "terms/rag/", "comparison": "compare/deepseek-versions/",
              "glossary": "glossary/"}
HTML_BUDGET = 60 * 1024
LOADED_BUDGET = 400 * 1024
PREVIEW_JS_BUDGET, PREVIEW_CSS_BUDGET = 6 * 1024, 3 * 1024  # term-preview.js and .css, unminified


# -- accessibility ---------------------------------------------------------------------

def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_serious_accessibility_violations(browser, base_url, prefix, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for name, path in PAGE_TYPES.items():
        page.goto(base_url + prefix + path, wait_until="networkidle")
        found[name] = axe_violations(page)
    # Search open, with results.
    page.goto(base_url + prefix + "terms/rag/", wait_until="networkidle")
    page.locator("input.md-search__input").focus()
    page.locator("input.md-search__input").fill("RAG")
    page.locator("input.md-search__input").press("End")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    found["search"] = axe_violations(page)
    context.close()
    assert {name: v for name, v in found.items() if v} == {}


def test_passages_in_the_other_language_are_marked():
    assert mark_other_language("<p>The 满血版 is big</p>", "en") == '<p>The <span lang="zh">满血版</span> is big</p>'
    assert mark_other_language("<p>见 Scaling Instruction-Finetuned Language Models。</p>", "zh") == \
        '<p>见 <span lang="en">Scaling Instruction-Finetuned Language Models</span>。</p>'
    assert mark_other_language("<p>用 RAG 技术</p>", "zh") == "<p>用 RAG 技术</p>"  # an acronym is not a passage
    assert mark_other_language('<p><code>显存</code></p>', "en") == '<p><code>显存</code></p>'
    # a run starts at a word's first letter, also after a hyphen or an apostrophe
    assert mark_other_language("<p>见 -Attention Is All。</p>", "zh") == \
        '<p>见 -<span lang="en">Attention Is All</span>。</p>'
    assert mark_other_language("<p>见 'Tis a pity。</p>", "zh") == '<p>见 \'<span lang="en">Tis a pity</span>。</p>'


def test_built_pages_mark_mixed_language_passages(site_dir):
    en = (site_dir / "en" / "terms" / "deepseek-full" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="zh">满血版</span>' in en
    zh = (site_dir / "terms" / "sft" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en">Training language models to follow instructions with human feedback</span>' in zh


@pytest.mark.browser
def test_callouts_meet_wcag_aa_contrast_in_both_palettes(browser, base_url):
    for scheme in ("light", "dark"):
        page = browser.new_page(color_scheme=scheme)
        page.goto(base_url + "terms/sft/")
        from axe_playwright_python.sync_playwright import Axe
        results = Axe().run(page, context=".admonition", options={"runOnly": ["color-contrast"]})
        assert results.response["violations"] == [], scheme
        page.close()


# -- page weight -----------------------------------------------------------------------

def test_term_page_html_within_budget(site_dir):
    for page in list((site_dir / "terms").rglob("index.html")) + list((site_dir / "en" / "terms").rglob("index.html")):
        assert page.stat().st_size <= HTML_BUDGET, f"{page}: {page.stat().st_size // 1024} KB"


def test_term_preview_script_and_styles_within_budget(site_dir):
    script = site_dir / "assets" / "javascripts" / "term-preview.js"
    styles = site_dir / "assets" / "stylesheets" / "term-preview.css"
    assert script.stat().st_size <= PREVIEW_JS_BUDGET, f"term-preview.js: {script.stat().st_size} bytes"
    assert styles.stat().st_size <= PREVIEW_CSS_BUDGET, f"term-preview.css: {styles.stat().st_size} bytes"
    # No request of its own: no URL, no fetch, no HTML parsing anywhere in the script.
    code = script.read_text(encoding="utf-8")
    assert not re.search(r"https?:|fetch\(|XMLHttpRequest|innerHTML|outerHTML|insertAdjacentHTML|document\.write", code)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["terms/moe/", "en/terms/moe/"])
def test_everything_a_term_page_loads_within_budget(browser, base_url, path):
    page = browser.new_page()
    sizes: dict[str, int] = {}

    def record(response):
        if "search_index.json" not in response.url and response.status == 200:
            sizes[response.url] = len(response.body())
    page.on("response", record)
    page.goto(base_url + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    page.close()
    assert sum(sizes.values()) <= LOADED_BUDGET, sorted(sizes.items(), key=lambda kv: -kv[1])[:5]


# -- reproducible builds -------------------------------------------------------------------

def digest_tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_of_one_commit_are_byte_identical(tmp_path):
    stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip() or "0"
    env = {"SOURCE_DATE_EPOCH": stamp}
    first, second = tmp_path / "one", tmp_path / "two"
    assert mkdocs_build(ROOT, first, env).returncode == 0
    assert mkdocs_build(ROOT, second, env).returncode == 0
    one, two = digest_tree(first), digest_tree(second)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
