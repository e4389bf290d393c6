"""Print: the PDF documents (`make pdf`) and printing one page from the browser.

One `make pdf` run per session (the `pdfs` fixture); every test reads those PDFs
with poppler (pdftotext, pdffonts) and pypdf.
"""

from __future__ import annotations

import datetime as dt
import html as html_module
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT
from core.sources import read_pages
from glossary.collation import sort_key
from glossary.registry import build_registry

sys.path.insert(0, str(ROOT / "scripts"))
import pdf as pdf_script  # noqa: E402

pytestmark = pytest.mark.browser
REGISTRY = build_registry(read_pages(ROOT / "docs"))
LANGS = ["zh", "en"]
NAVIGATION_TEXT = {"zh": ["跳转至", "回到页面顶部", "切换到深色模式"],
                   "en": ["Skip to content", "Back to top", "Switch to dark mode"]}
FOOTER = {"zh": r"第 {page} 页，共 {total} 页", "en": r"Page {page} of {total}"}
# Below this many lines of text (the footer aside) a sheet is wasted: a trainer prints 30 copies.
FEWEST_LINES = 4


@pytest.fixture(scope="session")
def pdfs(site_dir) -> dict[str, Path]:
    """'handout-zh', 'quiz-en', 'trainer-zh', ... -> the PDF `make pdf` wrote."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--site", str(site_dir)],
                            capture_output=True, text=True, timeout=400)
    assert result.returncode == 0, result.stdout + result.stderr
    return {f"{kind}-{lang}": site_dir / "pdf" / pdf_script.pdf_name(kind, lang)
            for kind in pdf_script.DOCUMENTS for lang in LANGS}


@pytest.fixture(scope="session")
def pages(pdfs) -> dict[str, list[str]]:
    """The text of each PDF, page by page (pdftotext: pypdf returns Kangxi radicals for
    some Chinese characters)."""
    return {key: pdf_text(path).split("\f")[:-1] for key, path in pdfs.items()}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def text_of(html: str) -> str:
    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def answers_in(site_dir: Path, lang: str) -> list[tuple[str, str]]:
    """(question, answer) text of every self-check, from the built handout page."""
    page = (site_dir / ("" if lang == "zh" else "en") / "handout" / "index.html").read_text(encoding="utf-8")
    key = page[page.index('<section class="handout-appendix handout-answers">'):]
    return [(text_of(question), text_of(answer)) for question, answer in re.findall(
        r'<li id="answer-\d+"[^>]*><p><strong>[^<]*</strong> · (.*?)</p>(.*?)</li>', key, re.DOTALL)]


def bookmark_pages(path: Path) -> dict[str, int]:
    from pypdf import PdfReader
    reader = PdfReader(path)
    return {squash(item.title): reader.get_destination_page_number(item) + 1
            for item in reader.outline if not isinstance(item, list)}


# -----------------------------------------------------------------------------
# The learner handout
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_handout_has_every_term_and_no_navigation(pages, lang):
    text = "\f".join(pages[f"handout-{lang}"])
    flat = squash(text)
    for term in REGISTRY.terms[lang].values():
        assert squash(term.display_title) in flat, term.display_title
        assert squash(term.summary) in flat, f"{term.id}: summary missing from the glossary appendix"
    for label in NAVIGATION_TEXT[lang]:
        assert label not in text
    assert "\ufffd" not in text, "a character could not be printed"


@pytest.mark.parametrize("lang", LANGS)
def test_handout_page_numbers_bookmarks_and_size(pdfs, pages, lang):
    from pypdf import PdfReader
    reader = PdfReader(pdfs[f"handout-{lang}"])
    total = len(reader.pages)
    terms = len(REGISTRY.terms[lang])
    assert terms * 1.5 <= total <= terms * 6, f"{total} pages for {terms} terms"
    for page in (2, 3, total):
        assert FOOTER[lang].format(page=page, total=total) in pages[f"handout-{lang}"][page - 1]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    for term in REGISTRY.terms[lang].values():
        assert term.display_title in outline, f"no bookmark for {term.display_title}"
    assert "/StructTreeRoot" in reader.trailer["/Root"], "the PDF is not tagged"
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines", "bookmarks are not shown on opening"


@pytest.mark.parametrize("lang", LANGS)
def test_the_contents_give_the_page_each_entry_starts_on(pdfs, pages, lang):
    handout = pages[f"handout-{lang}"]
    bookmarks = bookmark_pages(pdfs[f"handout-{lang}"])
    first_chapter = bookmarks[squash(REGISTRY.learning_path(lang)[0].display_title)]
    contents = "\n".join(handout[1:first_chapter - 1])
    # Each entry is "title   page" (two columns to a line).
    entries = re.findall(r"(\S(?:[^\n]*?\S)?)\s{2,}(\d{1,3})(?=\s{2,}|\s*$)", contents, re.MULTILINE)
    expected = len(REGISTRY.terms[lang]) + len(list((ROOT / "docs" / "compare").glob("*.en.md"))) + 2
    assert len(entries) == expected, f"{len(entries)} numbered entries in the contents, {expected} expected"
    for title, number in entries:
        number = int(number)
        assert squash(title) in squash(handout[number - 1]), f"'{title}' is not on page {number}"
        assert bookmarks[squash(title)] == number, f"'{title}': contents say {number}, bookmark says " \
                                                   f"{bookmarks[squash(title)]}"


@pytest.mark.parametrize("document", ["handout", "quiz", "trainer"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_sheet_but_the_cover_holds_only_a_line_or_two(pdfs, pages, document, lang):
    sheets = pages[f"{document}-{lang}"]
    lines = [len([line for line in sheet.splitlines() if line.strip()]) - 1 for sheet in sheets]
    sparse = [(number, count) for number, count in enumerate(lines, 1) if count < FEWEST_LINES and number > 1]
    assert sparse == [], f"sheets with fewer than {FEWEST_LINES} lines (page, lines): {sparse}"
    fills = pdf_script.page_fill(pdfs[f"{document}-{lang}"])
    assert [n for n, fill in enumerate(fills, 1) if n > 1 and fill < pdf_script.SPARSE] == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_glossary_term_and_its_definition_share_a_page_in_pinyin_or_alphabetical_order(pdfs, pages, lang):
    handout = pages[f"handout-{lang}"]
    bookmarks = bookmark_pages(pdfs[f"handout-{lang}"])
    from core.words import word
    start = bookmarks[squash(word(lang, "handout.appendix"))]
    end = bookmarks[squash(word(lang, "handout.answers"))]
    glossary = [squash(text) for text in handout[start - 1:end]]
    flat = "".join(glossary)
    found = []
    for term in REGISTRY.terms[lang].values():
        entry = squash(term.display_title + term.summary)
        assert any(entry in page for page in glossary), f"{term.display_title}: split from its definition"
        found.append((flat.index(entry), term.display_title))
    printed = [title for _, title in sorted(found)]
    assert printed == sorted(printed, key=lambda title: sort_key(lang, title))
    if lang == "zh":  # pinyin, not code points: 词元 (ci) before 模型参数 (mo)
        assert printed.index("词元（token）") < printed.index("模型参数")


@pytest.mark.parametrize("document", ["handout", "trainer"])
@pytest.mark.parametrize("lang", LANGS)
def test_each_question_shares_a_page_with_its_answer(site_dir, pages, document, lang):
    sheets = [squash(text) for text in pages[f"{document}-{lang}"]]
    answers = answers_in(site_dir, lang)
    assert len(answers) >= len(REGISTRY.terms[lang])
    key_start = next(i for i, text in enumerate(sheets) if squash(answers[0][0])[:20] in text
                     and squash(answers[0][1])[:20] in text)
    for question, answer in answers:
        head, tail = squash(question)[:20], squash(answer)[-20:]
        assert any(head in sheet and tail in sheet for sheet in sheets[key_start:]), \
            f"split from its answer: {question}"


@pytest.mark.parametrize("lang,cover,answers", [
    ("zh", "培训讲义", "附录：自测答案"), ("en", "Training handout", "Appendix: answers to the self-checks")])
def test_handout_has_cover_contents_comparisons_glossary_and_answer_key(pages, lang, cover, answers):
    assert cover in pages[f"handout-{lang}"][0]
    text = "\f".join(pages[f"handout-{lang}"])
    assert text.count(answers) >= 2  # in the contents and as the appendix title
    for table_title in ("PPO", "MoE", "DeepSeek"):
        assert table_title in text


def page_number_lines(sheet: str) -> list[str]:
    """The lines of a sheet that are, or end in, a page number ("Page 3 of 20", "第 3 页", "3")."""
    return [line.strip() for line in sheet.splitlines()
            if re.search(r"(Page \d+|第 \d+ 页|^\s*\d+\s*$)", line)]


@pytest.mark.parametrize("document", ["handout", "trainer"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_cover_has_no_page_number_and_the_next_page_is_page_2(pdfs, pages, document, lang):
    sheets = pages[f"{document}-{lang}"]
    assert page_number_lines(sheets[0]) == [], f"the cover of {pdfs[f'{document}-{lang}'].name} is numbered"
    assert FOOTER[lang].format(page=2, total=len(sheets)) in sheets[1]


@pytest.mark.parametrize("lang", LANGS)
def test_the_quiz_sheet_has_no_cover_so_its_first_page_is_numbered(pages, lang):
    sheets = pages[f"quiz-{lang}"]
    assert FOOTER[lang].format(page=1, total=len(sheets)) in sheets[0]


def commit_day(revision: str) -> dt.date:
    stamp = subprocess.run(["git", "log", "-1", "--format=%ct", revision], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout
    return dt.datetime.fromtimestamp(int(stamp), tz=dt.timezone.utc).date()


@pytest.mark.parametrize("lang,edition,revision", [("zh", "{date}版", "修订号 {revision}"),
                                                   ("en", "Edition of {date}", "Revision {revision}")])
def test_a_cover_says_which_edition_it_is_in_words_with_the_hash_in_small_print(pdfs, pages, lang, edition,
                                                                                revision):
    """The small print names the commit the site was built from (one of this checkout's:
    HEAD may have moved on since); the edition is that commit's day."""
    from core.words import long_date
    for document in ("handout", "trainer"):
        cover = pages[f"{document}-{lang}"][0]
        commit = re.search(revision.format(revision=r"([0-9a-f]{7,40})"), cover).group(1)
        day = commit_day(commit)
        assert subprocess.run(["git", "merge-base", "--is-ancestor", commit, "HEAD"], cwd=ROOT).returncode == 0
        assert squash(edition.format(date=long_date(day, lang))) in squash(cover), cover
        assert not re.search(r"\d{4}-\d{2}-\d{2}", cover), "a bare ISO date on the cover"
        words = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdfs[f"{document}-{lang}"]), "-"],
                               capture_output=True, text=True, check=True).stdout
        heights = {text: float(y1) - float(y0) for y0, y1, text in
                   re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', words)}
        assert heights[commit] < heights[str(day.year)], "the hash is not in smaller print than the edition"
    assert squash(edition.format(date=long_date(day, lang))) in squash(pages[f"quiz-{lang}"][-1])


@pytest.mark.parametrize("lang", LANGS)
def test_handout_prints_every_diagram_with_its_caption(pages, lang):
    from diagrams import source
    library = source.read_library(source.read_folder(ROOT / "docs"))
    flat = squash("".join(pages[f"handout-{lang}"]))
    assert len(library.diagrams) >= 9
    for diagram in library.diagrams.values():
        assert squash(diagram.caption[lang]) in flat, diagram.id


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_runs_into_the_side_margins(pdfs, lang):
    """Every word inside the printable width (the quiz's "100." once hung 2 pt into the left
    margin). 1 pt of slack: a glyph's box reaches a little past the text's edge."""
    left = float(pdf_script.MARGIN["left"].removesuffix("mm")) * 72 / 25.4
    right = float(pdf_script.MARGIN["right"].removesuffix("mm")) * 72 / 25.4
    for document in pdf_script.DOCUMENTS:
        boxes = subprocess.run(["pdftotext", "-bbox", str(pdfs[f"{document}-{lang}"]), "-"], capture_output=True,
                               text=True, check=True).stdout
        outside = []
        for number, (width, words) in enumerate(re.findall(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', boxes,
                                                           re.DOTALL), 1):
            outside += [(number, text) for x0, x1, text in
                        re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)<', words)
                        if float(x0) < left - 1 or float(x1) > float(width) - right + 1]
        assert outside == [], f"{document}-{lang}: words outside the margins (page, word): {outside[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_fonts_are_embedded(pdfs, lang):
    for document in pdf_script.DOCUMENTS:
        fonts = subprocess.run(["pdffonts", str(pdfs[f"{document}-{lang}"])], capture_output=True, text=True,
                               check=True).stdout
        rows = fonts.strip().splitlines()[2:]
        assert rows and all(" yes " in row for row in rows), fonts


# -----------------------------------------------------------------------------
# The quiz sheet and the trainer notes
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_quiz_numbers_every_question_and_gives_no_answer(site_dir, pages, lang):
    text = "\f".join(pages[f"quiz-{lang}"])
    flat = squash(text)
    answers = answers_in(site_dir, lang)
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\.\s", text, re.MULTILINE)]
    assert numbers == list(range(1, len(answers) + 1))
    for question, answer in answers:
        assert squash(question)[:30] in flat, question
        assert squash(answer)[:30] not in flat, f"the quiz gives an answer away: {answer[:40]}"
    assert ("姓名" if lang == "zh" else "Name") in pages[f"quiz-{lang}"][0]


@pytest.mark.parametrize("lang,heard,fact,source", [
    ("zh", "常听到：", "其实：", "出处："), ("en", "You may hear:", "In fact:", "Source:")])
def test_the_trainer_notes_give_each_claim_its_correction_and_source_and_the_answers(
        site_dir, pages, lang, heard, fact, source):
    text = "\f".join(pages[f"trainer-{lang}"])
    notes = (ROOT / "docs" / ("trainer-notes.md" if lang == "zh" else "trainer-notes.en.md")).read_text(
        encoding="utf-8")
    claims = notes.count(f"**{heard}**")
    assert claims >= 40
    flat = squash(text)
    assert flat.count(squash(heard)) == flat.count(squash(fact)) == claims
    assert flat.count(squash(source)) >= claims
    # A source's address prints: a link cannot be clicked on paper.
    assert "https://github.com/deepseek-ai/DeepSeek-R1" in text
    for question, answer in answers_in(site_dir, lang):
        assert squash(answer)[:30] in flat, f"answer missing from the trainer notes: {question}"
    # The trainer notes are not in the learner handout.
    title = re.search(r"^# (.+)$", notes, re.MULTILINE).group(1)
    assert squash(title) in flat and squash(title) not in squash("".join(pages[f"handout-{lang}"]))


def test_each_home_page_links_its_languages_three_pdfs_and_the_other_handout(pdfs, site_dir):
    homes = {"zh": ((site_dir / "index.html").read_text(encoding="utf-8"), ""),
             "en": ((site_dir / "en" / "index.html").read_text(encoding="utf-8"), "../")}
    for lang, (html, up) in homes.items():
        other = "en" if lang == "zh" else "zh"
        for key in [f"{kind}-{lang}" for kind in pdf_script.DOCUMENTS] + [f"handout-{other}"]:
            assert f'href="{up}pdf/{pdfs[key].name}"' in html, (lang, key)
            assert pdfs[key].stat().st_size > 10_000


# -----------------------------------------------------------------------------
# Printing one page from the browser (Ctrl+P)
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("path,heading,used_on", [("terms/rag/", "本页提到的术语", "哪些页面提到它"),
                                                  ("en/terms/moe/", "Terms used on this page", "Where this term is used")])
def test_printing_one_page_hides_navigation_and_backlinks_and_lists_the_terms(browser, base_url, tmp_path,
                                                                            path, heading, used_on):
    page = browser.new_page()
    page.goto(base_url + path)
    assert not page.locator(".glossary-print-list").is_visible()
    assert page.locator("#used-on").is_visible() and page.locator(".glossary-backlinks").is_visible()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", "#used-on",
                     ".glossary-backlinks"):
        assert not page.locator(selector).first.is_visible(), selector
    terms = page.locator(".glossary-print-list")
    assert terms.is_visible() and terms.locator("h2").inner_text() == heading
    # Self-check answers print open (Material opens every <details> before printing).
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector_all("article details", "els => els.length > 0 && els.every(e => e.open)")
    linked = set(page.eval_on_selector_all("article a.glossary-term", "els => els.map(e => e.dataset.term)"))
    assert terms.locator("li").count() == len(linked) > 0
    target = tmp_path / "page.pdf"
    target.write_bytes(page.pdf(format="A4"))
    page.close()
    sheets = pdf_text(target).split("\f")[:-1]
    assert used_on not in "".join(sheets) and heading in sheets[-1]
    assert len([line for line in sheets[-1].splitlines() if line.strip()]) >= FEWEST_LINES, \
        f"the last sheet holds only: {sheets[-1].strip()}"


def test_an_open_tooltip_or_focus_ring_never_prints(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "terms/rag/")
    term = page.locator("article a.glossary-term").first
    term.focus()
    term.hover()
    page.wait_for_timeout(400)
    popups = "[class*='tooltip'], [class*='preview'], [role='tooltip']"
    shown_on_screen = page.eval_on_selector_all(
        popups, "els => els.filter(e => e.getBoundingClientRect().height > 0 && "
                "getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).opacity !== '0').length")
    page.emulate_media(media="print")
    printed = page.eval_on_selector_all(
        popups, "els => els.filter(e => e.getBoundingClientRect().height > 0 && "
                "getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).opacity !== '0')"
                ".map(e => e.className)")
    outline = term.evaluate("e => getComputedStyle(e).outlineStyle")
    page.close()
    assert shown_on_screen > 0, "the test did not open a tooltip"
    assert printed == [] and outline == "none"


def test_blocks_a_reader_reads_as_one_are_never_split(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "handout/")
    page.emulate_media(media="print")
    for selector in (".admonition", "table tr", "figure.diagram", ".handout-question",
                     ".handout-glossary__entry", ".handout-answers li"):
        styles = page.eval_on_selector_all(selector, "els => els.map(e => getComputedStyle(e).breakInside)")
        assert styles and set(styles) == {"avoid"}, selector
    after = page.eval_on_selector_all("article h1, article h2, article h3, article dt",
                                      "els => els.map(e => getComputedStyle(e).breakAfter)")
    page.close()
    assert set(after) == {"avoid"}


def test_english_quotes_print_in_their_proportional_shapes(browser, base_url):
    """Noto Sans CJK's curly quotes and apostrophes are full-width unless asked otherwise."""
    page = browser.new_page()
    page.goto(base_url + "en/handout/")
    page.emulate_media(media="print")
    widths = page.evaluate("""() => {
      const span = document.createElement('span');
      document.querySelector('article p').append(span);
      const width = text => { span.textContent = text; return span.getBoundingClientRect().width; };
      return [width('\u201cx\u201d'), width('"x"')];
    }""")
    page.close()
    curly, straight = widths
    assert curly < straight * 1.5, f"curly quotes {curly:.1f} px wide against straight ones {straight:.1f} px"


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
