"""Hostile and tricky content in one real build, then in Chromium: refused with a plain
message, or (for text that may hold '<', '&' and quotes) shown as written; no script from
content runs on load, hover, focus or tap; nothing loads from outside the site; the 404
page works under a sub-path in the reader's language."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import SUBPATH, _serve, copy_project, mkdocs_build

# Text fields that are legitimately full of HTML-looking characters: built and shown as written.
TITLE = "a<b>c “R&D” 'q' <img src=x onerror=pw=1>"
SUMMARY = "a<b>c&\"R&D\"<img src=x onerror=pw=3></title><script>x=4</script>"
TRICKY_TERM = f"""---
term: TrickyTerm
title: '{TITLE.replace("'", "''")} {{: onclick="pw=2" }}'
aliases: [TrickyAlias]
summary: '{SUMMARY}'
description: '"><script>pw=5</script>'
category: basics
level: beginner
order: 999
checked: 2026-12
related: [rag]
---

## Plain words

Text.
"""
MENTIONS = """---
title: Mentions
---

# Mentions

TrickyAlias is mentioned here, and so is RAG.

[A link](https://example.com/ "x<b>y</b> <img src=x onerror=pw=6>") for the reader to click.

The HTML abbreviation. :warning: :material-check:

*[HTML]: Hyper<img src=x onerror=pw=7>Text

A footnote that holds HTML.[^html]

[^html]: <b>Bold</b> and <em>italic</em> in a footnote, and [a link](hostile.md).
"""
# Each line is refused; the words each refusal must say.
HOSTILE = """---
title: Hostile
---

# Hostile {: onclick="pw=8" }

<script>pw=9</script>

<a href="JaVaScRiPt:pw=10">a</a> [b](javascript:pw=11) <a href="java&#x09;script:pw=12">c</a>

<img src=http://evil.example/a.png>

![reference style][pic]

[pic]: https://evil.example/b.png

<iframe src="https://evil.example/"></iframe>

<video controls poster="https://evil.example/p.png"></video>

<link rel="stylesheet" href="https://evil.example/x.css">

<p style="background:url(//evil.example/c.png)">styled</p>

<svg><script>pw=13</script></svg>

<details ontoggle="pw=14" open><summary>s</summary>x</details>

<img srcset="ok.png 1x, https://evil.example/d.png 2x" alt="x">

<p id="__config">{"base":"https://evil.example/"}</p>

<div class="term-previews" hidden><p id="term-preview-rag" data-name="FORGED">Forged</p></div>

RAG is mentioned here, so its real preview template follows the forged one.

Header class
{: .md-dialog .md-dialog--active }

<svg viewBox="0 0 10 10"><rect width="5" height="5" fill="url(https://evil.example/p.svg#g)"/></svg>

<p hidden>zebrahidden words a reader never sees</p>

<div class="glossary-print-list">print-only words</div>

<span style="vertical-align:-9999px">far away</span>

<pre class="mermaid">graph TD; A-->B</pre>

<svg viewBox="0 0 10 10"><rect width="5" height="5" fill="u\\72l(\\68ttps://evil.example/q.svg#g)"/></svg>

<p id="__search2">An id named like the theme's, used once: make check refuses it, so the build does.</p>
"""
REFUSALS = [
    ('onclick="pw=8" on <h1>', 5), ("<script> is not allowed", 7),
    ('"JaVaScRiPt:pw=10"', 9), ('"javascript:pw=11"', 9),
    ("<iframe> is not allowed", 17), ("<video> is not allowed", 19), ("<link> is not allowed", 21),
    ('inline style "background:url(//evil.example/c.png)"', 23), ("ontoggle", 27),
    ('<img src="http://evil.example/a.png"> loads a file from outside the site', 11),
    ('<img src="https://evil.example/b.png"> loads a file from outside the site', 15),
    ("the attribute srcset on <img> is not allowed", 29),
    # Material's settings and a term's preview template are found by id: a page cannot repeat one.
    ('the id "__config" is taken', 31), ('the id "term-preview-rag" is taken', 33),
    ("the class 'md-dialog' is the theme's own", 38),
    ('fill="url(https://evil.example/p.svg#g)" on <rect> loads a file from outside the site', 40),
    # Hidden text search would find; Material's Mermaid loader; a url() spelled with CSS escapes.
    ("the attribute 'hidden' on <p> hides its text from readers", 42),
    ("the class 'glossary-print-list' is the site's own and hides the element", 44),
    ("the style 'vertical-align:-9999px' on <span> can move text out of sight", 46),
    ("the class 'mermaid' makes the theme download the Mermaid diagram program", 48),
    ('fill="u\\72l(\\68ttps://evil.example/q.svg#g)" on <rect> loads a file from outside the site', 50),
    ('the id "__search2" is taken', 52),
]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    docs = project / "docs"
    for suffix in ("", ".en"):
        (docs / "terms" / f"tricky{suffix}.md").write_text(TRICKY_TERM, encoding="utf-8")
        (docs / f"mentions{suffix}.md").write_text(MENTIONS, encoding="utf-8")
        (docs / f"hostile{suffix}.md").write_text(HOSTILE, encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    return result, site


def error_lines(result) -> list[str]:
    return [line for line in (result.stdout + result.stderr).splitlines() if "ERROR" in line]


def test_hostile_content_is_refused_with_plain_messages(hostile_build):
    result, site = hostile_build
    errors = error_lines(result)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for lang_suffix in ("", ".en"):
        page = f"docs/hostile{lang_suffix}.md"
        for says, line in REFUSALS:
            where = f"{page}:{line}:" if line else f"{page}:"
            assert any(where in e and says in e for e in errors), f"{page}: nothing says {says!r} at {where}"
    # The tricky fields are allowed: no error about them.
    assert not [e for e in errors if "tricky" in e or "mentions" in e], errors
    # Emoji without a CDN; the warning sign is a character, Material's icon inline SVG.
    built = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "cdn.jsdelivr" not in built and "twemoji@" not in built
    mentions = (site / "mentions" / "index.html").read_text(encoding="utf-8")
    assert "<b>Bold</b> and <em>italic</em>" in mentions  # accepted: not a link to a page "b"
    assert not [e for e in errors if "leads nowhere" in e], errors
    assert 'class="mermaid"' not in (site / "hostile" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span aria-label="warning" class="emoji" role="img">⚠\ufe0f?</span>', mentions)
    assert re.search(r'<span class="twemoji"><svg', mentions)


def test_tricky_text_fields_build_as_literal_text(hostile_build):
    _, site = hostile_build
    page = (site / "terms" / "tricky" / "index.html").read_text(encoding="utf-8")
    h1 = re.search(r"<h1[^>]*>.*?</h1>", page, re.DOTALL).group(0)
    assert " onclick" not in h1[:h1.index(">")] and '{: onclick="pw=2" }' in h1  # attr-list syntax stays text
    assert "<img src=x" not in page and "<script>window" not in page
    assert "&lt;img src=x onerror=pw=1&gt;" in re.search(r"<title>(.*?)</title>", page).group(1)
    assert 'content="&quot;&gt;&lt;script&gt;' in page  # description in <meta>
    # Material's search results show an entry's title and text as HTML: both escaped.
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    # (A refused build leaves the merged index of both languages here, English entries under en/.)
    entry = next(e for e in index["docs"] if e["location"].endswith("terms/tricky/"))
    assert "&lt;img src=x onerror=pw=1&gt;" in entry["title"] and "<img" not in entry["title"] + entry["text"]


def _pwned(page) -> object:
    return page.evaluate("window.pw")


@pytest.mark.browser
def test_no_script_from_content_runs_on_load_hover_focus_or_tap(browser, hostile_build):
    _, site = hostile_build
    server, start = _serve(site, SUBPATH)
    host = urlsplit(start).netloc
    dialogs, outside = [], []
    try:
        for touch in (False, True):
            context = browser.new_context(has_touch=touch, is_mobile=touch,
                                          viewport={"width": 390 if touch else 1280, "height": 800})
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: urlsplit(r.url).netloc not in (host, "")
                    and not r.url.startswith("data:") and outside.append(r.url))
            for path in ("hostile/", "en/hostile/", "terms/tricky/", "en/terms/tricky/", "handout/"):
                page.goto(start + path, wait_until="networkidle")
                assert _pwned(page) is None, path
            # The preview card is the project's own script: it runs in both languages, even
            # though a refused build stops before it writes the English search index.
            for path in ("mentions/", "en/mentions/"):
                page.goto(start + path, wait_until="networkidle")
                mention = page.locator('article a.glossary-term[data-term="tricky"]').first
                for act in ("tap",) if touch else ("hover", "focus"):
                    if act == "focus":
                        page.keyboard.press("Tab")  # keyboard focus, as test_glossary.py does
                    getattr(mention, act)()
                    card = page.locator(".term-preview")  # the preview card, term-preview.js
                    card.wait_for(state="visible")
                    assert card.locator(".term-preview__summary").inner_text().strip() == SUMMARY, act
                    assert _pwned(page) is None, (path, act)
                    page.keyboard.press("Escape")
                    card.wait_for(state="hidden")
                    page.mouse.move(0, 0)
                    page.evaluate("document.activeElement && document.activeElement.blur()")
                # Material's own tooltip (a link's title) needs Material's scripts, which do
                # not start on English pages of a refused build: no English search index.
                if not touch and path == "mentions/":
                    link = page.locator('article a[href="https://example.com/"]')
                    link.hover()
                    page.locator(".md-tooltip2--active").wait_for()
                    assert page.locator(".md-tooltip2--active").inner_text().strip() == \
                        "x<b>y</b> <img src=x onerror=pw=6>"
                    page.mouse.move(0, 0)
                    page.locator("abbr").first.hover()
                    page.wait_for_timeout(300)
                    assert _pwned(page) is None, path
                    # The title as written, in the navigation and on the page
                    for tricky in ("terms/tricky/", "en/terms/tricky/"):
                        page.goto(start + tricky)
                        assert TITLE in page.locator("article h1").inner_text()
                        assert TITLE in page.locator(".md-nav__link--active").first.inner_text()
                        assert _pwned(page) is None
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert dialogs == [] and outside == []


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Like nginx's `error_page 404 /llm-terms/404.html` in README.md: the 404 page's
    content, at the address that was not found."""

    def translate_path(self, path):
        parts = urlsplit(path)
        if not parts.path.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + parts.path[len(SUBPATH):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.browser
def test_404_page_works_under_a_subpath_in_the_readers_language(browser, site_dir):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_NotFoundHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    try:
        page = browser.new_page()
        failed = []
        # Only these may fail: the missing pages themselves, the 404 page's HEAD probes for its
        # root, and what Chromium's preload scanner fetches relative to the missing address
        # before the script has set <base> (speculative: the page does not use them).
        missing_addresses = (root + "no/", root + "en/no/")
        page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
                and r.request.method != "HEAD" and not r.url.startswith(missing_addresses)
                and failed.append(r.url))
        outside = []
        page.on("request", lambda r: not r.url.startswith(root) and not r.url.startswith("data:")
                and outside.append(r.url))
        for missing, lang, heading, prefix in (
                ("no/such/page/", "zh", "找不到这个页面", ""),
                ("en/no/such/page/", "en", "Page not found", "en/")):
            response = page.goto(root + missing, wait_until="networkidle")
            assert response.status == 404
            assert page.locator("html").get_attribute("lang") == lang
            assert page.locator("article h1").inner_text().strip() == heading
            sheets = page.evaluate("Array.from(document.styleSheets).filter(s => s.href)"
                                   ".map(s => [s.href, s.cssRules.length])")
            assert len(sheets) >= 4 and all(href.startswith(root + "assets/") and rules > 0
                                            for href, rules in sheets), sheets
            # Material's stylesheet applied: the header is a fixed, coloured bar
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
            links = page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
            inside = [l for l in links if l.startswith(root)]
            assert len(inside) > 10 and all(l.startswith(root) or not l.startswith("http://127.0.0.1")
                                            for l in links), links
            article = page.eval_on_selector_all("article a[href]", "as => as.map(a => a.href)")
            assert article == [root + prefix, root + prefix + "glossary/"]
            page.locator(".md-search__input").first.click() if lang == "zh" else page.keyboard.press("/")
            page.keyboard.type("RAG")
            result = page.locator(".md-search-result__item a").first
            result.wait_for()
            assert result.get_attribute("href").startswith(root + prefix + "terms/")
        assert failed == [] and outside == [], (failed, outside)
        page.close()
    finally:
        server.shutdown()
        server.server_close()
