"""One rendered site page made fit for paper (pure HTML rewriting).

Self-check answers are taken out (they go to the answer key) and the questions
numbered; glossary links point inside the printed document; other relative links
become plain text, since they would not work on paper; ids stay unique inside one
long page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from core.words import word
from glossary.render import TERM_LINK

_DETAILS = re.compile(
    r'<details class="question"[^>]*>\s*<summary>(?P<question>.*?)</summary>(?P<answer>.*?)</details>',
    re.DOTALL)
_HEADING_ID = re.compile(r'(<h[1-6][^>]*\sid=")([^"]+)(")')
_HREF_ID = re.compile(r'href="#([^"]+)"')
_RELATIVE_LINK = re.compile(r'<a href="(?!#|https?:|mailto:)[^"]*"([^>]*)>(.*?)</a>', re.DOTALL)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_PRINT_LIST = re.compile(r'<aside class="glossary-print-list".*?</aside>', re.DOTALL)
_PREVIEWS = re.compile(r'<div class="term-previews".*?</div>', re.DOTALL)
_GENERATED_SECTIONS = re.compile(r'<h2[^>]*\sid="(related|used-on)".*?(?=<h2[\s>]|\Z)', re.DOTALL)
_FIRST_H1 = re.compile(r"<h1[^>]*>.*?</h1>", re.DOTALL)


@dataclass(frozen=True)
class Chapter:
    anchor: str
    title: str
    html: str


@dataclass(frozen=True)
class Answer:
    number: int
    anchor: str
    chapter_title: str
    question: str
    answer: str


def term_anchor(term_id: str) -> str:
    return f"term-{term_id}"


def question_label(lang: str, number: int) -> str:
    return word(lang, "handout.question").format(n=number)


def prepare_chapter(lang: str, anchor: str, title: str, content_html: str,
                    first_number: int = 1, keep_heading: bool = False) -> tuple[Chapter, list[Answer]]:
    """One page's content for a printed document; its self-check answers taken out and
    its questions numbered from first_number (one numbering across a document)."""
    html = _PERMALINK.sub("", content_html)
    html = _PRINT_LIST.sub("", html)
    html = _PREVIEWS.sub("", html)  # one page's preview templates; their ids would repeat
    html = _GENERATED_SECTIONS.sub("", html)
    html = _HEADING_ID.sub(lambda m: f"{m.group(1)}{anchor}-{m.group(2)}{m.group(3)}", html)
    html = _HREF_ID.sub(lambda m: f'href="#{anchor}-{m.group(1)}"', html)
    # In-handout links, without previews (their templates are gone; the appendix has the summaries).
    html = TERM_LINK.sub(lambda m: f'<a class="glossary-term" href="#{term_anchor(m.group("id"))}"'
                                   f' data-term="{m.group("id")}">', html)
    html = _RELATIVE_LINK.sub(lambda m: f"<span{m.group(1)}>{m.group(2)}</span>", html)
    answers: list[Answer] = []

    def take_answer(match: re.Match) -> str:
        number = first_number + len(answers)
        question = match.group("question").strip()
        answers.append(Answer(number, f"answer-{number}", title, question, match.group("answer").strip()))
        return (f'<div class="handout-question" id="question-{number}"><p>'
                f'<span class="handout-question__number">{escape(question_label(lang, number))}</span> '
                f"<strong>{question}</strong></p></div>")

    html = _DETAILS.sub(take_answer, html)
    if not keep_heading:  # the page's own <h1> gives way to the chapter title the document writes
        html = _FIRST_H1.sub("", html, count=1)
    return Chapter(anchor, title, html), answers
