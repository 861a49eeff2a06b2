"""Exact edits for a mirror of the map (a shared document on other laptops, ``srmtool.share``).

A gesture's operations keep the map consistent by cascading (removing an objective takes its links
and rows) and refusing (a link to nowhere). A mirror must instead make the map *exactly* what the
shared document holds, which after concurrent edits may be a row of a removed objective or a link
to nowhere: the checks then report what the team must resolve. These operations do just that,
item by item, without cascades, and return the same typed change records and inverses as the
others, so views and undo follow them unchanged.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from srmtool.model.changes import (
    Change,
    ColumnsChanged,
    LinkAdded,
    LinkRemoved,
    ObjectiveAdded,
    ObjectiveChanged,
    ObjectiveRemoved,
    ProgressChanged,
    RowAdded,
    RowChanged,
    RowRemoved,
    StakeholderAdded,
    StakeholderChanged,
    StakeholderRemoved,
)
from srmtool.model.operations.base import Applied, OperationError, _check_perspective, _index_of, _insert
from srmtool.model.progress.records import PROGRESS_KEY
from srmtool.model.types import OBJECTIVE_COLUMN, Column, Link, Objective, RouteMap, Row, Stakeholder


def _entry(model: BaseModel) -> dict[str, Any]:
    """The model's file entry as plain data, additive keys included."""
    return model.model_dump()


def _update_in_place(current: BaseModel, new: BaseModel) -> list[str]:
    """Make ``current`` hold ``new``'s values (known fields and additive keys), keeping the
    instance (views may hold it); the names of the keys whose values changed."""
    old, now = _entry(current), _entry(new)
    changed = [k for k in dict.fromkeys([*old, *now]) if old.get(k, _ABSENT) != now.get(k, _ABSENT)]
    for name in type(current).model_fields:
        if name in changed:
            setattr(current, name, getattr(new, name))
    current.__pydantic_extra__ = dict(new.__pydantic_extra__ or {})
    return changed


_ABSENT = object()


@dataclass(frozen=True)
class PutObjective:
    """Make the objective with this id exactly ``objective``: inserted at ``index`` (None: last)
    when the map has none, else updated where it is. No link or row comes or goes."""

    objective: Objective
    index: int | None = None

    def apply(self, route_map: RouteMap) -> Applied:
        new = self.objective.model_copy(deep=True)
        if not new.id:
            raise OperationError("an objective needs an id")
        _check_perspective(new.perspective)
        current = route_map.objective(new.id)
        if current is None:
            at = _insert(route_map.objectives, self.index, new)
            route_map.touch()
            return Applied(DropObjective(new.id), (ObjectiveAdded(new.id, at),))
        before = current.model_copy(deep=True)
        fields = _update_in_place(current, new)
        changes = (ObjectiveChanged(new.id, tuple(fields)),) if fields else ()
        return Applied(PutObjective(before), changes)


@dataclass(frozen=True)
class DropObjective:
    """Remove one objective and nothing else (its links and rows stay, pointing nowhere)."""

    objective_id: str

    def apply(self, route_map: RouteMap) -> Applied:
        index = _index_of(route_map.objectives, "id", self.objective_id)
        old = route_map.objectives.pop(index)
        route_map.touch()
        return Applied(PutObjective(old, index), (ObjectiveRemoved(old.id, index),))


@dataclass(frozen=True)
class PutRow:
    """Make the row with this id exactly ``row`` (its objective, its cells in their order): inserted
    at ``index`` when the table has none, else updated where it is."""

    row: Row
    index: int | None = None

    def apply(self, route_map: RouteMap) -> Applied:
        new = self.row.model_copy(deep=True)
        if not new.id:
            raise OperationError("a row needs an id")
        current = route_map.row(new.id)
        if current is None:
            at = _insert(route_map.table.rows, self.index, new)
            route_map.touch()
            return Applied(DropRow(new.id), (RowAdded(new.id, at),))
        before = current.model_copy(deep=True)
        keys = [
            k for k in dict.fromkeys([*before.cells, *new.cells]) if before.cells.get(k) != new.cells.get(k)
        ]
        if before.objective != new.objective:
            keys.insert(0, OBJECTIVE_COLUMN)
        current.objective = new.objective
        current.cells = dict(new.cells)
        current.__pydantic_extra__ = dict(new.__pydantic_extra__ or {})
        return Applied(PutRow(before), (RowChanged(new.id, tuple(keys)),) if keys else ())


@dataclass(frozen=True)
class DropRow:
    row_id: str

    def apply(self, route_map: RouteMap) -> Applied:
        index = _index_of(route_map.table.rows, "id", self.row_id)
        old = route_map.table.rows.pop(index)
        route_map.touch()
        return Applied(PutRow(old, index), (RowRemoved(old.id, index),))


@dataclass(frozen=True)
class PutStakeholder:
    stakeholder: Stakeholder
    index: int | None = None

    def apply(self, route_map: RouteMap) -> Applied:
        new = self.stakeholder.model_copy(deep=True)
        if not new.id:
            raise OperationError("a stakeholder needs an id")
        current = route_map.stakeholder(new.id)
        if current is None:
            at = _insert(route_map.stakeholders, self.index, new)
            return Applied(DropStakeholder(new.id), (StakeholderAdded(new.id, at),))
        before = current.model_copy(deep=True)
        fields = _update_in_place(current, new)
        return Applied(PutStakeholder(before), (StakeholderChanged(new.id, tuple(fields)),) if fields else ())


@dataclass(frozen=True)
class DropStakeholder:
    """Remove one stakeholder; objectives that name it keep naming it."""

    stakeholder_id: str

    def apply(self, route_map: RouteMap) -> Applied:
        index = _index_of(route_map.stakeholders, "id", self.stakeholder_id)
        old = route_map.stakeholders.pop(index)
        return Applied(PutStakeholder(old, index), (StakeholderRemoved(old.id, index),))


def _link_key(link: Link) -> tuple[str, str, str]:
    return (link.source, link.target, repr(sorted((link.model_extra or {}).items())))


@dataclass(frozen=True)
class ReplaceLinks:
    """Make the list of links exactly ``links`` (duplicates and links to nowhere included). The
    records name the links that went (last first) and then those that came (first first), so a
    replay keeps every other link in place."""

    links: tuple[Link, ...]

    def apply(self, route_map: RouteMap) -> Applied:
        old = list(route_map.links)
        new = [lk.model_copy() for lk in self.links]
        old_keys, new_keys = [_link_key(lk) for lk in old], [_link_key(lk) for lk in new]
        matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        kept_old: set[int] = set()
        kept_new: set[int] = set()
        for block in matcher.get_matching_blocks():
            kept_old.update(range(block.a, block.a + block.size))
            kept_new.update(range(block.b, block.b + block.size))
        changes: list[Change] = [
            LinkRemoved(old[i].source, old[i].target, i)
            for i in reversed(range(len(old)))
            if i not in kept_old
        ]
        changes += [LinkAdded(new[j].source, new[j].target, j) for j in range(len(new)) if j not in kept_new]
        route_map.links[:] = new
        return Applied(ReplaceLinks(tuple(old)), tuple(changes))


@dataclass(frozen=True)
class PutColumns:
    """The column set exactly as given (even one a gesture would refuse)."""

    columns: tuple[Column, ...]

    def apply(self, route_map: RouteMap) -> Applied:
        table = route_map.table
        old_columns = tuple(table.columns)
        new_columns = [c.model_copy() for c in self.columns]
        same = [_entry(c) for c in old_columns] == [_entry(c) for c in new_columns]
        table.columns[:] = new_columns
        return Applied(PutColumns(old_columns), () if same else (ColumnsChanged(),))


def progress_entries(progress: object) -> dict[tuple[str, ...], object]:
    """The follow-up records as entries: (part, id, period) → value for the parts keyed by ids,
    (name,) → value for anything else (the settings)."""
    out: dict[tuple[str, ...], object] = {}
    if not isinstance(progress, dict):
        return out
    for name, value in progress.items():
        if isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
            for item_id, periods in value.items():
                for period, entry in periods.items():
                    out[(name, item_id, period)] = entry
        else:
            out[(name,)] = value
    return out


@dataclass(frozen=True)
class PutProgress:
    """The follow-up records (the file's ``progress`` key) exactly as given (None: none), with one
    ``ProgressChanged`` per entry that changed."""

    progress: dict[str, Any] | None

    def apply(self, route_map: RouteMap) -> Applied:
        extra = route_map.__pydantic_extra__
        if extra is None:
            extra = route_map.__pydantic_extra__ = {}
        old = extra.get(PROGRESS_KEY)
        before, after = progress_entries(old), progress_entries(self.progress)
        if self.progress is None:
            extra.pop(PROGRESS_KEY, None)
        else:
            extra[PROGRESS_KEY] = copy.deepcopy(self.progress)
        changed = [
            k for k in dict.fromkeys([*before, *after]) if before.get(k, _ABSENT) != after.get(k, _ABSENT)
        ]
        changes = tuple(ProgressChanged(*key) for key in changed)
        return Applied(PutProgress(old if isinstance(old, dict) else None), changes)
