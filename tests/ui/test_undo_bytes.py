"""Undo gives back the very bytes of the file (issue: after a column change the cells came back at
the end of their rows). A seeded random run of every kind of edit through the Document: undoing
step by step passes through every earlier file byte for byte, back to the original; redoing all
of it gives the final file again."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable

import pytest

from srmtool.model import Column, Stakeholder, dumps_map
from srmtool.model.clipboard import copy_objectives, paste_objectives
from srmtool.model.operations import (
    AddColumn,
    AddRow,
    AddStakeholder,
    MoveColumn,
    MoveRow,
    Operation,
    OperationError,
    RemoveColumn,
    RemoveRow,
    RemoveStakeholder,
    ReplaceColumns,
    SetCell,
    SetColumn,
    SetMapField,
    SetObjectiveCode,
    SetObjectiveExtra,
    SetObjectiveNotes,
    SetObjectiveStakeholders,
    SetRowObjective,
    SetStakeholderField,
    SetVotes,
)
from srmtool.model.templates import builtin_template
from srmtool.model.types import PERSPECTIVE_IDS, RouteMap, Row
from srmtool.ui.document import Document

THAI = [
    "ประชาชนร่วมกันทำลายแหล่งเพาะพันธุ์ยุงลายในบ้านโรงเรียนวัดและชุมชนทุกวันศุกร์อย่างต่อเนื่อง",
    "อสม.เคาะประตูบ้านให้ความรู้เรื่องไข้เลือดออก",
    "งบประมาณ ๑๒,๕๐๐ บาท จากกองทุนหลักประกันสุขภาพ",
    "ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบล",
    "",
]


def test_removing_a_middle_column_and_undoing_puts_each_cell_back_in_its_place(
    dengue_document: Document,
) -> None:
    doc = dengue_document
    before = dumps_map(doc.route_map)
    assert any(list(r.cells)[1:-1].count("budget") for r in doc.route_map.table.rows)  # a middle key
    doc.edit(RemoveColumn("budget"), "ลบคอลัมน์งบประมาณ")
    doc.undo_stack.undo()
    assert dumps_map(doc.route_map) == before
    row = next(r for r in doc.route_map.table.rows if "target" in list(r.cells)[:-1])
    doc.edit(SetCell(row.id, "target", None), "ลบค่าเป้าหมาย")
    doc.undo_stack.undo()
    assert dumps_map(doc.route_map) == before


class Run:
    """Random edits of one document, each one undo step (or refused, which pushes nothing)."""

    def __init__(self, doc: Document, rng: random.Random) -> None:
        self.doc = doc
        self.rng = rng
        self.serial = 0

    @property
    def m(self) -> RouteMap:
        return self.doc.route_map

    def fresh(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}_สุ่ม{self.serial}"

    def objective(self) -> str:
        return self.rng.choice(self.m.objectives).id

    def row(self) -> str:
        return self.rng.choice(self.m.table.rows).id

    def key(self) -> str:
        return self.rng.choice([c.key for c in self.m.table.columns[1:]] or ["activity"])

    def step(self) -> None:
        verbs: list[Callable[[], None]] = [self.map_verb, self.operation]
        if self.m.objectives and self.m.table.rows and self.m.stakeholders:
            verbs.append(self.operation)
        self.rng.choice(verbs)()

    def map_verb(self) -> None:
        doc, rng, m = self.doc, self.rng, self.m
        choice = rng.randrange(8) if m.objectives else 0
        if choice == 0:
            x, y = (rng.uniform(0, 1500), rng.uniform(0, 1200)) if rng.random() < 0.5 else (None, None)
            doc.add_objective(rng.choice(PERSPECTIVE_IDS), rng.choice(THAI), x, y)
        elif choice == 1:
            ids = rng.sample([o.id for o in m.objectives], min(3, len(m.objectives)))
            doc.move_objectives({i: (rng.uniform(100, 1600), rng.uniform(-50, 1300)) for i in ids})
        elif choice == 2:
            doc.set_objective_text(self.objective(), rng.choice(THAI))
        elif choice == 3:
            doc.set_key_route([self.objective(), self.objective()], rng.random() < 0.5)
        elif choice == 4:
            doc.add_link(self.objective(), self.objective())
        elif choice == 5 and m.links:
            link = rng.choice(m.links)
            doc.delete([self.objective()] if rng.random() < 0.4 else [], [(link.source, link.target)])
        elif choice == 6:
            objectives, links, rows = paste_objectives(
                m, copy_objectives(m, [self.objective(), self.objective()])
            )
            doc.paste(objectives, links, rows)
        else:
            doc.set_positions({self.objective(): (rng.uniform(170, 1400), rng.uniform(120, 1200))}, "จัดผัง")

    def operation(self) -> None:
        rng, m = self.rng, self.m
        makers: list[Callable[[], Operation]] = [
            lambda: SetCell(self.row(), self.key(), rng.choice([*THAI, None])),
            lambda: RemoveColumn(self.key()),
            lambda: AddColumn(Column(key=self.fresh("col"), label=rng.choice(THAI)), rng.randrange(1, 6)),
            lambda: MoveColumn(self.key(), rng.randrange(1, len(m.table.columns))),
            lambda: SetColumn(self.key(), label=rng.choice(THAI), width=rng.choice([None, 12.5, 40])),
            lambda: ReplaceColumns(builtin_template(rng.choice(["mini_slm_11", "action_plan"])).columns),
            lambda: AddRow(
                Row(id=self.fresh("r"), objective=self.objective(), cells={"activity": rng.choice(THAI)}),
                rng.randrange(len(m.table.rows) + 1),
            ),  # fmt: skip
            lambda: RemoveRow(self.row()),
            lambda: MoveRow(self.row(), rng.randrange(len(m.table.rows))),
            lambda: SetRowObjective(self.row(), self.objective()),
            lambda: AddStakeholder(Stakeholder(id=self.fresh("s"), name=rng.choice(THAI)), rng.randrange(3)),
            lambda: RemoveStakeholder(rng.choice(m.stakeholders).id),
            lambda: SetStakeholderField(
                rng.choice(m.stakeholders).id, rng.choice(["name", "kind", "role"]), rng.choice(THAI)
            ),  # fmt: skip
            lambda: SetObjectiveStakeholders(
                self.objective(), tuple(rng.sample([s.id for s in m.stakeholders], 2))
            ),
            lambda: SetVotes(self.objective(), rng.choice([0, 1, 7])),
            lambda: SetObjectiveExtra(self.objective(), "priority", rng.choice(["สูง", None, 3])),
            lambda: SetObjectiveCode(self.objective(), rng.choice(["ป๙", "ภ๑๒", "ก๗"])),
            lambda: SetObjectiveNotes(self.objective(), rng.choice(THAI)),
            lambda: SetMapField(rng.choice(["destination", "meta.title", "label.process"]), rng.choice(THAI)),
            lambda: SetMapField(
                rng.choice(["extra_note", "meta.note"]), rng.choice([None, [rng.choice(THAI)]])
            ),
            lambda: SetMapField(rng.choice(["plan.programme", "plan.office"]), rng.choice([None, *THAI])),
            lambda: SetMapField("plan.objectives", rng.choice([None, [rng.choice(THAI), rng.choice(THAI)]])),
            lambda: SetMapField(
                "plan.milestones", rng.choice([None, [{"id": "ms1", "months": 3, "text": rng.choice(THAI)}]])
            ),
            lambda: SetMapField("plan", rng.choice([None, {"project": rng.choice(THAI)}])),
            lambda: SetMapField(
                "signers", rng.choice([None, [{"role": "ผู้เสนอแผน", "name": rng.choice(THAI)}]])
            ),
            lambda: SetMapField("meta.digits", rng.choice([None, "thai", "arabic"])),
            lambda: SetMapField(
                "table.style", rng.choice([None, {"grouping": "heading", "map_page": False}])
            ),
        ]
        try:
            operations = [rng.choice(makers)() for _ in range(rng.choice([1, 1, 2, 3]))]
        except (IndexError, ValueError):
            return  # nothing of that kind left to pick (no rows, no stakeholders …)
        with contextlib.suppress(OperationError):  # refused as a whole: nothing pushed, the map as it was
            self.doc.edit(operations, "สุ่มแก้ไข")


@pytest.mark.parametrize("seed", [2567, 2568, 2569])
def test_a_random_run_undoes_to_every_earlier_file_and_redoes_to_the_last(
    dengue_document: Document, seed: int
) -> None:
    doc = dengue_document
    doc.route_map.objectives[0].model_extra["pinned"] = False  # type: ignore[index]  # an unknown key
    run = Run(doc, random.Random(seed))
    stack = doc.undo_stack
    files = {stack.index(): dumps_map(doc.route_map)}
    for _ in range(160):
        run.step()
        files[stack.index()] = dumps_map(doc.route_map)  # a merged text edit replaces its step's file
    last = stack.index()
    assert last > 60, "the run pushed too few steps to mean anything"
    final = dumps_map(doc.route_map)
    while stack.canUndo():
        stack.undo()
        assert dumps_map(doc.route_map) == files[stack.index()], f"undo to step {stack.index()}"
    assert stack.index() == 0 and dumps_map(doc.route_map) == files[0]
    while stack.canRedo():
        stack.redo()
    assert stack.index() == last and dumps_map(doc.route_map) == final
