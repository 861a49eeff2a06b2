"""Edits of objectives and links. Each field that can change has its own operation."""

from __future__ import annotations

from dataclasses import dataclass

from srmtool.model.changes import (
    Change,
    LinkAdded,
    LinkRemoved,
    ObjectiveAdded,
    ObjectiveChanged,
    ObjectiveRemoved,
    RowAdded,
    RowRemoved,
)
from srmtool.model.operations.base import (
    Applied,
    OperationError,
    _check_perspective,
    _check_text,
    _index_of,
    _insert,
    _objective,
    check_additive_name,
    set_additive,
)
from srmtool.model.types import (
    MAX_VOTES,
    VOTES_FIELD,
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

    def apply(self, route_map: RouteMap) -> Applied:
        obj = self.objective
        if not obj.id or route_map.objective(obj.id) is not None:
            raise OperationError(f"objective id {obj.id!r} is empty or in use")
        _check_perspective(obj.perspective)
        changes: list[Change] = [
            ObjectiveAdded(obj.id, _insert(route_map.objectives, self.index, obj.model_copy(deep=True)))
        ]
        for i, link in sorted(self.links, key=lambda p: p[0]):
            changes.append(
                LinkAdded(link.source, link.target, _insert(route_map.links, i, link.model_copy()))
            )
        for i, row in sorted(self.rows, key=lambda p: p[0]):
            changes.append(RowAdded(row.id, _insert(route_map.table.rows, i, row.model_copy(deep=True))))
        route_map.touch()
        return Applied(RemoveObjective(obj.id), tuple(changes))


@dataclass(frozen=True)
class RemoveObjective:
    """Remove an objective with its links and table rows (the inverse puts them back in place)."""

    objective_id: str

    def apply(self, route_map: RouteMap) -> Applied:
        oid = self.objective_id
        index = _index_of(route_map.objectives, "id", oid)
        obj = route_map.objectives.pop(index)
        links = tuple((i, lk) for i, lk in enumerate(route_map.links) if oid in (lk.source, lk.target))
        rows = tuple((i, r) for i, r in enumerate(route_map.table.rows) if r.objective == oid)
        route_map.links[:] = [lk for lk in route_map.links if oid not in (lk.source, lk.target)]
        route_map.table.rows[:] = [r for r in route_map.table.rows if r.objective != oid]
        route_map.touch()
        # Positions as a replay in this order sees them: each removal shifts the ones after it.
        changes: list[Change] = [LinkRemoved(lk.source, lk.target, i - n) for n, (i, lk) in enumerate(links)]
        changes += [RowRemoved(r.id, i - n) for n, (i, r) in enumerate(rows)]
        changes.append(ObjectiveRemoved(oid, index))
        return Applied(AddObjective(obj, index, links, rows), tuple(changes))


def _changed(objective_id: str, fields: list[str]) -> tuple[Change, ...]:
    return (ObjectiveChanged(objective_id, tuple(fields)),) if fields else ()


@dataclass(frozen=True)
class MoveObjective:
    objective_id: str
    x: float
    y: float

    def apply(self, route_map: RouteMap) -> Applied:
        obj = _objective(route_map, self.objective_id)
        old = MoveObjective(obj.id, obj.x, obj.y)
        x, y = float(self.x), float(self.y)
        fields = [name for name, was, now in (("x", obj.x, x), ("y", obj.y, y)) if was != now]
        obj.x, obj.y = x, y
        return Applied(old, _changed(obj.id, fields))


@dataclass(frozen=True)
class SetPerspective:
    """Re-level an objective; optionally move it at the same time (dropping it in another band)."""

    objective_id: str
    perspective: PerspectiveId
    x: float | None = None
    y: float | None = None

    def apply(self, route_map: RouteMap) -> Applied:
        _check_perspective(self.perspective)
        obj = _objective(route_map, self.objective_id)
        old = SetPerspective(obj.id, obj.perspective, obj.x, obj.y)
        x = obj.x if self.x is None else float(self.x)
        y = obj.y if self.y is None else float(self.y)
        fields = [
            name
            for name, was, now in (
                ("perspective", obj.perspective, self.perspective),
                ("x", obj.x, x),
                ("y", obj.y, y),
            )
            if was != now
        ]
        obj.perspective, obj.x, obj.y = self.perspective, x, y
        return Applied(old, _changed(obj.id, fields))


@dataclass(frozen=True)
class SetObjectiveText:
    objective_id: str
    text: str

    def apply(self, route_map: RouteMap) -> Applied:
        obj = _objective(route_map, self.objective_id)
        old, obj.text = obj.text, _check_text("text", self.text)
        return Applied(SetObjectiveText(obj.id, old), _changed(obj.id, ["text"] if old != obj.text else []))


@dataclass(frozen=True)
class SetObjectiveCode:
    objective_id: str
    code: str

    def apply(self, route_map: RouteMap) -> Applied:
        obj = _objective(route_map, self.objective_id)
        old, obj.code = obj.code, _check_text("code", self.code)
        return Applied(SetObjectiveCode(obj.id, old), _changed(obj.id, ["code"] if old != obj.code else []))


@dataclass(frozen=True)
class SetObjectiveNotes:
    objective_id: str
    notes: str

    def apply(self, route_map: RouteMap) -> Applied:
        obj = _objective(route_map, self.objective_id)
        old, obj.notes = obj.notes, _check_text("notes", self.notes)
        return Applied(
            SetObjectiveNotes(obj.id, old), _changed(obj.id, ["notes"] if old != obj.notes else [])
        )


@dataclass(frozen=True)
class SetKeyRoute:
    objective_id: str
    on: bool

    def apply(self, route_map: RouteMap) -> Applied:
        if not isinstance(self.on, bool):
            raise OperationError("key_route must be true or false")
        obj = _objective(route_map, self.objective_id)
        old, obj.key_route = obj.key_route, self.on
        return Applied(SetKeyRoute(obj.id, old), _changed(obj.id, ["key_route"] if old != self.on else []))


@dataclass(frozen=True)
class SetObjectiveStakeholders:
    """The stakeholder ids an objective names, in order."""

    objective_id: str
    stakeholder_ids: tuple[str, ...]

    def apply(self, route_map: RouteMap) -> Applied:
        ids = self.stakeholder_ids
        if not isinstance(ids, tuple | list) or not all(isinstance(s, str) for s in ids):
            raise OperationError("stakeholders is a list of stakeholder ids")
        obj = _objective(route_map, self.objective_id)
        old = tuple(obj.stakeholders)
        obj.stakeholders = list(ids)
        changed = ["stakeholders"] if old != tuple(ids) else []
        return Applied(SetObjectiveStakeholders(obj.id, old), _changed(obj.id, changed))


@dataclass(frozen=True)
class SetObjectiveExtra:
    """Set an additive key of the objective's file entry (one a newer feature or release added);
    ``value=None`` removes the key, unless ``keep_null`` (the inverse of a change to a key that
    held an explicit null puts that null back)."""

    objective_id: str
    name: str
    value: object = None
    keep_null: bool = False

    def apply(self, route_map: RouteMap) -> Applied:
        name = check_additive_name(Objective, self.name)
        obj = _objective(route_map, self.objective_id)
        before = dict(obj.__pydantic_extra__ or {})
        old, present = set_additive(obj, name, self.value, self.keep_null)
        inverse = SetObjectiveExtra(obj.id, name, old, keep_null=present and old is None)
        changed = [name] if before != (obj.__pydantic_extra__ or {}) else []
        return Applied(inverse, _changed(obj.id, changed))


@dataclass(frozen=True)
class SetVotes:
    """An objective's dot votes (0 removes the ``votes`` key: a map nobody voted on saves as before)."""

    objective_id: str
    votes: int

    def apply(self, route_map: RouteMap) -> Applied:
        if type(self.votes) is not int or not 0 <= self.votes <= MAX_VOTES:
            raise OperationError(f"votes are a whole number from 0 to {MAX_VOTES}")
        return SetObjectiveExtra(self.objective_id, VOTES_FIELD, self.votes or None).apply(route_map)


# -- links --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddLink:
    source: str
    target: str
    index: int | None = None

    def apply(self, route_map: RouteMap) -> Applied:
        if self.source == self.target:
            raise OperationError("a link cannot point to its own objective")
        _objective(route_map, self.source)
        _objective(route_map, self.target)
        if route_map.has_link(self.source, self.target):
            raise OperationError(f"the link {self.source} → {self.target} exists already")
        at = _insert(route_map.links, self.index, Link(source=self.source, target=self.target))
        return Applied(RemoveLink(self.source, self.target), (LinkAdded(self.source, self.target, at),))


@dataclass(frozen=True)
class RemoveLink:
    source: str
    target: str

    def apply(self, route_map: RouteMap) -> Applied:
        for i, lk in enumerate(route_map.links):
            if lk.source == self.source and lk.target == self.target:
                del route_map.links[i]
                return Applied(_RestoreLink(lk, i), (LinkRemoved(lk.source, lk.target, i),))
        raise OperationError(f"no link {self.source} → {self.target}")


@dataclass(frozen=True)
class _RestoreLink:
    """Undo of RemoveLink: puts the very same link (unknown keys included) back at its place."""

    link: Link
    index: int

    def apply(self, route_map: RouteMap) -> Applied:
        source, target = self.link.source, self.link.target
        if route_map.has_link(source, target):
            raise OperationError("the link exists already")
        at = _insert(route_map.links, self.index, self.link.model_copy())
        return Applied(RemoveLink(source, target), (LinkAdded(source, target, at),))
