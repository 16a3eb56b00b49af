"""A save under ``mkdocs serve`` is noticed through file notifications, not MkDocs' half-second poll."""

from __future__ import annotations

import time

from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from policydocs.mkdocs_plugin.watching import use_notifications


def _server(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    docs = tmp_path / "docs"
    (docs / "kk" / "shop").mkdir(parents=True)
    server.watch(str(docs))
    server.watch(str(docs))  # MkDocs counts repeated watches of one path: kept
    return server, docs


def test_a_save_is_reported_by_the_native_observer_at_once(tmp_path):
    server, docs = _server(tmp_path)
    assert isinstance(server.observer, PollingObserver)
    assert use_notifications(server)
    assert not isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(docs): 2}
    assert server.build_delay <= 0.05
    server.observer.start()
    try:
        time.sleep(0.2)
        (docs / "kk" / "shop" / "privacy.md").write_text(
            "# Құпиялылық саясаты\n\n1.1. Тауар 500 теңгеден.\n", encoding="utf-8"
        )
        deadline = time.monotonic() + 5
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server._want_rebuild
        # reading a file (as every build does) is not a save: no rebuild after it
        time.sleep(0.2)
        server._want_rebuild = False
        (docs / "kk" / "shop" / "privacy.md").read_text(encoding="utf-8")
        time.sleep(0.5)
        assert not server._want_rebuild
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()


def test_a_server_watching_nothing_is_left_as_it_is(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    observer = server.observer
    assert not use_notifications(server)
    assert server.observer is observer
    server.server_close()
