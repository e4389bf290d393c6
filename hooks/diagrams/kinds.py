"""The three kinds of diagram, read from their YAML: flow, bars and line."""

from __future__ import annotations

from typing import Any

from core.languages import LANGUAGES

from .model import (
    DIRECTIONS, STYLES, BarPanel, Bars, Cells, Flow, Group, Line, Marker, Node, Panel, Series, Step, Zone,
)
from .yaml_reader import Where, _Reader

COMMON_FIELDS = ("kind", "caption", "alt")
NODE_FIELDS = ("label", "note", "style", "stack", "cells", "edge")
STEP_FIELDS = NODE_FIELDS + ("input", "output", "branch", "width")
FLOW_FIELDS = COMMON_FIELDS + ("direction", "arrows", "steps", "panels", "note", "groups")
PANEL_FIELDS = ("title", "steps", "note", "groups")
BARS_FIELDS = COMMON_FIELDS + ("categories", "panels", "subtitle", "logits", "values_as")
LINE_FIELDS = COMMON_FIELDS + ("x_label", "y_label", "series", "markers", "zones")


def _read_node(reader: _Reader, value: Any, where: Where, allowed=NODE_FIELDS,
               label_required: bool = True) -> Node | None:
    if isinstance(value, dict) and set(value) <= set(LANGUAGES):
        value = {"label": value}  # a bare {zh, en} is the label: `input: {zh: ..., en: ...}`
    data = reader.mapping(value, where, allowed, "label: {zh: 检索, en: Retrieve}")
    if data is None:
        return None
    cells = None
    if data.get("cells") is not None:
        cell_data = reader.mapping(data["cells"], where + ("cells",), ("count", "chosen"),
                                   "cells: {count: 256, chosen: 8}")
        if cell_data is not None:
            count = reader.number(cell_data.get("count"), where + ("cells", "count"),
                                  "the number of squares", minimum=1, whole=True)
            chosen = reader.number(cell_data.get("chosen", 0), where + ("cells", "chosen"),
                                   "the number of picked squares", minimum=0, whole=True)
            if count is not None and chosen is not None:
                if chosen > count:
                    reader.problem(where + ("cells", "chosen"), "more squares are picked than there are.")
                elif count > 1024:
                    reader.problem(where + ("cells", "count"), "at most 1024 squares fit in a box.")
                else:
                    cells = Cells(int(count), int(chosen))
    label = reader.text(data.get("label"), where + ("label",), required=label_required and cells is None)
    return Node(
        label=label,
        note=reader.text(data.get("note"), where + ("note",), required=False),
        style=reader.choice(data.get("style"), where + ("style",), STYLES, "plain"),
        stack=reader.flag(data.get("stack"), where + ("stack",), False),
        cells=cells,
        edge=reader.text(data.get("edge"), where + ("edge",), required=False),
    )


def _read_steps(reader: _Reader, value: Any, where: Where) -> tuple[Step, ...]:
    steps: list[Step] = []
    previous_branch = False
    for index, item in enumerate(reader.items(value, where, "steps")):
        at = where + (index,)
        width = 1.0
        if isinstance(item, dict) and item.get("width") is not None:
            width = reader.number(item["width"], at + ("width",), "'width' (how much room the step takes)",
                                  minimum=0.5) or 1.0
            if width > 4:
                reader.problem(at + ("width",), "'width' can be at most 4 (four times a normal step).")
                width = 1.0
        if isinstance(item, dict) and "branch" in item:
            data = reader.mapping(item, at, ("branch", "width"), "branch: [...]")
            boxes = reader.items(item.get("branch"), at + ("branch",), "boxes", minimum=2)
            nodes = tuple(n for i, box in enumerate(boxes)
                          if (n := _read_node(reader, box, at + ("branch", i))) is not None)
            if previous_branch:
                reader.problem(at, (
                    "two branches cannot follow each other: put a single box between them."))
            if data is not None:
                steps.append(Step(node=None, branch=nodes, width=width))
            previous_branch = True
            continue
        previous_branch = False
        node = _read_node(reader, item, at, STEP_FIELDS)
        if node is None:
            continue
        extra = {}
        for side in ("input", "output"):
            if isinstance(item, dict) and item.get(side) is not None:
                extra[side] = _read_node(reader, item[side], at + (side,))
        steps.append(Step(node=node, width=width, **extra))
    return tuple(steps)


def _read_groups(reader: _Reader, value: Any, where: Where, count: int) -> tuple[Group, ...]:
    if value is None:
        return ()
    groups = []
    for index, item in enumerate(reader.items(value, where, "groups")):
        at = where + (index,)
        data = reader.mapping(item, at, ("first", "last", "label", "style"),
                              "{first: 1, last: 2, label: {zh: ..., en: ...}}")
        if data is None:
            continue
        first = reader.number(data.get("first"), at + ("first",), "'first' (the first step in the frame)",
                              minimum=1, whole=True)
        last = reader.number(data.get("last"), at + ("last",), "'last' (the last step in the frame)",
                             minimum=1, whole=True)
        label = reader.text(data.get("label"), at + ("label",))
        style = reader.choice(data.get("style"), at + ("style",), STYLES, "plain")
        if first is None or last is None or label is None:
            continue
        if not first <= last <= count:
            reader.problem(at, (
                f"a frame goes from step 'first' to step 'last', counted from 1; this flow has "
                f"{count} steps, so 1 ≤ first ≤ last ≤ {count}."))
            continue
        groups.append(Group(int(first), int(last), label, style))
    ordered = sorted(groups, key=lambda g: g.first)
    for before, after in zip(ordered, ordered[1:]):
        if after.first <= before.last:
            reader.problem(where, "two frames share a step; frames must not overlap.")
            break
    return tuple(ordered)


def _read_flow(reader: _Reader, data: dict) -> Flow | None:
    reader.mapping(data, (), FLOW_FIELDS, "kind: flow")
    direction = reader.choice(data.get("direction"), ("direction",), DIRECTIONS, "right")
    arrows = reader.flag(data.get("arrows"), ("arrows",), True)
    if ("steps" in data) == ("panels" in data):
        reader.problem((), (
            "a flow has either 'steps' (one row of boxes) or 'panels' (several flows side by "
            "side, each with its own 'steps'), and not both."))
        return None
    panels: list[Panel] = []
    if "steps" in data:
        steps = _read_steps(reader, data["steps"], ("steps",))
        panels.append(Panel(None, steps, reader.text(data.get("note"), ("note",), required=False),
                            _read_groups(reader, data.get("groups"), ("groups",), len(steps))))
    else:
        for name in ("note", "groups"):
            if name in data:
                reader.problem((name,), f"with panels, '{name}' belongs inside each panel.")
        for index, item in enumerate(reader.items(data["panels"], ("panels",), "panels")):
            at = ("panels", index)
            panel = reader.mapping(item, at, PANEL_FIELDS, "title: {zh: ..., en: ...}")
            if panel is None:
                continue
            steps = _read_steps(reader, panel.get("steps"), at + ("steps",))
            panels.append(Panel(
                reader.text(panel.get("title"), at + ("title",), required=False), steps,
                reader.text(panel.get("note"), at + ("note",), required=False),
                _read_groups(reader, panel.get("groups"), at + ("groups",), len(steps))))
    return Flow(direction, arrows, tuple(panels))


def _read_bars(reader: _Reader, data: dict) -> Bars | None:
    reader.mapping(data, (), BARS_FIELDS, "kind: bars")
    categories = tuple(t for i, c in enumerate(reader.items(data.get("categories"), ("categories",), "bar labels"))
                       if (t := reader.text(c, ("categories", i))) is not None)
    logits = None
    if data.get("logits") is not None:
        raw = reader.items(data["logits"], ("logits",), "scores")
        values = [reader.number(v, ("logits", i), "a score") for i, v in enumerate(raw)]
        if all(v is not None for v in values):
            logits = tuple(values)
            if len(logits) != len(categories):
                reader.problem(("logits",), (
                    f"there are {len(logits)} scores for {len(categories)} bars; give one score per bar."))
    values_as = reader.choice(data.get("values_as"), ("values_as",), ("percent", "number"), "percent")
    panels = []
    for index, item in enumerate(reader.items(data.get("panels"), ("panels",), "charts")):
        at = ("panels", index)
        panel = reader.mapping(item, at, ("title", "values", "temperature", "style"),
                               "title: {zh: ..., en: ...}")
        if panel is None:
            continue
        title = reader.text(panel.get("title"), at + ("title",))
        style = reader.choice(panel.get("style"), at + ("style",), STYLES, "strong")
        temperature = values = None
        if ("values" in panel) == ("temperature" in panel):
            reader.problem(at, (
                "each chart gives either its 'values' (one per bar) or a 'temperature' "
                "(the bars are then computed from 'logits'), not both."))
            continue
        if "temperature" in panel:
            temperature = reader.number(panel["temperature"], at + ("temperature",), "the temperature")
            if temperature is not None and temperature <= 0:
                reader.problem(at + ("temperature",), "the temperature must be above 0.")
                temperature = None
            if logits is None and "logits" not in data:
                reader.problem(at + ("temperature",), (
                    "a chart with a temperature needs 'logits' (one score per bar) at the top of the file."))
        else:
            raw = reader.items(panel["values"], at + ("values",), "values")
            numbers = [reader.number(v, at + ("values", i), "a value", minimum=0) for i, v in enumerate(raw)]
            if all(n is not None for n in numbers):
                values = tuple(numbers)
                if len(values) != len(categories):
                    reader.problem(at + ("values",), (
                        f"there are {len(values)} values for {len(categories)} bars; give one per bar."))
        if title is not None:
            panels.append(BarPanel(title, values, temperature, style))
    subtitle = reader.text(data.get("subtitle"), ("subtitle",), required=False)
    return Bars(categories, tuple(panels), subtitle, logits, values_as == "percent")


def _read_line(reader: _Reader, data: dict) -> Line | None:
    reader.mapping(data, (), LINE_FIELDS, "kind: line")
    x_label = reader.text(data.get("x_label"), ("x_label",))
    y_label = reader.text(data.get("y_label"), ("y_label",))
    series: list[Series] = []
    for index, item in enumerate(reader.items(data.get("series"), ("series",), "lines")):
        at = ("series", index)
        entry = reader.mapping(item, at, ("id", "label", "points", "style"), "id: test")
        if entry is None:
            continue
        series_id = str(entry.get("id", index + 1))
        label = reader.text(entry.get("label"), at + ("label",))
        style = reader.choice(entry.get("style"), at + ("style",), STYLES, "strong")
        points = []
        for p, point in enumerate(reader.items(entry.get("points"), at + ("points",), "points", minimum=2)):
            if (not isinstance(point, list) or len(point) != 2
                    or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in point)):
                reader.problem(at + ("points", p), "a point is written [x, y], two numbers, like [3, 0.42].")
                continue
            points.append((float(point[0]), float(point[1])))
        if any(b[0] <= a[0] for a, b in zip(points, points[1:])):
            reader.problem(at + ("points",), "the points must go from left to right: each x larger than the one before.")
            continue
        if label is not None and len(points) >= 2:
            series.append(Series(series_id, label, tuple(points), style))
    by_id = {s.id: s for s in series}

    def place(value: Any, where: Where) -> tuple[float | None, str | None]:
        """A position on the x axis: a number, or {lowest: <series id>}."""
        if isinstance(value, dict) and set(value) == {"lowest"}:
            target = by_id.get(str(value["lowest"]))
            if target is None:
                reader.problem(where, (
                    f"there is no line with id '{value['lowest']}'. Ids: {', '.join(by_id) or 'none'}."))
                return None, None
            return min(target.points, key=lambda p: p[1])[0], target.id
        number = reader.number(value, where, "a place on the x axis (or {lowest: <line id>})")
        return number, None

    markers = []
    for index, item in enumerate(reader.items(data.get("markers", []), ("markers",), "markers", minimum=0)):
        at = ("markers", index)
        entry = reader.mapping(item, at, ("at", "label"), "at: {lowest: test}")
        if entry is None:
            continue
        x, series_id = place(entry.get("at"), at + ("at",))
        label = reader.text(entry.get("label"), at + ("label",))
        if x is not None and label is not None:
            markers.append(Marker(x, label, series_id))
    zones = []
    last_x = max((s.points[-1][0] for s in series), default=0.0)
    for index, item in enumerate(reader.items(data.get("zones", []), ("zones",), "zones", minimum=0)):
        at = ("zones", index)
        entry = reader.mapping(item, at, ("from", "to", "label"), "from: {lowest: test}")
        if entry is None:
            continue
        start, _ = place(entry.get("from"), at + ("from",))
        end = last_x if entry.get("to", "end") == "end" else place(entry.get("to"), at + ("to",))[0]
        label = reader.text(entry.get("label"), at + ("label",))
        if start is not None and end is not None and label is not None:
            if end <= start:
                reader.problem(at, "a zone's 'to' must be to the right of its 'from'.")
            else:
                zones.append(Zone(start, end, label))
    if x_label is None or y_label is None:
        return None
    return Line(x_label, y_label, tuple(series), tuple(markers), tuple(zones))

