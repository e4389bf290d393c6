"""`make check` / `make fix`: every content check, in seconds, without a browser.

Runs every check in hooks/checks/__init__.py: the build's own validations plus the
Chinese typography lint, a Markdown lint, the term-page structure check, American
spelling in the English texts and the freshness of fast-moving pages.
Prints one line per problem: file:line, what is wrong, what to do.
Exit code 1 when there is an error; warnings alone (stale translations, spelling)
exit 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from checks import all_problems, lint  # noqa: E402
from core.languages import DEFAULT_LANGUAGE  # noqa: E402
from core.problems import errors, warnings  # noqa: E402
from core.sources import (  # noqa: E402
    SNIPPETS_FOLDER, content_hash, language_of, read_pages, split_front_matter, yaml_text,
)
from glossary.registry import recorded_source_hash  # noqa: E402


def fix(docs_dir: Path) -> list[str]:
    """Apply the automatic fixes; return the files changed. Only the Markdown after the front
    matter is ever rewritten, and only in a file that reads cleanly: a file the checks cannot
    read (wrong encoding, a byte-order mark, broken front matter) is left as it is, for its
    error to be fixed by hand first."""
    pages = read_pages(docs_dir)  # files that cannot be decoded are not even in here
    changed = []
    for path, text in pages.items():
        if split_front_matter(path, text)[2]:
            continue
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
    # The hash of the Chinese page as `fix` leaves it: with --fix, fix() rewrites that page's
    # typography in the same run, and the hash must match the file as written.
    line = f"source_hash: {yaml_text(content_hash(lint.fix_typography(source_path, pages[source_path])))}\n"
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
    found_errors, found_warnings = errors(problems), warnings(problems)
    for problem in found_warnings:
        print(f"WARNING docs/{problem}")
    for problem in found_errors:
        print(f"ERROR   docs/{problem}")
    if found_errors:
        print(f"\n{len(found_errors)} error(s), {len(found_warnings)} warning(s). "
              "Fix the errors above (CONTRIBUTING.md explains each check), then run 'make check' again.")
        return 1
    print(f"All content checks passed ({len(found_warnings)} warning(s)).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
