"""'Edit this page' and 'report a mistake' links for the intranet Git host.

Built as plain URLs: the reader's browser never calls the host's API (Material's
repo_url would make it fetch stars and forks, so it stays unset).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from core.words import word

# How each kind of host spells its edit and new-issue pages.
HOSTS = {
    "gitlab": {"edit": "{repo}/-/edit/{branch}/{path}",
               "issue": "{repo}/-/issues/new?{query}", "title": "issue[title]", "body": "issue[description]"},
    "github": {"edit": "{repo}/edit/{branch}/{path}",
               "issue": "{repo}/issues/new?{query}", "title": "title", "body": "body"},
    "gitea": {"edit": "{repo}/_edit/{branch}/{path}",
              "issue": "{repo}/issues/new?{query}", "title": "title", "body": "body"},
}

class HostConfigError(ValueError):
    pass


def check_host(settings: dict) -> dict:
    """Validate extra.git_host from mkdocs.yml; return it with defaults filled in."""
    kind = settings.get("kind")
    if kind not in HOSTS:
        raise HostConfigError(f"extra.git_host.kind must be one of {', '.join(HOSTS)} (found {kind!r}).")
    repo = str(settings.get("repo") or "").rstrip("/")
    if not repo.startswith(("http://", "https://")):
        raise HostConfigError("extra.git_host.repo must be the repository's web address, "
                              "such as https://git.example.internal/team/llm-terms.")
    return {"kind": kind, "repo": repo, "branch": settings.get("branch") or "main",
            "docs_dir": str(settings.get("docs_dir") or "docs").strip("/")}


def edit_url(host: dict, source_path: str) -> str:
    path = quote(f"{host['docs_dir']}/{source_path}")
    return HOSTS[host["kind"]]["edit"].format(repo=host["repo"], branch=quote(host["branch"]), path=path)


def report_url(host: dict, lang: str, page_title: str, page_url: str, source_path: str) -> str:
    spelling = HOSTS[host["kind"]]
    query = urlencode({
        spelling["title"]: word(lang, "report.title").format(page=page_title),
        spelling["body"]: word(lang, "report.body").format(url=page_url, path=f"{host['docs_dir']}/{source_path}"),
    }, quote_via=quote)
    return spelling["issue"].format(repo=host["repo"], query=query)
