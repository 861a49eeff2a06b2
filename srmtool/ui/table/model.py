"""The Mini SLM table as a Qt model over the document: one Qt row per ``table.rows`` entry (file
order), one Qt column per ``table.columns`` entry.

The model keeps a mirror of the row ids and column keys so that it can tell Qt precisely what changed
(``beginInsertRows`` …) after the document has already changed the map. ``setData`` never edits the
map itself: it asks the document for one undo step and the cell updates from the document's signal.
The objective column shows the objective's code and current text (in a column set grouped by
heading rows, the action plan's, its heading as printed: "มาตรการที่ 1 …"); editing it renames the
objective (``Document.set_objective_text``), so every row of that objective and the map box change
at once. A column under a column group (งบประมาณ over รายละเอียด | จำนวน) shows the group's label
above its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from typing_extensions import override

from srmtool.model.edits import move_rows_operations, objective_labels
from srmtool.model.limits import MAX_TEXT_CHARS, clip_text
from srmtool.model.operations import OperationError, SetCell
from srmtool.model.plan import column_group_spans, table_style
from srmtool.model.types import BUDGET_COLUMN, OBJECTIVE_COLUMN, Row
from srmtool.ui.document import Document

ROW_MIME = "application/x-srmtool-table-rows"
#: Data role holding the row's objective id (any column).
OBJECTIVE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Data role holding the row id (any column).
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
_EDITABLE_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
# The roles whose data follow a cell's text.
_CELL_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole)


class RowTableModel(QAbstractTableModel):
    """The document's table for a ``QTableView``. ``groups_changed`` fires when rows may have joined
    or left a run of one objective (the view re-spans the objective cells)."""

    groups_changed = Signal()
    #: Row ids whose text changed (their height may change).
    rows_changed = Signal(list)
    #: The columns' labels or widths changed, not their keys or order (no reset: the view resizes).
    columns_adjusted = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows: list[str] = []
        self._keys: list[str] = []
        self._labels: dict[str, str] | None = None  # objective id -> what its cell shows
        self._mirror()
        document.row_added.connect(self._on_row_added)
        document.row_removed.connect(self._on_row_removed)
        document.row_changed.connect(self._on_row_changed)
        document.row_moved.connect(self._on_row_moved)
        document.objective_changed.connect(self._on_objective_changed)
        document.columns_changed.connect(self._on_columns_changed)
        document.map_changed.connect(self._on_map_changed)
        document.reset.connect(self._on_reset)

    @property
    def document(self) -> Document:
        return self._document

    def _mirror(self) -> None:
        table = self._document.route_map.table
        self._rows = [r.id for r in table.rows]
        self._keys = [c.key for c in table.columns]

    # -- look-ups ---------------------------------------------------------------------------------

    def row_id(self, row: int) -> str:
        return self._rows[row]

    def row_ids(self) -> list[str]:
        return list(self._rows)

    def row_of(self, row_id: str) -> int:
        """The Qt row of ``row_id``, or -1."""
        try:
            return self._rows.index(row_id)
        except ValueError:
            return -1

    def column_key(self, column: int) -> str:
        return self._keys[column]

    def column_of(self, key: str) -> int:
        return self._keys.index(key) if key in self._keys else -1

    def row_objectives(self) -> list[str]:
        """The objective id of every Qt row, in order (one pass over the map's rows)."""
        owners = {r.id: r.objective for r in self._document.route_map.table.rows}
        return [owners.get(row_id, "") for row_id in self._rows]

    def row_objective(self, row: int) -> str:
        found = self._document.route_map.row(self._rows[row])
        return found.objective if found is not None else ""

    def rows_of_objectives(self, objective_ids: set[str]) -> list[int]:
        m = self._document.route_map
        out = []
        for i, row_id in enumerate(self._rows):
            found = m.row(row_id)
            if found is not None and found.objective in objective_ids:
                out.append(i)
        return out

    def objective_label(self, objective_id: str) -> str:
        """What the objective column shows for an objective, or a note that it is missing."""
        if self._labels is None:
            self._labels = objective_labels(self._document.route_map)
        found = self._labels.get(objective_id)
        if found is not None:
            return found
        objective = self._document.route_map.objective(objective_id)
        if objective is None:
            return QCoreApplication.translate("Table", "(missing objective {id})").format(id=objective_id)
        return f"{objective.code} {objective.text}".strip()

    def _renumber(self) -> None:
        """Rows came, went or moved: heading rows may be numbered anew (the objective column)."""
        self._labels = None
        column = self.column_of(OBJECTIVE_COLUMN)
        if column >= 0 and self._rows and table_style(self._document.route_map).grouping == "heading":
            roles = [int(role) for role in _CELL_ROLES]
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column), roles)

    # -- Qt model ---------------------------------------------------------------------------------

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def _row(self, index: _Index) -> Row | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._document.route_map.row(self._rows[index.row()])

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._row(index)
        if row is None:
            return None
        key = self._keys[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == OBJECTIVE_COLUMN:
                return self.objective_label(row.objective)
            return row.cells.get(key, "")
        if role == Qt.ItemDataRole.EditRole:
            if key == OBJECTIVE_COLUMN:
                objective = self._document.route_map.objective(row.objective)
                return objective.text if objective is not None else ""
            return row.cells.get(key, "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if key == BUDGET_COLUMN else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignTop
        if role == OBJECTIVE_ID_ROLE:
            return row.objective
        if role == ROW_ID_ROLE:
            return row.id
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        route_map = self._document.route_map
        column = route_map.column(self._keys[section]) if section < len(self._keys) else None
        if column is None:
            return None
        group = next(
            (label for label, first, last in column_group_spans(route_map) if first <= section <= last), ""
        )
        return f"{group}\n{column.label}" if group else column.label

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if index.row() >= len(self._rows) or self._keys[index.column()] != OBJECTIVE_COLUMN:
            return _EDITABLE_FLAGS if index.row() < len(self._rows) else _CELL_FLAGS
        row = self._row(index)  # the objective column edits the objective: it must exist
        return (
            _EDITABLE_FLAGS
            if row is not None and self._document.route_map.objective(row.objective)
            else _CELL_FLAGS
        )

    @override
    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ask the document for one undo step; the cell changes when the document says so."""
        row = self._row(index)
        if row is None or role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False
        key = self._keys[index.column()]
        if key == OBJECTIVE_COLUMN:
            self._document.set_objective_text(row.objective, value)
            return True
        value = clip_text(value, MAX_TEXT_CHARS)
        if row.cells.get(key, "") == value:
            return False
        column = self._document.route_map.column(key)
        text = QCoreApplication.translate("Table", "Edit “{column}”").format(
            column=column.label if column is not None else key
        )
        try:
            self._document.edit(SetCell(row.id, key, value), text)
        except OperationError:
            return False
        return True

    # -- drag and drop: rows move through the document, one undo step ----------------------------

    @override
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    @override
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(ROW_MIME, QByteArray("\n".join(self._rows[r] for r in rows).encode()))
        return data

    @override
    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return data.hasFormat(ROW_MIME) and action == Qt.DropAction.MoveAction

    @override
    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = [i for i in bytes(data.data(ROW_MIME).data()).decode().split("\n") if i in self._rows]
        before = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        self.move_rows(ids, before)
        return False  # the document moved the rows; the view must not remove anything

    def move_rows(self, row_ids: Sequence[str], before: int) -> bool:
        """Move rows (kept in table order) to stand before Qt row ``before`` (``rowCount()`` = the
        end), as one undo step. False when nothing moves."""
        operations = move_rows_operations(self._rows, row_ids, before)
        if not operations:
            return False
        count = len(set(row_ids) & set(self._rows))
        text = (
            QCoreApplication.translate("Table", "Move row")
            if count == 1
            else QCoreApplication.translate("Table", "Move %n rows", None, count)
        )
        self._document.edit(operations, text)
        return True

    # -- document signals -------------------------------------------------------------------------

    @Slot(str)
    def _on_row_added(self, row_id: str) -> None:
        rows = self._document.route_map.table.rows
        index = next((i for i, r in enumerate(rows) if r.id == row_id), len(self._rows))
        index = min(index, len(self._rows))
        self.beginInsertRows(QModelIndex(), index, index)
        self._rows.insert(index, row_id)
        self.endInsertRows()
        self._renumber()
        self.groups_changed.emit()

    @Slot(str)
    def _on_row_removed(self, row_id: str) -> None:
        index = self.row_of(row_id)
        if index < 0:
            return
        self.beginRemoveRows(QModelIndex(), index, index)
        del self._rows[index]
        self.endRemoveRows()
        self._renumber()
        self.groups_changed.emit()

    @Slot(str, tuple)
    def _on_row_changed(self, row_id: str, keys: tuple[str, ...]) -> None:
        """Repaint the cells that changed; a new objective may join or split a run of rows."""
        index = self.row_of(row_id)
        if index < 0:
            return
        roles = [int(role) for role in _CELL_ROLES]
        if OBJECTIVE_COLUMN in keys:
            roles.append(int(OBJECTIVE_ID_ROLE))
        for key in keys:
            column = self.column_of(key)
            if column >= 0:
                cell = self.index(index, column)
                self.dataChanged.emit(cell, cell, roles)
        self.rows_changed.emit([row_id])
        if OBJECTIVE_COLUMN in keys:
            self._renumber()
            self.groups_changed.emit()

    @Slot(str, int)
    def _on_row_moved(self, row_id: str, position: int) -> None:
        """One row to a new place: persistent indexes (the selection) follow their rows."""
        old = self.row_of(row_id)
        if old < 0 or not 0 <= position < len(self._rows):
            self._on_reset()
            return
        if old == position:
            return
        self.layoutAboutToBeChanged.emit()
        new = list(self._rows)
        new.insert(position, new.pop(old))
        place = {rid: i for i, rid in enumerate(new)}
        old_indexes = self.persistentIndexList()
        new_indexes = [
            self.index(place[self._rows[i.row()]], i.column()) if i.row() < len(self._rows) else QModelIndex()
            for i in old_indexes
        ]
        self._rows = new
        self.changePersistentIndexList(old_indexes, new_indexes)
        self._labels = None
        self.layoutChanged.emit()
        self.groups_changed.emit()

    @Slot(str, tuple)
    def _on_objective_changed(self, objective_id: str, fields: tuple[str, ...]) -> None:
        """The objective column shows the code and text of the row's objective."""
        if "text" not in fields and "code" not in fields:
            return
        self._labels = None
        column = self.column_of(OBJECTIVE_COLUMN)
        rows = self.rows_of_objectives({objective_id})
        if column < 0 or not rows:
            return
        for row in rows:
            cell = self.index(row, column)
            self.dataChanged.emit(cell, cell, [int(role) for role in _CELL_ROLES])
        self.rows_changed.emit([self._rows[r] for r in rows])

    @Slot(str)
    def _on_map_changed(self, name: str) -> None:
        """The column set's style (grouping, column groups) shows in the headers and the objective column."""
        if not name.startswith("table"):
            return
        self._labels = None
        if self._keys:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._keys) - 1)
        self._renumber()
        self.columns_adjusted.emit()
        self.rows_changed.emit(list(self._rows))

    @Slot()
    def _on_columns_changed(self) -> None:
        """Same keys in the same order (a heading renamed, a width dragged): the headers repaint
        and the view resizes its columns, the rows and the selection stay. Else a reset."""
        if [c.key for c in self._document.route_map.table.columns] != self._keys:
            self._on_reset()
            return
        if self._keys:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._keys) - 1)
        self.columns_adjusted.emit()

    @Slot()
    def _on_reset(self) -> None:
        self._labels = None
        self.beginResetModel()
        self._mirror()
        self.endResetModel()
        self.groups_changed.emit()
