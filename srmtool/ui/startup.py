"""The order of a window's first moments: paint the map, then its Thai text, then check it.

Importing networkx and checking a map, and loading the Thai word segmenter, each take longer than a
bare window takes to appear. So a shown window paints its map first (boxes without their text),
then loads the segmenter and paints the text, and only then lets the document run the checks
(``Document.hold_findings``). A window that is not shown (tests, pictures) checks at once, and a
window that never paints (minimised) checks after ``FALLBACK_MS``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from srmtool.ui.canvas import text
from srmtool.ui.document import Document

#: Checks run after this long even when the window has not painted (hidden behind another one).
FALLBACK_MS = 3000


class StartupSequence(QObject):
    """Watches ``viewport``'s paints: after the first, loads the segmenter; after the next (the one
    with the text), releases the document's findings. Removes itself when done."""

    finished = Signal()  # the first frames are painted and the checks may run

    def __init__(self, document: Document, viewport: QWidget, window: QWidget) -> None:
        super().__init__(window)
        self._document = document
        self._viewport = viewport
        self._window = window
        self._stage = 0  # 0: waiting for the first paint, 1: loading text, 2: waiting for it, 3: done
        document.hold_findings()
        text.notifier().defer()
        viewport.installEventFilter(self)
        QTimer.singleShot(0, self, self._unless_shown)
        QTimer.singleShot(FALLBACK_MS, self, self._finish)

    @property
    def done(self) -> bool:
        return self._stage == 3

    def when_done(self, work: Callable[[], object]) -> None:
        """Run ``work`` once the sequence has finished (on the next event-loop turn if it has)."""
        if self.done:
            QTimer.singleShot(0, self, work)
        else:
            self.finished.connect(work, Qt.ConnectionType.SingleShotConnection)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Paint:
            if self._stage == 0:
                self._stage = 1
                QTimer.singleShot(0, self, self._load_text)  # after this paint has finished
            elif self._stage == 2:
                QTimer.singleShot(0, self, self._finish)  # after the paint with the text
        return False

    @Slot()
    def _unless_shown(self) -> None:
        if not self._window.isVisible():
            self._finish()

    @Slot()
    def _load_text(self) -> None:
        if self._stage != 1:
            return
        text.notifier().load_now()  # the views fill their text in on ``ready``
        self._stage = 2
        self._viewport.update()  # a map without Thai text still paints once more

    @Slot()
    def _finish(self) -> None:
        if self._stage == 3:
            return
        self._stage = 3
        self._viewport.removeEventFilter(self)
        text.notifier().load_now()  # a no-op when loaded already
        self._document.release_findings()
        self.finished.emit()
