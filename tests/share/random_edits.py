"""Random edits of every kind a laptop can make, as the editor plans them (model operations)."""

from __future__ import annotations

import random

from srmtool.model import edits
from srmtool.model.operations import (
    AddColumn,
    AddLink,
    AddStakeholder,
    Operation,
    RemoveColumn,
    RemoveLink,
    RemoveStakeholder,
    SetCell,
    SetColumn,
    SetKeyRoute,
    SetMapField,
    SetObjectiveCode,
    SetObjectiveNotes,
    SetObjectiveText,
    SetPerspective,
    SetRowObjective,
    SetStakeholderField,
    SetVotes,
)
from srmtool.model.types import PERSPECTIVE_IDS, Column, Objective, RouteMap, Stakeholder

WORDS = (
    "อสม.สำรวจลูกน้ำยุงลายทุกสัปดาห์",
    "โรงเรียนจัดกิจกรรม",
    "ประชาชนมีพฤติกรรมสุขภาพที่เหมาะสมและยั่งยืนโดยการมีส่วนร่วมของชุมชนทุกหมู่บ้าน",
    "ที่ น้ำ ปี่ ชื่อ",
    "12,000",
    "",
)
KINDS = (
    "add",
    "remove",
    "move",
    "text",
    "type",
    "code",
    "notes",
    "level",
    "key",
    "votes",
    "link",
    "unlink",
    "row",
    "unrow",
    "cell",
    "move_row",
    "row_objective",
    "column",
    "people",
    "field",
    "report",
)


def random_edit(rng: random.Random, m: RouteMap) -> tuple[str, list[Operation]]:  # noqa: C901
    """One gesture's operations for ``m`` (possibly none when the map has nothing to edit)."""
    kind = rng.choice(KINDS)
    objectives = m.objectives
    obj = rng.choice(objectives) if objectives else None
    rows = m.table.rows
    row = rng.choice(rows) if rows else None
    ops: list[Operation] = []
    if kind == "add" or obj is None:
        perspective = rng.choice(PERSPECTIVE_IDS)
        new = Objective(
            id=m.new_id("o"),
            code=m.new_code(perspective),
            perspective=perspective,
            text=rng.choice(WORDS),
            x=rng.randrange(0, 1200),
            y=rng.randrange(0, 700),
        )
        from srmtool.model.operations import AddObjective

        return "add", [AddObjective(new)]
    if kind == "remove":
        ops = edits.delete_operations(m, [obj.id], [])
    elif kind == "move":
        ops = edits.move_operations(
            m, {obj.id: (obj.x + rng.randrange(-50, 50), obj.y + rng.randrange(-300, 300))}
        )
    elif kind == "text":
        ops = [SetObjectiveText(obj.id, rng.choice(WORDS))]
    elif kind == "type":  # typing into the text: a few letters somewhere in it
        at = rng.randrange(0, len(obj.text) + 1)
        ops = [SetObjectiveText(obj.id, obj.text[:at] + rng.choice(("ก", "น้ำ", " ", "x")) + obj.text[at:])]
    elif kind == "code":
        ops = [SetObjectiveCode(obj.id, f"ก{rng.randrange(1, 30)}")]
    elif kind == "notes":
        ops = [SetObjectiveNotes(obj.id, obj.notes + rng.choice(WORDS))]
    elif kind == "level":
        ops = [SetPerspective(obj.id, rng.choice(PERSPECTIVE_IDS))]
    elif kind == "key":
        ops = [SetKeyRoute(obj.id, not obj.key_route)]
    elif kind == "votes":
        ops = [SetVotes(obj.id, rng.randrange(0, 5))]
    elif kind == "link":
        other = rng.choice(objectives)
        if other.id != obj.id and not m.has_link(obj.id, other.id) and m.objective(other.id):
            ops = [AddLink(obj.id, other.id)]
    elif kind == "unlink" and m.links:
        lk = rng.choice(m.links)
        ops = [RemoveLink(lk.source, lk.target)]
    elif kind == "row":
        add, _ = edits.new_row(m, obj.id)
        ops = [add]
    elif kind == "unrow" and row is not None:
        ops = edits.remove_rows_operations([row.id])
    elif kind == "cell" and row is not None:
        keys = [c.key for c in m.table.columns if c.key != "objective"] or ["indicator"]
        ops = [SetCell(row.id, rng.choice(keys), rng.choice(WORDS) or None)]
    elif kind == "move_row" and row is not None and len(rows) > 1:
        order = [r.id for r in rows]
        ops = edits.move_rows_operations(order, [row.id], rng.randrange(0, len(rows) + 1))
    elif kind == "row_objective" and row is not None:
        ops = [SetRowObjective(row.id, obj.id)]
    elif kind == "column":
        choice = rng.randrange(3)
        cols = [c for c in m.table.columns if c.key != "objective"]
        if choice == 0:
            key = edits.new_column_key(m, set())
            ops = [AddColumn(Column(key=key, label=rng.choice(WORDS) or "ช่อง"))]
        elif cols and choice == 1:
            ops = [SetColumn(rng.choice(cols).key, label=rng.choice(WORDS) or "ช่อง")]
        elif cols:
            ops = [RemoveColumn(rng.choice(cols).key)]
    elif kind == "people":
        choice = rng.randrange(4)
        if choice == 0 or not m.stakeholders:
            ops = [AddStakeholder(Stakeholder(id=m.new_id("s"), name=rng.choice(WORDS) or "อบต."))]
        elif choice == 1:
            ops = [SetStakeholderField(rng.choice(m.stakeholders).id, "name", rng.choice(WORDS))]
        elif choice == 2:
            ops = [RemoveStakeholder(rng.choice(m.stakeholders).id)]
        else:
            ops = edits.toggle_operations(m, obj.id, rng.choice(m.stakeholders).id)
    elif kind == "report" and row is not None:
        from srmtool.model.operations import SetProgressSetting, SetReport

        if rng.random() < 0.2:
            ops = [SetProgressSetting("periods", rng.choice(("quarters", "months", None)))]
        else:
            period = rng.choice(("2568-Q1", "2568-Q2"))
            report = {
                "status": rng.choice(("on_track", "late", "done")),
                "result": rng.choice(WORDS),
                "spent": 500,
            }
            ops = [SetReport(row.id, period, rng.choice((report, report, None)))]
    elif kind == "field":
        name, value = rng.choice(
            (
                ("destination", rng.choice(WORDS)),
                ("meta.title", rng.choice(WORDS)),
                ("label.people", rng.choice(WORDS) or "ประชาชน"),
                ("plan.programme", rng.choice(WORDS) or None),
                ("plan.office", rng.choice(WORDS)),
                (
                    "plan.milestones",
                    [{"id": "ms1", "months": rng.choice((3, 6, 9, 12)), "text": rng.choice(WORDS)}],
                ),
                ("plan", rng.choice((None, {"project": rng.choice(WORDS)}))),
                ("signers", [{"role": "ผู้เสนอแผน", "name": rng.choice(WORDS), "position": "ผอ.รพ.สต."}]),
                ("meta.digits", rng.choice(("thai", "arabic", None))),
                (
                    "table.style",
                    rng.choice(({"grouping": "heading", "map_page": False}, {"grouping": "merged"}, None)),
                ),
                ("meta.notes_for_later", rng.choice(WORDS)),
            )
        )
        ops = [SetMapField(name, value)]
    return kind, ops
