"""Edits of objectives and links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from srmtool.model.operations.base import Operation, OperationError, _check_perspective, _index_of, _objective
from srmtool.model.types import (
    Link,
    Objective,
    PerspectiveId,
    RouteMap,
    Row,
)

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
