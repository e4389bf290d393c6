"""The reader-query worker that stands in front of Material's search worker (pure).

reader_queries.js rewrites what a reader types before Material's worker searches, and tidies
its answer (see that file). It is served next to Material's worker, because Material's worker
loads its language scripts relative to the worker that runs it, under a name that changes
with its content, so a browser never keeps an old copy.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
from pathlib import Path

SOURCE = Path(__file__).with_name("reader_queries.js")
PLACEHOLDER = "__MATERIAL_WORKER__"


def worker_source(material_worker: str, source: str | None = None) -> str:
    """The worker's JavaScript, loading Material's worker (a file name in the same folder)."""
    source = SOURCE.read_text(encoding="utf-8") if source is None else source
    if source.count(PLACEHOLDER) != 1:
        raise ValueError(f"{SOURCE.name} must name {PLACEHOLDER} exactly once")
    return source.replace(PLACEHOLDER, material_worker)


@functools.lru_cache
def worker_name(material_worker: str, source: str | None = None) -> str:
    """search-reader.<hash>.js: the hash of the code it runs, Material's worker's included
    (Material's file name carries its own hash)."""
    digest = hashlib.sha256(worker_source(material_worker, source).encode("utf-8")).hexdigest()[:8]
    return f"search-reader.{digest}.js"


def point_at_reader_worker(app: dict) -> dict:
    """Material's page config with `search` pointing at the reader worker beside Material's."""
    folder, material_worker = posixpath.split(app["search"])
    return {**app, "search": posixpath.join(folder, worker_name(material_worker))}
