"""Diagram sources: docs/_diagrams/<id>.yml -> validated diagrams, and the page markers.

Pure Python over file names and text; nothing here imports MkDocs, so the build
(hooks/diagrams_hook.py), `make check` and the tests share every validation.
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

from pathlib import Path

import yaml

from core import strict_yaml
from core.problems import Problem, did_you_mean
from core.source_files import read_texts
from core.sources import DIAGRAMS_FOLDER, FILE_ID

from .fit import too_wide_problems
from .kinds import _read_bars, _read_flow, _read_line
from .model import KINDS, Diagram, Library
from .yaml_reader import Where, _line_numbers, _Reader, yaml_problem

def read_diagram(path: str, text: str) -> tuple[Diagram | None, list[Problem]]:
    """Validate one source file. `path` is relative to docs/ ('_diagrams/rag-flow.yml')."""
    diagram_id = Path(path).stem
    try:
        data = strict_yaml.load(text)  # no aliases, tags, repeated keys or YAML 1.1 surprises
        root = strict_yaml.compose(text)
    except strict_yaml.Refused as refused:
        return None, [Problem(path, "", refused.message, refused.line)]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return None, [Problem(path, "", (
            f"the file cannot be read near line {line}: {yaml_problem(error)}"), line)]
    lines: dict[Where, int] = {}
    if root is not None:
        _line_numbers(root, (), lines)
    reader = _Reader(path, lines)
    if not FILE_ID.match(diagram_id):
        reader.problem(("file name",), (
            f"'{diagram_id}' cannot be a diagram id. Name the file with lower-case English "
            "letters, digits and hyphens only, such as 'rag-flow.yml'."))
    if not isinstance(data, dict):
        reader.problem((), "a diagram file is a list of 'name: value' lines, starting with 'kind:'.")
        return None, reader.problems

    kind = data.get("kind")
    if kind not in KINDS:
        hint = did_you_mean(str(kind), KINDS)
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
                library.problems.extend(too_wide_problems(diagram, files[path]))
    return library


def read_folder(docs_dir: Path) -> dict[str, str]:
    """The diagram sources that can be read (core.source_files reports the others)."""
    return read_texts(docs_dir, lambda path: path.startswith(f"{DIAGRAMS_FOLDER}/")
                      and path.count("/") == 1 and path.endswith((".yml", ".yaml")))
