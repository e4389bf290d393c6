"""Diagrams: YAML sources -> inline SVG (hooks/diagrams/), the hook, the built pages.

Unit tests of the renderer and the validations run without MkDocs; the build tests
use a throw-away copy of the project; the browser tests measure real text in
Debian's Chromium (light and dark palette, desktop and phone widths).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, mkdocs_build
from diagrams.charts import format_value, panel_values, softmax
from diagrams.markers import find_markers, marker_problems, replace_html_markers, replace_markers
from diagrams.render import render_figure, render_svg
from diagrams.source import read_diagram, read_folder, read_library
from diagrams.texts import texts, typography_problems
from diagrams.svg import NO_LINE_START, text_width, wrap

SVG = "{http://www.w3.org/2000/svg}"
DOCS = ROOT / "docs"
NINE = ("training-stages", "cot-vs-direct", "rag-flow", "ppo-vs-grpo", "moe-router", "temperature",
        "overfitting-curves", "deepseek-versions", "context-window")
LANGS = ("zh", "en")
VARIANTS = ("wide", "narrow")


@pytest.fixture(scope="module")
def library():
    return read_library(read_folder(DOCS))


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def visible_texts(root: ET.Element) -> list[str]:
    """Each <text> element's lines joined, spaces removed (wrapping drops them)."""
    return ["".join(t.text or "" for t in text.iter(f"{SVG}tspan")).replace(" ", "")
            for text in root.iter(f"{SVG}text")]


def diagram_from(yaml_text: str, name: str = "sample"):
    diagram, problems = read_diagram(f"_diagrams/{name}.yml", yaml_text)
    assert problems == [], [str(p) for p in problems]
    return diagram


SIMPLE_FLOW = """\
kind: flow
caption:
  zh: 一个小流程
  en: A small flow
alt:
  zh: 从提问到回答。
  en: From question to answer.
steps:
  - label:
      zh: 提问
      en: Question
  - label:
      zh: 回答
      en: Answer
"""

# -----------------------------------------------------------------------------
# The nine diagrams of the site
# -----------------------------------------------------------------------------


def test_the_nine_diagrams_exist_and_are_valid(library):
    assert [str(p) for p in library.problems] == []
    assert set(NINE) <= set(library.diagrams)


@pytest.mark.parametrize("diagram_id", NINE)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("variant", VARIANTS)
def test_each_diagram_is_an_accessible_well_formed_svg(library, diagram_id, lang, variant):
    diagram = library.diagrams[diagram_id]
    root = parse(render_svg(diagram, lang, "t", variant))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%" and "max-width" in root.get("style")
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    assert 300 <= width <= 800 and 50 < height < 2000
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == diagram.caption[lang]
    assert desc.text.startswith(diagram.alt[lang]) and len(desc.text) > 80
    assert "font-family" not in render_svg(diagram, lang, "t", variant), "fonts come from the page (CSS)"
    assert not re.search(r'(fill|stroke)="#', render_svg(diagram, lang, "t", variant)), \
        "colours come from CSS classes, so the dark palette works"


@pytest.mark.parametrize("diagram_id", NINE)
@pytest.mark.parametrize("lang", LANGS)
def test_labels_show_in_the_page_language_only(library, diagram_id, lang):
    diagram = library.diagrams[diagram_id]
    other = "en" if lang == "zh" else "zh"
    for variant in VARIANTS:
        shown = visible_texts(parse(render_svg(diagram, lang, "t", variant)))
        everything = "\n".join(shown)
        for where, text in texts(diagram)[2:]:  # caption and alt are the title and desc
            mine, theirs = text[lang].replace(" ", ""), text[other].replace(" ", "")
            assert mine in everything, f"{diagram_id} {variant}: {where} missing"
            if theirs != mine and theirs not in everything.replace(mine, ""):
                assert all(theirs not in line for line in shown), f"{diagram_id}: {where} in {other}"


def test_chinese_texts_follow_the_site_typography(library):
    problems = [str(p) for d in library.diagrams.values() for p in typography_problems(d)]
    assert problems == []


def test_temperature_bars_are_softmax_of_the_logits_at_each_temperature(library):
    bars = library.diagrams["temperature"].body
    assert [p.temperature for p in bars.panels] == [0.5, 1.5]
    root = parse(render_svg(library.diagrams["temperature"], "zh", "t", "wide"))
    lengths = [float(r.get("width")) for r in root.iter(f"{SVG}rect") if "dg-bar" in r.get("class")]
    values = [v for i in range(len(bars.panels)) for v in panel_values(bars, i)]
    for index, panel in enumerate(bars.panels):
        expected = [math.exp(l / panel.temperature) for l in bars.logits]
        expected = [e / sum(expected) for e in expected]
        assert panel_values(bars, index) == pytest.approx(expected)
    # Bars share one scale, so their lengths are proportional to the probabilities.
    top = max(values)
    for length, value in zip(lengths, values):
        assert length == pytest.approx(max(value / top * lengths[values.index(top)], 1.5), abs=0.11)
    shown = "\n".join(visible_texts(root))
    assert format_value(values[0], True) in shown and "T=0.5" in shown and "T=1.5" in shown
    low, high = panel_values(bars, 0), panel_values(bars, 1)
    assert max(low) > 0.6 > max(high)  # low temperature: the favourite nearly always wins


def test_softmax_by_hand():
    assert softmax((0.0, math.log(3)), 1.0) == pytest.approx([0.25, 0.75])
    assert softmax((1.0, 1.0, 1.0), 0.1) == pytest.approx([1 / 3] * 3)
    assert softmax((1000.0, 0.0), 1.0)[0] == pytest.approx(1.0)  # no overflow


def test_early_stopping_line_sits_at_the_lowest_validation_error(library):
    line = library.diagrams["overfitting-curves"].body
    validation = next(s for s in line.series if s.id == "validation")
    lowest = min(validation.points, key=lambda p: p[1])[0]
    assert line.markers[0].at == lowest == line.zones[0].start
    training = next(s for s in line.series if s.id == "training")
    assert all(b[1] < a[1] for a, b in zip(training.points, training.points[1:]))
    assert "示意" in library.diagrams["overfitting-curves"].caption["zh"]
    assert "illustration" in library.diagrams["overfitting-curves"].caption["en"]


def test_moe_picks_8_of_256_experts(library):
    for variant in VARIANTS:
        root = parse(render_svg(library.diagrams["moe-router"], "en", "t", variant))
        squares = {p.get("class"): p.get("d").count("z") for p in root.iter(f"{SVG}path")
                   if "dg-cell" in p.get("class")}
        assert squares == {"dg-cell": 248, "dg-cell dg-cell--chosen": 8}


def test_every_figure_is_light_enough_for_a_term_page(library):
    """A term page must stay under 60 KB of HTML (tests/test_quality.py); leave it room."""
    for diagram in library.diagrams.values():
        for lang in LANGS:
            assert len(render_figure(diagram, lang, "dg-x--terms-x").encode()) < 20 * 1024, diagram.id


# -----------------------------------------------------------------------------
# The renderer on small examples
# -----------------------------------------------------------------------------


def test_text_is_escaped():
    diagram = diagram_from(SIMPLE_FLOW.replace("en: Question", "en: \"<b>Tom & 'Jerry'</b>\""))
    svg = render_svg(diagram, "en", "t")
    assert "<b>" not in svg and "&lt;b&gt;Tom &amp; &#x27;Jerry&#x27;&lt;/b&gt;" in svg
    assert "<b>Tom&'Jerry'</b>" in "".join(visible_texts(parse(svg)))
    figure = render_figure(diagram, "en", 'x"><script>')
    assert "<script>" not in figure


def test_wrapping_fits_the_width_and_respects_chinese_and_english_rules():
    text = "会接着往下写：懂语言、记住知识，还能按要求回答问题，像个助手。"
    lines = wrap(text, 100, 14)
    assert len(lines) > 1 and "".join(lines) == text
    assert all(text_width(line, 14) <= 100 for line in lines)
    assert not any(line[0] in NO_LINE_START for line in lines)
    english = wrap("Huge amounts of unlabelled text from the web", 100, 14)
    assert all(word in " ".join(english).split() for word in ("Huge", "unlabelled", "web"))
    assert wrap("Step 1: 3 × 24 = 72", 92, 14) == ["Step 1:", "3 × 24 = 72"]
    assert wrap("one\ntwo", 500, 14) == ["one", "two"]
    assert all(len(line) > 1 for line in wrap("比预估好多少？更新策略模型和价值模型", 92, 14))


def test_chinese_labels_break_between_words_and_never_strand_one_character():
    # The walkthrough's examples, at the widths that broke them.
    for text, width in (("检索：找出相关的几段资料", 90), ("提示词 = 问题 + 找到的资料", 120),
                        ("回答，附上出处", 80), ("第 1 轮对话", 60), ("结果加权合并", 70), ("规章制度", 50)):
        lines = wrap(text, width, 14)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for before, after in zip(lines, lines[1:]):
            assert (before[-1], after[0]) not in {("相", "关"), ("问", "题"), ("资", "料"), ("出", "处"),
                                                  ("对", "话"), ("合", "并"), ("制", "度"), ("找", "到")}, lines
        assert all(len(line.strip()) > 1 for line in lines), lines
    assert wrap("检索：找出相关的几段资料", 90, 14) == ["检索：找出", "相关的几段", "资料"]


def test_a_long_label_wraps_into_a_taller_box_not_a_wider_picture():
    short = render_svg(diagram_from(SIMPLE_FLOW), "en", "t")
    long = render_svg(diagram_from(SIMPLE_FLOW.replace(
        "en: Question", "en: " + "A much longer question that has to wrap onto several lines " * 3)), "en", "t")
    box = lambda svg: [float(v) for v in parse(svg).get("viewBox").split()[2:]]  # noqa: E731
    assert box(long)[0] == box(short)[0] and box(long)[1] > box(short)[1]
    lines = [span.text for span in parse(long).iter(f"{SVG}tspan")]
    assert len(lines) >= 4 and max(len(line) for line in lines) < 60


def test_ids_are_unique_with_several_diagrams_on_one_page(library):
    page = (render_figure(library.diagrams["rag-flow"], "zh", "dg-rag-flow--a")
            + render_figure(library.diagrams["rag-flow"], "zh", "dg-rag-flow--a-2")
            + render_figure(library.diagrams["temperature"], "zh", "dg-temperature--a"))
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == 12 and len(set(ids)) == len(ids)
    for labelled in re.findall(r'aria-labelledby="([^"]+)"', page):
        assert all(part in ids for part in labelled.split())


def test_figure_has_both_drawings_and_a_caption_in_the_language(library):
    diagram = library.diagrams["rag-flow"]
    html = render_figure(diagram, "en", "u")
    root = ET.fromstring(html)
    assert root.tag == "figure" and root.get("data-diagram") == "rag-flow"
    svgs = [child for child in root if child.tag == f"{SVG}svg"]
    assert [s.get("class").split()[-1] for s in svgs] == ["diagram__svg--wide", "diagram__svg--narrow"]
    assert root.find("figcaption").text.replace("\xa0", " ") == diagram.caption["en"]
    assert "\n" not in html  # one line: Markdown passes it through untouched


def test_markers_are_replaced_outside_code_blocks_only():
    markdown = ("Text\n\n<!-- diagram: a -->\n\n```\n<!-- diagram: b -->\n```\n\n"
                "    <!-- diagram: c -->\n")
    result = replace_markers(markdown, lambda i: f"[{i}]")
    assert "[a]" in result and "[b]" not in result and "[c]" not in result
    assert replace_html_markers("<p>x</p>\n<!-- diagram: d -->\n<code>&lt;!-- diagram: e --&gt;</code>",
                                lambda i: f"[{i}]") == "<p>x</p>\n[d]\n<code>&lt;!-- diagram: e --&gt;</code>"


# -----------------------------------------------------------------------------
# Validation: plain messages that name the file, the line and the field
# -----------------------------------------------------------------------------


def problems_of(yaml_text: str) -> list[str]:
    return [str(p) for p in read_diagram("_diagrams/sample.yml", yaml_text)[1]]


def test_a_label_missing_a_language_is_named_with_file_line_and_field():
    text = SIMPLE_FLOW.replace("      en: Answer\n", "")
    [problem] = problems_of(text)
    assert problem.startswith("_diagrams/sample.yml:12 (field 'step 2 › label')")
    assert "English text is missing" in problem and "en: ..." in problem


def test_a_text_in_one_language_only_is_refused():
    [problem] = problems_of(SIMPLE_FLOW.replace("caption:\n  zh: 一个小流程\n  en: A small flow",
                                                "caption: A small flow"))
    assert "(field 'caption')" in problem and "one language only" in problem


def test_a_text_cut_at_a_comma_gets_a_hint():
    problems = problems_of(SIMPLE_FLOW.replace("  - label:\n      zh: 回答\n      en: Answer",
                                               "  - label: {zh: 回答, en: Answer, with sources}"))
    assert any("with sources" in p and "comma" in p for p in problems)


def test_malformed_yaml_is_explained_in_plain_words():
    [problem] = problems_of(SIMPLE_FLOW.replace("en: Question", "en: Search: the web"))
    assert problem.startswith("_diagrams/sample.yml:11:")
    assert "double quotes" in problem and "mapping values" not in problem


def test_unknown_fields_kinds_and_styles_suggest_the_right_word():
    assert any("Did you mean 'label'" in p for p in problems_of(SIMPLE_FLOW.replace("  - label:\n      zh: 回答", "  - lable:\n      zh: 回答")))
    assert any("Did you mean 'flow'" in p for p in problems_of(SIMPLE_FLOW.replace("kind: flow", "kind: flwo")))
    assert any("Did you mean 'strong'" in p for p in problems_of(SIMPLE_FLOW + "    style: strnog\n"))


def test_markers_name_existing_diagrams(library):
    pages = {"terms/x.md": "a\n\n<!-- diagram: rag-flw -->\n\n  <!-- diagram: rag-flow -->\n",
             "terms/y.md": "```\n<!-- diagram: not-checked -->\n```\n<!-- diagram: rag-flow -->\n"}
    problems = [str(p) for p in marker_problems(pages, library)]
    assert len(problems) == 2
    assert problems[0].startswith("terms/x.md:3 (field 'diagram'): there is no diagram called 'rag-flw'. "
                                  "Did you mean 'rag-flow'?")
    assert problems[1].startswith("terms/x.md:5") and "at the very start of the line" in problems[1]
    assert find_markers(pages["terms/y.md"])[0][0].id == "rag-flow"


# -----------------------------------------------------------------------------
# The build
# -----------------------------------------------------------------------------


def test_unknown_id_and_missing_language_stop_the_build_with_plain_messages(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "terms" / "rag.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- diagram: rag-flow -->",
                                                             "<!-- diagram: rag-flw -->"), encoding="utf-8")
    source = project / "docs" / "_diagrams" / "temperature.yml"
    source.write_text(source.read_text(encoding="utf-8").replace("    en: reliable\n", ""), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/terms/rag.md:" in output and "there is no diagram called 'rag-flw'" in output
    assert "docs/_diagrams/temperature.yml:" in output and "category 3" in output
    assert "English text is missing" in output
    assert "Traceback" not in output


def test_a_malformed_diagram_file_stops_the_build_without_a_traceback(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs" / "_diagrams" / "broken.yml").write_text(
        "kind: flow\ncaption:\n  zh: 标题\n  en: Title: with a colon\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/_diagrams/broken.yml:4" in output and "double quotes" in output
    assert "Traceback" not in output


def pages_with_markers() -> list[tuple[str, str]]:
    """(page source relative to docs/, diagram id) for every marker in the docs."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        relative = path.relative_to(DOCS).as_posix()
        if relative.startswith("_"):
            continue
        for placement in find_markers(path.read_text(encoding="utf-8"))[0]:
            found.append((relative, placement.id))
    return found


def built_page(site: Path, source: str) -> Path:
    """'terms/rag.en.md' -> site/en/terms/rag/index.html."""
    lang = "en" if source.endswith(".en.md") else "zh"
    stem = source.removesuffix(".en.md").removesuffix(".md")
    folder = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return site / ("en/" if lang == "en" else "") / folder / "index.html"


def test_every_diagram_is_placed_in_both_languages():
    placed = pages_with_markers()
    for diagram_id in NINE:
        langs = {"en" if page.endswith(".en.md") else "zh" for page, i in placed if i == diagram_id}
        assert langs == {"zh", "en"}, f"no marker for '{diagram_id}' in {sorted({'zh', 'en'} - langs)}"


def test_built_pages_show_their_diagrams_with_a_caption_in_their_language(site_dir, library):
    placed = pages_with_markers()
    assert placed
    for source, diagram_id in placed:
        lang = "en" if source.endswith(".en.md") else "zh"
        html = built_page(site_dir, source).read_text(encoding="utf-8")
        diagram = library.diagrams[diagram_id]
        start = html.find(f'data-diagram="{diagram_id}"')
        assert start > 0, f"{source}: no '{diagram_id}' diagram"
        figure = html[html.rfind("<figure", 0, start):html.find("</figure>", start) + 9]
        assert figure.count("<svg") == 2 and 'role="img"' in figure
        caption = re.search(r"<figcaption>(.*?)</figcaption>", figure).group(1)
        expected = render_figure(diagram, lang, "x").split("<figcaption>")[1].split("</figcaption>")[0]
        assert unescape(caption) == unescape(expected)  # the published page is nh3's serialization
        assert "<!-- diagram" not in html


def test_ids_are_unique_on_every_built_page(site_dir):
    for page in site_dir.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if "diagram__svg" not in html:
            continue
        ids = re.findall(r'\sid="(dg-[^"]+)"', html)
        duplicates = {i for i in ids if ids.count(i) > 1}
        assert not duplicates, f"{page}: {sorted(duplicates)[:3]}"


# -----------------------------------------------------------------------------
# In a real browser: the right drawing at each width, text inside its boxes, dark palette
# -----------------------------------------------------------------------------

MEASURE = """
figure => {
  const svg = [...figure.querySelectorAll('svg')].find(s => getComputedStyle(s).display !== 'none');
  const view = svg.viewBox.baseVal;
  const inside = (b, r) => b.x >= r.x - 1 && b.y >= r.y - 1 &&
      b.x + b.width <= r.x + r.width + 1 && b.y + b.height <= r.y + r.height + 1;
  const problems = [];
  let box = null;  // the box whose texts follow it (see flow.draw_box)
  for (const el of svg.children) {
    const cls = el.getAttribute('class') || '';
    if (el.tagName === 'rect' && cls.startsWith('dg-box') && !cls.includes('behind')) box = el.getBBox();
    if (el.tagName !== 'text') continue;
    const b = el.getBBox();
    if (!inside(b, view)) problems.push('outside the picture: ' + el.textContent);
    if (box && /dg-(label|note)/.test(cls) && !inside(b, box)) problems.push('outside its box: ' + el.textContent);
  }
  const label = svg.querySelector('.dg-label') || svg.querySelector('text');
  return {variant: svg.getAttribute('class'), scale: svg.getBoundingClientRect().width / view.width,
          problems, fill: getComputedStyle(label).fill, fontSize: parseFloat(getComputedStyle(label).fontSize)};
}
"""

PAGES = {"training-stages": "terms/pre-training/", "cot-vs-direct": "terms/cot/", "rag-flow": "terms/rag/",
         "ppo-vs-grpo": "terms/ppo/", "moe-router": "terms/moe/", "temperature": "terms/temperature/",
         "overfitting-curves": "terms/overfitting/", "deepseek-versions": "compare/deepseek-versions/",
         "context-window": "terms/context-window/"}


@pytest.mark.browser
@pytest.mark.parametrize("width,variant", [(1280, "wide"), (375, "narrow")])
def test_diagrams_in_the_browser_fit_their_boxes_at_desktop_and_phone_width(browser, base_url, width, variant):
    fills = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        for diagram_id, url in PAGES.items():
            for prefix in ("", "en/"):
                page.goto(base_url + prefix + url)
                result = page.locator(f'figure[data-diagram="{diagram_id}"]').first.evaluate(MEASURE)
                assert result["variant"].endswith(variant), (diagram_id, result["variant"])
                assert result["problems"] == [], (diagram_id, prefix, scheme, result["problems"])
                # Labels are never drawn smaller than 11 CSS pixels, not even on a phone.
                assert result["fontSize"] * result["scale"] >= 11, (diagram_id, result)
                fills[scheme] = result["fill"]
        context.close()
    assert fills["light"] != fills["dark"], "labels keep one colour in the dark palette"


# -----------------------------------------------------------------------------
# Wrapping, for any text
# -----------------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = st.sampled_from(["模型", "检索", "，", "。", "（", "）", "RAG", "token", "fine-tuning", "3", "×",
                          "=", "128K", "the", "knowledge", "base", " ", "：", "“", "”", "≈", "GB"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40), st.floats(min_value=60, max_value=400))
def test_wrapping_keeps_every_character_and_fits_where_it_can(words, width):
    text = "".join(words).strip() or "x"
    lines = wrap(text, width, 14)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert text_width(line, 14) <= width + 0.01


def test_a_word_too_long_for_its_box_is_named_not_cut():
    """'DeepSeekMa' / 'th' on a phone: the build says which word and where, instead of cutting it."""
    long_word = SIMPLE_FLOW.replace("      en: Answer\n", "      en: Answer (Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch)\n")
    [problem] = [str(p) for p in read_library({"_diagrams/sample.yml": long_word}).problems]
    assert problem.startswith("_diagrams/sample.yml:14 (field 'label'): “(Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch)”")
    assert "too long for its box" in problem and "Shorten the label" in problem
    assert read_library({"_diagrams/sample.yml": SIMPLE_FLOW}).problems == []


def test_no_word_of_the_site_s_diagrams_is_cut(library):
    """Between two Latin letters a line may only break where the source has a space: lines
    that join up without one into the source's text are a word cut in two."""
    cuts = []
    for diagram in library.diagrams.values():
        for lang in ("zh", "en"):
            sources = [" ".join(text[lang].split()) for _, text in texts(diagram)]
            for variant in ("wide", "narrow"):
                for text in parse(render_svg(diagram, lang, "u", variant)).iter(f"{SVG}text"):
                    lines = [t.text or "" for t in text.iter(f"{SVG}tspan")]
                    for before, after in zip(lines, lines[1:]):
                        if re.fullmatch(r"[A-Za-z0-9]", before[-1:]) and re.fullmatch(r"[A-Za-z0-9]", after[:1]) \
                                and any(before + after in source for source in sources):
                            cuts.append((diagram.id, lang, variant, before, after))
    assert cuts == []
