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


# Material 9.8's search worker segments a Chinese query greedily against the index
# vocabulary, but its inner loop stops one character short, so a word at the very
# end of a query is never recognised: "模型胡说八道" searches for "模型" only.
# The fix lets the loop reach the end of the query.
SEGMENTER_BUG = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
SEGMENTER_FIX = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"


def fix_query_segmenter(worker_js: str) -> str | None:
    """The worker with the segmenter fixed, or None when the known code is not there."""
    if SEGMENTER_FIX in worker_js:
        return worker_js
    if worker_js.count(SEGMENTER_BUG) != 1:
        return None
    return worker_js.replace(SEGMENTER_BUG, SEGMENTER_FIX)
