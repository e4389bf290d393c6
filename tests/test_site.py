"""The built site, read as HTML: languages, switcher, navigation, callouts, offline-safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import copy_project, html_pages, mkdocs_build, page_url

LANGS = {"zh": "", "en": "en/"}


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def zh_urls(site: Path) -> list[str]:
    return [page_url(site, p) for p in html_pages(site) if not page_url(site, p).startswith("en/")]


def test_every_page_exists_in_both_languages_with_the_same_slug(site_dir):
    zh = set(zh_urls(site_dir))
    en = {page_url(site_dir, p)[3:] for p in html_pages(site_dir) if page_url(site_dir, p).startswith("en/")}
    assert zh == en and len(zh) > 5


@pytest.mark.parametrize("lang,prefix,site_name,search_word", [
    ("zh", "", "大模型术语破冰", "搜索"), ("en", "en/", "LLM Terms Icebreaker", "Search")])
def test_language_of_page_and_interface(site_dir, lang, prefix, site_name, search_word):
    for url in zh_urls(site_dir):
        html = read(site_dir, prefix + url)
        assert f'<html lang="{lang}"' in html, url
        assert site_name in html and f'placeholder="{search_word}"' in html, url


def test_switcher_and_hreflang_point_to_the_same_page_in_the_other_language(site_dir):
    for url in zh_urls(site_dir):
        zh, en = read(site_dir, url), read(site_dir, "en/" + url)
        depth = url.count("/")
        up = "../" * depth
        zh_switch = re.findall(r'<a href="([^"]*)" hreflang="en" lang="en" class="md-select__link"', zh)
        en_switch = re.findall(r'<a href="([^"]*)" hreflang="zh" lang="zh" class="md-select__link"', en)
        assert zh_switch == [f"{up}en/{url}" if url else "en/"], url
        assert en_switch == [f"../{up}{url}" if url else ".."], url
        assert re.search(r'<link rel="alternate" href="[^"]*" hreflang="en">', zh), url
        assert re.search(r'<link rel="alternate" href="[^"]*" hreflang="zh">', en), url


def test_no_resource_is_loaded_from_another_host(site_dir):
    """Stylesheets, scripts, images, fonts, iframes: all local (links to papers are fine)."""
    resource = re.compile(r'<(?:link|script|img|iframe|source|embed)\b[^>]*?(?:href|src)="((?:https?:)?//[^"]*)"')
    for page in html_pages(site_dir):
        html = page.read_text(encoding="utf-8")
        assert resource.findall(html) == [], page
        assert "fonts.googleapis" not in html and "unpkg.com" not in html, page
    for css in site_dir.rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", css.read_text(encoding="utf-8")), css


def test_callouts_have_their_default_titles_in_each_language(site_dir):
    zh, en = read(site_dir, "terms/sft/"), read(site_dir, "en/terms/sft/")
    assert '<div class="admonition analogy">\n<p class="admonition-title">打个比方</p>' in zh
    assert '<div class="admonition customer">\n<p class="admonition-title">一句话讲给客户</p>' in zh
    assert '<div class="admonition analogy">\n<p class="admonition-title">Think of it like this</p>' in en
    assert '<div class="admonition customer">\n<p class="admonition-title">Say it to a customer</p>' in en


def test_navigation_is_grouped_by_category_in_the_page_language(site_dir):
    zh, en = read(site_dir, ""), read(site_dir, "en/")
    for title in ("训练方法", "用好模型", "对比"):
        assert title in zh
    for title in ("Training methods", "Using a model", "Comparisons"):
        assert title in en


def test_term_page_does_not_carry_the_whole_glossary_in_its_navigation(site_dir):
    """navigation.prune: a term page's navigation lists its own section, not every term."""
    html = read(site_dir, "terms/sft/")
    start = html.index('<nav class="md-nav md-nav--primary"')
    nav = html[start:html.index('md-sidebar--secondary', start)]
    linked = {name for name in re.findall(r'href="\.\./([a-z0-9-]+)/"', nav)}
    assert {"pre-training", "rl", "grpo"} <= linked  # SFT's own section: training methods
    # Other sections are collapsed to one link (their first page): the rest is pruned.
    assert not linked & {"temperature", "quantization", "mcp", "reranker", "kv-cache", "cot"}


@pytest.mark.parametrize("page_name,addition,names", [
    ("sft.md", "\n见[不存在的页面](nowhere.md)。\n", ("terms/sft.md", "nowhere.md")),
    ("rag.en.md", "\nSee [the table](sft.md#no-such-section).\n", ("terms/rag.en.md", "no-such-section")),
])
def test_a_broken_link_or_anchor_fails_the_build_and_names_the_file(tmp_path, page_name, addition, names):
    project = copy_project(tmp_path)
    page = project / "docs" / "terms" / page_name
    page.write_text(page.read_text(encoding="utf-8") + addition, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert all(name in output for name in names), output[-2000:]
    assert "Traceback" not in output
