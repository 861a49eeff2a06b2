"""Edits of the table: rows, cells and the column set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from srmtool.model.operations.base import Operation, OperationError, _index_of, _objective
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
    topic: ClassVar[str] = "row"

    def ids(self) -> tuple[str, ...]:
        return (self.row.id,)

    def apply(self, route_map: RouteMap) -> Operation:
        if not self.row.id or route_map.row(self.row.id) is not None:
            raise OperationError(f"row id {self.row.id!r} is empty or in use")
        index = len(route_map.table.rows) if self.index is None else self.index
        route_map.table.rows.insert(index, self.row.model_copy(deep=True))
        route_map.touch()
        return RemoveRow(self.row.id)


@dataclass(frozen=True)
class RemoveRow:
    row_id: str
    topic: ClassVar[str] = "row"

    def ids(self) -> tuple[str, ...]:
        return (self.row_id,)

    def apply(self, route_map: RouteMap) -> Operation:
        index = _index_of(route_map.table.rows, "id", self.row_id)
        row = route_map.table.rows.pop(index)
        route_map.touch()
        return AddRow(row, index)


@dataclass(frozen=True)
class MoveRow:
    """Move a row to ``index`` in the list after its removal (0 = first)."""

    row_id: str
    index: int
    topic: ClassVar[str] = "row"

    def ids(self) -> tuple[str, ...]:
        return (self.row_id,)

    def apply(self, route_map: RouteMap) -> Operation:
        rows = route_map.table.rows
        old = _index_of(rows, "id", self.row_id)
        if not 0 <= self.index < len(rows):
            raise OperationError(f"row position {self.index} is outside the table")
        rows.insert(self.index, rows.pop(old))
        return MoveRow(self.row_id, old)


@dataclass(frozen=True)
class SetCell:
    """Set one cell; ``value=None`` removes the key. The objective column is not a cell."""

    row_id: str
    key: str
    value: str | None
    topic: ClassVar[str] = "row"

    def ids(self) -> tuple[str, ...]:
        return (self.row_id,)

    def apply(self, route_map: RouteMap) -> Operation:
        if self.key == OBJECTIVE_COLUMN:
            raise OperationError("the objective column shows the objective's text; use SetRowObjective")
        row = route_map.row(self.row_id)
        if row is None:
            raise OperationError(f"no row {self.row_id!r}")
        old = row.cells.get(self.key)
        if self.value is None:
            row.cells.pop(self.key, None)
        else:
            row.cells[self.key] = self.value
        return SetCell(self.row_id, self.key, old)


@dataclass(frozen=True)
class SetRowObjective:
    row_id: str
    objective_id: str
    topic: ClassVar[str] = "row"

    def ids(self) -> tuple[str, ...]:
        return (self.row_id,)

    def apply(self, route_map: RouteMap) -> Operation:
        _objective(route_map, self.objective_id)
        row = route_map.row(self.row_id)
        if row is None:
            raise OperationError(f"no row {self.row_id!r}")
        old = row.objective
        row.objective = self.objective_id
        return SetRowObjective(self.row_id, old)


# -- table columns ------------------------------------------------------------------------


@dataclass(frozen=True)
class AddColumn:
    """Insert a column; ``values`` (row id → text) restores the cells of a removed column."""

    column: Column
    index: int | None = None
    values: tuple[tuple[str, str], ...] = ()
    topic: ClassVar[str] = "column"

    def ids(self) -> tuple[str, ...]:
        return (self.column.key,)

    def apply(self, route_map: RouteMap) -> Operation:
        cols = route_map.table.columns
        if not self.column.key or route_map.column(self.column.key) is not None:
            raise OperationError(f"column key {self.column.key!r} is empty or in use")
        index = len(cols) if self.index is None else self.index
        if self.column.key != OBJECTIVE_COLUMN and index == 0 and cols and cols[0].key == OBJECTIVE_COLUMN:
            raise OperationError("column 1 is always the objective")
        cols.insert(index, self.column.model_copy())
        for row_id, text in self.values:
            row = route_map.row(row_id)
            if row is not None:
                row.cells[self.column.key] = text
        return RemoveColumn(self.column.key)


@dataclass(frozen=True)
class RemoveColumn:
    """Remove a column and its cells (kept in the inverse)."""

    key: str
    topic: ClassVar[str] = "column"

    def ids(self) -> tuple[str, ...]:
        return (self.key,)

    def apply(self, route_map: RouteMap) -> Operation:
        if self.key == OBJECTIVE_COLUMN:
            raise OperationError("the objective column cannot be removed")
        cols = route_map.table.columns
        index = _index_of(cols, "key", self.key)
        column = cols.pop(index)
        values = tuple((r.id, r.cells.pop(self.key)) for r in route_map.table.rows if self.key in r.cells)
        return AddColumn(column, index, values)


@dataclass(frozen=True)
class MoveColumn:
    key: str
    index: int
    topic: ClassVar[str] = "column"

    def ids(self) -> tuple[str, ...]:
        return (self.key,)

    def apply(self, route_map: RouteMap) -> Operation:
        cols = route_map.table.columns
        old = _index_of(cols, "key", self.key)
        if self.key == OBJECTIVE_COLUMN or not 1 <= self.index < len(cols):
            raise OperationError("column 1 is always the objective")
        cols.insert(self.index, cols.pop(old))
        return MoveColumn(self.key, old)


@dataclass(frozen=True)
class SetColumn:
    key: str
    label: str | None = None
    width: float | None = None
    topic: ClassVar[str] = "column"

    def ids(self) -> tuple[str, ...]:
        return (self.key,)

    def apply(self, route_map: RouteMap) -> Operation:
        col = route_map.column(self.key)
        if col is None:
            raise OperationError(f"no column {self.key!r}")
        if self.width is not None and not 1 <= self.width <= 255:
            raise OperationError("a column is 1 to 255 characters wide")
        old = SetColumn(self.key, col.label, col.width)
        if self.label is not None:
            col.label = self.label
        if self.width is not None:
            col.width = float(self.width)
        return old


@dataclass(frozen=True)
class ReplaceColumns:
    """Switch the whole column set (a template). Cells of dropped keys stay in the rows' data."""

    columns: tuple[Column, ...]
    topic: ClassVar[str] = "column"

    def ids(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    def apply(self, route_map: RouteMap) -> Operation:
        keys = [c.key for c in self.columns]
        if not keys or keys[0] != OBJECTIVE_COLUMN or len(set(keys)) != len(keys):
            raise OperationError("a column set starts with the objective and has unique keys")
        old = tuple(route_map.table.columns)
        route_map.table.columns[:] = [c.model_copy() for c in self.columns]
        return _RestoreColumns(old)


@dataclass(frozen=True)
class _RestoreColumns:
    """Undo of ReplaceColumns: puts the previous column set back as it was, even one that
    ReplaceColumns refuses (no columns yet, or a file's set without the objective first)."""

    columns: tuple[Column, ...]
    topic: ClassVar[str] = "column"

    def ids(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    def apply(self, route_map: RouteMap) -> Operation:
        old = tuple(route_map.table.columns)
        route_map.table.columns[:] = [c.model_copy() for c in self.columns]
        return ReplaceColumns(old)
