"""Walking Markdown source line by line, outside fenced code blocks."""

from __future__ import annotations

import re
from typing import Iterator

FENCE = re.compile(r"^\s*(```|~~~)")


def outside_code_blocks(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, line) for each line that is not in a fenced code block (fences excluded)."""
    in_fence = False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            yield index, line


def has_unclosed_fence(lines: list[str]) -> bool:
    return sum(1 for line in lines if FENCE.match(line)) % 2 == 1
