"""Unit and property tests of the pure term matcher (hooks/glossary/matcher.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from core.html import visible_text
from glossary.matcher import TermMatcher, is_case_sensitive, link_mentions

NAMES = {
    "RL": "rl", "强化学习": "rl",
    "RLHF": "alignment",
    "SFT": "sft", "监督式微调": "sft",
    "微调": "fine-tuning", "fine-tuning": "fine-tuning",
    "RAG": "rag", "检索增强生成": "rag",
    "思维链": "cot", "chain of thought": "cot", "CoT": "cot",
    "MoE": "moe", "temperature": "temperature", "温度": "temperature",
}
MATCHER = TermMatcher(NAMES)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.key) for m in MATCHER.find(text)]


def link(html: str, **kwargs) -> tuple[str, list[str]]:
    return link_mentions(html, MATCHER, lambda key, text: f'<a data-k="{key}">{text}</a>', **kwargs)


# -- plain-text matching -------------------------------------------------------

def test_chinese_terms_match_inside_chinese_text():
    assert found("使用思维链很重要") == [("思维链", "cot")]
    assert found("使用RAG技术") == [("RAG", "rag")]


def test_longest_alias_wins():
    assert found("先做监督式微调再说") == [("监督式微调", "sft")]
    assert found("再微调一下") == [("微调", "fine-tuning")]


def test_ascii_terms_never_match_inside_longer_ascii_words():
    assert found("the URL and RLHF and SFTP") == [("RLHF", "alignment")]
    assert found("RL2 or XRL or RL_x") == [("RL", "rl")]  # '_' is not an ASCII letter or digit
    assert found("RL, then RL.") == [("RL", "rl"), ("RL", "rl")]


def test_acronyms_are_case_sensitive_and_words_are_not():
    assert found("rag is a cloth; moe too") == []
    assert found("Temperature and TEMPERATURE") == [("Temperature", "temperature"),
                                                    ("TEMPERATURE", "temperature")]
    assert found("A Chain of Thought prompt") == [("Chain of Thought", "cot")]
    assert is_case_sensitive("MoE") and is_case_sensitive("RAG") and is_case_sensitive("DeepSeek")
    assert not is_case_sensitive("Token") and not is_case_sensitive("chain of thought")


def test_empty_matcher_and_empty_text():
    assert TermMatcher({}).find("RAG") == []
    assert MATCHER.find("") == []


# -- HTML linking ----------------------------------------------------------------

def test_links_first_mention_per_section_only():
    html = "<p>RAG and RAG</p><h2>Two</h2><p>RAG again</p>"
    out, linked = link(html)
    assert out.count('data-k="rag"') == 2
    assert linked == ["rag"]


def test_never_links_inside_code_links_headings_or_attributes():
    html = ('<h2 id="rag">RAG</h2><p title="RAG"><code>RAG</code> <a href="#">RAG</a> '
            '<kbd>RAG</kbd> <abbr>RAG</abbr></p><pre><code>RAG</code></pre>'
            '<script>var s = "<b>RAG</b>";</script><style>.RAG{}</style>'
            '<p class="admonition-title">RAG</p>')
    out, linked = link(html)
    assert out == html and linked == []


def test_text_after_script_and_style_is_linked_again():
    out, linked = link('<script>if (a < b) { x = "<p>RAG</p>"; }</script><style>p{}</style><p>RAG</p>')
    assert out.endswith('<p><a data-k="rag">RAG</a></p>') and linked == ["rag"]


def test_a_related_terms_line_links_every_term_even_when_mentioned_above():
    html = '<p>RAG and SFT</p><p class="glossary-related">Related: RAG, SFT, MoE</p>'
    out, _ = link(html)
    related = out[out.index("glossary-related"):]
    assert all(f'data-k="{key}"' in related for key in ("rag", "sft", "moe"))
    assert out.count('data-k="rag"') == 2


def test_a_glossary_entry_never_links_to_itself():
    html = ('<dl><dt><a data-glossary-self="rag" href="r">RAG</a></dt><dd>RAG uses SFT</dd>'
            '<dt><a data-glossary-self="sft" href="s">SFT</a></dt><dd>SFT, not RAG</dd></dl>')
    out, _ = link(html)
    first, second = out.split('data-glossary-self="sft"')
    assert 'data-k="rag"' not in first and 'data-k="sft"' in first
    assert 'data-k="sft"' not in second and 'data-k="rag"' in second  # another entry may link it


def test_page_own_term_is_not_linked():
    out, linked = link("<p>RAG and SFT</p>", exclude=["rag"])
    assert 'data-k="rag"' not in out and linked == ["sft"]


def test_nested_skipped_elements_keep_skipping_until_the_outer_one_closes():
    html = "<pre><code><span>RAG</span></code>RAG</pre><p>RAG</p>"
    out, _ = link(html)
    assert out.count("data-k") == 1 and out.endswith('<p><a data-k="rag">RAG</a></p>')


def test_character_references_are_left_whole():
    out, _ = link("<p>&amp;RAG&lt; &#82;AG</p>")
    assert "&amp;" in out and "&lt;" in out and "&#82;AG" in out


# -- nothing lost: property tests over generated Markdown-like HTML ----------------

WORDS = st.sampled_from([
    "RAG", "RL", "URL", "RLHF", "SFT", "SFTP", "思维链", "监督式微调", "微调", "很重要", "模型",
    "temperature", "Chain of Thought", "MoE", "moe", " ", "，", "。", "&amp;", "&lt;", "a", "42",
])
TEXT = st.lists(WORDS, max_size=8).map("".join)


@st.composite
def fragments(draw):
    text = draw(TEXT)
    kind = draw(st.sampled_from([
        "p", "code", "pre", "a", "h2", "h3", "li", "td", "em", "attr", "script", "comment", "table",
    ]))
    if kind == "attr":
        return f'<span title="{text}" data-x=\'{text}\'>{draw(TEXT)}</span>'
    if kind == "script":
        return f"<script>if (a < b) {{ x = '{text}'; }}</script>"
    if kind == "comment":
        return f"<!-- {text} -->"
    if kind == "a":
        return f'<a href="../{text}/">{text}</a>'
    if kind == "pre":
        return f"<pre><code>{text}</code></pre>"
    if kind == "table":
        return f"<table><tr><th>{text}</th><td>{draw(TEXT)}</td></tr></table>"
    return f"<{kind}>{text}</{kind}>"


@settings(max_examples=300, deadline=None)
@given(st.lists(fragments(), max_size=12).map("".join))
def test_visible_text_is_unchanged_and_only_links_are_added(html):
    out, _ = link(html)
    assert visible_text(out) == visible_text(html)
    # Removing the added links gives back the input exactly.
    assert re.sub(r'<a data-k="[^"]*">(.*?)</a>', r"\1", out) == html


@settings(max_examples=300, deadline=None)
@given(st.lists(fragments(), max_size=12).map("".join))
def test_no_link_inside_protected_elements(html):
    out, _ = link(html)
    for tag in ("code", "pre", "h2", "h3", "script"):
        for inner in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", out, flags=re.S):
            assert "data-k" not in inner
    for attr in re.findall(r'title="([^"]*)"', out):
        assert "<a" not in attr


# -- the same over generated Markdown, rendered as the site renders it ---------------

@st.composite
def markdown_blocks(draw):
    text = draw(TEXT).strip() or "模型"
    kind = draw(st.sampled_from(["para", "code span", "fence", "link", "heading", "table", "html", "list"]))
    if kind == "code span":
        return f"前 `{text}` 后 {draw(TEXT)}"
    if kind == "fence":
        return f"```\n{text}\n```"
    if kind == "link":
        return f"[{text}](https://example.invalid/{draw(st.integers(0, 9))}) 和 {draw(TEXT)}"
    if kind == "heading":
        return f"{'#' * draw(st.integers(1, 3))} {text}"
    if kind == "table":
        return f"| {text} | b |\n| --- | --- |\n| {draw(TEXT) or 'x'} | `{text}` |"
    if kind == "html":
        return f'<div title="{text}" markdown>\n\n{draw(TEXT) or "x"}\n\n</div>'
    if kind == "list":
        return f"- {text}\n- {draw(TEXT) or 'y'}"
    return text


@settings(max_examples=200, deadline=None)
@given(st.lists(markdown_blocks(), min_size=1, max_size=8).map("\n\n".join))
def test_markdown_pages_keep_their_visible_text(markdown_text):
    import markdown
    html = markdown.markdown(markdown_text, extensions=["tables", "fenced_code", "toc", "md_in_html"])
    out, _ = link(html)
    assert visible_text(out) == visible_text(html)
    assert re.sub(r'<a data-k="[^"]*">(.*?)</a>', r"\1", out) == html


def test_walk_text_reads_only_ascii_letters_as_tag_names_and_script_x_as_a_tag():
    from core.html import walk_text
    upper = str.upper
    # "<\u212abd>" (a Kelvin sign, not a K) is no kbd element: its text is prose
    assert walk_text("<\u212abd>x</kbd> y", upper, skipped=frozenset({"kbd"})) == "<\u212abd>X</kbd> Y"
    assert walk_text("<\u017fpan>x</span>", upper, skipped=frozenset({"span"})) == "<\u017fpan>X</span>"
    opened = []
    html = "<script-x>a</script> b"
    assert walk_text(html, upper, skipped=frozenset({"script-x"}),
                     on_open_tag=lambda name, tag: opened.append(name)) == html
    assert opened == ["script-x"]
