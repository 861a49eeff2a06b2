"""Column widths between the table view and the map: the map's ``width`` of each column (Excel
character widths, its print width) sets the view's pixels (``PIXELS_PER_CHAR`` times the table's
zoom), and a column edge dragged in the view
goes back into the map as one undo step when the mouse is released (whole characters, within
Excel's 1–255, through ``srmtool.model.edits.column_width_operations``). The Columns dialog, the
exports and the saved file then all have the width the user dragged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from typing_extensions import override

from srmtool.model.edits import column_width_operations
from srmtool.ui.table.model import RowTableModel

if TYPE_CHECKING:
    from srmtool.ui.table.view import TableView

#: Pixels per unit of a column's ``width`` (Excel character widths).
PIXELS_PER_CHAR = 7.5


class ColumnWidths(QObject):
    """Keeps ``view``'s column widths and the map's in step (see the module)."""

    def __init__(self, view: TableView, model: RowTableModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        model.columns_adjusted.connect(self._on_columns_adjusted)
        view.horizontalHeader().viewport().installEventFilter(self)

    def map_width(self, column: int) -> int:
        """The pixel width of ``column`` as the map gives it."""
        found = self._model.document.route_map.column(self._model.column_key(column))
        return round((found.width if found is not None else 20) * PIXELS_PER_CHAR * self._view.zoom)

    def apply(self) -> bool:
        """Columns as wide as the map says; True when one changed."""
        view = self._view
        header = view.horizontalHeader()
        header.blockSignals(True)
        changed = False
        for c in range(self._model.columnCount()):
            width = self.map_width(c)
            if view.columnWidth(c) != width:
                view.setColumnWidth(c, width)
                changed = True
        header.blockSignals(False)
        return changed

    @Slot()
    def _on_columns_adjusted(self) -> None:
        """Labels or widths changed in the map (a drag, its undo, the Columns dialog)."""
        view = self._view
        view.fit_header()
        if self.apply():
            view.relayout_timer.stop()
            view.relayout_all()
        view.viewport().update()

    @Slot()
    def commit(self) -> bool:
        """Widths dragged in the view go into the map as one undo step (the column may then settle
        a few pixels off the drag); True when something changed."""
        view, model = self._view, self._model
        widths = {
            model.column_key(c): view.columnWidth(c) / (PIXELS_PER_CHAR * view.zoom)
            for c in range(model.columnCount())
            if view.columnWidth(c) != self.map_width(c)
        }
        route_map = model.document.route_map
        operations = column_width_operations(route_map, widths)
        if not operations:
            self.apply()
            return False
        if len(widths) == 1:
            column = route_map.column(next(iter(widths)))
            text = self.tr("Resize column “{column}”").format(
                column=column.label if column is not None else ""
            )
        else:
            text = self.tr("Resize %n columns", "", len(widths))
        model.document.edit(operations, text)
        return True

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            QTimer.singleShot(0, self, self.commit)  # after the header has finished the drag
        return False
