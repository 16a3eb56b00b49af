"""Serve reload: from saving one clause of one language to the browser's reload, under a real ``mkdocs serve``.

    python bench/bench_reload.py [N_DOCS] [EDITS] [--pdf] [--before SRC]

Writes N_DOCS synthetic policies x 3 languages (bench/synth.py), starts ``mkdocs serve`` on a
free port and, EDITS times, changes one clause of one language of one document (a different
document each time), timing from the file's write to the moment MkDocs' live-reload endpoint
answers (``/livereload/<epoch>/<request_id>``, long-polled as the script MkDocs injects into
every page does: it answers when the rebuilt site is visible and the browser reloads); the
page is then fetched and must show the new words. Side by side, in the same server, the same
edits with ``mkdocs.yml`` touched too, which makes the plugin rebuild everything (what every
save cost before issue 18). ``--before SRC`` times a second server whose ``policydocs``
package comes from SRC (e.g. ``git archive main tools | tar -x -C /tmp/before``, then
``--before /tmp/before/tools``), the code before the change. ``--pdf`` turns PDFs on.

``measure_reload(docs)`` is what bench/bench_scale.py calls.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from benchsite import MKDOCS, write_config  # noqa: E402
from synth import write_corpus  # noqa: E402

SCRIPT = re.compile(rb"livereload\((\d+), (\d+)\)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 120) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


class Server:
    """``mkdocs serve`` in ``root`` on a free port; ``python_path`` puts another policydocs first.

    ``mount`` is the path of ``site_url`` (MkDocs serves the site under it).
    """

    def __init__(self, root: Path, python_path: str | None = None, mount: str = "/") -> None:
        self.port = _free_port()
        self.host = f"http://127.0.0.1:{self.port}"
        self.base = self.host + mount
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        if python_path:
            env["PYTHONPATH"] = python_path
        self.log = open(root / "serve.log", "w", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen([str(MKDOCS), "serve", "-a", f"127.0.0.1:{self.port}"], cwd=root, env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 900
        while True:
            try:
                _get(self.base, timeout=5)
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"mkdocs serve did not start; see {root / 'serve.log'}") from None
                time.sleep(0.5)

    def reload_after(self, page: str, write, expect: str) -> float:
        """Seconds from ``write()`` to the live-reload answer; the page then shows ``expect``."""
        epoch, request = SCRIPT.search(_get(self.base + page)).groups()
        answered: dict[str, float] = {}

        def poll() -> None:
            _get(f"{self.host}/livereload/{int(epoch)}/{int(request)}")
            answered["at"] = time.perf_counter()

        waiter = threading.Thread(target=poll)
        waiter.start()
        time.sleep(0.3)  # the poll is waiting in the server before the file is written
        start = time.perf_counter()
        write()
        waiter.join(timeout=600)
        if "at" not in answered:
            raise RuntimeError("no reload within 10 minutes")
        if expect not in _get(self.base + page).decode("utf-8"):
            raise RuntimeError(f"the page {page} does not show the edit after the reload")
        return answered["at"] - start

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def _edit(server: Server, root: Path, index: int, full: bool) -> float:
    lang = ("ru", "kk", "en")[index % 3]
    path = root / "docs" / lang / f"synth{index:03d}" / "privacy.md"
    word = f"Правка{index}{'f' if full else 'i'}" if lang != "en" else f"Edit{index}{'f' if full else 'i'}"
    text = path.read_text(encoding="utf-8").replace("1.1. ", f"1.1. {word} ", 1)
    config = root / "mkdocs.yml"

    def write() -> None:
        if full:  # a changed mkdocs.yml makes the plugin rebuild everything, as every save did before
            config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        path.write_text(text, encoding="utf-8")

    return server.reload_after(f"{lang}/synth{index:03d}/privacy/", write, word)


def measure_reload(docs: int, edits: int = 5, pdf: bool = False, full: bool = True,
                   before: str | None = None) -> dict:
    """Median seconds from a one-clause save to the reload at ``docs`` documents (and the full rebuild's)."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-reload-"))
    try:
        root = tmp / "project"
        root.mkdir()
        write_corpus(root / "docs", docs)
        write_config(root, {"pdf": True} if pdf else {})
        result: dict[str, object] = {"docs": docs, "edits": edits, "pdf": pdf}
        server = Server(root)
        try:
            times = [_edit(server, root, (i * 7 + 3) % docs, False) for i in range(edits)]
            result["reload_s"] = statistics.median(times)
            result["reload_all_s"] = times
            if full:
                times = [_edit(server, root, (i * 7 + 5) % docs, True) for i in range(max(1, edits // 2))]
                result["full_rebuild_reload_s"] = statistics.median(times)
                result["full_rebuild_all_s"] = times
        finally:
            server.stop()
        if before:
            server = Server(root, before)
            try:
                times = [_edit(server, root, (i * 7 + 4) % docs, False) for i in range(max(1, edits // 2))]
                result["before_reload_s"] = statistics.median(times)
                result["before_all_s"] = times
            finally:
                server.stop()
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    before = sys.argv[sys.argv.index("--before") + 1] if "--before" in sys.argv else None
    if before in args:
        args.remove(before)
    docs = int(args[0]) if args else 100
    edits = int(args[1]) if len(args) > 1 else 5
    r = measure_reload(docs, edits, pdf="--pdf" in sys.argv, before=before)
    print(f"{docs} documents x 3 languages, {edits} one-clause edits, PDFs {'on' if r['pdf'] else 'off'}; "
          "seconds from the file's write to the live-reload answer")
    print(f"  this change: median {r['reload_s']:.2f} s   all: {', '.join(f'{v:.2f}' for v in r['reload_all_s'])}")
    if "full_rebuild_reload_s" in r:
        print(f"  full rebuild (mkdocs.yml touched): median {r['full_rebuild_reload_s']:.2f} s   "
              f"all: {', '.join(f'{v:.2f}' for v in r['full_rebuild_all_s'])}   "
              f"ratio {r['full_rebuild_reload_s'] / r['reload_s']:.1f}x")
    if "before_reload_s" in r:
        print(f"  before (--before): median {r['before_reload_s']:.2f} s   "
              f"all: {', '.join(f'{v:.2f}' for v in r['before_all_s'])}   ratio {r['before_reload_s'] / r['reload_s']:.1f}x")


if __name__ == "__main__":
    main()
