"""The content is true today and speaks to its reader: dated pages, no "source article",
misconceptions in their own box, the corrected facts stated precisely (review of 2026-12)."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import pytest

from glossary.checked import as_of
from core.html import visible_text
from core.sources import is_compare_page, language_of, read_pages
from glossary.registry import build_registry

ROOT = Path(__file__).resolve().parent.parent
PAGES = read_pages(ROOT / "docs")
REGISTRY = build_registry(PAGES)
PREFIX = {"zh": "", "en": "en/"}
# Pages a learner reads: everything but the trainer's page (which quotes what circulates).
TRAINER_PAGE = "trainer-notes"
MISCONCEPTION_TITLE = {"zh": "常见误区", "en": "Common misconception"}


def url_of(path: str) -> str:
    base = language_of(path)[0][:-3]
    return "" if base == "index" else base + "/"


def article_text(site: Path, lang: str, url: str) -> str:
    html = (site / PREFIX[lang] / url / "index.html").read_text(encoding="utf-8")
    html = html[html.index("<article"):html.index("</article>")]
    return html_module.unescape(visible_text(html))


def learner_pages(lang: str) -> list[str]:
    return sorted(url_of(p) for p in PAGES if language_of(p)[1] == lang and not p.startswith("_")
                  and not url_of(p).startswith(TRAINER_PAGE))


def dated_pages(lang: str) -> list[tuple[str, tuple[int, int]]]:
    return [(url_of(path), checked) for path, checked in REGISTRY.checked.items()
            if language_of(path)[1] == lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_term_and_comparison_page_is_dated(lang):
    dated = {url for url, _ in dated_pages(lang)}
    terms = {f"terms/{t}/" for t in REGISTRY.terms[lang]}
    compares = {url_of(p) for p in PAGES if is_compare_page(p) and language_of(p)[1] == lang}
    assert terms and compares and terms | compares == dated


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_month_shows_near_the_summary_on_every_dated_page(site_dir, lang):
    for url, checked in dated_pages(lang):
        html = (site_dir / PREFIX[lang] / url / "index.html").read_text(encoding="utf-8")
        line = re.search(r'<p class="page-checked"[^>]*>([^<]+)</p>', html)
        assert line and as_of(lang, checked) in line.group(1), url
        # near the summary: inside the term card, or right under a comparison's title
        before = html[:line.start()]
        assert before.rfind("<h1") > before.rfind("<h2"), url
        if url.startswith("terms/"):
            assert before.rfind('class="term-card"') > before.rfind("<h1"), url


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_shows_each_pages_month(site_dir, lang):
    html = (site_dir / PREFIX[lang] / "handout" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<p class="page-checked"[^>]*>([^<]+)</p>', html)
    assert len(shown) == len(dated_pages(lang))
    assert all(re.search(r"\d{4}", text) for text in shown)


SOURCE_ARTICLE = {
    "zh": re.compile(r"原文(?!件)"),
    "en": re.compile(r"\b(?:source|original) (?:article|text)\b|\bthe article\b|\bthis article\b", re.I),
}
# 原文 where it cannot be misread: the text of a contract or a law.
ZH_ALLOWED = re.compile(r"(?:合同|法规|条款|文件|协议|招标文件|法律)原文")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_learner_page_talks_about_a_source_article(site_dir, lang):
    found = []
    for url in learner_pages(lang) + ["handout/"]:
        text = article_text(site_dir, lang, url)
        if lang == "zh":
            text = ZH_ALLOWED.sub("", text)
        found += [(url, text[max(m.start() - 15, 0):m.end() + 15]) for m in SOURCE_ARTICLE[lang].finditer(text)]
    assert found == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_misconceptions_have_their_own_titled_box(site_dir, lang):
    boxes = 0
    for url in learner_pages(lang):
        html = (site_dir / PREFIX[lang] / url / "index.html").read_text(encoding="utf-8")
        for match in re.finditer(r'<div class="admonition misconception">\s*<p class="admonition-title">([^<]+)</p>', html):
            assert match.group(1).startswith(MISCONCEPTION_TITLE[lang]), (url, match.group(1))
            boxes += 1
    assert boxes >= 20
