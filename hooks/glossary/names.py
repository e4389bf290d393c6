"""A term's names (term, title, aliases): how two names are compared, which names are refused.

Two names are the same name when they differ only in width (ＲＡＧ, RAG), in Unicode form,
in case or by invisible characters (a zero-width space pasted from a web page), so the
duplicate check compares `name_key`s. A name with an invisible character is refused (it
would never match the text readers see), and so is a general word (GENERAL_WORDS,
documented in CONTRIBUTING.md): it would turn every "the" or "模型" into a tooltip link.
"""

from __future__ import annotations

import unicodedata

from core.problems import Problem

# Per language; compared by name_key. Short on purpose: words that occur on almost every
# page. A longer phrase containing one ("大模型", "language model") is fine.
GENERAL_WORDS = {
    "zh": ("模型", "训练", "推理", "数据", "系统", "工具", "问题", "答案", "回答", "文本", "用户",
           "技术", "方法", "学习", "智能"),
    "en": ("the", "a", "an", "and", "or", "of", "to", "in", "on", "it", "is", "model", "models",
           "AI", "data", "system", "tool", "training", "learning", "answer", "question", "text",
           "user", "method"),
}


def invisible_characters(name: str) -> list[str]:
    """'U+200B'... for each format character (zero-width, direction marks, soft hyphen)."""
    return [f"U+{ord(c):04X}" for c in name if unicodedata.category(c) == "Cf"]


def name_key(name: str) -> str:
    """What two names are compared by: NFKC, no invisible characters, case folded."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(c for c in text if unicodedata.category(c) != "Cf").strip().casefold()


_GENERAL = {lang: {name_key(word) for word in words} for lang, words in GENERAL_WORDS.items()}


def name_problems(path: str, lang: str, names: list[tuple[str, str]], line_of) -> list[Problem]:
    """names: (field, name) pairs of one page. line_of(field) -> its line in the file."""
    problems = []
    for field, name in names:
        hidden = invisible_characters(name)
        if hidden:
            problems.append(Problem(path, field, (
                f"'{name}' contains an invisible character ({', '.join(hidden)}), often pasted in "
                "from a web page; the name would never match the text readers see. Delete the "
                "name and type it again."), line_of(field)))
        elif field == "aliases" and (name_key(name) in _GENERAL.get(lang, ()) or len(name_key(name)) < 2):
            problems.append(Problem(path, field, (
                f"'{name}' is too general to be an alias: every '{name}' on every page would become "
                "a link to this term. Remove it, or write a longer, specific phrase (CONTRIBUTING.md "
                "lists the general words)."), line_of(field)))
    return problems
