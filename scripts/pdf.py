"""`make pdf`: one training handout per language, printed by headless Chromium.

Serves the built site/ on 127.0.0.1, opens each language's handout page, blocks
every request that is not to that server, and prints A4 with page numbers in the
handout's language, bookmarks (one per term) and a tagged PDF. Then links the
PDFs from both home pages.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

HANDOUTS = {  # language -> (handout page, PDF file name, footer text)
    "zh": ("handout/", "llm-terms-zh.pdf",
           '第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页'),
    "en": ("en/handout/", "llm-terms-en.pdf",
           'Page <span class="pageNumber"></span> of <span class="totalPages"></span>'),
}
FOOTER = ('<div style="width:100%;text-align:center;font-size:8pt;color:#444;'
          'font-family:\'Noto Sans CJK SC\',sans-serif;">{text}</div>')
HOME_LINKS_MARKER = "<!-- handout-links -->"
HOME_LINKS = {
    "zh": ('<p class="handout-links"><a href="pdf/llm-terms-zh.pdf" download>下载培训讲义（PDF，中文）</a>'
           ' · <a href="pdf/llm-terms-en.pdf" download lang="en">Training handout (PDF, English)</a></p>'),
    "en": ('<p class="handout-links"><a href="../pdf/llm-terms-en.pdf" download>Download the training '
           'handout (PDF, English)</a> · <a href="../pdf/llm-terms-zh.pdf" download lang="zh">培训讲义（PDF，中文）</a></p>'),
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def print_handouts(site: Path, languages: list[str]) -> dict[str, Path]:
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    out_dir = site / "pdf"
    out_dir.mkdir(exist_ok=True)
    written: dict[str, Path] = {}
    blocked: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang in languages:
                path, name, footer = HANDOUTS[lang]
                page = browser.new_page()

                def block_remote(route, request):
                    if urlsplit(request.url).netloc == urlsplit(base).netloc or request.url.startswith("data:"):
                        return route.continue_()
                    blocked.append(request.url)
                    return route.abort()

                page.route("**/*", block_remote)
                page.goto(base + path, wait_until="networkidle")
                page.emulate_media(media="print")
                page.evaluate("document.fonts.ready")
                target = out_dir / name
                page.pdf(path=str(target), format="A4", print_background=True,
                         display_header_footer=True, header_template="<span></span>",
                         footer_template=FOOTER.format(text=footer),
                         margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
                         outline=True, tagged=True)
                repair_bookmarks(target)
                written[lang] = target
                page.close()
            browser.close()
    finally:
        server.shutdown()
    if blocked:
        raise SystemExit("The handout tried to load files from outside the site:\n  " + "\n  ".join(blocked))
    return written


def repair_bookmarks(path: Path) -> None:
    """Chromium names a bookmark twice ("TokenToken") when its heading starts a new page
    in a CJK font. Write each such title once; the rest of the PDF is kept as it is."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=str(path))
    outlines = writer._root_object.get("/Outlines")
    stack = [outlines.get_object().get("/First")] if outlines else []
    changed = False
    while stack:
        reference = stack.pop()
        if reference is None:
            continue
        item = reference.get_object()
        title = str(item.get("/Title", ""))
        half = len(title) // 2
        if len(title) >= 4 and len(title) % 2 == 0 and title[:half] == title[half:]:
            item[NameObject("/Title")] = TextStringObject(title[:half])
            changed = True
        stack += [item.get("/Next"), item.get("/First")]
    if changed:
        with path.open("wb") as out:
            writer.write(out)


def link_from_home_pages(site: Path) -> None:
    for lang, home in (("zh", site / "index.html"), ("en", site / "en" / "index.html")):
        html = home.read_text(encoding="utf-8")
        if HOME_LINKS_MARKER in html:
            home.write_text(html.replace(HOME_LINKS_MARKER, HOME_LINKS[lang]), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="the built site folder")
    parser.add_argument("--lang", action="append", choices=sorted(HANDOUTS), help="only this language")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "handout" / "index.html").exists():
        print(f"No built site in {site}: run 'make build' first.")
        return 1
    started = time.perf_counter()
    written = print_handouts(site, args.lang or list(HANDOUTS))
    link_from_home_pages(site)
    for lang, path in written.items():
        print(f"{lang}: {path.relative_to(site.parent) if site.parent in path.parents else path} "
              f"({path.stat().st_size // 1024} KB)")
    print(f"PDF handouts written in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
