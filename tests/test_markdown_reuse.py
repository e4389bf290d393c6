"""scripts/markdown_reuse.py: one Markdown instance for a configuration, each page converted
as a fresh instance converts it."""

from __future__ import annotations

import types

import markdown
import markdown_reuse

EXTENSIONS = ["toc", "footnotes", "abbr", "attr_list", "md_in_html", "admonition", "pymdownx.tabbed",
              "pymdownx.superfences", "pymdownx.details"]
CONFIGS = {"toc": {"permalink": True}, "pymdownx.tabbed": {"alternate_style": True}}
PAGES = [
    "# One\n\nText[^1] about HTML.\n\n*[HTML]: HyperText\n\n[^1]: A note.\n\n=== \"A\"\n    a\n\n=== \"B\"\n    b\n",
    "# Two\n\n## Part\n\nMore HTML[^x] and a box.\n\n!!! note\n    Boxed.\n\n[^x]: Other.\n\n=== \"C\"\n    c\n",
    "# Three\n\n??? tip \"Open\"\n    Hidden.\n\n<div markdown>*inside*</div>\n",
]


def _module():
    pages = types.SimpleNamespace(markdown=markdown)
    markdown_reuse.install(pages)
    return pages


def test_each_page_converts_as_with_a_fresh_instance():
    pages = _module()
    for text in PAGES + PAGES:  # the second round after the others: nothing is carried over
        md = pages.markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
        fresh = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
        assert md.convert(text) == fresh.convert(text)
        assert md.toc_tokens == fresh.toc_tokens


def test_the_instance_is_kept_while_the_configuration_is_unchanged():
    pages = _module()
    configs = {name: dict(value) for name, value in CONFIGS.items()}
    first = pages.markdown.Markdown(extensions=EXTENSIONS, extension_configs=configs)
    assert pages.markdown.Markdown(extensions=EXTENSIONS, extension_configs=configs) is first
    configs["toc"]["permalink"] = False  # a hook changed a setting: a new instance, with it
    changed = pages.markdown.Markdown(extensions=EXTENSIONS, extension_configs=configs)
    assert changed is not first
    assert 'class="headerlink"' not in changed.convert("# Title\n")
    assert pages.markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=configs) is not changed
    assert pages.markdown.Extension is markdown.Extension  # the rest of the module as it was


def test_unique_footnote_ids_get_a_fresh_instance_for_each_page():
    pages = _module()
    configs = {"footnotes": {"UNIQUE_IDS": True}}
    text = "A[^1].\n\n[^1]: n\n"
    first = pages.markdown.Markdown(extensions=["footnotes"], extension_configs=configs)
    html = first.convert(text)
    again = pages.markdown.Markdown(extensions=["footnotes"], extension_configs=configs)
    assert again is not first and again.convert(text) == html
