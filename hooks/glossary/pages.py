"""What the glossary adds to one page, given the page's source path: pure functions.

`add_to_markdown` is the Markdown side (term heading and card, related terms, the
learning path, the comparison list, the glossary index, the stale and checked notices);
`link_page` the HTML side (mention links, the print list, the preview templates).
markdown_ext.py runs them inside Python-Markdown; nothing here imports MkDocs or Markdown.
"""

from __future__ import annotations

import posixpath

from core.languages import DEFAULT_LANGUAGE
from core.sources import is_compare_page, language_of, page_id, split_front_matter

from . import render
from .build import GlossaryBuild
from .matcher import link_mentions
from .registry import Term
from .urls import page_url, relative_url

# How a mention link reaches the term page: "url", the built page's URL relative to this
# page's URL (MkDocs leaves raw HTML alone); "source", the term's .md file relative to
# this page's .md file (for an engine that rewrites every relative href as a source path).
LINK_STYLES = ("url", "source")


def add_to_markdown(glossary: GlossaryBuild, src_path: str, markdown: str, *, backlinks: bool) -> str:
    """The page's Markdown with the glossary's parts; `backlinks`: a later pass over all
    pages fills render.BACKLINKS_PLACEHOLDER (MkDocs' on_page_context), so write its section."""
    lang = language_of(src_path).lang
    here = posixpath.dirname(src_path) or "."
    terms = glossary.registry.in_language(lang)

    def link_to(term: Term) -> str:
        return posixpath.relpath(language_of(term.path).base, here)

    if render.LEARNING_PATH_PLACEHOLDER in markdown:
        path = render.learning_path(lang, glossary.registry.learning_path(lang), link_to)
        markdown = markdown.replace(render.LEARNING_PATH_PLACEHOLDER, path)
    if render.COMPARISONS_PLACEHOLDER in markdown:
        markdown = markdown.replace(render.COMPARISONS_PLACEHOLDER, render.comparison_list(
            lang, comparison_pages(glossary, lang, here)))
    if render.GLOSSARY_INDEX_PLACEHOLDER in markdown:
        index = render.glossary_index(lang, list(terms.values()), link_to)
        markdown = markdown.replace(render.GLOSSARY_INDEX_PLACEHOLDER, index)

    head = ""
    if lang != DEFAULT_LANGUAGE and src_path in glossary.registry.stale_translations:
        head = render.stale_notice(lang)

    term = glossary.term_of(src_path, lang)
    if term is None:
        checked = glossary.registry.checked.get(src_path)
        if checked:  # a comparison page is dated like a term page
            head = render.checked_line(lang, checked) + "\n\n" + head
        return render.insert_after_title(markdown, head)
    return "".join([
        render.term_heading(term), "\n", render.term_card(term), "\n", head, markdown.rstrip("\n"),
        render.related_section(term, terms, link_to),
        render.backlinks_heading(lang) if backlinks else "",
    ])


def link_page(glossary: GlossaryBuild, src_path: str, html: str, *, use_directory_urls: bool = True,
              link_style: str = "url") -> tuple[str, list[str]]:
    """The page's HTML with its mentions linked and the previews appended; and the ids linked."""
    lang = language_of(src_path).lang
    terms = glossary.registry.in_language(lang)
    matcher = glossary.matchers.get(lang)
    if not matcher:
        return html, []
    own = glossary.term_of(src_path, lang)
    here = page_url(src_path, use_directory_urls)

    hrefs: dict[str, str] = {}  # a term mentioned in many sections links the same way each time

    def href(term: Term) -> str:
        if term.id not in hrefs:
            hrefs[term.id] = (posixpath.relpath(term.path, posixpath.dirname(src_path) or ".")
                              if link_style == "source" else relative_url(page_url(term.path, use_directory_urls), here))
        return hrefs[term.id]

    def render_link(term_id: str, text_html: str) -> str:
        return render.term_link(terms[term_id], href(terms[term_id]), text_html)

    html, linked = link_mentions(html, matcher, render_link, exclude=[own.id] if own else [])
    mentioned = [terms[t] for t in linked]
    return html + render.print_term_list(lang, mentioned) + render.preview_templates(lang, mentioned), linked


def comparison_pages(glossary: GlossaryBuild, lang: str, here: str) -> list[tuple[str, str]]:
    """(title, path relative to `here`) of this language's comparison pages."""
    pages = []
    for path, text in glossary.pages.items():
        base, page_lang = language_of(path)
        if page_lang == lang and is_compare_page(path):
            meta, _, _ = split_front_matter(path, text)
            title = (meta or {}).get("title") or page_id(path)
            pages.append((str(title), posixpath.relpath(base, here)))
    return pages
