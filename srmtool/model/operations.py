"""Small named edits of a route map (DESIGN.md §7: they must map onto a sync engine later).

Every operation is a frozen dataclass with ``apply(route_map) -> Operation``: it changes the map,
leaves it consistent, and returns its inverse, so undo is ``inverse.apply(route_map)``. Applying the
inverse returns the original operation again (redo). An operation that cannot apply raises
``OperationError`` and leaves the map untouched.

``topic`` and ``ids`` say what changed, for views that listen: topic is one of ``objective``,
``link``, ``row``, ``column``, ``stakeholder``, ``map`` (meta, destination, labels) or ``batch``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from srmtool.model.types import (
    OBJECTIVE_COLUMN,
    PERSPECTIVE_IDS,
    Column,
    Link,
    Objective,
    PerspectiveId,
    RouteMap,
    Row,
    Stakeholder,
)


class OperationError(ValueError):
    """An edit that cannot be made (unknown id, duplicate link, …); the map is unchanged."""


class Operation(Protocol):
    topic: ClassVar[str]

    def apply(self, route_map: RouteMap) -> Operation: ...

    def ids(self) -> tuple[str, ...]: ...


def apply_all(route_map: RouteMap, operations: Sequence[Operation]) -> Operation:
    """Apply several operations as one; returns one inverse (a ``Batch``)."""
    return Batch(tuple(operations)).apply(route_map)


def _objective(route_map: RouteMap, objective_id: str) -> Objective:
    found = route_map.objective(objective_id)
    if found is None:
        raise OperationError(f"no objective {objective_id!r}")
    return found


def _index_of(items: Sequence[Any], attr: str, value: str) -> int:
    for i, item in enumerate(items):
        if getattr(item, attr) == value:
            return i
    raise OperationError(f"no item with {attr}={value!r}")


def _check_perspective(perspective: str) -> None:
    if perspective not in PERSPECTIVE_IDS:
        raise OperationError(f"unknown perspective {perspective!r}")


# -- objectives ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AddObjective:
    """Insert an objective; with ``links`` and ``rows`` (index, item) it also restores a removal."""

    objective: Objective
    index: int | None = None
    links: tuple[tuple[int, Link], ...] = ()
    rows: tuple[tuple[int, Row], ...] = ()
    topic: ClassVar[str] = "objective"

    def ids(self) -> tuple[str, ...]:
        return (self.objective.id,)

    def apply(self, route_map: RouteMap) -> Operation:
        obj = self.objective
        if not obj.id or route_map.objective(obj.id) is not None:
            raise OperationError(f"objective id {obj.id!r} is empty or in use")
        _check_perspective(obj.perspective)
        index = len(route_map.objectives) if self.index is None else self.index
        route_map.objectives.insert(index, obj.model_copy(deep=True))
        for i, link in sorted(self.links, key=lambda p: p[0]):
            route_map.links.insert(i, link.model_copy())
        for i, row in sorted(self.rows, key=lambda p: p[0]):
            route_map.table.rows.insert(i, row.model_copy(deep=True))
        route_map.touch()
        return RemoveObjective(obj.id)


@dataclass(frozen=True)
class RemoveObjective:
    """Remove an objective with its links and table rows (the inverse puts them back in place)."""

    objective_id: str
    topic: ClassVar[str] = "objective"

    def ids(self) -> tuple[str, ...]:
        return (self.objective_id,)

    def apply(self, route_map: RouteMap) -> Operation:
        oid = self.objective_id
        index = _index_of(route_map.objectives, "id", oid)
        obj = route_map.objectives.pop(index)
        links = tuple((i, lk) for i, lk in enumerate(route_map.links) if oid in (lk.source, lk.target))
        rows = tuple((i, r) for i, r in enumerate(route_map.table.rows) if r.objective == oid)
        route_map.links[:] = [lk for lk in route_map.links if oid not in (lk.source, lk.target)]
        route_map.table.rows[:] = [r for r in route_map.table.rows if r.objective != oid]
        route_map.touch()
        return AddObjective(obj, index, links, rows)


@dataclass(frozen=True)
class MoveObjective:
    objective_id: str
    x: float
    y: float
    topic: ClassVar[str] = "objective"

    def ids(self) -> tuple[str, ...]:
        return (self.objective_id,)

    def apply(self, route_map: RouteMap) -> Operation:
        obj = _objective(route_map, self.objective_id)
        old = MoveObjective(obj.id, obj.x, obj.y)
        obj.x, obj.y = float(self.x), float(self.y)
        return old


@dataclass(frozen=True)
class SetPerspective:
    """Re-level an objective; optionally move it at the same time (dropping it in another band)."""

    objective_id: str
    perspective: PerspectiveId
    x: float | None = None
    y: float | None = None
    topic: ClassVar[str] = "objective"

    def ids(self) -> tuple[str, ...]:
        return (self.objective_id,)

    def apply(self, route_map: RouteMap) -> Operation:
        _check_perspective(self.perspective)
        obj = _objective(route_map, self.objective_id)
        old = SetPerspective(obj.id, obj.perspective, obj.x, obj.y)
        obj.perspective = self.perspective
        if self.x is not None:
            obj.x = float(self.x)
        if self.y is not None:
            obj.y = float(self.y)
        return old


_OBJECTIVE_FIELDS = {"code": str, "text": str, "notes": str, "key_route": bool, "stakeholders": list}


@dataclass(frozen=True)
class SetObjectiveField:
    """Set code, text, notes, key_route, stakeholders, or an additive field (e.g. ``votes``)."""

    objective_id: str
    name: str
    value: Any
    topic: ClassVar[str] = "objective"

    def ids(self) -> tuple[str, ...]:
        return (self.objective_id,)

    def apply(self, route_map: RouteMap) -> Operation:
        obj = _objective(route_map, self.objective_id)
        kind = _OBJECTIVE_FIELDS.get(self.name)
        if kind is None and (self.name in Objective.model_fields or not self.name.isidentifier()):
            raise OperationError(f"field {self.name!r} is not set this way")
        if kind is not None and not isinstance(self.value, kind):
            raise OperationError(f"{self.name} must be {kind.__name__}")
        old = getattr(obj, self.name, None)
        value = list(self.value) if isinstance(self.value, list) else self.value
        if kind is None and value is None:
            if obj.model_extra is not None:
                obj.model_extra.pop(self.name, None)
        else:
            setattr(obj, self.name, value)
        return SetObjectiveField(obj.id, self.name, list(old) if isinstance(old, list) else old)


# -- links --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddLink:
    source: str
    target: str
    index: int | None = None
    topic: ClassVar[str] = "link"

    def ids(self) -> tuple[str, ...]:
        return (self.source, self.target)

    def apply(self, route_map: RouteMap) -> Operation:
        if self.source == self.target:
            raise OperationError("a link cannot point to its own objective")
        _objective(route_map, self.source)
        _objective(route_map, self.target)
        if route_map.has_link(self.source, self.target):
            raise OperationError(f"the link {self.source} → {self.target} exists already")
        index = len(route_map.links) if self.index is None else self.index
        route_map.links.insert(index, Link(source=self.source, target=self.target))
        return RemoveLink(self.source, self.target)


@dataclass(frozen=True)
class RemoveLink:
    source: str
    target: str
    topic: ClassVar[str] = "link"

    def ids(self) -> tuple[str, ...]:
        return (self.source, self.target)

    def apply(self, route_map: RouteMap) -> Operation:
        for i, lk in enumerate(route_map.links):
            if lk.source == self.source and lk.target == self.target:
                del route_map.links[i]
                return _RestoreLink(lk, i)
        raise OperationError(f"no link {self.source} → {self.target}")


@dataclass(frozen=True)
class _RestoreLink:
    """Undo of RemoveLink: puts the very same link (unknown keys included) back at its place."""

    link: Link
    index: int
    topic: ClassVar[str] = "link"

    def ids(self) -> tuple[str, ...]:
        return (self.link.source, self.link.target)

    def apply(self, route_map: RouteMap) -> Operation:
        if route_map.has_link(self.link.source, self.link.target):
            raise OperationError("the link exists already")
        route_map.links.insert(self.index, self.link.model_copy())
        return RemoveLink(self.link.source, self.link.target)


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


# -- stakeholders -------------------------------------------------------------------------


@dataclass(frozen=True)
class AddStakeholder:
    """Insert a stakeholder; ``assigned`` (objective id, position) restores a removal."""

    stakeholder: Stakeholder
    index: int | None = None
    assigned: tuple[tuple[str, int], ...] = ()
    topic: ClassVar[str] = "stakeholder"

    def ids(self) -> tuple[str, ...]:
        return (self.stakeholder.id,)

    def apply(self, route_map: RouteMap) -> Operation:
        st = self.stakeholder
        if not st.id or route_map.stakeholder(st.id) is not None or route_map.objective(st.id) is not None:
            raise OperationError(f"stakeholder id {st.id!r} is empty or in use")
        index = len(route_map.stakeholders) if self.index is None else self.index
        route_map.stakeholders.insert(index, st.model_copy())
        for oid, pos in self.assigned:  # ascending positions per objective, as removal recorded them
            obj = route_map.objective(oid)
            if obj is not None:
                obj.stakeholders.insert(pos, st.id)
        return RemoveStakeholder(st.id)


@dataclass(frozen=True)
class RemoveStakeholder:
    """Remove a stakeholder and its assignments to objectives."""

    stakeholder_id: str
    topic: ClassVar[str] = "stakeholder"

    def ids(self) -> tuple[str, ...]:
        return (self.stakeholder_id,)

    def apply(self, route_map: RouteMap) -> Operation:
        sid = self.stakeholder_id
        index = _index_of(route_map.stakeholders, "id", sid)
        st = route_map.stakeholders.pop(index)
        assigned: list[tuple[str, int]] = []
        for obj in route_map.objectives:
            if sid in obj.stakeholders:  # every copy: a hand-edited file may list one twice
                assigned.extend((obj.id, i) for i, s in enumerate(obj.stakeholders) if s == sid)
                obj.stakeholders[:] = [s for s in obj.stakeholders if s != sid]
        return AddStakeholder(st, index, tuple(assigned))


@dataclass(frozen=True)
class SetStakeholderField:
    stakeholder_id: str
    name: str
    value: str
    topic: ClassVar[str] = "stakeholder"

    def ids(self) -> tuple[str, ...]:
        return (self.stakeholder_id,)

    def apply(self, route_map: RouteMap) -> Operation:
        if self.name not in ("name", "kind", "role"):
            raise OperationError(f"stakeholder field {self.name!r} is not set this way")
        st = route_map.stakeholder(self.stakeholder_id)
        if st is None:
            raise OperationError(f"no stakeholder {self.stakeholder_id!r}")
        old = getattr(st, self.name)
        setattr(st, self.name, self.value)
        return SetStakeholderField(st.id, self.name, old)


# -- the map as a whole -------------------------------------------------------------------


_META_FIELDS = ("title", "organization", "area", "period", "authors", "created", "modified")


@dataclass(frozen=True)
class SetMapField:
    """``destination``, a meta field (``meta.title`` …), or a level label (``label.people`` …)."""

    name: str
    value: Any
    topic: ClassVar[str] = "map"

    def ids(self) -> tuple[str, ...]:
        return (self.name,)

    def apply(self, route_map: RouteMap) -> Operation:
        if self.name == "destination":
            old: Any = route_map.destination
            route_map.destination = str(self.value)
        elif self.name.startswith("meta.") and self.name[5:] in _META_FIELDS:
            key = self.name[5:]
            old = getattr(route_map.meta, key)
            if key == "authors":
                if not isinstance(self.value, list) or not all(isinstance(a, str) for a in self.value):
                    raise OperationError("authors is a list of names")
                setattr(route_map.meta, key, list(self.value))
            else:
                setattr(route_map.meta, key, str(self.value))
        elif self.name.startswith("label.") and self.name[6:] in PERSPECTIVE_IDS:
            pid = self.name[6:]
            persp = next((p for p in route_map.perspectives if p.id == pid), None)
            if persp is None:
                raise OperationError(f"no level {pid!r}")
            old = persp.label
            persp.label = str(self.value)
        else:
            raise OperationError(f"map field {self.name!r} is not set this way")
        return SetMapField(self.name, list(old) if isinstance(old, list) else old)


@dataclass(frozen=True)
class Batch:
    """Several operations as one step (tidy layout, paste, delete selection)."""

    operations: tuple[Operation, ...] = field(default_factory=tuple)
    topic: ClassVar[str] = "batch"

    def ids(self) -> tuple[str, ...]:
        return tuple(i for op in self.operations for i in op.ids())

    def apply(self, route_map: RouteMap) -> Operation:
        inverses: list[Operation] = []
        try:
            for op in self.operations:
                inverses.append(op.apply(route_map))
        except OperationError:
            for inv in reversed(inverses):  # all or nothing
                inv.apply(route_map)
            raise
        return Batch(tuple(reversed(inverses)))
