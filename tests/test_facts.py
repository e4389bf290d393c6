"""The content is true today and speaks to its reader: dated pages, no "source article",
misconceptions in their own box, the corrected facts stated precisely (review of 2026-12)."""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path

import pytest

from conftest import article
from core.html import visible_text
from core.sources import is_compare_page, language_of
from glossary.checked import as_of
from glossary.registry import Registry

PREFIX = {"zh": "", "en": "en/"}
# Pages a learner reads: everything but the trainer's page (which quotes what circulates).
TRAINER_PAGE = "trainer-notes"
MISCONCEPTION_TITLE = {"zh": "常见误区", "en": "Common misconception"}


def url_of(path: str) -> str:
    base = language_of(path)[0][:-3]
    return "" if base == "index" else base + "/"


def page_html(site: Path, lang: str, url: str) -> str:
    return (site / PREFIX[lang] / url / "index.html").read_text(encoding="utf-8")


def article_html(site: Path, lang: str, url: str) -> str:
    return article(site, PREFIX[lang] + url)


def article_text(site: Path, lang: str, url: str) -> str:
    return html_module.unescape(visible_text(article_html(site, lang, url)))


def learner_pages(docs_pages: dict[str, str], lang: str) -> list[str]:
    return sorted(url_of(p) for p in docs_pages if language_of(p)[1] == lang and not p.startswith("_")
                  and not url_of(p).startswith(TRAINER_PAGE))


def dated_pages(registry: Registry, lang: str) -> list[tuple[str, tuple[int, int]]]:
    return [(url_of(path), checked) for path, checked in registry.checked.items()
            if language_of(path)[1] == lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_term_and_comparison_page_is_dated(lang, docs_pages, registry):
    dated = {url for url, _ in dated_pages(registry, lang)}
    terms = {f"terms/{t}/" for t in registry.terms[lang]}
    compares = {url_of(p) for p in docs_pages if is_compare_page(p) and language_of(p)[1] == lang}
    assert terms and compares and terms | compares == dated


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_month_shows_near_the_summary_on_every_dated_page(site_dir, lang, registry):
    for url, checked in dated_pages(registry, lang):
        html = page_html(site_dir, lang, url)
        line = re.search(r'<p class="page-checked"[^>]*>([^<]+)</p>', html)
        assert line and as_of(lang, checked).casefold() in line.group(1).casefold(), url
        # near the summary: inside the term card, or right under a comparison's title
        before = html[:line.start()]
        assert before.rfind("<h1") > before.rfind("<h2"), url
        if url.startswith("terms/"):
            assert before.rfind('class="term-card"') > before.rfind("<h1"), url


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_shows_each_pages_month(site_dir, lang, registry):
    html = page_html(site_dir, lang, "handout/")
    shown = re.findall(r'<p class="page-checked"[^>]*>([^<]+)</p>', html)
    assert len(shown) == len(dated_pages(registry, lang))
    assert all(re.search(r"\d{4}", text) for text in shown)


SOURCE_ARTICLE = {
    "zh": re.compile(r"原文(?!件)"),
    "en": re.compile(r"\b(?:source|original) (?:article|text)\b|\bthe article\b|\bthis article\b", re.I),
}
# 原文 where it cannot be misread: the text of a contract or a law.
ZH_ALLOWED = re.compile(r"(?:合同|法规|条款|文件|协议|招标文件|法律)原文")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_learner_page_talks_about_a_source_article(site_dir, lang, docs_pages):
    found = []
    for url in learner_pages(docs_pages, lang) + ["handout/"]:
        text = article_text(site_dir, lang, url)
        if lang == "zh":
            text = ZH_ALLOWED.sub("", text)
        found += [(url, text[max(m.start() - 15, 0):m.end() + 15]) for m in SOURCE_ARTICLE[lang].finditer(text)]
    assert found == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_misconceptions_have_their_own_titled_box(site_dir, lang, docs_pages):
    boxes = 0
    for url in learner_pages(docs_pages, lang):
        html = page_html(site_dir, lang, url)
        for match in re.finditer(r'<div class="admonition misconception">\s*<p class="admonition-title">([^<]+)</p>', html):
            assert match.group(1).startswith(MISCONCEPTION_TITLE[lang]), (url, match.group(1))
            boxes += 1
    assert boxes >= 20


# (page, language, a phrase the page must say, a phrase it must no longer say): the
# corrections of the 2026-12 review, each stated as the page now puts it.
CORRECTED = [
    ('terms/deepseek-full/', 'zh', 'V4-Pro', '官网和官方 API 用的就是它'),
    ('terms/deepseek-full/', 'zh', '没换成小模型，也没压缩', '6710 亿参数的完整模型'),
    ('terms/deepseek-full/', 'zh', '685B = 671B 主模型 + 14B', None),
    ('terms/deepseek-full/', 'zh', '2026 年 7 月 24 日', None),
    ('terms/deepseek-full/', 'zh', '8 张 H20，共 768 GB', None),
    ('terms/deepseek-full/', 'en', 'full-power version', 'the one behind the official website and API'),
    ('terms/deepseek-full/', 'en', '671B main model plus a 14B', None),
    ('terms/deepseek-full/', 'en', '284 billion in total and 13 billion active', None),
    ('terms/deepseek-full-size/', 'zh', '意思和“满血版”一样', '原文'),
    ('terms/deepseek-full-size/', 'en', 'meaning the same as “full model”', 'source article'),
    ('terms/distillation/', 'zh', 'R1-0528-Qwen3-8B', '原文要纠正的地方'),
    ('terms/distillation/', 'zh', 'deepseek-r1:7b', '6 个小模型'),
    ('terms/distillation/', 'en', 'R1-0528-Qwen3-8B', 'What the source article gets wrong'),
    ('terms/distillation/', 'en', 'They do write out their reasoning', 'six small models'),
    ('terms/quantization/', 'zh', '约 700 GB', '720 GB'),
    ('terms/quantization/', 'zh', '两块 H100 上单个用户约每秒 14 个 token', '0.17'),
    ('terms/quantization/', 'en', 'about 700 GB', '0.17 tokens per second'),
    ('terms/gpu-memory/', 'zh', 'H20', '720 GB'),
    ('terms/gpu-memory/', 'zh', '昇腾 910B', '全部专家都得待在显存里'),
    ('terms/gpu-memory/', 'en', '8 × 80 GB = 640 GB', 'A100 and H100, commonly come with'),
    ('terms/parameter/', 'zh', '1.6 万亿', None),
    ('terms/parameter/', 'en', 'Qwen3-235B-A22B', 'In Chinese'),
    ('terms/inference/', 'zh', '模型全名和版本号', '原文引用过一位博主'),
    ('terms/inference/', 'en', 'pin the version', 'the source article quotes one blogger'),
    ('terms/moe/', 'zh', '显存或内存', '所有专家都得放在显存里'),
    ('terms/moe/', 'zh', 'arXiv:2401.04088', None),
    ('terms/moe/', 'en', 'GPU memory or RAM', 'every expert has to stay in GPU memory.'),
    ('terms/context-window/', 'zh', '1 个英文字符', '英文字母'),
    ('terms/context-window/', 'zh', 'arXiv:2307.03172', None),
    ('terms/context-window/', 'en', 'check the window of the model and the service you are actually using', None),
    ('terms/token/', 'zh', '几万到二十多万', '十几万'),
    ('terms/token/', 'zh', '约 1.8 万个 token', 'Token'),
    ('compare/deepseek-versions/', 'zh', 'V3.1 起一个模型可以开关深度思考', '约 720 GB'),
    ('compare/deepseek-versions/', 'en', '1.5B–70B, seven models', 'about 720 GB'),
    ('compare/dense-vs-moe/', 'zh', '显存或内存', '原文的比喻改了什么'),
    ('compare/dense-vs-moe/', 'en', 'GPU memory or RAM', 'What we changed from the source article'),
    ('terms/temperature/', 'zh', '1.3', None),
    ('terms/temperature/', 'zh', '思考模式不理会温度', None),
    ('terms/temperature/', 'zh', '不保证逐字相同', '同一份合同跑几遍结果都一样'),
    ('terms/temperature/', 'en', '1.5', 'The source article'),
    ('terms/temperature/', 'en', 'determinism is not guaranteed', None),
    ('terms/cot/', 'zh', '避免', None),
    ('terms/cot/', 'zh', '金额以报价系统', '原文'),
    ('terms/cot/', 'zh', 'Turpin', None),
    ('terms/cot/', 'en', 'show your work', 'show your working'),
    ('terms/cot/', 'en', 'Reasoning best practices', 'The source article'),
    ('terms/prompt/', 'zh', '提示词注入', '原文'),
    ('terms/prompt/', 'en', 'Mr. Wang', 'Mr Wang'),
    ('terms/hallucination/', 'zh', '48%', '原文里要纠正'),
    ('terms/hallucination/', 'zh', '14.3%', None),
    ('terms/hallucination/', 'en', '2509.04664', 'the article'),
    ('terms/rag/', 'zh', '详见 RAG 与微调对比', '见RAG'),
    ('terms/rag/', 'en', '2312.05934', 'slow and costly'),
    ('terms/fine-tuning/', 'zh', '全参微调', '微调会改动模型本身的参数'),
    ('terms/fine-tuning/', 'zh', '48 GB', '又慢又贵'),
    ('terms/fine-tuning/', 'en', '2305.14314', 'Fine-tuning is slow and costly'),
    ('terms/scaling-law/', 'zh', '2408.03314', '原文'),
    ('terms/scaling-law/', 'en', 'test-time compute', 'The source article'),
    ('terms/vector-database/', 'zh', '关键词搜索就过时了', '原文'),
    ('compare/rag-vs-fine-tuning/', 'zh', '先改提示词', None),
    ('compare/rag-vs-fine-tuning/', 'en', 'Step 0', 'slow and costly'),
    ('terms/alignment/', 'en', 'DPO', 'fobs'),
    ('terms/alignment/', 'en', 'brushes the user off', 'labeller'),
    ('terms/alignment/', 'en', 'August 15, 2023', 'the source article'),
    ('terms/alignment/', 'zh', '2023 年 8 月 15 日起施行', '原文'),
    ('terms/rl/', 'en', 'answer keys', 'instead of model answers'),
    ('terms/rl/', 'en', 'Lee Sedol', 'Finance wants a model to check quotes'),
    ('terms/rl/', 'zh', 'AlphaGo Zero', '财务部想让模型帮忙核算报价单'),
    ('terms/rl/', 'zh', '并非不可能', '很难“钻空子”'),
    ('terms/rl/', 'en', 'arXiv:2503.11926', 'the article'),
    ('terms/reward-model/', 'zh', '几乎用不着', '原文'),
    ('terms/reward-model/', 'en', 'not impossible', 'labellers'),
    ('terms/ppo/', 'en', 'subtracted from the reward', 'the source article'),
    ('compare/ppo-vs-grpo/', 'en', 'added directly to the training loss', 'Same KL penalty'),
    ('compare/ppo-vs-grpo/', 'en', 'Either works', 'Tasks with checkable answers, such as math and code'),
    ('compare/ppo-vs-grpo/', 'zh', '网上流传的对比表', '原文这张表改了什么'),
    ('terms/grpo/', 'zh', '算法并不挑', '训练成本比传统方法低'),
    ('terms/noise/', 'en', 'trained without dropout', 'the article'),
    ('terms/noise/', 'zh', '雪花', '原文'),
    ('terms/sft/', 'zh', '没人在旁边逐条盯着', '有人“盯着”它学'),
    ('terms/pre-training/', 'zh', '这段文字里真正的下一个词', '原文'),
    ('terms/overfitting/', 'en', 'bookworm', '死读书'),
    ('terms/overfitting/', 'zh', '“死读书、书呆子”', '【'),
    ('terms/generalization/', 'en', None, '甲'),
    ('compare/overfitting-vs-generalization/', 'en', 'bookworm', '丁'),
    ('compare/overfitting-vs-generalization/', 'zh', '征兆、原因和对策', '原文'),
    ('compare/training-stages/', 'en', '2.664 million', 'the article'),
    ('compare/training-stages/', 'en', 'US$294,000', None),
    ('compare/training-stages/', 'zh', '多了一个数量级', '原文'),
    ('compare/training-stages/', 'zh', 's41586-025-09422-z', None),
    ('terms/soft-labels/', 'zh', '蒸馏', '先纠正原文'),
]


@pytest.mark.parametrize("url,lang,says,no_longer", CORRECTED)
def test_the_corrected_facts_are_stated(site_dir, url, lang, says, no_longer):
    text = article_text(site_dir, lang, url)
    flat = re.sub(r"\s+", " ", text)
    if says:
        assert says in text or says in flat, f"{lang} {url}: missing {says!r}"
    if no_longer:
        assert no_longer not in text and no_longer not in flat, f"{lang} {url}: still says {no_longer!r}"


def test_one_figure_for_r1s_weights_everywhere(docs_pages):
    """About 700 GB; 720 GB is named only where the count that gives it is explained."""
    for path, text in docs_pages.items():
        for match in re.finditer(r"720\s*GB", text):
            assert language_of(path)[0] == "terms/deepseek-full.md" or "Unsloth" in text[max(0, match.start() - 200):match.end() + 200], path


def test_one_casing_of_token_in_chinese_and_one_english_name_for_the_full_model(docs_pages):
    for path, text in docs_pages.items():
        if language_of(path)[1] == "zh" and not path.startswith("_"):
            body = re.sub(r"《[^》]*》", "", text.split("\n---", 1)[-1])  # a cited title keeps its casing
            # lower-case token in Chinese text; an English phrase ("Time to First Token") keeps its casing
            assert not re.search(r"(?<![A-Za-z] )(?<![A-Za-z])Token(?![A-Za-z])", body), path
        elif not path.startswith("_"):
            body = text.split("\n---", 1)[-1]
            assert "full-power version" not in body.replace('"full-power version"', ""), path


BEGINNER_START = ["llm", "token", "prompt", "hallucination", "rag", "knowledge-base", "context-window",
                  "parameter", "gpu-memory", "deepseek-full", "distillation", "quantization"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_learning_path_starts_where_readers_start(site_dir, lang, registry):
    html = page_html(site_dir, lang, "")
    path = html[html.index('id="level-beginner"'):]
    # the first link of each item is its term; its summary may link other terms
    order = re.findall(r'<li><a href="terms/([a-z0-9-]+)/"', path)
    assert order[:len(BEGINNER_START)] == BEGINNER_START
    levels = {t.id: t.level for t in registry.terms[lang].values()}
    assert all(levels[t] == "insider" for t in ("ppo", "grpo", "soft-labels", "noise"))
    assert order.index("pre-training") > order.index("quantization")
    assert "trainer-notes" not in " ".join(order)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_customer_faq_answers_twenty_questions_with_links_and_is_on_the_home_page(site_dir, lang):
    home = page_html(site_dir, lang, "")
    assert 'href="faq/"' in home and 'href="trainer-notes/"' in home
    article = article_html(site_dir, lang, "faq/")
    article = re.split(r"<aside ", article)[0]  # the printed term list is not an answer
    questions = [re.split(r"<h2 ", block)[0] for block in re.split(r"<h3 ", article)[1:]]
    assert len(questions) >= 20
    for block in questions:
        title = visible_text(block[:block.index("</h3>")])
        assert re.search(r'href="\.\./(?:terms|compare)/[a-z0-9-]+/', block), f"{title}: no link to a page"
        sentences = re.findall(r"[。？！]|[.?!](?=\s|<|$)", visible_text(block[block.index("</h3>"):]))
        assert 1 <= len(sentences) <= 6, title


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_trainer_page_is_marked_for_trainers_and_stays_out_of_the_handout_and_search(site_dir, lang):
    html = page_html(site_dir, lang, "trainer-notes/")
    assert ("写给讲师" if lang == "zh" else "For trainers") in html
    assert html.count('<li>') >= 40
    handout = article_html(site_dir, lang, "handout/")
    assert "trainer-notes" not in handout and ("讲师备注" not in handout if lang == "zh" else "Trainer notes" not in handout)
    index = (site_dir / PREFIX[lang] / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"trainer-notes/' not in index.replace(" ", "")
