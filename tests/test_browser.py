"""Every page in a real browser (Debian's Chromium), at the root and under a sub-path."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import html_pages, page_url

pytestmark = pytest.mark.browser


def visit_all(browser, site_dir, start_url):
    """Load every page; return {url: problems} for requests off the server and console errors."""
    host = urlsplit(start_url).netloc
    context = browser.new_context()
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    current = {"url": ""}
    page.on("request", lambda r: urlsplit(r.url).netloc not in (host, "") and not r.url.startswith("data:")
            and problems.setdefault(current["url"], []).append(f"external request: {r.url}"))
    page.on("console", lambda m: m.type == "error"
            and problems.setdefault(current["url"], []).append(f"console error: {m.text}"))
    page.on("pageerror", lambda e: problems.setdefault(current["url"], []).append(f"page error: {e}"))
    page.on("response", lambda r: r.status >= 400
            and problems.setdefault(current["url"], []).append(f"HTTP {r.status}: {r.url}"))
    urls = [start_url + page_url(site_dir, p) for p in html_pages(site_dir)]
    for url in urls:
        current["url"] = url
        page.goto(url, wait_until="networkidle")
    context.close()
    return urls, problems


@pytest.mark.parametrize("server", ["base_url", "subpath_url"])
def test_every_page_loads_offline_without_errors(browser, site_dir, server, request):
    start = request.getfixturevalue(server)
    urls, problems = visit_all(browser, site_dir, start)
    assert len(urls) > 10
    assert problems == {}


@pytest.mark.parametrize("server", ["base_url", "subpath_url"])
def test_switcher_goes_to_the_same_page_and_back(browser, site_dir, server, request):
    start = request.getfixturevalue(server)
    page = browser.new_page()
    for path in ("", "terms/rag/", "glossary/", "compare/ppo-vs-grpo/"):
        page.goto(start + path)
        page.hover(".md-header__option .md-select")
        page.locator('a.md-select__link[hreflang="en"]').click()
        page.wait_for_load_state()
        assert page.url == start + "en/" + path
        assert page.locator("html").get_attribute("lang") == "en"
        page.hover(".md-header__option .md-select")
        page.locator('a.md-select__link[hreflang="zh"]').click()
        page.wait_for_load_state()
        assert page.url == start + path
    page.close()


@pytest.mark.parametrize("path,title", [("terms/sft/", "打个比方"), ("en/terms/sft/", "Think of it like this")])
def test_callouts_render_with_their_icons(browser, base_url, path, title):
    page = browser.new_page()
    page.goto(base_url + path)
    for kind in ("analogy", "customer"):
        heading = page.locator(f".admonition.{kind} > .admonition-title").first
        assert heading.is_visible()
        mask = heading.evaluate("e => getComputedStyle(e, '::before').webkitMaskImage || getComputedStyle(e, '::before').maskImage")
        assert mask.startswith('url("data:image/svg+xml'), kind
        color = heading.evaluate("e => getComputedStyle(e, '::before').backgroundColor")
        assert color not in ("rgba(0, 0, 0, 0)", "transparent"), kind
    assert page.locator(".admonition.analogy > .admonition-title").first.inner_text() == title
    page.close()
