"""`make bench`: the figures in BENCHMARKS.md.

1. Generates a synthetic site of 1,000 terms x 2 languages (bench-output/synthetic/),
   with the same page shape as the real terms and many mentions of other terms.
2. Builds it with the hooks and with the hooks turned off (same content; an explicit
   nav of the same category sections instead of the generated one), after one warm-up
   build, alternating, best of two each; prints both times and their ratio.
   Target: the hooks add at most 15 %.
3. Measures each language's search index size and, in Chromium, the time from the
   last keystroke to the first result (target: under 100 ms).
4. Measures page weight: a term page's HTML, and everything a term page loads
   (search index excluded), for the real site and the synthetic one.
5. Times `make pdf` on the real site, with the load average it ran at (target: under 60 s).
6. Build speed, issue #19 (scripts/bench_build.py): cold `make build` against plain Material
   on the same pages, real and synthetic site, and edit to reloaded page under `make serve`.
   `--build-speed` measures only this.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-output"
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from core.sources import content_hash, yaml_text  # noqa: E402
from glossary.vocabulary import CATEGORIES, LEVELS, category_title  # noqa: E402
import bench_build  # noqa: E402
from pdf import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

HAN = "模型数据训练推理学习向量检索增强生成专家路由参数显存温度窗口标签噪声拟合泛化对齐奖励策略优化梯度损失注意力编码解码嵌入语义样本批次"
BUDGET_HTML = 60 * 1024
BUDGET_LOADED = 400 * 1024


# -----------------------------------------------------------------------------
# The synthetic site
# -----------------------------------------------------------------------------

def synthetic_terms(count: int, rng: random.Random) -> list[dict]:
    terms, seen = [], set()
    while len(terms) < count:
        number = len(terms) + 1
        zh = "".join(rng.choice(HAN) for _ in range(rng.randint(3, 5)))
        if zh in seen:
            continue
        seen.add(zh)
        terms.append({
            "id": f"term-{number:04d}",
            "zh": zh, "en": f"synthetic concept {number}", "acronym": f"SC{number}",
            "category": list(CATEGORIES)[number % len(CATEGORIES)],
            "level": list(LEVELS)[number % len(LEVELS)],
        })
    return terms


def term_page(term: dict, lang: str, others: list[dict], rng: random.Random) -> str:
    mentions = rng.sample(others, 15)
    name = term["zh"] if lang == "zh" else term["en"]
    def words(n: int) -> str:
        picked = [(m["zh"] if lang == "zh" else m["en"]) if i % 3 else m["acronym"]
                  for i, m in enumerate(mentions[:n])]
        glue = "，还会用到 " if lang == "zh" else ", which relies on "
        return glue.join(picked)
    filler_zh = "这是一段用来测量构建速度的示范文字，句子长度和真实页面差不多。"
    filler_en = "This sentence is filler of about the length of a real explanation on this site. "
    filler = filler_zh if lang == "zh" else filler_en
    front = {
        "term": term["acronym"], "title": name, "aliases": [f"{name} alias"] if lang == "en" else [f"{name}别名"],
        "summary": (f"{name}：一句用于测量的示范摘要。" if lang == "zh"
                    else f"{name}: a one-sentence summary used for measuring."),
        "category": term["category"], "level": term["level"], "checked": "2026-12",
        "related": [m["id"] for m in mentions[:3]],
    }
    heads = (("白话解释", "它是怎么回事", "工作里的例子", "自测", "延伸阅读") if lang == "zh" else
             ("In plain words", "How it works", "An example from work", "Check yourself", "Further reading"))
    return "\n".join([
        "---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False).strip(), "---", "",
        f"## {heads[0]}", "", filler * 3 + words(5), "",
        f"## {heads[1]}", "", filler * 4 + words(10), "", "- " + filler + words(3), "- " + filler, "",
        "!!! analogy", "", "    " + filler * 2, "",
        f"## {heads[2]}", "", filler * 3 + words(15), "",
        "!!! customer", "", "    " + filler, "",
        f"## {heads[3]}", "", '??? question "Q?"', "", "    " + filler, "",
        f"## {heads[4]}", "", "- Source (2024), [arXiv:0000.00000](https://arxiv.org/abs/0000.00000).", "",
    ])


def make_synthetic_project(target: Path, count: int) -> list[dict]:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    docs = target / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for folder in ("_snippets", "_diagrams"):
        if (ROOT / "docs" / folder).is_dir():
            shutil.copytree(ROOT / "docs" / folder, docs / folder)
    for page in ("index.md", "index.en.md", "glossary.md", "glossary.en.md", "handout.md", "handout.en.md"):
        shutil.copy2(ROOT / "docs" / page, docs / page)
    # The home page links these; the real ones link real terms, which the synthetic site lacks.
    for page, title in (("faq", "FAQ"), ("trainer-notes", "Trainer notes")):
        for suffix in (".md", ".en.md"):
            (docs / f"{page}{suffix}").write_text(f"---\ntitle: {title}\n---\n\n# {title}\n", encoding="utf-8")
    rng = random.Random(20261128)
    terms = synthetic_terms(count, rng)
    (docs / "terms").mkdir()
    for term in terms:
        others = [t for t in rng.sample(terms, 20) if t is not term][:16]
        zh = term_page(term, "zh", others, rng)
        en = term_page(term, "en", others, rng).replace("---\n", f"---\nsource_hash: {yaml_text(content_hash(zh))}\n", 1)
        (docs / "terms" / f"{term['id']}.md").write_text(zh, encoding="utf-8")
        (docs / "terms" / f"{term['id']}.en.md").write_text(en, encoding="utf-8")
    return terms


def without_hooks(project: Path, terms: list[dict]) -> None:
    """Same content, hooks off: an explicit nav with the same category sections."""
    config_path = project / "mkdocs.yml"
    # The handout and glossary markers are plain comments without the hooks.
    text = bench_build.without_project_hooks(config_path.read_text(encoding="utf-8"))
    nav = ["index.md", "glossary.md"] + [
        {category_title(key, "zh"): [f"terms/{t['id']}.md" for t in terms if t["category"] == key]}
        for key in CATEGORIES
    ]
    text += "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    config_path.write_text(text, encoding="utf-8")


def build(project: Path) -> float:
    """Seconds for one plain `mkdocs build` (one process, hooks as the project has them)."""
    return bench_build.timed(bench_build.PLAIN_BUILD, project)


# -----------------------------------------------------------------------------
# Browser measurements
# -----------------------------------------------------------------------------

def latency_queries(terms: list[dict], lang: str) -> list[str]:
    """What readers type: a term's name, part of it, its acronym, and common words.
    The filler words are on every page, the worst case: every term matches, and
    Material scores and highlights every match before it shows the first result."""
    term, other = terms[511], terms[87]
    if lang == "zh":
        return [term["zh"], term["zh"][:2], term["acronym"], "模型", "训练", "别名",
                "示范文字", "构建", "真实页面", "句子长度",
                f"{term['zh']}是什么", f"{term['acronym']}和{other['acronym']}区别"]
    return [term["en"], "concept", term["acronym"], "synthetic", "summary", "alias",
            "filler", "explanation", "relies", "real explanation",
            f"what is {term['acronym']}", "synthetc concept", f"{term['acronym']} vs {other['acronym']}"]


def search_latency(site: Path, lang_prefix: str, queries: list[str], materials_alone: bool = False) -> list[float]:
    """Milliseconds from the last keystroke (keyup) to the first result on screen. With
    `materials_alone`, the browser is given Material's worker where the pages ask for the
    reader-query worker: a reference measured in the same conditions (machine load varies)."""
    from playwright.sync_api import sync_playwright
    server, base = serve(site)
    timings = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            if materials_alone:
                material = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
                page.route("**/search-reader.*.js", lambda route: route.fulfill(
                    path=material, headers={"Content-Type": "text/javascript"}))
            page.goto(base + lang_prefix + "glossary/", wait_until="networkidle")
            box = page.locator("input.md-search__input")
            box.focus()
            # The worker builds the index first; a query typed before it is ready can be
            # dropped, so ask again until the first results come (at most about 3 minutes).
            for _ in range(12):
                box.fill(queries[0])
                box.press("End")
                try:
                    page.wait_for_selector(".md-search-result__item", timeout=15_000)
                    break
                except Exception:
                    box.fill("")
                    box.press("End")
            else:
                raise SystemExit(f"search never answered on {lang_prefix or 'the Chinese site'}")
            for query in queries:
                box.fill("")
                box.press("End")
                page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
                # fill() types without key events: the search starts with the last key, End.
                box.fill(query)
                page.evaluate("""() => {
                  window.__firstResult = null; window.__lastKey = null;
                  const results = document.querySelector('.md-search-result');
                  new MutationObserver((changes, observer) => {
                    if (results.querySelector('.md-search-result__item')) {
                      window.__firstResult = performance.now(); observer.disconnect(); }
                  }).observe(results, {childList: true, subtree: true});
                  document.querySelector('.md-search__input').addEventListener(
                    'keyup', () => { window.__lastKey = performance.now(); }, {once: true});
                }""")
                box.press("End")
                page.wait_for_function("() => window.__firstResult !== null", timeout=30_000)
                timings.append(page.evaluate("window.__firstResult - window.__lastKey"))
            browser.close()
    finally:
        server.shutdown()
    return timings


def page_weight(site: Path, path: str) -> tuple[int, int]:
    """(HTML bytes, bytes of everything the page loads except the search index)."""
    from playwright.sync_api import sync_playwright
    server, base = serve(site)
    loaded: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()

            def record(response):
                if "search_index.json" not in response.url and urlsplit(response.url).scheme == "http":
                    try:
                        loaded[response.url] = len(response.body())
                    except Exception:  # a redirect or a failed request has no body
                        pass
            page.on("response", record)
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            browser.close()
    finally:
        server.shutdown()
    html = (site / path / "index.html").stat().st_size
    return html, sum(loaded.values())


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------

def measure_search(site: Path, terms: list[dict], report) -> None:
    """Each language's index size and, in Chromium, last keystroke to first result."""
    for lang, prefix in (("zh", ""), ("en", "en/")):
        index = site / prefix / "search" / "search_index.json"
        raw = index.read_bytes()
        docs = len(json.loads(raw)["docs"])
        report(f"Search index ({lang}), synthetic site",
               f"{len(raw) / 1024 / 1024:.1f} MB ({len(gzip.compress(raw)) / 1024 / 1024:.1f} MB gzipped), {docs} entries")
    for lang, prefix in (("zh", ""), ("en", "en/")):
        queries = latency_queries(terms, lang)
        for alone in (False, True):
            timings = search_latency(site, prefix, queries * 3, materials_alone=alone)
            report(f"Last keystroke to first result ({lang}), synthetic site, {len(queries)} queries x 3"
                   + (", Material's worker alone (reference)" if alone else ""),
                   f"median {statistics.median(timings):.0f} ms, 90th percentile "
                   f"{statistics.quantiles(timings, n=10)[-1]:.0f} ms, max {max(timings):.0f} ms",
                   "" if alone else "at most 50 ms at the 90th percentile")


def print_rows(rows: list[tuple[str, str, str]]) -> None:
    print(f"\nMachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}\n")
    print("| Measure | Result | Target |")
    print("| --- | --- | --- |")
    for row in rows:
        print(f"| {row[0]} | {row[1]} | {row[2]} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=1000)
    parser.add_argument("--search-only", action="store_true",
                        help="build the synthetic site once and measure only search (index size, latency)")
    parser.add_argument("--build-speed", action="store_true",
                        help="measure only build speed (issue #19: make build, make serve, plain Material)")
    args = parser.parse_args()
    rows: list[tuple[str, str, str]] = []

    def report(measure: str, result: str, target: str = "") -> None:
        rows.append((measure, result, target))
        print(f"{measure}: {result}" + (f" (target: {target})" if target else ""), flush=True)

    project = OUT / "synthetic"
    terms = make_synthetic_project(project, args.terms)
    if args.search_only:
        build(project)
        measure_search(project / "site", terms, report)
        print_rows(rows)
        return 0
    baseline = OUT / "synthetic-no-hooks"
    if baseline.exists():
        shutil.rmtree(baseline)
    shutil.copytree(project, baseline)
    without_hooks(baseline, terms)
    if args.build_speed:
        bench_build.measure(report, project, rounds=3, serve_rounds=3)
        print_rows(rows)
        return 0

    build(baseline)  # warm-up: the first build pays for cold disk caches and jieba's dictionary
    on_times, off_times = [], []
    for _ in range(2):  # alternate, so that neither side gets the quieter moments
        on_times.append(build(project))
        off_times.append(build(baseline))
    with_hooks, no_hooks = min(on_times), min(off_times)
    ratio = with_hooks / no_hooks
    report(f"Build, {args.terms} terms x 2 languages, hooks on (best of 2)", f"{with_hooks:.1f} s")
    report(f"Build, {args.terms} terms x 2 languages, hooks off (best of 2)", f"{no_hooks:.1f} s")
    report("Hooks' share of the build time", f"+{(ratio - 1) * 100:.0f} %", "at most +15 %")

    site = project / "site"
    measure_search(site, terms, report)

    real = OUT / "real-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-d", str(real)], cwd=ROOT,
                   check=True, capture_output=True, env=env)
    for label, where, path in (("real site, zh term page", real, "terms/rag/"),
                               ("real site, en term page", real, "en/terms/rag/"),
                               ("synthetic site, zh term page", site, "terms/term-0500/"),
                               ("synthetic site, en term page", site, "en/terms/term-0500/")):
        html, loaded = page_weight(where, path)
        report(f"Page weight, {label}: HTML", f"{html / 1024:.0f} KB", "at most 60 KB")
        report(f"Page weight, {label}: all it loads (no search index)", f"{loaded / 1024:.0f} KB", "at most 400 KB")

    bench_build.measure(report, project, rounds=3, serve_rounds=3)

    load = os.getloadavg()[0]
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--site", str(real)], check=True,
                   capture_output=True)
    report("make pdf, three documents x 2 languages (real site, after the build)",
           f"{time.perf_counter() - started:.1f} s at load {load:.1f}", "under 60 s")

    print_rows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
