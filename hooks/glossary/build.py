"""What the glossary learns during one build: the one object hooks share.

glossary_hook.py creates it in the outer build's on_config, keeps it on the MkDocs
config (under CONFIG_KEY) so it lives exactly as long as that build and its inner
per-language builds, and is the only writer. search_hook.py and handout_hook.py read
it through `of(config)`, the Markdown extension (markdown_ext.py) through `use()`; an
engine without hooks lets the extension read its own. Nothing here imports MkDocs:
`config` is used as a mapping.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from core.source_files import walk
from core.sources import language_of, read_pages

from .matcher import TermMatcher
from .registry import Registry, Term, build_registry

CONFIG_KEY = "llm_terms_glossary"


class GlossaryBuild:
    def __init__(self, pages: dict[str, str], registry: Registry, matchers: dict[str, TermMatcher]) -> None:
        self.pages = pages  # source path -> text, both languages
        self.registry = registry
        self.matchers = matchers  # lang -> matcher of every term name in that language
        # lang -> term id -> [(page title, page url)] of the pages that mention it
        self.mentions: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
        self.term_urls: dict[str, dict[str, str]] = {}  # lang -> term id -> page URL

    def term_of(self, src_path: str, lang: str) -> Term | None:
        """The term a page defines, if it is a term page."""
        return self.registry.term_of(src_path, lang)

    def record_page(self, lang: str, files, title: str, url: str, linked: list[str]) -> None:
        """What a converted page tells the rest of the build: the terms it links (for their
        "where this term is used"), and, once per language, every term page's URL (for search).
        `files` is MkDocs' Files (only get_file_from_path is used). glossary_hook.py calls it
        after each page, and scripts/render_memo.py for a page it did not convert again."""
        if lang not in self.term_urls:
            self.term_urls[lang] = {
                term.id: files.get_file_from_path(language_of(term.path).base).url
                for term in self.registry.in_language(lang).values()
            }
        for term_id in linked:
            self.mentions[lang][term_id].append((title, url))

    def term_names_by_url(self) -> dict[str, list[str]]:
        """Term page URL (every language built so far) -> the term's names, for search."""
        return {url: list(self.registry.in_language(lang)[term_id].names)
                for lang, urls in self.term_urls.items() for term_id, url in urls.items()}


def read_glossary(docs_dir: Path) -> GlossaryBuild:
    """Read and validate every page; unchanged pages (as under `make serve`) are not read again."""
    fingerprint = tuple((path, (docs_dir / path).stat().st_mtime_ns)
                        for path in walk(docs_dir)[0] if path.endswith(".md"))  # links not followed
    pages, registry, matchers = _read(docs_dir, fingerprint)
    return GlossaryBuild(pages, registry, matchers)


# A cache keyed by the files' names and times, so it can never hand out stale content.
@lru_cache(maxsize=1)
def _read(docs_dir: Path, fingerprint: tuple) -> tuple[dict[str, str], Registry, dict[str, TermMatcher]]:
    pages = read_pages(docs_dir)
    registry = build_registry(pages)
    matchers = {
        lang: TermMatcher({name: term.id for term in terms.values() for name in term.names})
        for lang, terms in registry.terms.items()
    }
    return pages, registry, matchers


def of(config) -> GlossaryBuild:
    """The glossary of the build `config` belongs to (set by glossary_hook.on_config)."""
    return config[CONFIG_KEY]
