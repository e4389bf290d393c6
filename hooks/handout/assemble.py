"""The three printed documents per language (pure HTML assembly), printed by `make pdf`.

- the learner handout: cover, contents with page numbers, every term in learning-path
  order, the comparison pages, a glossary appendix and the answer key;
- the quiz sheet: the self-check questions, numbered as in the handout, with room
  to write and no answers;
- the trainer notes: the trainer-notes page (common misconceptions, the facts, the
  sources) and the answer key.

The contents' page numbers are empty slots (`data-page-of` names the heading they
point to): only the printed PDF knows where a heading lands, so scripts/pdf.py prints
once, reads the pages from the PDF's bookmarks and fills the slots in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from core.words import long_date, word
from glossary.collation import sort_key
from glossary.registry import Term

from .prepare import Answer, Chapter, prepare_chapter, question_label, term_anchor

# The markers docs/handout*.md carry where each document goes.
HANDOUT_PLACEHOLDER = "<!-- handout -->"
QUIZ_PLACEHOLDER = "<!-- handout:quiz -->"
TRAINER_PLACEHOLDER = "<!-- handout:trainer -->"
PLACEHOLDERS = (HANDOUT_PLACEHOLDER, QUIZ_PLACEHOLDER, TRAINER_PLACEHOLDER)

GLOSSARY_ANCHOR = "handout-glossary"
# One line to write on, in the quiz (a border prints on every printer; a background may not).
_RULED_LINE = '<div class="handout-quiz__line"></div>'
ANSWERS_ANCHOR = "handout-answers"


@dataclass(frozen=True)
class Edition:
    """Which edition a printed document is: the day of its content (the last commit's),
    which a trainer can tell apart, and the commit's short hash in small print, which
    pins it down for whoever fixes a mistake a trainer reports. None: not known."""
    day: dt.date | None
    revision: str | None


def chapters_and_answers(lang: str, terms: list[tuple[Term, str]],
                         comparisons: list[tuple[str, str, str]]) -> tuple[list[Chapter], list[Chapter], list[Answer]]:
    """terms: (term, rendered page content) in learning-path order;
    comparisons: (anchor, title, rendered page content). One question numbering for all."""
    answers: list[Answer] = []
    chapters, comparison_chapters = [], []
    for anchor, title, html, into in ([(term_anchor(t.id), t.display_title, h, chapters) for t, h in terms]
                                      + [(a, t, h, comparison_chapters) for a, t, h in comparisons]):
        chapter, found = prepare_chapter(lang, anchor, title, html, first_number=len(answers) + 1)
        into.append(chapter)
        answers += found
    return chapters, comparison_chapters, answers


def assemble(lang: str, terms: list[tuple[Term, str]], comparisons: list[tuple[str, str, str]],
             edition: Edition) -> str:
    """The learner handout."""
    chapters, comparison_chapters, answers = chapters_and_answers(lang, terms, comparisons)
    parts = [_cover(lang, word(lang, "handout.subtitle"), edition),
             '<nav class="handout-toc">',
             f'<h1 id="handout-contents">{_w(lang, "contents")}</h1>',
             f"<h2>{_w(lang, 'terms')}</h2>",
             _contents(chapters),
             f"<h2>{_w(lang, 'comparisons')}</h2>",
             _contents(comparison_chapters),
             _contents([Chapter(GLOSSARY_ANCHOR, word(lang, "handout.appendix"), ""),
                        Chapter(ANSWERS_ANCHOR, word(lang, "handout.answers"), "")], "handout-toc__appendix"),
             "</nav>"]
    for index, chapter in enumerate(chapters + comparison_chapters):
        first = " handout-chapter--first" if index == 0 else ""
        # The id sits on the heading: Chromium names a bookmark twice when it is on the section.
        parts += [f'<section class="handout-chapter{first}">',
                  f'<h1 id="{chapter.anchor}">{escape(chapter.title)}</h1>', chapter.html, "</section>"]
    parts += ['<section class="handout-appendix handout-glossary">',
              f'<h1 id="{GLOSSARY_ANCHOR}">{_w(lang, "appendix")}</h1><dl>']
    for term, _ in sorted(terms, key=lambda pair: sort_key(lang, pair[0].display_title)):
        # dt and dd in one block, so a term never ends a page without its definition.
        parts.append(f'<div class="handout-glossary__entry"><dt>{escape(term.display_title)}</dt>'
                     f"<dd>{escape(term.summary)}</dd></div>")
    parts += ["</dl></section>", _answer_key(lang, answers)]
    return "\n".join(parts)


def assemble_quiz(lang: str, terms: list[tuple[Term, str]], comparisons: list[tuple[str, str, str]],
                  edition: Edition) -> str:
    """The quiz sheet: every self-check question, numbered as in the handout, no answers."""
    _, _, answers = chapters_and_answers(lang, terms, comparisons)
    colon = word(lang, "colon")
    parts = ['<section class="handout-quiz">',
             f'<h1 id="handout-quiz">{_w(lang, "quiz")}</h1>',
             f'<p class="handout-quiz__subtitle">{escape(word(lang, "handout.title"))} · '
             f'{_w(lang, "quiz_subtitle")}</p>',
             f'<p class="handout-quiz__fields">{_w(lang, "name")}{colon}<span class="handout-quiz__blank"></span>'
             f' {_w(lang, "date")}{colon}<span class="handout-quiz__blank"></span></p>',
             '<ol class="handout-quiz__questions">']
    for answer in answers:
        parts.append(f'<li class="handout-quiz__question" value="{answer.number}" id="quiz-{answer.number}">'
                     f'<p><span class="handout-quiz__chapter">{escape(answer.chapter_title)}</span> · '
                     f'{answer.question}</p><div class="handout-quiz__space">{_RULED_LINE * 3}</div></li>')
    stamp = " · ".join(escape(text) for _, text in _edition(lang, edition))
    parts += ["</ol>", f'<p class="handout-quiz__edition">{stamp}</p>', "</section>"]
    return "\n".join(parts)


def assemble_trainer_notes(lang: str, notes_html: str, terms: list[tuple[Term, str]],
                           comparisons: list[tuple[str, str, str]], edition: Edition) -> str:
    """The trainer notes: the trainer-notes page, then the answer key."""
    _, _, answers = chapters_and_answers(lang, terms, comparisons)
    notes, _ = prepare_chapter(lang, "trainer", "", notes_html, keep_heading=True)
    return "\n".join([_cover(lang, word(lang, "handout.trainer_subtitle"), edition),
                      '<section class="handout-chapter handout-chapter--first handout-trainer">',
                      notes.html, "</section>", _answer_key(lang, answers)])


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

def _w(lang: str, key: str) -> str:
    return escape(word(lang, f"handout.{key}"))


def _edition(lang: str, edition: Edition) -> list[tuple[str, str]]:
    """('edition', '2026 年 12 月 2 日版'), ('revision', '修订号 8af597e'); what is not known is left out."""
    parts = []
    if edition.day:
        parts.append(("edition", word(lang, "handout.edition").format(date=long_date(edition.day, lang))))
    if edition.revision:
        parts.append(("revision", word(lang, "handout.revision").format(revision=edition.revision)))
    return parts


def _cover(lang: str, subtitle: str, edition: Edition) -> str:
    return ('<section class="handout-cover">'
            f'<h1 class="handout-cover__title">{_w(lang, "title")}</h1>'
            f'<p class="handout-cover__subtitle">{escape(subtitle)}</p>'
            + "".join(f'<p class="handout-cover__{kind}">{escape(text)}</p>' for kind, text in _edition(lang, edition))
            + "</section>")


def _contents(chapters: list[Chapter], css_class: str = "") -> str:
    """One contents list; each entry ends in the slot for its page number."""
    items = [f'<li><a href="#{c.anchor}"><span class="handout-toc__title">{escape(c.title)}</span>'
             f'<span class="handout-toc__page" data-page-of="{c.anchor}"></span></a></li>' for c in chapters]
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<ol{attribute}>" + "".join(items) + "</ol>"


def _answer_key(lang: str, answers: list[Answer]) -> str:
    parts = ['<section class="handout-appendix handout-answers">',
             f'<h1 id="{ANSWERS_ANCHOR}">{_w(lang, "answers")}</h1><ol>']
    for answer in answers:
        # The question and its answer are one block: never split across two pages.
        parts.append(f'<li id="{answer.anchor}" value="{answer.number}"><p><strong>'
                     f"{escape(question_label(lang, answer.number))} · {escape(answer.chapter_title)}"
                     f"</strong> · {answer.question}</p>{answer.answer}</li>")
    parts.append("</ol></section>")
    return "\n".join(parts)
