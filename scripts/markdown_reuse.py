"""One Python-Markdown instance per set of settings, reset between pages, for `make build`
and `make serve` (installed by scripts/build.py).

MkDocs makes a new `markdown.Markdown` for every page (Page.render), which builds every
extension's processors again: a tenth of the time Markdown takes on this site. Python-Markdown
is made to be reused (`Markdown.reset()` "between calls to convert"), and every extension
this site uses registers a reset for what it keeps from one page to the next. The page's own
processors MkDocs adds after making the instance (links, anchors, title) are registered under
the same names each time, so each page's replace the last one's.

The instance is kept for one `markdown_extensions` list and one `mdx_configs` mapping, as long
as neither changed (their repr is compared): a language's configuration, or a new build under
`make serve`, gets a new one. Not with footnotes' UNIQUE_IDS, whose reset numbers the next
page's footnotes on from the last (a fresh instance starts each page at the same number).
tests/test_build_speed.py compares the site with `mkdocs build`'s.
"""

from __future__ import annotations

import markdown


class _Reusing:
    """What mkdocs.structure.pages calls `markdown`: the module, but with a Markdown that is kept."""

    def __init__(self):
        self._kept: tuple | None = None  # (extensions, configs, their repr, the instance)

    def __getattr__(self, name):
        return getattr(markdown, name)

    def Markdown(self, *, extensions, extension_configs):  # noqa: N802  (Python-Markdown's name)
        if any((extension_configs.get(name) or {}).get("UNIQUE_IDS")
               for name in ("footnotes", "markdown.extensions.footnotes")):
            return markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
        settings = repr((extensions, extension_configs))
        kept = self._kept
        if kept is not None and kept[0] is extensions and kept[1] is extension_configs and kept[2] == settings:
            return kept[3].reset()
        md = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
        self._kept = (extensions, extension_configs, settings, md)
        return md


def install(pages_module) -> None:
    """Page.render finds `markdown.Markdown` through its module's global name `markdown`."""
    if pages_module.markdown is markdown:
        pages_module.markdown = _Reusing()
