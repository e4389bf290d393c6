"""Content is the product: every term page teaches the same way, facts match the fact check."""

from __future__ import annotations

import html as html_module
import re

import pytest

from checks import lint
from conftest import ROOT, article
from core.html import visible_text
from diagrams import source as diagrams

REQUIRED_TERMS = [
    "sft", "pre-training", "cot", "rag", "rl", "grpo", "ppo", "moe", "scaling-law", "soft-labels",
    "generalization", "overfitting", "noise", "temperature", "alignment", "context-window",
    "deepseek-full", "deepseek-full-size", "distillation", "quantization",
    # supporting terms a newcomer meets
    "token", "parameter", "prompt", "hallucination", "inference", "fine-tuning", "vector-database",
    "reward-model", "gpu-memory",
    # the words customers use in 2026 (content review §4: every must-have, and the should-haves)
    "agent", "workflow", "tool-calling", "mcp", "knowledge-base", "copilot", "multi-agent", "web-search",
    "ai-coding", "memory", "context-engineering", "llm", "reasoning-model", "open-weights", "closed-model",
    "base-model", "multimodal", "aigc", "diffusion-model", "speech-and-avatar", "small-model",
    "domain-model", "transformer", "agi", "embedding", "reranker", "rag-variants", "chunking", "lora",
    "rlhf", "dpo", "post-training", "synthetic-data", "data-annotation", "continued-pre-training",
    "catastrophic-forgetting", "private-deployment", "appliance", "compute", "gpu-models", "xinchuang",
    "precision", "kv-cache", "throughput", "serving-engine", "maas", "api-pricing", "long-context",
    "benchmark", "evaluation", "hallucination-rate", "contamination", "precision-recall", "ai-filing",
    "data-security", "content-safety", "prompt-injection", "ai-labeling",
]
COMPARISONS = ["ppo-vs-grpo", "dense-vs-moe", "deepseek-versions", "training-stages",
               "rag-vs-fine-tuning", "overfitting-vs-generalization",
               "open-vs-closed", "private-vs-maas", "reasoning-vs-general", "agent-vs-workflow",
               "rag-vs-long-context"]
SECTIONS = {"zh": ("打个比方", "一句话讲给客户", "自测", "延伸阅读"),
            "en": ("Think of it like this", "Say it to a customer", "Check yourself", "Further reading")}


def test_every_required_term_has_both_pages(registry):
    for lang in ("zh", "en"):
        assert sorted(registry.terms[lang]) == sorted(registry.terms["zh"])
        missing = [t for t in REQUIRED_TERMS if t not in registry.terms[lang]]
        assert missing == [], f"{lang}: missing term pages {missing}"


def test_content_checks_pass(docs_pages, registry):
    """What `make check` runs: registry, typography, Markdown slips, structure."""
    problems = list(registry.errors)
    for path, text in docs_pages.items():
        problems += lint.typography_problems(path, text) + lint.markdown_problems(path, text)
        problems += lint.structure_problems(path, text)
    assert [str(p) for p in problems if p.severity == "error"] == []


@pytest.mark.parametrize("lang,prefix", [("zh", ""), ("en", "en/")])
def test_every_term_page_has_every_section_in_the_built_site(site_dir, lang, prefix, registry):
    analogy, customer, check, reading = SECTIONS[lang]
    for term in registry.terms[lang].values():
        html = article(site_dir, f"{prefix}terms/{term.id}/")
        where = f"{prefix}terms/{term.id}/"
        card = html[html.index('<p class="term-card__summary">'):]
        assert html_module.unescape(visible_text(card)).lstrip().startswith(term.summary), where
        assert f'<p class="admonition-title">{analogy}</p>' in html, where
        assert f'<p class="admonition-title">{customer}</p>' in html, where
        assert re.search(r'<details class="question">\s*<summary>[^<]+', html), where
        assert f">{check}<" in html, where
        sources = html[html.index(f">{reading}<"):]
        assert re.search(r"<li>.+?</li>", sources, re.S), f"{where}: no sources"
        assert term.related and 'id="related"' in html, f"{where}: no related terms"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_comparison_has_a_table_in_both_languages(site_dir, prefix):
    for name in COMPARISONS:
        html = article(site_dir, f"{prefix}compare/{name}/")
        assert html.count("<table>") >= 1, name


def all_text(docs_pages: dict[str, str], lang: str) -> str:
    return "\n".join(text for path, text in docs_pages.items() if (".en." in path) == (lang == "en"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fact_check_corrections_are_applied(lang, docs_pages):
    text = all_text(docs_pages, lang)
    # "PPO (GPT-4)" is unsourced: no table says it (pages may quote the article to correct it).
    assert not re.search(r"\|\s*PPO\s*[（(]\s*GPT-4", text)
    assert re.search(r"PPO\s*[（(]\s*InstructGPT", text)
    # 1.58-bit is not Q2: no sentence equates them (lists of quant labels are fine).
    assert not re.search(r"Q2[^\n、,，;；|]{0,15}1\.58", text)
    assert not re.search(r"1\.58[- ]?(?:bit|位)\s*(?:=|即|就是|is|means)\s*Q2", text)
    # the distilled models run from 1.5B to 70B, and they do show their reasoning
    distilled = docs_pages["terms/distillation.md" if lang == "zh" else "terms/distillation.en.md"]
    assert re.search(r"1\.5B\s*(?:–|-|到|to)\s*70B", distilled)
    for size in ("1.5B", "7B", "8B", "14B", "32B", "70B"):
        assert size in distilled
    for line in text.splitlines():  # the old "1.5B–32B" appears only where it is corrected
        if re.search(r"1\.5B\s*(?:–|-|到|to)\s*32B", line):
            assert re.search(r"不是|其实|In fact|\bnot\b", line), line
    # MoE figures from the DeepSeek-V3 report
    moe = docs_pages["terms/moe.md" if lang == "zh" else "terms/moe.en.md"]
    for figure in ("671B", "37B", "256", "8"):
        assert figure in moe
    # GRPO: group of 64 in the paper, no critic
    assert "64" in docs_pages["terms/grpo.md" if lang == "zh" else "terms/grpo.en.md"]


def test_distilled_models_are_said_to_show_their_reasoning(docs_pages):
    """The old claim that distills hide their reasoning is quoted only inside a misconception box."""
    zh, en = docs_pages["terms/distillation.md"], docs_pages["terms/distillation.en.md"]
    assert re.search(r"(do|does|they) (write out|show)[^.]*reasoning", en, re.I)
    assert re.search(r"蒸馏版[^。]{0,20}(会|也会)[^。]{0,10}(写|展示)[^。]{0,6}思考过程", zh)
    for text, box in ((zh, "!!! misconception"), (en, "!!! misconception")):
        for match in re.finditer(r"不展示思考过程|不显示思考过程|don't show (?:their|the) reasoning", text):
            before = text[:match.start()]
            assert before.rfind(box) > before.rfind("\n## "), "the old claim appears outside a misconception box"


def test_chinese_pages_keep_chinese_typography(docs_pages):
    """autocorrect agrees with every Chinese page (spaces between Chinese and Latin, full-width punctuation)."""
    bad = [str(p) for path, text in docs_pages.items() for p in lint.typography_problems(path, text)]
    assert bad == []


def test_english_pages_use_american_spelling(docs_pages):
    bad = [str(p) for path, text in docs_pages.items() if ".en." in path for p in lint.spelling_problems(path, text)]
    diagram_sources = diagrams.read_folder(ROOT / "docs")
    assert diagram_sources
    bad += [str(p) for path, text in diagram_sources.items() for p in lint.spelling_problems(path, text)]
    assert bad == []


def test_the_spelling_check_names_the_american_word_and_spares_aliases_and_code():
    text = "---\naliases: [optimisation]\n---\nIts behaviour is Organised.\n\n```\ncolour\n```\n"
    problems = lint.spelling_problems("terms/x.en.md", text)
    assert [(p.line, p.severity) for p in problems] == [(4, "warning"), (4, "warning")]
    assert "write 'behavior' instead of 'behaviour'" in problems[0].message
    assert "write 'Organized' instead of 'Organised'" in problems[1].message
    assert lint.spelling_problems("terms/x.en.md", "A promise, some noise, an exercise, a premise.") == []


def test_english_pages_are_not_left_in_chinese(docs_pages):
    for path, text in docs_pages.items():
        if ".en." in path and not path.startswith("_snippets"):
            body = visible_text(text)
            han = len(re.findall(r"[\u4e00-\u9fff]", body))
            assert han / max(len(body), 1) < 0.05, f"{path}: mostly Chinese"
