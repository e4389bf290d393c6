"""Every word the build adds to pages, per language, and dates in each language.

One table, so that a translator finds every generated word in one file and a new
language is one new block (the languages themselves come from mkdocs.yml, see
languages.py). Content words (terms, pages, diagrams) live in docs/, not here.
Dates go through babel, as Material's blog plugin does; Chinese dates keep the
spacing the site's typography uses ("2026 年 12 月").
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

WORDS: dict[str, dict[str, str]] = {
    "zh": {
        # Punctuation the generated text uses between parts
        "colon": "：",
        "list_sep": "、",
        "sentence_end": "。",
        "paren": "（{text}）",
        # Term card, related terms, backlinks, generated lists (glossary/render.py)
        "also_called": "也叫",
        "level": "难度",
        "category": "类别",
        "related": "相关术语",
        "used_on": "哪些页面提到它",
        "used_nowhere": "暂时还没有其他页面提到这个术语。",
        "jump": "快速跳转",
        "print_terms": "本页提到的术语",
        "read_more": "查看详情 →",
        "permalink": "本节链接",
        "stale": ("这篇英文译文可能已经过时：对应的中文页面在翻译之后修改过。"
                  "内容以中文页面为准。"),
        "stale_title": "译文可能过时",
        "checked": "本页事实截至 {month}",
        "as_of": "截至 {month}",
        # Categories and levels (their keys and order: glossary/vocabulary.py)
        "category.basics": "基础概念",
        "category.using": "用好模型",
        "category.knowledge": "知识库与检索",
        "category.agents": "智能体与应用",
        "category.models": "模型与版本",
        "category.deployment": "部署与硬件",
        "category.services": "云服务与计费",
        "category.evaluation": "评测与质量",
        "category.safety": "安全与合规",
        "category.training": "训练方法",
        "category.architecture": "模型架构与规模",
        "level.beginner": "入门",
        "level.intermediate": "进阶",
        "level.insider": "懂行",
        # Navigation sections for folders other than terms/ (glossary/nav.py)
        "folder.compare": "对比",
        # Headings every term page has (checked by glossary/structure.py)
        "section.self_check": "自测",
        "section.sources": "延伸阅读",
        # The handout (handout/assemble.py)
        "handout.title": "大模型术语破冰：从新手到懂行",
        "handout.subtitle": "培训讲义",
        "handout.date": "日期",
        "handout.edition": "{date}版",
        "handout.revision": "修订号 {revision}",
        "handout.contents": "目录",
        "handout.terms": "术语",
        "handout.comparisons": "对比表",
        "handout.appendix": "附录：术语表",
        "handout.answers": "附录：自测答案",
        "handout.question": "自测 {n}",
        "handout.quiz": "自测题",
        "handout.quiz_subtitle": "写下你的回答，不看讲义",
        "handout.name": "姓名",
        "handout.trainer_subtitle": "讲师备注：常见误区、正确说法与出处，附自测答案",
        # Diagrams' text alternatives (diagrams/charts.py)
        "diagram.values_shown": "图中数值：",
        # The 404 page (safety/not_found.py)
        "not_found.title": "找不到这个页面",
        "not_found.text": "这个地址没有页面：可能是链接写错了，或者页面改了名字。",
        "not_found.search": "用页面顶部的搜索框找一找，或者从这里开始：",
        "not_found.home": "首页",
        "not_found.glossary": "术语表",
        # "Report a mistake" issue text (contributing/host_links.py)
        "report.title": "内容有误：{page}",
        "report.body": "页面：{url}\n源文件：{path}\n\n哪里有误：\n\n应该怎么改（如果知道）：\n\n依据或出处（如果有）：\n",
    },
    "en": {
        "colon": ": ",
        "list_sep": ", ",
        "sentence_end": ".",
        "paren": " ({text})",
        "also_called": "Also called",
        "level": "Level",
        "category": "Category",
        "related": "Related terms",
        "used_on": "Where this term is used",
        "used_nowhere": "No other page mentions this term yet.",
        "jump": "Jump to",
        "print_terms": "Terms used on this page",
        "read_more": "Read more →",
        "permalink": "Link to this section",
        "stale": ("This translation may be out of date: its Chinese page changed after it "
                  "was translated. When in doubt, the Chinese page is the reference."),
        "stale_title": "Translation may be out of date",
        "checked": "Facts as of {month}",
        "as_of": "As of {month}",
        "category.basics": "Basic concepts",
        "category.using": "Using a model",
        "category.knowledge": "Knowledge bases and retrieval",
        "category.agents": "Agents and applications",
        "category.models": "Models and versions",
        "category.deployment": "Deployment and hardware",
        "category.services": "Cloud services and pricing",
        "category.evaluation": "Evaluation and quality",
        "category.safety": "Safety and compliance",
        "category.training": "Training methods",
        "category.architecture": "Architecture and scale",
        "level.beginner": "Beginner",
        "level.intermediate": "Intermediate",
        "level.insider": "Insider",
        "folder.compare": "Comparisons",
        "section.self_check": "Check yourself",
        "section.sources": "Further reading",
        "handout.title": "LLM Terms Icebreaker: from newcomer to insider",
        "handout.subtitle": "Training handout",
        "handout.date": "Date",
        "handout.edition": "Edition of {date}",
        "handout.revision": "Revision {revision}",
        "handout.contents": "Contents",
        "handout.terms": "Terms",
        "handout.comparisons": "Comparison tables",
        "handout.appendix": "Appendix: glossary",
        "handout.answers": "Appendix: answers to the self-checks",
        "handout.question": "Self-check {n}",
        "handout.quiz": "Self-check quiz",
        "handout.quiz_subtitle": "Write your answers without looking at the handout",
        "handout.name": "Name",
        "handout.trainer_subtitle": "Trainer notes: common misconceptions, the facts and their sources, with the answers to the self-checks",
        "diagram.values_shown": "Values shown: ",
        "not_found.title": "Page not found",
        "not_found.text": "There is no page at this address: the link may be mistyped, or the page was renamed.",
        "not_found.search": "Try the search box at the top of the page, or start here:",
        "not_found.home": "Home page",
        "not_found.glossary": "Glossary",
        "report.title": "Mistake on: {page}",
        "report.body": ("Page: {url}\nSource file: {path}\n\nWhat is wrong:\n\n"
                        "What it should say (if you know):\n\nSource (if any):\n"),
    },
}


def word(lang: str, key: str) -> str:
    return WORDS[lang][key]


def in_parentheses(lang: str, text: str) -> str:
    """'（T = 0.5）' after Chinese, ' (T = 0.5)' after English."""
    return word(lang, "paren").format(text=text)


# -----------------------------------------------------------------------------
# Dates
# -----------------------------------------------------------------------------


def long_date(day: dt.date, lang: str) -> str:
    """'2025 年 6 月 1 日' / '1 June 2025'."""
    if lang == "zh":
        return f"{day.year} 年 {day.month} 月 {day.day} 日"
    return format_date(day, "d MMMM y", locale=lang)


def month_and_year(year: int, month: int, lang: str) -> str:
    """'2026 年 12 月' / 'December 2026'."""
    if lang == "zh":
        return f"{year} 年 {month} 月"
    return format_date(dt.date(year, month, 1), "MMMM y", locale=lang)
