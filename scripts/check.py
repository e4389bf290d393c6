"""`make check` / `make fix`: every content check, in seconds, without a browser.

Runs the same validations as the build (hooks/glossary/registry.py) plus the
Chinese typography lint, a Markdown lint, the term-page structure check and
American spelling in the English texts.
Prints one line per problem: file:line, what is wrong, what to do.
Exit code 1 when there is an error; warnings alone (stale translations, spelling)
exit 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from diagrams import source as diagrams  # noqa: E402
from glossary import lint  # noqa: E402
from glossary.registry import (  # noqa: E402
    DEFAULT_LANGUAGE, SNIPPETS_FOLDER, Problem, build_registry, content_hash, language_of, old_facts,
    read_pages, recorded_source_hash,
    split_front_matter,
)


def all_problems(docs_dir: Path, today: dt.date | None = None) -> list[Problem]:
    pages = read_pages(docs_dir)
    registry = build_registry(pages)
    problems = list(registry.problems) + old_facts(registry, pages, today or dt.date.today())
    for path, text in pages.items():
        problems += lint.typography_problems(path, text)
        problems += lint.markdown_problems(path, text)
        problems += lint.structure_problems(path, text)
        if language_of(path)[1] != DEFAULT_LANGUAGE:
            problems += lint.spelling_problems(path, text)
    return problems + diagram_problems(docs_dir, pages)


def diagram_problems(docs_dir: Path, pages: dict[str, str]) -> list[Problem]:
    """The build's own diagram checks (docs/_diagrams/*.yml, the markers in pages),
    plus Chinese typography and American spelling in the diagrams' texts."""
    sources = diagrams.read_folder(docs_dir)
    library = diagrams.read_library(sources)
    problems = library.problems + diagrams.marker_problems(pages, library)
    for diagram in library.diagrams.values():
        problems += diagrams.typography_problems(diagram)
    for path, text in sources.items():
        problems += lint.spelling_problems(path, text)  # their English texts
    return problems


def fix(docs_dir: Path) -> list[str]:
    """Apply the automatic fixes; return the files changed."""
    pages = read_pages(docs_dir)
    changed = []
    for path, text in pages.items():
        new = lint.fix_typography(path, text)
        new = add_missing_source_hash(path, new, pages)
        if new != text:
            (docs_dir / path).write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def add_missing_source_hash(path: str, text: str, pages: dict[str, str]) -> str:
    """A new translation records the Chinese version it follows. A stale hash is never
    refreshed here: only a person who updated the translation may do that."""
    source_path, lang = language_of(path)
    if lang == DEFAULT_LANGUAGE or source_path not in pages or path.startswith(f"{SNIPPETS_FOLDER}/"):
        return text
    meta, _, problems = split_front_matter(path, text)
    if problems or meta is None or recorded_source_hash(path, text) is not None:
        return text
    line = f"source_hash: {content_hash(lint.fix_typography(source_path, pages[source_path]))}\n"
    first_break = text.index("\n") + 1
    return text[:first_break] + line + text[first_break:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fix", action="store_true", help="apply the automatic fixes first")
    parser.add_argument("--docs", default=str(ROOT / "docs"), help="the docs folder to check")
    args = parser.parse_args()
    docs_dir = Path(args.docs)

    if args.fix:
        for path in fix(docs_dir):
            print(f"fixed: docs/{path}")

    problems = all_problems(docs_dir)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    for problem in warnings:
        print(f"WARNING docs/{problem}")
    for problem in errors:
        print(f"ERROR   docs/{problem}")
    if errors:
        print(f"\n{len(errors)} error(s), {len(warnings)} warning(s). "
              "Fix the errors above (CONTRIBUTING.md explains each check), then run 'make check' again.")
        return 1
    print(f"All content checks passed ({len(warnings)} warning(s)).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
