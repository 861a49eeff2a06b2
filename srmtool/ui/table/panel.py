"""The table panel (a small toolbar over the view) and what ties it to the window: the Table menu's
actions, the table's own keys (``sheet.CellVerbs``), its right-click menu, Map Only / Table Only,
selection kept in step with the map, the Columns dialog and the column templates.

Selection: cells are selected as in a spreadsheet; the rows that hold selected cells are written to
the window's ``Selection`` (which selects their objectives on the map); when the selection changes
elsewhere (objectives picked on the map, a new row) the view selects those rows whole and scrolls
to them. A view already showing those rows does nothing, and writing the rows it shows changes
nothing, so the two never echo.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QDialog, QInputDialog, QToolBar, QVBoxLayout, QWidget

from srmtool.model.edits import column_operations, forget_reports, new_row, remove_rows_operations, row_beside
from srmtool.model.operations import OperationError
from srmtool.model.plan import table_style
from srmtool.model.templates import (
    Template,
    TemplateError,
    builtin_templates,
    save_user_template,
    user_templates,
)
from srmtool.model.types import OBJECTIVE_COLUMN, Column
from srmtool.ui import actions
from srmtool.ui.files import fresh_map
from srmtool.ui.follow_language import follow_language
from srmtool.ui.selection import Selected
from srmtool.ui.table.columns import ColumnsDialog
from srmtool.ui.table.model import RowTableModel
from srmtool.ui.table.row_menu import TableMenus
from srmtool.ui.table.sheet import CellVerbs, selected_ranges
from srmtool.ui.table.template_dialog import TemplateDialog
from srmtool.ui.table.view import TableView
from srmtool.ui.table.view_modes import ViewModes

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow

#: The table's zoom (Ctrl+wheel), kept in the window's settings.
ZOOM_KEY = "table/zoom"
PANEL_ACTIONS = ("add_row", "remove_row", "row_up", "row_down", "", "edit_columns")


class TablePanel(QWidget):
    """The table view under a toolbar of the Table menu's main actions."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowTableModel(window.document, self)
        self.view = TableView(self.model, self)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in PANEL_ACTIONS:
            if name:
                self.toolbar.addAction(window.named_actions[name])
            else:
                self.toolbar.addSeparator()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        follow_language(self)

    def retranslate(self) -> None:
        self.toolbar.setWindowTitle(self.tr("Table"))


class TableFeature(QObject):
    """The table's behaviour in one window. ``template_folder`` (None: the user's data folder or
    ``$SRMTOOL_TEMPLATE_DIR``) is where "Save Columns as Template" writes."""

    def __init__(self, window: MainWindow, panel: TablePanel) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel
        self.template_folder: Path | None = None
        self.selection = window.selection
        view = panel.view
        self.key_actions = actions.create_actions(view, actions.names_held_by("table_focus"))
        for action in self.key_actions.values():
            view.addAction(action)
        window.named_actions.update(self.key_actions)
        self.cells = CellVerbs(view, self._status, self)
        self.cells.connect_actions(self.key_actions)
        self.modes = ViewModes(window, window.docks["table"])
        a = window.named_actions
        a["add_row"].triggered.connect(self.add_row)
        a["add_row_above"].triggered.connect(lambda: self.add_row_beside(below=False))
        a["add_row_below"].triggered.connect(lambda: self.add_row_beside(below=True))
        a["show_on_map"].triggered.connect(self.show_on_map)
        a["remove_row"].triggered.connect(self.remove_rows)
        a["row_up"].triggered.connect(lambda: self.move_rows(-1))
        a["row_down"].triggered.connect(lambda: self.move_rows(1))
        a["edit_columns"].triggered.connect(self.edit_columns)
        a["save_template"].triggered.connect(self.save_template)
        a["new_from_template"].triggered.connect(self.new_from_template)
        view.selectionModel().selectionChanged.connect(self._report_selection)
        view.selectionModel().currentChanged.connect(self.update_actions)
        panel.model.modelReset.connect(self.update_actions)
        panel.model.layoutChanged.connect(self.update_actions)
        panel.model.rowsInserted.connect(self.update_actions)
        panel.model.rowsRemoved.connect(self.update_actions)
        self.selection.changed.connect(self._follow_selection)
        self.menus = TableMenus(self)
        zoom = window.settings.value(ZOOM_KEY)
        if isinstance(zoom, str | float | int):
            with contextlib.suppress(ValueError):
                view.set_zoom(float(zoom))
        view.zoom_changed.connect(lambda factor: window.settings.setValue(ZOOM_KEY, factor))
        self.update_actions()

    @property
    def view(self) -> TableView:
        return self.panel.view

    @property
    def model(self) -> RowTableModel:
        return self.panel.model

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    # -- selection both ways -----------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """The Qt rows that hold a selected cell (from the selection's ranges, which is fast)."""
        rows: set[int] = set()
        for part in selected_ranges(self.view):
            rows.update(range(part.top(), part.bottom() + 1))
        return sorted(rows)

    def whole_rows_selected(self) -> bool:
        """Every selected cell is part of a selected whole row (picked by the row numbers)."""
        last = self.model.columnCount() - 1
        parts = selected_ranges(self.view)
        return bool(parts) and all(p.left() == 0 and p.right() == last for p in parts)

    @Slot()
    def _report_selection(self) -> None:
        """The user (or Qt) selected rows in the view: they are the selection now. Rows picked
        by their numbers can be dragged to another place; a drag inside selected cells selects."""
        self.view.setDragEnabled(self.whole_rows_selected())
        self.update_actions()
        self.selection.select_rows(self.model.row_id(r) for r in self.selected_rows())

    @Slot(object)
    def _follow_selection(self, ids: Selected) -> None:
        """Show the selection's rows (their objectives were picked elsewhere)."""
        rows = sorted(r for r in map(self.model.row_of, ids.rows) if r >= 0)
        if rows != self.selected_rows():
            self._show_rows(rows)

    def select_rows(self, rows: list[int]) -> None:
        """Select these Qt rows (and so their objectives on the map) and scroll to the first."""
        self.selection.select_rows(self.model.row_id(r) for r in rows)
        if sorted(rows) != self.selected_rows():  # the selection had them already
            self._show_rows(sorted(rows))

    def _show_rows(self, rows: list[int]) -> None:
        """Select these Qt rows in the view and scroll to them: the whole group when it fits."""
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        model = self.view.selectionModel()
        model.select(selection, flags.ClearAndSelect)
        if rows:
            model.setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)
            self.view.scrollTo(self.model.index(rows[-1], 0))
            self.view.scrollTo(self.model.index(rows[0], 0))
        self.update_actions()

    @Slot()
    def update_actions(self) -> None:
        rows = self.selected_rows()
        a = self.window.named_actions
        count = self.model.rowCount()
        a["remove_row"].setEnabled(bool(rows))
        a["row_up"].setEnabled(bool(rows) and rows[0] > 0)
        a["row_down"].setEnabled(bool(rows) and rows[-1] < count - 1)
        row = self.current_row()
        for name in ("add_row_above", "add_row_below", "show_on_map"):
            a[name].setEnabled(row >= 0)
        if len(rows) > 1:
            a["remove_row"].setText(self.tr("&Remove %n Rows", "", len(rows)))
        else:
            a["remove_row"].setText(actions.translate(actions.ACTIONS["remove_row"].text))

    def current_row(self) -> int:
        """The Qt row of the current cell, or -1."""
        current = self.view.currentIndex()
        return current.row() if current.isValid() else -1

    # -- rows ------------------------------------------------------------------------------------

    def target_objective(self) -> str | None:
        """The objective a new row is for: the current table row's, else the first selected on the map."""
        current = self.view.currentIndex()
        if current.isValid() and current.row() in self.selected_rows():
            return self.model.row_objective(current.row())
        ids = self.selection.objectives  # in map order, all on the map
        return ids[0] if ids else None

    @Slot()
    def add_row(self) -> str | None:
        """A new row for the target objective, placed with that objective's rows; the new row's id."""
        objective_id = self.target_objective()
        if objective_id is None:
            self._status(self.tr("Select an objective on the map or in the table to add its row"))
            return None
        operation, row_id = new_row(self.window.document.route_map, objective_id)
        self.window.document.edit(operation, self.tr("Add row"))
        at = self.model.row_of(row_id)
        self.select_rows([at])
        keys = [self.model.column_key(c) for c in range(self.model.columnCount())]
        column = next((c for c, key in enumerate(keys) if key != OBJECTIVE_COLUMN), 0)
        index = self.model.index(at, column)
        self.view.setCurrentIndex(index)
        if self.view.isVisible():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.view.edit(index)
        return row_id

    def add_row_beside(self, below: bool) -> str | None:
        """An empty row for the current row's objective just above or below it; its id."""
        row = self.current_row()
        if row < 0:
            self._status(self.tr("Click a row of the table first"))
            return None
        planned = row_beside(self.window.document.route_map, self.model.row_id(row), below)
        if planned is None:
            return None
        operation, row_id = planned
        self.window.document.edit(operation, self.tr("Add row"))
        key = self.model.column_key(max(0, self.view.currentIndex().column()))
        if key == OBJECTIVE_COLUMN and self.model.columnCount() > 1:
            key = self.model.column_key(1)
        self.cells.select_cells((row_id,), (key,), (row_id, key))
        return row_id

    @Slot()
    def show_on_map(self) -> bool:
        """Select the current row's objective on the map, show the map if it was hidden, and
        bring the box into view."""
        row = self.current_row()
        if row < 0:
            return False
        objective_id = self.model.row_objective(row)
        if self.window.document.route_map.objective(objective_id) is None:
            self._status(self.tr("This row's objective is not on the map"))
            return False
        if self.modes.mode == "table":
            self.modes.set_mode("both")
        self.window.selection.select([objective_id])
        # Once the layout has settled (the table may have just shrunk from filling the window):
        QTimer.singleShot(0, self, lambda: self.view.scrollTo(self.view.currentIndex()))
        box = self.window.scene.box(objective_id)
        if box is not None:
            self.window.view.ensureVisible(box.sceneBoundingRect(), 20, 20)
        self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    @Slot()
    def remove_rows(self) -> int:
        """Remove the selected rows as one step; how many went."""
        rows = self.selected_rows()
        if not rows:
            return 0
        ids = [self.model.row_id(r) for r in rows]
        operations = forget_reports(self.window.document.route_map, ids) + remove_rows_operations(ids)
        text = self.tr("Remove row") if len(rows) == 1 else self.tr("Remove %n rows", "", len(rows))
        self.window.document.edit(operations, text)
        return len(rows)

    def move_rows(self, step: int) -> bool:
        """Move the selected rows one place up (-1) or down (+1) as one step."""
        rows = self.selected_rows()
        if not rows:
            return False
        before = rows[0] - 1 if step < 0 else rows[-1] + 2
        if before < 0 or (step > 0 and rows[-1] >= self.model.rowCount() - 1):
            return False
        return self.model.move_rows([self.model.row_id(r) for r in rows], before)

    # -- columns and templates ----------------------------------------------------------------------

    def columns_dialog(self) -> ColumnsDialog:
        return ColumnsDialog(self.window.document.route_map, self.save_columns_as_template, self.window)

    @Slot()
    def edit_columns(self) -> bool:
        """The Columns dialog; OK applies its changes as one undo step."""
        dialog = self.columns_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.apply_columns(dialog.columns())

    def apply_columns(self, columns: list[Column]) -> bool:
        operations = column_operations(self.window.document.route_map, columns)
        if not operations:
            return False
        try:
            self.window.document.edit(operations, self.tr("Change columns"))
        except OperationError:
            self._status(self.tr("These columns cannot be used"))
            return False
        return True

    def ask_template_name(self) -> str | None:
        """The name for a new template, or None (tests replace this)."""
        title = self.window.document.route_map.meta.title.strip()
        name, ok = QInputDialog.getText(
            self.window, self.tr("Save Columns as Template"), self.tr("Template name:"), text=title
        )
        return name if ok and name.strip() else None

    @Slot()
    def save_template(self) -> Path | None:
        return self.save_columns_as_template(list(self.window.document.route_map.table.columns))

    def save_columns_as_template(self, columns: list[Column]) -> Path | None:
        """Keep ``columns`` with the map's table style (grouping, column groups, map page)."""
        name = self.ask_template_name()
        if name is None:
            return None
        style = table_style(self.window.document.route_map)
        try:
            path = save_user_template(name, columns, self.template_folder, style)
        except (TemplateError, OSError) as exc:
            self.window.files.show_error(
                self.tr("Cannot save the template"),
                self.tr("The template was not saved: {reason}").format(
                    reason=getattr(exc, "strerror", None) or str(exc)
                ),
            )
            return None
        self._status(self.tr("Saved the template “{name}”").format(name=" ".join(name.split())))
        return path

    def ask_template(self) -> Template | None:
        """The template a new map starts from, or None (tests replace this)."""
        own = user_templates(self.template_folder)
        dialog = TemplateDialog(builtin_templates(), own, self.window.lang, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()

    @Slot()
    def new_from_template(self) -> bool:
        """A fresh map whose table has a chosen template's columns (after the unsaved-changes question)."""
        if not self.window.files.may_discard():
            return False
        template = self.ask_template()
        if template is None:
            return False
        route_map = fresh_map()
        route_map.table = template.fresh_table()
        self.window.document.replace(route_map, None)
        return True
