"""What the glossary adds to pages: term links and their previews, term cards, generated lists.

Pure functions from terms to Markdown or HTML strings; no MkDocs imports.
Links are given as paths relative to docs/ (Markdown) or as finished URLs (HTML),
so the caller decides how a page reaches another.
"""

from __future__ import annotations

import re
from html import escape
from typing import Callable, Iterable

from core.words import month_and_year, word

from .collation import sort_key
from .registry import Term
from .vocabulary import CATEGORIES, LEVELS, category_title, level_title

def _md_escape(text: str) -> str:
    """Keep a contributor's text literal inside generated Markdown ('{' too: attr_list would
    turn '{: onclick=... }' at the end of a heading into attributes of the h1)."""
    return (escape(text, quote=False).replace("*", r"\*").replace("_", r"\_").replace("[", r"\[")
            .replace("{", r"\{"))


# -----------------------------------------------------------------------------
# On a term page
# -----------------------------------------------------------------------------

def term_heading(term: Term) -> str:
    return f"# {_md_escape(term.display_title)}\n"


def term_card(term: Term) -> str:
    """The box under a term page's title: summary, aliases, level and category."""
    lang = term.lang
    colon = word(lang, "colon")
    lines = [f'<div class="term-card" markdown>', "", f'<p class="term-card__summary">{escape(term.summary)}</p>', "",
             checked_line(lang, term.checked), ""]
    facts = [
        f'<span class="term-card__level term-card__level--{term.level}">'
        f'{escape(word(lang, "level"))}{colon}{escape(level_title(term.level, lang))}</span>',
        f'<span class="term-card__category">{escape(word(lang, "category"))}{colon}'
        f'{escape(category_title(term.category, lang))}</span>',
    ]
    other_names = [name for name in term.names if name != term.title]
    if other_names:
        names = word(lang, "list_sep").join(escape(name) for name in other_names)
        facts.append(f'<span class="term-card__aliases">{escape(word(lang, "also_called"))}'
                     f'{colon}{names}</span>')
    # Kept out of the search text: the names are the entry's tags (search_index.py), and
    # the line would otherwise be the result's teaser for every name search.
    lines.append('<p class="term-card__facts" data-search-exclude>' + " ".join(facts) + "</p>")
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def checked_line(lang: str, checked: tuple[int, int]) -> str:
    """'本页事实截至 2026 年 12 月' / 'Facts as of December 2026' under a term's summary or a comparison's title."""
    text = word(lang, "checked").format(month=month_and_year(*checked, lang))
    return f'<p class="page-checked" data-search-exclude>{escape(text)}</p>'


def related_section(term: Term, terms: dict[str, Term], link_to: Callable[[Term], str]) -> str:
    """Markdown list of related terms with their summaries; link_to gives a docs/-relative path."""
    lang = term.lang
    items = [
        f"- [{_md_escape(terms[rid].display_title)}]({link_to(terms[rid])})"
        f"{word(lang, 'colon')}{_md_escape(terms[rid].summary)}"
        for rid in term.related if rid in terms
    ]
    if not items:
        return ""
    # Excluded from search: a list of other terms must not make this page a hit for them.
    return (f"\n\n## {word(lang, 'related')} {{ #related data-search-exclude }}\n\n"
            + "\n".join(items) + "\n")


def backlinks_heading(lang: str) -> str:
    return f"\n\n## {word(lang, 'used_on')} {{ #used-on data-search-exclude }}\n\n{BACKLINKS_PLACEHOLDER}\n"


BACKLINKS_PLACEHOLDER = "<!-- glossary:backlinks -->"


def backlinks_html(lang: str, pages: Iterable[tuple[str, str]]) -> str:
    """pages: (title, url) of the pages that mention the term."""
    pages = list(pages)
    if not pages:
        return f'<p class="glossary-backlinks">{escape(word(lang, "used_nowhere"))}</p>'
    items = "".join(f'<li><a href="{escape(url)}">{escape(title)}</a></li>' for title, url in pages)
    return f'<ul class="glossary-backlinks">{items}</ul>'


def insert_after_title(markdown: str, block: str) -> str:
    """Put a notice under the page's '# ' title, or at the top when it has none."""
    if not block:
        return markdown
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.strip():
            if line.startswith("# "):
                return "\n".join(lines[:index + 1] + ["", block] + lines[index + 1:])
            break
    return block + markdown


def stale_notice(lang: str) -> str:
    return (f'!!! warning "{word(lang, "stale_title")}"\n\n'
            f'    {word(lang, "stale")}\n\n')


# -----------------------------------------------------------------------------
# Links and the print list
# -----------------------------------------------------------------------------

def term_link(term: Term, href: str, text_html: str) -> str:
    """A mention turned into a link; its preview card reads the page's template for the term.

    No `title`: Material would show it as a second, unreadable tooltip, and copies it into
    the page as HTML. Screen readers get the summary through aria-describedby instead."""
    return (f'<a class="glossary-term" href="{escape(href)}" data-term="{escape(term.id)}" '
            f'aria-describedby="{preview_id(term.id)}">{text_html}</a>')


# The opening tag term_link writes, for code that rewrites these links (the handout).
# Written beside term_link so that the two change together.
TERM_LINK = re.compile(
    r'<a class="glossary-term" href="(?P<href>[^"]*)" data-term="(?P<id>[^"]+)" aria-describedby="[^"]*">')


def preview_id(term_id: str) -> str:
    return f"term-preview-{term_id}"


def preview_templates(lang: str, terms: Iterable[Term]) -> str:
    """One hidden template per term mentioned on the page, read by term-preview.js.

    Everything a contributor wrote is escaped here and set with textContent by the script,
    so a summary that looks like markup shows as the characters it is."""
    items = "".join(
        f'<p id="{preview_id(term.id)}" data-name="{escape(term.display_title)}" '
        f'data-level="{escape(word(lang, "level") + word(lang, "colon") + level_title(term.level, lang))}">'
        f'{escape(term.summary, quote=False)}</p>' for term in terms)
    if not items:
        return ""
    # Excluded from search: other terms' summaries must not make this page a hit for them.
    return (f'<div class="term-previews" hidden data-search-exclude '
            f'data-more="{escape(word(lang, "read_more"))}">{items}</div>')


def print_term_list(lang: str, terms: Iterable[Term]) -> str:
    """Previews don't exist on paper: a list printed at the end of the page instead."""
    terms = list(terms)
    if not terms:
        return ""
    items = "".join(
        f"<li><strong>{escape(term.display_title)}</strong>{escape(word(lang, 'colon'))}"
        f"{escape(term.summary)}</li>" for term in terms
    )
    return (f'<aside class="glossary-print-list" data-search-exclude>'
            f'<h2>{escape(word(lang, "print_terms"))}</h2><ul>{items}</ul></aside>')


# -----------------------------------------------------------------------------
# Generated lists on other pages
# -----------------------------------------------------------------------------

LEARNING_PATH_PLACEHOLDER = "<!-- glossary:learning-path -->"
COMPARISONS_PLACEHOLDER = "<!-- glossary:comparisons -->"
GLOSSARY_INDEX_PLACEHOLDER = "<!-- glossary:index -->"


def learning_path(lang: str, terms: list[Term], link_to: Callable[[Term], str]) -> str:
    """Terms by level, newcomer first, each with its summary."""
    parts = []
    for level in LEVELS:
        level_terms = [t for t in terms if t.level == level]
        if not level_terms:
            continue
        parts.append(f"### {level_title(level, lang)} {{ #level-{level} }}\n")
        for number, term in enumerate(level_terms, start=1):
            parts.append(f"{number}. [{_md_escape(term.display_title)}]({link_to(term)})"
                         f"{word(lang, 'colon')}{_md_escape(term.summary)}")
        parts.append("")
    return "\n".join(parts)


def comparison_list(lang: str, pages: Iterable[tuple[str, str]]) -> str:
    """The comparison pages as a Markdown list; pages: (title, docs/-relative path)."""
    pages = sorted(pages, key=lambda page: sort_key(lang, page[0]))
    return "\n".join(f"- [{_md_escape(title)}]({path})" for title, path in pages) + "\n"


def glossary_index(lang: str, terms: list[Term], link_to: Callable[[Term], str]) -> str:
    """Every term by category, with full name, aliases and summary, and a jump list."""
    by_category = {key: sorted((t for t in terms if t.category == key),
                               key=lambda t: sort_key(lang, t.display_title))
                   for key in CATEGORIES}
    jump = " · ".join(f"[{category_title(key, lang)}](#{key})" for key in CATEGORIES
                      if by_category[key])
    parts = [f'<nav class="glossary-jump" markdown>**{word(lang, "jump")}**{word(lang, "colon")}{jump}</nav>', ""]
    for key in CATEGORIES:
        if not by_category[key]:
            continue
        parts.append(f"## {category_title(key, lang)} {{ #{key} }}\n")
        for term in by_category[key]:
            # data-glossary-self: the entry's summary and other names never link back to it.
            parts.append(f'[{_md_escape(term.display_title)}]({link_to(term)}){{ data-glossary-self="{term.id}" }}')
            parts.append(f":   {_md_escape(term.summary)}")
            other = [n for n in term.names if n != term.title]
            if other:
                alias_text = word(lang, "list_sep").join(_md_escape(n) for n in other)
                parts.append(f"\n    <small>{word(lang, 'also_called')}{word(lang, 'colon')}{alias_text}</small>")
            parts.append("")
    return "\n".join(parts)
