"""Reader safety, wired into MkDocs: no script from content, no request outside the site.

Thin event functions; the rules are in safety/. Order matters:
- on_page_markdown last: front-matter text escaped (term titles are set by then) before
  any hook or template reads page.title;
- on_page_content late: nh3 judges the content once glossary links, diagrams and `lang`
  spans are in;
- on_page_context last: the handout is assembled by then;
- on_post_page: the whole page, theme included, before weight_hook's final whitespace pass.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from core.languages import DEFAULT_LANGUAGE
from core.problems import Problem
from handout.assemble import HANDOUT_PLACEHOLDER
from languages.i18n import is_inner_build, language_links, page_alternates
from languages.switcher import language_root
from safety import built_page, not_found, sanitize, text_fields
from safety.emoji import offline_emoji
from safety.sources import line_of

log = get_plugin_logger("safety")
NOT_FOUND_KEY = "safety_not_found"  # language -> its rendered 404 page, for on_post_build

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    if not is_inner_build(config):
        config[NOT_FOUND_KEY] = {}
    emoji = config.mdx_configs.get("pymdownx.emoji")
    if emoji is not None:  # Material's icons inline, other emoji as characters: no CDN
        emoji["emoji_generator"] = offline_emoji
    return config


@event_priority(-1000)  # after the glossary has set term titles, before any hook reads page.title
def on_page_markdown(markdown: str, *, page: Page, config, files) -> str:
    page.meta.update(text_fields.escaped_meta(page.meta))
    return markdown


@event_priority(-500)  # after the glossary (0), diagrams and languages (-100) have added theirs
def on_page_content(html: str, *, page: Page, config, files) -> str:
    result = sanitize.sanitize(html)
    source = page.file.content_string
    for sentence in result.refused:  # the same Problem `make check` prints (safety/precheck.py)
        log.error(str(Problem(f"docs/{page.file.src_uri}", "", sentence, line_of(source, sentence))))
    for name in built_page.theme_classes(result.html):
        line = built_page.line_in(source, name)
        log.error(str(Problem(f"docs/{page.file.src_uri}", "", built_page.theme_class_sentence(name), line)))
    return built_page.without_fetching_classes(result.html)


@event_priority(-1000)  # after the handout is assembled
def on_page_context(context: dict, *, page: Page, config, nav) -> dict:
    """The handout is rebuilt from published pages by regexes: nh3 looks at it once more.
    (Backlinks, added here too, are escaped text in markup of our own: not rechecked.)"""
    if HANDOUT_PLACEHOLDER not in page.file.content_string:
        return context
    for sentence in sanitize.refusals(page.content or ""):
        log.error(f"docs/{page.file.src_uri}: the handout has markup outside the allowlist: "
                  f"{sentence} This is a bug in hooks/handout/, not in a page.")
    return context


@event_priority(-900)  # before weight_hook (-1000), after everything that writes the page
def on_post_page(output: str, *, page: Page, config) -> str:
    gathered = HANDOUT_PLACEHOLDER in page.file.content_string
    source = page.file.content_string
    repeated = built_page.repeated_ids(output)  # the theme's, ours and the contributor's together
    # and, as `make check` says, an id in the content named like the theme's ('__drawer2')
    reserved = [v for v in built_page.reserved_or_repeated_ids(page.content or "")
                if v.startswith("__") and v not in repeated]
    for value in repeated + reserved:
        log.error(str(Problem(f"docs/{page.file.src_uri}", "", built_page.id_sentence(value),
                              built_page.id_line(source, value))))
    _report_built_page(f"docs/{page.file.src_uri}", output,
                       " (The handout gathers every term and comparison page: the same problem is "
                       "also reported on the page it comes from; fix it there.)" if gathered else "")
    return output


def on_template_context(context: dict, *, template_name: str, config) -> dict:
    if template_name == not_found.TEMPLATE:
        lang = config.theme["language"]
        context["base_url"] = not_found.base_url(lang, DEFAULT_LANGUAGE)
        context["not_found_html"] = not_found.body_html(lang)
        # The language menu and the head's hreflang links: each language's home page,
        # relative like every other link here, as languages_hook.py sets them on pages
        # (without a page, i18n's alternates are the root-absolute "/" and "/en/").
        roots = language_links(config)
        for alternate in page_alternates(config):
            alternate["link"] = language_root(alternate["lang"], roots)
        context["language_links"] = page_alternates(config)
    return context


def on_post_template(output: str, *, template_name: str, config) -> str:
    if template_name != not_found.TEMPLATE:
        return output
    lang = config.theme["language"]
    marker = str(config.extra_javascript[0])  # a script at the site's root
    output = not_found.position_independent(output, lang, DEFAULT_LANGUAGE, marker)
    _report_built_page(f"the 404 page ({lang})", output)
    config[NOT_FOUND_KEY][lang] = output
    return output


@event_priority(-200)  # after i18n (-100) has built every language, each writing 404.html
def on_post_build(*, config) -> None:
    """Each language's 404 page in its own root: Chinese at /404.html, English at /en/404.html."""
    if is_inner_build(config):
        return
    for lang, output in config[NOT_FOUND_KEY].items():
        target = Path(config.site_dir) / ("" if lang == DEFAULT_LANGUAGE else lang) / not_found.TEMPLATE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

def _report_built_page(where: str, output: str, note: str = "") -> None:
    for problem in built_page.page_problems(output):
        if "outside the site" in problem or "sends the reader" in problem:
            advice = ("Readers on the intranet cannot reach other sites, and the site makes no request "
                      "outside itself. Copy the file into docs/assets/ and use it from there, or make it "
                      "a plain link the reader can click.")
        else:
            advice = "No page may run script. Remove the HTML from the page or its front matter."
        log.error(f"{where}: the built page has {problem}. {advice}{note}")
