"""Edits of stakeholders and of the map as a whole."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from srmtool.model.changes import (
    Change,
    MapFieldChanged,
    ObjectiveChanged,
    StakeholderAdded,
    StakeholderChanged,
    StakeholderRemoved,
)
from srmtool.model.operations.base import (
    Applied,
    OperationError,
    _check_text,
    _index_of,
    _insert,
    check_additive_name,
    set_additive,
)
from srmtool.model.plan import PLAN_KEY
from srmtool.model.srmfile.additive import check_map_field
from srmtool.model.srmfile.problem import FileProblem
from srmtool.model.types import (
    PERSPECTIVE_IDS,
    Meta,
    RouteMap,
    Stakeholder,
)

# -- stakeholders -------------------------------------------------------------------------


def _assignments_changed(objective_ids: list[str]) -> list[Change]:
    """One record per objective whose stakeholder list changed, in map order, each once."""
    return [ObjectiveChanged(oid, ("stakeholders",)) for oid in dict.fromkeys(objective_ids)]


@dataclass(frozen=True)
class AddStakeholder:
    """Insert a stakeholder; ``assigned`` (objective id, position) restores a removal."""

    stakeholder: Stakeholder
    index: int | None = None
    assigned: tuple[tuple[str, int], ...] = ()

    def apply(self, route_map: RouteMap) -> Applied:
        st = self.stakeholder
        if not st.id or route_map.stakeholder(st.id) is not None or route_map.objective(st.id) is not None:
            raise OperationError(f"stakeholder id {st.id!r} is empty or in use")
        changes: list[Change] = [
            StakeholderAdded(st.id, _insert(route_map.stakeholders, self.index, st.model_copy()))
        ]
        touched: list[str] = []
        for oid, pos in self.assigned:  # ascending positions per objective, as removal recorded them
            obj = route_map.objective(oid)
            if obj is not None:
                obj.stakeholders.insert(pos, st.id)
                touched.append(oid)
        changes += _assignments_changed(touched)
        return Applied(RemoveStakeholder(st.id), tuple(changes))


@dataclass(frozen=True)
class RemoveStakeholder:
    """Remove a stakeholder and its assignments to objectives."""

    stakeholder_id: str

    def apply(self, route_map: RouteMap) -> Applied:
        sid = self.stakeholder_id
        index = _index_of(route_map.stakeholders, "id", sid)
        st = route_map.stakeholders.pop(index)
        assigned: list[tuple[str, int]] = []
        for obj in route_map.objectives:
            if sid in obj.stakeholders:  # every copy: a hand-edited file may list one twice
                assigned.extend((obj.id, i) for i, s in enumerate(obj.stakeholders) if s == sid)
                obj.stakeholders[:] = [s for s in obj.stakeholders if s != sid]
        changes = [StakeholderRemoved(sid, index), *_assignments_changed([oid for oid, _ in assigned])]
        return Applied(AddStakeholder(st, index, tuple(assigned)), tuple(changes))


StakeholderField = Literal["name", "kind", "role"]


@dataclass(frozen=True)
class SetStakeholderField:
    stakeholder_id: str
    name: StakeholderField
    value: str

    def apply(self, route_map: RouteMap) -> Applied:
        if self.name not in ("name", "kind", "role"):
            raise OperationError(f"stakeholder field {self.name!r} is not set this way")
        value = _check_text(self.name, self.value)
        st = route_map.stakeholder(self.stakeholder_id)
        if st is None:
            raise OperationError(f"no stakeholder {self.stakeholder_id!r}")
        old = getattr(st, self.name)
        setattr(st, self.name, value)
        changes = (StakeholderChanged(st.id, (self.name,)),) if old != value else ()
        return Applied(SetStakeholderField(st.id, self.name, old), changes)


# -- the map as a whole -------------------------------------------------------------------


@dataclass(frozen=True)
class SetMapField:
    """One field of the map: ``destination``; a meta field (``meta.title``, ``meta.authors`` …);
    a level's label (``label.people`` …); an additive key of the file's top level, of its ``meta``
    or of its ``table`` (``signers``, ``meta.digits``, ``table.style`` …); or one key of the
    top-level ``plan`` object (``plan.programme``, ``plan.milestones`` …). ``value=None`` removes an
    additive key unless ``keep_null`` (the inverse of a change to a key that held an explicit
    null). The plan's keys are checked as a file's are (``srmtool.model.srmfile.additive``): a
    value a file could not hold is refused. Setting a ``plan.<key>`` creates the ``plan`` object;
    removing its last key removes it, so a plan emptied again saves as a map without one."""

    name: str
    value: object
    keep_null: bool = False

    def apply(self, route_map: RouteMap) -> Applied:
        name = self.name
        if not isinstance(name, str):
            raise OperationError(f"map field {name!r} is not set this way")
        try:
            if self.value is not None or self.keep_null:  # None alone removes the key
                check_map_field(name, self.value)
        except FileProblem as problem:
            raise OperationError(f"{problem.where}: {problem.message_en}") from None
        if name.startswith(f"{PLAN_KEY}."):
            return _set_plan_key(route_map, name, self.value, self.keep_null)
        old: object
        keep_null = False
        if name == "destination":
            old, route_map.destination = route_map.destination, _check_text(name, self.value)
        elif name.startswith("label."):
            pid = name[6:]
            persp = next((p for p in route_map.perspectives if p.id == pid), None)
            if pid not in PERSPECTIVE_IDS or persp is None:
                raise OperationError(f"no level {pid!r}")
            old, persp.label = persp.label, _check_text(name, self.value)
        elif name.startswith("meta.") and name[5:] in Meta.model_fields:
            key = name[5:]
            old = getattr(route_map.meta, key)
            setattr(route_map.meta, key, _meta_value(key, self.value))
        elif name.startswith(("meta.", "table.")):
            part: BaseModel = route_map.meta if name.startswith("meta.") else route_map.table
            key = check_additive_name(type(part), name.partition(".")[2])
            old, present = set_additive(part, key, self.value, self.keep_null)
            keep_null = present and old is None
        else:
            key = check_additive_name(RouteMap, name)
            old, present = set_additive(route_map, key, self.value, self.keep_null)
            keep_null = present and old is None
        old = list(old) if isinstance(old, list) else old
        changes = (MapFieldChanged(name),) if old != self.value or keep_null != self.keep_null else ()
        return Applied(SetMapField(name, old, keep_null), changes)


def _set_plan_key(route_map: RouteMap, name: str, value: object, keep_null: bool) -> Applied:
    """``plan.<key>``: one key of the plan object, whose inverse gives back the exact bytes."""
    key = name[len(PLAN_KEY) + 1 :]
    if not key.isidentifier():
        raise OperationError(f"{name!r} is not a key of the plan")
    extra = route_map.__pydantic_extra__
    if extra is None:
        extra = route_map.__pydantic_extra__ = {}
    before = extra.get(PLAN_KEY)
    if PLAN_KEY in extra and not isinstance(before, dict):
        raise OperationError("the map's plan is not an object")
    plan: dict[str, object] = before if isinstance(before, dict) else {}
    present, old = key in plan, plan.get(key)
    unchanged = present and old == value and (old is not None or keep_null)
    if unchanged or (not present and value is None and not keep_null):
        return Applied(SetMapField(name, old, present and old is None), ())
    if PLAN_KEY not in extra:  # the plan comes with this key and goes with it
        inverse = SetMapField(PLAN_KEY, None)
    elif not plan:  # an empty plan object stays as it was
        inverse = SetMapField(PLAN_KEY, {})
    else:
        inverse = SetMapField(name, copy.deepcopy(old), present and old is None)
    if value is None and not keep_null:
        plan.pop(key, None)
        if not plan:
            extra.pop(PLAN_KEY, None)
    else:
        plan[key] = copy.deepcopy(value)
        extra[PLAN_KEY] = plan
    return Applied(inverse, (MapFieldChanged(name),))


def _meta_value(key: str, value: object) -> object:
    if key == "authors":
        if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
            raise OperationError("authors is a list of names")
        return list(value)
    return _check_text(f"meta.{key}", value)
