"""Where in a page's source a refusal comes from, so an editor can jump to it."""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"---\n.*?\n---\n", re.DOTALL)
_NAMED = re.compile(r"<(\w+)>|attribute (\S+?)=|attribute (\S+) on|\"([^\"]{3,})\"")


def line_of(source: str, sentence: str) -> int:
    """The first line that holds the value, attribute or tag `sentence` names, the most
    telling first (a value written after '=', as in fill="u\\72l(...)", before 'fill='); 1 if none."""
    lowered = source.lower()
    body = _FRONT_MATTER.match(lowered)
    start = body.end() if body else 0
    needles: list[str] = []
    for match in _NAMED.finditer(sentence):
        tag, attribute, attribute2, value = match.groups()
        if value:
            value = value.rstrip(".").lower()
            needles[:0] = [f'="{value}', f"='{value}", f"={value}"]
        needles.append(f"<{tag}" if tag else f"{attribute or attribute2}=" if (attribute or attribute2)
                       else value)
    for needle in needles:
        at = lowered.find(needle.lower(), start)
        if at >= 0:
            return lowered.count("\n", 0, at) + 1
    return 1
