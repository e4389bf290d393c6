"""Helping readers correct the site: 'edit this page', 'report a mistake', 'last updated'.

Thin event functions only; the work is done by the plain modules in contributing/.
The Git host is configured once, in `extra.git_host` (kind: gitlab, github or gitea;
repo; branch). Page dates come from git history, not the clock, so two builds of one
commit are byte-identical.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from contributing.git_dates import format_date, read_git_dates
from contributing.host_links import HostConfigError, check_host, edit_url, report_url

# Where this build keeps each file's last commit time (read once per language build).
DATES_KEY = "llm_terms_git_dates"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config):
    settings = config.extra.get("git_host")
    if settings is None:
        return config
    try:
        config.extra["git_host"] = check_host(settings)
    except HostConfigError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None
    return config


def on_pre_build(*, config) -> None:
    config[DATES_KEY] = read_git_dates(Path(config.config_file_path or ".").parent)


def on_page_markdown(markdown: str, *, page: Page, config, files) -> str:
    stamp = config[DATES_KEY].get(str(Path(page.file.abs_src_path).resolve()))
    if stamp:
        page.meta["revision_date"] = format_date(stamp, page.file.locale)
    return markdown


def on_page_context(context: dict, *, page: Page, config, nav) -> dict:
    host = config.extra.get("git_host")
    if not host:
        return context
    source = Path(page.file.abs_src_path).relative_to(Path(config.docs_dir).resolve()).as_posix()
    page.edit_url = edit_url(host, source)
    context["report_url"] = report_url(host, page.file.locale, page.title or "", page.url or "/", source)
    return context
