"""The glossary's fixed vocabularies (documented in CONTRIBUTING.md): keys and their order.

Their visible titles are in core/words.py ("category.<key>", "level.<key>").
"""

from __future__ import annotations

from core.sources import FILE_ID
from core.words import word

# Order here is the order of the navigation sections. FAST_MOVING marks the categories
# whose facts go out of date quickly (model versions, hardware, prices, rules): `make check`
# warns when such a page was last checked more than FRESH_MONTHS ago.
CATEGORIES = ("basics", "using", "knowledge", "agents", "models", "deployment", "services",
              "evaluation", "safety", "training", "architecture")
FAST_MOVING = frozenset({"models", "deployment", "services", "safety"})
FRESH_MONTHS = 6

# Order here is the learning path: newcomer first.
LEVELS = ("beginner", "intermediate", "insider")

# A preview card must be read at a glance: characters, per language.
SUMMARY_LIMITS = {"zh": 70, "en": 200}

REQUIRED_FIELDS = ("term", "title", "summary", "category", "level", "checked")
TERM_FIELDS = REQUIRED_FIELDS + ("aliases", "related", "order", "source_hash")
# Material's own front-matter fields a page may also use.
THEME_FIELDS = ("hide", "description", "search", "status", "template")

TERM_ID = FILE_ID  # a term's id is its file name


def category_title(key: str, lang: str) -> str:
    return word(lang, f"category.{key}")


def level_title(key: str, lang: str) -> str:
    return word(lang, f"level.{key}")
