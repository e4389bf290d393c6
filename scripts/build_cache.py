"""`make build`: what the last build of this checkout rendered, kept between builds.

`make serve` remembers each page's steps for as long as it runs (scripts/render_memo.py);
`make build` keeps the same memo in a file, so a build after an edit converts and renders only
the pages the edit reaches; `make serve` starts from that file and writes it when it stops.
The memo's keys are checksums of everything a step reads (the page, the terms it shows, the
navigation, mkdocs.yml, overrides/, hooks/, the assets); across processes two more things can
change, and they key the whole file:

- the software: Python's version and every installed package's version (Material, MkDocs,
  pymdown-extensions, jieba, ...), and the three scripts that build and remember;
- which checkout it is: one file per project folder.

The file lives outside the checkout, in the user's cache folder ($XDG_CACHE_HOME or ~/.cache,
llm-terms-icebreaker/): it is read with pickle, which runs what it reads, so it must never be
something a pull request can add. A file another user owns, or one others may write, is not
read, and a file that cannot be read or written (damaged, a full disk) means a build from
scratch, never a failed build. Only a build that finished writes it (atomically); the files of
projects not built recently are removed (the newest few are kept). LLM_TERMS_CACHE=0 turns it off, and CI's
clean machine starts without it: that is the cold figure in BENCHMARKS.md.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path

from render_memo import TABLES

FORMAT = 1
KEEP = 4  # projects' files kept: the checkout, and a few copies (a second clone, the bench's)
log = logging.getLogger("mkdocs.llm_terms.build_cache")


def enabled() -> bool:
    return os.environ.get("LLM_TERMS_CACHE", "1") != "0"


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "llm-terms-icebreaker"


def path_for(config_file: str | os.PathLike) -> Path:
    project = str(Path(config_file).resolve().parent)
    return folder() / f"build-{hashlib.blake2b(project.encode(), digest_size=12).hexdigest()}.pickle"


def software_key() -> str:
    """Python, every installed package by name and version, and the build's own code."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{FORMAT}\0{sys.version}\0{sys.prefix}".encode())
    versions = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    digest.update("\n".join(versions).encode())
    here = Path(__file__).resolve().parent
    for name in ("build_cache.py", "render_memo.py", "build.py", "markdown_reuse.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def _trusted(path: Path) -> bool:
    """Ours alone: owned by this user, not writable by others, a plain file."""
    try:
        info = os.lstat(path)
    except OSError:  # none yet, or the cache folder is not a folder
        return False
    return (stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def load(memo, config_file: str | os.PathLike, software: str) -> bool:
    """Fill memo's tables from the file of this project, if it was written by this software."""
    path = path_for(config_file)
    if not _trusted(path):
        return False
    try:
        with open(path, "rb") as handle:
            stored = pickle.load(handle)
        if not isinstance(stored, dict) or stored.get("software") != software:
            return False
        tables = {table: dict(stored["tables"][table]) for table in TABLES}
    except Exception as error:  # noqa: BLE001  a damaged file is a cold start, never a failed build
        log.debug(f"build cache {path} not read: {error}")
        return False
    for table in TABLES:
        getattr(memo, table).update(tables[table])
    return True


def save(memo, config_file: str | os.PathLike, software: str) -> None:
    """Write what the build used (memo.end_build kept only that), then drop old projects' files."""
    path = path_for(config_file)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tables = {table: getattr(memo, table) for table in TABLES}
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=".build-", delete=False)
    try:
        with handle:
            pickle.dump({"software": software, "tables": tables}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(handle.name, 0o600)
        os.replace(handle.name, path)
    except BaseException:
        os.unlink(handle.name)
        raise
    _prune(path.parent)


def _prune(where: Path) -> None:
    files = sorted(where.glob("build-*.pickle"), key=lambda file: file.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)


class Kept:
    """The memo's file around each build: read before the first, written after each that
    finished and changed it; or, under `make serve` (write_each_build False: writing takes
    a moment every save would wait for), once when it stops, if its last build finished."""

    def __init__(self, memo, write_each_build: bool = True) -> None:
        self.memo = memo
        self.write_each_build = write_each_build
        self.software = ""
        self.config_file = ""
        self.sizes: tuple[int, ...] = ()
        self.building = self.pending = False

    def _sizes(self) -> tuple[int, ...]:
        return tuple(len(getattr(self.memo, table)) for table in TABLES)

    def before(self, config) -> None:
        if not self.software:
            self.software, self.config_file = software_key(), config.config_file_path
            load(self.memo, self.config_file, self.software)
        self.sizes = self._sizes()
        self.building = True

    def after(self, config) -> None:
        self.building = False
        self.pending = self.pending or bool(self.memo.added) or self._sizes() != self.sizes
        if self.write_each_build:
            self.finish()

    def finish(self) -> None:
        """Write the memo if a build changed it and none is half done."""
        if self.pending and not self.building:
            self.pending = False
            try:
                save(self.memo, self.config_file, self.software)
            except OSError as error:  # the site is built; only the next build's head start is lost
                log.info(f"This build's pages could not be kept for the next build ({error}); "
                         "the next build starts from scratch.")
