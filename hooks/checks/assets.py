"""The stylesheets and scripts the site publishes: docs/ (docs/assets/) and the theme overrides.

Each is read as it will be published and must ask no other site for anything
(safety/asset_files.py says how that is judged). Material's own files, in its package's
template folder, are not contributor files and are left out (see tests/test_safety.py).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from core.problems import Problem
from core.source_files import walk
from core.sources import DIAGRAMS_FOLDER, SNIPPETS_FOLDER
from safety.asset_files import (
    ASSET_SUFFIXES, MAX_ASSET_BYTES, asset_problem_sentence, script_addresses, stylesheet_addresses,
)

_NOT_PUBLISHED = (f"{SNIPPETS_FOLDER}/", f"{DIAGRAMS_FOLDER}/")


def published_assets(docs_dir: Path, template_dirs: list[Path]) -> dict[str, Path]:
    """'docs/assets/x.css' or 'overrides/x.js' (as shown to a contributor) -> the file."""
    found = {f"docs/{path}": docs_dir / path for path in walk(docs_dir)[0]
             if path.lower().endswith(ASSET_SUFFIXES) and not path.startswith(_NOT_PUBLISHED)}
    material = _material_folder()
    project = docs_dir.parent.resolve()
    for folder in template_dirs:
        folder = Path(folder).resolve()
        if not folder.is_dir() or (material and folder.is_relative_to(material)):
            continue
        shown = folder.relative_to(project).as_posix() if folder.is_relative_to(project) else str(folder)
        for path in walk(folder)[0]:
            if path.lower().endswith(ASSET_SUFFIXES):
                found[f"{shown}/{path}"] = folder / path
    return found


def asset_problems(docs_dir: Path, template_dirs: list[Path]) -> list[Problem]:
    problems = []
    for shown, file in sorted(published_assets(docs_dir, template_dirs).items()):
        # Problems are printed as 'docs/<path>' by both tools: keep paths relative to docs/.
        path = shown.removeprefix("docs/") if shown.startswith("docs/") else f"../{shown}"
        data = file.read_bytes()
        if len(data) > MAX_ASSET_BYTES:
            problems.append(Problem(path, "", (
                f"this file is {len(data) // 1000} KB; stylesheets and scripts of the site are at "
                f"most {MAX_ASSET_BYTES // 1000} KB. Remove what was pasted in by mistake.")))
            continue
        text = data.decode("utf-8", errors="replace")
        kind = "css" if shown.lower().endswith(".css") else "js"
        found = stylesheet_addresses(text) if kind == "css" else script_addresses(text)
        problems.extend(Problem(path, "", asset_problem_sentence(kind, address), line) for line, address in found)
    return problems


def _material_folder() -> Path | None:
    spec = importlib.util.find_spec("material")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]).resolve() if locations else None
