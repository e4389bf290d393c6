"""Term preview cards and the walkthrough's smaller fixes (issue 17), in a real browser.

One matrix of eight runs covers every combination of language, desktop (1280) and phone
(390) width, and light and dark. Desktop runs
drive a mouse and a keyboard, phone runs a finger. The same runs check the home page's
links, comparison pages' related terms, the glossary, the ¶ title, wide tables and
diagram labels. Unit and build tests of the same points sit at the end.
"""

from __future__ import annotations

import base64
import re
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from core.words import word
from diagrams.svg import chinese_words
from glossary import render
from glossary.registry import Registry, Term
from glossary.vocabulary import level_title
from languages.permalinks import translate_permalinks

PREFIX = {"zh": "", "en": "en/"}
# (language, width, scheme, the page whose mentions are tried): every combination of
# language, width and scheme, and each kind of page with mentions in each language.
PAGES = ["terms/rag/", "compare/ppo-vs-grpo/", "faq/", ""]
MATRIX = [(lang, width, scheme, PAGES[(i + 2 * (lang == "en")) % 4])
          for i, (width, scheme) in enumerate([(1280, "light"), (1280, "dark"), (390, "dark"), (390, "light")])
          for lang in ("zh", "en")]
IDS = [f"{lang}-{width}-{scheme}" for lang, width, scheme, _ in MATRIX]
CARD = ".term-preview"
HAN = re.compile(r"[\u4e00-\u9fff]")
EVIL = "<img src=x onerror=alert(1)> a<b>c & “quoted”"


def open_context(browser, width, scheme):
    phone = width < 600
    return browser.new_context(viewport={"width": width, "height": 800 if phone else 900},
                               color_scheme=scheme, is_mobile=phone, has_touch=phone)


def card_state(page) -> dict:
    return page.evaluate("""() => {
        const c = document.querySelector('.term-preview');
        if (!c || c.hidden) return {open: false};
        const s = getComputedStyle(c), summary = c.querySelector('.term-preview__summary');
        const more = c.querySelector('.term-preview__more');
        return {open: true, box: c.getBoundingClientRect().toJSON(),
                name: c.querySelector('.term-preview__name').textContent,
                summary: summary.textContent, level: c.querySelector('.term-preview__level').textContent,
                more: more.textContent, href: more.href, images: c.querySelectorAll('img, b').length,
                size: parseFloat(getComputedStyle(summary).fontSize),
                weight: getComputedStyle(summary).fontWeight, select: s.userSelect,
                bg: s.backgroundColor, border: s.borderTopColor, borderWidth: s.borderTopWidth,
                page: getComputedStyle(document.body).backgroundColor};
    }""")


def mention(page):
    """The first mention in running text that is fully on screen."""
    link = page.locator("article p a.glossary-term, article li a.glossary-term").first
    link.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -window.innerHeight / 3)")  # room above and below
    return link


def tab_to(page, link, limit: int = 400) -> None:
    """Press Tab, as a keyboard reader does, until `link` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached the mention")


def expect_card_for(page, link, lang, registry: Registry):
    term = registry.terms[lang][link.get_attribute("data-term")]
    state = card_state(page)
    assert state["open"], "no preview card"
    assert state["name"] == term.display_title and state["summary"] == term.summary
    assert state["level"] == word(lang, "level") + word(lang, "colon") + level_title(term.level, lang)
    assert state["more"] == word(lang, "read_more")
    assert state["href"] == link.evaluate("a => a.href")
    assert state["size"] >= 14 and state["weight"] == "400" and state["select"] == "text"
    # Never over the mention's lines: wholly above or wholly below them.
    box, mine = state["box"], link.bounding_box()
    assert box["y"] + box["height"] <= mine["y"] or box["y"] >= mine["y"] + mine["height"], (box, mine)
    assert 0 <= box["x"] and box["x"] + box["width"] <= page.viewport_size["width"]
    return state


@pytest.mark.browser
@pytest.mark.parametrize("lang,width,scheme,path", MATRIX, ids=IDS)
def test_preview_card(browser, base_url, artifacts, lang, width, scheme, path, registry):
    context = open_context(browser, width, scheme)
    page = context.new_page()
    outside = []
    page.on("request", lambda r: urlsplit(r.url).netloc != urlsplit(base_url).netloc
            and not r.url.startswith("data:") and outside.append(r.url))
    page.goto(base_url + PREFIX[lang] + path)
    link = mention(page)
    name = f"preview-{lang}-{width}-{scheme}"

    if width < 600:
        link.tap()  # first tap: the card, not the page
        state = expect_card_for(page, link, lang, registry)
        assert page.url == base_url + PREFIX[lang] + path
        page.screenshot(path=str(artifacts / f"{name}.png"))
        page.touchscreen.tap(5, page.viewport_size["height"] - 5)  # a tap outside closes it
        assert not card_state(page)["open"]
        link.tap()
        assert card_state(page)["open"]
        link.tap()  # second tap on the same mention: its page
        page.wait_for_url(state["href"])
        page.go_back()
        link = mention(page)
        link.tap()
        page.locator(f"{CARD} .term-preview__more").tap()  # the card's link opens the page too
        page.wait_for_url(state["href"])
    else:
        link.hover()
        page.wait_for_timeout(120)
        assert not card_state(page)["open"], "opens without a hover intent"
        page.locator(CARD).wait_for(state="visible", timeout=2000)
        state = expect_card_for(page, link, lang, registry)
        page.screenshot(path=str(artifacts / f"{name}.png"))
        box = state["box"]  # hoverable: the pointer crosses the gap and rests on the card
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
        page.wait_for_timeout(700)
        assert card_state(page)["open"], "closes when the pointer moves onto it"
        page.locator(f"{CARD} .term-preview__summary").click(click_count=3)  # selectable
        assert state["summary"] in page.evaluate("getSelection().toString()")
        page.keyboard.press("Escape")
        assert not card_state(page)["open"], "Esc does not close it"
        blank = (width - 5, page.viewport_size["height"] / 2)  # the margin beside the page grid
        page.mouse.move(*blank)
        link.hover()
        page.locator(CARD).wait_for(state="visible", timeout=2000)
        page.mouse.click(*blank)  # a click outside closes it
        assert not card_state(page)["open"]
        page.evaluate("document.activeElement && document.activeElement.blur()")
        tab_to(page, link)  # keyboard focus opens it, Esc and leaving close it
        expect_card_for(page, link, lang, registry)
        assert serious_violations(page) == [], "the page with its card open (and the focused mention)"
        page.keyboard.press("Escape")
        assert not card_state(page)["open"]
        link.blur()
        link.focus()
        assert card_state(page)["open"]
        page.emulate_media(media="print")
        assert page.locator(CARD).evaluate("c => getComputedStyle(c).display") == "none"
        page.emulate_media(media="screen")
        page.keyboard.press("Tab")  # focus moves on: this card closes (the next mention may open its own)
        focused = page.evaluate("document.activeElement.matches('a.glossary-term') && document.activeElement.dataset.term")
        after = card_state(page)
        assert after["open"] == bool(focused)
        assert not focused or after["name"] == registry.terms[lang][focused].display_title != state["name"]

    # Light: a border sets it off; dark: its own lighter surface and a visible edge too.
    assert state["borderWidth"] == "1px" and state["border"] not in ("rgba(0, 0, 0, 0)", "transparent")
    if scheme == "dark":
        assert state["bg"] != state["page"], "the card has the page's own background in dark mode"
    assert outside == []
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_summary_that_looks_like_markup_shows_as_text(browser, base_url, lang):
    """The build's escaping and the script's textContent together: no markup, no script."""
    page = browser.new_page()
    url = base_url + PREFIX[lang] + "terms/rag/"
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def evil_page(route):
        html = route.fetch().text()
        first = re.search(r'aria-describedby="term-preview-([^"]+)"', html).group(1)
        term = Term(id=first, lang=lang, path="", term=EVIL, title=EVIL, summary=EVIL, category="basics",
                    level="beginner")
        html = re.sub(r'<div class="term-previews".*?</div>', render.preview_templates(lang, [term]), html,
                      flags=re.S)
        route.fulfill(body=html, content_type="text/html; charset=utf-8")
    page.route(url, evil_page)
    page.goto(url)
    page.keyboard.press("Tab")
    page.locator("article a.glossary-term").first.focus()
    state = card_state(page)
    assert state["summary"] == EVIL and state["name"] == EVIL and state["images"] == 0
    page.wait_for_timeout(200)
    assert dialogs == []
    page.close()


@pytest.mark.browser
def test_every_kind_of_page_with_mentions_gets_previews(browser, base_url, registry):
    page = browser.new_page()
    for lang in ("zh", "en"):
        for path in ("", "terms/moe/", "compare/dense-vs-moe/", "faq/", "glossary/", "trainer-notes/"):
            page.goto(base_url + PREFIX[lang] + path)
            link = page.locator("article a.glossary-term").first
            page.keyboard.press("Tab")
            link.focus()
            state = card_state(page)
            assert state["open"] and state["summary"] == registry.terms[lang][link.get_attribute("data-term")].summary, path
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang,width,scheme,path", MATRIX, ids=IDS)
def test_walkthrough_fixes(browser, base_url, site_dir, artifacts, lang, width, scheme, path, registry):
    context = open_context(browser, width, scheme)
    page = context.new_page()
    prefix = PREFIX[lang]

    # The home page links the glossary, the FAQ and every comparison page.
    page.goto(base_url + prefix)
    home = page.evaluate("[...document.querySelectorAll('article a')].filter(a => a.offsetParent)"
                         ".map(a => a.href)")
    compare = sorted({p.parent.name for p in (site_dir / prefix / "compare").glob("*/index.html")})
    for target in ["glossary/", "faq/"] + [f"compare/{c}/" for c in compare]:
        assert base_url + prefix + target in home, target
    # The ¶ link's title is in the page's language.
    titles = set(page.evaluate("[...document.querySelectorAll('a.headerlink')].map(a => a.title)"))
    assert titles == {word(lang, "permalink")}

    # Every term in a comparison page's "related terms" line is a link.
    for name in ("ppo-vs-grpo", "training-stages"):
        page.goto(base_url + prefix + f"compare/{name}/")
        line = page.locator("p.glossary-related")
        items = re.split(r"[、,]\s*", line.inner_text().split(word(lang, "colon").strip(), 1)[1].rstrip("。."))
        assert line.locator("a.glossary-term").count() == len(items) >= 4, items

    # No glossary entry links to itself.
    page.goto(base_url + prefix + "glossary/")
    selves = page.evaluate("""() => [...document.querySelectorAll('dt a[data-glossary-self]')].map(a => {
        const id = a.dataset.glossarySelf; let dd = a.closest('dt').nextElementSibling, hits = 0;
        for (; dd && dd.tagName === 'DD'; dd = dd.nextElementSibling)
            hits += dd.querySelectorAll(`a.glossary-term[data-term="${id}"]`).length;
        return hits; })""")
    assert len(selves) == len(registry.terms[lang]) and sum(selves) == 0

    # A wide table on a phone: a shadow says it scrolls, and the first column stays.
    page.goto(base_url + prefix + "compare/deepseek-versions/")
    table = page.locator("article table").first
    table.scroll_into_view_if_needed()
    wide = table.evaluate("t => t.scrollWidth > t.clientWidth")
    assert wide or width > 600, "the five-column table fits a phone: pick a wider one"
    if wide:
        assert shadow_drawn(page, table), "no shadow at the edge while columns are hidden"
        table.evaluate("t => t.scrollLeft = t.scrollWidth")
        assert not shadow_drawn(page, table), "a shadow although no column is hidden"
        first_cell = table.locator("tbody td").first
        assert abs(first_cell.bounding_box()["x"] - table.bounding_box()["x"]) <= 2, "first column scrolled away"
        page.screenshot(path=str(artifacts / f"table-{lang}-{width}-{scheme}.png"))

    # Diagram labels: lines break between Chinese words, never one character alone.
    if lang == "zh":
        page.goto(base_url + "terms/rag/")
        labels = page.evaluate("""() => [...document.querySelectorAll('figure svg text')]
            .filter(t => t.getBoundingClientRect().width > 0)
            .map(t => [...t.querySelectorAll('tspan')].map(s => s.textContent))""")
        assert sum(len(lines) > 1 for lines in labels) >= 3, labels
        assert label_problems(labels) == []
    context.close()


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa"]})
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def shadow_drawn(page, table) -> bool:
    """The table's right edge is visibly darker (lighter in dark mode) with its edge backgrounds."""
    box = table.bounding_box()
    top = max(box["y"], 0) + 60  # in the viewport, below the header
    clip = {"x": box["x"] + box["width"] - 12, "y": top, "width": 10, "height": 100}
    with_edge = page.screenshot(clip=clip)
    table.evaluate("t => t.style.backgroundImage = 'none'")
    without = page.screenshot(clip=clip)
    table.evaluate("t => t.style.backgroundImage = ''")
    return largest_pixel_difference(page, with_edge, without) > 40


def largest_pixel_difference(page, one: bytes, two: bytes) -> int:
    """Decoded by the browser itself (no image library needed): the largest channel difference."""
    return page.evaluate("""async ([a, b]) => {
        const load = async src => { const i = new Image(); i.src = 'data:image/png;base64,' + src;
            await i.decode(); const c = new OffscreenCanvas(i.width, i.height), g = c.getContext('2d');
            g.drawImage(i, 0, 0); return g.getImageData(0, 0, i.width, i.height).data; };
        const [x, y] = [await load(a), await load(b)];
        let most = 0;
        for (let k = 0; k < x.length; k++) most = Math.max(most, Math.abs(x[k] - y[k]));
        return most; }""", [base64.b64encode(one).decode(), base64.b64encode(two).decode()])


def label_problems(labels: list[list[str]]) -> list[str]:
    """Lines of one label that split a Chinese word, or hold one character alone."""
    problems = []
    for lines in labels:
        if len(lines) < 2:
            continue
        for line in lines:
            if len(line.strip()) == 1 and HAN.match(line.strip()):
                problems.append(f"alone: {line} in {lines}")
        for before, after in zip(lines, lines[1:]):
            if before and after and HAN.match(before[-1]) and HAN.match(after[0]):
                left = re.search(r"[\u4e00-\u9fff]+$", before).group()
                right = re.match(r"[\u4e00-\u9fff]+", after).group()
                ends, total = set(), 0
                for piece in chinese_words(left + right):
                    total += len(piece)
                    ends.add(total)
                if len(left) not in ends:
                    problems.append(f"split: {before}|{after}")
    return problems


# -- the same points without a browser ------------------------------------------------

def test_templates_escape_what_contributors_wrote():
    term = Term(id="x", lang="en", path="", term="a<b>c", title='a<b>c "q"', summary=EVIL, category="basics",
                level="insider")
    html = render.preview_templates("en", [term])
    assert "<img" not in html and "<b>" not in html
    assert escape(EVIL, quote=False) in html and 'data-name="a&lt;b&gt;c &quot;q&quot;"' in html
    assert 'data-level="Level: Insider"' in html and 'data-more="Read more →"' in html
    assert render.preview_templates("en", []) == ""


def test_handout_keeps_its_ids_unique_and_its_links_without_previews(site_dir):
    for prefix in ("", "en/"):
        html = (site_dir / prefix / "handout" / "index.html").read_text(encoding="utf-8")
        assert 'class="term-previews"' not in html
        assert re.search(r'<a class="glossary-term" href="#term-[^"]+" data-term="[^"]+">', html)
        assert "aria-describedby=\"term-preview" not in html
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids))


def test_every_diagram_label_breaks_between_chinese_words(site_dir):
    labels = []
    for page in site_dir.rglob("index.html"):
        if page.is_relative_to(site_dir / "en"):
            continue
        for text in re.findall(r"<text\b[^>]*>(.*?)</text>", page.read_text(encoding="utf-8"), re.S):
            labels.append(re.findall(r"<tspan[^>]*>(.*?)</tspan>", text))
    assert sum(len(lines) > 1 for lines in labels) > 50
    assert label_problems(labels) == []


def test_permalink_titles_follow_the_language():
    html = '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
    assert 'title="本节链接"' in translate_permalinks(html, "zh")
    assert 'title="Link to this section"' in translate_permalinks(html, "en")
    other = '<a class="headerlink" href="#a" title="Something else">'
    assert translate_permalinks(other, "zh") == other
