"""The printed documents' HTML (hooks/handout/): plain functions, no build, no browser."""

from __future__ import annotations

import datetime as dt
import re
import sys

from conftest import ROOT
from core.sources import read_pages
from glossary.registry import build_registry
from handout.assemble import Edition, assemble, assemble_quiz, assemble_trainer_notes
from handout.prepare import prepare_chapter

sys.path.insert(0, str(ROOT / "scripts"))
import pdf as pdf_script  # noqa: E402

REGISTRY = build_registry(read_pages(ROOT / "docs"))
EDITION = Edition(dt.date(2026, 12, 1), "abc1234")
QUESTION = ('<details class="question"><summary>{q}</summary><p>{a}</p></details>')


def term_pages(lang: str, count: int = 3):
    terms = REGISTRY.learning_path(lang)[:count]
    return [(term, f"<h1>{term.display_title}</h1><p>About {term.id}.</p>"
                   + QUESTION.format(q=f"Q about {term.id}?", a=f"A about {term.id}.")) for term in terms]


def test_questions_are_numbered_across_chapters_and_answers_leave_the_page():
    first, answers = prepare_chapter("en", "term-a", "A", QUESTION.format(q="One?", a="Yes."), first_number=7)
    assert [a.number for a in answers] == [7] and answers[0].answer == "<p>Yes.</p>"
    assert "Self-check 7" in first.html and "Yes." not in first.html
    zh, _ = prepare_chapter("zh", "term-a", "A", QUESTION.format(q="一？", a="是。"))
    assert "自测 1" in zh.html


def test_the_handout_numbers_questions_once_and_keeps_pairs_in_one_block():
    html = assemble("en", term_pages("en"), [("compare-x", "X vs Y", QUESTION.format(q="Cmp?", a="So."))],
                    EDITION)
    assert re.findall(r'id="question-(\d+)"', html) == ["1", "2", "3", "4"]
    assert re.findall(r'<li id="answer-(\d+)"', html) == ["1", "2", "3", "4"]
    # Each contents entry has a page-number slot for its heading, and every slot's heading exists.
    slots = re.findall(r'data-page-of="([^"]+)"', html)
    assert len(slots) == 3 + 1 + 2 and all(f'<h1 id="{anchor}"' in html for anchor in slots)
    # A glossary term and its definition are one block.
    assert re.search(r'<div class="handout-glossary__entry"><dt>[^<]+</dt><dd>[^<]+</dd></div>', html)
    # The cover says which edition it is in words, the hash in small print; no raw date or label.
    assert '<p class="handout-cover__edition">Edition of 1 December 2026</p>' in html
    assert '<p class="handout-cover__revision">Revision abc1234</p>' in html
    assert "2026-12-01" not in html and "Version" not in html


def test_the_quiz_has_every_question_numbered_and_no_answer():
    html = assemble_quiz("zh", term_pages("zh"), [], EDITION)
    assert re.findall(r'<li class="handout-quiz__question" value="(\d+)"', html) == ["1", "2", "3"]
    assert "Q about" in html and "A about" not in html
    assert html.count('class="handout-quiz__line"') == 9
    assert "姓名：" in html and "日期：<span" in html
    assert '<p class="handout-quiz__edition">2026 年 12 月 1 日版 · 修订号 abc1234</p>' in html


def test_the_trainer_notes_keep_their_heading_and_sources_and_end_with_the_answer_key():
    notes = ('<h1 id="top">Trainer notes</h1><ul><li><strong>You may hear:</strong> x. <strong>Source:</strong> '
             '<a href="https://example.org/a">A</a>; <a href="../terms/rag/">RAG</a></li></ul>')
    html = assemble_trainer_notes("en", notes, term_pages("en"), [], EDITION)
    assert "<h1" in html and "Trainer notes</h1>" in html
    assert 'href="https://example.org/a"' in html and '<a href="../terms/rag/"' not in html
    assert html.index("Trainer notes</h1>") < html.index('id="handout-answers"')
    assert "A about" in html
    assert '<p class="handout-cover__edition">Edition of 1 December 2026</p>' in html


def test_an_unknown_edition_or_revision_is_left_out():
    html = assemble("zh", term_pages("zh"), [], Edition(None, None))
    assert "handout-cover__edition" not in html and "handout-cover__revision" not in html
    html = assemble_quiz("zh", term_pages("zh"), [], Edition(dt.date(2026, 12, 2), None))
    assert '<p class="handout-quiz__edition">2026 年 12 月 2 日版</p>' in html


def test_a_bookmark_named_twice_is_named_once():
    assert pdf_script._once("TokenToken") == "Token" and pdf_script._once("目录目录") == "目录"
    assert pdf_script._once("MoE") == "MoE" and pdf_script._once("abab") == "ab"


def test_a_heading_s_page_comes_from_bookmarks_or_else_from_the_links_to_it():
    untagged = pdf_script.Printed("draft.pdf", 10, [], {"term-a": 3, "handout-glossary": 9})
    assert pdf_script.heading_pages(untagged, [("term-a", "A"), ("handout-glossary", "G")]) == \
        {"term-a": 3, "handout-glossary": 9}
    try:
        pdf_script.heading_pages(untagged, [("term-b", "B")])
    except pdf_script.PrintError as error:
        assert "no link target for the heading 'B'" in str(error)
    else:
        raise AssertionError("a heading no link points to was given a page")
    # A tagged print: its top-level bookmarks are the <h1>s in order ("TokenToken" is "Token" named twice).
    tagged = pdf_script.Printed("notes.pdf", 10, [("Cover", 1), ("TokenToken", 2), ("RAG", 4)], {})
    assert pdf_script.heading_pages(tagged, [("", "Cover"), ("term-token", "Token"), ("term-rag", "RAG")]) == \
        {"term-token": 2, "term-rag": 4}
