"""`make check`'s early look at raw HTML: each page's Markdown rendered without building.

The build judges the finished content (after glossary links, diagrams, snippets); this
renders only the page's own Markdown, with the extensions that make HTML (the list in
mkdocs.yml section 5, minus emoji, snippets and code highlighting), and asks nh3 the same question, so a
contributor sees the build's message, with its line, in seconds. Requests outside the
site in the finished page (built_page.py) are the build's alone.
"""

from __future__ import annotations

import markdown

from core.problems import Problem
from core.sources import split_front_matter

from .hiding import hidden_text_problems
from .built_page import id_line, id_sentence, line_in, reserved_or_repeated_ids, theme_class_sentence, theme_classes
from .sanitize import sanitize
from .sources import line_of

# mkdocs.yml's markdown_extensions that shape HTML (tests/test_safety.py keeps them in step).
EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
    "pymdownx.details", "pymdownx.superfences",
    "pymdownx.keys", "pymdownx.mark", "pymdownx.caret", "pymdownx.tilde", "pymdownx.tabbed",
]
NOT_PRECHECKED = {"pymdownx.emoji", "pymdownx.snippets", "pymdownx.highlight", "pymdownx.inlinehilite"}
_CONFIGS = {"pymdownx.tabbed": {"alternate_style": True}, "toc": {"permalink": True}}


def raw_html_problems(path: str, text: str) -> list[Problem]:
    """What the build will refuse in this page's raw HTML and links, and its hidden text, said the same way."""
    _, body, _ = split_front_matter(path, text)  # front-matter problems are the registry's
    html = markdown.markdown(body, extensions=EXTENSIONS, extension_configs=_CONFIGS)
    result = sanitize(html)
    return ([Problem(path, "", sentence, line_of(text, sentence)) for sentence in result.refused]
            + hidden_text_problems(path, text, html)
            + [Problem(path, "", theme_class_sentence(name), line_in(text, name))
               for name in theme_classes(result.html)]
            + [Problem(path, "", id_sentence(value), id_line(text, value))
               for value in reserved_or_repeated_ids(result.html)])
