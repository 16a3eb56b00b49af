"""The site's own stylesheet and scripts as readers download them: minified.

The files under ``assets/`` keep their comments for the next engineer; every page loads
them, so what is shipped leaves comments and indentation out (rjsmin, rcssmin: the
minifiers mkdocs-minify-plugin uses).
"""

from __future__ import annotations

import rcssmin
import rjsmin


def shipped(name: str, text: str) -> str:
    """``text`` of the asset ``name`` as the site serves it."""
    if name.endswith(".js"):
        return rjsmin.jsmin(text) + "\n"
    if name.endswith(".css"):
        return rcssmin.cssmin(text) + "\n"
    return text
