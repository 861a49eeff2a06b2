"""Autosave to the recovery folder, and the offer to recover after a crash.

Every window owns one entry in the recovery folder (``recovery_store``). While its map has unsaved
changes, the ``Autosaver`` writes it there 3 s after a burst of edits stops and at least every 30 s
while edits go on, never on each keystroke; a map with nothing unsaved has no entry (saving,
undoing back to the saved state, discarding at close and closing all remove it). After a crash,
``kill -9`` or a power cut the entry stays behind, and the next start (``offer_recovery``, called
by ``app.run`` once the window shows) lists such entries with what and when, and opens the chosen
one as unsaved changes, its original file kept so Save writes back there after the
changed-on-disk check.

The map is turned into bytes on the UI thread (about 20 ms for 2,000 objectives, so the copy is
consistent); the write and fsync run on a worker thread, off the UI's critical path.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from typing_extensions import override

from srmtool.model.srmfile.codec import dumps_map, load_map
from srmtool.ui.document import CHANGE_SIGNALS
from srmtool.ui.files import error_text
from srmtool.ui.recovery.store import RecoveryEntry, RecoveryStore

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow

INTERVAL_MS: Final = 30_000  # at the latest, while edits go on
IDLE_MS: Final = 3_000  # after a burst of edits stops

translate = QCoreApplication.translate  # the name lupdate finds, with the context spelt out


class Autosaver(QObject):
    """Keeps one window's recovery entry up to date with its unsaved map."""

    #: An autosave reached the disk (UI thread).
    saved = Signal()
    #: An autosave failed; the reason, for a person (UI thread).
    failed = Signal(str)
    _write_done = Signal(object)  # from the worker: None, or the exception

    def __init__(
        self,
        window: MainWindow,
        store: RecoveryStore,
        *,
        interval_ms: int = INTERVAL_MS,
        idle_ms: int = IDLE_MS,
    ) -> None:
        super().__init__(window)
        self.setObjectName("autosaver")
        self.window = window
        self.document = window.document
        self.store = store
        self._dirty = False  # the map changed since the last autosave
        self._has_entry = False
        self._finished = False
        self._pending: Future[None] | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="srmtool-autosave")
        self._interval = QTimer(self)
        self._interval.setInterval(interval_ms)
        self._interval.timeout.connect(self._tick)
        self._interval.start()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._tick)
        for name in CHANGE_SIGNALS:
            getattr(self.document, name).connect(self._on_edit)
        self.document.modified_changed.connect(self._on_modified)
        self._write_done.connect(self._on_write_done)
        self.failed.connect(self._show_failure)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._after_close)

    def set_intervals(self, interval_ms: int, idle_ms: int) -> None:
        """Change the two delays (tests use short ones)."""
        self._interval.setInterval(interval_ms)
        self._interval.start()
        self._idle.setInterval(idle_ms)

    # -- when ------------------------------------------------------------------------------------

    def _on_edit(self, *_args: object) -> None:
        if self._finished:
            return
        self._dirty = True
        self._idle.start()  # restarted by every edit: fires once the burst stops

    @Slot(bool)
    def _on_modified(self, modified: bool) -> None:
        if not modified:  # saved, or undone back to the saved state: nothing to recover
            self._dirty = False
            self._idle.stop()
            self.discard()

    @Slot()
    def _tick(self) -> None:
        if self._dirty:
            self.autosave_now()

    # -- what ------------------------------------------------------------------------------------

    def autosave_now(self) -> bool:
        """Write the unsaved map to this window's entry (the write finishes on the worker thread;
        ``flush`` waits for it). False when there is nothing unsaved or it cannot be stored."""
        if self._finished:
            return False
        if not self.document.is_modified:
            self.discard()
            return False
        route_map = self.document.route_map
        try:
            data = dumps_map(route_map)
        except Exception as exc:  # a map that cannot be stored: say so, try again after the next edit
            self.failed.emit(error_text(exc, self.window.lang, self.store.map_path))
            return False
        self._dirty = False
        self._idle.stop()
        files = self.window.files
        self._has_entry = True
        self._submit(
            self.store.write,
            data,
            original=self.document.path,
            title=route_map.meta.title.strip() or files.name(),
            objectives=len(route_map.objectives),
            disk=files.disk_stamp,
        )
        return True

    def discard(self) -> None:
        """Remove this window's entry (if it has one)."""
        if self._has_entry:
            self._has_entry = False
            self._submit(self.store.remove)

    def has_entry(self) -> bool:
        return self._has_entry

    def is_finished(self) -> bool:
        """True once the window closed properly (no more autosaves)."""
        return self._finished

    def flush(self) -> None:
        """Wait until every write or removal asked for so far is on disk."""
        pending = self._pending
        if pending is not None:
            pending.result()
        QCoreApplication.sendPostedEvents(self)

    def _submit(self, work: object, *args: object, **kwargs: object) -> None:
        assert callable(work)

        def run() -> None:
            try:
                work(*args, **kwargs)
            except Exception as exc:  # reported on the UI thread
                self._write_done.emit(exc)
            else:
                self._write_done.emit(None)

        self._pending = self._executor.submit(run)

    @Slot(object)
    def _on_write_done(self, error: object) -> None:
        if isinstance(error, BaseException):
            self._dirty = True  # try again at the next tick
            self.failed.emit(error_text(error, self.window.lang, self.store.map_path))
        else:
            self.saved.emit()

    @Slot(str)
    def _show_failure(self, reason: str) -> None:
        self.window.statusBar().showMessage(
            translate("Recovery", "Autosave failed: {reason}").format(reason=reason), 10000
        )

    # -- closing ---------------------------------------------------------------------------------

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self, self._after_close)  # the window decides first; look afterwards
        return False

    @Slot()
    def _after_close(self) -> None:
        if not self._finished and not self.window.isVisible():
            self.finish()

    def finish(self) -> None:
        """The window closed properly: remove its entry and stop autosaving."""
        if self._finished:
            return
        self.discard()
        self._finished = True
        self._interval.stop()
        self._idle.stop()
        self._executor.shutdown(wait=True)


def install(window: MainWindow) -> None:
    """Autosave this window's unsaved map to the recovery folder."""
    window.autosaver = Autosaver(window, RecoveryStore())


def offer_recovery(window: MainWindow) -> RecoveryEntry | None:
    """After a crash: offer the maps autosaved by editors that did not close properly (a dialog,
    ``recovery_dialog.ask_recovery``); recover the chosen one into ``window``, delete the ones the
    user discards, keep the rest for the next start. The recovered entry, or None. First the
    leftovers of those editors' interrupted writes go (``RecoveryStore.tidy``)."""
    saver = window.autosaver
    if saver.is_finished():
        return None
    saver.store.tidy()
    entries = saver.store.orphans()
    if not entries:
        return None
    from srmtool.ui.recovery import dialog as recovery_dialog  # only when there is something to offer

    decision = recovery_dialog.ask_recovery(window, entries)
    for entry in decision.discard:
        RecoveryStore.delete(entry)
    if decision.recover is None or not recover(window, decision.recover):
        return None
    return decision.recover


def recover(window: MainWindow, entry: RecoveryEntry) -> bool:
    """Open ``entry``'s map in ``window`` as unsaved changes (its original file kept for Save), then
    move it into this window's own entry. False when the user keeps the current map or it cannot
    be read (said in a message; the entry stays)."""
    files = window.files
    if not files.may_discard():
        return False
    try:
        route_map = load_map(entry.map_path)
    except Exception as exc:  # reported, never raised; the entry stays for another try
        files.show_error(
            translate("Recovery", "Cannot recover the map"),
            error_text(exc, window.lang, entry.map_path),
        )
        return False
    label = None
    if entry.original is None:
        label = translate("Recovery", "{name} (recovered)").format(
            name=entry.title or translate("Recovery", "Untitled map")
        )
    files.adopt(route_map, entry.original, label=label, disk=entry.disk, suggested=None)
    saver = window.autosaver
    saver.autosave_now()  # this window's entry holds the map before the old one goes
    saver.flush()
    if not saver.store.map_path.is_file():
        return True  # could not copy it: keep the old entry too
    RecoveryStore.delete(entry)
    window.statusBar().showMessage(
        translate("Recovery", "Recovered the map saved automatically before srmtool stopped"),
        8000,
    )
    return True
