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
``--before /tmp/before/tools``; with ``overrides`` in the archive too, the templates of then),
the code before the change. ``--pdf`` turns PDFs on.

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
from benchsite import MKDOCS, overrides_of, write_config  # noqa: E402
from synth import write_corpus  # noqa: E402

SCRIPT = re.compile(rb"livereload\((\d+), (\d+)\)")
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


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
        # without libfaketime (`make test-clock`): MkDocs' live-reload waits on timed conditions that it
        # breaks; the build moment is the environment's POLICYDOCS_NOW / SOURCE_DATE_EPOCH anyway
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}
        env["NO_MKDOCS_2_WARNING"] = "1"
        if python_path:
            env["PYTHONPATH"] = python_path
        self.log_path = root / "serve.log"
        self.log = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [str(MKDOCS), "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=root,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
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

    def builds(self) -> list[float]:
        """What MkDocs logged for each build: "Documentation built in X seconds"."""
        self.log.flush()
        return [float(x) for x in BUILT.findall(self.log_path.read_text(encoding="utf-8"))]

    def idle(self, page: str) -> None:
        """Wait until no rebuild is pending: MkDocs polls the files every 0.5 s, a request waits for a build."""
        time.sleep(1.2)
        _get(self.base + page)

    def reload_after(self, page: str, write, expect: str) -> float:
        """Seconds from ``write()`` to the live-reload answer; the page then shows ``expect``."""
        self.idle(page)
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


def _edit(server: Server, root: Path, index: int, full: bool) -> tuple[float, float]:
    """(seconds from the write to the reload, seconds of the build as MkDocs logs it)."""
    lang = ("ru", "kk", "en")[index % 3]
    path = root / "docs" / lang / f"synth{index:03d}" / "privacy.md"
    word = f"Правка{index}{'f' if full else 'i'}" if lang != "en" else f"Edit{index}{'f' if full else 'i'}"
    text = path.read_text(encoding="utf-8").replace("1.1. ", f"1.1. {word} ", 1)
    config = root / "mkdocs.yml"

    def write() -> None:
        if full:  # a changed mkdocs.yml makes the plugin rebuild everything, as every save did before
            config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        path.write_text(text, encoding="utf-8")

    page = f"{lang}/synth{index:03d}/privacy/"
    server.idle(page)
    built = len(server.builds())
    seconds = server.reload_after(page, write, word)
    server.idle(page)
    builds = server.builds()[built:]
    return seconds, sum(builds)


def measure_reload(
    docs: int,
    edits: int = 5,
    pdf: bool = False,
    full: bool = True,
    before: str | None = None,
    project: Path | None = None,
) -> dict:
    """Median seconds from a one-clause save to the reload at ``docs`` documents (and the full rebuild's).

    ``reload_s`` is the median, ``reload_build_s`` MkDocs' own build time in it (the rest is its
    file watcher, which polls every 0.5 s, and its 0.1 s wait for writes to settle).
    ``project``: an existing project of ``docs`` synthetic documents (bench/synth.py) with its
    ``mkdocs.yml``, used (and edited) in place instead of a new one.
    """
    tmp = Path(tempfile.mkdtemp(prefix="bench-reload-"))
    try:
        if project is None:
            root = tmp / "project"
            root.mkdir()
            write_corpus(root / "docs", docs)
            write_config(root, {"pdf": True} if pdf else {})
        else:
            root = Path(project)
        result: dict[str, object] = {"docs": docs, "edits": edits, "pdf": pdf}

        def run(server: Server, key: str, count: int, offset: int, touch_config: bool) -> None:
            done = [_edit(server, root, (i * 7 + offset) % docs, touch_config) for i in range(count)]
            result[f"{key}_s"] = statistics.median(t for t, _ in done)
            result[f"{key}_all_s"] = [t for t, _ in done]
            result[f"{key}_build_s"] = statistics.median(b for _, b in done)

        server = Server(root)
        try:
            run(server, "reload", edits, 3, False)
            if full:
                run(server, "full_rebuild", max(1, edits // 2), 5, True)
        finally:
            server.stop()
        if before:
            if project is None and overrides_of(before):  # its own templates with its own plugin
                write_config(root, {"pdf": True} if pdf else {}, overrides_of(before))
            server = Server(root, before)
            try:
                run(server, "before", max(1, edits // 2), 4, False)
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
    print(
        f"{docs} documents x 3 languages, {edits} one-clause edits, PDFs {'on' if r['pdf'] else 'off'}; "
        "seconds from the file's write to the live-reload answer"
    )
    for key, name in (
        ("reload", "this change"),
        ("full_rebuild", "full rebuild (mkdocs.yml touched)"),
        ("before", "before (--before)"),
    ):
        if f"{key}_s" in r:
            print(
                f"  {name}: median {r[f'{key}_s']:.2f} s (MkDocs' build {r[f'{key}_build_s']:.2f} s)   "
                f"all: {', '.join(f'{v:.2f}' for v in r[f'{key}_all_s'])}"
                + (f"   ratio {r[f'{key}_s'] / r['reload_s']:.1f}x" if key != "reload" else "")
            )


if __name__ == "__main__":
    main()
