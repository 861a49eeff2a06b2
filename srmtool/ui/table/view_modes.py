"""View → Map Only and View → Table Only: the map alone, or the table alone across the whole window.

Each is a toggle: on, it keeps the window's layout as it was (which panels show, their sizes) and
shows only the map or only the table; the same toggle (or its key) puts that layout back exactly.
Choosing the other one goes straight over. Closing the table's panel while it is alone, or starting
presentation mode, gives the layout back first. The window always saves the layout from before a
toggle, so the next start opens with the map, the table and the panels as the user had them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QByteArray, QObject, Qt, Slot
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow

Mode = Literal["both", "map", "table"]


class ViewModes(QObject):
    """Map Only / Table Only of one window, whose table panel is ``table_dock``."""

    def __init__(self, window: MainWindow, table_dock: QDockWidget) -> None:
        super().__init__(window)
        self._window = window
        self._dock = table_dock
        self._mode: Mode = "both"
        self._saved: QByteArray | None = None
        self._busy = False
        a = window.named_actions
        for name, mode in (("map_only", "map"), ("table_only", "table")):
            a[name].setCheckable(True)
            a[name].triggered.connect(lambda on, mode=mode: self.set_mode(mode if on else "both"))
        # Connected before presentation mode connects its own: the layout is back when it saves it.
        a["presentation"].triggered.connect(lambda _on: self.set_mode("both"))
        table_dock.toggleViewAction().toggled.connect(self._on_table_shown)

    @property
    def mode(self) -> Mode:
        return self._mode

    def set_mode(self, mode: Mode) -> None:
        """Show the map alone (``map``), the table alone (``table``), or the layout from before."""
        if mode == self._mode or self._busy:
            self._check()
            return
        w = self._window
        self._busy = True
        try:
            if self._mode != "both":
                self._give_back()
            if mode != "both":
                self._saved = w.saveState()
                for dock in w.docks.values():
                    if dock is not self._dock or mode == "map":
                        dock.hide()
                if mode == "table":
                    w.view.hide()
                    self._dock.show()
                    self._dock.raise_()
                    w.table.view.setFocus(Qt.FocusReason.OtherFocusReason)
                else:
                    w.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self._mode = mode
        finally:
            self._busy = False
        self._check()

    def _give_back(self) -> None:
        w = self._window
        w.view.show()
        if self._saved is not None:
            w.restoreState(self._saved)
        self._saved = None
        self._mode = "both"

    def _check(self) -> None:
        a = self._window.named_actions
        a["map_only"].setChecked(self._mode == "map")
        a["table_only"].setChecked(self._mode == "table")

    @Slot(bool)
    def _on_table_shown(self, shown: bool) -> None:
        """The table's panel closed while it was alone: the map and the panels come back."""
        if not shown and self._mode == "table" and not self._busy:
            self.set_mode("both")
