"""'Edit this page' and 'report a mistake' on every page, for the Git host in mkdocs.yml.

Configured once, in `extra.git_host` (kind: gitlab, github or gitea; repo; branch).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from contrib.links import HostConfigError, check_host, edit_url, report_url

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


def on_page_context(context: dict, *, page: Page, config, nav) -> dict:
    host = config.extra.get("git_host")
    if not host:
        return context
    source = Path(page.file.abs_src_path).relative_to(Path(config.docs_dir).resolve()).as_posix()
    page.edit_url = edit_url(host, source)
    context["report_url"] = report_url(host, page.file.locale, page.title or "", page.url or "/", source)
    return context
