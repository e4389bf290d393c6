"""The speed-ups of issue #19 change nothing a reader gets (their timings are in `make bench`).

`make build` (scripts/build.py) builds the two languages in parallel processes; the site must
be byte-identical to the one plain `mkdocs build` writes, file for file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


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
