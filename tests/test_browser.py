"""Every page in a real browser (Debian's Chromium), at the root and under a sub-path."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import html_pages, page_url

pytestmark = pytest.mark.browser


PHONE = {"width": 375, "height": 740}


def crawl(browser, site_dir, start_url):
    """Load every page once at phone width; return {url: problems}.

    One visit per page checks what three crawls used to: requests that leave the server,
    console and page errors, HTTP errors, and a layout wider than the phone.
    """
    host = urlsplit(start_url).netloc
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    current = {"url": ""}

    def report(text):
        problems.setdefault(current["url"], []).append(text)
    page.on("request", lambda r: urlsplit(r.url).netloc not in (host, "") and not r.url.startswith("data:")
            and report(f"external request: {r.url}"))
    page.on("console", lambda m: m.type == "error" and report(f"console error: {m.text}"))
    page.on("pageerror", lambda e: report(f"page error: {e}"))
    page.on("response", lambda r: r.status >= 400 and report(f"HTTP {r.status}: {r.url}"))
    urls = [start_url + page_url(site_dir, p) for p in html_pages(site_dir)]
    for url in urls:
        current["url"] = url
        page.goto(url, wait_until="load")
        page.evaluate("window.scrollTo(1000, 0)")
        if page.evaluate("window.scrollX") != 0 or page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
            report("scrolls sideways on a phone")
    # Whatever the last pages started after their load event has to finish too.
    page.wait_for_load_state("networkidle")
    context.close()
    return urls, problems


def test_every_page_loads_offline_without_errors_and_fits_a_phone(browser, site_dir, subpath_url):
    """Under a sub-path, the harder case: every link and asset has to stay relative."""
    urls, problems = crawl(browser, site_dir, subpath_url)
    assert len(urls) > 100
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
