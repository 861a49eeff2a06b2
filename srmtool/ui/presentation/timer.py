"""A countdown for group work, shown large over the map (in and out of presentation mode).

``CountdownOverlay`` sits in a corner of the map view: minutes and seconds in digits a room can
read, a click on them (or Space on the map) pauses and resumes, the last minute is red, and at zero
it flashes until closed. Time comes from ``clock`` (seconds, monotonic), so a test can drive it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QInputDialog, QLabel, QToolButton, QWidget
from typing_extensions import override

from srmtool.ui.follow_language import follow_language

TICK_MS = 250  # four ticks a second: the seconds change on time and the flashing is steady
RED_FROM = 60.0  # seconds left from which the digits are red
DEFAULT_MINUTES = 5
MAX_MINUTES = 180
CORNER_MARGIN = 16  # pixels from the view's top-right corner
DIGITS_MIN_PX = 28
DIGITS_MAX_PX = 96

_STYLE = "QFrame#countdown {{ background: {bg}; border-radius: 14px; }} QLabel {{ color: {fg}; }}"
_NORMAL = {"bg": "rgba(20, 40, 60, 215)", "fg": "white"}
_LAST_MINUTE = {"bg": "rgba(20, 40, 60, 215)", "fg": "#ff5a4f"}
_FLASH = {"bg": "rgba(198, 40, 40, 235)", "fg": "white"}
_PAUSED = {"bg": "rgba(90, 90, 90, 215)", "fg": "#dddddd"}


def ask_minutes(parent: QWidget) -> int | None:
    """How long the countdown runs, asked in a small dialog; None when cancelled (tests patch this)."""
    dialog = minutes_dialog(parent)
    return dialog.intValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None


def minutes_dialog(parent: QWidget) -> QInputDialog:
    """The question of ``ask_minutes``, wide enough for its title in the window manager's title bar
    (which adds the program's name: a bare input dialog showed "Count… mtool")."""
    dialog = QInputDialog(parent)
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setWindowTitle(QCoreApplication.translate("Countdown", "Countdown Timer"))
    dialog.setLabelText(QCoreApplication.translate("Countdown", "Minutes for group work:"))
    dialog.setIntRange(1, MAX_MINUTES)
    dialog.setIntValue(DEFAULT_MINUTES)
    title = f"{dialog.windowTitle()} — srmtool"
    dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance(title) + 160)  # room for the buttons
    return dialog


def mm_ss(seconds: float) -> str:
    """Seconds left as ``mm:ss``, counting a started second as whole (4:59.2 shows 5:00)."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class CountdownOverlay(QFrame):
    """The countdown over the top-right corner of ``parent`` (the map view)."""

    #: the countdown reached zero
    finished = Signal()
    #: the user closed the countdown (its close button)
    closed = Signal()

    def __init__(self, parent: QWidget, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self._clock = clock
        self._total = 0.0
        self._left = 0.0  # while paused, or at the last tick
        self._deadline: float | None = None  # running when set
        self._flash_on = False
        self._done = False
        self._digits = QLabel(self)
        font = QFont(self._digits.font())
        font.setPixelSize(64)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self._digits.setFont(font)
        self._digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._digits.setCursor(Qt.CursorShape.PointingHandCursor)
        self._digits.installEventFilter(self)
        self._close = QToolButton(self)
        self._close.setText("\u00d7")
        self._close.setAutoRaise(True)
        self._close.setStyleSheet("QToolButton { color: white; font-size: 22px; border: none; }")
        self._close.clicked.connect(self._on_close)
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 4, 6, 4)
        row.addWidget(self._digits)
        row.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        parent.installEventFilter(self)
        self.hide()
        follow_language(self)

    # -- public ---------------------------------------------------------------------------------
    def start(self, seconds: float) -> None:
        """Count down from ``seconds``, shown at once."""
        self._total = self._left = float(seconds)
        self._deadline = self._clock() + self._left
        self._done = False
        self._ticker.start()
        self.show()
        self.raise_()
        self.tick()

    def stop(self) -> None:
        self._ticker.stop()
        self._deadline = None
        self.hide()

    @property
    def running(self) -> bool:
        """Counting down now (not paused, not finished, not stopped)."""
        return self._deadline is not None and not self._done

    @property
    def active(self) -> bool:
        """Shown: running, paused or finished and flashing."""
        parent = self.parentWidget()
        return parent is not None and self.isVisibleTo(parent)

    @property
    def paused(self) -> bool:
        return self.active and self._deadline is None and not self._done

    @property
    def seconds_left(self) -> float:
        return self._left

    @property
    def text(self) -> str:
        return self._digits.text()

    @property
    def done(self) -> bool:
        return self._done

    def toggle_pause(self) -> None:
        if not self.active or self._done:
            return
        if self._deadline is None:
            self._deadline = self._clock() + self._left
        else:
            self._left = max(0.0, self._deadline - self._clock())
            self._deadline = None
        self.tick()

    @Slot()
    def tick(self) -> None:
        """Bring the digits and colours up to the clock (the timer calls this four times a second)."""
        if self._deadline is not None and not self._done:
            self._left = max(0.0, self._deadline - self._clock())
            if self._left <= 0.0:
                self._done = True
                self.finished.emit()
        if self._done:
            self._flash_on = not self._flash_on
            look = _FLASH if self._flash_on else _LAST_MINUTE
        elif self._deadline is None:
            look = _PAUSED
        else:
            look = _LAST_MINUTE if self._left <= RED_FROM else _NORMAL
        self.setStyleSheet(_STYLE.format(**look))
        self._digits.setText(mm_ss(self._left))
        self.retranslate()
        self._place()

    def retranslate(self) -> None:
        if self._done:
            tip = self.tr("Time is up")
        elif self._deadline is None:
            tip = self.tr("Paused: click or press Space to go on")
        else:
            tip = self.tr("Click or press Space to pause")
        self._digits.setToolTip(tip)
        self._close.setToolTip(self.tr("Stop the countdown (Ctrl+T)"))

    # -- Qt -------------------------------------------------------------------------------------

    @override
    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self._digits and event.type() == QEvent.Type.MouseButtonPress:
            if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
                self.toggle_pause()
                return True
        elif watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        pixels = max(DIGITS_MIN_PX, min(DIGITS_MAX_PX, parent.height() // 11))
        if self._digits.font().pixelSize() != pixels:  # large on a projector, modest in a small view
            font = QFont(self._digits.font())
            font.setPixelSize(pixels)
            self._digits.setFont(font)
        self.adjustSize()
        self.move(QPoint(parent.width() - self.width() - CORNER_MARGIN - 12, CORNER_MARGIN))

    @Slot()
    def _on_close(self) -> None:
        self.stop()
        self.closed.emit()
