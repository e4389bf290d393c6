"""The speed-ups of issue #19 change nothing a reader gets (their timings are in `make bench`).

`make build` (scripts/build.py) builds the two languages in parallel processes; the site must
be byte-identical to the one plain `mkdocs build` writes, file for file. `make serve` goes
through the same script and must never show a page older than the last edit.
"""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import ROOT, copy_project, mkdocs_build


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_parallel_build_is_byte_identical_to_mkdocs_build(site_dir, tmp_path):
    """site_dir is built by scripts/build.py (conftest's mkdocs_build); this is plain MkDocs."""
    plain = tmp_path / "plain"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-d", str(plain)],
                            cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    parallel, sequential = _files(site_dir), _files(plain)
    assert sorted(parallel) == sorted(sequential), (
        f"only in the parallel build: {sorted(set(parallel) - set(sequential))[:10]}; "
        f"only in mkdocs build: {sorted(set(sequential) - set(parallel))[:10]}")
    differ = [name for name in sequential if parallel[name] != sequential[name]]
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:10]}"
    assert "en/terms/rag/index.html" in parallel and "terms/rag/index.html" in parallel
    # The parallel build's working directory for the English pages is gone.
    assert not [p.name for p in site_dir.parent.iterdir() if p.name.startswith(".build-")]


def serve_command(port: int) -> list[str]:
    """The command the Makefile's `serve` target runs, on another port."""
    recipe = re.search(r"^serve:.*\n\t(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1)
    words = recipe.replace("$(PY)", sys.executable).replace("127.0.0.1:8000", f"127.0.0.1:{port}").split()
    return [str(ROOT / word) if word.startswith("scripts/") else word for word in words]


def _make_env() -> dict[str, str]:
    """The environment the Makefile gives its commands (dates from the last commit)."""
    stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout
    return {"SOURCE_DATE_EPOCH": stamp.strip() or "0", **os.environ, "NO_MKDOCS_2_WARNING": "1"}


def serve_site(project: Path, port: int, extra_env: dict | None = None) -> subprocess.Popen:
    """`make serve`'s own command on a copy of the project."""
    return subprocess.Popen(serve_command(port), cwd=project, env={**_make_env(), **(extra_env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _served(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, wanted: str, server: subprocess.Popen, seconds: float = 150) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, f"make serve stopped:\n{server.stderr.read()[-3000:]}"
        page = _served(url)
        if wanted in page:
            return page
        time.sleep(0.2)
    server.terminate()
    server.wait(timeout=30)
    raise AssertionError(f"{url} never showed {wanted!r}; make serve said:\n{server.stderr.read()[-3000:]}")


def test_serve_never_shows_a_stale_mention_after_a_term_edit(tmp_path):
    """Edit a term's summary under `make serve`: another page's preview of that term (in each
    language, each built by its own process) shows the new summary and not the old one."""
    project = copy_project(tmp_path / "project")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    edits = {"zh": ("terms/rag.md", "terms/chunking/"), "en": ("terms/rag.en.md", "en/terms/chunking/")}
    server = serve_site(project, port)
    try:
        for lang, (source, page) in edits.items():
            path = project / "docs" / source
            text = path.read_text(encoding="utf-8")
            line = re.search(r"^summary: (.+)$", text, re.M)
            old = line.group(1).strip('"')
            assert 'id="term-preview-rag"' in _wait_for(base + page, old, server), f"test setup: {page}"
            stamp = time.time_ns()
            new = f"改过的摘要，第 {stamp} 版。" if lang == "zh" else f"The changed summary, version {stamp}."
            path.write_text(text.replace(line.group(0), f'summary: "{new}"', 1), encoding="utf-8")
            served = _wait_for(base + page, new, server)
            assert old not in served, f"{page} still shows the old summary of RAG next to the new one"
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()


# mkdocs serve adds its live-reload script before </body> of every page it serves.
_LIVERELOAD = re.compile(r"<script>\s*var livereload = function.*?</script>(?=</body>)", re.DOTALL)


class _Log:
    """make serve's messages as they come, read by a thread (its pipe must not fill up)."""

    def __init__(self, server: subprocess.Popen):
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.server = server
        self.reader = threading.Thread(target=lambda: [self.lines.put(line) for line in server.stderr], daemon=True)
        self.reader.start()

    def close(self) -> None:
        self.reader.join(timeout=30)  # it ends when the server's pipe does
        self.server.stderr.close()

    def wait_for(self, words: str, seconds: float = 300) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if words in line:
                return
        raise AssertionError(f"make serve never said {words!r}:\n{''.join(self.seen[-40:])}")

    def quiet_for(self, seconds: float) -> bool:
        """No message for `seconds` (a second rebuild would say 'Detected file changes')."""
        try:
            self.seen.append(self.lines.get(timeout=seconds))
            return False
        except queue.Empty:
            return True


def _edits(project: Path, stamp: int) -> list[tuple[str, dict[str, str | None]]]:
    """(what the edit is, {file: its new text, or None to delete it}): each reaches other
    pages in another way."""
    docs = project / "docs"

    def read(name: str) -> str:
        return (docs / name).read_text(encoding="utf-8")

    def field(name: str, key: str, new: str) -> str:
        return re.sub(rf"^{key}: .+$", f'{key}: "{new}"', read(name), count=1, flags=re.M)

    page = "---\ntitle: {0}\n---\n\n# {0}\n\n{1}\n"
    return [
        # a body edit that mentions another term: that term's "where it is used", the handout,
        # the English page's notice that its Chinese page changed
        ("a paragraph mentioning 切片 on the RAG page",
         {"terms/rag.md": read("terms/rag.md") + f"\n\n测试段落 {stamp}：先做好切片。\n"}),
        # a summary: every English page that previews the term, the glossary
        ("an English summary", {"terms/chunking.en.md": field("terms/chunking.en.md", "summary", f"Changed {stamp}.")}),
        # a comparison page's title: the navigation of every page, the home page's list
        ("a comparison page's title",
         {"compare/agent-vs-workflow.md": field("compare/agent-vs-workflow.md", "title", f"智能体与工作流 {stamp}")}),
        # a snippet: the pages that include it
        ("a snippet", {"_snippets/ppo-vs-grpo.zh.md": read("_snippets/ppo-vs-grpo.zh.md") + f"\n\n片段 {stamp}。\n"}),
        # a new page, in the navigation of every page; then the same page deleted
        ("a new page", {"scratch.md": page.format("临时页", "一段文字。"),
                        "scratch.en.md": page.format("Scratch page", "Some text.")}),
        ("the new page deleted", {"scratch.md": None, "scratch.en.md": None}),
    ]


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.suffix == ".html" or p.name == "search_index.json")


def test_serve_serves_what_a_fresh_build_writes_after_each_kind_of_edit(tmp_path):
    """make serve keeps rendered pages between saves (scripts/render_memo.py): after each kind
    of edit every page it serves, and each language's search index, is the page a fresh build
    of the same sources writes, byte for byte."""
    _serve_and_compare(tmp_path, _edits)


def test_serve_without_forking_serves_what_a_fresh_build_writes(tmp_path):
    """The same with the languages built one after the other (LLM_TERMS_SEQUENTIAL=1, or a
    system without fork), where i18n's inner build goes through the same build function."""
    _serve_and_compare(tmp_path, lambda project, stamp: _edits(project, stamp)[:2], {"LLM_TERMS_SEQUENTIAL": "1"})


def _serve_and_compare(tmp_path: Path, edits, extra_env: dict | None = None) -> None:
    project = copy_project(tmp_path / "project")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    server = serve_site(project, port, extra_env)
    log = _Log(server)
    try:
        log.wait_for("Serving on")
        for number, (what, files) in enumerate([("nothing yet", {})] + edits(project, time.time_ns())):
            for name, text in files.items():
                if text is None:
                    (project / "docs" / name).unlink()
                else:
                    (project / "docs" / name).write_text(text, encoding="utf-8")
            if files:
                log.wait_for("Reloading browsers")
            while not log.quiet_for(2):  # a second rebuild for the same save: wait for it too
                log.wait_for("Reloading browsers")
            fresh = tmp_path / f"fresh-{number}"
            result = mkdocs_build(project, fresh, _make_env())
            assert result.returncode == 0, result.stdout + result.stderr
            pages = _pages(fresh)
            assert len(pages) > 150
            stale = [page for page in pages
                     if _LIVERELOAD.sub("", _served(base + page)) != (fresh / page).read_text(encoding="utf-8")]
            assert not stale, f"after {what}, make serve served {len(stale)} pages unlike a fresh build: {stale[:8]}"
            gone = [url for url in ("scratch/", "en/scratch/") if not (fresh / url).exists() and _served(base + url)]
            assert not gone, f"after {what}, make serve still served {gone}, which a fresh build does not have"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_a_build_during_which_a_source_was_saved_keeps_nothing(tmp_path):
    """A save while `make serve` builds: one step may have read the file before it, another
    after. What that build added to the memo is dropped, and its files are not trusted."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import render_memo

    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (project / "docs" / "page.md").write_text("# Page\n", encoding="utf-8")
    time.sleep(0.05)  # as under make serve, the build starts after the save, past the clock's tick

    class Config(dict):
        config_file_path = str(project / "mkdocs.yml")
        docs_dir = str(project / "docs")
        site_dir = str(tmp_path / "site")

    for saved_during in (False, True):
        memo = render_memo.Memo()
        memo.start_build(Config())
        memo.put("pages", "key", "<html>page</html>")
        memo.written["page/index.html"] = "key"
        if saved_during:
            time.sleep(0.05)  # past the file system's clock tick
            (project / "docs" / "page.md").write_text("# Page, saved again\n", encoding="utf-8")
        memo.end_build()
        assert ("key" in memo.pages) is not saved_during
        assert bool(memo.finished) is not saved_during
    time.sleep(0.05)
    memo = render_memo.Memo()
    memo.start_build(Config())
    (project / "docs" / "new.md").write_text("# New\n", encoding="utf-8")  # a file added counts too
    memo.put("pages", "key", "x")
    memo.end_build()
    assert "key" not in memo.pages


def test_jiebas_dictionaries_are_part_of_what_search_entries_are_keyed_by(tmp_path, monkeypatch):
    """Material cuts Chinese text with jieba, whose dictionary mkdocs.yml may name: an edit to
    that file changes the search index, so it changes the key of every search entry."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import render_memo
    from mkdocs.config import load_config

    project = copy_project(tmp_path / "project")
    words = project / "jieba-user.txt"
    words.write_text("大模型 1000 n\n", encoding="utf-8")
    config_path = project / "mkdocs.yml"
    config_path.write_text(config_path.read_text(encoding="utf-8").replace(
        "  - search:\n", "  - search:\n      jieba_dict_user: jieba-user.txt\n", 1), encoding="utf-8")
    monkeypatch.chdir(project)  # Material reads the dictionary from the working folder
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_path))
    before = render_memo.project_key(config)
    words.write_text("大模型 1000 n\n向量数据库 1000 n\n", encoding="utf-8")
    assert render_memo.project_key(config) != before


_PLANTED = "<!-- planted in the kept memo by the test -->"


def test_a_build_from_the_kept_memo_writes_what_a_fresh_build_writes(tmp_path):
    """`make build` keeps its memo between builds (scripts/build_cache.py). Every page the last
    build kept is planted with a marker: a build with nothing changed writes the marked pages
    (the memo is really read), and after each edit that reaches other pages, every file a build
    from the kept memo writes is, the marker taken out, the file a build without it writes."""
    import pickle

    import build_cache

    project = copy_project(tmp_path / "project")
    env = _make_env()  # the test run's cache folder (conftest.py), which build_cache reads here too
    first = mkdocs_build(project, tmp_path / "site-0", env)
    assert first.returncode == 0, first.stdout + first.stderr
    kept = build_cache.path_for(project / "mkdocs.yml")
    stored = pickle.loads(kept.read_bytes())
    pages = stored["tables"]["pages"]
    assert len(pages) > 150
    for key in pages:
        pages[key] += _PLANTED
    kept.write_bytes(pickle.dumps(stored))

    reference = tmp_path / "site-0"
    for number, (what, files) in enumerate([("nothing", {})] + _edits(project, time.time_ns())[:3], start=1):
        for name, text in files.items():
            (project / "docs" / name).write_text(text, encoding="utf-8")
        built = tmp_path / f"site-{number}"
        result = mkdocs_build(project, built, env)
        assert result.returncode == 0, result.stdout + result.stderr
        if files:
            reference = tmp_path / f"fresh-{number}"
            result = mkdocs_build(project, reference, {**env, "LLM_TERMS_CACHE": "0"})
            assert result.returncode == 0, result.stdout + result.stderr
        ours, fresh = _files(built), _files(reference)
        assert sorted(ours) == sorted(fresh), f"after {what}: the built files differ in name"
        planted = [name for name, data in ours.items() if _PLANTED.encode() in data]
        if number <= 2:  # then a comparison page's title, in the navigation of every page
            assert len(planted) > 100, f"after {what}, only {len(planted)} pages came from the kept memo"
        differ = [name for name in fresh if ours[name].replace(_PLANTED.encode(), b"") != fresh[name]]
        assert not differ, f"after {what}, {len(differ)} files unlike a fresh build's, e.g. {differ[:8]}"


def test_serve_starts_from_what_make_build_kept_and_keeps_its_own_when_stopped(tmp_path):
    """`make serve` reads the file `make build` keeps (the same keys: the preview's address is
    in no page) and writes it once, when it is stopped with Ctrl+C, not on every save."""
    import pickle
    import signal

    import build_cache

    project = copy_project(tmp_path / "project")
    kept = build_cache.path_for(project / "mkdocs.yml")
    result = mkdocs_build(project, tmp_path / "site", _make_env())
    assert result.returncode == 0, result.stdout + result.stderr
    stored = pickle.loads(kept.read_bytes())
    for key in stored["tables"]["pages"]:
        stored["tables"]["pages"][key] += _PLANTED
    kept.write_bytes(pickle.dumps(stored))
    written = kept.stat().st_mtime_ns
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = serve_site(project, port)
    log = _Log(server)
    try:
        log.wait_for("Serving on")
        assert _PLANTED in _served(f"http://127.0.0.1:{port}/terms/rag/")  # the first build read the file
        rag = project / "docs" / "terms" / "rag.md"
        marker = f"编辑标记 {time.time_ns()}"
        rag.write_text(rag.read_text(encoding="utf-8") + f"\n\n{marker}。\n", encoding="utf-8")
        log.wait_for("Reloading browsers")
        assert kept.stat().st_mtime_ns == written  # a save does not wait for the file to be written
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
        log.close()
    assert server.returncode == 0, "".join(log.seen[-20:])
    pages = pickle.loads(kept.read_bytes())["tables"]["pages"]
    assert kept.stat().st_mtime_ns != written and len(pages) > 150
    edited = [html for html in pages.values() if marker in html]
    assert len(edited) == 2 and not [html for html in edited if _PLANTED in html]  # the page, the handout


def test_make_build_leaves_with_clicks_exit_status():
    """build.py skips Python's teardown once built (_exit_now): a usage error still says so, with 2."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--no-such-option"],
                            cwd=ROOT, capture_output=True, text=True, env=_make_env(), timeout=120)
    assert result.returncode == 2 and "No such option '--no-such-option'" in result.stderr
