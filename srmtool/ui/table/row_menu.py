"""The table's menus: the right-click menu on a cell or on a row's number (what applies to the cells
and rows under the mouse), and the Edit menu, which shows the table's Cut, Copy, Paste … while the
table has the keyboard focus. A right-click outside the selection selects the cell (or row) under
it first, as spreadsheets do; inside the selection it keeps the selection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QObject, QPoint, Qt, Slot
from PySide6.QtWidgets import QApplication, QMenu

from srmtool.ui import actions

if TYPE_CHECKING:
    from srmtool.ui.table.panel import TableFeature

#: The right-click menu's entries, in order; ``""`` is a separator. Names of the window's and the
#: table's actions.
ENTRIES = (
    "edit_cell", "", "cut_cells", "copy_cells", "paste_cells", "clear_cells", "",
    "add_row_above", "add_row_below", "remove_row", "row_up", "row_down", "", "show_on_map",
)  # fmt: skip


class TableMenus(QObject):
    """The right-click menu and the Edit menu's switch for one table ``feature``."""

    def __init__(self, feature: TableFeature) -> None:
        super().__init__(feature)
        self._feature = feature
        view = feature.view
        for widget in (view, view.verticalHeader()):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda at: self.context_menu(at, whole_row=False))
        view.verticalHeader().customContextMenuRequested.connect(
            lambda at: self.context_menu(at, whole_row=True)
        )
        feature.window.menus["edit"].aboutToShow.connect(self._edit_menu_follows_focus)

    def row_menu(self) -> QMenu:
        """A menu of the table's actions (enabled for what is selected now)."""
        menu = QMenu(self._feature.view)
        menu.setObjectName("table_row_menu")
        named = self._feature.window.named_actions
        for name in ENTRIES:
            if name:
                menu.addAction(named[name])
            else:
                menu.addSeparator()
        return menu

    def context_menu(self, at: QPoint, whole_row: bool) -> None:
        """The right-click menu at ``at`` in the view's viewport (``whole_row``: in the row numbers)."""
        view = self._feature.view
        if not self._select_under(at, whole_row):
            return
        view.setFocus(Qt.FocusReason.PopupFocusReason)
        self._feature.update_actions()
        widget = view.verticalHeader() if whole_row else view.viewport()
        menu = self.row_menu()
        self.open_menu(menu, widget.mapToGlobal(at))
        menu.deleteLater()

    def open_menu(self, menu: QMenu, at: QPoint) -> None:
        """Show ``menu`` at ``at`` (screen coordinates) until it closes (tests replace this)."""
        menu.exec(at)

    def _select_under(self, at: QPoint, whole_row: bool) -> bool:
        """Select the cell (``whole_row``: the row) at ``at`` unless it is selected already. False
        when there is no row there."""
        view = self._feature.view
        selection = view.selectionModel()
        if whole_row:
            row = view.rowAt(at.y())
            if row >= 0 and not selection.isRowSelected(row):
                self._feature.select_rows([row])
            return row >= 0
        index = view.indexAt(at)
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag
        selection.setCurrentIndex(
            index, flags.NoUpdate if selection.isSelected(index) else flags.ClearAndSelect
        )
        return True

    def table_has_focus(self) -> bool:
        """The table (or a cell editor in it) has the keyboard focus."""
        view = self._feature.view
        focus = QApplication.focusWidget()
        return focus is not None and (focus is view or view.isAncestorOf(focus))

    @Slot()
    def _edit_menu_follows_focus(self) -> None:
        """The Edit menu shows the table's Cut, Copy, Paste … while the table has the focus, the
        map's otherwise (each set's keys work only where it belongs)."""
        menu = self._feature.window.menus["edit"]
        named = self._feature.window.named_actions
        ours = self.table_has_focus()
        for map_name, table_name in actions.TABLE_EDIT_ACTIONS.items():
            shown, hidden = (
                (named[table_name], named[map_name]) if ours else (named[map_name], named[table_name])
            )
            if hidden in menu.actions():
                menu.insertAction(hidden, shown)
                menu.removeAction(hidden)
