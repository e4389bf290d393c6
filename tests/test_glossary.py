"""The glossary engine on the real build: links, preview templates, generated pages, bad content.

The preview cards in a real browser: tests/test_preview.py."""

from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

import pytest

from conftest import article, copy_project, mkdocs_build
from core.html import visible_text
TERM_LINK = re.compile(r'<a class="glossary-term" href="([^"]*)" data-term="([^"]*)" aria-describedby="([^"]*)">')
TEMPLATE = re.compile(r'<p id="(term-preview-[^"]+)" data-name="([^"]*)" data-level="([^"]*)">(.*?)</p>', re.S)


def sections(html: str) -> list[str]:
    return re.split(r"<h2[ >]", html)


# -- links and preview templates in the built HTML--------------------------------------------

@pytest.mark.parametrize("prefix,lang", [("", "zh"), ("en/", "en")])
def test_mentions_link_to_the_term_page_and_describe_it_with_its_preview_template(site_dir, prefix, lang, registry):
    html = article(site_dir, prefix + "terms/grpo/")
    links = TERM_LINK.findall(html)
    assert links, "no glossary link on the GRPO page"
    templates = {tid: (name, level, text) for tid, name, level, text in TEMPLATE.findall(html)}
    assert len(templates) == len(TEMPLATE.findall(html)), "a term's template written twice"
    for href, term_id, described_by in links:
        term = registry.terms[lang][term_id]
        assert href == f"../{term_id}/"
        name, level, text = templates[described_by]
        assert name == escape(term.display_title)
        assert re.sub(r"</?span[^>]*>", "", text) == escape(term.summary, quote=False)
    assert {d for _, _, d in links} == set(templates), "a template for a term the page does not link"
    # Material would show a title as its own tooltip (and read it as HTML): mentions have none.
    assert not re.search(r'<a class="glossary-term"[^>]*\stitle=', html)


@pytest.mark.parametrize("prefix,lang", [("", "zh"), ("en/", "en")])
def test_only_the_first_mention_per_section_and_never_the_page_own_term(site_dir, prefix, lang, registry):
    for term in registry.terms[lang].values():
        html = article(site_dir, f"{prefix}terms/{term.id}/")
        assert f'data-term="{term.id}"' not in html, f"{term.id} links to itself"
        for section in sections(html):
            ids = re.findall(r'class="glossary-term"[^>]*data-term="([^"]+)"', section)
            assert len(ids) == len(set(ids)), f"{term.id}: a term linked twice in one section"


def test_home_and_other_pages_get_links_too(site_dir):
    for url in ("", "en/", "compare/ppo-vs-grpo/", "en/compare/dense-vs-moe/"):
        assert 'class="glossary-term"' in article(site_dir, url), url


def test_chinese_mentions_inside_chinese_text_are_linked(site_dir):
    html = article(site_dir, "terms/sft/")
    assert re.search(r'[\u4e00-\u9fff]<a class="glossary-term"[^>]*data-term="pre-training"[^>]*>预训练</a>', html)


def test_no_link_inside_code_headings_or_other_links(site_dir):
    for page in site_dir.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for tag in ("h1", "h2", "h3", "code", "pre", "summary"):
            for inner in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, flags=re.S):
                assert "glossary-term" not in inner, f"{page}: link inside <{tag}>"
        for inner in re.findall(r"<a\b[^>]*>(.*?)</a>", html, flags=re.S):
            assert "<a " not in inner, f"{page}: nested link"


def test_visible_text_is_the_same_with_and_without_the_links(site_dir):
    """Nothing lost: only markup is added."""
    for page in (site_dir / "terms").rglob("index.html"):
        html = article(site_dir, page.parent.relative_to(site_dir).as_posix())
        unlinked = TERM_LINK.sub("<a>", html)
        assert visible_text(unlinked) == visible_text(html)
        assert "glossary-term" in html


# -- generated pages ---------------------------------------------------------------

@pytest.mark.parametrize("prefix,lang", [("", "zh"), ("en/", "en")])
def test_glossary_index_lists_every_term_with_summary_and_aliases_by_category(site_dir, prefix, lang, registry):
    html = article(site_dir, prefix + "glossary/")
    text = re.sub(r"</?(?:span|a)\b[^>]*>", "", html)  # Chinese names on English pages sit in lang spans
    for term in registry.terms[lang].values():
        assert f'href="../terms/{term.id}/"' in html, term.id
        assert escape(term.summary, quote=False)[:20] in text, term.id
        for alias in term.aliases:
            assert escape(alias, quote=False) in text, (term.id, alias)
    assert 'class="glossary-jump"' in html and 'id="training"' in html and 'id="models"' in html


@pytest.mark.parametrize("prefix,lang,related,used_on", [
    ("", "zh", "相关术语", "哪些页面提到它"), ("en/", "en", "Related terms", "Where this term is used")])
def test_term_pages_show_related_terms_and_where_they_are_used(site_dir, prefix, lang, related, used_on, registry):
    rag = registry.terms[lang]["rag"]
    html = article(site_dir, prefix + "terms/rag/")
    assert re.search(r'<h2[^>]*id="related"', html) and related in html and used_on in html
    related_part = html[html.index('id="related"'):html.index('id="used-on"')]
    for term_id in rag.related:
        assert f'href="../{term_id}/"' in related_part
        assert registry.terms[lang][term_id].summary in visible_text(related_part)
    used_part = html[html.index('id="used-on"'):]
    assert 'href="../vector-database/"' in used_part  # the vector database page mentions RAG


# -- bad content fails the build with a plain message -----------------------------------

def break_and_build(tmp_path: Path, edits: dict[str, tuple[str, str] | None]) -> str:
    """Apply (old, new) replacements (None deletes the file); build; return the output."""
    project = copy_project(tmp_path)
    for name, edit in edits.items():
        path = project / "docs" / name
        if edit is None:
            path.unlink()
        else:
            text = path.read_text(encoding="utf-8")
            assert edit[0] in text, f"test setup: {edit[0]!r} not in {name}"
            path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build should have failed"
    assert "Traceback" not in output
    return output


# Each kind of bad content is a unit test in tests/test_registry.py; one build proves the
# wiring: every problem listed with its file, then one sentence, and no site.
def test_every_problem_is_reported_in_one_run(tmp_path):
    output = break_and_build(tmp_path, {
        "terms/sft.md": ("category: training", "category: sales"),
        "terms/rag.en.md": ("level: beginner\n", ""),
        "terms/moe.md": ("related: [", "related: [nothing-here, "),
    })
    assert "3 content problems found (listed above). Fix them and build again" in output
    for file in ("terms/sft.md", "terms/rag.en.md", "terms/moe.md"):
        assert f"docs/{file}" in output
