"""A flow laid out left to right: steps in a row, `input` above and `output` below a step,
a branch's boxes stacked; several panels one under the other, their columns lined up."""

from __future__ import annotations

from dataclasses import dataclass

from .flow_boxes import (
    BRANCH_GAP, BUS, FRAME, GAP_PLAIN, GAP_RIGHT, SIDE_GAP, Box, draw_box, edge_lines, group_labels, measure,
    step_nodes,
)
from .model import Flow, Panel
from .svg import SMALL, Canvas, block_height, lines_width

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
