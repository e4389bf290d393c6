"""The files under docs/, checked before anything reads them: names, links, encodings, sizes.

A contributor's file is read only when it is a plain file of a kind the site builds, saved
as UTF-8 and small enough: MkDocs would build a page saved as `.markdown` without any of
the site's checks, copy the target of a symlink (say /proc/self/environ) into the site,
and stop with a traceback on a file saved as GBK. `source_problems` says what is wrong
with each file in plain words; `read_texts` reads the files that have no such problem.
Both walk the folder without following links. Nothing here imports MkDocs.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import yaml

from . import strict_yaml
from .bounds import shape_problem
from .frontmatter import multimarkdown_problem, split_front_matter
from .languages import LANGUAGES, english_name
from .problems import Problem
from .sources import (
    DIAGRAMS_FOLDER, SNIPPETS_FOLDER, TERMS_FOLDER, language_of,
)

ASSETS_FOLDER = "assets"
# Eight times the largest page and diagram today: room to grow, never minutes of work.
MAX_PAGE_BYTES = 200_000
MAX_DIAGRAM_BYTES = 50_000
# What MkDocs (or a contributor's editor) takes for Markdown; only '.md' gets the checks.
MARKDOWN_LIKE = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext", ".rmd")
DIAGRAM_SUFFIXES = (".yml", ".yaml")
# The other kinds of file the site publishes as they are: inert for a browser (images, fonts,
# documents to download, sound and video) or checked (stylesheets and scripts, checks/assets.py).
# Anything else could be a document the browser runs script in, on the site's own address:
# an .xml file with XHTML in it, or one that names an XSLT stylesheet, runs its <script>
# when a reader opens it (tried in Chromium), and so could kinds nobody has thought of.
PUBLISHED_KINDS = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".bmp",
    ".css", ".js", ".mjs", ".woff", ".woff2", ".ttf", ".otf",
    ".pdf", ".txt", ".csv", ".json", ".docx", ".xlsx", ".pptx", ".doc", ".xls", ".ppt", ".zip",
    ".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".wav",
})
# Control characters other than tab and line breaks: invisible, and invalid in the HTML,
# XML (sitemap) and JSON (search index) built from the text.
# 'fr', 'zh-TW', 'pt_BR': what i18n's suffix structure would take for a language.
_LANGUAGE_LIKE = re.compile(r"^[a-z]{2}(?:[-_][A-Za-z]{2,4})?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

SAVE_AS_UTF8 = ("Open it and save it again with the encoding 'UTF-8': in VS Code, click the "
                "encoding in the status bar (bottom right), choose 'Save with Encoding', then "
                "'UTF-8'; in Notepad, 'Save as' with Encoding 'UTF-8'; in the Git host's web "
                "editor, paste the text into a new file there.")


def walk(docs_dir: Path) -> tuple[list[str], list[str]]:
    """(plain files, symlinks) under docs_dir, relative, '/'-separated; links not followed."""
    files, links = [], []

    def visit(folder: str, relative: str) -> None:
        try:
            with os.scandir(folder) as listing:  # an entry knows what it is without another stat
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:  # a folder that cannot be listed is skipped, as os.walk does
            return
        for entry in entries:
            path = f"{relative}{entry.name}"
            if entry.is_symlink():
                links.append(path)
            elif entry.is_dir(follow_symlinks=False):
                visit(entry.path, f"{path}/")
            else:
                files.append(path)

    visit(str(docs_dir), "")
    return sorted(files), sorted(links)


_READ: dict[str, tuple[tuple[int, int, int], tuple[str | None, Problem | None]]] = {}


def read_decoded(docs_dir: Path, path: str) -> tuple[str | None, Problem | None]:
    """decode() of a file, read again only when its size, time or inode changed: the build's
    checks, glossary and diagrams each read every page, and `make serve` rebuilds on each
    save. A file changed in the last two seconds is always read (the file system's clock is
    coarse: a second save in the same tick, of the same size, would look unchanged)."""
    full = docs_dir / path
    stat = full.stat()
    key, stamp = str(full), (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    found = _READ.get(key)
    if found is None or found[0] != stamp or time.time_ns() - stat.st_mtime_ns < 2_000_000_000:
        found = _READ[key] = (stamp, decode(path, full.read_bytes()))
    return found[1]


def _is_diagram(path: str) -> bool:
    return path.startswith(f"{DIAGRAMS_FOLDER}/") and path.endswith(DIAGRAM_SUFFIXES)


def _is_text_source(path: str) -> bool:
    return path.endswith(".md") or _is_diagram(path)


def name_problem(path: str) -> Problem | None:
    """A file the site must not build or publish as it is, by its name and place alone."""
    name = path.rsplit("/", 1)[-1]
    lower = name.lower()
    if lower.endswith(MARKDOWN_LIKE) or (lower.endswith(".md") and not name.endswith(".md")):
        stem = name[:name.rfind(".")]
        return Problem(path, "file name", (
            f"pages are saved as '.md' files; this one would be built without any of the site's "
            f"checks. Rename it to '{stem}.md'."))
    if lower.endswith((".html", ".htm", ".xhtml", ".shtml")):
        return Problem(path, "file name", (
            "an HTML file under docs/ would be published exactly as it is, scripts included. "
            "Write the page as a '.md' file instead."))
    if lower.endswith((".svg", ".svgz")):
        return Problem(path, "file name", (
            "an SVG file under docs/ would be published exactly as it is, and an SVG can hold "
            "script and load files from other sites. Draw it as a diagram in docs/_diagrams/ "
            "(CONTRIBUTING.md explains how) or save it as a PNG image."))
    if name.endswith(".md") and any(part.startswith(".") for part in path.split("/")):
        return Problem(path, "file name", (
            "MkDocs skips files and folders whose name starts with a dot, so this page would "
            "silently not be published. Remove the dot from the name."))
    suffix = name[:-3].rpartition(".")[2] if name.endswith(".md") and name[:-3].count(".") else ""
    if _LANGUAGE_LIKE.match(suffix) and suffix not in LANGUAGES:
        return Problem(path, "file name", (
            f"'.{suffix}' in the name reads as a language, and '{suffix}' is not a language of this "
            f"site ({', '.join(LANGUAGES)}). Name the Chinese page like 'faq.md' and the English "
            "one like 'faq.en.md'."))
    if path.startswith(f"{TERMS_FOLDER}/") and name.split(".")[0] == "index" and name.endswith(".md"):
        return Problem(path, "file name", (
            f"'index' is not a term: docs/{TERMS_FOLDER}/{name} would become the page of the "
            f"terms folder itself. Give the term its own name, like 'docs/{TERMS_FOLDER}/my-term.md'."))
    if path.startswith(f"{TERMS_FOLDER}/") and path.count("/") > 1 and name.endswith(".md"):
        return Problem(path, "file name", (
            f"term pages go directly in docs/{TERMS_FOLDER}/, not in a sub-folder. Move it to "
            f"docs/{TERMS_FOLDER}/{name}."))
    kind = name[name.rfind("."):].lower() if "." in name.lstrip(".") else ""
    published = not path.startswith((f"{SNIPPETS_FOLDER}/", f"{DIAGRAMS_FOLDER}/")) and not any(
        part.startswith(".") or part == "templates" for part in path.split("/"))  # MkDocs' exclude_docs
    if published and not name.endswith(".md") and kind not in PUBLISHED_KINDS:
        return Problem(path, "file name", (
            f"the site does not publish this kind of file ('{kind or 'no extension'}'): it would be put "
            "online exactly as it is, and a browser can run script in some kinds (an .xml file, for "
            "one). Pages are '.md' files; images, documents to download, sound and video are "
            f"welcome ({' '.join(sorted(PUBLISHED_KINDS))}). Save it as one of those, or ask in your "
            "merge request for the kind to be added."))
    return None


def decode(path: str, data: bytes) -> tuple[str | None, Problem | None]:
    """The text of a UTF-8 file, or what is wrong with its bytes and how to fix it."""
    limit = MAX_DIAGRAM_BYTES if _is_diagram(path) else MAX_PAGE_BYTES
    if len(data) > limit:
        what = "diagram file" if _is_diagram(path) else "page"
        return None, Problem(path, "", (
            f"this {what} is {len(data) // 1000} KB; the limit is {limit // 1000} KB. Split it "
            "into several pages (or diagrams), or remove what was pasted in by mistake."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(path, "", f"this file is saved as UTF-16; it must be UTF-8. {SAVE_AS_UTF8}")
    if data.startswith(b"\xef\xbb\xbf"):
        return None, Problem(path, "", (
            "this file starts with an invisible byte-order mark (it is saved as 'UTF-8 with "
            f"BOM'). Save it as plain 'UTF-8' instead. {SAVE_AS_UTF8}"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return None, Problem(path, "", f"this file is not saved as UTF-8 ({_guess(data)}; the first "
                                       f"character UTF-8 cannot read is on line {line}). {SAVE_AS_UTF8}", line)
    control = _CONTROL.search(text)
    if control:
        bad, number = control.group(), text.count("\n", 0, control.start()) + 1
        what = "a NUL character (byte 0)" if bad == "\0" else f"the control character U+{ord(bad):04X}"
        return None, Problem(path, "", (
            f"line {number} contains {what}, which is invisible in most editors and breaks "
            "the pages built from it. Delete it (retype the line if you cannot see it); if "
            f"the whole file looks garbled, it was saved in the wrong encoding. {SAVE_AS_UTF8}"), number)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _guess(data: bytes) -> str:
    """Which encoding a non-UTF-8 file most likely has, said for the contributor."""
    try:
        text = data.decode("gbk")
        if any("\u4e00" <= c <= "\u9fff" for c in text):
            return "it looks like GBK, the default of Chinese Windows"
    except UnicodeDecodeError:
        pass
    return "it looks like a Windows or Latin encoding such as Windows-1252"


def _refused_yaml(path: str, text: str) -> Problem | None:
    """A diagram source that breaks a strict-YAML rule (an alias bomb, say) is refused here,
    before anything expands it; plain syntax errors are the diagram check's to explain."""
    try:
        strict_yaml.load(text)
    except strict_yaml.Refused as refused:
        return Problem(path, "", refused.message, refused.line)
    except yaml.YAMLError:
        pass
    return None


def language_conflicts(paths: list[str]) -> list[Problem]:
    """'rag.md' and 'rag.zh.md' would both be the Chinese page of terms/rag."""
    by_page: dict[tuple[str, str], list[str]] = {}
    for path in paths:
        if path.endswith(".md"):
            by_page.setdefault(tuple(language_of(path)), []).append(path)
    problems = []
    for (base, lang), same in sorted(by_page.items()):
        for path in sorted(same)[1:]:
            problems.append(Problem(path, "file name", (
                f"'{sorted(same)[0]}' and '{path}' are both the {english_name(lang)} page of "
                f"'{base}'; MkDocs "
                f"cannot build both. Keep one: the default language's page is named without a "
                "language, like 'rag.md', the English one 'rag.en.md'.")))
    return problems


def source_problems(docs_dir: Path) -> list[Problem]:
    """Everything wrong with the files themselves and with pages' front matter, before any
    page is read as Markdown."""
    files, links = walk(docs_dir)
    problems = [Problem(path, "file name", (
        "this is a symbolic link. The build would publish whatever it points to (even files "
        "of the build machine), so links are not allowed under docs/. Put a real copy of "
        "the file there instead.")) for path in links]
    for path in files:
        problem = name_problem(path)
        if problem is None and _is_text_source(path):
            text, problem = read_decoded(docs_dir, path)
            if problem is None and path.endswith(".md"):
                problem = shape_problem(path, text)
            if problem is None and path.endswith(".md") and not path.startswith(f"{SNIPPETS_FOLDER}/"):
                problem = multimarkdown_problem(path, text)
                if problem is None:  # every page's front matter, read strictly
                    problems.extend(split_front_matter(path, text)[2])
            if problem is None and _is_diagram(path):
                problem = _refused_yaml(path, text)
        if problem is not None:
            problems.append(problem)
    return problems + language_conflicts(files)


def read_texts(docs_dir: Path, accept) -> dict[str, str]:
    """path -> text of the plain files `accept(path)` wants that decode cleanly (the others
    are source_problems, which the build and `make check` report first)."""
    texts = {}
    for path in walk(docs_dir)[0]:
        if accept(path) and name_problem(path) is None:
            text, problem = read_decoded(docs_dir, path)
            if problem is None:
                texts[path] = text
    return texts

