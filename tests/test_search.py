"""Search in a real browser: the right page first, in the reader's language.

The query set runs through Material's real search worker on the built index, all queries in
one page (fast); a few queries per language are typed into the search box, to check what the
reader sees: the results, what is highlighted and the "missing" line.
"""

from __future__ import annotations

import functools
import html as html_module
import json
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import ROOT
from core.html import visible_text
from core.sources import read_pages
from glossary.registry import build_registry
from search_queries import EN_QUERIES, ZH_QUERIES

pytestmark = pytest.mark.browser

PREFIX = {"zh": "", "en": "en/"}
# What the issue calls filler: never a match, never highlighted.
FILLER = {"zh": {"是", "什么", "的", "和", "与", "有", "吗", "呢", "怎么", "一下", "区别", "不同"},
          "en": {"is", "what", "the", "a", "an", "of", "how", "does", "do", "and", "vs", "between", "difference"}}


def search(page, query: str) -> list[str]:
    """Type a query as a reader does; return result page URLs, best first, one per page."""
    return [url for url in dict.fromkeys(item["url"] for item in typed(page, query))]


def typed(page, query: str) -> list[dict]:
    """Type a query as a reader does; return what each result shows: its page URL, the
    words highlighted in it and the words its "missing" line lists."""
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
    except PlaywrightTimeout:  # no result in 5 s; a crashed page is an error, not "no results"
        return []
    return page.eval_on_selector_all(".md-search-result__item", """items => items.map(item => ({
      url: item.querySelector('a.md-search-result__link').href.split('#')[0].split('?')[0],
      marks: [...item.querySelectorAll('mark')].map(mark => mark.textContent.trim()),
      missing: [...item.querySelectorAll('.md-search-result__terms del')].map(del => del.textContent.trim()),
    }))""")


# Material's own search worker (the one the site's pages start, reader-query worker included)
# and the built index, without the typing: fast enough to ask every query of the set and every
# name of every term. Returns, per query, the result pages best first.
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


def ask_the_search_worker(browser, root: str, queries) -> dict[str, list[str]]:
    page = browser.new_page()
    page.goto(root + "glossary/")
    found = page.evaluate(ASK_THE_SEARCH_WORKER, sorted(set(queries)))
    page.close()
    return found


@functools.lru_cache(maxsize=1)
def registry():
    return build_registry(read_pages(ROOT / "docs"))


@pytest.fixture(scope="module")
def answers(browser, base_url) -> dict[str, dict[str, list[str]]]:
    """Every query the tests below put to the search worker, asked once per language: the
    worker builds its index once (seconds), then answers each query in milliseconds."""
    asked = {lang: {query for query, _ in QUERY_SET[lang]} | {query for query, _ in comparisons(lang)}
             | {query for pair in QUESTIONS[lang] for query in pair}
             | {name for term in registry().in_language(lang).values() for name in term.names}
             for lang in PREFIX}
    return {lang: ask_the_search_worker(browser, base_url + PREFIX[lang], asked[lang]) for lang in PREFIX}


QUERY_SET = {"zh": ZH_QUERIES, "en": EN_QUERIES}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_query_set_finds_the_right_page(answers, lang):
    queries, found = QUERY_SET[lang], answers[lang]
    first = sum(found[query][:1] == [expected] for query, expected in queries)
    misses = [(query, expected, found[query][:3]) for query, expected in queries if found[query][:1] != [expected]]
    print(f"\n{lang}: {len(queries)} queries, recall@1 = {first / len(queries):.1%}, misses at #1:")
    for miss in misses:
        print("   ", *miss)
    assert [miss for miss in misses if miss[1] not in miss[2]] == [], "expected page not in the top 3"
    assert first / len(queries) >= 0.95
    if lang == "zh":  # the Chinese index has no English page (their locations start with en/)
        assert not any(url.startswith("en/") for urls in found.values() for url in urls)


def test_query_set_is_big_enough_and_balanced():
    assert len(ZH_QUERIES) >= 150 and len(EN_QUERIES) >= 150


# The forms of a comparison question, for the things each comparison page compares.
COMPARED = {
    "zh": [("PPO", "GRPO", "ppo-vs-grpo"), ("RAG", "微调", "rag-vs-fine-tuning"),
           ("RAG", "长上下文", "rag-vs-long-context"), ("稠密模型", "MoE", "dense-vs-moe"),
           ("过拟合", "泛化", "overfitting-vs-generalization"), ("智能体", "工作流", "agent-vs-workflow"),
           ("开源", "闭源", "open-vs-closed"), ("私有化部署", "API", "private-vs-maas"),
           ("推理模型", "通用模型", "reasoning-vs-general"), ("预训练", "微调", "training-stages"),
           ("满血版", "蒸馏版", "deepseek-versions")],
    "en": [("PPO", "GRPO", "ppo-vs-grpo"), ("RAG", "fine-tuning", "rag-vs-fine-tuning"),
           ("RAG", "long context", "rag-vs-long-context"), ("dense models", "MoE", "dense-vs-moe"),
           ("overfitting", "generalization", "overfitting-vs-generalization"),
           ("agents", "workflows", "agent-vs-workflow"), ("open source", "closed models", "open-vs-closed"),
           ("on-premises", "API", "private-vs-maas"), ("reasoning models", "general models", "reasoning-vs-general"),
           ("pre-training", "fine-tuning", "training-stages"), ("full model", "distilled model", "deepseek-versions")],
}
FORMS = {"zh": ["{x} 和 {y} 区别", "{x}和{y}区别", "{x}与{y}", "{x} vs {y}", "{x}和{y}有什么不同", "{x}还是{y}"],
         "en": ["{x} vs {y}", "difference between {x} and {y}", "{x} or {y}", "{x} versus {y}",
                "what is the difference between {x} and {y}"]}


def comparisons(lang: str) -> list[tuple[str, str]]:
    return [(form.format(x=x, y=y), f"compare/{page}/") for x, y, page in COMPARED[lang] for form in FORMS[lang]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_comparison_questions_lead_with_the_comparison_page(answers, lang):
    asked, found = comparisons(lang), answers[lang]
    assert [(query, found[query][:3]) for query, expected in asked if found[query][:1] != [expected]] == []


QUESTIONS = {"zh": [("RAG是什么", "RAG"), ("什么是RAG", "RAG"), ("什么是 RAG？", "RAG"), ("GRPO是什么", "GRPO"),
                    ("满血版是什么意思", "满血版"), ("token 是啥", "token"), ("什么是幻觉", "幻觉")],
             "en": [("what is RAG", "RAG"), ("what's RAG?", "RAG"), ("what does temperature mean", "temperature"),
                    ("what is a token", "token"), ("how does RAG work", "RAG work"),
                    ("what is the context window", "context window")]}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_filler_words_change_nothing(answers, lang):
    """A question finds exactly what its meaningful words find, in the same order."""
    found = answers[lang]
    assert [(question, bare) for question, bare in QUESTIONS[lang] if found[question] != found[bare]] == []
    assert all(found[bare] for _, bare in QUESTIONS[lang])


# Typed into the box: (query, page that comes first, a word highlighted in it).
TYPED = {
    "zh": [("RAG是什么", "terms/rag/", "RAG"), ("什么是RAG", "terms/rag/", "RAG"),
           ("PPO和GRPO区别", "compare/ppo-vs-grpo/", "GRPO"), ("按token收费", "terms/token/", "token"),
           ("满血版是什么", "terms/deepseek-full/", "满血"), ("微调和预训练有什么不同", "compare/training-stages/", "训练"),
           ("蒸馏和量化区别", "compare/deepseek-versions/", "量化"), ("模型胡说八道", "terms/hallucination/", "胡说八道"),
           ("显存不够怎么办", "terms/gpu-memory/", "显存"), ("RAG与微调", "compare/rag-vs-fine-tuning/", "微调")],
    "en": [("what is RAG", "terms/rag/", "RAG"), ("hallucinaton", "terms/hallucination/", "hallucination"),
           ("temprature", "terms/temperature/", "temperature"), ("RAG vs fine tuning", "compare/rag-vs-fine-tuning/", "tuning"),
           ("difference between PPO and GRPO", "compare/ppo-vs-grpo/", "GRPO"),
           ("distilled vs quantized", "compare/deepseek-versions/", "quantized"),
           ("what does temperature mean", "terms/temperature/", "temperature"),
           ("how much GPU memory do I need", "terms/gpu-memory/", "memory"),
           ("making things up", "terms/hallucination/", "making"), ("what is an AI agent", "terms/agent/", "agent")],
}


# What the site leaves out of search on purpose: a section under an excluded heading (the
# "where this term is used" links to other pages), and excluded elements (the print-only list,
# the checked date, the phone copy of a diagram, the preview cards' hidden templates).
LEFT_OUT_ELEMENTS = re.compile(r"<(aside|p|svg|div)\b[^>]*data-search-exclude.*?</\1>", re.DOTALL)
LEFT_OUT_SECTIONS = re.compile(r"<h2 data-search-exclude.*?(?=<h2|$)", re.DOTALL)


@functools.lru_cache
def searchable_text(site_dir, url: str) -> str:
    """A result's page as search sees it: its article, less what search leaves out."""
    html = (site_dir / url.split("://")[1].split("/", 1)[1] / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    article = LEFT_OUT_SECTIONS.sub(" ", LEFT_OUT_ELEMENTS.sub(" ", article))
    return html_module.unescape(visible_text(article)).casefold()


@pytest.mark.parametrize("lang,width,scheme,count", [(lang, width, scheme, 10 if width > 600 else 3)
                                                     for lang in ("zh", "en") for width in (1280, 390)
                                                     for scheme in ("light", "dark")])
def test_typed_queries_show_the_page_the_highlight_and_an_honest_missing_line(
        browser, base_url, site_dir, lang, width, scheme, count):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + PREFIX[lang] + "glossary/")
    if width < 600:
        page.locator("header label.md-header__button[for='__search']").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    problems = []
    for query, expected, word in TYPED[lang][:count]:
        results = typed(page, query)
        if not results or results[0]["url"] != base_url + PREFIX[lang] + expected:
            problems.append((query, "first result", [r["url"] for r in results[:3]]))
            continue
        if word.casefold() not in {mark.casefold() for mark in results[0]["marks"]}:
            problems.append((query, f"{word!r} not highlighted", results[0]["marks"][:10]))
        filler = {mark for result in results for mark in result["marks"] if mark.casefold() in FILLER[lang]}
        if filler:
            problems.append((query, "filler highlighted", filler))
        for result in results:
            present = [w for w in result["missing"] if w.casefold() in searchable_text(site_dir, result["url"])]
            if present:
                problems.append((query, f"{result['url']} said to miss words it has", present))
    context.close()
    for problem in problems:
        print(*problem)
    assert problems == []


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


@pytest.mark.parametrize("page", ["index.html", "en/terms/rag/index.html", "compare/ppo-vs-grpo/index.html"])
def test_pages_start_the_reader_query_worker_which_loads_materials(site_dir, page):
    html = (site_dir / page).read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
    worker = (site_dir / page).parent / config["search"]
    assert re.fullmatch(r"search-reader\.[0-9a-f]{8}\.js", worker.name) and worker.is_file()
    material = re.search(r'importScripts\("([^"]+)"\)', worker.read_text(encoding="utf-8")).group(1)
    assert (worker.parent / material).is_file() and material.startswith("search.")


def test_the_term_names_used_for_ranking_are_not_shown_as_tags(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "en/glossary/")
    search(page, "temperature")
    tags = page.locator(".md-search-result .md-tags")
    assert tags.count() > 0
    assert all(not tags.nth(i).is_visible() for i in range(tags.count()))
    page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_name_of_every_term_finds_its_page(answers, lang):
    """Name, full name, acronym and each alias, as written in the front matter."""
    terms, found = registry().in_language(lang), answers[lang]
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
