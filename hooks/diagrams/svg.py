"""SVG drawing primitives: text width estimates, line wrapping, escaping, shapes, arrows.

Nothing here knows about diagrams or MkDocs. Sizes are SVG user units; a diagram is
drawn at its natural width on a wide screen, so one unit is about one CSS pixel.
Colours never appear here: every shape and text carries a CSS class (`dg-...`),
and docs/assets/stylesheets/extra.css maps the classes to Material's colour
variables, so the light and dark palettes (and print) all work.
"""

from __future__ import annotations

import logging

import math
import re
import unicodedata
from functools import lru_cache
from html import escape

# -----------------------------------------------------------------------------
# Type sizes (user units)
# -----------------------------------------------------------------------------

FONT = 14.0          # box labels, chart labels
SMALL = 12.5         # notes, side boxes, arrow labels, values
LINE_HEIGHT = 1.3    # line box, as a multiple of the font size

# -----------------------------------------------------------------------------
# Text width estimates and wrapping
# -----------------------------------------------------------------------------

# Widths in em of the common Latin characters (a sans-serif such as Arial or DejaVu;
# estimates err on the wide side so that text never spills out of its box).
_NARROW = set("iljI.,:;'!|`\u2019\u2018")
_SEMI = set("()[]{}/\\-ftr\"*")
_WIDE = set("mwMW%@")
# A line never starts with these (closing punctuation) ...
NO_LINE_START = set("，。、；：！？）》」』】〉”’,.;:!?)]}%…·")
# ... and never ends with these (opening punctuation).
NO_LINE_END = set("（《「『【〈“‘([{")


def is_wide(char: str) -> bool:
    """CJK characters, full-width punctuation and the like take a full em."""
    return unicodedata.east_asian_width(char) in ("W", "F") or char in "→←↑↓…—≈"


def char_width(char: str) -> float:
    """Estimated advance of one character, in em."""
    if is_wide(char):
        return 1.0
    if char == " ":
        return 0.3
    if char in _NARROW:
        return 0.3
    if char in _SEMI:
        return 0.4
    if char in _WIDE:
        return 0.9
    if char.isupper():
        return 0.7
    if char.isdigit():
        return 0.58
    if char.isascii():
        return 0.56
    return 0.62  # other symbols: ×, −, –, ...


def text_width(text: str, size: float) -> float:
    return sum(char_width(char) for char in text) * size


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=4096)
def chinese_words(run: str) -> tuple[str, ...]:
    """A run of Chinese characters cut into words ('找出相关的几段资料' -> 找出, 相关的, 几段, 资料).

    jieba finds the words (the search index uses it too); a one-character word joins
    the word before it (or the next one, at the start), so no line holds one character alone."""
    import jieba  # loaded once, only when a diagram has Chinese text
    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not a build message
    words: list[str] = []
    for piece in jieba.cut(run, HMM=False):
        if words and (len(piece) == 1 or len(words[-1]) == 1):
            words[-1] += piece
        else:
            words.append(piece)
    return tuple(words)


# Never break a line next to these: "3 × 24 = 72" stays in one piece.
OPERATORS = set("=×÷+−≈<>")


def _atoms(text: str) -> list[str]:
    """Split text into pieces a line may break between.

    Latin words stay whole (a break is allowed after '-' or '/'); Chinese breaks between
    words, never inside one (chinese_words), and a one-character word such as 的 stays
    with its neighbour; spaces are separate pieces; punctuation sticks to its neighbour
    so that no line starts with '，' or ends with '（'; a sum such as '3 × 24 = 72'
    is one piece.
    """
    pieces: list[str] = []
    word = ""
    for char in text:
        if _HAN.fullmatch(char):
            if word and not _HAN.fullmatch(word[-1]):
                pieces.append(word)
                word = ""
            word += char
            continue
        if word and _HAN.fullmatch(word[-1]):
            pieces.extend(chinese_words(word))
            word = ""
        if char.isspace():
            if word:
                pieces.append(word)
                word = ""
            pieces.append(" ")
        elif is_wide(char):
            if word:
                pieces.append(word)
                word = ""
            pieces.append(char)
        else:
            word += char
            if char in "-/" and len(word) > 1:
                pieces.append(word)
                word = ""
    if word:
        pieces.extend(chinese_words(word) if _HAN.fullmatch(word[-1]) else [word])

    glued: list[str] = []
    join_next = False
    for piece in pieces:
        if glued and piece == " " and (join_next or glued[-1] == " "):
            glued[-1] += " " if join_next else ""
            continue
        if glued and (join_next or (glued[-1] != " " and (
                piece[0] in NO_LINE_START or glued[-1][-1] in NO_LINE_END))):
            glued[-1] += piece
            join_next = False
            continue
        if piece in OPERATORS and glued:
            # Take back the space before the operator and the piece before that.
            if glued[-1] == " " and len(glued) > 1:
                glued.pop()
                glued[-1] += " "
            glued[-1] += piece
            join_next = True
            continue
        glued.append(piece)
    return glued


def fits(text: str, max_width: float, size: float) -> bool:
    """True when no unbreakable piece of the text is wider than max_width."""
    return all(text_width(atom, size) <= max_width
               for line in str(text).split("\n") for atom in _atoms(line.strip()) if atom != " ")


def words_too_wide(text: str, max_width: float, size: float) -> list[str]:
    """The words (pieces with no space inside) wider than max_width: they would be cut."""
    return [atom for line in str(text).split("\n") for atom in _atoms(line.strip())
            if " " not in atom and text_width(atom, size) > max_width]


def _greedy(paragraph: str, max_width: float, size: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for atom in _atoms(paragraph.strip()):
        if atom == " ":
            if current:
                current += " "
            continue
        candidate = current + atom
        if text_width(candidate.rstrip(), size) <= max_width or not current.strip():
            current = candidate
        else:
            lines.append(current.rstrip())
            current = atom
        # A single piece wider than the line (a sum such as '提示词 = 问题 + 资料', a very
        # long word): cut it after a space if one fits, else by characters.
        while text_width(current, size) > max_width and len(current) > 1:
            cut = len(current) - 1
            while cut > 1 and text_width(current[:cut], size) > max_width:
                cut -= 1
            space = current.rfind(" ", 0, cut + 1)
            if space > 0 and current[:space].strip():
                cut = space + 1
            elif len(current) - cut == 1 and cut > 2:
                cut -= 1  # '规章' + '制度', not '规章制' + '度'
            lines.append(current[:cut].rstrip())
            current = current[cut:]
    lines.append(current.rstrip())
    return [line for line in lines if line]


def wrap(text: str, max_width: float, size: float) -> list[str]:
    """Break text into lines no wider than max_width (estimated); '\n' forces a break.

    A last line of one or two characters ('瓶', 'GB') is avoided by wrapping a little
    narrower, as long as that does not add a line."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        best = _greedy(paragraph, max_width, size)
        if len(best) > 1 and len(best[-1].strip()) <= 2:
            for factor in (0.95, 0.9, 0.85, 0.8):
                if not fits(paragraph, max_width * factor, size):
                    break
                attempt = _greedy(paragraph, max_width * factor, size)
                if len(attempt) == len(best) and len(attempt[-1].strip()) > 2:
                    best = attempt
                    break
        lines.extend(best)
    return lines or [""]


def lines_width(lines: list[str], size: float) -> float:
    return max((text_width(line, size) for line in lines), default=0.0)


def block_height(lines: list[str], size: float) -> float:
    return len(lines) * size * LINE_HEIGHT if lines and lines != [""] else 0.0


# -----------------------------------------------------------------------------
# Writing SVG
# -----------------------------------------------------------------------------


def esc(text: str) -> str:
    """Text and attribute values, escaped for both HTML and XML."""
    return escape(str(text), quote=True)


def num(value: float) -> str:
    """Coordinates with at most one decimal: short, stable output."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else ("0" if text == "-0" else text)


class Canvas:
    """Collects SVG elements in drawing order (later ones are drawn on top)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.too_wide: list[tuple[str, str]] = []  # (word, its text): no line of its box can hold it

    def add(self, element: str) -> None:
        self.parts.append(element)

    def extend(self, other: "Canvas") -> None:
        self.parts.extend(other.parts)
        self.too_wide.extend(other.too_wide)

    def rect(self, x: float, y: float, w: float, h: float, cls: str, radius: float = 6) -> None:
        self.add(f'<rect class="{cls}" x="{num(x)}" y="{num(y)}" width="{num(w)}" '
                 f'height="{num(h)}" rx="{num(radius)}"/>')

    def circle(self, x: float, y: float, r: float, cls: str) -> None:
        self.add(f'<circle class="{cls}" cx="{num(x)}" cy="{num(y)}" r="{num(r)}"/>')

    def path(self, d: str, cls: str) -> None:
        self.add(f'<path class="{cls}" d="{d}"/>')

    def polyline(self, points: list[tuple[float, float]], cls: str) -> None:
        self.path("M" + " L".join(f"{num(x)} {num(y)}" for x, y in points), cls)

    def arrow(self, points: list[tuple[float, float]], cls: str = "dg-arrow", head: float = 8) -> None:
        """A line through the points with an arrowhead at the last one, as one path.

        The head is a filled triangle, not an SVG marker: no id to keep unique, and
        its colour follows the line's CSS class (which sets both fill and stroke)."""
        (x1, y1), (x2, y2) = points[-2], points[-1]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        base = (x2 - ux * head, y2 - uy * head)
        half = head * 0.55
        left = (base[0] - uy * half, base[1] + ux * half)
        right = (base[0] + uy * half, base[1] - ux * half)
        line = "M" + " L".join(f"{num(x)} {num(y)}" for x, y in points[:-1] + [base])
        self.path(f"{line} M{num(x2)} {num(y2)} L{num(left[0])} {num(left[1])} "
                  f"L{num(right[0])} {num(right[1])} Z", cls)

    def text(self, lines: list[str], x: float, top: float, size: float, cls: str,
             anchor: str = "middle") -> float:
        """Lines of text whose first line box starts at `top`; returns the block's height."""
        if not lines or lines == [""]:
            return 0.0
        line_box = size * LINE_HEIGHT
        spans = []
        for index, line in enumerate(lines):
            # Baseline: the em box is centred in the line box; the baseline sits at
            # about 0.86 em from the top of the em box in CJK and Latin sans fonts.
            baseline = top + index * line_box + (line_box - size) / 2 + size * 0.86
            spans.append(f'<tspan x="{num(x)}" y="{num(baseline)}">{esc(line)}</tspan>')
        # SVG's default anchor is "start"; the others are written out. (Not in CSS:
        # a stylesheet rule would override this attribute.)
        align = "" if anchor == "start" else f' text-anchor="{anchor}"'
        self.add(f'<text class="{cls}" font-size="{num(size)}"{align}>'
                 + "".join(spans) + "</text>")
        return len(lines) * line_box

    def label_on_line(self, lines: list[str], cx: float, cy: float, size: float,
                      cls: str = "dg-edge") -> None:
        """A label sitting on a connector: a patch of page background behind centred text."""
        w = lines_width(lines, size) + 8
        h = block_height(lines, size) + 2
        self.rect(cx - w / 2, cy - h / 2, w, h, "dg-knockout", radius=3)
        self.text(lines, cx, cy - h / 2 + 1, size, cls)


def document(body: Canvas, width: float, height: float, uid: str, title: str, desc: str,
             variant: str) -> str:
    """The finished <svg>: scales to its container, never wider than its natural size."""
    uid = esc(uid)
    # Both drawings carry the same words: only the wide one goes into the search index.
    search = "" if variant == "wide" else ' data-search-exclude=""'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram__svg diagram__svg--{variant}"{search} '
        f'viewBox="0 0 {num(width)} {num(height)}" width="100%" style="max-width: {num(width)}px" '
        f'role="img" aria-labelledby="{uid}-title {uid}-desc">'
        f'<title id="{uid}-title">{esc(title)}</title>'
        f'<desc id="{uid}-desc">{esc(desc)}</desc>'
        + "".join(body.parts) + "</svg>"
    )
