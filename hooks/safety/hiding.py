"""What search finds is what a reader sees: no hidden text in content, no page left out of
search by accident, no page pushed up every result list.

Search indexes a page's text whether or not the reader can see it, so words hidden in a
page (the `hidden` attribute, a class whose CSS hides it, an inline style that moves it
away) make the page come up for a query the reader then cannot find on it. The allowlist
keeps `hidden` and those classes because the site's own markup needs them (the preview
cards' templates, the print-only term list, the two sizes of each diagram), so this check
reads the page's HTML before the hooks add theirs, and passes over an element the glossary
extension added while converting it (its class is the site's and not in the page's source).

In front matter, `search: exclude: true` takes a page out of search and `search: boost`
makes it outrank the others for every word it has; only the printed documents leave
search (their text is on the pages they gather), and no page is boosted.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from core.problems import Problem
from core.sources import field_line, language_of
from .by_piece import findings

# The site's classes whose CSS hides an element on screen (docs/assets/stylesheets/; the
# unit test keeps the list in step with the CSS), and Material's [hidden] rule.
HIDING_CLASSES = frozenset({
    "glossary-print-list", "term-previews", "term-preview", "diagram__svg--narrow", "diagram__svg--wide",
})
# vertical-align moves text by any length ('-9999px'): only the keywords are layout.
VERTICAL_ALIGN = frozenset({"baseline", "top", "middle", "bottom", "sub", "super", "text-top", "text-bottom"})
# Pages whose text is on other pages, printed for a class: the handouts and trainer notes.
SEARCH_EXCLUDED = frozenset({"handout.md", "handout-quiz.md", "handout-trainer.md", "trainer-notes.md"})


def hidden_text_problems(path: str, source: str, content_html: str) -> list[Problem]:
    """What in a page's own HTML hides text from the reader, each at its line in the source."""
    problems, seen = [], {}
    for sentence, classes in findings(content_html, _Hiding, _sentences_found):
        if any(name in HIDING_CLASSES and name not in source for name in classes):
            # The site's own markup (the glossary's preview templates and print list, the
            # diagrams' two sizes), added while the page is converted: not the contributor's.
            continue
        pattern = _pattern(sentence)
        seen[pattern] = seen.get(pattern, 0) + 1  # the second hidden element is at the second match
        line = _line(source, pattern, seen[pattern])
        if line is None and "--8<--" in source:
            sentence += " (It is in a snippet this page includes, in docs/_snippets/.)"
        problems.append(Problem(path, "", sentence, line or 1))
    return problems


def _pattern(sentence: str) -> str:
    """Where in the source the thing a sentence names is written."""
    if "'hidden'" in sentence:  # <p hidden>, or attr_list's '{: hidden }'
        return r"<[a-z][^>]*\shidden\b|\{:?[^}\n]*\bhidden\b"
    if sentence.startswith("the class"):
        return re.escape(sentence.split("'")[1])
    return r"vertical-align"


def _line(source: str, pattern: str, nth: int) -> int | None:
    """The line of the source with the nth match of `pattern` (the last one if fewer)."""
    body = source.find("\n---", 1) if source.startswith("---") else 0
    matches = list(re.compile(pattern, re.IGNORECASE).finditer(source, max(body, 0)))
    if not matches:
        return None
    return source.count("\n", 0, matches[min(nth, len(matches)) - 1].start()) + 1


def search_field_problems(path: str, meta: dict | None, text: str) -> list[Problem]:
    """`search: exclude` outside the printed documents; `search: boost` anywhere."""
    search = (meta or {}).get("search")
    if not isinstance(search, dict):
        return []
    problems = []
    if search.get("exclude") and language_of(path).base not in SEARCH_EXCLUDED:
        problems.append(Problem(path, "search", (
            "'search: exclude' takes this page out of the site's search, so readers cannot find "
            "it by its words. Only the printed handouts and the trainer notes leave search (their "
            "text is on other pages). Remove the 'search:' lines."), field_line(text, "search")))
    if "boost" in search:
        problems.append(Problem(path, "search", (
            "'search: boost' puts this page above the others for every word it has, even when "
            "another page answers the question. Remove the 'boost' line: a term's name and aliases "
            "already put its page first."), field_line(text, "search")))
    return problems


class _Hiding(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sentences: list[tuple[str, list[str]]] = []  # (sentence, the element's classes)

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        classes = values.get("class", "").split()
        if "hidden" in values:
            self.sentences.append((
                f"the attribute 'hidden' on <{tag}> hides its text from readers, but search still "
                f"finds it, so the page would come up for words no reader can see. Remove the "
                f"attribute (and the text, if it is not for readers); for text a reader opens when "
                f"needed, use a box that opens: a line '??? note \"Title\"' with the text under it indented by 4 spaces.",
                classes))
        for name in classes:
            if name in HIDING_CLASSES:
                self.sentences.append((
                    f"the class '{name}' is the site's own and hides the element on screen, but search "
                    f"still finds its text. Remove the class.", [name]))
        for declaration in values.get("style", "").split(";"):
            prop, _, value = declaration.partition(":")
            if prop.strip().lower() == "vertical-align" and value.strip().lower() not in VERTICAL_ALIGN:
                self.sentences.append((
                    f"the style 'vertical-align:{value.strip()}' on <{tag}> can move text out of sight "
                    f"(search would still find it). Use one of: {', '.join(sorted(VERTICAL_ALIGN))}.", []))

    handle_startendtag = handle_starttag


def _sentences_found(parser: _Hiding) -> list[tuple[str, list[str]]]:
    return parser.sentences
