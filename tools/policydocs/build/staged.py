"""A build written beside the site folder and swapped in only when complete (``site/staging.py``).

``Staging`` is the plugin's side of it as plain calls: ``Staging(site_dir)`` makes the folder
to build into, ``failed(error)`` discards it (one line for a failed write, exit 2), ``finish()``
swaps it in when the build completed without warnings (MkDocs' strict mode refuses a build with
warnings after its last event: they are counted here too).
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import PolicyError
from ..i18n import _
from ..site import staging

log = logging.getLogger("mkdocs.plugins.policydocs")
WARNINGS_OF = "mkdocs"  # the logger whose warnings fail a strict build


class Staging:
    def __init__(self, site_dir: Path, count_warnings: bool = False) -> None:
        self.site_dir = site_dir
        self.folder: Path | None = staging.stage(site_dir)
        self.complete = False
        self.warnings = _WarningCount()
        if count_warnings:
            logging.getLogger(WARNINGS_OF).addHandler(self.warnings)

    def failed(self, error: BaseException) -> None:
        """The build failed: the previous site stays as it was; what was built is discarded."""
        self.complete = False
        folder, self.folder = self.folder, None
        staging.discard(folder)
        log.error(
            _("policydocs: the build failed; {site} was left as it was before this build").format(site=self.site_dir)
        )
        if isinstance(error, OSError):
            # MkDocs prints a traceback for a failed write (disk full, read-only folder): one line instead,
            # naming the file as it would be in site/
            where = str(getattr(error, "filename", None) or self.site_dir)
            if folder is not None:
                where = where.replace(str(folder), str(self.site_dir))
            log.error("%s: %s", where, error.strerror or error)
            raise SystemExit(2)

    def finish(self) -> None:
        """After the build (and its strict-mode check): swap the complete site into place, else discard it."""
        folder, self.folder = self.folder, None
        logging.getLogger(WARNINGS_OF).removeHandler(self.warnings)
        if folder is None:
            return
        if not self.complete or self.warnings.count:
            staging.discard(folder)
            return
        try:
            staging.swap_in(folder, self.site_dir)
        except PolicyError as exc:
            staging.discard(folder)
            log.error(str(exc))
            raise SystemExit(2) from None


class _WarningCount(logging.Handler):
    """Counts MkDocs' warnings, as its strict mode does, to know whether the build will be kept."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1
