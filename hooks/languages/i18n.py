"""The one place that knows mkdocs-static-i18n's internals.

i18n builds the default language, then re-enters MkDocs' build for each other language
from its on_post_build (`building` is true meanwhile), so every event runs once per
language. Its plugin object also holds the configured languages with their links.
Nothing here imports MkDocs: `config` is the MkDocs config, read by attribute.
"""

from __future__ import annotations

from core.languages import languages_from_i18n


def _plugin(config):
    return config.plugins.get("i18n")


def is_inner_build(config) -> bool:
    """True while i18n builds a language other than the first (inside the outer build)."""
    i18n = _plugin(config)
    return bool(i18n is not None and i18n.building)


# Set by scripts/build.py in a forked child while it walks the outer build's set-up (the
# default language's) before building its own language: what the walk reports is never shown.
WALK_ONLY = "llm_terms_walk_only"


def is_walk_only(config) -> bool:
    """True in that walk: checks whose only result is a message (the parent runs them) may skip it."""
    return bool(config.get(WALK_ONLY))


def configured_languages(config) -> tuple[tuple[str, ...], str] | None:
    """(locales, default) as the i18n plugin was configured, or None without i18n."""
    i18n = _plugin(config)
    return languages_from_i18n(i18n.config.languages) if i18n is not None else None


def language_links(config) -> dict[str, str]:
    """Locale -> the link i18n gives its root ('/' and '/en/')."""
    i18n = _plugin(config)
    return {language.locale: language.link for language in i18n.config.languages} if i18n else {}


def page_alternates(config) -> list[dict]:
    """The per-page alternates i18n chose for the page being rendered (extra.alternate).

    i18n stores the list as an attribute of config.extra, which is what Jinja's
    `config.extra.alternate` reads first; fall back to the plain key."""
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
