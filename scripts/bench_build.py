"""Build speed (issue #19), for `make bench` and on its own: `scripts/bench_build.py`.

- `make build` (scripts/build.py: a fresh process, an empty site directory) against plain
  Material for MkDocs on the same pages (Material, its search and mkdocs-static-i18n, the
  project's hooks removed), alternating in one run: with nothing kept from an earlier build
  (a fresh machine), and from what the last build kept (scripts/build_cache.py) after a page's
  edit and after a summary's; the real site, and the synthetic site `make bench` generates
  when it is given (`--synthetic DIR`).
- Edit to reloaded page under `make serve` (scripts/build.py serve): a line is appended to a
  term page, and the time runs until the served page has it; and a term's summary rewritten,
  until another page that shows the term has it.
Each figure comes with the load average before and after: others share the machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-output"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
if "SOURCE_DATE_EPOCH" not in ENV:
    ENV["SOURCE_DATE_EPOCH"] = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT,
                                              capture_output=True, text=True).stdout.strip() or "0"
MAKE_BUILD = [sys.executable, str(ROOT / "scripts" / "build.py"), "--clean"]  # not -q: see render_memo.Records
PLAIN_BUILD = [sys.executable, "-m", "mkdocs", "build", "--clean"]
CACHE = OUT / "build-cache"  # what make build keeps between builds (scripts/build_cache.py), for the bench's projects


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def copy_real_project(target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("docs", "overrides", "hooks", "mkdocs.yml"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, target / name)
    return target


def plain_material(project: Path, target: Path) -> Path:
    """The same pages and mkdocs.yml with the project's hooks removed (strict off: without the
    hooks, their markers are plain text and the generated pages' links do not resolve)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(project, target)
    config = target / "mkdocs.yml"
    config.write_text(without_project_hooks(config.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def without_project_hooks(mkdocs_yml: str) -> str:
    """mkdocs.yml with its `hooks:` list (the last section) removed and strict mode off."""
    if "\nhooks:" in mkdocs_yml:
        mkdocs_yml = mkdocs_yml[:mkdocs_yml.index("\nhooks:")] + "\n"
    return mkdocs_yml.replace("strict: true", "strict: false")


def timed(command: list[str], project: Path, env: dict | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env or ENV)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {project}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return elapsed


def side_by_side(ours: Path, plain: Path, rounds: int, page: str, summary_page: str
                 ) -> tuple[dict[str, list[float]], list[float], str]:
    """Plain `mkdocs build` on plain against `make build` on ours, alternating, after a warm-up
    of each (disk caches, jieba's dictionary cache in the temp dir: both sides get the same).
    `make build` three ways each round (scripts/build_cache.py): with nothing kept (a fresh
    machine, as in CI), then with what that build kept after a line is added to `page`, then
    after `summary_page`'s summary is rewritten (every page that previews the term changes)."""
    cache = CACHE
    env = {**ENV, "XDG_CACHE_HOME": str(cache)}
    timed(PLAIN_BUILD, plain)
    timed(MAKE_BUILD, ours, env)
    before = load()
    ours_times: dict[str, list[float]] = {"nothing kept": [], "a page edited": [], "a summary edited": []}
    plain_times = []
    for round_number in range(rounds):
        shutil.rmtree(cache, ignore_errors=True)
        ours_times["nothing kept"].append(timed(MAKE_BUILD, ours, env))
        marker = f"Bench edit {round_number} {time.time_ns()}"
        for name, change in (("a page edited", appended), ("a summary edited", new_summary)):
            source = ours / "docs" / (page if name == "a page edited" else summary_page)
            source.write_text(change(source.read_text(encoding="utf-8"), marker), encoding="utf-8")
            ours_times[name].append(timed(MAKE_BUILD, ours, env))
        plain_times.append(timed(PLAIN_BUILD, plain))
    return ours_times, plain_times, f"{before} before, {load()} after"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def appended(text: str, marker: str) -> str:
    """A body edit: a line at the end of the page."""
    return text + f"\n\n{marker}\n"


def new_summary(text: str, marker: str) -> str:
    """A term's summary rewritten: every page that previews the term shows it."""
    return re.sub(r"^summary: .+$", f'summary: "改过的摘要：{marker}。"', text, count=1, flags=re.M)


def edit_to_reload(project: Path, edits: list[tuple[str, str]], rounds: int,
                   change=appended) -> tuple[dict[str, list[float]], str]:
    """Seconds from writing a page's source to `make serve` serving a page with the change.
    edits: (source path under docs/, the URL path of the page to watch). And, as "start", from
    launching `make serve` to its home page served (from what the last `make build` kept)."""
    port = _free_port()
    launched = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "serve", "--dev-addr", f"127.0.0.1:{port}",
         "--livereload"], cwd=project, env={**ENV, "XDG_CACHE_HOME": str(CACHE)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    times: dict[str, list[float]] = {source: [] for source, _ in edits}
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 300
        while _get(base) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"make serve did not start:\n{server.stderr.read()[-3000:]}")
            time.sleep(0.05)
        times["start"] = [time.perf_counter() - launched]
        before = load()
        for round_number in range(rounds):
            for source, url in edits:
                path = project / "docs" / source
                marker = f"Bench edit {round_number} {time.time_ns()}"
                time.sleep(1.5)  # let the server settle after the last rebuild
                text = path.read_text(encoding="utf-8")
                started = time.perf_counter()
                path.write_text(change(text, marker), encoding="utf-8")
                while marker not in (_get(base + url) or ""):
                    if time.perf_counter() - started > 300:
                        raise SystemExit(f"the edit to {source} never showed on {url}")
                    time.sleep(0.02)
                times[source].append(time.perf_counter() - started)
        return times, f"{before} before, {load()} after"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _s(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" for v in values)


def measure(report, synthetic: Path | None, rounds: int, serve_rounds: int) -> None:
    real = copy_real_project(OUT / "real-project")
    real_plain = plain_material(real, OUT / "real-project-plain")
    ours, plain, loads = side_by_side(real, real_plain, rounds, "terms/rag.md", "terms/chunking.md")
    _report_builds(report, "real site (87 terms, 11 comparisons x 2 languages)", "Real site", ours, plain, loads,
                   rounds, "", "at most 1.00")

    times, loads = edit_to_reload(real, [("terms/rag.md", "terms/rag/"), ("terms/rag.en.md", "en/terms/rag/")],
                                  serve_rounds)
    report("make serve started, home page served, real site, from what the last make build kept",
           f"{times.pop('start')[0]:.1f} s")
    for source, values in times.items():
        report(f"Edit to page served, make serve, real site, {source} [{_s(values)}]; load {loads}",
               f"median {statistics.median(values):.1f} s", "at most 1.5 s")
    times, loads = edit_to_reload(real, [("terms/chunking.md", "terms/precision-recall/")], serve_rounds, new_summary)
    times.pop("start")
    for source, values in times.items():
        report(f"A term's summary edited under make serve, real site, {source}, until a page previewing "
               f"it shows it [{_s(values)}]; load {loads}", f"median {statistics.median(values):.1f} s")

    if synthetic is not None:
        ours, plain, loads = side_by_side(synthetic, OUT / "synthetic-no-hooks", rounds, "terms/term-0500.md",
                                          "terms/term-0001.md")
        count = len(list((synthetic / "docs" / "terms").glob("*.en.md")))
        _report_builds(report, f"synthetic site ({count} terms x 2 languages)", "Synthetic site", ours, plain,
                       loads, rounds, "at most 15 s", "below 1.00")
        times, loads = edit_to_reload(synthetic, [("terms/term-0500.md", "terms/term-0500/")], serve_rounds)
        report("make serve started, home page served, synthetic site, from what the last make build kept",
               f"{times.pop('start')[0]:.1f} s")
        for source, values in times.items():
            report(f"Edit to page served, make serve, synthetic site, {source} [{_s(values)}]; load {loads}",
                   f"median {statistics.median(values):.1f} s", "at most 5 s")
        times, loads = edit_to_reload(synthetic, [("terms/term-0001.md", "glossary/")], serve_rounds, new_summary)
        times.pop("start")
        for source, values in times.items():
            report(f"A term's summary edited under make serve, synthetic site, {source}, until the "
                   f"glossary shows it [{_s(values)}]; load {loads}", f"median {statistics.median(values):.1f} s")


def _report_builds(report, site: str, short: str, ours: dict[str, list[float]], plain: list[float], loads: str,
                   rounds: int, seconds_target: str, ratio_target: str) -> None:
    report(f"Plain Material, {site}, median of {rounds} [{_s(plain)}]; load {loads}",
           f"{statistics.median(plain):.1f} s")
    for how, values in ours.items():
        report(f"make build, {site}, {how} from the last build, median [{_s(values)}]",
               f"{statistics.median(values):.1f} s", seconds_target)
        report(f"{short}, make build ({how}) / plain Material",
               f"{statistics.median(values) / statistics.median(plain):.2f}", ratio_target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=Path, help="a synthetic project from make bench (and its -no-hooks copy)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve-rounds", type=int, default=3)
    args = parser.parse_args()

    def report(measure_name: str, result: str, target: str = "") -> None:
        print(f"| {measure_name} | {result} | {target} |", flush=True)

    print(f"{os.cpu_count()} cores, load {load()}")
    measure(report, args.synthetic, args.rounds, args.serve_rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
