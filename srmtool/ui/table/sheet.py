"""The table's spreadsheet verbs on the selected cells: copy, cut, paste, clear, select all, edit.

They are the table view's own actions (scope ``table_focus`` in the action table): live while the
table has the keyboard focus, so Ctrl+C there copies cells, not objectives. Each turns the selected
cells into a plan of the model (``srmtool.model.edits.cells``) and one Document edit, and says in
the status bar what it did, or why it did nothing. The clipboard holds tab-separated text
(``srmtool.model.tsv``), which Excel, LibreOffice Calc and LINE read as a table.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QItemSelectionRange, QObject, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication

from srmtool.model.edits import CellsPaste, clear_cells_operations, copy_cells, paste_cells
from srmtool.model.tsv import format_cells, parse_cells
from srmtool.model.types import OBJECTIVE_COLUMN
from srmtool.ui.table.model import RowTableModel
from srmtool.ui.table.view import TableView

Cell = tuple[str, str]  # (row id, column key)


def selected_ranges(view: TableView) -> list[QItemSelectionRange]:
    """The view's selection as rectangles (``selectedIndexes`` would ask the model's flags of every
    selected cell: 0.7 s for all of 1,000 rows)."""
    selection = view.selectionModel().selection()
    return [selection.at(i) for i in range(selection.count())]


class CellVerbs(QObject):
    """The cell verbs of one table view; ``say`` shows a line in the window's status bar."""

    def __init__(self, view: TableView, say: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self._say = say

    @property
    def model(self) -> RowTableModel:
        return self.view.table_model()

    def connect_actions(self, actions: dict[str, QAction]) -> None:
        for name, slot in (
            ("edit_cell", self.edit_current),
            ("cut_cells", self.cut),
            ("copy_cells", self.copy),
            ("paste_cells", self.paste),
            ("clear_cells", self.clear),
            ("select_all_cells", self.view.selectAll),
        ):
            actions[name].triggered.connect(slot)

    # -- what is selected ------------------------------------------------------------------------

    def selected_positions(self) -> list[tuple[int, int]]:
        """The selected cells as (Qt row, Qt column), in table order."""
        found: set[tuple[int, int]] = set()
        for part in selected_ranges(self.view):
            columns = range(part.left(), part.right() + 1)
            for row in range(part.top(), part.bottom() + 1):
                found.update((row, column) for column in columns)
        return sorted(found)

    def selected_cells(self) -> list[Cell]:
        """The selected cells as (row id, column key), in table order."""
        model = self.model
        rows, keys = model.row_ids(), [model.column_key(c) for c in range(model.columnCount())]
        return [(rows[r], keys[c]) for r, c in self.selected_positions() if r < len(rows) and c < len(keys)]

    def anchor(self) -> Cell | None:
        """Where a paste starts: the top-left selected cell, else the current cell."""
        model = self.model
        positions = self.selected_positions()
        if positions:
            row, column = positions[0]
            return model.row_id(row), model.column_key(column)
        current = self.view.currentIndex()
        if current.isValid():
            return model.row_id(current.row()), model.column_key(current.column())
        return None

    def select_cells(self, row_ids: tuple[str, ...], keys: tuple[str, ...], current: Cell) -> None:
        """Select these rows × columns, ``current`` the current cell, and show it."""
        model = self.model
        columns = sorted(model.column_of(k) for k in keys if model.column_of(k) >= 0)
        selection = QItemSelection()
        for row in sorted(r for r in map(model.row_of, row_ids) if r >= 0):
            if columns:
                selection.select(model.index(row, columns[0]), model.index(row, columns[-1]))
        flags = QItemSelectionModel.SelectionFlag
        selection_model = self.view.selectionModel()
        index = model.index(model.row_of(current[0]), model.column_of(current[1]))
        selection_model.setCurrentIndex(index, flags.NoUpdate)
        selection_model.select(selection, flags.ClearAndSelect)
        self.view.scrollTo(index)

    # -- verbs ------------------------------------------------------------------------------------

    @Slot()
    def edit_current(self) -> bool:
        """Open the current cell's editor (F2)."""
        index = self.view.currentIndex()
        if not index.isValid():
            return False
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.edit(index)
        return self.view.state() == self.view.State.EditingState

    @Slot()
    def copy(self) -> bool:
        """The selected cells as tab-separated text, quoted where Excel expects it."""
        cells = self.selected_cells()
        if not cells:
            self._say(self.tr("Select the cells to copy"))
            return False
        grid = copy_cells(self.model.document.route_map, cells)
        QGuiApplication.clipboard().setText(format_cells(grid))
        self._say(self.tr("Copied {rows} × {columns} cells").format(rows=len(grid), columns=len(grid[0])))
        return True

    @Slot()
    def cut(self) -> bool:
        return self.copy() and self._clear(cut=True)

    @Slot()
    def clear(self) -> bool:
        """Empty the selected cells as one undo step (the objective column is the map's)."""
        return self._clear(cut=False)

    def _clear(self, cut: bool) -> bool:
        cells = self.selected_cells()
        operations = clear_cells_operations(self.model.document.route_map, cells)
        if not operations:
            if cells and all(key == OBJECTIVE_COLUMN for _, key in cells):
                self._say(
                    self.tr("The objective column shows the map's objective: edit it with F2 or on the map")
                )
            elif cells:
                self._say(self.tr("The selected cells are empty already"))
            else:
                self._say(self.tr("Select the cells to clear"))
            return False
        self.model.document.edit(operations, self.tr("Cut cells") if cut else self.tr("Clear cells"))
        return True

    @Slot()
    def paste(self) -> CellsPaste | None:
        """The clipboard's text into the cells from the selected one on, as one undo step."""
        anchor = self.anchor()
        if anchor is None and self.model.rowCount() == 0:
            self._say(
                self.tr("The table has no rows yet: select an objective and add its row (Table → Add Row)")
            )
            return None
        if anchor is None:
            self._say(self.tr("Select the cell to paste into"))
            return None
        grid = parse_cells(QGuiApplication.clipboard().text())
        if not grid:
            self._say(self.tr("The clipboard holds no text to paste into the table"))
            return None
        return self.paste_grid(grid, anchor)

    def paste_grid(self, grid: list[list[str]], anchor: Cell) -> CellsPaste:
        document = self.model.document
        paste = paste_cells(document.route_map, grid, anchor, self.selected_cells())
        if paste.operations:
            document.edit(list(paste.operations), self.tr("Paste cells"))
            self.select_cells(paste.rows, paste.keys, anchor)
        self._say(self._paste_message(paste))
        return paste

    def _paste_message(self, paste: CellsPaste) -> str:
        if not paste.operations:
            return self.tr("The pasted text is what these cells hold already")
        parts = [
            self.tr("Pasted {rows} × {columns} cells").format(rows=len(paste.rows), columns=len(paste.keys))
        ]
        if paste.new_rows and paste.objective is not None:
            objective = self.model.document.route_map.objective(paste.objective)
            code = (
                objective.code
                if objective is not None and objective.code
                else self.model.objective_label(paste.objective)
            )
            parts.append(
                self.tr("new rows for {objective}: {count}").format(objective=code, count=paste.new_rows)
            )
        if paste.left_out_columns:
            parts.append(
                self.tr("columns past the last one left out: {count}").format(count=paste.left_out_columns)
            )
        if paste.left_out_rows:
            parts.append(
                self.tr("rows past the table's limit left out: {count}").format(count=paste.left_out_rows)
            )
        return " · ".join(parts)
