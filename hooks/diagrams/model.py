"""The diagram data model: what a validated docs/_diagrams/<id>.yml holds (plain dataclasses).

Every visible text is a mapping {language: text} with every site language present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.languages import DEFAULT_LANGUAGE
from core.problems import Problem, errors

KINDS = ("flow", "bars", "line")
STYLES = ("plain", "strong", "highlight", "data", "muted", "good", "bad")
DIRECTIONS = ("right", "down")

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
        return errors(self.problems)


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



def text_in(text: dict | None, lang: str) -> str:
    """A text in one language; '' for a text the diagram leaves out."""
    return text[lang] if text else ""
