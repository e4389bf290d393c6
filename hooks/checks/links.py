"""Links between pages: every relative link leads to a file the site builds.

MkDocs checks links itself (validation in mkdocs.yml) and strict mode fails the build on a
broken one, but only while building; this is the same rule as a plain function, so `make
check` finds it first, and the build runs it too (checks/__init__.py), stopping with this
message before MkDocs' own. Anchors (`page.md#section`) are left to MkDocs: they need
the built headings.
"""

from __future__ import annotations

import posixpath
import re

from core.markdown import outside_code_blocks
from core.problems import Problem, did_you_mean
from core.sources import DIAGRAMS_FOLDER, SNIPPETS_FOLDER, body_of, language_of

_CODE_SPAN = re.compile(r"(`+).*?\1")
# [text](target "title"), ![alt](target), [text](<target>), and [id]: target definitions.
_INLINE = re.compile(r"!?\[[^\]\n]*\]\(\s*(?:<([^>\n]*)>|([^\s)]*))")
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NOT_BUILT = (f"{SNIPPETS_FOLDER}/", f"{DIAGRAMS_FOLDER}/")


def link_targets(text: str) -> list[tuple[int, str]]:
    """(line, target) of every link and image in a page's Markdown, code left out."""
    body, first_line = body_of(text)
    found = []
    for index, line in outside_code_blocks(body.split("\n")):
        line = _CODE_SPAN.sub("", line)
        definition = _DEFINITION.match(line)
        targets = [definition.group(1)] if definition else [
            m.group(1) if m.group(1) is not None else m.group(2) for m in _INLINE.finditer(line)]
        found.extend((first_line + index, target) for target in targets if target)
    return found


def link_problems(pages: dict[str, str], files: set[str]) -> list[Problem]:
    """pages: path -> text; files: every file under docs/ (paths relative to it)."""
    built = {path for path in files if not path.startswith(_NOT_BUILT)}
    # A link to 'rag.md' from an English page is to its English version: either counts.
    bases = {language_of(path).base for path in built if path.endswith(".md")}
    problems = []
    for path, text in sorted(pages.items()):
        if path.startswith(_NOT_BUILT):  # snippets' links are the including page's
            continue
        for line, target in link_targets(text):
            if _SCHEME.match(target) or target.startswith("#"):
                continue
            if target.startswith("/"):
                problems.append(Problem(path, "link", (
                    f"the link '{target}' starts with '/', which breaks when the site is served "
                    "under a sub-path. Write it relative to this page, like '../terms/rag.md'."), line))
                continue
            file = target.split("#", 1)[0].split("?", 1)[0]
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), file))
            if resolved == ".." or resolved.startswith("../"):
                problems.append(Problem(path, "link", (
                    f"the link '{target}' leads outside the site's pages (docs/). Link to a page "
                    "or file under docs/, relative to this page."), line))
            elif file and resolved not in built and resolved not in bases:
                hint = did_you_mean(resolved, sorted(bases))
                problems.append(Problem(path, "link", (
                    f"the link '{target}' leads nowhere: there is no page or file "
                    f"'docs/{resolved}'. Check the path; it is relative to this page, like "
                    f"'../compare/dense-vs-moe.md'.{hint}"), line))
    return problems
