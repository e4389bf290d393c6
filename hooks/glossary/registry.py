"""The term registry: term pages' front matter -> validated terms, per language.

Pure Python over file paths and text; nothing here imports MkDocs, so the build
(hooks/glossary_hook.py) and `make check` (scripts/check.py) run the very same
validations. Every problem names the file and the field and says what to do.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .checked import freshness_problem, parse_checked

# -----------------------------------------------------------------------------
# The fixed vocabularies (documented in CONTRIBUTING.md)
# -----------------------------------------------------------------------------

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

# Order here is the order of the navigation sections. `fast` marks the categories whose
# facts go out of date quickly (model versions, hardware, prices, rules): `make check`
# warns when such a page was last checked more than FRESH_MONTHS ago.
CATEGORIES: dict[str, dict[str, str]] = {
    "basics": {"zh": "基础概念", "en": "Basic concepts"},
    "using": {"zh": "用好模型", "en": "Using a model"},
    "knowledge": {"zh": "知识库与检索", "en": "Knowledge bases and retrieval"},
    "agents": {"zh": "智能体与应用", "en": "Agents and applications"},
    "models": {"zh": "模型与版本", "en": "Models and versions"},
    "deployment": {"zh": "部署与硬件", "en": "Deployment and hardware"},
    "services": {"zh": "云服务与计费", "en": "Cloud services and pricing"},
    "evaluation": {"zh": "评测与质量", "en": "Evaluation and quality"},
    "safety": {"zh": "安全与合规", "en": "Safety and compliance"},
    "training": {"zh": "训练方法", "en": "Training methods"},
    "architecture": {"zh": "模型架构与规模", "en": "Architecture and scale"},
}
FAST_MOVING = frozenset({"models", "deployment", "services", "safety"})
FRESH_MONTHS = 6

# Order here is the learning path: newcomer first.
LEVELS: dict[str, dict[str, str]] = {
    "beginner": {"zh": "入门", "en": "Beginner"},
    "intermediate": {"zh": "进阶", "en": "Intermediate"},
    "insider": {"zh": "懂行", "en": "Insider"},
}

# A tooltip must fit in a glance: characters, per language.
SUMMARY_LIMITS = {"zh": 70, "en": 200}

REQUIRED_FIELDS = ("term", "title", "summary", "category", "level", "checked")
TERM_FIELDS = REQUIRED_FIELDS + ("aliases", "related", "order", "source_hash")
# Material's own front-matter fields a page may also use.
THEME_FIELDS = ("hide", "description", "search", "status", "template")

TERMS_FOLDER = "terms"
COMPARE_FOLDER = "compare"
SNIPPETS_FOLDER = "_snippets"
TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# libyaml's loader when PyYAML has it (the wheels do): the same results, several times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing a contributor has to fix, said in plain words."""

    path: str
    field: str
    message: str
    line: int = 1
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        about = f" (field '{self.field}')" if self.field else ""
        return f"{where}{about}: {self.message}"


@dataclass(frozen=True)
class Term:
    id: str
    lang: str
    path: str
    term: str
    title: str
    summary: str
    category: str
    level: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    order: int = 100
    source_hash: str | None = None
    checked: tuple[int, int] = (2026, 12)  # (year, month) the facts were last checked

    @property
    def names(self) -> tuple[str, ...]:
        """Every way of writing the term that should become a tooltip link."""
        seen: dict[str, None] = {}
        for name in (self.term, self.title, *self.aliases):
            seen.setdefault(name.strip(), None)
        return tuple(name for name in seen if name)

    @property
    def display_title(self) -> str:
        """'检索增强生成（RAG）' / 'Retrieval-augmented generation (RAG)'."""
        if self.term.casefold() in self.title.casefold():
            return self.title
        if self.lang == "zh":
            return f"{self.title}（{self.term}）"
        return f"{self.title} ({self.term})"

    def learning_order(self) -> tuple:
        return (list(LEVELS).index(self.level), self.order, self.id)


@dataclass
class Registry:
    """Every valid term, per language, and every problem found on the way."""

    terms: dict[str, dict[str, Term]] = field(default_factory=lambda: {lang: {} for lang in LANGUAGES})
    problems: list[Problem] = field(default_factory=list)
    # Source path -> (year, month) its facts were checked, for term and comparison pages.
    checked: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Comparison pages' optional category (only the freshness rule reads it).
    page_categories: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @cached_property
    def stale_translations(self) -> set[str]:
        """Translations whose Chinese page changed since (or that never recorded it)."""
        return {p.path for p in self.warnings if p.field == "source_hash"}

    def in_language(self, lang: str) -> dict[str, Term]:
        return self.terms.get(lang, {})

    def learning_path(self, lang: str) -> list[Term]:
        return sorted(self.in_language(lang).values(), key=Term.learning_order)


# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------


def language_of(src_path: str) -> tuple[str, str]:
    """'terms/rag.en.md' -> ('terms/rag.md', 'en'); 'terms/rag.md' -> ('terms/rag.md', 'zh')."""
    stem, _, ext = src_path.rpartition(".")
    base, dot, suffix = stem.rpartition(".")
    if dot and suffix in LANGUAGES:
        return f"{base}.{ext}", suffix
    return src_path, DEFAULT_LANGUAGE


def is_term_page(src_path: str) -> bool:
    return src_path.startswith(f"{TERMS_FOLDER}/") and src_path.endswith(".md")


def is_compare_page(src_path: str) -> bool:
    return src_path.startswith(f"{COMPARE_FOLDER}/") and src_path.endswith(".md")


def read_compare_page(registry: Registry, path: str, text: str) -> list[Problem]:
    """A comparison page is dated like a term page; its category, if any, only sets how
    soon the date counts as old."""
    meta, _, problems = split_front_matter(path, text)
    if problems:
        return problems
    meta = meta or {}
    checked, message = parse_checked(meta.get("checked"))
    if message:
        return [Problem(path, "checked", message, field_line(text, "checked"))]
    registry.checked[path] = checked
    category = meta.get("category")
    if category is not None:
        if category not in CATEGORIES:
            return [Problem(path, "category", (
                f"'{category}' is not a category. Use one of: {', '.join(CATEGORIES)}."),
                field_line(text, "category"))]
        registry.page_categories[path] = category
    return []


def content_hash(text: str) -> str:
    """Short fingerprint of a Chinese page, recorded by its translation (source_hash)."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:12]


def split_front_matter(path: str, text: str) -> tuple[dict | None, str, list[Problem]]:
    """Return (front matter or None, body, problems). Never raises on bad content."""
    match = FRONT_MATTER.match(text)
    if not match:
        if text.lstrip().startswith("---"):
            return None, text, [Problem(path, "front matter", (
                "the front matter block is not closed. It must start with a line '---' "
                "at the very top of the file and end with another line '---'."))]
        return None, text, []
    body = text[match.end():]
    try:
        data = yaml.load(match.group(1) or "", Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening '---'
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        return None, body, [Problem(path, "front matter", (
            f"the front matter cannot be read ({reason}, line {line}). "
            "Check that every line looks like 'field: value', and put values that contain "
            "a colon ':' or start with a quote or bracket in double quotes."), line)]
    if not isinstance(data, dict):
        return None, body, [Problem(path, "front matter", (
            "the front matter must be a list of 'field: value' lines."))]
    return data, body, []


def field_line(text: str, name: str) -> int:
    """Line number of a front-matter field, so an editor can jump to it."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{name}:"):
            return number
    return 1


def read_term(path: str, text: str) -> tuple[Term | None, list[Problem]]:
    """Validate one term page on its own (cross-page checks come later)."""
    page_id = Path(language_of(path)[0]).stem
    lang = language_of(path)[1]
    meta, _, problems = split_front_matter(path, text)
    if problems:
        return None, problems
    if meta is None:
        return None, [Problem(path, "front matter", (
            "a term page needs front matter at the top: term, title, summary, category "
            "and level. Copy the block from CONTRIBUTING.md or run 'make new-term'."))]

    def problem(name: str, message: str) -> None:
        problems.append(Problem(path, name, message, field_line(text, name)))

    if not TERM_ID.match(page_id):
        problem("file name", (
            f"'{page_id}' cannot be a term id. Use lower-case English letters, digits and "
            "hyphens only, such as 'context-window'."))

    for name in meta:
        if name not in TERM_FIELDS and name not in THEME_FIELDS:
            guess = difflib.get_close_matches(str(name), TERM_FIELDS, n=1)
            hint = f" Did you mean '{guess[0]}'?" if guess else ""
            problem(str(name), f"'{name}' is not a known field, so it would be ignored.{hint}")

    values: dict[str, str] = {}
    for name in REQUIRED_FIELDS[:-1]:  # 'checked' has its own rule below
        value = meta.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problem(name, f"the field '{name}' is missing or empty; every term page needs it.")
        elif not isinstance(value, (str, int, float)) or isinstance(value, bool):
            problem(name, f"'{name}' must be plain text, not a list or a block.")
        else:
            values[name] = str(value).strip()

    if "category" in values and values["category"] not in CATEGORIES:
        problem("category", (
            f"'{values['category']}' is not a category. Use one of: {', '.join(CATEGORIES)}."))
    if "level" in values and values["level"] not in LEVELS:
        problem("level", f"'{values['level']}' is not a level. Use one of: {', '.join(LEVELS)}.")
    if "summary" in values:
        limit = SUMMARY_LIMITS[lang]
        if len(values["summary"]) > limit:
            problem("summary", (
                f"the summary has {len(values['summary'])} characters; a tooltip holds at most "
                f"{limit} in this language. Say it in one shorter sentence; details belong "
                "in the page."))
        if "\n" in values["summary"]:
            problem("summary", "the summary must be one sentence on one line.")

    lists: dict[str, tuple[str, ...]] = {}
    for name in ("aliases", "related"):
        value = meta.get(name, [])
        if value is None:
            value = []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            problem(name, f"'{name}' must be a list, written like [first, second].")
            value = []
        lists[name] = tuple(str(v).strip() for v in value if str(v).strip())

    checked, message = parse_checked(meta.get("checked"))
    if message:
        problem("checked", message)

    order = meta.get("order", 100)
    if not isinstance(order, int) or isinstance(order, bool):
        problem("order", "'order' must be a whole number (smaller comes first in the learning path).")
        order = 100

    source_hash = meta.get("source_hash")
    if source_hash is not None:
        source_hash = str(source_hash)
    if lang == DEFAULT_LANGUAGE and source_hash is not None:
        problem("source_hash", "only translations record 'source_hash'; remove it from the Chinese page.")

    if problems:
        return None, problems
    return Term(
        id=page_id, lang=lang, path=path, term=values["term"], title=values["title"],
        summary=values["summary"], category=values["category"], level=values["level"],
        aliases=lists["aliases"], related=lists["related"], order=order,
        source_hash=source_hash, checked=checked,
    ), []


# -----------------------------------------------------------------------------
# Building and cross-checking
# -----------------------------------------------------------------------------


def build_registry(pages: dict[str, str]) -> Registry:
    """pages: source path relative to docs/ -> file text, for every Markdown page.

    Checks each term page, then what needs more than one page: translations,
    related ids, names claimed twice, translations gone stale.
    """
    registry = Registry()
    for path in sorted(pages):
        if is_term_page(path):
            term, problems = read_term(path, pages[path])
            registry.problems.extend(problems)
            if term:
                registry.terms[term.lang][term.id] = term
                registry.checked[path] = term.checked
                registry.page_categories[path] = term.category
        elif is_compare_page(path):
            registry.problems.extend(read_compare_page(registry, path, pages[path]))
    registry.problems.extend(missing_translations(pages))
    for lang in LANGUAGES:
        # Every term page counts as an id, even one with its own problems: a mistake
        # on one page must not show up again as "unknown id" on every page linking to it.
        ids = {Path(language_of(p)[0]).stem for p in pages if is_term_page(p) and language_of(p)[1] == lang}
        registry.problems.extend(unknown_related(registry, lang, pages, ids))
        registry.problems.extend(names_claimed_twice(registry, lang, pages))
    registry.problems.extend(stale_translations(pages))
    return registry


def missing_translations(pages: dict[str, str]) -> list[Problem]:
    problems = []
    by_base: dict[str, set[str]] = {}
    for path in pages:
        base, lang = language_of(path)
        by_base.setdefault(base, set()).add(lang)
    for base, langs in sorted(by_base.items()):
        for lang in LANGUAGES:
            if lang in langs:
                continue
            present = sorted(langs)[0]
            have = base if present == DEFAULT_LANGUAGE else base.replace(".md", f".{present}.md")
            want = base if lang == DEFAULT_LANGUAGE else base.replace(".md", f".{lang}.md")
            problems.append(Problem(have, "translation", (
                f"this page has no {'Chinese' if lang == 'zh' else 'English'} version. "
                f"Add the file '{want}' (every page exists in both languages).")))
    return problems


def unknown_related(registry: Registry, lang: str, pages: dict[str, str], ids: set[str]) -> list[Problem]:
    problems = []
    for term in registry.in_language(lang).values():
        for related in term.related:
            if related == term.id:
                message = "a term cannot be related to itself; remove its own id."
            elif related not in ids:
                close = difflib.get_close_matches(related, sorted(ids), n=1)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                message = (f"'{related}' is not the id of any term page in this language "
                           f"(an id is the file name without '.md').{hint}")
            else:
                continue
            problems.append(Problem(term.path, "related", message,
                                    field_line(pages[term.path], "related")))
    return problems


def names_claimed_twice(registry: Registry, lang: str, pages: dict[str, str]) -> list[Problem]:
    """One name must lead to one term, or a tooltip could not know where to point."""
    owners: dict[str, Term] = {}
    problems = []
    for term in sorted(registry.in_language(lang).values(), key=lambda t: t.id):
        for name in term.names:
            key = name.casefold()
            other = owners.get(key)
            if other is None:
                owners[key] = term
            elif other.id != term.id:
                problems.append(Problem(term.path, "aliases", (
                    f"the name '{name}' is already used by the term '{other.id}' ({other.path}). "
                    "A name can point to one term only: remove it from one of the two pages."),
                    field_line(pages[term.path], "aliases")))
    return problems


def stale_translations(pages: dict[str, str]) -> list[Problem]:
    """A warning, not an error: an English page whose Chinese page changed after it."""
    problems = []
    for path, text in sorted(pages.items()):
        source_path, lang = language_of(path)
        if lang == DEFAULT_LANGUAGE or source_path not in pages or path.startswith(SNIPPETS_FOLDER):
            continue
        current = content_hash(pages[source_path])
        recorded = recorded_source_hash(path, text)
        if recorded is None:
            problems.append(Problem(path, "source_hash", (
                f"this translation does not say which version of '{source_path}' it follows. "
                f"After checking it matches the Chinese page, add 'source_hash: {current}' "
                "to its front matter (or run 'make fix')."), severity="warning"))
        elif recorded != current:
            problems.append(Problem(path, "source_hash", (
                f"'{source_path}' has changed since this translation was made. Update the "
                f"English text to match, then set 'source_hash: {current}'."),
                field_line(text, "source_hash"), severity="warning"))
    return problems


def old_facts(registry: Registry, pages: dict[str, str], today) -> list[Problem]:
    """Warnings (never errors): fast-moving pages whose facts were checked too long ago.
    `make check` runs this with today's date; the build does not, so that it stays the
    same for the same commit."""
    problems = []
    for path, checked in sorted(registry.checked.items()):
        if registry.page_categories.get(path) not in FAST_MOVING:
            continue
        message = freshness_problem(checked, today, FRESH_MONTHS)
        if message:
            problems.append(Problem(path, "checked", message, field_line(pages[path], "checked"),
                                    severity="warning"))
    return problems


def recorded_source_hash(path: str, text: str) -> str | None:
    meta, _, problems = split_front_matter(path, text)
    if problems or not meta or meta.get("source_hash") is None:
        return None
    return str(meta["source_hash"])


def read_pages(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page under docs/ (snippets included, they need translations too)."""
    return {
        path.relative_to(docs_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs_dir.rglob("*.md"))
    }
