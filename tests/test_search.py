"""Search in a real browser: the right page first, in the reader's language."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from core.sources import read_pages
from glossary.registry import build_registry
from search_queries import EN_QUERIES, ZH_QUERIES

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    """Type a query as a reader does; return result page URLs, best first, one per page."""
    box = page.locator("input.md-search__input")
    page.evaluate("document.querySelector('input.md-search__input').focus()")
    box.fill("")
    box.press("End")  # fill() alone does not fire the keyup Material listens for
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 0")
    box.fill(query)
    box.press("End")
    try:
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0",
                               timeout=5000)
    except Exception:
        return []
    hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                      "links => links.map(a => a.href)")
    pages: list[str] = []
    for href in hrefs:
        url = href.split("#")[0].split("?")[0]
        if url not in pages:
            pages.append(url)
    return pages


def run_query_set(browser, root: str, queries) -> tuple[list, list]:
    page = browser.new_page()
    page.goto(root + "glossary/")
    page.wait_for_load_state("networkidle")
    results = [(query, root + expected, search(page, query)) for query, expected in queries]
    page.close()
    return results


@pytest.mark.parametrize("lang,prefix,queries", [("zh", "", ZH_QUERIES), ("en", "en/", EN_QUERIES)])
def test_query_set_finds_the_right_page(browser, base_url, lang, prefix, queries):
    results = run_query_set(browser, base_url + prefix, queries)
    first = sum(found[:1] == [expected] for _, expected, found in results)
    top3 = sum(expected in found[:3] for _, expected, found in results)
    print(f"\n{lang}: {len(results)} queries, recall@1 = {first / len(results):.0%}, "
          f"recall@3 = {top3 / len(results):.0%}")
    misses = [(q, e, f[:3]) for q, e, f in results if e not in f[:3]]
    assert misses == [], "expected page not in the top 3"
    assert first / len(results) >= 0.9
    # Results stay in the reader's language.
    for query, _, found in results:
        for url in found:
            in_english = url.startswith(base_url + "en/")
            assert in_english == (lang == "en"), f"{query!r} on the {lang} site found {url}"


def test_query_set_is_big_enough_and_balanced():
    assert len(ZH_QUERIES) >= 20 and len(EN_QUERIES) >= 20


def test_a_part_of_a_chinese_word_finds_the_whole(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "glossary/")
    assert base_url + "terms/sft/" in search(page, "微调")[:3]   # 监督式微调
    assert base_url + "terms/rag/" in search(page, "增强")[:3]   # 检索增强生成
    assert base_url + "terms/rag/" in search(page, "RAG")[:1]    # written 检索增强生成（RAG）
    page.close()


def test_search_works_at_phone_width(browser, base_url):
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(base_url + "en/")
    page.locator("header label.md-header__button[for='__search']").click()
    assert page.locator("input.md-search__input").is_visible()
    assert search(page, "temperature")[:1] == [base_url + "en/terms/temperature/"]
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    page.wait_for_timeout(300)  # Material's search panel slides in with a CSS transition
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "wider than the phone"
    page.evaluate("window.scrollTo(1000, 0)")
    assert page.evaluate("window.scrollX") == 0, "the page scrolls sideways with search open"
    page.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_term_page_is_one_search_entry_tagged_with_its_names(site_dir, prefix):
    index = json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    terms = [e for e in index["docs"] if e["location"].startswith("terms/")]
    pages = {e["location"] for e in terms}
    assert len(pages) == len(list((site_dir / prefix / "terms").iterdir())) == len(terms)
    assert all("#" not in location for location in pages)
    rag = next(e for e in terms if e["location"] == "terms/rag/")
    assert "RAG" in rag["tags"]
    # The card's level/category/aliases line is not the teaser of every result: names are tags.
    assert ("难度" if prefix == "" else "Level") not in rag["text"]
    # Every section of the page is still searchable: the self-check and further reading too.
    html = (site_dir / prefix / "terms" / "rag" / "index.html").read_text(encoding="utf-8")
    assert "Lewis" in html and "Lewis" in rag["text"]
    # Pages that are not term pages keep their section entries (deep links into comparisons).
    assert any(e["location"].startswith("compare/") and "#" in e["location"] for e in index["docs"])


def test_the_term_names_used_for_ranking_are_not_shown_as_tags(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "en/glossary/")
    search(page, "temperature")
    tags = page.locator(".md-search-result .md-tags")
    assert tags.count() > 0
    assert all(not tags.nth(i).is_visible() for i in range(tags.count()))
    page.close()


# Material's own search worker and the built index, without the typing: fast enough to ask
# every name of every term. Returns, per query, the result pages best first.
ASK_THE_SEARCH_WORKER = """async queries => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const worker = new Worker(new URL(config.search, location.href));
  const index = await (await fetch(new URL('search/search_index.json', new URL(config.base, location.href)))).json();
  const reply = () => new Promise(resolve => worker.addEventListener('message', e => resolve(e.data), {once: true}));
  worker.postMessage({type: 0, data: {...index, options: {suggest: false}}});
  await reply();
  const pages = {};
  for (const query of queries) {
    worker.postMessage({type: 2, data: query});
    const {data} = await reply();
    pages[query] = data.items.map(group => group[0].location.split('#')[0]);
  }
  worker.terminate();
  return pages;
}"""


@pytest.mark.parametrize("lang,prefix", [("zh", ""), ("en", "en/")])
def test_every_name_of_every_term_finds_its_page(browser, base_url, lang, prefix):
    """Name, full name, acronym and each alias, as written in the front matter."""
    terms = build_registry(read_pages(ROOT / "docs")).in_language(lang)
    page = browser.new_page()
    page.goto(base_url + prefix + "glossary/")
    found = page.evaluate(ASK_THE_SEARCH_WORKER, sorted({name for term in terms.values() for name in term.names}))
    page.close()
    asked = [(name, f"terms/{term.id}/") for term in terms.values() for name in term.names]
    first = sum(found[name][:1] == [expected] for name, expected in asked)
    print(f"\n{lang}: {len(asked)} names, recall@1 = {first / len(asked):.0%}")
    assert [(name, expected, found[name][:3]) for name, expected in asked if expected not in found[name][:3]] == []
    assert first / len(asked) >= 0.9


@pytest.mark.parametrize("prefix,query,expected", [("", "温度", "terms/temperature/"),
                                                   ("en/", "temperature", "terms/temperature/")])
def test_search_works_under_a_sub_path(browser, subpath_url, prefix, query, expected):
    page = browser.new_page()
    page.goto(subpath_url + prefix + "compare/ppo-vs-grpo/")
    found = search(page, query)
    page.close()
    assert found[:1] == [subpath_url + prefix + expected]
    assert all(url.startswith(subpath_url + prefix) for url in found)
    if not prefix:
        assert not any(url.startswith(subpath_url + "en/") for url in found)
