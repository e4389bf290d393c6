"""Blank runs between tags, collapsed: the theme's templates indent every line of the
navigation, about a sixth of a term page's bytes. A run of only whitespace between two
tags renders the same as one space (or one line break), except inside <pre>, <textarea>
and <script>, which are left exactly as they are.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>|<script\b.*?</script>)", re.DOTALL | re.IGNORECASE)
# A run with a line break becomes one line break, any other run one space. Two plain
# substitutions rather than one with a function: runs never overlap (each ends at "<"),
# and the pass makes no Python call per run.
_RUN_WITH_BREAK = re.compile(r">[ \t\r\f]*\n[ \t\r\n\f]*<")
_RUN_WITHOUT_BREAK = re.compile(r">[ \t\r\f]+<")


def _between(part: str) -> str:
    if part and not part.strip():  # only whitespace between two kept elements
        return "\n" if "\n" in part else " "
    return _RUN_WITHOUT_BREAK.sub("> <", _RUN_WITH_BREAK.sub(">\n<", part))


def collapse_blank_runs(html: str) -> str:
    parts = _KEEP.split(html)
    # Odd parts are the kept elements, left as they are.
    return "".join(part if index % 2 else _between(part) for index, part in enumerate(parts))
