"""Our own scripts and stylesheets, minified in the built site: readers' browsers fetch them
on every page, and the comments and indentation that help contributors are a tenth of what
a page loads. The sources in docs/assets/ and hooks/ stay readable.

rjsmin and rcssmin only remove comments and whitespace; they never rename or reorder.
Material's own files are already minified (`*.min.js`, `*.min.css`); lunr/ is Material's too.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import rcssmin
import rjsmin

_THEIRS = ("assets/javascripts/lunr/",)


def is_ours(path: str) -> bool:
    """A site-relative path of a script or stylesheet this project wrote, not Material."""
    name = PurePosixPath(path).name
    return (path.startswith("assets/") and name.endswith((".js", ".css"))
            and not name.endswith((".min.js", ".min.css")) and not path.startswith(_THEIRS))


def minified(path: str, text: str) -> str:
    """The same script or stylesheet without comments and indentation (idempotent)."""
    if path.endswith(".css"):
        return rcssmin.cssmin(text)
    return rjsmin.jsmin(text)
