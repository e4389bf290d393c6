"""The term registry: term pages' front matter -> validated terms, per language.

Pure Python over file paths and text; nothing here imports MkDocs. The build, `make
check` and the tests run these validations through one list (hooks/checks.py).
Every problem names the file and the field and says what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.languages import DEFAULT_LANGUAGE, LANGUAGES, english_name
from core.problems import Problem, Severity, did_you_mean, errors, warnings
from core.sources import (
    SNIPPETS_FOLDER, content_hash, field_line, is_compare_page, is_term_page, language_of, page_id,
    split_front_matter, term_id_of, yaml_text,
)
from core.words import in_parentheses

from .checked import freshness_problem, parse_checked
from .names import name_key, name_problems
from .vocabulary import (
    CATEGORIES, FAST_MOVING, FRESH_MONTHS, LEVELS, REQUIRED_FIELDS, SUMMARY_LIMITS, TERM_FIELDS,
    TERM_ID, THEME_FIELDS,
)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


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
        return self.title + in_parentheses(self.lang, self.term)

    def learning_order(self) -> tuple:
        return (LEVELS.index(self.level), self.order, self.id)


@dataclass
class Registry:
    """Every valid term, per language, and every problem found on the way."""

    terms: dict[str, dict[str, Term]] = field(default_factory=lambda: {lang: {} for lang in LANGUAGES})
    problems: list[Problem] = field(default_factory=list)
    # Source path -> (year, month) its facts were checked, for term and comparison pages.
    checked: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Comparison pages' optional category (only the freshness rule reads it).
    page_categories: dict[str, str] = field(default_factory=dict)
    # Translations whose Chinese page changed since (or that never recorded it).
    stale_translations: set[str] = field(default_factory=set)

    @property
    def errors(self) -> list[Problem]:
        return errors(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return warnings(self.problems)

    def term_of(self, src_path: str, lang: str) -> Term | None:
        """The term a page defines, if it is a term page."""
        term_id = term_id_of(src_path)
        return self.in_language(lang).get(term_id) if term_id else None

    def in_language(self, lang: str) -> dict[str, Term]:
        return self.terms.get(lang, {})

    def learning_path(self, lang: str) -> list[Term]:
        return sorted(self.in_language(lang).values(), key=Term.learning_order)


# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------


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


def read_term(path: str, text: str) -> tuple[Term | None, list[Problem]]:
    """Validate one term page on its own (cross-page checks come later)."""
    term_id, lang = page_id(path), language_of(path).lang
    meta, _, problems = split_front_matter(path, text)
    if problems:
        return None, problems
    if meta is None:
        return None, [Problem(path, "front matter", (
            "a term page needs front matter at the top: term, title, summary, category "
            "and level. Copy the block from CONTRIBUTING.md or run 'make new-term'."))]

    def problem(name: str, message: str) -> None:
        problems.append(Problem(path, name, message, field_line(text, name)))

    if not TERM_ID.match(term_id):
        problem("file name", (
            f"'{term_id}' cannot be a term id. Use lower-case English letters, digits and "
            "hyphens only, such as 'context-window'."))

    for name in meta:
        if name not in TERM_FIELDS and name not in THEME_FIELDS:
            hint = did_you_mean(str(name), TERM_FIELDS)
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
                f"the summary has {len(values['summary'])} characters; a preview card holds at most "
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

    named = [(name, values[name]) for name in ("term", "title") if name in values]
    problems.extend(name_problems(path, lang, named + [("aliases", a) for a in lists["aliases"]],
                                  lambda name: field_line(text, name)))

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
        id=term_id, lang=lang, path=path, term=values["term"], title=values["title"],
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
            if term and term.id in registry.terms[term.lang]:  # is_term_page keeps ids unique; a guard
                registry.problems.append(Problem(path, "file name", (
                    f"there is already a term '{term.id}' ({registry.terms[term.lang][term.id].path}). "
                    "Keep one of the two files.")))
            elif term:
                registry.terms[term.lang][term.id] = term
                registry.checked[path] = term.checked
                registry.page_categories[path] = term.category
        elif is_compare_page(path):
            registry.problems.extend(read_compare_page(registry, path, pages[path]))
    registry.problems.extend(missing_translations(pages))
    for lang in LANGUAGES:
        # Every term page counts as an id, even one with its own problems: a mistake
        # on one page must not show up again as "unknown id" on every page linking to it.
        ids = {page_id(p) for p in pages if is_term_page(p) and language_of(p).lang == lang}
        registry.problems.extend(unknown_related(registry, lang, pages, ids))
        registry.problems.extend(names_claimed_twice(registry, lang, pages))
    stale = stale_translations(pages)
    registry.stale_translations = {problem.path for problem in stale}
    registry.problems.extend(stale)
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
                f"this page has no {english_name(lang)} version. "
                f"Add the file '{want}' (every page exists in both languages).")))
    return problems


def unknown_related(registry: Registry, lang: str, pages: dict[str, str], ids: set[str]) -> list[Problem]:
    problems = []
    for term in registry.in_language(lang).values():
        for related in term.related:
            if related == term.id:
                message = "a term cannot be related to itself; remove its own id."
            elif related not in ids:
                hint = did_you_mean(related, sorted(ids))
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
            key = name_key(name)
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
    """Warnings, not errors: translations whose Chinese page changed after them (one per page)."""
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
                f"After checking it matches the Chinese page, add 'source_hash: {yaml_text(current)}' "
                "to its front matter (or run 'make fix')."), severity=Severity.WARNING))
        elif recorded != current:
            problems.append(Problem(path, "source_hash", (
                f"'{source_path}' has changed since this translation was made. Update the "
                f"English text to match, then set 'source_hash: {yaml_text(current)}'."),
                field_line(text, "source_hash"), severity=Severity.WARNING))
    return problems


def old_facts(registry: Registry, pages: dict[str, str], today) -> list[Problem]:
    """Warnings (never errors): fast-moving pages whose facts were checked too long ago, and
    any page whose month is in the future (which would silence the reminder for good).
    `make check` runs this with today's date; the build does not, so that it stays the
    same for the same commit."""
    problems = []
    for path, checked in sorted(registry.checked.items()):
        fast = registry.page_categories.get(path) in FAST_MOVING
        message = freshness_problem(checked, today, FRESH_MONTHS if fast else 10**6)
        if message:
            problems.append(Problem(path, "checked", message, field_line(pages[path], "checked"),
                                    severity=Severity.WARNING))
    return problems


def recorded_source_hash(path: str, text: str) -> str | None:
    meta, _, problems = split_front_matter(path, text)
    if problems or not meta or meta.get("source_hash") is None:
        return None
    return str(meta["source_hash"])


