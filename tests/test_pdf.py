"""Print: the PDF handouts (`make pdf`) and printing one page from the browser."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT
from core.sources import read_pages
from glossary.registry import build_registry

pytestmark = pytest.mark.browser
REGISTRY = build_registry(read_pages(ROOT / "docs"))
NAVIGATION_TEXT = {"zh": ["跳转至", "回到页面顶部", "切换到深色模式"],
                   "en": ["Skip to content", "Back to top", "Switch to dark mode"]}
FOOTER = {"zh": r"第 {page} 页，共 {total} 页", "en": r"Page {page} of {total}"}


@pytest.fixture(scope="session")
def pdfs(site_dir) -> dict[str, Path]:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--site", str(site_dir)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return {"zh": site_dir / "pdf" / "llm-terms-zh.pdf", "en": site_dir / "pdf" / "llm-terms-en.pdf"}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_handout_has_every_term_and_no_navigation(pdfs, lang):
    text = pdf_text(pdfs[lang])
    flat = squash(text)
    for term in REGISTRY.terms[lang].values():
        assert squash(term.display_title) in flat, term.display_title
        assert squash(term.summary) in flat, f"{term.id}: summary missing from the glossary appendix"
    for label in NAVIGATION_TEXT[lang]:
        assert label not in text
    assert "\ufffd" not in text, "a character could not be printed"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_handout_page_numbers_bookmarks_and_size(pdfs, lang):
    from pypdf import PdfReader
    reader = PdfReader(pdfs[lang])
    pages = len(reader.pages)
    terms = len(REGISTRY.terms[lang])
    assert terms * 1.5 <= pages <= terms * 6, f"{pages} pages for {terms} terms"
    text = pdf_text(pdfs[lang])
    for page in (1, 3, pages):
        assert FOOTER[lang].format(page=page, total=pages) in text
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    for term in REGISTRY.terms[lang].values():
        assert term.display_title in outline, f"no bookmark for {term.display_title}"
    assert "/StructTreeRoot" in reader.trailer["/Root"], "the PDF is not tagged"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_handout_fonts_are_embedded(pdfs, lang):
    fonts = subprocess.run(["pdffonts", str(pdfs[lang])], capture_output=True, text=True, check=True).stdout
    rows = fonts.strip().splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), fonts


def test_printed_chinese_is_set_in_noto_sans_cjk_sc(browser, base_url):
    """The fonts Chromium really uses for the printed handout (Noto's OpenType CJK
    fonts end up as unnamed Type 3 fonts in the PDF, so ask the browser)."""
    page = browser.new_page()
    page.goto(base_url + "handout/")
    page.emulate_media(media="print")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    used: dict[str, int] = {}
    for selector in (".handout-chapter p", ".handout-chapter h1", ".handout-appendix dd"):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            used[font["familyName"]] = used.get(font["familyName"], 0) + font["glyphCount"]
    page.close()
    assert max(used, key=used.get) == "Noto Sans CJK SC", used
    assert not any("JP" in name for name in used), used


@pytest.mark.parametrize("lang,cover,answers", [
    ("zh", "培训讲义", "附录：自测答案"), ("en", "Training handout", "Appendix: answers to the self-checks")])
def test_handout_has_cover_contents_comparisons_glossary_and_answer_key(pdfs, lang, cover, answers):
    text = pdf_text(pdfs[lang])
    first_page = text.split("\f")[0]
    assert cover in first_page and re.search(r"\d{4}-\d{2}-\d{2}", first_page)
    assert text.count(answers) >= 2  # in the contents and as the appendix title
    for table_title in ("PPO", "MoE", "DeepSeek"):
        assert table_title in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_handout_prints_every_diagram_with_its_caption(pdfs, lang):
    from diagrams import source
    library = source.read_library(source.read_folder(ROOT / "docs"))
    flat = squash(pdf_text(pdfs[lang]))
    assert len(library.diagrams) >= 9
    for diagram in library.diagrams.values():
        assert squash(diagram.caption[lang]) in flat, diagram.id


def test_home_pages_link_the_pdfs_once_they_exist(pdfs, site_dir):
    zh = (site_dir / "index.html").read_text(encoding="utf-8")
    en = (site_dir / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="pdf/llm-terms-zh.pdf"' in zh and 'href="../pdf/llm-terms-en.pdf"' in en


@pytest.mark.parametrize("path,heading", [("terms/rag/", "本页提到的术语"), ("en/terms/rag/", "Terms used on this page")])
def test_printing_one_page_hides_navigation_and_lists_the_terms(browser, base_url, path, heading):
    page = browser.new_page()
    page.goto(base_url + path)
    assert not page.locator(".glossary-print-list").is_visible()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not page.locator(selector).first.is_visible(), selector
    terms = page.locator(".glossary-print-list")
    assert terms.is_visible() and terms.locator("h2").inner_text() == heading
    # Self-check answers print open (Material opens every <details> before printing).
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector_all("article details", "els => els.length > 0 && els.every(e => e.open)")
    linked = set(page.eval_on_selector_all("article a.glossary-term", "els => els.map(e => e.dataset.term)"))
    assert terms.locator("li").count() == len(linked) > 0
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.close()
