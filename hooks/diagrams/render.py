"""A diagram in one language -> an inline SVG, and the <figure> a page shows.

Each figure holds two drawings of the same diagram: a wide one (as the source
describes it) and a narrow one laid out top to bottom for phones. The stylesheet
shows one of them depending on the width of the text column (a container query),
so phone readers get text at full size instead of a shrunken picture.
"""

from __future__ import annotations

import re

from core.languages import DEFAULT_LANGUAGE, LANGUAGES

from .charts import render_bars, render_line, values_summary
from .flow import render_flow
from .model import Bars, Diagram, Flow, Line
from .svg import Canvas, document, esc

WIDTHS = {"wide": 720.0, "narrow": 340.0}


# Each drawing is made once per process: the word-fit check (fit.py) draws every diagram in
# both languages and sizes, then each page that shows one draws it again. Keyed by the
# diagram object itself (kept in the entry, so its id is not reused while it is here): a
# changed source is a new Diagram. Drawings are only read after (svg.document joins parts).
_DRAWN: dict[tuple[int, str, str], tuple[Diagram, tuple[Canvas, float, float]]] = {}


def draw(diagram: Diagram, lang: str, variant: str) -> tuple[Canvas, float, float]:
    """The drawing, its width and its height."""
    key = (id(diagram), lang, variant)
    found = _DRAWN.get(key)
    if found is None or found[0] is not diagram:
        if len(_DRAWN) > 1000:  # a long `make serve` session with many diagram edits
            _DRAWN.clear()
        found = _DRAWN[key] = (diagram, _draw(diagram, lang, variant))
    return found[1]


def _draw(diagram: Diagram, lang: str, variant: str) -> tuple[Canvas, float, float]:
    width = WIDTHS[variant]
    body = diagram.body
    if isinstance(body, Flow):
        direction = body.direction if variant == "wide" else "down"
        canvas, height = render_flow(body, lang, width, direction)
    elif isinstance(body, Bars):
        canvas, height = render_bars(body, lang, width)
    elif isinstance(body, Line):
        canvas, height = render_line(body, lang, width)
    else:  # pragma: no cover - source.py only makes the three kinds
        raise TypeError(f"unknown diagram body {type(body).__name__}")
    return canvas, width, height


def render_svg(diagram: Diagram, lang: str, uid: str, variant: str = "wide") -> str:
    """One <svg> element; `uid` makes its ids unique on the page."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    canvas, width, height = draw(diagram, lang, variant)
    return document(canvas, width, height, f"{uid}-{variant}", diagram.caption[lang],
                    description(diagram, lang), variant)


def description(diagram: Diagram, lang: str) -> str:
    """The text alternative; a bar chart's computed numbers are added, so they are never stale."""
    alt = diagram.alt[lang]
    if isinstance(diagram.body, Bars):
        alt += " " + values_summary(diagram.body, lang)
    return alt


def render_figure(diagram: Diagram, lang: str, uid: str) -> str:
    """The whole figure on one line, so Markdown passes it through untouched.

    `uid` prefixes the ids inside; it must be unique on the page and, since the
    handout page gathers every page into one, best unique on the whole site."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return (
        f'<figure class="diagram diagram--{diagram.kind}" data-diagram="{esc(diagram.id)}">'
        + render_svg(diagram, lang, uid, "wide")
        + render_svg(diagram, lang, uid, "narrow")
        + f"<figcaption>{esc(keep_sums_together(diagram.caption[lang]))}</figcaption></figure>"
    )


def keep_sums_together(text: str) -> str:
    """No line break inside 'T = 0.5' or '3 × 24': no-break spaces around the operator."""
    return re.sub(r"(?<=\S) ([=×÷+−≈]) (?=\S)", "\u00a0\\1\u00a0", text)


def figure_uid(diagram_id: str, src_path: str, count: int) -> str:
    """Ids unique on the whole site (the handout gathers every page into one):
    diagram, page, and a number when a page shows one diagram twice."""
    page_key = re.sub(r"[^a-z0-9]+", "-", src_path.lower().removesuffix(".md")).strip("-")
    return f"dg-{diagram_id}--{page_key}" + (f"-{count}" if count > 1 else "")
