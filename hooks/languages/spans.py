"""Mark passages in the other language with `lang`, so screen readers switch voice.

English pages quote Chinese words (满血版, 一本正经地胡说八道); Chinese pages cite
English paper titles. Only `<span lang>` wrappers are added; the text is unchanged.
"""

from __future__ import annotations

import re

from core.html import walk_text

# Text that is code or a picture is read as it is.
NOT_PROSE = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea",
                       "title", "option", "select"})
# A run of Chinese characters and the punctuation between them.
HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’·…—]*")
# Three or more English words in a row, such as a paper title.
# A run starts at a word's first letter (lookbehind) and words are taken whole (possessive):
# the same runs, found without retrying from every letter of every word in the page's markup.
ENGLISH_RUN = re.compile(r"(?<![A-Za-z])[A-Za-z][A-Za-z'’-]*+(?:[ ,:]++[A-Za-z][A-Za-z'’-]*+){2,}")


def mark_other_language(html: str, page_lang: str) -> str:
    pattern, other = (HAN_RUN, "zh") if page_lang == "en" else (ENGLISH_RUN, "en")
    if not pattern.search(html):  # most English pages quote no Chinese at all
        return html
    wrap = lambda text: pattern.sub(lambda m: f'<span lang="{other}">{m.group(0)}</span>', text)
    return walk_text(html, wrap, skipped=NOT_PROSE, skipped_classes=frozenset())
