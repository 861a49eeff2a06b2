"""Every editing verb through do, undo and redo: the signals views see and the map they read."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest

from srmtool.model import Link, Objective, dumps_map
from srmtool.model.layout import BOX_HEIGHT, compute_layout
from srmtool.model.operations import (
    OperationError,
    RemoveObjective,
    SetKeyRoute,
    SetObjectiveCode,
    SetObjectiveNotes,
    SetVotes,
)
from srmtool.ui.document import Document

#: The conftest ``signal_log`` fixture: call it on a document to record its change signals.
Recorder = Callable[[Document], Any]

LONG_THAI = (
    "ประชาชนทุกหลังคาเรือนร่วมกันสำรวจและทำลายแหล่งเพาะพันธุ์ยุงลายในบ้านโรงเรียนวัดและชุมชน"
    "อย่างต่อเนื่องทุกสัปดาห์จนค่าดัชนีลูกน้ำยุงลายต่ำกว่าเกณฑ์ที่กระทรวงสาธารณสุขกำหนด"
)


def roundtrip(doc: Document, log: Any) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Undo then redo the last step; the signals of each, checking the bytes come back."""
    after = dumps_map(doc.route_map)
    log.clear()
    doc.undo_stack.undo()
    undone = log.take()
    doc.undo_stack.redo()
    assert dumps_map(doc.route_map) == after
    return undone, log.take()


def no_overlaps(doc: Document) -> None:
    layout = compute_layout(doc.route_map)
    for (a, ra), (b, rb) in itertools.combinations(layout.boxes.items(), 2):
        assert not ra.intersects(rb), (a, b, ra, rb)
    for obj in doc.route_map.objectives:
        band = layout.bands[obj.perspective]
        box = layout.boxes[obj.id]
        assert band.y <= box.y and box.bottom <= band.bottom, obj.id


def test_add_objective_do_undo_redo(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    before = dumps_map(doc.route_map)
    oid = doc.add_objective("people", LONG_THAI)
    assert log.take() == [("objective_added", oid)]
    obj = doc.route_map.objective(oid)
    assert obj is not None and obj.text == LONG_THAI and obj.code == "ป4" and obj.perspective == "people"
    assert doc.undo_stack.undoText() == "Add objective"
    doc.undo_stack.undo()
    assert log.take() == [("objective_removed", oid)]
    assert dumps_map(doc.route_map) == before
    doc.undo_stack.redo()
    assert log.take() == [("objective_added", oid)]
    assert doc.route_map.objective(oid) is not None
    no_overlaps(doc)


def test_thirty_adds_in_one_band_never_overlap(dengue_document: Document) -> None:
    doc = dengue_document
    bands_before = {o.id: o.perspective for o in doc.route_map.objectives}
    rows_before = {
        o.id: compute_layout(doc.route_map).boxes[o.id].y
        - compute_layout(doc.route_map).bands[o.perspective].y
        for o in doc.route_map.objectives
    }
    ids = [doc.add_objective("stakeholder", f"ภาคีเครือข่ายลำดับที่ {n} ร่วมรณรงค์") for n in range(30)]
    assert len(set(ids)) == 30 and doc.undo_stack.count() == 30
    no_overlaps(doc)
    layout = compute_layout(doc.route_map)
    assert all(doc.route_map.objective(i).perspective == "stakeholder" for i in ids)  # type: ignore[union-attr]
    # boxes of the bands below the grown band keep their place within their band
    for oid, persp in bands_before.items():
        assert doc.route_map.objective(oid).perspective == persp  # type: ignore[union-attr]
        assert layout.boxes[oid].y - layout.bands[persp].y == pytest.approx(rows_before[oid])
    for _ in range(30):
        doc.undo_stack.undo()
    assert not doc.is_modified


def test_add_at_an_occupied_place_moves_next_to_it(dengue_document: Document) -> None:
    doc = dengue_document
    taken = doc.route_map.objective("o1")
    assert taken is not None
    oid = doc.add_objective("people", "ประชาชนในชุมชนมีส่วนร่วม", taken.x + 10, taken.y + 10)
    new = doc.route_map.objective(oid)
    assert new is not None and (new.x, new.y) != (taken.x + 10, taken.y + 10)
    assert abs(new.x - taken.x) < 600 and abs(new.y - taken.y) < 400
    no_overlaps(doc)


def test_add_in_unknown_level_is_refused(dengue_document: Document) -> None:
    with pytest.raises(ValueError):
        dengue_document.add_objective("นอกแผนที่", "ข้อความ")
    assert dengue_document.undo_stack.count() == 0


def test_move_within_band(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    o2 = doc.route_map.objective("o2")
    assert o2 is not None
    old = (o2.x, o2.y)
    doc.move_objectives({"o2": (o2.x + 5, o2.y + 7)})
    assert log.take() == [("objective_changed", "o2", ("x", "y"))]
    assert (o2.x, o2.y) == (old[0] + 5, old[1] + 7) and o2.perspective == "people"
    assert doc.undo_stack.undoText() == "Move objective"
    undone, redone = roundtrip(doc, log)
    assert undone == redone == [("objective_changed", "o2", ("x", "y"))]
    doc.undo_stack.undo()
    assert (o2.x, o2.y) == old


def test_move_that_moves_nothing_pushes_nothing(dengue_document: Document) -> None:
    doc = dengue_document
    o2 = doc.route_map.objective("o2")
    assert o2 is not None
    doc.move_objectives({"o2": (o2.x, o2.y), "ไม่มีอยู่": (1.0, 2.0)})
    doc.move_objectives({})
    assert doc.undo_stack.count() == 0 and not doc.is_modified


def test_move_across_bands_changes_level_and_keeps_code(
    dengue_document: Document, signal_log: Recorder
) -> None:
    doc = dengue_document
    log = signal_log(doc)
    before = dumps_map(doc.route_map)
    layout = compute_layout(doc.route_map)
    process_top = layout.bands["process"].y
    obj = doc.route_map.objective("o13")  # พ1, foundation
    assert obj is not None
    doc.move_objectives({"o13": (1200.0, process_top + 40)})
    assert log.take() == [("objective_changed", "o13", ("perspective", "x", "y"))]
    assert obj.perspective == "process" and obj.code == "พ1" and (obj.x, obj.y) == (1200.0, process_top + 40)
    doc.undo_stack.undo()
    assert obj.perspective == "foundation"
    assert dumps_map(doc.route_map) == before
    doc.undo_stack.redo()
    assert obj.perspective == "process"


@pytest.mark.parametrize("y", [-300.0, 0.0, 50.0])
def test_drop_on_banner_or_above_stays_in_top_band(dengue_document: Document, y: float) -> None:
    doc = dengue_document
    doc.move_objectives({"o4": (300.0, y)})  # ภ1, stakeholder
    obj = doc.route_map.objective("o4")
    assert obj is not None and obj.perspective == "people" and obj.y == y


def test_move_uses_the_box_centre(dengue_document: Document) -> None:
    doc = dengue_document
    border = compute_layout(doc.route_map).bands["people"].bottom
    doc.move_objectives({"o1": (670.0, border - BOX_HEIGHT / 2 - 5)})
    assert doc.route_map.objective("o1").perspective == "people"  # type: ignore[union-attr]
    doc.undo_stack.undo()  # that drop grew the band; drop again on the first layout
    doc.move_objectives({"o1": (670.0, border - BOX_HEIGHT / 2 + 5)})
    assert doc.route_map.objective("o1").perspective == "stakeholder"  # type: ignore[union-attr]


def test_move_three_is_one_step(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    moves = {
        oid: (doc.route_map.objective(oid).x + 30, doc.route_map.objective(oid).y)
        for oid in ("o1", "o2", "o3")
    }  # type: ignore[union-attr]
    doc.move_objectives(moves)
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Move 3 objectives"
    assert sorted(log.take()) == [("objective_changed", i, ("x",)) for i in ("o1", "o2", "o3")]
    doc.undo_stack.undo()
    assert sorted(log.take()) == [("objective_changed", i, ("x",)) for i in ("o1", "o2", "o3")]


def test_text_edits_of_one_objective_merge(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    obj = doc.route_map.objective("o3")
    assert obj is not None
    original = obj.text
    doc.set_objective_text("o3", "ผู้ป่วย")
    doc.set_objective_text("o3", LONG_THAI)
    assert log.take() == [("objective_changed", "o3", ("text",))] * 2
    assert obj.text == LONG_THAI and doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Edit text"
    doc.set_objective_text("o2", "ประชาชนมีความรู้เรื่องไข้เลือดออก")
    assert doc.undo_stack.count() == 2  # another objective: its own step
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert obj.text == original
    doc.undo_stack.redo()
    assert obj.text == LONG_THAI


def test_text_edited_back_leaves_no_step(dengue_document: Document) -> None:
    doc = dengue_document
    original = doc.route_map.objective("o3").text  # type: ignore[union-attr]
    doc.set_objective_text("o3", "ข้อความชั่วคราว")
    doc.set_objective_text("o3", original)
    assert doc.undo_stack.count() == 0 and not doc.is_modified
    doc.set_objective_text("o3", original)  # unchanged: nothing
    assert doc.undo_stack.count() == 0


def test_set_objective_fields(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    obj = doc.route_map.objective("o6")
    assert obj is not None
    doc.edit(SetObjectiveNotes("o6", "หมายเหตุ: ประสานผู้อำนวยการโรงเรียนทุกแห่ง"), "แก้หมายเหตุ")
    doc.edit(SetObjectiveCode("o6", "ภ9"), "แก้รหัส")
    doc.edit(SetVotes("o6", 7), "ลงคะแนน")
    assert log.take() == [
        ("objective_changed", "o6", ("notes",)),
        ("objective_changed", "o6", ("code",)),
        ("objective_changed", "o6", ("votes",)),
    ]
    assert (obj.notes, obj.code, obj.votes) == ("หมายเหตุ: ประสานผู้อำนวยการโรงเรียนทุกแห่ง", "ภ9", 7)
    assert doc.undo_stack.count() == 3 and doc.undo_stack.undoText() == "ลงคะแนน"
    doc.edit(SetObjectiveCode("o6", "ภ9"), "แก้รหัสเป็นค่าเดิม")  # changes nothing: no step
    assert doc.undo_stack.count() == 3 and log.take() == []
    doc.undo_stack.undo()
    assert getattr(obj, "votes", None) is None
    with pytest.raises(OperationError):
        doc.edit(SetKeyRoute("o6", "ใช่"), "ผิดชนิด")  # type: ignore[arg-type]
    assert doc.undo_stack.count() == 3


def test_key_route(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    marked = [o.id for o in doc.route_map.objectives if o.key_route]
    doc.set_key_route(["o11", "o12", *marked], True)
    assert log.take() == [
        ("objective_changed", "o11", ("key_route",)),
        ("objective_changed", "o12", ("key_route",)),
    ]
    assert doc.undo_stack.undoText() == "Mark key route"
    doc.set_key_route(["o11", "o12"], True)  # already on
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert [o.id for o in doc.route_map.objectives if o.key_route] == marked


def test_add_link_refuses_without_a_command(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    existing = doc.route_map.links[0]
    assert not doc.can_link(existing.source, existing.target) and doc.can_link("o15", "o3")
    assert not doc.add_link(existing.source, existing.target)
    assert not doc.add_link("o2", "o2")
    assert not doc.add_link("o2", "ไม่มี")
    assert doc.undo_stack.count() == 0 and log.take() == []
    assert doc.add_link("o15", "o3")
    assert log.take() == [("link_added", "o15", "o3")]
    assert doc.undo_stack.undoText() == "Add link"
    undone, redone = roundtrip(doc, log)
    assert undone == [("link_removed", "o15", "o3")] and redone == [("link_added", "o15", "o3")]


def test_remove_link_undo_restores_its_place(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    before = dumps_map(doc.route_map)
    middle = doc.route_map.links[5]
    doc.remove_link(middle.source, middle.target)
    assert log.take() == [("link_removed", middle.source, middle.target)]
    doc.remove_link(middle.source, middle.target)  # gone already: nothing
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert log.take() == [("link_added", middle.source, middle.target)]
    assert dumps_map(doc.route_map) == before


def test_delete_then_undo_restores_links_and_rows(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    m = doc.route_map
    before = dumps_map(m)
    victims = ["o1", "o9", "o13"]  # each has links and two table rows
    links = {(lk.source, lk.target) for v in victims for lk in m.links_of(v)}
    rows = [r.id for r in m.table.rows if r.objective in victims]
    assert rows and links
    extra = next((lk.source, lk.target) for lk in m.links if not set(victims) & {lk.source, lk.target})
    doc.delete(victims, [extra])
    done = log.take()
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Delete 3 objectives and 1 link"
    assert {e[1:] for e in done if e[0] == "link_removed"} == links | {extra}
    assert [e[1] for e in done if e[0] == "row_removed"] == rows
    assert [e for e in done if e[0] == "objective_removed"] == [("objective_removed", v) for v in victims]
    assert [e[0] for e in done][-3:] == ["objective_removed"] * 3  # links and rows go first
    assert all(m.objective(v) is None for v in victims) and not m.has_link(*extra)
    after = dumps_map(m)
    doc.undo_stack.undo()
    undone = log.take()
    assert dumps_map(m) == before
    assert [e[0] for e in undone][:3] == ["objective_added"] * 3  # boxes before their arrows
    assert sorted(e for e in undone if e[0] != "objective_added") == sorted(
        [("link_added", *lk) for lk in links | {extra}] + [("row_added", r) for r in rows]
    )
    doc.undo_stack.redo()
    assert dumps_map(m) == after


def test_delete_nothing_pushes_nothing(dengue_document: Document) -> None:
    dengue_document.delete(["ไม่มีเป้าประสงค์นี้"], [("o1", "o2")])
    assert dengue_document.undo_stack.count() == 0


def test_set_positions_one_step(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    before = dumps_map(doc.route_map)
    doc.set_positions({"o1": (170.0, 205.0), "o2": (420.0, 205.0), "o3": (1170.0, 205.0)}, "จัดผังใหม่")
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "จัดผังใหม่"
    assert sorted(log.take()) == [("objective_changed", "o1", ("x",)), ("objective_changed", "o3", ("x",))]
    doc.undo_stack.undo()
    assert dumps_map(doc.route_map) == before


def test_paste_copies_with_fresh_ids(dengue_document: Document, signal_log: Recorder) -> None:
    doc = dengue_document
    log = signal_log(doc)
    m = doc.route_map
    before = dumps_map(m)
    copies = [m.objective("o13").model_copy(deep=True), m.objective("o9").model_copy(deep=True)]  # type: ignore[union-attr]
    links = [Link(source="o13", target="o9"), Link(source="o9", target="o1"), Link(source="o9", target="ไม่มี")]
    new_ids = doc.paste(copies, links)
    assert len(new_ids) == 2 and not {"o13", "o9"} & set(new_ids)
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Paste"
    a, b = (m.objective(i) for i in new_ids)
    assert a is not None and b is not None and a.text == copies[0].text and a.code not in ("พ1", "")
    assert m.has_link(a.id, b.id) and m.has_link(b.id, "o1")
    assert [e for e in log.take() if e[0] != "objective_changed"] == [
        ("objective_added", a.id),
        ("objective_added", b.id),
        ("link_added", a.id, b.id),
        ("link_added", b.id, "o1"),
    ]
    no_overlaps(doc)
    doc.undo_stack.undo()
    assert dumps_map(m) == before


def test_paste_keeps_free_ids(dengue_document: Document) -> None:
    fresh = Objective(id="p1", code="ป9", perspective="people", text="ประชาชนออกกำลังกาย", x=170.0, y=205.0)
    assert dengue_document.paste([fresh], []) == ["p1"]


def test_generic_operations_emit_their_signals(dengue_document: Document, signal_log: Recorder) -> None:
    from srmtool.model import Column, Row, Stakeholder
    from srmtool.model.operations import (
        AddColumn,
        AddRow,
        AddStakeholder,
        Batch,
        MoveRow,
        RemoveStakeholder,
        SetCell,
        SetMapField,
    )

    doc = dengue_document
    log = signal_log(doc)
    before = dumps_map(doc.route_map)
    doc.edit(AddRow(Row(id="r99", objective="o2", cells={"activity": "อบรม อสม."})), "เพิ่มแถว")
    doc.edit(SetCell("r99", "budget", "15,000"), "แก้ช่อง")
    doc.edit(MoveRow("r99", 0), "ย้ายแถว")
    doc.edit(AddColumn(Column(key="remark", label="หมายเหตุ")), "เพิ่มคอลัมน์")
    doc.edit(SetMapField("destination", "ตำบลปลอดไข้เลือดออกอย่างยั่งยืน"), "แก้จุดหมาย")
    assert log.take() == [
        ("row_added", "r99"),
        ("row_changed", "r99", ("budget",)),
        ("row_moved", "r99", 0),
        ("columns_changed",),
        ("map_changed", "destination"),
    ]
    holder = doc.route_map.stakeholders[0].id
    named = [o.id for o in doc.route_map.objectives if holder in o.stakeholders]
    assert named
    doc.edit(RemoveStakeholder(holder), "ลบภาคี")
    assert log.take() == [("stakeholder_removed", holder)] + [
        ("objective_changed", i, ("stakeholders",)) for i in named
    ]
    doc.edit(Batch((AddStakeholder(Stakeholder(id="s99", name="ชมรมผู้สูงอายุ")),)), "เพิ่มภาคี")
    assert log.take() == [("stakeholder_added", "s99")]
    for _ in range(7):
        doc.undo_stack.undo()
    assert ("row_removed", "r99") in log.take()
    assert dumps_map(doc.route_map) == before


def test_model_cascade_removal_announces_links_and_rows(
    dengue_document: Document, signal_log: Recorder
) -> None:
    doc = dengue_document
    log = signal_log(doc)
    links = [("link_removed", lk.source, lk.target) for lk in doc.route_map.links_of("o10")]
    rows = [("row_removed", r.id) for r in doc.route_map.rows_of("o10")]
    doc.edit(RemoveObjective("o10"), "ลบ")
    assert log.take() == [*links, *rows, ("objective_removed", "o10")]
    doc.undo_stack.undo()
    restored = log.take()
    assert restored[0] == ("objective_added", "o10")
    assert sorted(restored[1:]) == sorted(
        [("link_added", *e[1:]) for e in links] + [("row_added", r[1]) for r in rows]
    )


def test_refused_operation_pushes_nothing(dengue_document: Document, signal_log: Recorder) -> None:
    from srmtool.model.operations import AddLink, Batch, MoveObjective

    doc = dengue_document
    log = signal_log(doc)
    before = dumps_map(doc.route_map)
    with pytest.raises(OperationError):
        doc.edit(Batch((MoveObjective("o1", 10.0, 20.0), AddLink("o1", "o1"))), "ผิด")
    assert doc.undo_stack.count() == 0 and not doc.is_modified
    assert dumps_map(doc.route_map) == before
    assert log.take() == [("objective_changed", "o1", ("x", "y"))] * 2  # moved and put back


def test_paste_from_the_clipboard_text_with_rows(dengue_document: Document, signal_log: Recorder) -> None:
    from srmtool.model.clipboard import copy_objectives, paste_objectives

    doc = dengue_document
    m = doc.route_map
    before = dumps_map(m)
    text = copy_objectives(m, ["o9", "o13"])  # both have two table rows
    objectives, links, rows = paste_objectives(m, text)
    log = signal_log(doc)
    ids = doc.paste(objectives, links, rows)
    assert doc.undo_stack.count() == 1 and len(ids) == 2
    pasted_rows = [r for r in m.table.rows if r.objective in ids]
    assert len(pasted_rows) == 4
    copied_cells = sorted(c for r in m.table.rows if r.objective in ("o13", "o9") for c in r.cells.values())
    assert sorted(c for r in pasted_rows for c in r.cells.values()) == copied_cells
    assert any("ทักษะ" in c or "อบรม" in c for c in copied_cells)
    added = log.take()
    assert [e for e in added if e[0] == "row_added"] == [("row_added", r.id) for r in pasted_rows]
    no_overlaps(doc)
    doc.undo_stack.undo()
    assert dumps_map(m) == before
