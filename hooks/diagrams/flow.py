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

from .flow_boxes import COLUMN_GAP, FRAME, PANEL_GAP
from .flow_down import draw_down, plan_down
from .flow_right import layout_right, right_columns
from .model import Flow, text_in
from .svg import FONT, SMALL, Canvas, block_height, wrap


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
