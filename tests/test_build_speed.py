"""The speed-ups of issue #19 change nothing a reader gets (their timings are in `make bench`).

`make build` (scripts/build.py) builds the two languages in parallel processes; the site must
be byte-identical to the one plain `mkdocs build` writes, file for file. `make serve` goes
through the same script and must never show a page older than the last edit.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import ROOT, copy_project


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


def serve_site(project: Path, port: int) -> subprocess.Popen:
    """`make serve`'s own command on a copy of the project."""
    return subprocess.Popen(serve_command(port), cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
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
