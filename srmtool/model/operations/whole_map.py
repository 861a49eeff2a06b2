"""Edits of stakeholders and of the map as a whole, and batches of edits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from srmtool.model.operations.base import Operation, OperationError, _index_of
from srmtool.model.types import (
    PERSPECTIVE_IDS,
    RouteMap,
    Stakeholder,
)

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
