"""Dictionary order per language: pinyin for Chinese, alphabetical for English.

A Chinese reader looks a word up by its pinyin, as in any Chinese dictionary; Unicode
order would scatter them. pypinyin reads characters in the context of the words it
knows; the few field words its dictionary reads wrong are taught to it below, through
its own phrase dictionary.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin, load_phrases_dict

# pypinyin's default readings are wrong for these field words (微调 is tiáo, not diào).
load_phrases_dict({
    "微调": [["wēi"], ["tiáo"]],
    "长上下文": [["cháng"], ["shàng"], ["xià"], ["wén"]],
    "长文本": [["cháng"], ["wén"], ["běn"]],
    "重排": [["chóng"], ["pái"]],
    "重排序": [["chóng"], ["pái"], ["xù"]],
})


@lru_cache(maxsize=None)  # the glossary, the handout and their sections sort the same titles
def sort_key(lang: str, text: str) -> tuple:
    if lang == "zh":
        # Tone numbers after each syllable: same letters sort by tone (mā, má, mǎ, mà).
        syllables = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors="default")
        return tuple(s.casefold().strip() for s in syllables if s.strip()), text
    return (text.casefold(),), text
