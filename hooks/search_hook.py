"""Search in the reader's language: one search index per language.

mkdocs-static-i18n merges every language into one search/search_index.json, so
an English reader would get Chinese results. After the last language is built,
this hook splits that index by language (Chinese at search/, English at
en/search/), and points each English page's search at its own index by moving
Material's `base` for that page to the language root. It also folds each term
page's sections into one entry, for fast results with many terms (search/index.py),
mends Material's segmentation of Chinese queries (search/worker_patch.py), and puts the
reader-query worker in front of Material's worker (search/reader_worker.py).
It keeps no state: the term pages and their names come from the glossary's build.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from core.languages import DEFAULT_LANGUAGE, LANGUAGES
from glossary import build
from languages.i18n import is_inner_build
from search.index import fold_term_pages, split_by_language
from search.reader_worker import point_at_reader_worker, worker_name, worker_source
from search.worker_patch import fix_query_segmenter

log = get_plugin_logger("search-per-language")

_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_post_page(output: str, *, page: Page, config) -> str:
    return _CONFIG_SCRIPT.sub(lambda m: m.group(1) + _configure(m.group(2), page.file.locale) + m.group(3),
                              output, count=1)


@event_priority(-200)  # after i18n (-100) has merged every language's entries
def on_post_build(*, config) -> None:
    if is_inner_build(config):
        return  # an inner language build: the merged index is not written yet
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    names = build.of(config).term_names_by_url()
    merged["docs"] = fold_term_pages(merged["docs"], names, merged["config"]["separator"])
    for lang, index in split_by_language(merged, LANGUAGES, DEFAULT_LANGUAGE).items():
        target = site / ("" if lang == DEFAULT_LANGUAGE else lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        log.debug(f"search index for '{lang}': {len(index['docs'])} entries -> {target}")
    _write_workers(site)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _configure(config_json: str, lang: str) -> str:
    """The reader-query worker for every page; for a page not in the default language,
    its own index: Material resolves search/search_index.json and result links against `base`."""
    app = point_at_reader_worker(json.loads(config_json))
    if lang != DEFAULT_LANGUAGE:
        app["base"] = f"{app['base'].rstrip('/')}/{lang}/"
    return json.dumps(app, ensure_ascii=False, separators=(",", ":"))


def _write_workers(site: Path) -> None:
    """Material's worker mended, and the reader-query worker beside it."""
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    for worker in workers:
        fixed = fix_query_segmenter(worker.read_text(encoding="utf-8"))
        if fixed is None:
            log.warning(f"{worker.name}: Material's search worker changed, so the fix for Chinese "
                        "queries in hooks/search/worker_patch.py no longer applies. Check whether "
                        "Material fixed the query segmenter, then update or remove the fix.")
        else:
            worker.write_text(fixed, encoding="utf-8")
        (worker.parent / worker_name(worker.name)).write_text(worker_source(worker.name), encoding="utf-8")
