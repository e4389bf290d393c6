"""The training handout: one long printable page per language (pure HTML assembly).

The handout page gathers every term page's rendered content in learning-path
order, the comparison pages, a glossary appendix and an answer key. Self-check
answers move to the answer key; glossary links point inside the handout; other
relative links become plain text, since they would not work on paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from core.words import word
from glossary.collation import sort_key
from glossary.registry import Term
from glossary.render import TERM_LINK

# The marker docs/handout.md carries where the handout goes.
HANDOUT_PLACEHOLDER = "<!-- handout -->"

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


@dataclass(frozen=True)
class Chapter:
    anchor: str
    title: str
    html: str


@dataclass(frozen=True)
class Answer:
    anchor: str
    chapter_title: str
    question: str
    answer: str


def term_anchor(term_id: str) -> str:
    return f"term-{term_id}"


def prepare_chapter(anchor: str, title: str, content_html: str) -> tuple[Chapter, list[Answer]]:
    """One page's content, made fit for the handout; its self-check answers taken out."""
    html = _PERMALINK.sub("", content_html)
    html = _PRINT_LIST.sub("", html)
    html = _PREVIEWS.sub("", html)  # one page's preview templates; their ids would repeat
    html = _GENERATED_SECTIONS.sub("", html)
    # Ids stay unique inside one long page.
    html = _HEADING_ID.sub(lambda m: f"{m.group(1)}{anchor}-{m.group(2)}{m.group(3)}", html)
    html = _HREF_ID.sub(lambda m: f'href="#{anchor}-{m.group(1)}"', html)
    # In-handout links, without previews (their templates are gone; the appendix has the summaries).
    html = TERM_LINK.sub(lambda m: f'<a class="glossary-term" href="#{term_anchor(m.group("id"))}"'
                                   f' data-term="{m.group("id")}">', html)
    html = _RELATIVE_LINK.sub(lambda m: f"<span{m.group(1)}>{m.group(2)}</span>", html)
    answers: list[Answer] = []

    def take_answer(match: re.Match) -> str:
        number = len(answers) + 1
        answers.append(Answer(f"{anchor}-answer-{number}", title, match.group("question").strip(),
                              match.group("answer").strip()))
        return (f'<div class="handout-question" id="{anchor}-question-{number}">'
                f'<p><strong>{match.group("question").strip()}</strong></p></div>')

    html = _DETAILS.sub(take_answer, html)
    # The page's own <h1> becomes the chapter title, written by assemble().
    html = re.sub(r"<h1[^>]*>.*?</h1>", "", html, count=1, flags=re.DOTALL)
    return Chapter(anchor, title, html), answers


def assemble(lang: str, terms: list[tuple[Term, str]], comparisons: list[tuple[str, str, str]],
             date: str, version: str) -> str:
    """terms: (term, rendered page content) in learning-path order;
    comparisons: (anchor, title, rendered page content)."""
    def words(key: str) -> str:
        return word(lang, f"handout.{key}")

    chapters, answers = [], []
    for term, html in terms:
        chapter, found = prepare_chapter(term_anchor(term.id), term.display_title, html)
        chapters.append(chapter)
        answers += found
    comparison_chapters = []
    for anchor, title, html in comparisons:
        chapter, found = prepare_chapter(anchor, title, html)
        comparison_chapters.append(chapter)
        answers += found

    parts = [
        '<section class="handout-cover">',
        f'<h1 class="handout-cover__title">{escape(words("title"))}</h1>',
        f'<p class="handout-cover__subtitle">{escape(words("subtitle"))}</p>',
        f'<p class="handout-cover__meta">{escape(words("date"))}: {escape(date)}<br>'
        f'{escape(words("version"))}: {escape(version)}</p>',
        "</section>",
        '<nav class="handout-toc">',
        f'<h1 id="handout-contents">{escape(words("contents"))}</h1>',
        f"<h2>{escape(words('terms'))}</h2><ol>",
        *[f'<li><a href="#{c.anchor}">{escape(c.title)}</a></li>' for c in chapters],
        f"</ol><h2>{escape(words('comparisons'))}</h2><ol>",
        *[f'<li><a href="#{c.anchor}">{escape(c.title)}</a></li>' for c in comparison_chapters],
        "</ol><ol class=\"handout-toc__appendix\">",
        f'<li><a href="#handout-glossary">{escape(words("appendix"))}</a></li>',
        f'<li><a href="#handout-answers">{escape(words("answers"))}</a></li>',
        "</ol></nav>",
    ]
    for chapter in chapters + comparison_chapters:
        # The id sits on the heading: Chromium names a bookmark twice when it is on the section.
        parts += ['<section class="handout-chapter">',
                  f'<h1 id="{chapter.anchor}">{escape(chapter.title)}</h1>', chapter.html, "</section>"]
    parts += ['<section class="handout-appendix">',
              f'<h1 id="handout-glossary">{escape(words("appendix"))}</h1><dl>']
    for term, _ in sorted(terms, key=lambda pair: sort_key(lang, pair[0].display_title)):
        parts.append(f"<dt>{escape(term.display_title)}</dt><dd>{escape(term.summary)}</dd>")
    parts += ["</dl></section>", '<section class="handout-appendix">',
              f'<h1 id="handout-answers">{escape(words("answers"))}</h1><ol>']
    for answer in answers:
        parts.append(f'<li id="{answer.anchor}"><p><strong>{escape(answer.chapter_title)}'
                     f"</strong> · {answer.question}</p>{answer.answer}</li>")
    parts += ["</ol></section>"]
    return "\n".join(parts)
