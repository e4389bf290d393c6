"""A finished page (theme, content and all): it runs no script from content and loads
nothing from outside the site.

Checked on every page's final HTML, after the templates and every hook, so it also covers
what no sanitizer sees: front-matter text printed by the theme, the handout, the 404 page.
Links for the reader to follow (<a href="https://...">) are navigation, not requests, and
stay allowed; whatever the browser would fetch by itself must be part of the site.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from .by_piece import findings

# Attributes the browser fetches by itself, on any element that has them.
_FETCHED = ("src", "poster", "data", "background", "action", "formaction", "manifest",
            "xlink:href", "ping", "archive", "codebase", "longdesc", "lowsrc", "dynsrc")
# `href` is fetched on these (on <a> and <area> it is a link the reader follows).
_FETCHED_HREF = ("link", "image", "use", "base", "feimage", "script")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE | re.DOTALL)
# image-set("a.png" 1x, "b.png" 2x): addresses as plain strings, fetched like url()'s.
_IMAGE_SET = re.compile(r"image-set\(([^)]*)\)", re.IGNORECASE)
_CSS_STRING = re.compile(r"""(['"])(.*?)\1""", re.DOTALL)
# CSS escapes: '\68ttps:' is 'https:', 'u\72l(' is 'url(' to the browser.
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(.))", re.DOTALL)
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.IGNORECASE)
_SCRIPT_SCHEMES = ("javascript", "vbscript", "livescript")


def leaves_the_site(url: str) -> bool:
    """True when fetching `url` would reach another host: a scheme (http:, ftp: ...) or
    //host, however it is spelled (case, spaces, backslashes, control characters)."""
    cleaned = re.sub(r"[\x00-\x20]", "", url).replace("\\", "/")
    if cleaned.startswith("//"):
        return True
    scheme = urlsplit(cleaned).scheme.lower()
    return bool(scheme) and scheme not in ("data", "blob", "about", *_SCRIPT_SCHEMES)


def css_unescaped(css: str) -> str:
    """CSS as the browser reads it, its backslash escapes decoded."""
    def one(match):
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return match.group(2)
    return _CSS_ESCAPE.sub(one, css)


def css_addresses(css: str) -> list[str]:
    """Every address this CSS makes the browser fetch: url(), @import, image-set() strings."""
    css = css_unescaped(css)
    found = [m.group(2) if m.group(2) is not None else m.group(4) or "" for m in _CSS_URL.finditer(css)]
    found += [m.group(2) for images in _IMAGE_SET.finditer(css) for m in _CSS_STRING.finditer(images.group(1))]
    return found


def css_leaves_the_site(css: str) -> bool:
    """Whether a url() or @import in this CSS (a style, or SVG's fill="url(...)") is another site's."""
    return any(leaves_the_site(url) for url in css_addresses(css))


def may_fetch(value: str) -> bool:
    """Whether an attribute's value holds CSS that can fetch (url( or image-set(, escapes read)."""
    lowered = css_unescaped(value).lower() if "\\" in value else value.lower()
    return "url(" in lowered or "image-set(" in lowered


def runs_script(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    return urlsplit(cleaned).scheme.lower() in _SCRIPT_SCHEMES


_THEME_CLASS = re.compile(r'\sclass="([^"]*)"')


# Material's script downloads Mermaid from unpkg.com for any <pre class="mermaid">.
_FETCHING_CLASSES = ("mermaid",)


def theme_classes(content_html: str) -> list[str]:
    """Material's own classes (md-…) in a page's content: with them a paragraph becomes the
    theme's header, dialog or overlay, fixed over the text whatever the style allowlist says;
    and the classes that make its script fetch a program from another site."""
    found = [name for value in _THEME_CLASS.findall(content_html) for name in value.split()
             if name.startswith("md-") or name.lower() in _FETCHING_CLASSES]
    return list(dict.fromkeys(found))


_ID = re.compile(r'\sid="([^"]*)"')
# Ids the theme and the site give their own parts: Material's start with "__" (its settings
# are <script id="__config">), a preview card's template is "term-preview-<id>". pymdownx's
# tabbed blocks number theirs "__tabbed_…" in the content itself.
_OWN_ID_PREFIXES = ("__", "term-preview-")


def id_sentence(value: str) -> str:
    """What the build and `make check` say about an id a page may not have."""
    return (f"the id \"{value[:60]}\" is taken: another element on this page has it, or it is named "
            f"like the theme's and the site's own (ids starting with '__' or 'term-preview-'), which "
            f"their scripts find their parts by. Give the element in the page another id (the "
            f"'{{: id=... }}' or id=\"...\" you wrote).")


def id_line(source: str, value: str) -> int:
    """The line where the page's source gives this id (its last time: the repeat)."""
    for needle in (f'id="{value}"', f"id='{value}'", f"id={value}", f"#{value}"):
        at = source.rfind(needle)
        if at >= 0:
            return source.count("\n", 0, at) + 1
    return line_in(source, value)


def reserved_or_repeated_ids(content_html: str) -> list[str]:
    """Ids in a page's own content that repeat, or that the theme or the site use."""
    seen: set[str] = set()
    found = [value for value in _ID.findall(content_html) if value in seen or seen.add(value)
             or (value.startswith(_OWN_ID_PREFIXES) and not value.startswith("__tabbed_"))]
    return list(dict.fromkeys(found))


def repeated_ids(page_html: str) -> list[str]:
    """Ids a whole page has twice. The theme's and the site's scripts find their elements by
    id (Material's settings are <script id="__config">, a preview card is its term's
    template): a page that repeats one would take the element's place."""
    ids = _ID.findall(page_html)
    seen: set[str] = set()
    repeated = [value for value in ids if value in seen or seen.add(value)]
    return list(dict.fromkeys(repeated))


def without_fetching_classes(content_html: str) -> str:
    """The content without the classes that would make the theme fetch (refused, reported):
    a refused build's pages, served for the tests, must not reach unpkg.com either."""
    def clean(match: re.Match) -> str:
        kept = [name for name in match.group(1).split() if name.lower() not in _FETCHING_CLASSES]
        return f' class="{" ".join(kept)}"'
    return _THEME_CLASS.sub(clean, content_html)


def theme_class_sentence(name: str) -> str:
    """What the build and `make check` say about one of the theme's classes in a page."""
    if name.lower() in _FETCHING_CLASSES:
        return (f"the class '{name}' makes the theme download the Mermaid diagram program from "
                f"the internet (unpkg.com), which readers on the intranet cannot reach and the site "
                f"never asks for. Remove the class; draw diagrams in docs/_diagrams/ (CONTRIBUTING.md, "
                f"section 9).")
    return (f"the class '{name}' is the theme's own (classes starting with 'md-' place the theme's "
            f"header, dialogs and overlays); remove it from the page.")


def line_in(source: str, needle: str) -> int:
    """The first line of `source` that holds `needle`; 1 if none does."""
    at = source.find(needle)
    return source.count("\n", 0, at) + 1 if at >= 0 else 1


def page_problems(page_html: str) -> list[str]:
    """Every request outside the site and every script from an attribute, in page order."""
    return list(dict.fromkeys(findings(page_html, _Finder, _problems_found)))


def _problems_found(finder: "_Finder") -> list[str]:
    return finder.problems


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> runs script")
            if name in ("href", "src", "action", "formaction", "xlink:href", "data") and runs_script(value):
                self.problems.append(f"<{tag} {name}=\"{value[:60]}\"> runs script")
            fetched = name in _FETCHED or (name == "href" and tag in _FETCHED_HREF)
            if fetched and leaves_the_site(value):
                self.problems.append(f"<{tag} {name}=\"{value[:80]}\"> loads a file from outside the site")
            if name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url and leaves_the_site(url):
                        self.problems.append(f"<{tag} {name}=\"...{url[:80]}...\"> loads a file from outside the site")
            if name == "style" or may_fetch(value):  # SVG's fill, stroke, marker-end… too
                self._css(tag, value)
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = _REFRESH_URL.search(values.get("content", ""))
            if target and (leaves_the_site(target.group(1)) or runs_script(target.group(1))):
                self.problems.append(f"<meta http-equiv=\"refresh\"> sends the reader to {target.group(1)[:80]}")
        if tag == "style":
            self._in_style = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self._in_style = False

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self._css("style", data)

    def _css(self, where: str, css: str) -> None:
        for url in css_addresses(css):
            if url and leaves_the_site(url):
                self.problems.append(f"CSS in <{where}> loads url({url[:80]}) from outside the site")
