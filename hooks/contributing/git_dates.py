"""When each file last changed, from one `git log` over the whole history.

In a shallow clone the oldest fetched commit looks as if it added every file, so
a file whose newest commit is that boundary has no trustworthy date: it gets
none rather than a wrong one.
"""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

from core.words import long_date


def parse_git_log(output: str, boundary_commits: set[str]) -> dict[str, int | None]:
    """Output of `git log --format=%x00%H %ct --name-only`: path -> newest commit time."""
    dates: dict[str, int | None] = {}
    for record in output.split("\x00")[1:]:
        lines = record.strip("\n").split("\n")
        commit, stamp = lines[0].split()
        for path in filter(None, (line.strip() for line in lines[1:])):
            if path not in dates:  # git log lists the newest commit first
                dates[path] = None if commit in boundary_commits else int(stamp)
    return dates


def read_git_dates(repo_dir: Path) -> dict[str, int | None]:
    """Every tracked file's last change; {} outside a git repository."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=repo_dir,
                             capture_output=True, text=True, check=True, timeout=30).stdout.strip()
        output = subprocess.run(["git", "log", "--format=%x00%H %ct", "--name-only", "--no-renames"],
                                cwd=top, capture_output=True, text=True, check=True, timeout=120).stdout
        git_dir = subprocess.run(["git", "rev-parse", "--git-dir"], cwd=top, capture_output=True,
                                 text=True, check=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    shallow_file = Path(top) / git_dir / "shallow"
    boundary = set(shallow_file.read_text().split()) if shallow_file.exists() else set()
    return {str(Path(top) / path): stamp for path, stamp in parse_git_log(output, boundary).items()}


def format_date(stamp: int, lang: str) -> str:
    """A commit time as the page shows it, in the page's language (UTC day)."""
    return long_date(datetime.fromtimestamp(stamp, tz=timezone.utc).date(), lang)
