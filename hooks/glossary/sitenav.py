"""Navigation grouped by category, taken from the terms' front matter.

Contributors never edit a nav list: a new term page appears in its category's
section, in learning-path order (a large category gets one sub-section per level). Folder sections other than terms/ keep their
place and get a title in the page's language.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links
from mkdocs.structure.pages import Page

from .registry import CATEGORIES, LEVELS, TERMS_FOLDER, Term, language_of

# A bigger category is split by level, so that a page's pruned navigation stays small.
SPLIT_BY_LEVEL_ABOVE = 24

# Pages reached from the home page rather than the navigation.
HIDDEN_FROM_NAV = frozenset({"handout.md"})

FOLDER_TITLES = {
    "compare": {"zh": "对比", "en": "Comparisons"},
}


def arrange_navigation(nav: Navigation, lang: str, terms: dict[str, Term]) -> Navigation:
    term_pages: dict[str, Page] = {}
    for page in nav.pages:
        base = language_of(page.file.src_uri)[0]
        if base.startswith(f"{TERMS_FOLDER}/"):
            term_pages[base[len(TERMS_FOLDER) + 1:-3]] = page

    categories = []
    for key, titles in CATEGORIES.items():
        members = sorted((t for t in terms.values() if t.category == key and t.id in term_pages),
                         key=Term.learning_order)
        if len(members) > SPLIT_BY_LEVEL_ABOVE:
            by_level = [Section(names[lang], [term_pages[t.id] for t in members if t.level == level])
                        for level, names in LEVELS.items() if any(t.level == level for t in members)]
            categories.append(Section(titles[lang], by_level))
        elif members:
            categories.append(Section(titles[lang], [term_pages[t.id] for t in members]))

    top_pages, sections = [], []
    for item in nav.items:
        if isinstance(item, Section):
            folder = _folder_of(item)
            if folder == TERMS_FOLDER:
                continue
            if folder in FOLDER_TITLES:
                item.title = FOLDER_TITLES[folder][lang]
            sections.append(item)
        elif not (isinstance(item, Page) and language_of(item.file.src_uri)[0] in HIDDEN_FROM_NAV):
            top_pages.append(item)

    items = top_pages + categories + sections
    _add_parent_links(items)
    for item in items:
        item.parent = None
    pages = [page for page in _pages_in(items)]
    _add_previous_and_next_links(pages)
    arranged = Navigation(items, pages)
    arranged.homepage = nav.homepage
    return arranged


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
