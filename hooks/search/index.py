"""Shape Material's search index: one index per language, one entry per term page (pure)."""

from __future__ import annotations

import re
from html import escape

import jieba


def search_languages(lang: str) -> list[str]:
    """The languages lunr reads each index in: every page also contains English words."""
    return ["en"] if lang == "en" else ["en", lang]


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
        lang: {"config": {**merged["config"], "lang": search_languages(lang)},
               "docs": docs[lang]}
        for lang in languages
    }


def fold_term_pages(docs: list[dict], names: dict[str, list[str]], separator: str) -> list[dict]:
    """One entry per term page (the pages `names` lists, by location), tagged with the
    words of the term's names. Other entries are kept as they are.

    Folding: each section's title and text are appended, in page order, to the page
    entry's text. Material scores and highlights every matching entry before it shows
    the first result; a term page is short and about one idea, so one entry finds it as
    well as six do, and 1,000 terms cost 1,000 entries instead of 6,000.

    Tags: Material weighs a separate `tags` field (boost set in mkdocs.yml), so a term's
    aliases ("making things up", "采样温度") count like its title, not like any word in
    its text. The results hide them (extra.css), and the term card's own line of names
    is kept out of the text (render.term_card), so a result's teaser is the explanation.

    Names: the names whole, which lunr never sees (it indexes only the configured fields);
    the reader-query worker puts a page first when the query is one of its names.
    """
    folded: dict[str, dict] = {}
    entries: list[dict] = []
    for entry in docs:
        page, _, anchor = entry["location"].partition("#")
        if anchor and page in folded:
            page_entry = folded[page]
            page_entry["text"] = " ".join(
                part for part in (page_entry["text"], f"<p>{entry['title']}</p>", entry["text"]) if part)
            continue
        if not anchor and page in names:
            # Material writes a result's tags into the page as HTML: an alias is text.
            tags = [escape(word, quote=False) for word in name_words(names[page], separator)]
            entry = folded[page] = {**entry, "tags": tags, "names": list(names[page])}
        entries.append(entry)
    return entries


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def name_words(names: list[str], separator: str) -> list[str]:
    """The distinct words of a term's names, each once (case aside), Chinese split into
    words as Material's search plugin splits text. Once, because a word repeated across
    aliases (监督微调, 有监督微调, 监督式微调) would otherwise rank that term above the
    term the word names (微调); split, so that a part of a name ("温度" in "采样温度")
    finds it."""
    words: dict[str, str] = {}
    for name in names:
        spaced = _HAN.sub(lambda run: "\u200b" + "\u200b".join(jieba.cut(run.group())) + "\u200b", name)
        for word in re.split(f"{separator}|\u200b", spaced):
            if word:
                words.setdefault(word.casefold(), word)
    return list(words.values())
