"""The site's languages, read from the i18n plugin's configuration in mkdocs.yml.

mkdocs.yml is the one place that lists them (`plugins: - i18n: languages:`); this module
reads that list once, so no other module writes "zh" or "en" down as a fact about the site.
The order is mkdocs.yml's; the default language is the one marked `default: true`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from babel import Locale

# hooks/core/languages.py -> the project folder that holds mkdocs.yml
CONFIG_FILE = Path(__file__).resolve().parents[2] / "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its `!!python/...` and `!ENV` tags read as plain values."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def languages_from_i18n(languages: list) -> tuple[tuple[str, ...], str]:
    """(locales in order, default locale) from i18n's `languages` list (dicts or config objects)."""
    def get(language, key):
        return language.get(key) if isinstance(language, dict) else getattr(language, key, None)

    locales = tuple(str(get(language, "locale")) for language in languages)
    defaults = [str(get(language, "locale")) for language in languages if get(language, "default")]
    if not locales:
        raise ValueError("mkdocs.yml: the i18n plugin lists no languages.")
    return locales, (defaults[0] if defaults else locales[0])


@cache
def read_languages(config_file: Path = CONFIG_FILE) -> tuple[tuple[str, ...], str]:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return languages_from_i18n((plugin["i18n"] or {}).get("languages") or [])
    raise ValueError(f"{config_file}: the i18n plugin and its languages are missing.")


LANGUAGES, DEFAULT_LANGUAGE = read_languages()


def english_name(lang: str) -> str:
    """'zh' -> 'Chinese', for messages to contributors (babel's names, not ours)."""
    return Locale.parse(lang).get_display_name("en")
