"""Unit tests of the page-weight transform: blank runs between tags collapse, nothing else moves."""

from __future__ import annotations

from weight.whitespace import collapse_blank_runs


def test_blank_runs_between_tags_become_one_break_or_space():
    assert collapse_blank_runs("<ul>\n      <li>a</li>\n    \n  <li>b</li></ul>") == "<ul>\n<li>a</li>\n<li>b</li></ul>"
    assert collapse_blank_runs("<b>a</b>   <i>b</i>") == "<b>a</b> <i>b</i>"


def test_text_and_its_spaces_are_untouched():
    html = "<p>两个  空格 and  two   spaces</p>\n<p> lead</p>"
    assert collapse_blank_runs(html) == html


def test_pre_textarea_and_script_keep_every_character():
    html = "<pre><code>a\n    <span>b</span>\n  </code></pre>\n  <script>\n  if (a <b) {}\n  </script>\n   <textarea>\n  x </textarea>"
    out = collapse_blank_runs(html)
    assert "<pre><code>a\n    <span>b</span>\n  </code></pre>" in out
    assert "<script>\n  if (a <b) {}\n  </script>" in out and "<textarea>\n  x </textarea>" in out
    assert "</pre>\n<script>" in out
