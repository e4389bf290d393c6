"""`make screenshots`: full-page screenshots of each page type, for a person to look at.

Both languages, phone and desktop width, light and dark, into test-artifacts/screenshots/.
A review aid, not a test: it asserts nothing. Serves the built site/ on 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from pdf import CHROMIUM, CHROMIUM_ARGS, ROOT

PAGE_TYPES = {"home": "", "term": "terms/rag/", "comparison": "compare/deepseek-versions/",
              "glossary": "glossary/", "faq": "faq/"}
WIDTHS = (375, 1280)
SCHEMES = {"light": "light", "dark": "dark"}


def main() -> None:
    from playwright.sync_api import sync_playwright
    site, out = ROOT / "site", ROOT / "test-artifacts" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in WIDTHS:
            for scheme in SCHEMES:
                page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
                for prefix in ("", "en/"):
                    for name, path in PAGE_TYPES.items():
                        page.goto(base + prefix + path, wait_until="networkidle")
                        target = out / f"{(prefix or 'zh/').strip('/')}-{name}-{width}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=True)
                page.close()
        browser.close()
    server.shutdown()
    print(f"screenshots in {out.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
