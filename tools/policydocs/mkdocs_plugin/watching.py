"""How ``mkdocs serve`` notices a save: the system's file notifications instead of polling.

MkDocs' live-reload server polls the watched folders every 0.5 s and then waits 0.1 s for
writes to settle, so a save waits 0.35 s on average before the build even starts; with the
one-document rebuild (site/incremental.py) that is a third of the time from save to reload.
A native observer (inotify on Linux) reports the save at once. Network drives and some
container mounts deliver no notifications: the plugin option ``serve_notifications: false``
keeps MkDocs' own polling, and so does any platform where the native observer cannot start.

MkDocs' handler rebuilds on any event it is given; a native observer also reports files being
opened and read, which the build itself does: only saves (written, created, deleted, moved,
touched) are passed on, or every build would start the next one.

This is MkDocs glue (the live-reload server is MkDocs 1.6's, pinned below 2), kept out of the
library: it reads which paths the server watches from the server itself.
"""

from __future__ import annotations

import logging

SETTLE_S = 0.05  # MkDocs waits 0.1 s for a burst of writes to end; an editor's save is one burst

log = logging.getLogger("mkdocs.plugins.policydocs")


def use_notifications(server) -> bool:
    """Move every path ``server`` watches to a native observer; False (nothing changed) where none works."""
    try:
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver
    except ImportError:
        return False
    native = _saves_only(Observer)
    watched = dict(getattr(server, "_watched_paths", None) or {})
    if not watched or Observer is PollingObserver or not hasattr(server, "observer"):
        return False
    probe = native()
    try:  # inotify can refuse (too many watches, no support): then MkDocs' polling stays as it was
        for path in watched:
            probe.schedule(_Nothing(), path, recursive=True)
        probe.start()
    except OSError as exc:
        log.debug("file notifications unavailable (%s); MkDocs polls instead", exc)
        return False
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join()
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = native()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    server.build_delay = min(getattr(server, "build_delay", SETTLE_S), SETTLE_S)
    return True


def _saves_only(observer_class):
    """The native observer class, reporting to MkDocs only the events a save makes."""
    from watchdog import events

    saves = [
        events.FileModifiedEvent,
        events.FileCreatedEvent,
        events.FileDeletedEvent,
        events.FileMovedEvent,
        events.FileAttribEvent,
        events.DirCreatedEvent,
        events.DirDeletedEvent,
        events.DirMovedEvent,
    ]

    class SavesOnly(observer_class):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **options):
            return super().schedule(
                event_handler, path, recursive=recursive, event_filter=event_filter or saves, **options
            )

    return SavesOnly


class _Nothing:
    """The probe's event handler: the probe only shows that the watches can be set."""

    def dispatch(self, event) -> None:
        pass
