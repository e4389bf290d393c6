"""A fix for Material's search worker: the last word of a Chinese query (pure string patch).

The patch has an exit: once Material's worker no longer contains the known code,
search_hook.py warns, and this file can go.
"""

from __future__ import annotations

# Material 9.8's search worker segments a Chinese query greedily against the index
# vocabulary, but its inner loop stops one character short, so a word at the very
# end of a query is never recognised: "模型胡说八道" searches for "模型" only.
# The fix lets the loop reach the end of the query.
SEGMENTER_BUG = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
SEGMENTER_FIX = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"


def fix_query_segmenter(worker_js: str) -> str | None:
    """The worker with the segmenter fixed, or None when the known code is not there."""
    if SEGMENTER_FIX in worker_js:
        return worker_js
    if worker_js.count(SEGMENTER_BUG) != 1:
        return None
    return worker_js.replace(SEGMENTER_BUG, SEGMENTER_FIX)
