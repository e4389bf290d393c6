"""The glossary as a plain Python-Markdown extension, outside MkDocs (issue #15).

Real term pages rendered with `markdown.Markdown(extensions=[...])`, mkdocs.yml's own
extensions and glossary.markdown_ext: the mention links must be the site's. The rendering
path never imports MkDocs (checked in a fresh interpreter); the comparison with the built
site is the build-tier test at the end.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pymdownx.slugs import slugify

from conftest import ROOT
from core.frontmatter import body_of
from core.languages import DEFAULT_LANGUAGE, LANGUAGES, _ConfigLoader
from core.sources import language_of
from core.words import word
from glossary import build
from glossary.markdown_ext import GlossaryExtension
from glossary.urls import page_url, relative_url

DOCS = ROOT / "docs"


def in_each_language(base: str) -> list[str]:
    """'terms/rag.md' -> ['terms/rag.md', 'terms/rag.en.md']."""
    return [base if lang == DEFAULT_LANGUAGE else base.replace(".md", f".{lang}.md") for lang in LANGUAGES]


# Real term pages in every language, the glossary index, and a comparison page whose
# headings mention terms.
PAGES = [page for base in ("terms/rag.md", "terms/fine-tuning.md", "glossary.md", "compare/dense-vs-moe.md")
         for page in in_each_language(base)]


def site_extensions() -> tuple[list, dict]:
    """mkdocs.yml's markdown_extensions, as plain Python-Markdown takes them.

    Two are adjusted: pymdownx.emoji's index and generator are Material's (which imports
    MkDocs), so it is left out (no page's glossary link depends on an emoji); toc's slugify
    is pymdownx.slugs.slugify(case='lower'), written out here instead of a YAML python tag."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, None))
        if name == "pymdownx.emoji":
            continue
        options = dict(options or {})
        if name == "toc":
            options["slugify"] = slugify(case="lower")
        if name == "pymdownx.snippets":
            options["base_path"] = [str(ROOT / path) for path in options["base_path"]]
        names.append(name)
        configs[name] = options
    return names, configs


def render_page(src_path: str, **options) -> tuple[str, GlossaryExtension]:
    names, configs = site_extensions()
    extension = GlossaryExtension(docs_dir=str(DOCS), page=src_path, **options)
    md = markdown.Markdown(extensions=[*names, extension], extension_configs=configs)
    return md.convert(body_of((DOCS / src_path).read_text(encoding="utf-8"))[0].lstrip("\n")), extension


class _GlossaryLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "glossary-term" in (attributes.get("class") or "").split():
            self.links.append((attributes.get("href"), attributes.get("data-term")))


def glossary_links(html: str) -> list[tuple[str, str]]:
    """(href, term id) of every mention link, in page order."""
    parser = _GlossaryLinks()
    parser.feed(html)
    return parser.links


# -- unit: the extension on its own ----------------------------------------------------------

@pytest.mark.parametrize("src_path", PAGES)
def test_plain_markdown_links_each_mention_to_its_term_page_in_the_pages_language(src_path):
    html, extension = render_page(src_path)
    glossary = build.read_glossary(DOCS)
    lang = language_of(src_path).lang
    terms = glossary.registry.in_language(lang)
    links = glossary_links(html)
    assert links, f"no glossary link on {src_path}"
    own = glossary.term_of(src_path, lang)
    for href, term_id in links:
        assert term_id in terms and (own is None or term_id != own.id)
        # The link, followed from the page's URL, is the term page in the same language.
        target = posixpath.normpath(posixpath.join(page_url(src_path), href)) + "/"
        expected = terms[term_id].path.removesuffix(".md").replace(f".{lang}", "") + "/"
        assert target == (expected if lang == DEFAULT_LANGUAGE else f"{lang}/{expected}")
    assert extension.linked == list(dict.fromkeys(term_id for _, term_id in links))
    # The whole page is linked once, not each heading again (toc runs postprocessors on
    # them): no heading's id carries the print list's title.
    assert html.count('class="glossary-print-list"') == 1
    assert html.count('class="term-previews"') == 1
    print_title = slugify(case="lower")(word(lang, "print_terms"), "-")
    heading_ids = re.findall(r'<h[1-6] id="([^"]*)"', html)
    assert heading_ids and not [h for h in heading_ids if print_title in h]


def test_a_term_page_gets_its_heading_card_and_related_terms():
    html, _ = render_page("terms/rag.en.md")
    term = build.read_glossary(DOCS).registry.in_language("en")["rag"]
    assert html.startswith(f'<h1 id="{term.display_title.lower().replace(" ", "-").replace("(", "").replace(")", "")}">')
    assert 'class="term-card"' in html and 'id="related"' in html
    assert 'id="used-on"' not in html  # no later pass fills backlinks without the MkDocs adapter
    assert 'id="used-on"' in render_page("terms/rag.en.md", backlinks=True)[0]


def test_source_style_links_name_the_terms_markdown_files():
    url_style, _ = render_page("terms/rag.en.md")
    source_style, _ = render_page("terms/rag.en.md", link_style="source")
    assert [term for _, term in glossary_links(source_style)] == [term for _, term in glossary_links(url_style)]
    assert all(href == f"{term}.en.md" for href, term in glossary_links(source_style))


def test_the_page_comes_from_zensicals_rendering_context_when_no_adapter_sets_it():
    """Zensical registers a preprocessor 'rendering_context' whose page.path is the source path."""
    from markdown.preprocessors import Preprocessor

    class Page:
        path = "terms/rag.en.md"

    class RenderingContext(Preprocessor):
        page = Page()

        def run(self, lines):
            return lines

    names, configs = site_extensions()
    md = markdown.Markdown(extensions=[*names, GlossaryExtension(docs_dir=str(DOCS))], extension_configs=configs)
    md.preprocessors.register(RenderingContext(md), "rendering_context", 0)
    html = md.convert(body_of((DOCS / "terms/rag.en.md").read_text(encoding="utf-8"))[0])
    assert glossary_links(html) == glossary_links(render_page("terms/rag.en.md")[0])


def test_an_engine_loads_it_by_name_with_options_as_mkdocs_yml_would_list_it():
    names, configs = site_extensions()
    configs["glossary.markdown_ext"] = {"docs_dir": str(DOCS), "page": "terms/rag.en.md"}
    md = markdown.Markdown(extensions=[*names, "glossary.markdown_ext"], extension_configs=configs)
    html = md.convert(body_of((DOCS / "terms/rag.en.md").read_text(encoding="utf-8"))[0])
    assert glossary_links(html) == glossary_links(render_page("terms/rag.en.md")[0])


def test_without_a_page_the_extension_says_how_to_give_it_one():
    md = markdown.Markdown(extensions=[GlossaryExtension(docs_dir=str(DOCS))])
    with pytest.raises(ValueError, match="does not know which page it renders: set its 'page' option"):
        md.convert("RAG")


def test_rendering_a_page_never_imports_mkdocs():
    script = (
        "import sys; sys.path[:0] = [sys.argv[1] + '/hooks', sys.argv[1] + '/tests']\n"
        "import test_glossary_markdown as t\n"
        "html, _ = t.render_page('terms/rag.md')\n"
        "assert t.glossary_links(html)\n"
        "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith(('mkdocs.', 'material'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# -- unit: URLs as MkDocs and i18n give them ---------------------------------------------------

@pytest.mark.parametrize("src_path,directory_urls,url", [
    ("index.md", True, "./"), ("index.en.md", True, "en/"), ("terms/rag.md", True, "terms/rag/"),
    ("terms/rag.en.md", True, "en/terms/rag/"), ("terms/rag.en.md", False, "en/terms/rag.html"),
    ("index.md", False, "index.html"), ("compare/index.en.md", True, "en/compare/"),
])
def test_page_urls_follow_mkdocs_and_the_suffix_structure(src_path, directory_urls, url):
    assert page_url(src_path, directory_urls) == url


_SEGMENT = st.sampled_from(["terms", "en", "compare", "rag", "a.html", "index.html", "..", "."])


@given(st.lists(_SEGMENT, max_size=4), st.booleans(), st.lists(_SEGMENT, max_size=4), st.booleans())
def test_relative_urls_are_mkdocs_own(url_parts, url_slash, other_parts, other_slash):
    from mkdocs.utils import get_relative_url  # the reference, in the test only

    url = "/".join(url_parts) + ("/" if url_slash else "")
    other = "/".join(other_parts) + ("/" if other_slash else "")
    assert relative_url(url, other) == get_relative_url(url, other)


# -- build: the same links as the site ------------------------------------------------------

@pytest.mark.parametrize("src_path", PAGES)
def test_plain_markdown_gives_the_same_glossary_links_as_the_built_site(site_dir, src_path):
    html, _ = render_page(src_path)
    built = (site_dir / page_url(src_path) / "index.html").read_text(encoding="utf-8")
    article = built[built.index("<article"):built.index("</article>")]
    assert glossary_links(html) == glossary_links(article)
    assert set(glossary_links(html)) == set(glossary_links(article))
