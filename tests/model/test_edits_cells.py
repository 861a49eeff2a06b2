"""The table's spreadsheet gestures as plans (srmtool.model.edits.cells), without Qt: where a pasted
block goes, clearing, copying, rows beside a row, dragged column widths; applied as one step and
undone byte for byte."""

from __future__ import annotations

import pytest

from srmtool.model import dumps_map, edits
from srmtool.model.limits import MAX_ROWS
from srmtool.model.operations import AddRow, SetCell, SetColumn, SetObjectiveText, apply_all
from srmtool.model.templates import default_columns
from srmtool.model.tsv import parse_cells
from srmtool.model.types import Objective, RouteMap, Row, Table

LONG_THAI = (
    "ผู้นำชุมชนและอาสาสมัครสาธารณสุขประจำหมู่บ้านร่วมกันรณรงค์ให้ทุกครัวเรือนคัดแยกขยะ"
    "และทำลายแหล่งเพาะพันธุ์ยุงลายทุกวันศุกร์อย่างต่อเนื่องตลอดปีงบประมาณ"
)


@pytest.fixture
def plan_map() -> RouteMap:
    """ป1 with rows r1, r2; ภ1 with r3; ก1 with r4 (11 columns)."""
    objectives = [
        Objective(id="o1", code="ป1", perspective="people", text="ประชาชนปลอดโรคไข้เลือดออก"),
        Objective(id="o2", code="ภ1", perspective="stakeholder", text="อปท.สนับสนุนงบประมาณ"),
        Objective(id="o3", code="ก1", perspective="process", text="ระบบเฝ้าระวังโรค"),
    ]
    rows = [
        Row(id="r1", objective="o1", cells={"indicator": "ค่า HI", "target": "≤ 10"}),
        Row(id="r2", objective="o1", cells={"indicator": "อัตราป่วย"}),
        Row(id="r3", objective="o2", cells={"activity": "ประชุมกองทุน", "budget": "5,000"}),
        Row(id="r4", objective="o3", cells={"activity": "สอบสวนโรค"}),
    ]
    return RouteMap(objectives=objectives, table=Table(columns=default_columns(), rows=rows))


def cells(m: RouteMap, key: str) -> list[str]:
    return [r.cells.get(key, "") for r in m.table.rows]


def run(m: RouteMap, operations: tuple[object, ...] | list[object]) -> str:
    """Apply as one step; the map's text before, after checking that undo gives it back."""
    before = dumps_map(m)
    applied = apply_all(m, list(operations))  # type: ignore[arg-type]
    after = dumps_map(m)
    applied.inverse.apply(m)
    assert dumps_map(m) == before
    apply_all(m, list(operations))  # type: ignore[arg-type]
    assert dumps_map(m) == after
    return before


def test_a_block_fills_its_objectives_rows_then_adds_rows_under_it(plan_map: RouteMap) -> None:
    grid = parse_cells("ตัวชี้วัด ก\tเป้า ก\nตัวชี้วัด ข\tเป้า ข\nตัวชี้วัด ค\tเป้า ค\nตัวชี้วัด ง\t")
    before = dumps_map(plan_map)
    paste = edits.paste_cells(plan_map, grid, ("r1", "indicator"))
    assert dumps_map(plan_map) == before  # planning changes nothing
    assert paste.keys == ("indicator", "target") and paste.new_rows == 2 and paste.objective == "o1"
    run(plan_map, paste.operations)
    rows = plan_map.table.rows
    assert [r.objective for r in rows] == ["o1", "o1", "o1", "o1", "o2", "o3"]  # grouped, ภ1 untouched
    assert cells(plan_map, "indicator")[:4] == ["ตัวชี้วัด ก", "ตัวชี้วัด ข", "ตัวชี้วัด ค", "ตัวชี้วัด ง"]
    assert cells(plan_map, "target")[:4] == ["เป้า ก", "เป้า ข", "เป้า ค", ""]
    assert rows[4].cells == {"activity": "ประชุมกองทุน", "budget": "5,000"}
    assert paste.rows == tuple(r.id for r in rows[:4]) and len(set(paste.rows)) == 4
    assert rows[3].cells == {"indicator": "ตัวชี้วัด ง"}  # an empty pasted cell adds no key


def test_a_multi_line_quoted_cell_lands_in_one_cell(plan_map: RouteMap) -> None:
    grid = parse_cells(f'"ข้อ 1 {LONG_THAI}\r\nข้อ 2"\t๑๒,๕๐๐\r\n')
    run(plan_map, edits.paste_cells(plan_map, grid, ("r3", "activity")).operations)
    row = plan_map.row("r3")
    assert row is not None and row.cells["activity"] == f"ข้อ 1 {LONG_THAI}\nข้อ 2"
    assert row.cells["target_group"] == "๑๒,๕๐๐" and len(plan_map.table.rows) == 4


def test_a_selection_over_several_objectives_takes_the_block_across_them(plan_map: RouteMap) -> None:
    selection = [(r, "responsible") for r in ("r1", "r2", "r3", "r4")]
    grid = parse_cells("อสม.\nรพ.สต.\nอบต.\nสสอ.\nโรงเรียน")
    paste = edits.paste_cells(plan_map, grid, ("r1", "responsible"), selection)
    run(plan_map, paste.operations)
    assert cells(plan_map, "responsible") == ["อสม.", "รพ.สต.", "อบต.", "สสอ.", "โรงเรียน"]
    assert plan_map.table.rows[-1].objective == "o3" and paste.new_rows == 1  # ก1's, after ก1's row


def test_one_value_pasted_into_several_cells_fills_each(plan_map: RouteMap) -> None:
    selection = [("r1", "period"), ("r2", "period"), ("r3", "period"), ("r3", "budget_source")]
    paste = edits.paste_cells(plan_map, [["ต.ค. 2567–ก.ย. 2568"]], ("r1", "period"), selection)
    assert paste.changed == 4 and paste.rows == ("r1", "r2", "r3")
    assert paste.keys == ("period", "budget_source")
    run(plan_map, paste.operations)
    assert cells(plan_map, "period") == ["ต.ค. 2567–ก.ย. 2568"] * 3 + [""]


def test_columns_past_the_last_are_left_out_and_said(plan_map: RouteMap) -> None:
    paste = edits.paste_cells(plan_map, [["ก", "ข", "ค"]], ("r4", "responsible"))
    assert paste.left_out_columns == 2 and paste.keys == ("responsible",)
    assert paste.operations == (SetCell("r4", "responsible", "ก"),)


def test_the_objective_column_renames_its_objective_once_and_drops_its_own_code(plan_map: RouteMap) -> None:
    grid = [
        ["ป1 ประชาชนมีพฤติกรรมป้องกันโรค", "ค่า HI"],
        ["ข้อความที่ถูกข้าม", "อัตราป่วย"],  # a second text for ป1: the first counts
        ["", "ตัวชี้วัดใหม่"],  # an empty objective cell names nothing
    ]
    paste = edits.paste_cells(plan_map, grid, ("r1", "objective"))
    assert SetObjectiveText("o1", "ประชาชนมีพฤติกรรมป้องกันโรค") in paste.operations
    assert sum(isinstance(o, SetObjectiveText) for o in paste.operations) == 1
    run(plan_map, paste.operations)
    assert plan_map.objective("o1").text == "ประชาชนมีพฤติกรรมป้องกันโรค"  # type: ignore[union-attr]
    assert plan_map.objective("o2").text == "อปท.สนับสนุนงบประมาณ"  # type: ignore[union-attr]
    assert cells(plan_map, "indicator")[:3] == ["ค่า HI", "อัตราป่วย", "ตัวชี้วัดใหม่"]
    assert [r.objective for r in plan_map.table.rows] == ["o1", "o1", "o1", "o2", "o3"]


def test_pasting_what_is_there_plans_nothing(plan_map: RouteMap) -> None:
    paste = edits.paste_cells(plan_map, [["ค่า HI", "≤ 10"]], ("r1", "indicator"))
    assert paste.operations == () and paste.changed == 0
    assert edits.paste_cells(plan_map, [], ("r1", "indicator")).operations == ()
    assert edits.paste_cells(plan_map, [["ก"]], ("r9", "indicator")).operations == ()


def test_new_rows_stop_at_the_row_limit(plan_map: RouteMap, monkeypatch: pytest.MonkeyPatch) -> None:
    from srmtool.model.edits import cells as module

    monkeypatch.setattr(module, "MAX_ROWS", 5)
    paste = edits.paste_cells(plan_map, [["ก"], ["ข"], ["ค"], ["ง"]], ("r4", "activity"))
    assert paste.new_rows == 1 and paste.left_out_rows == 2
    assert sum(isinstance(o, AddRow) for o in paste.operations) == 1
    assert MAX_ROWS > 5


def test_clearing_skips_the_objective_and_empty_cells(plan_map: RouteMap) -> None:
    chosen = [("r1", "objective"), ("r1", "indicator"), ("r1", "target"), ("r2", "target"), ("r1", "target")]
    operations = edits.clear_cells_operations(plan_map, chosen)
    assert operations == [SetCell("r1", "indicator", ""), SetCell("r1", "target", "")]
    run(plan_map, operations)
    assert plan_map.row("r1").cells == {"indicator": "", "target": ""}  # type: ignore[union-attr]


def test_copying_gives_the_touched_rectangle_with_the_objective_as_shown(plan_map: RouteMap) -> None:
    grid = edits.copy_cells(plan_map, [("r3", "budget"), ("r1", "objective"), ("r1", "target")])
    assert grid == [["ป1 ประชาชนปลอดโรคไข้เลือดออก", "≤ 10", ""], ["", "", "5,000"]]


def test_a_row_above_or_below_belongs_to_the_rows_objective(plan_map: RouteMap) -> None:
    planned = edits.row_beside(plan_map, "r3", below=False)
    assert planned is not None
    operation, row_id = planned
    run(plan_map, [operation])
    assert [r.id for r in plan_map.table.rows] == ["r1", "r2", row_id, "r3", "r4"]
    assert plan_map.row(row_id).objective == "o2"  # type: ignore[union-attr]
    below = edits.row_beside(plan_map, "r4", below=True)
    assert below is not None and below[0].index == 5
    assert edits.row_beside(plan_map, "r9", below=True) is None


def test_dragged_widths_are_whole_characters_within_excels_range(plan_map: RouteMap) -> None:
    operations = edits.column_width_operations(
        plan_map, {"indicator": 30.4, "target": 0.2, "activity": 999.0, "budget": 13.0, "nope": 5.0}
    )
    assert operations == [
        SetColumn("indicator", width=30.0),
        SetColumn("target", width=1.0),
        SetColumn("activity", width=255.0),
    ]  # budget is 13 already
    run(plan_map, operations)
    assert plan_map.column("indicator").width == 30.0  # type: ignore[union-attr]


def action_plan_map() -> RouteMap:
    """Two measures of an action plan (grouped by heading rows), rows r1, r2 and r3."""
    from srmtool.model.templates import builtin_templates

    template = next(t for t in builtin_templates() if t.id == "action_plan")
    table = template.fresh_table()
    table.rows = [
        Row(id="r1", objective="o1", cells={"activity": "อบรม อสม."}),
        Row(id="r2", objective="o1", cells={"activity": "ตรวจคัดกรอง"}),
        Row(id="r3", objective="o2", cells={"activity": "รณรงค์ลดหวานมันเค็ม"}),
    ]
    objectives = [
        Objective(id="o1", code="ก1", perspective="process", text="พัฒนาศักยภาพภาคีเครือข่าย"),
        Objective(id="o2", code="ก2", perspective="process", text="มาตรการที่ 2 สื่อสารความเสี่ยง"),
    ]
    return RouteMap(objectives=objectives, table=table)


def test_an_action_plan_shows_and_copies_its_measures_as_their_heading_rows() -> None:
    m = action_plan_map()
    assert edits.objective_labels(m) == {
        "o1": "มาตรการที่ 1 พัฒนาศักยภาพภาคีเครือข่าย",
        "o2": "มาตรการที่ 2 สื่อสารความเสี่ยง",  # numbered already, as an office typed it
    }
    grid = edits.copy_cells(m, [("r1", "objective"), ("r1", "activity")])
    assert grid == [["มาตรการที่ 1 พัฒนาศักยภาพภาคีเครือข่าย", "อบรม อสม."]]
    assert edits.paste_cells(m, grid, ("r1", "objective")).operations == ()  # pasted back: no change
    paste = edits.paste_cells(m, [["พัฒนาศักยภาพ อสม. และ อสค."]], ("r3", "objective"))
    assert paste.operations == (SetObjectiveText("o2", "พัฒนาศักยภาพ อสม. และ อสค."),)
