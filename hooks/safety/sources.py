"""Where in a page's source a refusal comes from, so an editor can jump to it."""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"---\n.*?\n---\n", re.DOTALL)
_NAMED = re.compile(r"<(\w+)>|attribute (\S+?)=|attribute (\S+) on|\"([^\"]{3,})\"")


def line_of(source: str, sentence: str) -> int:
    """The first line that holds the tag, attribute or value `sentence` names; 1 if none does."""
    lowered = source.lower()
    body = _FRONT_MATTER.match(lowered)
    start = body.end() if body else 0
    for match in _NAMED.finditer(sentence):
        tag, attribute, attribute2, value = match.groups()
        needle = (f"<{tag}" if tag else f"{attribute or attribute2}=" if (attribute or attribute2)
                  else value.rstrip(".")).lower()
        at = lowered.find(needle, start)
        if at >= 0:
            return lowered.count("\n", 0, at) + 1
    return 1
