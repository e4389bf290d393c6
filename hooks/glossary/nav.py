"""Navigation grouped by category, taken from the terms' front matter.

The one glossary module that handles MkDocs objects (Navigation, Section, Page),
with its own small linking helpers rather than MkDocs' private ones.
Contributors never edit a nav list: a new term page appears in its category's
section, in learning-path order (a large category gets one sub-section per level). Folder sections other than terms/ keep their
place and get a title in the page's language.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from core.sources import TERMS_FOLDER, language_of, term_id_of
from core.words import word

from .registry import Term
from .vocabulary import CATEGORIES, LEVELS, category_title, level_title

# A bigger category is split by level, so that a page's pruned navigation stays small.
SPLIT_BY_LEVEL_ABOVE = 24

# Pages reached from the home page rather than the navigation.
HIDDEN_FROM_NAV = frozenset({"handout.md", "handout-quiz.md", "handout-trainer.md"})

# Folders whose section gets a title in the page's language (core/words.py "folder.<name>").
TITLED_FOLDERS = frozenset({"compare"})


def arrange_navigation(nav: Navigation, lang: str, terms: dict[str, Term]) -> Navigation:
    term_pages: dict[str, Page] = {}
    for page in nav.pages:
        term_id = term_id_of(page.file.src_uri)
        if term_id:
            term_pages[term_id] = page

    categories = []
    for key in CATEGORIES:
        members = sorted((t for t in terms.values() if t.category == key and t.id in term_pages),
                         key=Term.learning_order)
        if len(members) > SPLIT_BY_LEVEL_ABOVE:
            by_level = [Section(level_title(level, lang), [term_pages[t.id] for t in members if t.level == level])
                        for level in LEVELS if any(t.level == level for t in members)]
            categories.append(Section(category_title(key, lang), by_level))
        elif members:
            categories.append(Section(category_title(key, lang), [term_pages[t.id] for t in members]))

    top_pages, sections = [], []
    for item in nav.items:
        if isinstance(item, Section):
            folder = _folder_of(item)
            if folder == TERMS_FOLDER:
                continue
            if folder in TITLED_FOLDERS:
                item.title = word(lang, f"folder.{folder}")
            sections.append(item)
        elif not (isinstance(item, Page) and language_of(item.file.src_uri).base in HIDDEN_FROM_NAV):
            top_pages.append(item)

    items = top_pages + categories + sections
    _link_parents(items, parent=None)
    pages = list(_pages_in(items))
    _link_siblings(pages)
    arranged = Navigation(items, pages)
    arranged.homepage = nav.homepage
    return arranged


def _link_parents(items, parent: Section | None) -> None:
    """Each item's `parent`, as MkDocs sets it: top-level items have none."""
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _link_parents(item.children, item)


def _link_siblings(pages: list[Page]) -> None:
    """Previous and next page in reading order (the footer's links)."""
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


def _folder_of(section: Section) -> str | None:
    for page in _pages_in([section]):
        return page.file.src_uri.split("/", 1)[0]
    return None


def _pages_in(items):
    for item in items:
        if isinstance(item, Section):
            yield from _pages_in(item.children)
        elif isinstance(item, Page):
            yield item
