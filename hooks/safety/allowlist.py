"""The raw HTML a page may contain: tags, attributes and link schemes.

The one list: nh3 (the Ammonia sanitizer) enforces it on every built page's content,
CONTRIBUTING.md documents it, and it covers the markup our own extensions write (Markdown,
Material, pymdownx, the term card, diagrams' inline SVG). Anything else is a build error,
never silently removed. Widen it only for markup that can neither run script nor load
anything: no event handlers, no <script>/<style>/<iframe>/<object>/<form>/<base>/<meta>.
"""

from __future__ import annotations

TEXT_TAGS = frozenset({
    "a", "abbr", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "nav",
    "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    # pymdownx.tabbed's radio buttons and labels
    "input", "label",
})
# Inline SVG as the diagrams and Material's icons draw it (no <use>, <image>, <foreignObject>:
# they can load or embed other documents).
SVG_TAGS = frozenset({
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "title", "desc", "defs", "marker",
})
TAGS = TEXT_TAGS | SVG_TAGS

# On every allowed tag.
GLOBAL_ATTRIBUTES = frozenset({
    "class", "id", "lang", "dir", "title", "role", "style",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
    # the project's own markers, read by its hooks and CSS
    "data-term", "data-search-exclude", "data-diagram", "data-tabs",
    # the term preview cards' templates (glossary/render.py), read as text by term-preview.js
    "hidden", "data-name", "data-level", "data-more", "data-glossary-self",
    # the handout's contents, where scripts/pdf.py writes each entry's page number
    "data-page-of",
})
TAG_ATTRIBUTES = {
    "a": {"href", "name", "rel"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "type", "reversed"}, "li": {"value"},
    "details": {"open"}, "time": {"datetime"}, "q": {"cite"}, "blockquote": {"cite"},
    "input": {"type", "name", "checked", "disabled"}, "label": {"for"},
}
# html5ever gives SVG attributes their mixed case (viewBox), so both spellings are listed.
_SVG_ATTRIBUTES = {
    "xmlns", "viewBox", "viewbox", "width", "height", "x", "y", "dx", "dy", "rx", "ry",
    "cx", "cy", "r", "x1", "y1", "x2", "y2", "d", "points", "transform",
    "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin",
    "opacity", "fill-opacity", "font-size", "font-weight", "text-anchor", "dominant-baseline",
    "marker-end", "marker-start", "refX", "refY", "refx", "refy", "markerWidth", "markerHeight",
    "markerwidth", "markerheight", "orient", "preserveAspectRatio", "preserveaspectratio",
}
for _tag in SVG_TAGS:
    TAG_ATTRIBUTES[_tag] = set(_SVG_ATTRIBUTES)

# The only values `type` may take on <input>: tabbed blocks use radio buttons.
INPUT_TYPES = frozenset({"radio", "checkbox"})

# Inline styles: layout only. Colours and fonts come from the theme; url() would load.
STYLE_PROPERTIES = frozenset({"text-align", "max-width", "width", "vertical-align"})

# Link and image schemes. Relative links (the site's own pages) are always allowed; https
# and http links are for the reader to follow (navigation, not a request the page makes;
# offline.py refuses them where the page would load them). No javascript:, data:, file:.
URL_SCHEMES = frozenset({"https", "http", "mailto"})

# Their content goes with them (nh3 removes it); every other refused tag keeps its text.
CONTENT_TAGS = frozenset({"script", "style"})


def nh3_arguments() -> dict:
    """The allowlist in nh3.clean's terms."""
    attributes = {tag: set(names) for tag, names in TAG_ATTRIBUTES.items()}
    attributes["*"] = set(GLOBAL_ATTRIBUTES)
    attributes["input"].discard("type")
    return {
        "tags": set(TAGS),
        "clean_content_tags": set(CONTENT_TAGS),
        "attributes": attributes,
        "tag_attribute_values": {"input": {"type": set(INPUT_TYPES)}},
        "url_schemes": set(URL_SCHEMES),
        "filter_style_properties": set(STYLE_PROPERTIES),
        "link_rel": None,           # keep rel as written; add nothing
        "strip_comments": False,    # comments are the contributor's; they cannot run
    }
