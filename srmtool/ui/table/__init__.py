"""The Mini SLM table panel: a ``QAbstractTableModel`` over the document (``model``), the view with
wrapped Thai cells (``view``, ``cells``), the Columns dialog (``columns``) and templates.

``install(window)`` puts the table in a dock under the map and connects the Table menu; the dock's
widget is the ``TablePanel``; ``window.table`` (a ``TableFeature``) holds the behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from srmtool.ui.window_layout import STATE_KEY

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow

#: Share of the window's height the table dock gets when the window opens.
TABLE_SHARE = 0.32


def install(window: MainWindow) -> None:
    """Build this feature's widgets and connect its actions in window."""
    from srmtool.ui.table.panel import TableFeature, TablePanel

    panel = TablePanel(window)
    dock = window.add_dock(
        "table",
        lambda: QCoreApplication.translate("Table", "Table"),
        panel,
        Qt.DockWidgetArea.BottomDockWidgetArea,
    )
    window.table = TableFeature(window, panel)

    def share() -> None:
        window.resizeDocks([dock], [int(window.height() * TABLE_SHARE)], Qt.Orientation.Vertical)

    share()
    if not window.settings.contains(STATE_KEY):  # else the user's own split comes back
        QTimer.singleShot(0, window, share)
