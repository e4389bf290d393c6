"""Charts: bar charts (values given, or computed from scores and a temperature) and
line charts (smooth curves through given points, with markers and shaded zones).

No axis numbers: these pictures show a shape to colleagues, not data to analysts.
Bar charts print each bar's value next to it instead.
"""

from __future__ import annotations

import math

from core.words import in_parentheses, word

from .model import text_in, Bars, Line
from .svg import FONT, SMALL, Canvas, block_height, lines_width, num, wrap

BAR = 16              # thickness of a bar
LINE_PLOT_H = 210     # height of a line chart's plot area
PANEL_GAP = 36


# -----------------------------------------------------------------------------
# Bars
# -----------------------------------------------------------------------------


def softmax(logits: tuple[float, ...], temperature: float) -> list[float]:
    """Probabilities from scores: softmax(logits / T), computed stably."""
    scaled = [value / temperature for value in logits]
    top = max(scaled)
    weights = [math.exp(value - top) for value in scaled]
    total = sum(weights)
    return [weight / total for weight in weights]


def panel_values(bars: Bars, index: int) -> list[float]:
    panel = bars.panels[index]
    if panel.temperature is not None:
        return softmax(bars.logits, panel.temperature)
    return list(panel.values)


def format_value(value: float, percent: bool) -> str:
    if not percent:
        return num(value)
    share = value * 100
    if share >= 9.95:
        return f"{share:.0f}%"
    if share >= 0.05:
        return f"{share:.1f}%"
    return "<0.1%"


def temperature_line(temperature: float) -> str:
    return f"T = {num(temperature)}"


def values_summary(bars: Bars, lang: str) -> str:
    """The numbers the bars show, in words, appended to the text alternative."""
    parts = []
    separator, colon, end = word(lang, "list_sep"), word(lang, "colon"), word(lang, "sentence_end")
    for index, panel in enumerate(bars.panels):
        title = text_in(panel.title, lang)
        if panel.temperature is not None:
            title += in_parentheses(lang, temperature_line(panel.temperature))
        values = panel_values(bars, index)
        pairs = separator.join(f"{text_in(c_, lang)} {format_value(v, bars.percent)}"
                               for c_, v in zip(bars.categories, values))
        parts.append(f"{title}{colon}{pairs}{end}")
    return word(lang, "diagram.values_shown") + " ".join(parts)


def render_bars(bars: Bars, lang: str, width: float) -> tuple[Canvas, float]:
    """Horizontal bars: the labels stay readable at any width, even on a phone."""
    c = Canvas()
    y = 2.0
    if bars.subtitle:
        y += c.text(wrap(text_in(bars.subtitle, lang), width, FONT), width / 2, y, FONT, "dg-title") + 14
    count = len(bars.panels)
    side_by_side = (width - (count - 1) * PANEL_GAP) / count >= 300
    per_row = count if side_by_side else 1
    panel_w = (width - (per_row - 1) * PANEL_GAP) / per_row
    values = [panel_values(bars, i) for i in range(count)]
    highest = max(max(v) for v in values) or 1.0  # one scale for every panel: fair to compare

    label_w = min(max(lines_width([text_in(c_, lang)], FONT) for c_ in bars.categories), panel_w * 0.36)
    category_lines = [wrap(text_in(c_, lang), label_w, FONT) for c_ in bars.categories]
    value_w = max(lines_width([format_value(v, bars.percent)], SMALL) for vs in values for v in vs)
    bar_left = label_w + 10
    bar_room = panel_w - bar_left - value_w - 8
    row_hs = [max(block_height(lines, FONT), BAR) + 8 for lines in category_lines]

    for row_start in range(0, count, per_row):
        row = list(range(row_start, min(count, row_start + per_row)))
        if row_start:
            y += PANEL_GAP - 8
        titles = []
        for index in row:
            panel = bars.panels[index]
            lines = wrap(text_in(panel.title, lang), panel_w, FONT)
            if panel.temperature is not None:
                lines.append(temperature_line(panel.temperature))
            titles.append(lines)
        title_h = max(block_height(lines, FONT) for lines in titles)
        for column, index in enumerate(row):
            panel = bars.panels[index]
            x0 = column * (panel_w + PANEL_GAP)
            c.text(titles[column], x0 + panel_w / 2, y, FONT, "dg-title")
            top = y + title_h + 8
            for k, value in enumerate(values[index]):
                mid = top + row_hs[k] / 2
                c.text(category_lines[k], x0 + label_w, mid - block_height(category_lines[k], FONT) / 2,
                       FONT, "dg-label", anchor="end")
                length = max(value / highest * bar_room, 1.5)
                c.rect(x0 + bar_left, mid - BAR / 2, length, BAR, f"dg-bar dg-bar--{panel.style}", radius=2)
                c.text([format_value(value, bars.percent)], x0 + bar_left + length + 5,
                       mid - SMALL * 0.65, SMALL, "dg-value", anchor="start")
                top += row_hs[k]
            c.path(f"M{num(x0 + bar_left)} {num(y + title_h + 4)} V{num(top + 2)}", "dg-axis")
        y += title_h + 8 + sum(row_hs)
    return c, y + 4


# -----------------------------------------------------------------------------
# Lines
# -----------------------------------------------------------------------------


def smooth_path(points: list[tuple[float, float]]) -> str:
    """A smooth curve through the points that never overshoots them (monotone cubic,
    Fritsch-Carlson), so a curve drawn through a minimum has its lowest point there."""
    n = len(points)
    if n == 2:
        return f"M{num(points[0][0])} {num(points[0][1])} L{num(points[1][0])} {num(points[1][1])}"
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    slopes = [(ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]) for i in range(n - 1)]
    tangents = [slopes[0]] + [
        0.0 if slopes[i - 1] * slopes[i] <= 0 else (slopes[i - 1] + slopes[i]) / 2
        for i in range(1, n - 1)] + [slopes[-1]]
    for i, slope in enumerate(slopes):
        if slope == 0:
            tangents[i] = tangents[i + 1] = 0.0
            continue
        a, b = tangents[i] / slope, tangents[i + 1] / slope
        length = math.hypot(a, b)
        if length > 3:
            tangents[i], tangents[i + 1] = 3 * a / length * slope, 3 * b / length * slope
    d = [f"M{num(xs[0])} {num(ys[0])}"]
    for i in range(n - 1):
        h = (xs[i + 1] - xs[i]) / 3
        d.append(f"C{num(xs[i] + h)} {num(ys[i] + tangents[i] * h)} "
                 f"{num(xs[i + 1] - h)} {num(ys[i + 1] - tangents[i + 1] * h)} "
                 f"{num(xs[i + 1])} {num(ys[i + 1])}")
    return " ".join(d)


def render_line(line: Line, lang: str, width: float) -> tuple[Canvas, float]:
    c = Canvas()
    all_points = [p for s in line.series for p in s.points]
    x_min, x_max = min(p[0] for p in all_points), max(p[0] for p in all_points)
    y_max = max(p[1] for p in all_points) * 1.08 or 1.0

    # Lines are named at their right end on a wide screen, in a key below on a phone.
    end_labels = width >= 500
    label_w = min(170.0, width * 0.26) if end_labels else 0.0
    series_lines = {s.id: wrap(text_in(s.label, lang), label_w - 10, SMALL) if end_labels else []
                    for s in line.series}

    y_label = wrap(text_in(line.y_label, lang), width * 0.5, SMALL)
    marker_lines = [wrap(text_in(m.label, lang), min(180.0, width * 0.5), SMALL) for m in line.markers]
    top = 2 + block_height(y_label, SMALL) + 6
    if marker_lines:
        top += max(block_height(lines, SMALL) for lines in marker_lines) + 8
    left = 14.0
    right = width - label_w - 10
    plot_h = LINE_PLOT_H if end_labels else LINE_PLOT_H * 0.8
    bottom = top + plot_h

    def sx(x: float) -> float:
        return left + (x - x_min) / (x_max - x_min) * (right - left)

    def sy(y: float) -> float:
        return bottom - y / y_max * plot_h

    for zone in line.zones:
        x1, x2 = sx(zone.start), sx(zone.end)
        c.rect(x1, top, x2 - x1, plot_h, "dg-zone", radius=0)
        lines = wrap(text_in(zone.label, lang), x2 - x1 - 12, SMALL)
        c.text(lines, (x1 + x2) / 2, top + 6, SMALL, "dg-zone-label")

    # Axes with arrowheads: up for the y axis, right for the x axis.
    c.arrow([(left, bottom), (left, top - 4)], "dg-axis", head=7)
    c.arrow([(left, bottom), (right + 6, bottom)], "dg-axis", head=7)
    c.text(y_label, left - 4, 2, SMALL, "dg-axis-label", anchor="start")
    x_label = wrap(text_in(line.x_label, lang), right - left, SMALL)
    c.text(x_label, right + 6, bottom + 6, SMALL, "dg-axis-label", anchor="end")
    height = bottom + 6 + block_height(x_label, SMALL)

    for number, series in enumerate(line.series):
        screen = [(sx(x), sy(y)) for x, y in series.points]
        c.path(smooth_path(screen), f"dg-series dg-series--{number + 1} dg-series--{series.style}")

    for marker, lines in zip(line.markers, marker_lines):
        x = sx(marker.at)
        c.path(f"M{num(x)} {num(top - 2)} V{num(bottom)}", "dg-marker")
        w = lines_width(lines, SMALL)
        anchor_x = min(max(x, w / 2 + 2), width - w / 2 - 2)
        c.text(lines, anchor_x, top - 6 - block_height(lines, SMALL), SMALL, "dg-marker-label")
        if marker.series:
            point = next(s for s in line.series if s.id == marker.series)
            y = min(p[1] for p in point.points)
            c.circle(x, sy(y), 4.5, "dg-marker-dot")

    if end_labels:
        # Each name next to its line's last point, nudged apart if two would overlap.
        placed: list[tuple[float, float]] = []
        order = sorted(line.series, key=lambda s: sy(s.points[-1][1]))
        for series in order:
            lines = series_lines[series.id]
            h = block_height(lines, SMALL)
            y = sy(series.points[-1][1]) - h / 2
            for other_top, other_bottom in placed:
                if y < other_bottom + 4 and y + h > other_top - 4:
                    y = other_bottom + 4
            placed.append((y, y + h))
            number = line.series.index(series) + 1
            c.text(lines, right + 10, y, SMALL, f"dg-series-label dg-series-label--{number}", anchor="start")
    else:
        y = height + 10
        for number, series in enumerate(line.series, start=1):
            lines = wrap(text_in(series.label, lang), width - 44, SMALL)
            mid = y + SMALL * 0.65
            c.path(f"M{num(left)} {num(mid)} H{num(left + 26)}",
                   f"dg-series dg-series--{number} dg-series--{series.style}")
            c.text(lines, left + 34, y, SMALL, f"dg-series-label dg-series-label--{number}", anchor="start")
            y += block_height(lines, SMALL) + 6
        height = y
    return c, height + 4
