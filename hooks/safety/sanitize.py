"""Raw HTML in a page's content: nh3 (Ammonia) decides what stays; we say what it refused.

`sanitize(html)` returns what the page publishes (nh3's output, so only allowlisted markup
can reach a reader) and what nh3 would have removed, each said in plain words. The build
refuses a page with any refusal: nothing a contributor wrote is silently dropped. The
explanation compares the tags and attributes before and after nh3 (read with html.parser,
which only lists them); the decision is nh3's alone.
"""

from __future__ import annotations

import html as html_lib
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from . import allowlist
from .built_page import css_leaves_the_site, leaves_the_site, may_fetch
from .by_piece import findings

FETCHED = ("src",)  # the only allowed attribute a browser fetches by itself (img src)

_NH3 = allowlist.nh3_arguments()


@dataclass(frozen=True)
class Sanitized:
    html: str               # what the page publishes
    refused: list[str]      # what nh3 removed, one plain sentence each, in page order


def published_value(tag: str, attribute: str, value: str) -> str | None:
    """nh3's last word on each allowed attribute.

    Material's content.tooltips copies `title` into the tooltip as HTML: escape it once
    more, so that 'a<b>c' is shown as written and '<img onerror>' is only text. A file the
    browser would fetch from another site (<img src="https://...">) is refused here, in
    the page's source, rather than only in the built page (built_page.py)."""
    if attribute == "title":
        return html_lib.escape(value, quote=False)
    if "(" not in value and "\\" not in value and attribute not in FETCHED:
        return value  # only url(, image-set( or a CSS escape can load a file; most values hold none
    if attribute in FETCHED and leaves_the_site(value):
        return None
    if may_fetch(value) and css_leaves_the_site(value):  # SVG's fill, stroke, marker-end…
        return None
    return value


def sanitize(content: str) -> Sanitized:
    published = nh3.clean(content, attribute_filter=published_value, **_NH3)
    before = _inventory(content)
    after = _inventory(published, unescape_titles=True)
    missing = before - after  # what nh3 removed (what it adds, like <tbody>, is harmless)
    return Sanitized(published, _sentences(before.order, missing))


def refusals(content: str) -> list[str]:
    """What nh3 would remove from already published content (the handout, backlinks)."""
    published = nh3.clean(content, **_NH3)
    if published == content:  # nh3 changed nothing, so it removed nothing (the handout, usually)
        return []
    before, after = _inventory(content), _inventory(published)
    return _sentences(before.order, before - after)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

class _Inventory(HTMLParser):
    """Every tag (tag,) and attribute (tag, name, value) of a fragment, in order."""

    unescape_titles = False

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.order: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.order.append((tag,))
        for name, value in attrs:
            value = value or ""
            if name == "title" and self.unescape_titles:
                value = html_lib.unescape(value)
            if name == "style":
                value = _style_key(value)
            self.order.append((tag, name, value))


class _InventoryOfPublished(_Inventory):
    unescape_titles = True  # published_value escaped each title once more


def _items(parser: _Inventory) -> list[tuple]:
    return parser.order


class _Counted(Counter):
    order: list[tuple]


def _inventory(fragment: str, unescape_titles: bool = False) -> _Counted:
    order = findings(fragment, _InventoryOfPublished if unescape_titles else _Inventory, _items)
    counted = _Counted(order)
    counted.order = order
    return counted


def _sentences(order: list[tuple], missing: Counter) -> list[str]:
    """One sentence per refusal, in page order; a refused tag's attributes go with it."""
    sentences: list[str] = []
    for item in order:
        if missing[item] <= 0 or (len(item) == 3 and item[0] not in allowlist.TAGS):
            continue
        missing[item] -= 1
        sentence = _explain(item)
        if sentence not in sentences:
            sentences.append(sentence)
    return sentences


def _style_key(style: str) -> str:
    """nh3 rewrites 'text-align: right;' as 'text-align:right': compare declarations, not spelling."""
    declarations = (part.split(":", 1) for part in style.split(";") if part.strip())
    return ";".join(sorted(f"{name.strip().lower()}:{' '.join(value.split())}"
                           for name, *rest in declarations for value in rest[:1] or [""]))


def _explain(item: tuple) -> str:
    if len(item) == 1:
        tag = item[0]
        if tag in allowlist.CONTENT_TAGS:
            return (f"the HTML tag <{tag}> is not allowed: it would run script or restyle the site. "
                    f"Remove it (with its content).")
        return (f"the HTML tag <{tag}> is not allowed in pages. Write it in Markdown or with the "
                f"tags CONTRIBUTING.md lists (section 10), or remove it.")
    tag, name, value = item
    shown = value if len(value) <= 60 else value[:57] + "..."
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in shown)  # a tab shows as \t
    if name.startswith("on"):
        return (f"the attribute {name}=\"{shown}\" on <{tag}> would run script; remove it.")
    if name == "style":
        return (f"the inline style \"{shown}\" on <{tag}> is not allowed: only "
                f"{', '.join(sorted(allowlist.STYLE_PROPERTIES))} (no url()); remove it or use Markdown.")
    if name in FETCHED and leaves_the_site(value):
        return (f"<{tag} {name}=\"{shown}\"> loads a file from outside the site: readers on the "
                f"intranet cannot reach it, and the site makes no request outside itself. Save the "
                f"file in docs/assets/ and use it from there, or make it a link for the reader to click.")
    if may_fetch(value) and css_leaves_the_site(value):
        return (f"the attribute {name}=\"{shown}\" on <{tag}> loads a file from outside the site: "
                f"readers on the intranet cannot reach it, and the site makes no request outside "
                f"itself. Save the file in docs/assets/ and use it from there, or remove it.")
    if name in ("href", "src", "cite") and _allowed_attribute(tag, name):
        return (f"the link \"{shown}\" on <{tag}> is not allowed: links go to the site's own pages "
                f"or to {', '.join(s + ':' for s in sorted(allowlist.URL_SCHEMES))} addresses "
                f"(never javascript:, data: or file:). Fix or remove it.")
    if _allowed_attribute(tag, name):
        return f"the value \"{shown}\" of the attribute {name} on <{tag}> is not allowed; remove it."
    return (f"the attribute {name} on <{tag}> is not allowed in pages (CONTRIBUTING.md, section 10, "
            f"lists the ones that are); remove it.")


def _allowed_attribute(tag: str, name: str) -> bool:
    return (name in allowlist.GLOBAL_ATTRIBUTES or name in allowlist.TAG_ATTRIBUTES.get(tag, ())
            or (tag == "input" and name == "type"))
