"""Blank runs between tags, collapsed: the theme's templates indent every line of the
navigation, about a sixth of a term page's bytes. A run of only whitespace between two
tags renders the same as one space (or one line break), except inside <pre>, <textarea>
and <script>, which are left exactly as they are.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>|<script\b.*?</script>)", re.DOTALL | re.IGNORECASE)
_BLANK_RUN = re.compile(r">[ \t\r\n\f]+<")


def _one(match: re.Match) -> str:
    return ">\n<" if "\n" in match.group(0) else "> <"


def _between(part: str) -> str:
    if part and not part.strip():  # only whitespace between two kept elements
        return "\n" if "\n" in part else " "
    return _BLANK_RUN.sub(_one, part)


def collapse_blank_runs(html: str) -> str:
    parts = _KEEP.split(html)
    # Odd parts are the kept elements, left as they are.
    return "".join(part if index % 2 else _between(part) for index, part in enumerate(parts))
