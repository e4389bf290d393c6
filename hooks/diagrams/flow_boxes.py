"""Flow diagrams' boxes: sizes and spacing, measuring and drawing one box (both layouts use them)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Group, Node, Step, text_in
from .svg import FONT, SMALL, Canvas, block_height, fits, num, words_too_wide, wrap

PAD_X = 10            # inside a box, left and right
PAD_Y = 8             # inside a box, top and bottom
STACK = 8             # how far the cards of a pile stick out
GAP_RIGHT = 34        # between two steps in a row (room for an arrow)
GAP_DOWN = 26         # between two steps in a column
GAP_PLAIN = 8         # between steps when the flow has no arrows
SIDE_GAP = 26         # between a step and its input / output box
SIDE_STACK = 8        # between an input box and an output box in the side column
BUS = 12              # where branch connectors split and join
BRANCH_GAP = 10       # between the boxes of a branch
BRANCH_MIN = 140      # narrower than this, a branch lists its boxes under one another
LIST_INDENT = 26      # indent of a listed branch's boxes
FRAME = 9             # padding inside a group's frame
PANEL_GAP = 28        # between panels (stacked)
COLUMN_GAP = 16       # between panels (side by side)
MAIN_MAX = 360        # widest a box gets in a top-to-bottom flow
EDGE_MAX = 130        # widest an arrow's label may be before it wraps
CELL = 7.0            # pitch of the little squares in a box (MoE experts)


# -----------------------------------------------------------------------------
# Boxes
# -----------------------------------------------------------------------------


@dataclass
class Box:
    """A node measured for a given width; x and y are set when it is placed."""
    node: Node
    w: float
    h: float
    lines: list[str]
    note_lines: list[str]
    size: float
    note_size: float = SMALL
    cell_columns: int = 0
    cell_rows: int = 0
    x: float = 0.0
    y: float = 0.0
    too_wide: tuple[tuple[str, str], ...] = ()  # (word, its text): too wide even at the smallest size

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


def measure(node: Node, lang: str, width: float, size: float = FONT) -> Box:
    """Wrap the node's texts to the width; a word too long for the box makes the
    label a little smaller rather than cutting the word."""
    inner = width - 2 * PAD_X - (STACK if node.stack else 0)
    label = text_in(node.label, lang)
    note = text_in(node.note, lang)
    for factor in (1.0, 0.92, 0.85):
        if fits(label, inner, size * factor) and fits(note, inner, SMALL * factor):
            break
    size, note_size = size * factor, min(SMALL, SMALL * factor)
    lines = wrap(label, inner, size) if node.label else []
    note_lines = wrap(note, inner, note_size) if node.note else []
    height = 2 * PAD_Y + block_height(lines, size)
    if note_lines:
        height += 3 + block_height(note_lines, note_size)
    columns = rows = 0
    if node.cells:
        columns = max(1, min(node.cells.count, int((inner + 1) // CELL)))
        rows = math.ceil(node.cells.count / columns)
        height += (6 if lines else 0) + rows * CELL
    if node.stack:
        height += STACK
    too_wide = tuple([(w, label) for w in words_too_wide(label, inner, size)]
                     + [(w, note) for w in words_too_wide(note, inner, note_size)])
    return Box(node, width, height, lines, note_lines, size, note_size, columns, rows, too_wide=too_wide)


def chosen_cells(count: int, chosen: int) -> set[int]:
    """Which squares are picked: scattered, and the same on every build (a fixed
    linear congruential sequence, not Python's random module)."""
    picked: set[int] = set()
    state = 20250101 + count * 7 + chosen
    while len(picked) < chosen:
        state = (state * 1103515245 + 12345) % 2**31
        picked.add(state % count)
    return picked


def draw_box(c: Canvas, box: Box) -> None:
    node = box.node
    x, y, w, h = box.x, box.y, box.w, box.h
    style = "dg-box" if node.style == "plain" else f"dg-box dg-box--{node.style}"
    if node.stack:
        # Two cards peeking out behind, up and to the right.
        w, h = w - STACK, h - STACK
        y += STACK
        c.rect(x + STACK, y - STACK, w, h, style + " dg-box--behind")
        c.rect(x + STACK / 2, y - STACK / 2, w, h, style + " dg-box--behind")
    c.rect(x, y, w, h, style)
    c.too_wide.extend(box.too_wide)
    note_size = box.note_size
    content = block_height(box.lines, box.size)
    if box.note_lines:
        content += 3 + block_height(box.note_lines, note_size)
    if node.cells:
        content += (6 if box.lines else 0) + box.cell_rows * CELL
    top = y + (h - content) / 2
    cx = x + w / 2
    label_cls = "dg-label" if node.style == "plain" else f"dg-label dg-label--{node.style}"
    top += c.text(box.lines, cx, top, box.size, label_cls)
    if box.note_lines:
        top += 3 + c.text(box.note_lines, cx, top + 3, note_size, "dg-note")
    if node.cells:
        top += 6 if box.lines else 0
        left = cx - box.cell_columns * CELL / 2
        picked = chosen_cells(node.cells.count, node.cells.chosen)
        # One path per kind of square (hundreds of <rect>s would weigh down the page).
        for chosen, cls in ((False, "dg-cell"), (True, "dg-cell dg-cell--chosen")):
            corners = [(left + column * CELL + 0.75, top + row * CELL + 0.75)
                       for row, column in (divmod(i, box.cell_columns) for i in range(node.cells.count)
                                           if (i in picked) == chosen)]
            if corners:
                c.path(squares(corners, CELL - 1.5), cls)


def squares(corners: list[tuple[float, float]], size: float) -> str:
    """Path data for many small squares: each drawn relative to the one before."""
    side = num(size)
    parts, previous = [], None
    for x, y in corners:
        if previous is None:
            parts.append(f"M{num(x)} {num(y)}")
        else:
            parts.append(f"m{num(x - previous[0])} {num(y - previous[1])}")
        parts.append(f"h{side}v{side}h-{side}z")
        previous = (x, y)
    return "".join(parts)


def edge_lines(node: Node | None, lang: str, width: float = EDGE_MAX) -> list[str]:
    if node is None or node.edge is None:
        return []
    return wrap(text_in(node.edge, lang), width, SMALL)


def step_nodes(step: Step) -> list[Node]:
    return list(step.branch) if step.branch else [step.node]


def group_labels(groups: tuple[Group, ...], lang: str, width_of) -> list[list[str]]:
    return [wrap(text_in(group.label, lang), width_of(group) - 2 * FRAME, SMALL) for group in groups]
