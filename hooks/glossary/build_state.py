"""What the glossary learns during one build, shared by the hooks that need it.

MkDocs loads each hook file as its own module, so hooks share state through
this ordinary module, which Python imports once.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .matcher import TermMatcher
from .registry import Registry, Term, is_term_page, language_of


class BuildState:
    def __init__(self) -> None:
        self.registry = Registry()
        self.pages: dict[str, str] = {}  # source path -> text, both languages
        self.fingerprint: tuple = ()
        self.matchers: dict[str, TermMatcher] = {}
        # lang -> term id -> [(page title, page url)] of the pages that mention it
        self.mentions: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
        self.term_urls: dict[str, dict[str, str]] = {}  # lang -> term id -> page URL

    def term_of(self, page) -> Term | None:
        """The term a page defines, if it is a term page."""
        source = page.file.src_uri
        if not is_term_page(source):
            return None
        term_id = Path(language_of(source)[0]).stem
        return self.registry.in_language(page.file.locale).get(term_id)


state = BuildState()
