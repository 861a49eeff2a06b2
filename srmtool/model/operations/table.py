"""Edits of the table: rows, cells and the column set."""

from __future__ import annotations

from dataclasses import dataclass

from srmtool.model.changes import Change, ColumnsChanged, RowAdded, RowChanged, RowMoved, RowRemoved
from srmtool.model.operations.base import Applied, OperationError, _index_of, _insert, _objective
from srmtool.model.types import (
    OBJECTIVE_COLUMN,
    Column,
    RouteMap,
    Row,
)

# -- table rows ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AddRow:
    row: Row
    index: int | None = None

    def apply(self, route_map: RouteMap) -> Applied:
        if not self.row.id or route_map.row(self.row.id) is not None:
            raise OperationError(f"row id {self.row.id!r} is empty or in use")
        at = _insert(route_map.table.rows, self.index, self.row.model_copy(deep=True))
        route_map.touch()
        return Applied(RemoveRow(self.row.id), (RowAdded(self.row.id, at),))


@dataclass(frozen=True)
class RemoveRow:
    row_id: str

    def apply(self, route_map: RouteMap) -> Applied:
        index = _index_of(route_map.table.rows, "id", self.row_id)
        row = route_map.table.rows.pop(index)
        route_map.touch()
        return Applied(AddRow(row, index), (RowRemoved(row.id, index),))


@dataclass(frozen=True)
class MoveRow:
    """Move a row to ``index`` in the list after its removal (0 = first)."""

    row_id: str
    index: int

    def apply(self, route_map: RouteMap) -> Applied:
        rows = route_map.table.rows
        old = _index_of(rows, "id", self.row_id)
        if not 0 <= self.index < len(rows):
            raise OperationError(f"row position {self.index} is outside the table")
        rows.insert(self.index, rows.pop(old))
        route_map.touch()
        changes = (RowMoved(self.row_id, self.index),) if old != self.index else ()
        return Applied(MoveRow(self.row_id, old), changes)


def _put_cell(row: Row, key: str, value: str, position: int | None) -> None:
    """Set a cell; a key the row does not have yet goes to ``position`` in its cells (None: last),
    so that undoing a removal gives back the same file."""
    if key in row.cells or position is None or position >= len(row.cells):
        row.cells[key] = value
        return
    items = list(row.cells.items())
    items.insert(max(0, position), (key, value))
    row.cells = dict(items)


@dataclass(frozen=True)
class SetCell:
    """Set one cell; ``value=None`` removes the key. The objective column is not a cell. A key the
    row does not have yet goes to ``position`` among its cells (None: the end)."""

    row_id: str
    key: str
    value: str | None
    position: int | None = None

    def apply(self, route_map: RouteMap) -> Applied:
        if self.key == OBJECTIVE_COLUMN:
            raise OperationError("the objective column shows the objective's text; use SetRowObjective")
        if self.value is not None and not isinstance(self.value, str):
            raise OperationError("a cell holds text")
        row = route_map.row(self.row_id)
        if row is None:
            raise OperationError(f"no row {self.row_id!r}")
        keys = list(row.cells)
        old = row.cells.get(self.key)
        where = keys.index(self.key) if self.key in row.cells else None
        if self.value is None:
            row.cells.pop(self.key, None)
        else:
            _put_cell(row, self.key, self.value, self.position)
        changes = (RowChanged(row.id, (self.key,)),) if old != self.value else ()
        return Applied(SetCell(row.id, self.key, old, where), changes)


@dataclass(frozen=True)
class SetRowObjective:
    row_id: str
    objective_id: str

    def apply(self, route_map: RouteMap) -> Applied:
        _objective(route_map, self.objective_id)
        row = route_map.row(self.row_id)
        if row is None:
            raise OperationError(f"no row {self.row_id!r}")
        old, row.objective = row.objective, self.objective_id
        changes = (RowChanged(row.id, (OBJECTIVE_COLUMN,)),) if old != row.objective else ()
        return Applied(SetRowObjective(row.id, old), changes)


# -- table columns ------------------------------------------------------------------------


@dataclass(frozen=True)
class AddColumn:
    """Insert a column; ``values`` (row id, text, the key's position among the row's cells)
    restores the cells of a removed column."""

    column: Column
    index: int | None = None
    values: tuple[tuple[str, str, int], ...] = ()

    def apply(self, route_map: RouteMap) -> Applied:
        cols = route_map.table.columns
        key = self.column.key
        if not key or route_map.column(key) is not None:
            raise OperationError(f"column key {key!r} is empty or in use")
        index = len(cols) if self.index is None else self.index
        if key != OBJECTIVE_COLUMN and index == 0 and cols and cols[0].key == OBJECTIVE_COLUMN:
            raise OperationError("column 1 is always the objective")
        cols.insert(index, self.column.model_copy())
        changes: list[Change] = [ColumnsChanged()]
        for row_id, text, position in self.values:
            row = route_map.row(row_id)
            if row is not None:
                _put_cell(row, key, text, position)
                changes.append(RowChanged(row_id, (key,)))
        return Applied(RemoveColumn(key), tuple(changes))


@dataclass(frozen=True)
class RemoveColumn:
    """Remove a column and its cells (kept in the inverse, with their places)."""

    key: str

    def apply(self, route_map: RouteMap) -> Applied:
        if self.key == OBJECTIVE_COLUMN:
            raise OperationError("the objective column cannot be removed")
        cols = route_map.table.columns
        index = _index_of(cols, "key", self.key)
        column = cols.pop(index)
        values: list[tuple[str, str, int]] = []
        changes: list[Change] = [ColumnsChanged()]
        for row in route_map.table.rows:
            if self.key in row.cells:
                position = list(row.cells).index(self.key)
                values.append((row.id, row.cells.pop(self.key), position))
                changes.append(RowChanged(row.id, (self.key,)))
        return Applied(AddColumn(column, index, tuple(values)), tuple(changes))


@dataclass(frozen=True)
class MoveColumn:
    key: str
    index: int

    def apply(self, route_map: RouteMap) -> Applied:
        cols = route_map.table.columns
        old = _index_of(cols, "key", self.key)
        if self.key == OBJECTIVE_COLUMN or not 1 <= self.index < len(cols):
            raise OperationError("column 1 is always the objective")
        cols.insert(self.index, cols.pop(old))
        return Applied(MoveColumn(self.key, old), (ColumnsChanged(),) if old != self.index else ())


@dataclass(frozen=True)
class SetColumn:
    key: str
    label: str | None = None
    width: float | None = None

    def apply(self, route_map: RouteMap) -> Applied:
        col = route_map.column(self.key)
        if col is None:
            raise OperationError(f"no column {self.key!r}")
        if self.width is not None and not 1 <= self.width <= 255:
            raise OperationError("a column is 1 to 255 characters wide")
        if self.label is not None and not isinstance(self.label, str):
            raise OperationError("a column's label is text")
        old = SetColumn(self.key, col.label, col.width)
        if self.label is not None:
            col.label = self.label
        if self.width is not None:
            col.width = float(self.width)
        changed = (old.label, old.width) != (col.label, col.width)
        return Applied(old, (ColumnsChanged(),) if changed else ())


@dataclass(frozen=True)
class ReplaceColumns:
    """Switch the whole column set (a template). Cells of dropped keys stay in the rows' data."""

    columns: tuple[Column, ...]

    def apply(self, route_map: RouteMap) -> Applied:
        keys = [c.key for c in self.columns]
        if not keys or keys[0] != OBJECTIVE_COLUMN or len(set(keys)) != len(keys):
            raise OperationError("a column set starts with the objective and has unique keys")
        return Applied(_RestoreColumns(_swap_columns(route_map, self.columns)), (ColumnsChanged(),))


@dataclass(frozen=True)
class _RestoreColumns:
    """Undo of ReplaceColumns: puts the previous column set back as it was, even one that
    ReplaceColumns refuses (no columns yet, or a file's set without the objective first)."""

    columns: tuple[Column, ...]

    def apply(self, route_map: RouteMap) -> Applied:
        return Applied(ReplaceColumns(_swap_columns(route_map, self.columns)), (ColumnsChanged(),))


def _swap_columns(route_map: RouteMap, columns: tuple[Column, ...]) -> tuple[Column, ...]:
    old = tuple(route_map.table.columns)
    route_map.table.columns[:] = [c.model_copy() for c in columns]
    return old
