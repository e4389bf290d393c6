"""Diagram sources: docs/_diagrams/<id>.yml -> validated diagrams, and the page markers.

Pure Python over file names and text; nothing here imports MkDocs, so the build
(hooks/diagram_hook.py), `make check` and the tests share every validation.
Each problem names the file, the line and the field, and says what to do, in
words a contributor who is not a programmer can act on.

The format, for contributors, is in CONTRIBUTING.md. Every visible text is a
mapping {zh: ..., en: ...}; `caption` and `alt` are required. By kind:

    kind: flow        direction: right | down (the wide drawing; phones always get down)
                      arrows: true | false
                      steps: [step, ...]  with a top-level note and groups,
                      or panels: [{title, steps, note, groups}, ...]
        step:         label, note, style, stack (a pile of cards), cells: {count, chosen},
                      edge (words on the incoming arrow), input, output (side boxes),
                      width (room in a row, relative); or {branch: [box, ...], width}
        group:        {first, last, label, style}  (steps counted from 1)
        style:        plain | strong | highlight | data | muted | good | bad
    kind: bars        categories: [text, ...], subtitle, values_as: percent | number,
                      panels: [{title, values: [...]} or {title, temperature}, ...]
                      logits: [...] (one per category; softmax(logits / T) per panel)
    kind: line        x_label, y_label, series: [{id, label, style, points: [[x, y], ...]}],
                      markers: [{at, label}], zones: [{from, to, label}]
                      (at / from / to: a number, or {lowest: <series id>}; to may be "end")
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from glossary.markdown_lines import outside_code_blocks
from glossary.registry import DEFAULT_LANGUAGE, LANGUAGES, TERM_ID, Problem

DIAGRAMS_FOLDER = "_diagrams"
KINDS = ("flow", "bars", "line")
STYLES = ("plain", "strong", "highlight", "data", "muted", "good", "bad")
DIRECTIONS = ("right", "down")
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}

# `<!-- diagram: rag-flow -->` alone on a line, at its start.
MARKER = re.compile(r"^<!--[ \t]*diagram[ \t]*:[ \t]*(?P<id>[^\s>]*)[ \t]*-->[ \t]*$")
# Anything that looks like an attempt at one, to catch slips.
MARKER_LIKE = re.compile(r"<!--\s*diagrams?\b", re.IGNORECASE)

Text = dict  # {"zh": "...", "en": "..."}, both present once validated

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cells:
    """A grid of small squares inside a box, some picked out (MoE's experts)."""
    count: int
    chosen: int


@dataclass(frozen=True)
class Node:
    """One box."""
    label: Text | None
    note: Text | None = None
    style: str = "plain"
    stack: bool = False          # drawn as a pile of cards: "a group of answers"
    cells: Cells | None = None
    edge: Text | None = None     # words on the arrow that comes into this box


@dataclass(frozen=True)
class Step:
    """One position along the flow: a box, or several boxes side by side (a branch)."""
    node: Node | None
    branch: tuple[Node, ...] = ()
    input: Node | None = None    # what goes in (drawn before the box, across the flow)
    output: Node | None = None   # what comes out (drawn after the box, across the flow)
    width: float = 1.0           # room in a left-to-right row, relative to the other steps

    @property
    def edge(self) -> Text | None:
        return self.node.edge if self.node else None


@dataclass(frozen=True)
class Group:
    """A labelled frame around steps first..last (counted from 1)."""
    first: int
    last: int
    label: Text
    style: str = "plain"


@dataclass(frozen=True)
class Panel:
    title: Text | None
    steps: tuple[Step, ...]
    note: Text | None = None
    groups: tuple[Group, ...] = ()


@dataclass(frozen=True)
class Flow:
    direction: str
    arrows: bool
    panels: tuple[Panel, ...]


@dataclass(frozen=True)
class BarPanel:
    title: Text
    values: tuple[float, ...] | None
    temperature: float | None
    style: str


@dataclass(frozen=True)
class Bars:
    categories: tuple[Text, ...]
    panels: tuple[BarPanel, ...]
    subtitle: Text | None
    logits: tuple[float, ...] | None
    percent: bool


@dataclass(frozen=True)
class Series:
    id: str
    label: Text
    points: tuple[tuple[float, float], ...]
    style: str


@dataclass(frozen=True)
class Marker:
    at: float
    label: Text
    series: str | None = None    # set when the place was found as a series' lowest point


@dataclass(frozen=True)
class Zone:
    start: float
    end: float
    label: Text


@dataclass(frozen=True)
class Line:
    x_label: Text
    y_label: Text
    series: tuple[Series, ...]
    markers: tuple[Marker, ...]
    zones: tuple[Zone, ...]


@dataclass(frozen=True)
class Diagram:
    id: str
    path: str              # relative to docs/, for messages
    kind: str
    caption: Text
    alt: Text
    body: Flow | Bars | Line


@dataclass
class Library:
    """Every diagram of the site, and what is wrong with the sources."""
    diagrams: dict[str, Diagram] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: set[str] = field(default_factory=set)   # every diagram id with a file, valid or not

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


_IDEOGRAPH = "\u2e80-\u2fff\u3040-\u9fff\uf900-\ufaff"
_CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uffef“”‘’…—"
_FOLDED_SPACE = re.compile(
    rf"(?<=[{_CJK_PUNCTUATION}])[ \t\n]+"                        # after ，。：）”
    rf"|[ \t\n]+(?=[{_CJK_PUNCTUATION}])"                        # before ，。：（“
    rf"|(?<=[{_IDEOGRAPH}])[ \t\n]+(?=[{_IDEOGRAPH}])")           # between two characters


def tidy(text: str, lang: str) -> str:
    """Trim; in Chinese, drop the spaces YAML leaves where a long text was folded onto
    several lines (Chinese has no space next to its punctuation or between characters)."""
    text = text.strip()
    return _FOLDED_SPACE.sub("", text) if lang == DEFAULT_LANGUAGE else text


# -----------------------------------------------------------------------------
# Reading YAML with line numbers
# -----------------------------------------------------------------------------

Where = tuple  # a path into the YAML data: ("panels", 0, "steps", 2, "label")

_SINGULAR = {
    "panels": "panel", "steps": "step", "branch": "branch box", "categories": "category",
    "series": "series", "markers": "marker", "zones": "zone", "groups": "group",
    "points": "point", "values": "value", "logits": "logit",
}


def describe(where: Where) -> str:
    """('panels', 1, 'steps', 2, 'label') -> 'panel 2 › step 3 › label'."""
    words: list[str] = []
    for index, part in enumerate(where):
        if isinstance(part, int):
            continue
        following = where[index + 1] if index + 1 < len(where) else None
        if isinstance(following, int):
            words.append(f"{_SINGULAR.get(part, part)} {following + 1}")
        else:
            words.append(str(part))
    return " › ".join(words)


def _line_numbers(node: yaml.Node, where: Where, lines: dict[Where, int]) -> None:
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = where + (key.value,)
            lines[child] = key.start_mark.line + 1
            _line_numbers(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_numbers(item, where + (index,), lines)


class _Reader:
    """Validates one file's data, collecting problems instead of stopping at the first."""

    def __init__(self, path: str, lines: dict[Where, int]):
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, where: Where, message: str) -> None:
        line = 1
        for end in range(len(where), -1, -1):
            if where[:end] in self.lines:
                line = self.lines[where[:end]]
                break
        self.problems.append(Problem(self.path, describe(where), message, line))

    # -- shapes ---------------------------------------------------------------

    def mapping(self, value: Any, where: Where, allowed: tuple[str, ...], example: str) -> dict | None:
        if not isinstance(value, dict):
            self.problem(where, f"this must be a block of 'name: value' lines, such as {example}.")
            return None
        for name in value:
            if name not in allowed:
                guess = difflib.get_close_matches(str(name), allowed, n=1)
                hint = f" Did you mean '{guess[0]}'?" if guess else ""
                self.problem(where + (name,), (
                    f"'{name}' is not something this part of a diagram can have, so it would be "
                    f"ignored.{hint} Allowed here: {', '.join(allowed)}."))
        return value

    def items(self, value: Any, where: Where, what: str, minimum: int = 1) -> list:
        if not isinstance(value, list) or len(value) < minimum:
            self.problem(where, (
                f"this must be a list of {what} (at least {minimum}), one per line, "
                "each line starting with '- '."))
            return []
        return value

    def text(self, value: Any, where: Where, required: bool = True) -> Text | None:
        """A visible text, in both languages: {zh: ..., en: ...}."""
        name = next((part for part in reversed(where) if isinstance(part, str)), "label")
        example = f"a line '{name}:' with a line 'zh: ...' and a line 'en: ...' under it"
        if value is None:
            if required:
                self.problem(where, f"this text is missing. Write it in both languages: {example}.")
            return None
        if not isinstance(value, dict):
            self.problem(where, (
                "this text is given in one language only. Every visible text is written in "
                f"both languages: {example}."))
            return None
        result: Text = {}
        for lang in value:
            if lang not in LANGUAGES:
                hint = ""
                if " " in str(lang) or len(str(lang)) > 3:
                    hint = (" It looks like a piece of your text: inside { } a comma ends a text. "
                            "Write 'zh:' and 'en:' on lines of their own instead, as the other "
                            "diagram files do, or put the text in double quotes.")
                self.problem(where + (lang,), (
                    f"'{lang}' is not a language of this site: use zh (Chinese) and en (English).{hint}"))
        for lang in LANGUAGES:
            text = value.get(lang)
            if isinstance(text, bool):
                self.problem(where + (lang,), (
                    f"the {LANGUAGE_NAMES[lang]} text reads as yes/no. Put it in double quotes, "
                    'like  en: "No"'))
            elif isinstance(text, (int, float)):
                result[lang] = str(text)
            elif not isinstance(text, str) or not text.strip():
                other = "en" if lang == "zh" else "zh"
                self.problem(where, (
                    f"the {LANGUAGE_NAMES[lang]} text is missing. Add a line '{lang}: ...' next to "
                    f"the line '{other}: ...': every visible text is written in both languages."))
            else:
                result[lang] = tidy(text, lang)
        return result if len(result) == len(LANGUAGES) else None

    def number(self, value: Any, where: Where, what: str, minimum: float | None = None,
               whole: bool = False) -> float | None:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if ok and whole and not float(value).is_integer():
            ok = False
        if ok and minimum is not None and value < minimum:
            ok = False
        if not ok:
            limit = f" of at least {minimum:g}" if minimum is not None else ""
            kind = "a whole number" if whole else "a number"
            self.problem(where, f"{what} must be {kind}{limit}, written with digits, like 0.5 or 8.")
            return None
        return float(value)

    def choice(self, value: Any, where: Where, options: tuple[str, ...], default: str) -> str:
        if value is None:
            return default
        if value not in options:
            guess = difflib.get_close_matches(str(value), options, n=1)
            hint = f" Did you mean '{guess[0]}'?" if guess else ""
            self.problem(where, f"'{value}' is not one of: {', '.join(options)}.{hint}")
            return default
        return value

    def flag(self, value: Any, where: Where, default: bool) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(where, "this must be true or false.")
            return default
        return value


# -----------------------------------------------------------------------------
# One diagram file
# -----------------------------------------------------------------------------

COMMON_FIELDS = ("kind", "caption", "alt")
NODE_FIELDS = ("label", "note", "style", "stack", "cells", "edge")
STEP_FIELDS = NODE_FIELDS + ("input", "output", "branch", "width")
FLOW_FIELDS = COMMON_FIELDS + ("direction", "arrows", "steps", "panels", "note", "groups")
PANEL_FIELDS = ("title", "steps", "note", "groups")
BARS_FIELDS = COMMON_FIELDS + ("categories", "panels", "subtitle", "logits", "values_as")
LINE_FIELDS = COMMON_FIELDS + ("x_label", "y_label", "series", "markers", "zones")


def read_diagram(path: str, text: str) -> tuple[Diagram | None, list[Problem]]:
    """Validate one source file. `path` is relative to docs/ ('_diagrams/rag-flow.yml')."""
    diagram_id = Path(path).stem
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return None, [Problem(path, "", (
            f"the file cannot be read near line {line}: {yaml_problem(error)}"), line)]
    lines: dict[Where, int] = {}
    if root is not None:
        _line_numbers(root, (), lines)
    reader = _Reader(path, lines)
    if not TERM_ID.match(diagram_id):
        reader.problem(("file name",), (
            f"'{diagram_id}' cannot be a diagram id. Name the file with lower-case English "
            "letters, digits and hyphens only, such as 'rag-flow.yml'."))
    if not isinstance(data, dict):
        reader.problem((), "a diagram file is a list of 'name: value' lines, starting with 'kind:'.")
        return None, reader.problems

    kind = data.get("kind")
    if kind not in KINDS:
        guess = difflib.get_close_matches(str(kind), KINDS, n=1)
        hint = f" Did you mean '{guess[0]}'?" if guess else ""
        reader.problem(("kind",), (
            f"'kind' says what sort of picture this is: flow (boxes and arrows), bars (a bar "
            f"chart) or line (a line chart); '{kind}' is none of them.{hint}"))
        return None, reader.problems
    caption = reader.text(data.get("caption"), ("caption",))
    alt = reader.text(data.get("alt"), ("alt",))
    body = {"flow": _read_flow, "bars": _read_bars, "line": _read_line}[kind](reader, data)
    if reader.problems or body is None or caption is None or alt is None:
        return None, reader.problems
    return Diagram(diagram_id, path, kind, caption, alt, body), []


# What YAML's own messages mean, in words for someone who is not a programmer.
_YAML_PROBLEMS = (
    ("mapping values are not allowed",
     "a text contains ': ' (a colon and a space). Put that whole text in double quotes, "
     'like  en: "Search: find the passages"'),
    ("found character '\\t'", "a tab is used to indent. Indent with spaces only."),
    ("could not find expected ':'",
     "a line has no 'name:' at its start, or a text in double quotes is not closed."),
    ("expected <block end>",
     "a line is not lined up with the lines around it. Check its indentation (spaces)."),
    ("did not find expected key",
     "a line is not lined up with the lines around it, or a text starts with a quote that "
     "is not closed."),
    ("did not find expected ',' or '}'",
     "a text inside { } has a comma, a colon or a question mark. Write 'zh:' and 'en:' on "
     "lines of their own instead, as the other diagram files do."),
    ("expected ',' or '}'",
     "a text inside { } has a comma, a colon or a question mark. Write 'zh:' and 'en:' on "
     "lines of their own instead, as the other diagram files do."),
    ("found unexpected end of stream", "a text in double quotes is not closed."),
)


def yaml_problem(error: yaml.YAMLError) -> str:
    reason = f"{getattr(error, 'problem', '') or ''} {getattr(error, 'context', '') or ''}"
    for known, meaning in _YAML_PROBLEMS:
        if known in reason:
            return meaning
    return (f"{reason.strip() or 'it is not valid YAML'}. Check the indentation (spaces, lined up "
            "with the lines around) and put texts that contain ': ' or start with a quote or a "
            "bracket in double quotes.")


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


# -----------------------------------------------------------------------------
# The whole folder, and the markers in pages
# -----------------------------------------------------------------------------


def read_library(files: dict[str, str]) -> Library:
    """files: path relative to docs/ ('_diagrams/rag-flow.yml') -> text."""
    library = Library()
    for path in sorted(files):
        if not path.endswith((".yml", ".yaml")):
            continue
        diagram, problems = read_diagram(path, files[path])
        library.files.add(Path(path).stem)
        library.problems.extend(problems)
        if diagram is not None:
            if diagram.id in library.diagrams:
                library.problems.append(Problem(path, "file name", (
                    f"there is already a diagram '{diagram.id}' "
                    f"({library.diagrams[diagram.id].path}); keep one of the two files.")))
            else:
                library.diagrams[diagram.id] = diagram
    return library


def read_folder(docs_dir: Path) -> dict[str, str]:
    folder = docs_dir / DIAGRAMS_FOLDER
    if not folder.is_dir():
        return {}
    return {path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.iterdir()) if path.suffix in (".yml", ".yaml")}


@dataclass(frozen=True)
class Placement:
    """A marker found in a page."""
    line: int        # 1-based
    id: str


def find_markers(text: str) -> tuple[list[Placement], list[int]]:
    """Markers outside code blocks, and the lines of marker-like slips (indented, misspelt)."""
    placements: list[Placement] = []
    slips: list[int] = []
    for index, line in outside_code_blocks(text.split("\n")):
        number = index + 1
        match = MARKER.match(line)
        if match:
            placements.append(Placement(number, match.group("id")))
        elif MARKER_LIKE.search(line):
            slips.append(number)
    return placements, slips


def marker_problems(pages: dict[str, str], library: Library) -> list[Problem]:
    """Every marker must name a diagram that exists (and be written so the build sees it)."""
    problems = []
    known = sorted(library.files | set(library.diagrams))
    for path, text in sorted(pages.items()):
        placements, slips = find_markers(text)
        for placement in placements:
            if placement.id in library.diagrams:
                continue
            if not placement.id:
                message = "the marker has no diagram id. Write it like  <!-- diagram: rag-flow -->"
            elif placement.id in known:
                continue  # the diagram's own file has problems, reported on their own
            else:
                guess = difflib.get_close_matches(placement.id, known, n=1)
                hint = f" Did you mean '{guess[0]}'?" if guess else ""
                message = (
                    f"there is no diagram called '{placement.id}'.{hint} A diagram id is the "
                    f"name of a file in docs/{DIAGRAMS_FOLDER}/ without '.yml'; the ones that "
                    f"exist are: {', '.join(known) or 'none yet'}.")
            problems.append(Problem(path, "diagram", message, placement.line))
        for line in slips:
            problems.append(Problem(path, "diagram", (
                "this line looks like a diagram marker but is not written the way the build "
                "recognises. Put it alone on its own line, at the very start of the line (not "
                "indented), exactly like  <!-- diagram: rag-flow -->"), line))
    return problems


# -----------------------------------------------------------------------------
# Every visible text of a diagram (for the typography check and the tests)
# -----------------------------------------------------------------------------


def texts(diagram: Diagram) -> list[tuple[str, Text]]:
    """(field, {zh, en}) for every text in the diagram, caption and alt included."""
    found: list[tuple[str, Text]] = [("caption", diagram.caption), ("alt", diagram.alt)]

    def walk(value: Any, where: str) -> None:
        if isinstance(value, dict) and set(value) == set(LANGUAGES):
            found.append((where, value))
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                walk(item, f"{where} {index + 1}")
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                walk(getattr(value, name), f"{where} › {name}" if where else name)

    walk(diagram.body, "")
    return found


def typography_problems(diagram: Diagram) -> list[Problem]:
    """Chinese texts follow the site's typography (same rules as `make check` on pages)."""
    import autocorrect_py  # only `make check` and the tests need it

    problems = []
    for where, text in texts(diagram):
        zh = text[DEFAULT_LANGUAGE]
        fixed = autocorrect_py.format(zh)
        if fixed != zh:
            problems.append(Problem(diagram.path, where.strip(" ›"), (
                f"Chinese typography: write “{fixed}” instead of “{zh}” (a space between "
                "Chinese and Latin letters or digits; full-width punctuation).")))
    return problems
