"""Flow diagrams: boxes joined by arrows, laid out to a given width.

Two directions:
- "right": steps in a row, left to right. What goes into a step (`input`) sits above
  it, what comes out (`output`) below; a branch stacks its boxes top to bottom;
  several panels are stacked one under the other, with their columns lined up.
- "down": steps in a column, top to bottom. `input` sits on the left, `output` on
  the right; a branch puts its boxes side by side; several panels stand side by
  side (two or three narrow columns on a phone), their rows lined up.

Every box of a row (or column) gets the same width; text is wrapped to fit and the
boxes grow in height. The result is an SVG body (svg.Canvas) and its height.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .source import Flow, Group, Node, Panel, Step
from .svg import FONT, LINE_HEIGHT, SMALL, Canvas, block_height, lines_width, wrap

PAD_X = 10            # inside a box, left and right
PAD_Y = 8             # inside a box, top and bottom
STACK = 8             # how far the cards of a pile stick out
GAP_RIGHT = 34        # between two steps in a row (room for an arrow)
GAP_DOWN = 26         # between two steps in a column
GAP_PLAIN = 8         # between steps when the flow has no arrows
SIDE_GAP = 26         # between a step and its input / output box
BUS = 12              # where branch connectors split and join
BRANCH_GAP = 10       # between the boxes of a branch
FRAME = 9             # padding inside a group's frame
PANEL_GAP = 28        # between panels
EDGE_MAX = 130        # widest an arrow's label may be before it wraps
CELL = 7.0            # pitch of the little squares in a box (MoE experts)


def t(text: dict | None, lang: str) -> str:
    return text[lang] if text else ""


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
    inner = width - 2 * PAD_X - (STACK if node.stack else 0)
    lines = wrap(t(node.label, lang), inner, size) if node.label else []
    note_lines = wrap(t(node.note, lang), inner, SMALL) if node.note else []
    height = 2 * PAD_Y + block_height(lines, size)
    if note_lines:
        height += 3 + block_height(note_lines, SMALL)
    columns = rows = 0
    if node.cells:
        columns = max(1, min(node.cells.count, int((inner + 1) // CELL)))
        rows = math.ceil(node.cells.count / columns)
        height += (6 if lines else 0) + rows * CELL
    if node.stack:
        height += STACK
    return Box(node, width, height, lines, note_lines, size, columns, rows)


def chosen_cells(count: int, chosen: int) -> set[int]:
    """Which squares are picked: spread out, the same on every build (golden-ratio steps)."""
    picked: set[int] = set()
    step = 0
    while len(picked) < chosen:
        picked.add(int((step * 0.6180339887 + 0.137) % 1 * count))
        step += 1
    return picked


def draw_box(c: Canvas, box: Box) -> None:
    node = box.node
    x, y, w, h = box.x, box.y, box.w, box.h
    style = f"dg-box dg-box--{node.style}"
    if node.stack:
        # Two cards peeking out behind, up and to the right.
        w, h = w - STACK, h - STACK
        y += STACK
        c.rect(x + STACK, y - STACK, w, h, style + " dg-box--behind")
        c.rect(x + STACK / 2, y - STACK / 2, w, h, style + " dg-box--behind")
    c.rect(x, y, w, h, style)
    label_cls = f"dg-label dg-label--{node.style}"
    content = block_height(box.lines, box.size)
    if box.note_lines:
        content += 3 + block_height(box.note_lines, SMALL)
    if node.cells:
        content += (6 if box.lines else 0) + box.cell_rows * CELL
    top = y + (h - content) / 2
    cx = x + w / 2
    top += c.text(box.lines, cx, top, box.size, label_cls)
    if box.note_lines:
        top += 3 + c.text(box.note_lines, cx, top + 3, SMALL, "dg-note")
    if node.cells:
        top += 6 if box.lines else 0
        cells = node.cells
        grid_w = box.cell_columns * CELL
        left = cx - grid_w / 2
        picked = chosen_cells(cells.count, cells.chosen)
        for index in range(cells.count):
            row, column = divmod(index, box.cell_columns)
            cls = "dg-cell dg-cell--chosen" if index in picked else "dg-cell"
            c.rect(left + column * CELL + 0.75, top + row * CELL + 0.75, CELL - 1.5, CELL - 1.5, cls, radius=1)


def edge_lines(node: Node | None, lang: str) -> list[str]:
    if node is None or node.edge is None:
        return []
    return wrap(t(node.edge, lang), EDGE_MAX, SMALL)


def step_nodes(step: Step) -> list[Node]:
    return list(step.branch) if step.branch else [step.node]


# -----------------------------------------------------------------------------
# Left to right
# -----------------------------------------------------------------------------


def right_gap(flow: Flow, lang: str) -> float:
    """One gap for every panel, so that their columns line up."""
    gap = GAP_RIGHT if flow.arrows else GAP_PLAIN
    for panel in flow.panels:
        for step in panel.steps:
            for node in step_nodes(step):
                lines = edge_lines(node, lang)
                if lines:
                    gap = max(gap, lines_width(lines, SMALL) + 8 + 2 * 12 + (BUS if step.branch else 0))
        if panel.groups:
            gap = max(gap, 2 * FRAME + 12)
    return gap


def group_band(groups: tuple[Group, ...], lang: str, width_of) -> tuple[float, dict[int, list[str]]]:
    """Height of the row of frame labels, and each frame's wrapped label."""
    labels = {}
    for index, group in enumerate(groups):
        labels[index] = wrap(t(group.label, lang), width_of(group) - 2 * FRAME, SMALL)
    band = max((block_height(lines, SMALL) for lines in labels.values()), default=0.0)
    return band, labels


def layout_right(c: Canvas, panel: Panel, lang: str, x0: float, y0: float, width: float,
                 columns: int, gap: float, arrows: bool) -> float:
    """Draw one panel left to right from (x0, y0); return the y below it."""
    column_w = (width - (columns - 1) * gap) / columns
    xs = [x0 + index * (column_w + gap) for index in range(len(panel.steps))]

    inputs = {i: measure(s.input, lang, column_w, SMALL) for i, s in enumerate(panel.steps) if s.input}
    outputs = {i: measure(s.output, lang, column_w, SMALL) for i, s in enumerate(panel.steps) if s.output}
    mains: dict[int, list[Box]] = {}
    for index, step in enumerate(panel.steps):
        mains[index] = [measure(node, lang, column_w) for node in step_nodes(step)]
    single_h = max((boxes[0].h for i, boxes in mains.items() if not panel.steps[i].branch), default=0.0)
    for index, boxes in mains.items():
        if not panel.steps[index].branch:
            boxes[0].h = single_h  # one height for the whole row: tidy
    branch_h = max((sum(b.h for b in boxes) + BRANCH_GAP * (len(boxes) - 1)
                    for i, boxes in mains.items() if panel.steps[i].branch), default=0.0)
    row_h = max(single_h, branch_h)

    top = y0
    band, group_labels = group_band(
        panel.groups, lang, lambda g: xs[g.last - 1] + column_w - xs[g.first - 1] + 2 * FRAME)
    if panel.groups:
        top += FRAME + band + 6
    in_h = max((b.h for b in inputs.values()), default=0.0)
    main_top = top + (in_h + SIDE_GAP if inputs else 0)
    centre = main_top + row_h / 2

    # Place.
    for index, boxes in mains.items():
        total = sum(b.h for b in boxes) + BRANCH_GAP * (len(boxes) - 1)
        y = centre - total / 2
        for box in boxes:
            box.x, box.y = xs[index], y
            y += box.h + BRANCH_GAP
    for index, box in inputs.items():
        box.x, box.y = xs[index], top + in_h - box.h
    out_top = main_top + row_h + SIDE_GAP
    for index, box in outputs.items():
        box.x, box.y = xs[index], out_top
    bottom = max([main_top + row_h] + [b.bottom for b in outputs.values()])

    # Frames first (behind), then connectors, then boxes.
    for index, group in enumerate(panel.groups):
        left = xs[group.first - 1] - FRAME
        right = xs[group.last - 1] + column_w + FRAME
        c.rect(left, y0, right - left, bottom + FRAME - y0, f"dg-group dg-group--{group.style}", radius=8)
        c.text(group_labels[index], left + FRAME, y0 + 4, SMALL, f"dg-group-label dg-group-label--{group.style}",
               anchor="start")
    if arrows:
        for index in range(1, len(panel.steps)):
            _connect_right(c, mains[index - 1], mains[index], lang, centre)
    for index, box in inputs.items():
        c.arrow([(box.cx, box.bottom), (box.cx, mains[index][0].y)], "dg-arrow dg-arrow--side")
    for index, box in outputs.items():
        c.arrow([(box.cx, mains[index][0].bottom), (box.cx, box.y)], "dg-arrow dg-arrow--side")
    for boxes in mains.values():
        for box in boxes:
            draw_box(c, box)
    for box in list(inputs.values()) + list(outputs.values()):
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
        source = before[0]
        bus = source.right + BUS
        ys = [b.cy for b in after]
        c.polyline([(source.right, centre), (bus, centre)], "dg-arrow")
        c.polyline([(bus, min(ys + [centre])), (bus, max(ys + [centre]))], "dg-arrow")
        for box in after:
            c.arrow([(bus, box.cy), (box.x, box.cy)])
            lines = edge_lines(box.node, lang)
            if lines:
                c.label_on_line(lines, (bus + box.x) / 2, box.cy, SMALL)
    else:  # fan in: one line per box to a bus, then one arrow
        target = after[0]
        bus = target.x - BUS
        ys = [b.cy for b in before]
        for box in before:
            c.polyline([(box.right, box.cy), (bus, box.cy)], "dg-arrow")
        c.polyline([(bus, min(ys + [centre])), (bus, max(ys + [centre]))], "dg-arrow")
        c.arrow([(bus, centre), (target.x, centre)])


# -----------------------------------------------------------------------------
# Top to bottom
# -----------------------------------------------------------------------------


@dataclass
class DownPlan:
    """One panel measured for a column of a given width, before it is placed."""
    panel: Panel
    width: float
    main_x: float = 0.0           # offsets inside the panel's column
    main_w: float = 0.0
    in_x: float = 0.0
    out_x: float = 0.0
    mains: list[list[Box]] = field(default_factory=list)
    inputs: dict[int, Box] = field(default_factory=dict)
    outputs: dict[int, Box] = field(default_factory=dict)
    row_h: list[float] = field(default_factory=list)
    gap_before: list[float] = field(default_factory=list)   # gap_before[0]: room above row 1
    end_pad: float = 0.0
    group_labels: dict[int, list[str]] = field(default_factory=dict)


def plan_down(panel: Panel, lang: str, width: float, arrows: bool) -> DownPlan:
    plan = DownPlan(panel, width)
    inset = FRAME if panel.groups else 0.0
    usable = width - 2 * inset
    has_in = any(s.input for s in panel.steps)
    has_out = any(s.output for s in panel.steps)
    if has_in and has_out:
        side = (usable - 2 * SIDE_GAP) * 0.32
        plan.main_w = usable - 2 * SIDE_GAP - 2 * side
        plan.in_x, plan.main_x = inset, inset + side + SIDE_GAP
        plan.out_x = plan.main_x + plan.main_w + SIDE_GAP
    elif has_in or has_out:
        side = (usable - SIDE_GAP) * 0.42
        plan.main_w = usable - SIDE_GAP - side
        if has_in:
            plan.in_x, plan.main_x = inset, inset + side + SIDE_GAP
        else:
            plan.main_x, plan.out_x = inset, inset + plan.main_w + SIDE_GAP
    else:
        side = 0.0
        plan.main_w = min(usable, 300.0)
        plan.main_x = inset + (usable - plan.main_w) / 2

    for index, step in enumerate(panel.steps):
        nodes = step_nodes(step)
        if step.branch:
            box_w = (plan.main_w - BRANCH_GAP * (len(nodes) - 1)) / len(nodes)
            boxes = [measure(node, lang, box_w) for node in nodes]
            tallest = max(b.h for b in boxes)
            for box in boxes:
                box.h = tallest
        else:
            boxes = [measure(nodes[0], lang, plan.main_w)]
        plan.mains.append(boxes)
        if step.input:
            plan.inputs[index] = measure(step.input, lang, side, SMALL)
        if step.output:
            plan.outputs[index] = measure(step.output, lang, side, SMALL)
        sides = [plan.inputs.get(index), plan.outputs.get(index)]
        plan.row_h.append(max([boxes[0].h] + [box.h for box in sides if box]))

        gap = 0.0 if index == 0 else (GAP_DOWN if arrows else GAP_PLAIN)
        if index and arrows:
            labels = max((block_height(edge_lines(n, lang), SMALL) for n in nodes), default=0.0)
            if labels:
                gap = max(gap, labels + 24)
            if step.branch or panel.steps[index - 1].branch:
                gap += BUS
        plan.gap_before.append(gap)

    # Frames: room for the label above the first step of a group, and padding below the last.
    band, plan.group_labels = group_band(panel.groups, lang, lambda g: width)
    for group in panel.groups:
        first, last = group.first - 1, group.last - 1
        plan.gap_before[first] += band + FRAME + 6 + (FRAME if first else 0)
        if last + 1 < len(panel.steps):
            plan.gap_before[last + 1] += FRAME
        else:
            plan.end_pad = FRAME
    return plan


def draw_down(c: Canvas, plan: DownPlan, lang: str, x0: float, y0: float, row_h: list[float],
              gap_before: list[float], arrows: bool) -> float:
    """Draw a planned panel with the given (lined-up) row heights; return the y below it."""
    panel = plan.panel
    tops: list[float] = []
    y = y0
    for index in range(len(panel.steps)):
        y += gap_before[index]
        tops.append(y)
        y += row_h[index]
    bottom = y + plan.end_pad

    for index, boxes in enumerate(plan.mains):
        x = x0 + plan.main_x
        for box in boxes:
            box.x = x
            box.y = tops[index] + (row_h[index] - box.h) / 2
            x += box.w + BRANCH_GAP
    for index, box in plan.inputs.items():
        box.x, box.y = x0 + plan.in_x, tops[index] + (row_h[index] - box.h) / 2
    for index, box in plan.outputs.items():
        box.x, box.y = x0 + plan.out_x, tops[index] + (row_h[index] - box.h) / 2

    band = max((block_height(lines, SMALL) for lines in plan.group_labels.values()), default=0.0)
    for index, group in enumerate(panel.groups):
        first, last = group.first - 1, group.last - 1
        top = tops[first] - band - FRAME - 6
        end = tops[last] + row_h[last] + FRAME
        c.rect(x0, top, plan.width, end - top, f"dg-group dg-group--{group.style}", radius=8)
        c.text(plan.group_labels[index], x0 + FRAME, top + 4, SMALL,
               f"dg-group-label dg-group-label--{group.style}", anchor="start")

    if arrows:
        for index in range(1, len(panel.steps)):
            before, after = plan.mains[index - 1], plan.mains[index]
            row_end = tops[index - 1] + row_h[index - 1]
            if len(before) == 1 and len(after) == 1:
                x = before[0].cx
                c.arrow([(x, before[0].bottom), (x, after[0].y)])
                lines = edge_lines(after[0].node, lang)
                if lines:
                    c.label_on_line(lines, x, (row_end + tops[index]) / 2, SMALL)
            elif len(after) > 1:
                bus = row_end + BUS
                xs = [b.cx for b in after]
                src = before[0]
                c.polyline([(src.cx, src.bottom), (src.cx, bus)], "dg-arrow")
                c.polyline([(min(xs + [src.cx]), bus), (max(xs + [src.cx]), bus)], "dg-arrow")
                for box in after:
                    c.arrow([(box.cx, bus), (box.cx, box.y)])
                    lines = edge_lines(box.node, lang)
                    if lines:
                        c.label_on_line(lines, box.cx, (bus + box.y) / 2, SMALL)
            else:
                target = after[0]
                bus = tops[index] - BUS
                xs = [b.cx for b in before]
                for box in before:
                    c.polyline([(box.cx, box.bottom), (box.cx, bus)], "dg-arrow")
                c.polyline([(min(xs + [target.cx]), bus), (max(xs + [target.cx]), bus)], "dg-arrow")
                c.arrow([(target.cx, bus), (target.cx, target.y)])
    for index, box in plan.inputs.items():
        main = plan.mains[index][0]
        c.arrow([(box.right, main.cy), (main.x, main.cy)], "dg-arrow dg-arrow--side")
    for index, box in plan.outputs.items():
        main = plan.mains[index][0]
        c.arrow([(main.right, main.cy), (box.x, main.cy)], "dg-arrow dg-arrow--side")
    for boxes in plan.mains:
        for box in boxes:
            draw_box(c, box)
    for box in list(plan.inputs.values()) + list(plan.outputs.values()):
        draw_box(c, box)
    return bottom


# -----------------------------------------------------------------------------
# A whole flow
# -----------------------------------------------------------------------------


def panel_heading(panel: Panel, lang: str, width: float) -> list[str]:
    return wrap(t(panel.title, lang), width, FONT) if panel.title else []


def panel_note(panel: Panel, lang: str, width: float) -> list[str]:
    return wrap(t(panel.note, lang), width, SMALL) if panel.note else []


def render_flow(flow: Flow, lang: str, width: float, direction: str) -> tuple[Canvas, float]:
    """Lay the flow out in `direction` to fit `width`; return the drawing and its height."""
    c = Canvas()
    y = 2.0
    if direction == "right":
        gap = right_gap(flow, lang)
        columns = max(len(p.steps) for p in flow.panels)
        for number, panel in enumerate(flow.panels):
            if number:
                y += PANEL_GAP
            y += c.text(panel_heading(panel, lang, width), 0, y, FONT, "dg-title", anchor="start")
            if panel.title:
                y += 8
            y = layout_right(c, panel, lang, 0, y, width, columns, gap, flow.arrows)
            note = panel_note(panel, lang, width)
            if note:
                y += 10 + c.text(note, 0, y + 10, SMALL, "dg-panel-note", anchor="start")
        return c, y + 2

    count = len(flow.panels)
    side_by_side = count > 1 and (width - (count - 1) * 16) / count >= 150
    rows = [flow.panels] if side_by_side else [[p] for p in flow.panels]
    for number, row in enumerate(rows):
        if number:
            y += PANEL_GAP
        n = len(row)
        column_w = (width - (n - 1) * 16) / n
        xs = [i * (column_w + 16) for i in range(n)]
        headings = [panel_heading(p, lang, column_w) for p in row]
        heading_h = max(block_height(h, FONT) for h in headings)
        for x, lines in zip(xs, headings):
            c.text(lines, x + column_w / 2, y, FONT, "dg-title")
        if heading_h:
            y += heading_h + 8
        plans = [plan_down(p, lang, column_w, flow.arrows) for p in row]
        longest = max(len(p.panel.steps) for p in plans)
        row_h = [max(p.row_h[i] for p in plans if i < len(p.row_h)) for i in range(longest)]
        gaps = [max(p.gap_before[i] for p in plans if i < len(p.gap_before)) for i in range(longest)]
        bottom = max(draw_down(c, p, lang, x, y, row_h, gaps, flow.arrows) for p, x in zip(plans, xs))
        notes = [panel_note(p, lang, column_w) for p in row]
        if any(notes):
            bottom += 10
            bottom += max(c.text(lines, x + column_w / 2, bottom, SMALL, "dg-panel-note")
                          for lines, x in zip(notes, xs))
        y = bottom
    return c, y + 2
