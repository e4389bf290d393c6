"""Split Material's merged search index into one index per language (pure)."""

from __future__ import annotations

# Languages lunr stems for each index: Chinese pages also contain English words.
SEARCH_LANGUAGES = {"zh": ["en", "zh"], "en": ["en"]}


def split_by_language(merged: dict, languages: tuple[str, ...], default: str) -> dict[str, dict]:
    """Entries under 'en/' go to the English index, with locations made relative to en/."""
    docs: dict[str, list[dict]] = {lang: [] for lang in languages}
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default}
    for entry in merged["docs"]:
        location = entry["location"]
        lang = next((l for l, prefix in prefixes.items() if location.startswith(prefix)), default)
        if lang != default:
            entry = {**entry, "location": location[len(prefixes[lang]):]}
        docs[lang].append(entry)
    return {
        lang: {"config": {**merged["config"], "lang": SEARCH_LANGUAGES.get(lang, [lang])},
               "docs": docs[lang]}
        for lang in languages
    }
