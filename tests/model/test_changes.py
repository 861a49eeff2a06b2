"""The change records are complete: a mirror that knows only the records and reads the values they
name from the map at that moment stays equal to the map, through every operation, its undo and
redo, batches, and the undoing of a refused batch. The seam a shared document builds on."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from test_operations import CASES, REFUSED, base_map

from srmtool.model import changes as c
from srmtool.model.operations import (
    AddLink,
    AddRow,
    Applied,
    Batch,
    MoveRow,
    OperationError,
    RemoveObjective,
    SetCell,
    SetVotes,
    apply_all,
)
from srmtool.model.types import OBJECTIVE_COLUMN, RouteMap, Row

_ABSENT = object()


def _fields(model: Any) -> dict[str, Any]:
    return model.model_dump()


def _snapshot(m: RouteMap) -> dict[str, Any]:
    """Everything a mirror keeps, read from the map."""
    dumped = m.model_dump()
    return {
        "objectives": [(o.id, _fields(o)) for o in m.objectives],
        "links": [(lk.source, lk.target) for lk in m.links],
        "rows": [(r.id, r.objective, dict(r.cells)) for r in m.table.rows],
        "columns": [col.model_dump() for col in m.table.columns],
        "table": {k: v for k, v in dumped["table"].items() if k not in ("columns", "rows")},
        "stakeholders": [(s.id, _fields(s)) for s in m.stakeholders],
        "map": {k: v for k, v in dumped.items() if k not in ("objectives", "links", "stakeholders", "table")},
    }


def _read(m: RouteMap, name: str) -> Any:
    """A map field as MapFieldChanged names it."""
    dumped = m.model_dump()
    if name.startswith("label."):
        return m.perspective_label(name[6:])
    if name.startswith("meta."):
        return dumped["meta"].get(name[5:], _ABSENT)
    if name.startswith("table."):
        return dumped["table"].get(name[6:], _ABSENT)
    if name.startswith("plan."):
        return dumped.get("plan", {}).get(name[5:], _ABSENT)
    return dumped.get(name, _ABSENT)


class Mirror:
    """A copy of the map kept up to date from change records alone (values read by id)."""

    def __init__(self, m: RouteMap) -> None:
        self.map = m
        self.state = _snapshot(m)

    def update(self, applied: Applied) -> None:
        for change in applied.changes:
            self._one(change)
        assert self.state == _snapshot(self.map), applied.changes

    def _one(self, change: c.Change) -> None:  # noqa: C901 - one branch per record type
        m, state = self.map, self.state
        objectives, links, rows = state["objectives"], state["links"], state["rows"]
        match change:
            case c.ObjectiveAdded(objective_id=oid, index=i):
                found = m.objective(oid)
                assert found is not None
                objectives.insert(i, (oid, _fields(found)))
            case c.ObjectiveRemoved(objective_id=oid, index=i):
                assert objectives[i][0] == oid
                del objectives[i]
            case c.ObjectiveChanged(objective_id=oid, fields=fields):
                found = m.objective(oid)
                assert found is not None and fields
                entry = next(e for e in objectives if e[0] == oid)[1]
                now = _fields(found)
                for name in fields:
                    if name in now:
                        entry[name] = now[name]
                    else:
                        entry.pop(name)
            case c.LinkAdded(source=s, target=t, index=i):
                links.insert(i, (s, t))
            case c.LinkRemoved(source=s, target=t, index=i):
                assert links[i] == (s, t)
                del links[i]
            case c.RowAdded(row_id=rid, index=i):
                row = m.row(rid)
                assert row is not None
                rows.insert(i, (rid, row.objective, dict(row.cells)))
            case c.RowRemoved(row_id=rid, index=i):
                assert rows[i][0] == rid
                del rows[i]
            case c.RowChanged(row_id=rid, keys=keys):
                row = m.row(rid)
                assert row is not None and keys
                at = next(n for n, e in enumerate(rows) if e[0] == rid)
                _, objective, cells = rows[at]
                for key in keys:
                    if key == OBJECTIVE_COLUMN:
                        objective = row.objective
                    elif key in row.cells:
                        cells[key] = row.cells[key]
                    else:
                        cells.pop(key)
                rows[at] = (rid, objective, cells)
            case c.RowMoved(row_id=rid, index=i):
                at = next(n for n, e in enumerate(rows) if e[0] == rid)
                rows.insert(i, rows.pop(at))
            case c.ColumnsChanged():
                state["columns"] = [col.model_dump() for col in m.table.columns]
            case c.StakeholderAdded(stakeholder_id=sid, index=i):
                found = m.stakeholder(sid)
                assert found is not None
                state["stakeholders"].insert(i, (sid, _fields(found)))
            case c.StakeholderRemoved(stakeholder_id=sid, index=i):
                assert state["stakeholders"][i][0] == sid
                del state["stakeholders"][i]
            case c.StakeholderChanged(stakeholder_id=sid, fields=fields):
                found = m.stakeholder(sid)
                assert found is not None
                entry = next(e for e in state["stakeholders"] if e[0] == sid)[1]
                for name in fields:
                    entry[name] = getattr(found, name)
            case c.MapFieldChanged(name=name):
                value = _read(m, name)
                if name.startswith("label."):
                    state["map"]["perspectives"] = m.model_dump()["perspectives"]
                elif name.startswith(("meta.", "table.")):
                    part = state["map"]["meta"] if name.startswith("meta.") else state["table"]
                    key = name.partition(".")[2]
                    if value is _ABSENT:
                        part.pop(key)
                    else:
                        part[key] = value
                elif name.startswith("plan."):  # one key of the plan, which comes and goes with its keys
                    plan = state["map"].setdefault("plan", {})
                    if value is _ABSENT:
                        plan.pop(name[5:])
                    else:
                        plan[name[5:]] = value
                    if not plan:
                        del state["map"]["plan"]
                elif value is _ABSENT:
                    state["map"].pop(name)
                else:
                    state["map"][name] = value
            case c.ProgressChanged(part=part, item_id=item, period=period):
                now = m.model_dump().get("progress", {})
                progress = state["map"].setdefault("progress", {})
                if not item:  # a setting
                    if part in now:
                        progress[part] = now[part]
                    else:
                        progress.pop(part)
                else:
                    entries = progress.setdefault(part, {}).setdefault(item, {})
                    value = now.get(part, {}).get(item, {}).get(period, _ABSENT)
                    if value is _ABSENT:
                        entries.pop(period)
                    else:
                        entries[period] = value
                    if not entries:
                        del progress[part][item]
                    if not progress[part]:
                        del progress[part]
                if not progress:
                    del state["map"]["progress"]
            case _:
                pytest.fail(f"unknown record {change!r}")


@pytest.mark.parametrize("name", list(CASES))
def test_a_mirror_follows_every_operation_and_its_undo_and_redo(name: str) -> None:
    op, _ = CASES[name]
    m = base_map()
    mirror = Mirror(m)
    before = copy.deepcopy(mirror.state)
    undo = apply_all(m, [op], mirror.update).inverse  # the mirror checks itself after each step
    assert mirror.state != before
    redo = apply_all(m, [undo], mirror.update).inverse
    assert mirror.state == _snapshot(base_map())
    apply_all(m, [redo], mirror.update)
    assert mirror.state != before


@pytest.mark.parametrize("name", [n for n in REFUSED if n.startswith("batch")])
def test_a_mirror_follows_the_undoing_of_a_refused_batch(name: str) -> None:
    m = base_map()
    mirror = Mirror(m)
    with pytest.raises(OperationError):
        apply_all(m, [REFUSED[name]], mirror.update)
    assert mirror.state == _snapshot(base_map())


def test_a_removed_objective_reports_its_links_and_rows_first_with_replayable_positions() -> None:
    m = base_map()
    applied = RemoveObjective("o4").apply(m)
    assert applied.changes == (
        c.LinkRemoved("o6", "o4", 0),
        c.LinkRemoved("o4", "o2", 0),
        c.LinkRemoved("o4", "o3", 1),
        c.LinkRemoved("o7", "o4", 3),
        c.RowRemoved("r2", 1),
        c.RowRemoved("r4", 2),
        c.ObjectiveRemoved("o4", 3),
    )
    assert applied.inverse.apply(m).changes[0] == c.ObjectiveAdded("o4", 3)


def test_records_say_exactly_what_changed() -> None:
    m = base_map()
    assert SetCell("r1", "budget", "5,000").apply(m).changes == ()  # the same text: nothing
    assert SetCell("r1", "budget", "๕,๐๐๐").apply(m).changes == (c.RowChanged("r1", ("budget",)),)
    assert MoveRow("r1", 0).apply(m).changes == ()
    assert MoveRow("r1", 4).apply(m).changes == (c.RowMoved("r1", 4),)
    assert SetVotes("o3", 2).apply(m).changes == ()  # it has two votes already
    assert SetVotes("o3", 5).apply(m).changes == (c.ObjectiveChanged("o3", ("votes",)),)
    added = AddRow(Row(id="r9", objective="o1", cells={"activity": "เดินรณรงค์ทำลายแหล่งเพาะพันธุ์ยุงลาย"}))
    assert added.apply(m).changes == (c.RowAdded("r9", 5),)
    batch = Batch((AddLink("o6", "o5", index=2), SetCell("r9", "budget", "3,000")))
    assert batch.apply(m).changes == (c.LinkAdded("o6", "o5", 2), c.RowChanged("r9", ("budget",)))


def test_only_placement_changes_move_boxes() -> None:
    assert c.moves_boxes((c.ObjectiveChanged("o1", ("y",)),))
    assert c.moves_boxes((c.RowAdded("r1", 0), c.ObjectiveRemoved("o1", 0)))
    assert not c.moves_boxes((c.ObjectiveChanged("o1", ("text", "votes")), c.ColumnsChanged()))
