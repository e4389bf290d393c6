"""A flow laid out top to bottom: steps in a column, `input` and `output` in a column to the
right; a branch side by side, or listed under one another when too narrow. Every flow's
narrow (phone) drawing is laid out this way."""

from __future__ import annotations

from dataclasses import dataclass, field

from .flow_boxes import (
    BRANCH_GAP, BRANCH_MIN, BUS, FRAME, GAP_DOWN, GAP_PLAIN, LIST_INDENT, MAIN_MAX, SIDE_GAP,
    SIDE_STACK, Box, draw_box, edge_lines, group_labels, measure, step_nodes,
)
from .model import Panel
from .svg import SMALL, Canvas, block_height

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
