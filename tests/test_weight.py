"""Unit tests of the page-weight transform: blank runs between tags collapse, nothing else moves."""

from __future__ import annotations

from weight.whitespace import collapse_blank_runs


def test_blank_runs_between_tags_become_one_break_or_space():
    assert collapse_blank_runs("<ul>\n      <li>a</li>\n    \n  <li>b</li></ul>") == "<ul>\n<li>a</li>\n<li>b</li></ul>"
    assert collapse_blank_runs("<b>a</b>   <i>b</i>") == "<b>a</b> <i>b</i>"
    # the break anywhere in the run; runs side by side each judged on their own
    assert collapse_blank_runs("<p>x</p> \t\r\n\f <p>y</p>\t<b>z</b>\f\n<i>w</i>") == \
        "<p>x</p>\n<p>y</p> <b>z</b>\n<i>w</i>"


def test_text_and_its_spaces_are_untouched():
    html = "<p>两个  空格 and  two   spaces</p>\n<p> lead</p>"
    assert collapse_blank_runs(html) == html


def test_pre_textarea_and_script_keep_every_character():
    html = "<pre><code>a\n    <span>b</span>\n  </code></pre>\n  <script>\n  if (a <b) {}\n  </script>\n   <textarea>\n  x </textarea>"
    out = collapse_blank_runs(html)
    assert "<pre><code>a\n    <span>b</span>\n  </code></pre>" in out
    assert "<script>\n  if (a <b) {}\n  </script>" in out and "<textarea>\n  x </textarea>" in out
    assert "</pre>\n<script>" in out


def test_only_our_own_scripts_and_stylesheets_are_minified():
    from weight.assets import is_ours
    assert is_ours("assets/javascripts/term-preview.js") and is_ours("assets/stylesheets/extra.css")
    assert is_ours("assets/javascripts/workers/search-reader.1ec81c47.js")
    assert not is_ours("assets/javascripts/bundle.a5f9d56c.min.js")
    assert not is_ours("assets/javascripts/lunr/tinyseg.js")
    assert not is_ours("en/terms/rag/index.html")


def test_minifying_keeps_code_and_drops_comments_only():
    from weight.assets import minified
    css = "/* why */\n.term-preview {\n  font-size: 16px;\n}\n"
    js = "// why\nfunction show(card) {\n  card.hidden = false; /* open */\n  return /a+b/.test('a b');\n}\n"
    assert minified("x.css", css) == ".term-preview{font-size:16px}"
    assert minified("x.js", js) == "function show(card){card.hidden=false;return/a+b/.test('a b');}"
    assert minified("x.js", minified("x.js", js)) == minified("x.js", js)
