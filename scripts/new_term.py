"""`make new-term ID=<id>`: both language files of a new term, every field and section ready.

Refuses an id that already exists or that is not lower-case letters, digits and hyphens.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from core.sources import TERMS_FOLDER, content_hash, yaml_text  # noqa: E402
from glossary.vocabulary import CATEGORIES, LEVELS, TERM_ID  # noqa: E402

ZH_TEMPLATE = """---
term: 缩写或常用叫法
title: 中文全称
aliases: []
summary: 用一句话说清它是什么，这句话会成为鼠标悬停时的提示。
category: {category}
level: beginner
order: 100
checked: {checked}
related: []
---

## 白话解释

用两三句大白话说明它是什么、为什么重要。

## 它是怎么回事

分几步讲清楚它怎么工作，不用公式。

!!! analogy

    用一个生活里的比方来解释。

## 工作里的例子

举一个办公室里真实会遇到的例子。

!!! customer

    一两句可以直接讲给客户听的话。

## 自测

??? question "一个检验是否理解的问题？"

    答案写在这里，缩进 4 个空格。

## 延伸阅读

- 作者（年份），《论文或文档标题》，[arXiv:0000.00000](https://arxiv.org/abs/0000.00000)。
"""

EN_TEMPLATE = """---
source_hash: {source_hash}
term: Acronym or usual short name
title: Full name in English
aliases: []
summary: One sentence that says what it is; it becomes the preview card.
category: {category}
level: beginner
order: 100
checked: {checked}
related: []
---

## In plain words

Two or three plain sentences: what it is and why it matters.

## How it works

The steps, without formulas.

!!! analogy

    A comparison from everyday life.

## An example from work

A real example from office life.

!!! customer

    One or two sentences to say to a customer.

## Check yourself

??? question "A question that checks understanding?"

    The answer, indented by 4 spaces.

## Further reading

- Author et al. (year), "Title of the paper or document", [arXiv:0000.00000](https://arxiv.org/abs/0000.00000).
"""


def create(term_id: str, docs_dir: Path) -> list[Path]:
    if not TERM_ID.match(term_id or ""):
        raise ValueError(
            f"'{term_id}' cannot be a term id. Use lower-case English letters, digits and hyphens, "
            "for example: make new-term ID=context-window")
    zh = docs_dir / TERMS_FOLDER / f"{term_id}.md"
    en = docs_dir / TERMS_FOLDER / f"{term_id}.en.md"
    existing = [p for p in (zh, en) if p.exists()]
    if existing:
        raise ValueError(f"the term '{term_id}' already exists: {', '.join(str(p) for p in existing)}. "
                         "Edit that page, or choose another id.")
    category = next(iter(CATEGORIES))
    checked = dt.date.today().strftime("%Y-%m")  # the author checks the facts as they write
    zh_text = ZH_TEMPLATE.format(category=category, checked=checked)
    zh.write_text(zh_text, encoding="utf-8")
    en.write_text(EN_TEMPLATE.format(category=category, checked=checked, source_hash=yaml_text(content_hash(zh_text))), encoding="utf-8")
    return [zh, en]


def main() -> int:
    term_id = sys.argv[1] if len(sys.argv) > 1 else ""
    try:
        created = create(term_id, ROOT / "docs")
    except ValueError as error:
        print(f"Cannot create the term: {error}")
        return 1
    for path in created:
        print(f"created {path.relative_to(ROOT)}")
    print("Next: fill in both files (CONTRIBUTING.md explains each field), then run 'make check' and 'make serve'.")
    print(f"Categories: {', '.join(CATEGORIES)} · levels: {', '.join(LEVELS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
