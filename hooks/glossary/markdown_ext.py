"""The glossary as a Python-Markdown extension, so it runs on any engine that runs extensions.

Zensical, Material's successor, runs `markdown_extensions` but ignores `hooks:`; this
extension is the glossary's page-level work, and glossary_hook.py is only its MkDocs adapter.

Decisions (issue #15):
- Which page: an extension is not told what it renders. In this order it takes
  1. the page an adapter set with `set_page()` (glossary_hook.py does, in on_page_markdown,
     which MkDocs runs just before Page.render makes the Markdown instance);
  2. Zensical's rendering context: Zensical (zensical/extensions/context.py, read in its
     v0.0.57 source) registers a preprocessor "rendering_context" whose `page.path` is the
     source path; read by name, so nothing here imports Zensical (not run against Zensical here);
  3. the `page` option (one page rendered by hand, as the tests do).
  The language is the page's, from its file name (`rag.en.md`, i18n's suffix structure).
- The terms: given by the adapter (`use()`, the build's one GlossaryBuild), or read from
  the `docs_dir` option on first use. Without an adapter, nothing reports content problems:
  `make check` does, over the same pages.
- Two processors: a preprocessor (priority 40, before snippets 32, whitespace 30 and
  MkDocs' raw-HTML anchor scan 21) adds the term heading and card, related terms, the
  learning path, the comparison list, the glossary index and the notices, exactly where
  on_page_markdown used to; a postprocessor (priority 10, after footnotes 25, raw_html 30
  and amp_substitute 20, so it sees the finished HTML) runs the same HTML walker and
  matcher as before (matcher.link_mentions) and appends the print list and the previews.
  MkDocs' relative-path treeprocessor has long finished by then: it neither sees nor
  checks these links, as before; the links are final URLs (`link_style: url`) worked
  out by urls.py. Zensical's link rewriting (v0.0.57) only touches stashed raw HTML,
  which these links never are; `link_style: source` links .md files for an engine that
  rewrites finished HTML too.
- Other hooks: every on_page_content hook (diagrams, languages' spans, safety's nh3 check)
  ran after the glossary's linking and still does, on the same HTML; search and the handout
  read page.content and page.meta, which are the same. The on_page_markdown hooks after
  the glossary's (i18n's admonition titles run before it anyway; diagrams' markers,
  contributing's dates, safety's meta escaping) now see the Markdown before the glossary's
  additions, and none reads them: generated text holds no diagram marker, and page.meta's
  title is still set by the adapter at priority 0, before safety's (-1000).
- MkDocs-only, named plainly: "where this term is used" backlinks need every page of the
  language rendered first, so the adapter records `linked` after each page and fills the
  placeholder in on_page_context. Without that pass (`backlinks: false`, the default) the
  section is left out rather than shown empty. Also MkDocs-only: page.meta's title and search boost,
  the navigation (nav.py) and the term problems report.

Hookless use (hooks/ on PYTHONPATH):  markdown_extensions: [glossary.markdown_ext: {docs_dir: docs}]
"""

from __future__ import annotations

from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import pages
from .build import GlossaryBuild, read_glossary

ZENSICAL_CONTEXT = "rendering_context"  # the name Zensical registers its page context under


class GlossaryExtension(Extension):
    def __init__(self, glossary: GlossaryBuild | None = None, **kwargs) -> None:
        self.config = {
            "docs_dir": ["docs", "Folder of the pages, to read the terms from (without an adapter)"],
            "page": ["", "Source path of the page, relative to docs_dir, e.g. terms/rag.en.md"],
            "use_directory_urls": [True, "As in mkdocs.yml: links end in '/' rather than '.html'"],
            "link_style": ["url", "'url': built pages' URLs; 'source': the terms' .md files"],
            "backlinks": [False, "Write the 'used on' section for a later pass over all pages to fill"],
        }
        super().__init__(**kwargs)
        if self.getConfig("link_style") not in pages.LINK_STYLES:
            raise ValueError(f"glossary.markdown_ext: link_style must be one of {', '.join(pages.LINK_STYLES)}, "
                             f"not '{self.getConfig('link_style')}'.")
        self._glossary = glossary
        self.page: str | None = None
        self.linked: list[str] = []  # term ids linked on the page converted last, in order

    def use(self, glossary: GlossaryBuild) -> None:
        self._glossary = glossary

    def set_page(self, src_path: str) -> None:
        """The page the next conversion renders (called by an adapter before each page)."""
        self.page = src_path
        self.linked = []

    @property
    def glossary(self) -> GlossaryBuild:
        if self._glossary is None:
            self._glossary = read_glossary(Path(self.getConfig("docs_dir")))
        return self._glossary

    def page_of(self, md: Markdown) -> str:
        if self.page:
            return self.page
        if ZENSICAL_CONTEXT in md.preprocessors:
            path = getattr(getattr(md.preprocessors[ZENSICAL_CONTEXT], "page", None), "path", None)
            if path:
                return str(path).replace("\\", "/")
        if self.getConfig("page"):
            return self.getConfig("page")
        raise ValueError("glossary.markdown_ext does not know which page it renders: set its 'page' "
                         "option, or build with hooks/glossary_hook.py, which tells it.")

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_PagePreprocessor(md, self), "glossary_page", 40)
        mentions = _MentionPostprocessor(md, self)
        md.postprocessors.register(mentions, "glossary_mentions", 10)
        md.treeprocessors.register(_TreeFinished(md, mentions), "glossary_tree_finished", -1000)


class _PagePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        ext = self.extension
        text = pages.add_to_markdown(ext.glossary, ext.page_of(self.md), "\n".join(lines),
                                     backlinks=ext.getConfig("backlinks"))
        return text.split("\n")


class _MentionPostprocessor(Postprocessor):
    """Postprocessors also run on fragments: toc renders each heading's inner HTML through
    them (toc.run_postprocessors). Only the pass over the whole page, the first once the
    tree is finished, links mentions and adds the lists."""

    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension
        self.tree_finished = False

    def run(self, text: str) -> str:
        if not self.tree_finished:
            return text
        self.tree_finished = False
        ext = self.extension
        # Stripped first, as Markdown.convert strips its result: the lists go right after it.
        html, ext.linked = pages.link_page(
            ext.glossary, ext.page_of(self.md), text.strip(),
            use_directory_urls=ext.getConfig("use_directory_urls"), link_style=ext.getConfig("link_style"))
        return html


class _TreeFinished(Treeprocessor):
    """The last treeprocessor: what the postprocessors see next is the whole page."""

    def __init__(self, md: Markdown, mentions: _MentionPostprocessor) -> None:
        super().__init__(md)
        self.mentions = mentions

    def run(self, root) -> None:
        self.mentions.tree_finished = True


def makeExtension(**kwargs) -> GlossaryExtension:  # noqa: N802  (Python-Markdown's name)
    return GlossaryExtension(**kwargs)
