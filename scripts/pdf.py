"""`make pdf`: three printed documents per language, printed by headless Chromium.

For each language: the learner handout, the quiz sheet and the trainer notes (see
hooks/handout/assemble.py). Serves the built site/ on 127.0.0.1, opens each
document's page, blocks every request that is not to that server, and prints A4
with page numbers in the document's language (none on a cover), bookmarks and a
tagged PDF. A browser per core and one more print side by side, the handouts first
(one browser prints one page at a time, however many tabs it has). Then links the
PDFs from both home pages.

Chromium has no target-counter(), so the contents' page numbers take two prints:
a draft is read back (the targets of the contents' links say on which page each
heading landed), the numbers are written into the page, and the second print is the
document. The numbers take a fixed width, so filling them in moves nothing. Every document's
draft is also read for sheets that hold only a line or two (pdftotext -bbox): a forced
page break after one lets go, a last sheet gets a few more items of the last list, and
the draft is printed again. A document with no page numbers and no such sheet
is its draft: one print.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pdf_finish import finish_pdf, named_once as _once

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

PREFIX = {"zh": "", "en": "en/"}
# kind -> (page of the site, PDF file name); {lang} is the document's language.
DOCUMENTS = {
    "handout": ("handout/", "llm-terms-{lang}.pdf"),
    "quiz": ("handout-quiz/", "llm-terms-quiz-{lang}.pdf"),
    "trainer": ("handout-trainer/", "llm-terms-trainer-{lang}.pdf"),
}
# The page number at the foot of every page but a cover, as CSS page-margin boxes (Chromium's
# footer template prints on every page, a cover too). padding-top puts the line where the
# footer template put it.
FOOTERS = {"zh": '"第 " counter(page) " 页，共 " counter(pages) " 页"',
           "en": '"Page " counter(page) " of " counter(pages)'}
FOOTER_CSS = ("@page {{ @bottom-center {{ content: {text}; font-size: 8pt; color: #444; padding-top: 9pt;"
              " font-family: 'Noto Sans CJK SC', sans-serif; }} }}")
NO_NUMBER_ON_THE_COVER = "@page :first { @bottom-center { content: none; } }"
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}
# A sheet whose text ends in the top fifth of the printable area (about six lines of
# body text, or one quiz question) is a wasted sheet.
SPARSE = 0.2
# Browsers printing side by side: Chromium prints one page at a time whatever the number
# of tabs (two tabs of one browser took as long as one after the other). One more than
# the cores: it prints while the others load a page or read a draft back.
BROWSERS = (os.cpu_count() or 1) + 1
# The headings of sections that start on a new sheet (print.css); a draft may let one go.
FORCED_BREAK_HEADINGS = ".handout-chapter--first > h1[id], .handout-glossary > h1[id]"

HOME_LINKS_MARKER = "<!-- handout-links -->"
HOME_LINKS = {
    "zh": ('<p class="handout-links">下载 PDF：<a href="{up}pdf/llm-terms-zh.pdf" download>培训讲义</a>'
           ' · <a href="{up}pdf/llm-terms-quiz-zh.pdf" download>自测题</a>'
           ' · <a href="{up}pdf/llm-terms-trainer-zh.pdf" download>讲师备注（附答案）</a>'
           ' · <a href="{up}pdf/llm-terms-en.pdf" download lang="en">Training handout (English)</a></p>'),
    "en": ('<p class="handout-links">Download as PDF: <a href="{up}pdf/llm-terms-en.pdf" download>training '
           'handout</a> · <a href="{up}pdf/llm-terms-quiz-en.pdf" download>self-check quiz</a>'
           ' · <a href="{up}pdf/llm-terms-trainer-en.pdf" download>trainer notes (with answers)</a>'
           ' · <a href="{up}pdf/llm-terms-zh.pdf" download lang="zh">培训讲义（中文）</a></p>'),
}


class PrintError(Exception):
    """Chromium printed something the documents cannot be finished from."""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def pdf_name(kind: str, lang: str) -> str:
    return DOCUMENTS[kind][1].format(lang=lang)


def print_documents(site: Path, languages: list[str]) -> dict[str, Path]:
    try:
        return asyncio.run(_print_all(site, languages))
    except PrintError as error:
        raise SystemExit(str(error)) from None


async def _print_all(site: Path, languages: list[str]) -> dict[str, Path]:
    from playwright.async_api import async_playwright

    server, base = serve(site)
    out_dir = site / "pdf"
    out_dir.mkdir(exist_ok=True)
    blocked: list[str] = []
    written: dict[str, Path] = {}
    # The handouts first: they take longest, and the short documents fill in around them.
    queue = [(kind, lang) for kind in DOCUMENTS for lang in languages]
    try:
        async with async_playwright() as playwright:

            async def one_browser() -> None:
                browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    while queue:
                        kind, lang = queue.pop(0)
                        target = out_dir / pdf_name(kind, lang)
                        await _print_one(browser, base, PREFIX[lang] + DOCUMENTS[kind][0], lang, target, blocked)
                        written[f"{kind}-{lang}"] = target
                finally:
                    await browser.close()

            await asyncio.gather(*(one_browser() for _ in range(min(BROWSERS, len(queue)))))
    finally:
        server.shutdown()
    if blocked:
        raise SystemExit("The handouts tried to load files from outside the site:\n  " + "\n  ".join(blocked))
    return written


async def _print_one(browser, base: str, path: str, lang: str, target: Path, blocked: list[str]) -> None:
    page = await browser.new_page()

    async def block_remote(route, request):
        if urlsplit(request.url).netloc == urlsplit(base).netloc or request.url.startswith("data:"):
            return await route.continue_()
        blocked.append(request.url)
        return await route.abort()

    await page.route("**/*", block_remote)
    # "load", not "networkidle" (half a second of quiet after it): the documents are
    # static HTML and system fonts, and print the same.
    await page.goto(base + path, wait_until="load")
    await page.emulate_media(media="print")
    await page.add_style_tag(content=FOOTER_CSS.format(text=FOOTERS[lang]))
    if await page.locator("article .handout-cover").count():
        await page.add_style_tag(content=NO_NUMBER_ON_THE_COVER)
    await page.evaluate("document.fonts.ready")
    final = dict(format="A4", margin=MARGIN, outline=True, tagged=True, print_background=True)
    slots = set(await page.eval_on_selector_all("[data-page-of]", "els => els.map(e => e.dataset.pageOf)"))
    # A draft that is only read back needs no backgrounds, tags or bookmarks (they move
    # nothing; untagged, it prints in two thirds of the time): the contents' links say
    # on which page each heading is.
    draft_options = dict(format="A4", margin=MARGIN) if slots else final
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / target.name
        for attempt in range(4):
            await page.pdf(path=str(draft), **draft_options)
            printed = await asyncio.to_thread(read_back, draft)
            if attempt == 3 or not await _fix_sparse_pages(page, draft, printed):
                break
        if slots:
            headings = [(anchor, text) for anchor, text in await _headings(page) if anchor in slots]
            await page.evaluate(FILL_PAGE_NUMBERS, heading_pages(printed, headings))
            await page.pdf(path=str(target), **final)
        else:
            draft.replace(target)
    await page.close()
    await asyncio.to_thread(finish_pdf, target)


# -----------------------------------------------------------------------------
# Reading a printed draft back
# -----------------------------------------------------------------------------

FILL_PAGE_NUMBERS = """numbers => {
  for (const slot of document.querySelectorAll('[data-page-of]')) {
    const number = numbers[slot.dataset.pageOf];
    if (number === undefined) throw new Error('no page found for #' + slot.dataset.pageOf);
    slot.textContent = String(number);
  }
}"""


async def _headings(page) -> list[tuple[str, str]]:
    """Every <h1> of the document in order: (id, text). Chromium's top-level bookmarks
    are these headings, in this order."""
    return [tuple(pair) for pair in await page.eval_on_selector_all(
        "article h1", "els => els.map(e => [e.id, e.textContent.trim()])")]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class Printed:
    """What a printed PDF tells about itself (read once per print)."""
    name: str
    pages: int
    bookmarks: list[tuple[str, int]]  # the top-level bookmarks (a tagged print): (title, page from 1)
    destinations: dict[str, int]  # the ids that links point to: id -> page from 1


def read_back(pdf: Path) -> Printed:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    top = [item for item in reader.outline if not isinstance(item, list)]
    return Printed(pdf.name, len(reader.pages),
                   [(item.title, reader.get_destination_page_number(item) + 1) for item in top],
                   {name.removeprefix("/"): reader.get_destination_page_number(target) + 1
                    for name, target in reader.named_destinations.items()})


def heading_pages(printed: Printed, headings: list[tuple[str, str]]) -> dict[str, int]:
    """id -> the page (from 1) its heading is printed on: from the bookmarks of a tagged
    print, which are the <h1>s in order, else from the targets of the links to them."""
    if not printed.bookmarks:
        missing = [text for anchor, text in headings if anchor not in printed.destinations]
        if missing:
            raise PrintError(f"{printed.name} ({printed.pages} pages) has no link target for the heading "
                             f"'{missing[0]}': the contents' page numbers cannot be filled in.")
        return {anchor: printed.destinations[anchor] for anchor, _ in headings}
    pages: dict[str, int] = {}
    position = 0
    for anchor, text in headings:
        while position < len(printed.bookmarks) and _squash(_once(printed.bookmarks[position][0])) != _squash(text):
            position += 1
        if position == len(printed.bookmarks):
            raise PrintError(f"{printed.name} ({printed.pages} pages, {len(printed.bookmarks)} top-level bookmarks) "
                             f"has no bookmark for the heading '{text}': the contents' page numbers cannot be "
                             "filled in.")
        if anchor:
            pages[anchor] = printed.bookmarks[position][1]
        position += 1
    return pages


_PAGE = re.compile(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD_BOTTOM = re.compile(r'<word [^>]*yMax="([\d.]+)"')
_MM = 72 / 25.4


def page_fill(pdf: Path, first: int | None = None, last: int | None = None) -> list[float]:
    """How far down each page's text reaches (pages first to last, from 1), as a share of
    the printable height (0 = nothing printed, 1 = the bottom margin); the footer not counted."""
    pages = [flag for flag, number in (("-f", first), ("-l", last)) if number for flag in (flag, str(number))]
    boxes = subprocess.run(["pdftotext", "-bbox", *pages, str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    top, bottom = (float(MARGIN[side].removesuffix("mm")) * _MM for side in ("top", "bottom"))
    fills = []
    for height, words in _PAGE.findall(boxes):
        printable = float(height) - top - bottom
        lowest = [float(y) for y in _WORD_BOTTOM.findall(words) if float(y) <= float(height) - bottom]
        fills.append(max(0.0, (max(lowest, default=top) - top) / printable))
    return fills


async def _fix_sparse_pages(page, draft: Path, printed: Printed) -> bool:
    """Sheets that hold only a line or two (the cover aside): a forced break after one
    lets go, so the next section follows on that sheet; a last sheet gets a few more of
    the last list's items. True when something changed: the draft is to be printed again."""
    forced = set(await page.eval_on_selector_all(FORCED_BREAK_HEADINGS, "els => els.map(e => e.id)"))
    headings = [(anchor, text) for anchor, text in await _headings(page) if anchor in forced]
    # Reading the PDF is Python and poppler work: in a thread, so the other browser is not kept waiting.
    sparse, last_page = await asyncio.to_thread(sparse_sheets, draft, printed, headings)
    for anchor in sparse:
        await page.evaluate("id => document.getElementById(id).parentElement.classList.add('handout-flow')",
                            anchor)
    carried = False
    if last_page:
        text, fill = last_page
        carried = await page.evaluate(CARRY_OVER, [text, max(0.35 / max(fill, 0.01), 2)])
    return bool(sparse) or carried


def sparse_sheets(draft: Path, printed: Printed,
                  forced: list[tuple[str, str]]) -> tuple[list[str], tuple[str, float] | None]:
    """The forced breaks (of the headings `forced`) whose previous sheet holds a line or
    two, and the text and fill of the last sheet if it does."""
    sparse = [anchor for anchor, number in heading_pages(printed, forced).items()
              if number >= 3 and page_fill(draft, number - 1, number - 1)[0] < SPARSE]
    last = printed.pages
    fill = page_fill(draft, last, last)[0] if last > 2 else 1.0
    if fill >= SPARSE:
        return sparse, None
    text = _squash(subprocess.run(["pdftotext", "-f", str(last), "-l", str(last), str(draft), "-"],
                                  capture_output=True, text=True, check=True).stdout)
    return sparse, (text, fill)


# The items of the last section's last list that the last sheet holds (their first words
# are in its text): so many more of them (times `factor` in all) start that sheet, so
# that it holds more than a line or two; the sheet before keeps the rest.
CARRY_OVER = """([text, factor]) => {
  const squash = s => s.replace(/\\s+/g, '');
  const sections = document.querySelectorAll('article section');
  const lists = sections.length ? sections[sections.length - 1].querySelectorAll('ol, dl') : [];
  if (!lists.length) return false;
  const items = Array.from(lists[lists.length - 1].children);
  let onLast = 0;
  while (onLast < items.length && text.includes(squash(items[items.length - 1 - onLast].innerText).slice(0, 16))) onLast++;
  const first = items.length - Math.ceil(Math.max(onLast, 1) * factor);
  if (first <= 0 || items[first].classList.contains('handout-carried')) return false;
  items[first].classList.add('handout-carried');
  return true;
}"""


def link_from_home_pages(site: Path) -> None:
    for lang, home, up in (("zh", site / "index.html", ""), ("en", site / "en" / "index.html", "../")):
        html = home.read_text(encoding="utf-8")
        if HOME_LINKS_MARKER in html:
            home.write_text(html.replace(HOME_LINKS_MARKER, HOME_LINKS[lang].format(up=up)), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="the built site folder")
    parser.add_argument("--lang", action="append", choices=sorted(PREFIX), help="only this language")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "handout" / "index.html").exists():
        print(f"No built site in {site}: run 'make build' first.")
        return 1
    started = time.perf_counter()
    written = print_documents(site, args.lang or list(PREFIX))
    link_from_home_pages(site)
    for path in sorted(written.values()):
        print(f"{path.relative_to(site.parent) if site.parent in path.parents else path} "
              f"({path.stat().st_size // 1024} KB)")
    print(f"PDF documents written in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
