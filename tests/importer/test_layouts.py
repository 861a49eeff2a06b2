"""Layouts people really make import with the right rows, objectives and budgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_workbooks import LONG_THAI, action_plan, english_table, notes_first, thai_table
from openpyxl import Workbook

from srmtool.importer import ImportRefused, ImportResult, import_xlsx
from srmtool.model.checks import check_map
from srmtool.model.layout import compute_layout


def _texts(result: ImportResult) -> list[str]:
    m = result.route_map
    return [m.objective(r.objective).text for r in m.table.rows]


def test_thai_table_with_titles_numbering_merges_and_totals(tmp_path: Path) -> None:
    result = import_xlsx(thai_table(tmp_path / "แผน.xlsx"))
    m, report = result.route_map, result.report
    assert m.meta.title == "แผนปฏิบัติการป้องกันควบคุมโรคไข้เลือดออก ปีงบประมาณ ๒๕๖๘"
    assert m.meta.organization == "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านดอนหอม"
    assert report.heading_rows == (4,)
    assert [c.key for c in m.table.columns] == [
        "objective",
        "indicator",
        "target",
        "technical_measure",
        "social_measure",
        "activity",
        "target_group",
        "period",
        "budget",
        "budget_source",
        "responsible",
    ]
    assert m.table.columns[1].label == "ตัวชี้วัด (KPI)"  # the sheet's own wording is kept
    assert m.table.columns[3].label == "มาตรการทางวิชาการ"  # a line break inside Thai is no space
    # merged down (rows 6-7) and blank below (row 9) continue the objective above
    assert _texts(result) == [
        "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย",
        "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย",
        "อสม. สำรวจลูกน้ำทุกสัปดาห์",
        "อสม. สำรวจลูกน้ำทุกสัปดาห์",
    ]
    assert [o.code for o in m.objectives] == ["ก1", "ก2"]
    assert {o.perspective for o in m.objectives} == {"process"}
    assert [r.cells.get("budget") for r in m.table.rows] == ["12,500", "5,000", "8,000", "ไม่ใช้งบประมาณ"]
    assert m.table.rows[0].cells["activity"] == "รณรงค์ Big Cleaning Day\nเดือนละ 1 ครั้ง"
    assert m.table.rows[2].cells["activity"] == LONG_THAI
    assert [(r, why) for r, why, _ in report.skipped] == [
        (5, "numbering"),
        (10, "total"),
        (11, "total_words"),
    ]
    assert report.default_level == ("กระบวนการ", "Process")
    # the boxes do not overlap on the canvas
    boxes = list(compute_layout(m).boxes.values())
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert not [f for f in check_map(m) if f.severity == "error"]


def test_english_headings_numbering_above_and_an_extra_column(tmp_path: Path) -> None:
    result = import_xlsx(english_table(tmp_path / "plan.xlsx"))
    m, report = result.route_map, result.report
    assert report.heading_rows == (2,)
    assert [c.key for c in m.table.columns] == [
        "objective",
        "indicator",
        "target",
        "activity",
        "period",
        "budget",
        "responsible",
        "extra_1",
    ]
    assert m.table.columns[-1].label == "Remarks"
    assert m.table.rows[0].cells["extra_1"] == "ด่วน"
    assert [r.cells["budget"] for r in m.table.rows] == ["1,200", "3,500.50"]
    assert len(m.objectives) == 1 and m.objectives[0].text == "ภาคีร่วมลงทุนป้องกันโรค"
    assert (1, "numbering") in [(r, why) for r, why, _ in report.skipped]
    assert (5, "total") in [(r, why) for r, why, _ in report.skipped]
    assert [c.key for c in report.extra_columns] == ["extra_1"]
    text = report.render("en")
    assert "“Remarks” → kept as an extra column" in text
    assert "“KPI” → KPI" in text


def test_two_row_action_plan_heading_chooses_the_action_plan_columns(tmp_path: Path) -> None:
    result = import_xlsx(action_plan(tmp_path / "ap.xlsx"))
    m, report = result.route_map, result.report
    assert report.template == "action_plan"
    assert report.heading_rows == (3, 4)
    assert [c.key for c in m.table.columns] == [
        "objective",
        "activity",
        "period",
        "budget_detail",
        "budget",
        "budget_source",
        "responsible",
    ]
    assert [c.label for c in m.table.columns][3:5] == ["รายละเอียด", "จำนวน (บาท)"]
    assert [r.cells.get("budget", "") for r in m.table.rows] == ["2,500", "1,000", ""]
    assert [r.cells["budget_detail"] for r in m.table.rows] == ["ค่าอาหารว่าง 50 คน", "ค่าเดินทาง", "-"]
    # the level column says where each objective goes; it is not a table column
    assert [(o.text, o.perspective, o.code) for o in m.objectives] == [
        ("ประชาชนลดหวานมันเค็ม", "people", "ป1"),
        ("อปท. สนับสนุนงบประมาณ", "stakeholder", "ภ1"),
    ]
    assert any(c.level for c in report.columns)
    assert m.meta.title.startswith("แผนปฏิบัติการ สำนักงานสาธารณสุขอำเภอนาคำใต้")
    assert report.skipped[-1][:2] == (8, "total")


def test_notes_sheet_first_is_passed_over_and_sheet_chooses(tmp_path: Path) -> None:
    path = notes_first(tmp_path / "notes.xlsx")
    result = import_xlsx(path)
    assert result.report.sheet == "ตาราง"
    assert result.route_map.table.rows[0].cells == {
        "indicator": "ข้อมูลครบ",
        "activity": "อบรมบันทึกข้อมูล",
        "budget": "3,000",
    }
    assert import_xlsx(path, sheet="ตาราง").report.sheet == "ตาราง"
    with pytest.raises(ImportRefused) as refused:
        import_xlsx(path, sheet="คำชี้แจง")
    assert refused.value.key == "no_table"
    with pytest.raises(ImportRefused) as refused:
        import_xlsx(path, sheet="ไม่มีแผ่นนี้")
    assert "“คำชี้แจง”, “ตาราง”" in refused.value.message("en")


def test_report_in_thai(tmp_path: Path) -> None:
    report = import_xlsx(action_plan(tmp_path / "ap.xlsx")).report
    text = report.render("th")
    assert "แผ่นงาน: “แผนปฏิบัติการ” (แถวหัวตาราง 3, 4)" in text
    assert "“งบประมาณ / จำนวน” → จำนวน (บาท)" in text
    assert "แถว 8: แถวรวม" in text


def test_rows_before_any_objective_and_codes_in_front_of_objectives(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(("เป้าประสงค์", "กิจกรรมสำคัญ", "งบประมาณ"))
    ws.append(("", "ประชุมชี้แจงแนวทางการดำเนินงานให้ภาคีเครือข่ายทุกตำบล", "2,000 บาท"))
    ws.append(("ภ2 ท้องถิ่นสนับสนุนงบประมาณ", "ทำบันทึกข้อตกลง", "-"))
    ws.append(("ป1. ประชาชนสุขภาพดี", "เดินวิ่งเพื่อสุขภาพ", "๑,๒๐๐.๕๐"))
    path = tmp_path / "codes.xlsx"
    wb.save(path)
    result = import_xlsx(path)
    m = result.route_map
    assert [(o.code, o.text, o.perspective) for o in m.objectives] == [
        ("ก1", "", "process"),
        ("ภ2", "ท้องถิ่นสนับสนุนงบประมาณ", "stakeholder"),
        ("ป1", "ประชาชนสุขภาพดี", "people"),
    ]
    assert result.report.rows_without_objective == [2]
    assert "Row(s) 2 have no objective" in result.report.render("en")
    assert [r.cells.get("budget") for r in m.table.rows] == ["2,000", "-", "1,200.50"]
    assert any(f.code for f in check_map(m) if m.objectives[0].id in f.ids)  # the empty one is flagged
