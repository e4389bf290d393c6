"""Unit tests of the term registry's validations (hooks/glossary/registry.py)."""

from __future__ import annotations

from glossary.registry import SUMMARY_LIMITS, build_registry, content_hash, language_of

GOOD_ZH = """---
term: RAG
title: 检索增强生成
aliases: [检索增强]
summary: 先查资料、再作答。
category: using
level: beginner
checked: 2026-12
related: [sft]
---

正文
"""
GOOD_EN = """---
term: RAG
title: Retrieval-augmented generation
summary: Look it up, then answer.
category: using
level: beginner
checked: 2026-12
related: [sft]
---

Body
"""
SFT_ZH = GOOD_ZH.replace("term: RAG", "term: SFT").replace("title: 检索增强生成", "title: 监督式微调") \
    .replace("aliases: [检索增强]", "aliases: []").replace("related: [sft]", "related: []")
SFT_EN = GOOD_EN.replace("term: RAG", "term: SFT").replace("title: Retrieval-augmented generation",
                                                          "title: Supervised fine-tuning").replace("related: [sft]", "related: []")


def pages(**overrides) -> dict[str, str]:
    result = {"terms/rag.md": GOOD_ZH, "terms/rag.en.md": GOOD_EN,
              "terms/sft.md": SFT_ZH, "terms/sft.en.md": SFT_EN}
    result.update(overrides)
    return {path: text for path, text in result.items() if text is not None}


def errors(**overrides) -> list[str]:
    return [str(p) for p in build_registry(pages(**overrides)).errors]


def test_good_pages_give_terms_in_both_languages():
    registry = build_registry(pages())
    assert registry.errors == []
    assert registry.terms["zh"]["rag"].names == ("RAG", "检索增强生成", "检索增强")
    assert registry.terms["en"]["rag"].display_title == "Retrieval-augmented generation (RAG)"
    assert registry.terms["zh"]["rag"].display_title == "检索增强生成（RAG）"


def test_language_of_paths():
    assert language_of("terms/rag.en.md") == ("terms/rag.md", "en")
    assert language_of("terms/rag.md") == ("terms/rag.md", "zh")
    assert language_of("_snippets/x.zh.md") == ("_snippets/x.md", "zh")


def test_malformed_yaml_names_file_and_line():
    found = errors(**{"terms/rag.md": GOOD_ZH.replace("summary: 先查资料、再作答。", "summary: 先查: 再答: 好")})
    assert len(found) == 1
    assert found[0].startswith("terms/rag.md:5 (field 'front matter')") and "double quotes" in found[0]


def test_missing_required_field():
    found = errors(**{"terms/rag.md": GOOD_ZH.replace("level: beginner\n", "")})
    assert found == ["terms/rag.md:1 (field 'level'): the field 'level' is missing or empty; "
                     "every term page needs it."]


def test_unknown_category_and_level_list_the_allowed_values():
    found = errors(**{"terms/rag.md": GOOD_ZH.replace("category: using", "category: magic")
                      .replace("level: beginner", "level: expert")})
    assert any("'magic' is not a category. Use one of: basics, using, knowledge" in e for e in found)
    assert any("'expert' is not a level. Use one of: beginner, intermediate, insider" in e for e in found)


def test_unknown_related_id_suggests_the_closest():
    found = errors(**{"terms/rag.md": GOOD_ZH.replace("related: [sft]", "related: [sfft]")})
    assert found == ["terms/rag.md:9 (field 'related'): 'sfft' is not the id of any term page in this "
                     "language (an id is the file name without '.md'). Did you mean 'sft'?"]


def test_alias_claimed_by_two_terms():
    found = errors(**{"terms/sft.md": SFT_ZH.replace("aliases: []", "aliases: [检索增强]")})
    assert len(found) == 1 and "'检索增强' is already used by the term 'rag'" in found[0]
    assert found[0].startswith("terms/sft.md:4 (field 'aliases')")


def test_term_page_without_translation():
    found = errors(**{"terms/rag.en.md": None})
    assert any(e.startswith("terms/rag.md:1 (field 'translation')") and "terms/rag.en.md" in e
               for e in found)


def test_summary_too_long_for_a_tooltip():
    long_summary = "很" * (SUMMARY_LIMITS["zh"] + 1)
    found = errors(**{"terms/rag.md": GOOD_ZH.replace("先查资料、再作答。", long_summary)})
    assert len(found) == 1 and f"at most {SUMMARY_LIMITS['zh']}" in found[0]


def test_misspelled_field_is_reported_not_dropped():
    found = errors(**{"terms/rag.md": GOOD_ZH.replace("aliases:", "alias:")})
    assert found == ["terms/rag.md:4 (field 'alias'): 'alias' is not a known field, so it would be "
                     "ignored. Did you mean 'aliases'?"]


def test_all_problems_in_one_run():
    found = errors(**{"terms/rag.md": GOOD_ZH.replace("category: using", "category: x"),
                      "terms/sft.md": SFT_ZH.replace("level: beginner", "level: y")})
    assert len(found) == 2


def test_stale_translation_is_a_warning_with_the_hash_to_set():
    zh_hash = content_hash(GOOD_ZH)
    fresh = GOOD_EN.replace("---\nterm", f"---\nsource_hash: {zh_hash}\nterm", 1)
    registry = build_registry(pages(**{"terms/rag.en.md": fresh}))
    assert not [w for w in registry.warnings if w.path == "terms/rag.en.md"]
    stale = build_registry(pages(**{"terms/rag.en.md": fresh, "terms/rag.md": GOOD_ZH + "新的一段\n"}))
    warning = [w for w in stale.warnings if w.path == "terms/rag.en.md"]
    assert len(warning) == 1 and "has changed since this translation" in warning[0].message
    assert stale.errors == []
