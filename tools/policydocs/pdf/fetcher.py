"""The only URL fetcher WeasyPrint gets: regular files under the project's folders, nothing else.

Kept apart from safety.py so that a build with every PDF cached never imports WeasyPrint.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

MAX_RESOURCE_BYTES = 20 * 1024 * 1024


class UnsafeResource(FatalURLFetchingError):
    """Raised inside WeasyPrint to stop a rendering that tried to read outside the project."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class ProjectFetcher(URLFetcher):
    """A URL fetcher that serves only regular files under the given folders."""

    def __init__(self, roots: tuple[Path, ...]):
        super().__init__(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=True)
        self.roots = tuple(Path(r).resolve() for r in roots)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise UnsafeResource(url, "only files inside the project may be read")
        target = Path(url2pathname(parts.path)).resolve()
        if not any(target.is_relative_to(root) for root in self.roots):
            raise UnsafeResource(url, "the file lies outside the project's folders")
        if not target.is_file():
            raise UnsafeResource(url, "not a regular file")
        if target.stat().st_size > MAX_RESOURCE_BYTES:
            raise UnsafeResource(url, f"larger than {MAX_RESOURCE_BYTES // (1024 * 1024)} MB")
        return URLFetcherResponse(target.as_uri(), target.read_bytes())
