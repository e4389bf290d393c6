"""The ¶ link after each heading, titled in the page's language.

Python-Markdown's toc extension writes one `permalink_title` for the whole site
("Permanent link"), so Chinese pages would show an English tooltip on every heading.
"""

from __future__ import annotations

import re
from html import escape

from core.words import word

TOC_DEFAULT_TITLE = "Permanent link"  # toc's own default; mkdocs.yml does not set another
_HEADERLINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")([^"]*)(")')


def translate_permalinks(html: str, lang: str, configured_title: str = TOC_DEFAULT_TITLE) -> str:
    title = escape(word(lang, "permalink"))
    wanted = escape(configured_title)
    return _HEADERLINK.sub(lambda m: m.group(1) + title + m.group(3) if m.group(2) == wanted else m.group(0), html)
