"""safety/by_piece.py: reading a page piece by piece finds what reading it whole finds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from safety import by_piece
from safety.built_page import _Finder, _problems_found
from safety.hiding import _Hiding, _sentences_found
from safety.sanitize import _Inventory, _items

CHECKS = [(_Finder, _problems_found), (_Inventory, _items), (_Hiding, _sentences_found)]

# Each one has a piece html.parser cannot finish alone, or text holding "<": read whole.
TRICKY = [
    # The unquoted value's quote makes the regex's piece end inside <img>'s quoted alt: a
    # piece-by-piece reading that trusted it would miss the outside src.
    """<a b=x"y> <img alt='">' src=//evil.example/x.png>""",
    "<p>1 < 2 <img src=https://evil.example/x.png></p>",
    "<script>never closed <img src=https://evil.example/a.png>",
    "<style>p{color:red}</style><style>@import url(https://evil.example/a.css)",
    "<!-- a -- > <img src=https://evil.example/b.png> -->",
    "<script>var s = '</style>'; </script><img src=https://evil.example/c.png onerror=x()>",
    '<svg><rect fill="url(https://evil.example/#a)"/></svg><p hidden>x</p>',
    "<a href='javascript:x()' onclick=\"y()\">t</a><p class=\"term-preview\">z</p>",
    "<img src=https://evil.example/d.png",
    "<a title='>' onmouseover=x()>t</a>",
]


def _whole(html: str, read, found) -> list:
    parser = read()
    parser.feed(html)
    parser.close()
    return list(found(parser))


def test_tricky_pages_give_what_a_whole_reading_gives():
    for html in TRICKY:
        for read, found in CHECKS:
            assert by_piece.findings(html, read, found) == _whole(html, read, found), (html, read)
    assert any("evil.example/x.png" in p for p in by_piece.findings(TRICKY[0], _Finder, _problems_found))


def test_the_built_site_s_pages_give_what_a_whole_reading_gives(site_dir: Path):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert by_piece.findings(html, _Finder, _problems_found) == _whole(html, _Finder, _problems_found), page
        assert by_piece.findings(html, _Inventory, _items) == _whole(html, _Inventory, _items), page


_MARKUP = st.sampled_from([
    "<a href='x'>", "<a href=x\"y>", "</a>", "<img src=//e.example/i.png>", "<p hidden>", "<br/>",
    "<style>", "</style>", "@import url(//e.example/s.css)", "<script>", "</script>", "<!--", "-->",
    "<!doctype html>", "'", '"', "<", ">", " ", "text", "&amp;", "&", "<b title='a>b'>", "onclick=x()",
    "<svg fill=\"url(//e.example/#f)\">", "<p class=term-preview>", "<?x?>", "</p >", "<p style='vertical-align:-9em'>",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_MARKUP, max_size=14).map("".join))
def test_any_mix_of_markup_gives_what_a_whole_reading_gives(html: str):
    by_piece._MEMO.clear()  # a fresh memo: each example must stand on its own
    for read, found in CHECKS:
        assert by_piece.findings(html, read, found) == _whole(html, read, found), html
    for read, found in CHECKS:  # and read again, from the memo
        assert by_piece.findings(html, read, found) == _whole(html, read, found), html


def test_repeated_pieces_are_read_once():
    by_piece._MEMO.clear()
    page = "<nav>" + "<a href='../x/' class='md-nav__link'>x</a>" * 500 + "</nav>"
    by_piece.findings(page, _Finder, _problems_found)
    assert len(by_piece._MEMO[_Finder]) == 4
