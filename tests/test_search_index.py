"""Unit tests of the search index shaping (hooks/search/index.py) and of the reader-query
worker's wiring (hooks/search/reader_worker.py)."""

from __future__ import annotations

import re

from mkdocs.utils.yaml import yaml_load

from conftest import ROOT
import pytest

from search.index import fold_term_pages, name_words, split_by_language
from search.reader_worker import point_at_reader_worker, worker_name, worker_source
from search.worker_patch import fix_query_segmenter

# The site's own word separator, as the built index carries it.
with open(ROOT / "mkdocs.yml", encoding="utf-8") as config:
    SEPARATOR = next(plugin["search"] for plugin in yaml_load(config)["plugins"]
                     if isinstance(plugin, dict) and "search" in plugin)["separator"]


def entry(location: str, title: str, text: str, **extra) -> dict:
    return {"location": location, "title": title, "text": text, **extra}


MERGED = [
    entry("", "首页", "<p>欢迎</p>"),
    entry("#学习路线", "学习路线", "<p>按顺序读</p>"),
    entry("terms/rag/", "检索增强生成（RAG）", "<p>先查资料</p>", boost=4),
    entry("terms/rag/#白话解释", "白话解释", "<p>模型先去知识库</p>", boost=4),
    entry("terms/rag/#自测", "自测", "问题 <p>答案</p>", boost=4),
    entry("en/", "Home", "<p>Welcome</p>"),
    entry("en/terms/rag/", "Retrieval-augmented generation (RAG)", "<p>Look it up first</p>", boost=4),
    entry("en/terms/rag/#in-plain-words", "In plain words", "<p>The model checks a knowledge base</p>", boost=4),
]
NAMES = {"terms/rag/": ["RAG", "检索增强生成"], "en/terms/rag/": ["RAG", "retrieval-augmented generation"]}


def test_a_term_page_becomes_one_entry_with_every_section_in_order():
    folded = fold_term_pages(MERGED, NAMES, SEPARATOR)
    rag = next(e for e in folded if e["location"] == "terms/rag/")
    assert rag["text"] == ("<p>先查资料</p> <p>白话解释</p> <p>模型先去知识库</p> "
                           "<p>自测</p> 问题 <p>答案</p>")
    assert rag["title"] == "检索增强生成（RAG）" and rag["boost"] == 4
    assert [e["location"] for e in folded] == ["", "#学习路线", "terms/rag/", "en/", "en/terms/rag/"]


def test_pages_that_are_not_term_pages_keep_their_sections():
    folded = fold_term_pages(MERGED, NAMES, SEPARATOR)
    assert folded[:2] == MERGED[:2]
    assert "tags" not in folded[0]


def test_folding_leaves_the_input_alone():
    before = [dict(e) for e in MERGED]
    fold_term_pages(MERGED, NAMES, SEPARATOR)
    assert MERGED == before


def test_a_term_entry_is_tagged_with_the_words_of_its_names():
    folded = fold_term_pages(MERGED, NAMES, SEPARATOR)
    tags = {e["location"]: e["tags"] for e in folded if "tags" in e}
    assert tags["en/terms/rag/"] == ["RAG", "retrieval", "augmented", "generation"]
    assert tags["terms/rag/"][0] == "RAG" and "增强" in tags["terms/rag/"]


def test_a_term_entry_carries_its_names_whole_for_the_reader_query_worker():
    folded = fold_term_pages(MERGED, NAMES, SEPARATOR)
    names = {e["location"]: e["names"] for e in folded if "names" in e}
    assert names == {"terms/rag/": ["RAG", "检索增强生成"], "en/terms/rag/": ["RAG", "retrieval-augmented generation"]}


def test_a_word_shared_by_several_names_is_tagged_once():
    words = name_words(["SFT", "监督式微调", "监督微调", "有监督微调", "Supervised Fine-Tuning", "supervised fine-tuning"],
                       SEPARATOR)
    assert words.count("微调") == 1
    assert [w.casefold() for w in words].count("supervised") == 1
    assert words[0] == "SFT" and "Supervised" in words  # the first spelling is kept


def test_chinese_names_are_split_into_words_so_a_part_finds_the_whole():
    assert name_words(["采样温度"], SEPARATOR) == ["采样", "温度"]
    assert set(name_words(["AI 幻觉", "大模型幻觉"], SEPARATOR)) >= {"AI", "幻觉"}


def test_full_width_brackets_and_camel_case_split_names_like_the_index_does():
    assert name_words(["检索增强生成（RAG）"], SEPARATOR)[-1] == "RAG"
    assert name_words(["DeepSeek-R1"], SEPARATOR) == ["Deep", "Seek", "R1"]


def test_the_index_is_split_by_language_with_english_locations_made_relative():
    indexes = split_by_language({"config": {"lang": ["en", "zh"], "separator": SEPARATOR}, "docs": MERGED},
                                ("zh", "en"), "zh")
    assert [e["location"] for e in indexes["en"]["docs"]] == ["", "terms/rag/", "terms/rag/#in-plain-words"]
    assert [e["location"] for e in indexes["zh"]["docs"]][:3] == ["", "#学习路线", "terms/rag/"]
    assert indexes["en"]["config"]["lang"] == ["en"] and indexes["zh"]["config"]["lang"] == ["en", "zh"]
    assert "Home" not in [e["title"] for e in indexes["zh"]["docs"]]


def test_the_query_segmenter_fix_applies_once_and_only_to_the_known_code():
    worker = "a;for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);b"
    fixed = fix_query_segmenter(worker)
    assert fixed is not None and "o<=t.length" in fixed and re.search(r"o<t\.length", fixed) is None
    assert fix_query_segmenter(fixed) == fixed  # already fixed: unchanged
    assert fix_query_segmenter("some other worker") is None


def test_the_reader_worker_loads_materials_worker_beside_it():
    source = worker_source("search.a7633da7.min.js")
    assert source.count('importScripts("search.a7633da7.min.js")') == 1
    assert "__MATERIAL_WORKER__" not in source


def test_the_reader_worker_is_named_for_its_code():
    name = worker_name("search.a7633da7.min.js")
    assert re.fullmatch(r"search-reader\.[0-9a-f]{8}\.js", name)
    assert worker_name("search.a7633da7.min.js") == name  # the same build, the same name
    assert worker_name("search.0000aaaa.min.js") != name  # another Material, another name
    assert worker_name("search.a7633da7.min.js", 'importScripts("__MATERIAL_WORKER__") // v2') != name


def test_a_worker_source_without_its_one_placeholder_is_refused():
    with pytest.raises(ValueError, match="exactly once"):
        worker_source("search.a7633da7.min.js", "importScripts('search.min.js')")


def test_pages_point_at_the_reader_worker_in_materials_folder():
    app = {"base": "../..", "search": "../../assets/javascripts/workers/search.a7633da7.min.js", "tags": None}
    pointed = point_at_reader_worker(app)
    assert pointed["search"] == "../../assets/javascripts/workers/" + worker_name("search.a7633da7.min.js")
    assert {k: v for k, v in pointed.items() if k != "search"} == {"base": "../..", "tags": None}
    assert app["search"].endswith("search.a7633da7.min.js")  # the page's own config is left alone
