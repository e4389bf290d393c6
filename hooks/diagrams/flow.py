"""Flow diagrams: boxes joined by arrows, laid out to a given width.

Two directions:
- "right": steps in a row, left to right. What goes into a step (`input`) sits above
  it, what comes out (`output`) below; a branch stacks its boxes top to bottom;
  several panels are stacked one under the other, their columns lined up.
- "down": steps in a column, top to bottom. A step's `input` and `output` sit in a
  column to its right (input above output); a branch puts its boxes side by side,
  or under one another when side by side they would be too narrow; several panels
  stand side by side, their rows lined up. The narrow (phone) drawing of every
  flow is laid out this way.

Text is wrapped to fit the boxes, and the boxes grow in height. The result is an
SVG body (svg.Canvas) and its height.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .model import text_in, Flow, Group, Node, Panel, Step
from .svg import FONT, SMALL, Canvas, block_height, fits, lines_width, num, wrap

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
    return Box(node, width, height, lines, note_lines, size, note_size, columns, rows)


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


# -----------------------------------------------------------------------------
# Left to right
# -----------------------------------------------------------------------------


@dataclass
class Columns:
    """Where the steps of every panel go, so that the panels line up."""
    xs: list[float]
    widths: list[float]
    gap: float


def right_columns(flow: Flow, lang: str, x0: float, width: float) -> Columns:
    gap = GAP_RIGHT if flow.arrows else GAP_PLAIN
    for panel in flow.panels:
        for step in panel.steps:
            for node in step_nodes(step):
                lines = edge_lines(node, lang)
                if lines:
                    gap = max(gap, lines_width(lines, SMALL) + 8 + 24 + (BUS if step.branch else 0))
        if panel.groups:
            gap = max(gap, 2 * FRAME + 12)
    count = max(len(p.steps) for p in flow.panels)
    weights = [max((p.steps[i].width for p in flow.panels if i < len(p.steps)), default=1.0)
               for i in range(count)]
    unit = (width - (count - 1) * gap) / sum(weights)
    xs, widths, x = [], [], x0
    for weight in weights:
        xs.append(x)
        widths.append(unit * weight)
        x += unit * weight + gap
    return Columns(xs, widths, gap)


def layout_right(c: Canvas, panel: Panel, lang: str, y0: float, columns: Columns, arrows: bool) -> float:
    """Draw one panel left to right from y0; return the y below it."""
    xs, widths = columns.xs, columns.widths
    steps = panel.steps
    inputs = {i: measure(s.input, lang, widths[i], SMALL) for i, s in enumerate(steps) if s.input}
    outputs = {i: measure(s.output, lang, widths[i], SMALL) for i, s in enumerate(steps) if s.output}
    mains = {i: [measure(node, lang, widths[i]) for node in step_nodes(s)] for i, s in enumerate(steps)}
    # One height per row of single boxes, one per row of side boxes: tidy.
    single_h = max((boxes[0].h for i, boxes in mains.items() if not steps[i].branch), default=0.0)
    for index, boxes in mains.items():
        if not steps[index].branch:
            boxes[0].h = single_h
    in_h = max((b.h for b in inputs.values()), default=0.0)
    out_h = max((b.h for b in outputs.values()), default=0.0)
    for box in inputs.values():
        box.h = in_h
    for box in outputs.values():
        box.h = out_h
    branch_h = max((sum(b.h for b in boxes) + BRANCH_GAP * (len(boxes) - 1)
                    for i, boxes in mains.items() if steps[i].branch), default=0.0)
    row_h = max(single_h, branch_h)

    labels = group_labels(panel.groups, lang,
                          lambda g: xs[g.last - 1] + widths[g.last - 1] - xs[g.first - 1] + 2 * FRAME)
    band = max((block_height(lines, SMALL) for lines in labels), default=0.0)
    top = y0 + (FRAME + band + 6 if panel.groups else 0)
    main_top = top + (in_h + SIDE_GAP if inputs else 0)
    centre = main_top + row_h / 2

    for index, boxes in mains.items():
        y = centre - (sum(b.h for b in boxes) + BRANCH_GAP * (len(boxes) - 1)) / 2
        for box in boxes:
            box.x, box.y = xs[index], y
            y += box.h + BRANCH_GAP
    for index, box in inputs.items():
        box.x, box.y = xs[index], top
    for index, box in outputs.items():
        box.x, box.y = xs[index], main_top + row_h + SIDE_GAP
    bottom = main_top + row_h + (SIDE_GAP + out_h if outputs else 0)

    # Frames first (behind), then connectors, then boxes.
    for group, lines in zip(panel.groups, labels):
        left = xs[group.first - 1] - FRAME
        right = xs[group.last - 1] + widths[group.last - 1] + FRAME
        c.rect(left, y0, right - left, bottom + FRAME - y0, f"dg-group dg-group--{group.style}", radius=8)
        c.text(lines, left + FRAME, y0 + 4, SMALL, f"dg-group-label dg-group-label--{group.style}",
               anchor="start")
    if arrows:
        for index in range(1, len(steps)):
            _connect_right(c, mains[index - 1], mains[index], lang, centre)
    for index, box in inputs.items():
        c.arrow([(box.cx, box.bottom), (box.cx, mains[index][0].y)], "dg-arrow dg-arrow--side")
    for index, box in outputs.items():
        c.arrow([(box.cx, mains[index][0].bottom), (box.cx, box.y)], "dg-arrow dg-arrow--side")
    for box in [b for boxes in mains.values() for b in boxes] + list(inputs.values()) + list(outputs.values()):
        draw_box(c, box)
    return bottom + (FRAME if panel.groups else 0)


def _connect_right(c: Canvas, before: list[Box], after: list[Box], lang: str, centre: float) -> None:
    if len(before) == 1 and len(after) == 1:
        start, end = (before[0].right, centre), (after[0].x, centre)
        c.arrow([start, end])
        lines = edge_lines(after[0].node, lang)
        if lines:
            c.label_on_line(lines, (start[0] + end[0]) / 2, centre, SMALL)
    elif len(after) > 1:  # fan out: one line to a bus, then one arrow per box
        bus = before[0].right + BUS
        ys = [b.cy for b in after] + [centre]
        c.polyline([(before[0].right, centre), (bus, centre)], "dg-line")
        c.polyline([(bus, min(ys)), (bus, max(ys))], "dg-line")
        for box in after:
            c.arrow([(bus, box.cy), (box.x, box.cy)])
            lines = edge_lines(box.node, lang)
            if lines:
                c.label_on_line(lines, (bus + box.x) / 2, box.cy, SMALL)
    else:  # fan in: one line per box to a bus, then one arrow
        bus = after[0].x - BUS
        ys = [b.cy for b in before] + [centre]
        for box in before:
            c.polyline([(box.right, box.cy), (bus, box.cy)], "dg-line")
        c.polyline([(bus, min(ys)), (bus, max(ys))], "dg-line")
        c.arrow([(bus, centre), (after[0].x, centre)])


# -----------------------------------------------------------------------------
# Top to bottom
# -----------------------------------------------------------------------------


@dataclass
class Row:
    """One step of a top-to-bottom panel, measured."""
    boxes: list[Box]
    sides: list[Box]                 # input and/or output, in the side column
    listed: bool = False             # a branch whose boxes are listed under one another
    labels: list[list[str]] = field(default_factory=list)   # arrow labels of a listed branch
    height: float = 0.0
    gap_before: float = 0.0


@dataclass
class DownPlan:
    panel: Panel
    width: float
    main_x: float
    main_w: float
    side_x: float
    rows: list[Row]
    group_label_lines: list[list[str]]
    end_pad: float = 0.0


def plan_down(panel: Panel, lang: str, width: float, arrows: bool) -> DownPlan:
    inset = FRAME if panel.groups else 0.0
    usable = width - 2 * inset
    has_sides = any(s.input or s.output for s in panel.steps)
    if has_sides:
        main_w = (usable - SIDE_GAP) * 0.42
        main_x, side_x = inset, inset + main_w + SIDE_GAP
        side_w = usable - main_w - SIDE_GAP
    else:
        main_w = min(usable, MAIN_MAX)
        main_x, side_x, side_w = inset + (usable - main_w) / 2, 0.0, 0.0

    rows: list[Row] = []
    for index, step in enumerate(panel.steps):
        nodes = step_nodes(step)
        row = Row([], [])
        if step.branch:
            side_by_side = (main_w - BRANCH_GAP * (len(nodes) - 1)) / len(nodes)
            if side_by_side >= BRANCH_MIN:
                row.boxes = [measure(n, lang, side_by_side) for n in nodes]
                row.height = max(b.h for b in row.boxes)
            else:
                row.listed = True
                box_w = main_w - LIST_INDENT
                row.boxes = [measure(n, lang, box_w) for n in nodes]
                row.labels = [edge_lines(n, lang, box_w) for n in nodes]
                row.height = sum(b.h + block_height(l, SMALL) + (4 if l else 0) for b, l in zip(row.boxes, row.labels)) \
                    + BRANCH_GAP * (len(nodes) - 1)
        else:
            row.boxes = [measure(nodes[0], lang, main_w)]
            row.sides = [measure(side, lang, side_w, SMALL) for side in (step.input, step.output) if side]
            side_h = sum(b.h for b in row.sides) + SIDE_STACK * (len(row.sides) - 1)
            row.height = max(row.boxes[0].h, side_h)
            row.boxes[0].h = row.height  # the arrows to the side boxes land on it
        if index:
            gap = GAP_DOWN if arrows else GAP_PLAIN
            if arrows and not row.listed:
                label_h = max((block_height(edge_lines(n, lang), SMALL) for n in nodes), default=0.0)
                if label_h:
                    gap = max(gap, label_h + 24)
                if step.branch or panel.steps[index - 1].branch:
                    gap += BUS
            if row.listed:
                gap = 14
            row.gap_before = gap
        rows.append(row)

    # Frames: room for the label above a group's first step, and padding below its last.
    label_lines = group_labels(panel.groups, lang, lambda g: width)
    plan = DownPlan(panel, width, main_x, main_w, side_x, rows, label_lines)
    for group, lines in zip(panel.groups, label_lines):
        first, last = group.first - 1, group.last - 1
        rows[first].gap_before += block_height(lines, SMALL) + FRAME + 6 + (FRAME if first else 0)
        if last + 1 < len(rows):
            rows[last + 1].gap_before += FRAME
        else:
            plan.end_pad = FRAME
    return plan


def draw_down(c: Canvas, plan: DownPlan, lang: str, x0: float, y0: float, heights: list[float],
              gaps: list[float], arrows: bool) -> float:
    """Draw a planned panel with the given (lined-up) row heights and gaps; return its bottom."""
    rows = plan.rows
    tops: list[float] = []
    y = y0
    for index in range(len(rows)):
        y += gaps[index]
        tops.append(y)
        y += heights[index]
    bottom = y + plan.end_pad

    main_x = x0 + plan.main_x
    for index, row in enumerate(rows):
        top = tops[index]
        if row.listed:
            y = top
            for box, lines in zip(row.boxes, row.labels):
                y += block_height(lines, SMALL) + (4 if lines else 0)
                box.x, box.y = main_x + LIST_INDENT, y
                y += box.h + BRANCH_GAP
        elif len(row.boxes) > 1:
            x = main_x
            for box in row.boxes:
                box.x, box.y = x, top
                x += box.w + BRANCH_GAP
        else:
            box = row.boxes[0]
            box.x, box.y = main_x, top + (heights[index] - box.h) / 2
            side_h = sum(b.h for b in row.sides) + SIDE_STACK * (len(row.sides) - 1)
            y = box.cy - side_h / 2
            for side in row.sides:
                side.x, side.y = x0 + plan.side_x, y
                y += side.h + SIDE_STACK

    for group, lines in zip(plan.panel.groups, plan.group_label_lines):
        first, last = group.first - 1, group.last - 1
        top = tops[first] - block_height(lines, SMALL) - FRAME - 6
        end = tops[last] + heights[last] + FRAME
        c.rect(x0, top, plan.width, end - top, f"dg-group dg-group--{group.style}", radius=8)
        c.text(lines, x0 + FRAME, top + 4, SMALL, f"dg-group-label dg-group-label--{group.style}",
               anchor="start")

    if arrows:
        for index in range(1, len(rows)):
            _connect_down(c, rows[index - 1], rows[index], tops[index - 1] + heights[index - 1],
                          tops[index], lang)
    for index, row in enumerate(rows):
        step_box = row.boxes[0]
        for side in row.sides:
            y = side.cy
            if side.node is plan.panel.steps[index].input:
                c.arrow([(side.x, y), (step_box.right, y)], "dg-arrow dg-arrow--side")
            else:
                c.arrow([(step_box.right, y), (side.x, y)], "dg-arrow dg-arrow--side")
        for box in row.boxes + row.sides:
            draw_box(c, box)
        if row.listed:
            for box, lines in zip(row.boxes, row.labels):
                c.text(lines, box.x + 2, box.y - 4 - block_height(lines, SMALL), SMALL, "dg-edge",
                       anchor="start")
    return bottom


def _connect_down(c: Canvas, before: Row, after: Row, row_end: float, next_top: float, lang: str) -> None:
    if before.listed:
        # The listed boxes' bus runs on to the next step.
        source = before.boxes[0]
        bus = source.x - LIST_INDENT + 12
        target = after.boxes[0]
        c.arrow([(bus, before.boxes[-1].cy), (bus, target.y)])
        return
    if after.listed:
        source = before.boxes[0]
        bus = source.x + 12
        last = after.boxes[-1]
        c.polyline([(bus, source.bottom), (bus, last.cy)], "dg-line")
        for box in after.boxes:
            c.arrow([(bus, box.cy), (box.x, box.cy)])
        return
    if len(before.boxes) == 1 and len(after.boxes) == 1:
        x = before.boxes[0].cx
        c.arrow([(x, before.boxes[0].bottom), (x, after.boxes[0].y)])
        lines = edge_lines(after.boxes[0].node, lang)
        if lines:
            c.label_on_line(lines, x, (row_end + next_top) / 2, SMALL)
    elif len(after.boxes) > 1:  # fan out
        source = before.boxes[0]
        bus = row_end + BUS
        xs = [b.cx for b in after.boxes] + [source.cx]
        c.polyline([(source.cx, source.bottom), (source.cx, bus)], "dg-line")
        c.polyline([(min(xs), bus), (max(xs), bus)], "dg-line")
        for box in after.boxes:
            c.arrow([(box.cx, bus), (box.cx, box.y)])
            lines = edge_lines(box.node, lang, box.w)
            if lines:
                c.label_on_line(lines, box.cx, (bus + box.y) / 2, SMALL)
    else:  # fan in
        target = after.boxes[0]
        bus = next_top - BUS
        xs = [b.cx for b in before.boxes] + [target.cx]
        for box in before.boxes:
            c.polyline([(box.cx, box.bottom), (box.cx, bus)], "dg-line")
        c.polyline([(min(xs), bus), (max(xs), bus)], "dg-line")
        c.arrow([(target.cx, bus), (target.cx, target.y)])


# -----------------------------------------------------------------------------
# A whole flow
# -----------------------------------------------------------------------------


def render_flow(flow: Flow, lang: str, width: float, direction: str) -> tuple[Canvas, float]:
    """Lay the flow out in `direction` to fit `width`; return the drawing and its height."""
    c = Canvas()
    y = 2.0
    if direction == "right":
        inset = FRAME if any(p.groups for p in flow.panels) else 0.0
        columns = right_columns(flow, lang, inset, width - 2 * inset)
        for number, panel in enumerate(flow.panels):
            if number:
                y += PANEL_GAP
            if panel.title:
                y += c.text(wrap(text_in(panel.title, lang), width, FONT), 0, y, FONT, "dg-title", anchor="start") + 8
            y = layout_right(c, panel, lang, y, columns, flow.arrows)
            if panel.note:
                y += 10 + c.text(wrap(text_in(panel.note, lang), width, SMALL), 0, y + 10, SMALL,
                                 "dg-panel-note", anchor="start")
        return c, y + 2

    count = len(flow.panels)
    side_by_side = count > 1 and (width - (count - 1) * COLUMN_GAP) / count >= 150
    rows = [list(flow.panels)] if side_by_side else [[p] for p in flow.panels]
    for number, row in enumerate(rows):
        if number:
            y += PANEL_GAP
        column_w = (width - (len(row) - 1) * COLUMN_GAP) / len(row)
        xs = [i * (column_w + COLUMN_GAP) for i in range(len(row))]
        headings = [wrap(text_in(p.title, lang), column_w, FONT) if p.title else [] for p in row]
        heading_h = max(block_height(lines, FONT) for lines in headings)
        for x, lines in zip(xs, headings):
            c.text(lines, x + column_w / 2, y, FONT, "dg-title")
        if heading_h:
            y += heading_h + 8
        plans = [plan_down(p, lang, column_w, flow.arrows) for p in row]
        longest = max(len(p.rows) for p in plans)
        heights = [max(p.rows[i].height for p in plans if i < len(p.rows)) for i in range(longest)]
        gaps = [max(p.rows[i].gap_before for p in plans if i < len(p.rows)) for i in range(longest)]
        bottom = max(draw_down(c, p, lang, x, y, heights, gaps, flow.arrows) for p, x in zip(plans, xs))
        notes = [wrap(text_in(p.note, lang), column_w, SMALL) if p.note else [] for p in row]
        if any(notes):
            bottom += 10 + max(c.text(lines, x + column_w / 2, bottom + 10, SMALL, "dg-panel-note")
                               for lines, x in zip(notes, xs))
        y = bottom
    return c, y + 2
