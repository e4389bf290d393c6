"""Links between pages: every relative link leads to a file the site builds.

MkDocs checks links itself (validation in mkdocs.yml) and strict mode fails the build on a
broken one, but only while building; this is the same rule as a plain function, so `make
check` finds it first, and the build runs it too (checks/__init__.py), stopping with this
message before MkDocs' own. An anchor (`page.md#section`, `#section`) must be a heading's
id, made as the toc extension makes it (pymdownx.slugs, `case: lower` in mkdocs.yml), or an
id written in the page ('{#id}', 'id="..."'); MkDocs checks anchors again on the built pages.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache

from pymdownx.slugs import slugify

from core.markdown import outside_code_blocks
from core.languages import DEFAULT_LANGUAGE
from core.problems import Problem, did_you_mean
from core.sources import DIAGRAMS_FOLDER, SNIPPETS_FOLDER, body_of, language_of
from glossary.vocabulary import CATEGORIES

from .html_paths import html_path_problems, published
from .references import snippet_names

_CODE_SPAN = re.compile(r"(`+).*?\1")
# attr_list can set a link's or image's target itself: [a](b.md){: href="c.md" } links to c.md,
# which MkDocs then reads as it reads Markdown's.
_ATTR_GROUP = re.compile(r"\{:?([^{}\n]*)\}")  # one '{...}' at a time: linear on a line of '{'
_ATTR_TARGET = re.compile(r"""\b(?:href|src)=(?:"([^"\n]*)"|'([^'\n]*)'|([^\s}]+))""")
# [text](target "title"), ![alt](target), [text](<target>), and [id]: target definitions
# ('[^id]: text' is a footnote, whose text is Markdown like any line's, not a target).
_INLINE = re.compile(r"!?\[[^\]\n]*\]\(\s*(?:<([^>\n]*)>|([^\s)]*))")
_DEFINITION = re.compile(r"^\s{0,3}\[(?!\^)[^\]\n]+\]:\s*<?([^\s>]+)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NOT_BUILT = (f"{SNIPPETS_FOLDER}/", f"{DIAGRAMS_FOLDER}/")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$")
_ATTR_LIST = re.compile(r"\{:?[^}\n]*\}\s*$")
_WRITTEN_ID = re.compile(r"""\{:?[^}\n]*#([\w-]+)[^}\n]*\}|\bid=["']([^"']+)["']""")
# The ids of the sections the hooks add: a term page's related terms and backlinks, the
# glossary's categories.
GENERATED_IDS = frozenset({"related", "used-on", *CATEGORIES})
# A page whose content a hook writes ('<!-- handout -->', '<!-- glossary:learning-path -->')
# has ids only the build knows: MkDocs checks links into it.
_GENERATED_CONTENT = re.compile(r"^<!-- (?:handout|glossary:)[\w:-]* -->$", re.M)
_SLUG = slugify(case="lower")  # mkdocs.yml: toc slugify pymdownx.slugs.slugify, case lower


def anchors(text: str) -> set[str]:
    """The ids a page's own Markdown gives its headings and elements."""
    body, _ = body_of(text)
    found = set()
    for _, line in outside_code_blocks(body.split("\n")):
        for match in _WRITTEN_ID.finditer(line):
            found.add(match.group(1) or match.group(2))
        heading = _HEADING.match(line)
        if heading:
            title = _ATTR_LIST.sub("", heading.group(1))
            title = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", title).replace("`", "")
            title = re.sub(r"<[^>]+>", "", title).replace("**", "").replace("__", "")
            slug = _SLUG(title, "-")
            found.update({slug, *(f"{slug}_{n}" for n in range(1, 10))})
    return found


def link_targets(text: str) -> list[tuple[int, str]]:
    """(line, target) of every link and image in a page's Markdown, code left out."""
    body, first_line = body_of(text)
    found = []
    for index, line in outside_code_blocks(body.split("\n")):
        line = _CODE_SPAN.sub("", line)
        definition = _DEFINITION.match(line)
        targets = [definition.group(1)] if definition else [
            m.group(1) if m.group(1) is not None else m.group(2) for m in _INLINE.finditer(line)]
        targets += [next(g for g in m.groups() if g is not None)
                    for group in _ATTR_GROUP.finditer(line) for m in _ATTR_TARGET.finditer(group.group(1))]
        found.extend((first_line + index, target) for target in targets if target)
    return found


def link_problems(pages: dict[str, str], files: set[str]) -> list[Problem]:
    """pages: path -> text; files: every file under docs/ (paths relative to it)."""
    built = {path for path in files if not path.startswith(_NOT_BUILT)}
    # A link to 'rag.md' from an English page is to its English version: either counts.
    bases = {language_of(path).base for path in built if path.endswith(".md")}
    site = published({path for path in built if path.endswith(".md")}, built)
    problems, choices = [], tuple(sorted(bases))
    for path, text in sorted(pages.items()):
        if path.startswith(_NOT_BUILT):  # snippets' links are the including page's
            continue
        problems.extend(html_path_problems(path, text, built | bases, site))  # raw HTML's, read as a browser does
        for line, target in link_targets(text):
            target = re.sub(r"[\t\n\r]", "", html.unescape(target))  # 'javascript&#58;' is javascript:
            if _SCHEME.match(target):
                continue
            if target.startswith("/"):
                problems.append(Problem(path, "link", (
                    f"the link '{target}' starts with '/', which breaks when the site is served "
                    "under a sub-path. Write it relative to this page, like '../terms/rag.md'."), line))
                continue
            file, _, anchor = target.partition("#")
            file = file.split("?", 1)[0]
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), file)) if file else path
            if resolved == ".." or resolved.startswith("../"):
                problems.append(Problem(path, "link", (
                    f"the link '{target}' leads outside the site's pages (docs/). Link to a page "
                    "or file under docs/, relative to this page."), line))
            elif file and resolved not in built and resolved not in bases:
                hint = _did_you_mean(resolved, choices)
                problems.append(Problem(path, "link", (
                    f"the link '{target}' leads nowhere: there is no page or file "
                    f"'docs/{resolved}'. Check the path; it is relative to this page, like "
                    f"'../compare/dense-vs-moe.md'.{hint}"), line))
            elif anchor and resolved.endswith(".md"):
                page = same_language(resolved, path, pages)
                if page in pages and not _GENERATED_CONTENT.search(pages[page]) \
                        and anchor not in anchors(page_with_snippets(page, pages)) | GENERATED_IDS:
                    problems.append(Problem(path, "link", (
                        f"the link '{target}' names a place '#{anchor}' that '{page}' does not "
                        "have. Use the id of one of its headings (the heading's words in lower "
                        "case, with hyphens), or give the heading an id: '## Heading {#my-id}'."), line))
    return problems


@lru_cache(maxsize=256)  # a page that repeats one broken link asks once
def _did_you_mean(target: str, choices: tuple[str, ...]) -> str:
    return did_you_mean(target, choices)


def same_language(target: str, source: str, pages: dict[str, str]) -> str:
    """The page a link to `target` opens from `source`: its version in source's language."""
    base, lang = language_of(target)
    if lang == language_of(source).lang or language_of(source).lang == DEFAULT_LANGUAGE:
        return target
    translated = base.replace(".md", f".{language_of(source).lang}.md")
    return translated if translated in pages else target


def page_with_snippets(page: str, pages: dict[str, str]) -> str:
    """A page's text with the text of the snippets it includes (their headings are its own)."""
    included = [pages.get(f"{SNIPPETS_FOLDER}/{name}", "") for _, name in snippet_names(pages[page])]
    return "\n".join([pages[page], *included])
