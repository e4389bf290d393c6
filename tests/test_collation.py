"""Dictionary order: pinyin for the Chinese glossary and handout, alphabetical for English."""

from __future__ import annotations

from glossary.collation import sort_key


def ordered(lang, words):
    return sorted(words, key=lambda w: sort_key(lang, w))


def test_chinese_sorts_by_pinyin_not_by_code_point():
    words = ["智能体", "一体机", "算力", "检索增强生成（RAG）", "词元", "大语言模型（LLM）"]
    assert ordered("zh", words) == ["词元", "大语言模型（LLM）", "检索增强生成（RAG）", "算力", "一体机", "智能体"]


def test_latin_names_sort_by_their_letters_among_the_pinyin():
    assert ordered("zh", ["模型即服务（MaaS）", "LoRA", "蒸馏版", "AIGC"]) == ["AIGC", "LoRA", "模型即服务（MaaS）", "蒸馏版"]


def test_field_words_are_read_right():
    # 长 cháng (not zhǎng), 重 chóng (not zhòng), 调 tiáo (not diào)
    assert sort_key("zh", "长上下文")[0][0] == "chang2"
    assert sort_key("zh", "重排序")[0][0] == "chong2"
    assert sort_key("zh", "监督式微调")[0][-1] == "tiao2"
    assert ordered("zh", ["重排序", "长上下文"]) == ["长上下文", "重排序"]


def test_english_is_alphabetical_ignoring_case():
    assert ordered("en", ["token", "AGI", "Benchmarks", "agent"]) == ["agent", "AGI", "Benchmarks", "token"]


def test_the_built_glossary_and_handout_follow_the_order(site_dir):
    import html as html_module
    import re
    for lang, prefix in (("zh", ""), ("en", "en/")):
        glossary = (site_dir / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
        for section in re.split(r"<h2 ", glossary)[1:]:
            titles = [html_module.unescape(t) for t in re.findall(r"<dt><a [^>]*>([^<]+)</a>", section)]
            assert titles == ordered(lang, titles)
        handout = (site_dir / prefix / "handout" / "index.html").read_text(encoding="utf-8")
        appendix = handout[handout.index('id="handout-glossary"'):]
        titles = [html_module.unescape(t) for t in re.findall(r"<dt>([^<]+)</dt>", appendix)]
        assert len(titles) > 50 and titles == ordered(lang, titles)
