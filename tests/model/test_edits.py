"""The plans of the editor's gestures (srmtool.model.edits), without Qt: which operations a new box,
a drag, a delete, a paste, a row move, a column change, an assignment or a vote becomes, and that
planning never changes the map."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from srmtool.model import dumps_map, edits, load_map
from srmtool.model.layout import BOX_GAP, BOX_HEIGHT, BOX_WIDTH, Rect, compute_layout, first_free_place
from srmtool.model.operations import (
    AddLink,
    AddObjective,
    AddRow,
    MoveObjective,
    MoveRow,
    RemoveColumn,
    RemoveLink,
    RemoveObjective,
    RemoveRow,
    ReplaceColumns,
    SetKeyRoute,
    SetObjectiveExtra,
    SetObjectiveStakeholders,
    SetPerspective,
    SetVotes,
    apply_all,
)
from srmtool.model.types import Column, Link, Objective, RouteMap, Row, Table
from srmtool.resources_path import resource

LONG_THAI = (
    "ผู้นำชุมชนและอาสาสมัครสาธารณสุขประจำหมู่บ้านร่วมกันรณรงค์ให้ทุกครัวเรือนคัดแยกขยะ"
    "และทำลายแหล่งเพาะพันธุ์ยุงลายทุกวันศุกร์อย่างต่อเนื่องตลอดปีงบประมาณ"
)


@pytest.fixture
def dengue() -> RouteMap:
    return load_map(Path(str(resource("examples", "dengue_tambon.srm"))))


def code_of(m: RouteMap, code: str) -> str:
    return next(o.id for o in m.objectives if o.code == code)


def no_overlaps(m: RouteMap) -> None:
    layout = compute_layout(m)
    for (a, ra), (b, rb) in itertools.combinations(layout.boxes.items(), 2):
        assert not ra.intersects(rb), (a, b)


# -- the one placement rule ------------------------------------------------------------------------


def test_first_free_place_takes_the_first_candidate_that_covers_nothing() -> None:
    taken = [Rect(200.0, 200.0, BOX_WIDTH, BOX_HEIGHT)]
    candidates = iter([(210.0, 210.0), (200.0 + BOX_WIDTH + 5, 200.0), (700.0, 200.0), (900.0, 200.0)])
    assert first_free_place(candidates, taken) == (700.0, 200.0)  # 5 apart is closer than half a gap
    assert next(candidates) == (900.0, 200.0)  # consumed only up to the one it gave
    assert first_free_place([(200.0 + BOX_WIDTH, 200.0)], taken, gap=0.0) == (200.0 + BOX_WIDTH, 200.0)
    group = [(0.0, 0.0), (0.0, 300.0)]  # two boxes, one below the other
    assert first_free_place([(200.0, -100.0), (600.0, -100.0)], taken, group) == (600.0, -100.0)
    assert first_free_place([(600.0, 0.0)], taken, fits=lambda i, box: box.x < 500) is None


# -- boxes -----------------------------------------------------------------------------------------


def test_planning_never_changes_the_map(dengue: RouteMap) -> None:
    before = dumps_map(dengue)
    p1, k1 = code_of(dengue, "ป1"), code_of(dengue, "พ1")
    edits.place_box(dengue, "process", 400.0, 500.0)
    edits.keep_lower_bands(dengue, [MoveObjective(p1, 300.0, 700.0)])
    edits.move_operations(dengue, {k1: (1200.0, 420.0)})
    edits.delete_operations(dengue, [p1])
    edits.paste_operations(dengue, [dengue.objectives[0]], [], dengue.table.rows[:2])
    edits.column_operations(dengue, [dengue.table.columns[0]])
    edits.assign_operations(dengue, [p1], [s.id for s in dengue.stakeholders], True)
    edits.vote_operations(dengue, p1, 3)
    assert dumps_map(dengue) == before


def test_a_new_box_goes_to_the_free_place_nearest_to_where_it_was_asked(dengue: RouteMap) -> None:
    taken = dengue.objectives[0]
    x, y = edits.place_box(dengue, "people", taken.x + 10, taken.y + 10)
    assert (x, y) != (taken.x + 10, taken.y + 10) and abs(x - taken.x) < 600 and abs(y - taken.y) < 400
    box = Rect(x, y, BOX_WIDTH, BOX_HEIGHT)
    assert not any(box.intersects(r, gap=BOX_GAP / 2) for r in compute_layout(dengue).boxes.values())
    layout = compute_layout(dengue)
    assert edits.place_box(dengue, "people", None, None) == edits.place_box(dengue, "people", None, 5.0)
    band = layout.bands["foundation"]
    fx, fy = edits.place_box(dengue, "foundation", 20.0, band.y - 300)  # left of the labels, above
    assert fx >= 170.0 and fy >= band.y + 30


def test_a_taller_band_moves_the_boxes_of_the_bands_below_it(dengue: RouteMap) -> None:
    layout = compute_layout(dengue)
    people = layout.bands["people"]
    low = Objective(id="o99", code="ป9", perspective="people", text=LONG_THAI, x=900.0, y=people.bottom)
    plan = edits.keep_lower_bands(dengue, [AddObjective(low)])
    assert plan[0] == AddObjective(low) and all(isinstance(op, MoveObjective) for op in plan[1:])
    moved = {op.objective_id for op in plan[1:] if isinstance(op, MoveObjective)}
    assert moved == {o.id for o in dengue.objectives if o.perspective != "people"}
    inside = {o.id: layout.boxes[o.id].y - layout.bands[o.perspective].y for o in dengue.objectives}
    apply_all(dengue, plan)
    after = compute_layout(dengue)
    for o in dengue.objectives:
        if o.id != "o99":
            assert after.boxes[o.id].y - after.bands[o.perspective].y == pytest.approx(inside[o.id])
    assert edits.keep_lower_bands(dengue, []) == []


def test_a_drag_across_bands_changes_the_level_and_a_drag_that_moves_nothing_is_no_edit(
    dengue: RouteMap,
) -> None:
    k1, p2 = code_of(dengue, "พ1"), code_of(dengue, "ป2")
    process = compute_layout(dengue).bands["process"]
    o2 = dengue.objective(p2)
    assert o2 is not None
    plan = edits.move_operations(
        dengue, {k1: (1200.0, process.y + 40), p2: (o2.x, o2.y), "ไม่มีเป้าประสงค์นี้": (0.0, 0.0)}
    )
    assert plan == [SetPerspective(k1, "process", 1200.0, process.y + 40)]
    assert edits.move_operations(dengue, {p2: (o2.x + 5, o2.y)}) == [MoveObjective(p2, o2.x + 5, o2.y)]
    assert edits.move_operations(dengue, {}) == []
    assert edits.position_operations(dengue, {p2: (o2.x, o2.y), k1: (170.0, 900.0)}) == [
        MoveObjective(k1, 170.0, 900.0)
    ]


def test_a_delete_takes_links_then_rows_then_objectives_and_names_what_was_chosen(dengue: RouteMap) -> None:
    p1 = code_of(dengue, "ป1")
    extra = next(lk for lk in dengue.links if p1 not in (lk.source, lk.target))
    plan = edits.delete_operations(dengue, [p1, p1, "ไม่มี"], [(extra.source, extra.target), ("ก", "ข")])
    kinds = [type(op) for op in plan]
    assert kinds == sorted(kinds, key=[RemoveLink, RemoveRow, RemoveObjective].index)
    assert plan[-1] == RemoveObjective(p1) and RemoveLink(extra.source, extra.target) in plan
    assert {op.row_id for op in plan if isinstance(op, RemoveRow)} == {r.id for r in dengue.rows_of(p1)}
    summary = edits.delete_summary(dengue, plan, [(extra.source, extra.target)])
    code = {o.id: o.code for o in dengue.objectives}
    assert summary == edits.DeleteSummary(("ป1",), ((code[extra.source], code[extra.target]),))
    own = next(lk for lk in dengue.links if p1 in (lk.source, lk.target))
    assert edits.delete_summary(dengue, plan, [(own.source, own.target)]).links == ()  # goes anyway
    assert edits.delete_operations(dengue, ["ไม่มี"], [("ก", "ข")]) == []


def test_key_route_leaves_out_what_is_so_already(dengue: RouteMap) -> None:
    on = [o.id for o in dengue.objectives if o.key_route]
    off = [o.id for o in dengue.objectives if not o.key_route]
    assert edits.key_route_operations(dengue, [*on, off[0], off[0]], True) == [SetKeyRoute(off[0], True)]
    assert edits.key_route_operations(dengue, off, False) == []


def test_a_paste_gets_fresh_ids_and_codes_links_and_rows_and_covers_no_box(dengue: RouteMap) -> None:
    k1, p1 = code_of(dengue, "พ1"), code_of(dengue, "ป1")
    copies = [dengue.objective(k1), dengue.objective(p1)]
    assert copies[0] is not None and copies[1] is not None
    links = [Link(source=k1, target=p1), Link(source=p1, target="ไม่มี"), Link(source=k1, target=k1)]
    rows = [Row(id="r1", objective=k1, cells={"activity": LONG_THAI}), Row(id="r2", objective="ไม่มี")]
    plan, ids = edits.paste_operations(dengue, [c for c in copies if c], links, rows)
    assert len(ids) == 2 and not {k1, p1} & set(ids)
    added = [op.objective for op in plan if isinstance(op, AddObjective)]
    assert [a.code for a in added] != ["พ1", "ป1"] and all(a.code for a in added)
    assert [op for op in plan if isinstance(op, AddLink)] == [AddLink(ids[0], ids[1])]
    (row,) = [op.row for op in plan if isinstance(op, AddRow)]
    assert row.objective == ids[0] and row.id not in {r.id for r in dengue.table.rows}
    apply_all(dengue, edits.keep_lower_bands(dengue, plan))
    no_overlaps(dengue)
    fresh = Objective(id="p1", code="ป9", perspective="people", text="ประชาชนออกกำลังกาย", x=170.0, y=205.0)
    assert edits.paste_operations(dengue, [fresh], [])[1] == ["p1"]


# -- the table -------------------------------------------------------------------------------------


def test_reorder_operations_reach_the_wanted_order() -> None:
    ids = ["ก", "ข", "ค", "ง", "จ"]
    wanted = ["ค", "ก", "จ", "ข", "ง"]
    route_map = RouteMap(table=Table(rows=[Row(id=i, objective="o1") for i in ids]))
    apply_all(route_map, edits.reorder_operations(ids, wanted))
    assert [r.id for r in route_map.table.rows] == wanted
    assert edits.reorder_operations(ids, ids) == []


@pytest.mark.parametrize(
    ("moving", "before", "wanted"),
    [
        (["ก", "ข"], 4, ["ค", "ง", "ก", "ข", "จ"]),
        (["ข", "ง"], 0, ["ข", "ง", "ก", "ค", "จ"]),
        (["จ", "ก"], 5, ["ข", "ค", "ง", "ก", "จ"]),  # kept in table order, to the end
        (["ข", "ค"], 2, ["ก", "ข", "ค", "ง", "จ"]),  # dropped onto itself: nothing moves
        (["ไม่มี"], 1, ["ก", "ข", "ค", "ง", "จ"]),
    ],
)
def test_rows_dropped_before_a_row_keep_their_order(
    moving: list[str], before: int, wanted: list[str]
) -> None:
    order = ["ก", "ข", "ค", "ง", "จ"]
    plan = edits.move_rows_operations(order, moving, before)
    assert all(isinstance(op, MoveRow) for op in plan) and (plan == []) == (wanted == order)
    route_map = RouteMap(table=Table(rows=[Row(id=i, objective="o1") for i in order]))
    apply_all(route_map, plan)
    assert [r.id for r in route_map.table.rows] == wanted


def test_a_new_row_goes_with_its_objective_and_follows_the_map_order(dengue: RouteMap) -> None:
    p1, p2, k3, f3 = (code_of(dengue, c) for c in ("ป1", "ป2", "ก3", "พ3"))
    assert edits.insert_position(dengue, p2) == 2  # after ป1's rows, before ภ1's
    assert edits.insert_position(dengue, k3) == 10  # after ก1 and ก2, before พ1
    assert edits.insert_position(dengue, f3) == 12
    operation, row_id = edits.new_row(dengue, p1)
    assert operation == AddRow(Row(id=row_id, objective=p1, cells={}), 2)
    assert row_id not in {r.id for r in dengue.table.rows} | {o.id for o in dengue.objectives}
    assert edits.remove_rows_operations(["r1", "r5"]) == [RemoveRow("r5"), RemoveRow("r1")]


def test_a_changed_column_set_keeps_the_removed_columns_text_for_undo(dengue: RouteMap) -> None:
    columns = [c.model_copy() for c in dengue.table.columns]
    assert edits.column_operations(dengue, columns) == []
    budget = next(c for c in columns if c.key == "budget")
    kept = [c for c in columns if c.key != "budget"] + [Column(key="remark", label="หมายเหตุ")]
    plan = edits.column_operations(dengue, kept)
    assert plan[0] == RemoveColumn(budget.key) and isinstance(plan[1], ReplaceColumns) and len(plan) == 2
    assert edits.filled_cells(dengue, "budget") == sum(1 for r in dengue.table.rows if r.cells.get("budget"))
    dengue.table.rows[0].cells["column_1"] = "ข้อความเก่า"
    assert edits.new_column_key(dengue, {"column_2"}) == "column_3"


# -- stakeholders and votes ------------------------------------------------------------------------


def test_assigning_adds_each_stakeholder_once_and_unassigning_takes_every_copy(dengue: RouteMap) -> None:
    p1, k1 = code_of(dengue, "ป1"), code_of(dengue, "พ1")
    sid = dengue.stakeholders[0].id
    one = dengue.objective(p1)
    assert one is not None
    one.stakeholders = []
    plan = edits.assign_operations(dengue, [p1, "ไม่มี"], [sid, sid], True)
    assert plan == [SetObjectiveStakeholders(p1, (sid,))]
    one.stakeholders = [sid, "s99", sid]
    assert edits.assign_operations(dengue, [p1], [sid], False) == [SetObjectiveStakeholders(p1, ("s99",))]
    assert edits.toggle_operations(dengue, p1, sid) == [SetObjectiveStakeholders(p1, ("s99",))]
    assert edits.toggle_operations(dengue, p1, "s7") == [
        SetObjectiveStakeholders(p1, (sid, "s99", sid, "s7"))
    ]
    assert edits.toggle_operations(dengue, "ไม่มี", sid) == []
    other = dengue.objective(k1)
    assert other is not None
    assert edits.assign_operations(dengue, [k1], other.stakeholders, True) == []


def test_votes_never_go_below_zero_and_clearing_takes_the_key_away(dengue: RouteMap) -> None:
    p1, p2 = code_of(dengue, "ป1"), code_of(dengue, "ป2")
    assert edits.vote_operations(dengue, p1, -1) == []
    assert edits.vote_operations(dengue, p1, 3) == [SetVotes(p1, 3)]
    assert edits.clear_votes_operations(dengue) == []
    apply_all(dengue, [SetVotes(p1, 3), SetVotes(p2, 1)])
    assert edits.vote_operations(dengue, p1, -5) == [SetVotes(p1, 0)]
    assert edits.clear_votes_operations(dengue) == [
        SetObjectiveExtra(p1, "votes", None),
        SetObjectiveExtra(p2, "votes", None),
    ]


def test_a_link_between_two_objectives_starts_from_the_lower_level_or_the_left(dengue: RouteMap) -> None:
    p1, p2, k1 = code_of(dengue, "ป1"), code_of(dengue, "ป2"), code_of(dengue, "พ1")
    assert edits.cause_and_effect(dengue, p1, k1) == edits.cause_and_effect(dengue, k1, p1) == (k1, p1)
    left, right = sorted((p1, p2), key=lambda i: dengue.objective(i).x)  # type: ignore[union-attr]
    assert edits.cause_and_effect(dengue, right, left) == (left, right)
