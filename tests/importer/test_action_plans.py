"""Office action plans (``plan_workbooks``) import with their measures, amounts, total, heading block,
Small Success, office and signers, and the imported map checks clean."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from plan_workbooks import (
    INDICATORS,
    MEASURES,
    OBJECTIVES,
    OFFICE,
    PROGRAMME,
    PROJECT,
    RATIONALE,
    SIGNERS,
    SMALL_SUCCESS,
    TITLE,
    TOTAL,
    district_plan,
    district_plan_variant,
)

from srmtool.importer import import_xlsx
from srmtool.model import check_map, dumps_map, loads_map
from srmtool.model.limits import MAX_SIGNERS
from srmtool.model.numbers import budget_amount, budget_total
from srmtool.model.plan import ColumnGroup, digit_style, plan_of, signers_of, table_style


def _budgets(path: Path) -> list[str]:
    return [r.cells.get("budget", "") for r in import_xlsx(path).route_map.table.rows]


def test_the_district_plan_imports_with_everything_an_office_signs(tmp_path: Path) -> None:
    result = import_xlsx(district_plan(tmp_path / "แผน พชอ.xlsx"))
    m, report = result.route_map, result.report
    assert report.template == "action_plan"
    # the measures are the groups of the rows below them
    assert [o.text for o in m.objectives] == list(MEASURES)
    assert [m.objective(r.objective).text[:12] for r in m.table.rows] == [  # type: ignore[union-attr]
        "มาตรการที่ ๑",
        "มาตรการที่ ๑",
        "มาตรการที่ ๒",
        "มาตรการที่ ๓",
    ]
    first, split, *_ = m.table.rows
    assert first.cells["activity"].split("\n")[1] == "๑.๑ ประชุมชี้แจงแนวทางการดำเนินงาน"
    assert first.cells["budget"] == "5,000\n\n5,000"  # two amounts in one cell, as typed, Arabic
    # a budget split over two sheet rows is one row: its merged cells are not repeated
    assert split.cells["activity"] == "๒. คัดกรองความเสี่ยงเบาหวานและความดันโลหิตสูงในชุมชน"
    assert split.cells["budget_detail"] == "ค่าแถบตรวจน้ำตาลในเลือด\nค่าวัสดุสำนักงาน"
    assert split.cells["budget"] == "3,600\n2,400"
    assert report.continued_rows == [18]
    # the amounts, the total, and the sheet's own total row agree
    assert [budget_amount(r.cells["budget"]) for r in m.table.rows] == [10000, 6000, 15000, 8000]
    assert budget_total(r.cells["budget"] for r in m.table.rows) == TOTAL
    assert report.computed_total == report.sheet_total == TOTAL == Decimal("39000")
    # the heading block, Small Success, the office and the signers
    plan = plan_of(m)
    assert (plan.programme, plan.project, plan.office) == (PROGRAMME, PROJECT, OFFICE)
    assert plan.objectives == OBJECTIVES and plan.indicators == INDICATORS and plan.rationale == RATIONALE
    assert {
        months: tuple(x.text for x in plan.milestones_at(months)) for months in (3, 6, 9, 12)
    } == SMALL_SUCCESS
    assert len({x.id for x in plan.milestones}) == 5
    assert [(s.role, s.name, s.position) for s in signers_of(m)] == list(SIGNERS)
    assert m.meta.title == TITLE and m.meta.period == "ปีงบประมาณ ๒๕๖๗"
    # how it prints: measures as heading rows, งบประมาณ over รายละเอียด | จำนวน, Thai digits, no map
    style = table_style(m)
    assert style.grouping == "heading" and style.map_page is False
    assert style.column_groups == (ColumnGroup("งบประมาณ", ("budget_detail", "budget")),)
    assert digit_style(m) == "thai"
    assert check_map(m) == []  # checks clean
    assert dumps_map(loads_map(dumps_map(m))) == dumps_map(m)
    # nothing the plan uses is reported as skipped: only the total row and the total in words
    assert [reason for _, reason, _ in report.skipped] == ["total", "total_words"]


def test_the_report_says_what_the_plan_held(tmp_path: Path) -> None:
    report = import_xlsx(district_plan(tmp_path / "แผน.xlsx")).report
    th, en = report.render("th"), report.render("en")
    for words in (
        "มาตรการ 3 รายการ",
        "แผนงาน, โครงการ, วัตถุประสงค์, ตัวชี้วัด, หลักการและเหตุผล, หน่วยงานรับผิดชอบ",
        "Small Success): 5 รายการ",
        "ผู้เสนอแผน (นางสาวปิ่นทอง ศรีสุข)",
        "งบประมาณ (budget_detail | budget)",
        "เลขไทย",
        "แถว 18: รายการงบประมาณต่อจากแถวบน",
        "รวมงบประมาณ 39,000 บาท ตรงกับแถวรวมของแผ่นงาน",
    ):
        assert words in th, words
    assert "3 measure(s)" in en and "Total budget 39,000 baht, as the sheet's own total row says" in en


def test_another_offices_hand(tmp_path: Path) -> None:
    result = import_xlsx(district_plan_variant(tmp_path / "Sheet.xlsx"))
    m, report = result.route_map, result.report
    assert [o.text for o in m.objectives] == ["มาตรการที่ 1 ลดเสี่ยง ลดโรค", "มาตรการที่ 2 ชุมชนจัดการตนเอง"]
    assert len(m.table.rows) == 2  # the subtotal of measure 1 does not end the table
    plan = plan_of(m)
    assert plan.programme == PROGRAMME and plan.objectives == OBJECTIVES and plan.office == OFFICE
    assert [(x.months, x.text) for x in plan.milestones] == [
        (3, "มีคำสั่งแต่งตั้งคณะทำงาน"),
        (6, "อสม. ได้รับการอบรมครบ"),
        (12, "อัตราป่วยลดลงร้อยละ 5"),
    ]
    assert [(s.role, s.name, s.position) for s in signers_of(m)] == [
        ("ผู้เสนอแผน", "นางสาวปิ่นทอง ศรีสุข", "สาธารณสุขอำเภอนาคำใต้"),
        ("ผู้อนุมัติแผน", "", "นายอำเภอนาคำใต้"),  # side by side; no name typed yet
    ]
    assert digit_style(m) == "arabic" and m.meta.period == "ปีงบประมาณ 2567"
    # a budget that holds a number but no amount is reported, and the totals differ
    assert report.unread_budget == [(14, "ค่าอาหาร 50 คน x 100 บาท")]
    assert report.computed_total == Decimal("8600") and report.sheet_total == Decimal("12000")
    assert report.total_differs
    th = report.render("th")
    assert "แต่แถวรวมของแผ่นงานเขียนไว้ 12,000 บาท (ต่างกัน 3,400 บาท)" in th
    assert "แถว 14: ช่องงบประมาณมีตัวเลขที่อ่านเป็นจำนวนเงินไม่ได้ «ค่าอาหาร 50 คน x 100 บาท»" in th
    assert [f.code for f in check_map(m)] == ["budget-unread"]


def test_a_sheet_without_a_total_row_still_reports_the_total(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(("แนวทาง/กิจกรรมหลัก", "ช่วงเวลาดำเนินการ", "จำนวน (บาท)", "ผู้รับผิดชอบ"))
    ws.append(("มาตรการที่ ๑ ลดหวาน มัน เค็ม",))
    ws.append(("จัดนิทรรศการ", "ต.ค. ๖๖", "๕,๐๐๐\n๒,๕๐๐", "สสอ."))
    ws.append(("", "", "๑,๕๐๐", ""))  # a second amount typed in the row below, the rest left blank
    wb.save(tmp_path / "ไม่มีแถวรวม.xlsx")
    result = import_xlsx(tmp_path / "ไม่มีแถวรวม.xlsx")
    assert [r.cells["budget"] for r in result.route_map.table.rows] == ["5,000\n2,500\n1,500"]
    assert result.report.sheet_total is None and result.report.computed_total == Decimal("9000")
    assert "รวมงบประมาณ 9,000 บาท" in result.report.render("th")


def test_a_mini_slm_table_keeps_its_section_rows_out(tmp_path: Path) -> None:
    """With an objective column, a full-width row is a section heading, reported and skipped."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(("เป้าประสงค์", "ตัวชี้วัด", "กิจกรรมสำคัญ", "งบประมาณ"))
    ws.append(("ประเด็นยุทธศาสตร์ที่ 1 ควบคุมโรคไข้เลือดออก",))
    ws.merge_cells("A2:D2")
    ws.append(("ประชาชนจัดการแหล่งเพาะพันธุ์", "ค่า HI", "Big Cleaning", "๓,๐๐๐"))
    wb.save(tmp_path / "slm.xlsx")
    result = import_xlsx(tmp_path / "slm.xlsx")
    assert [o.text for o in result.route_map.objectives] == ["ประชาชนจัดการแหล่งเพาะพันธุ์"]
    assert [(r, reason) for r, reason, _ in result.report.skipped] == [(2, "section")]
    assert table_style(result.route_map).grouping == "merged" and result.report.measures == 0


def test_what_surrounds_the_table_is_bounded(tmp_path: Path) -> None:
    """Thousands of signature lines and a huge heading text still give a map that saves."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"], ws["B1"] = "โครงการ", "ก" * 40_000
    ws["A2"], ws["B2"] = "หลักการและเหตุผล", "ข" * 30_000
    ws.append(("แนวทาง/กิจกรรมหลัก", "จำนวน (บาท)"))
    ws.append(("มาตรการที่ 1 ทดสอบ",))
    ws.append(("อบรม", "1,000"))
    for n in range(600):
        ws.append((f"ลงชื่อ ........ ผู้ลงนามคนที่ {n}",))
        ws.append((f"(นาย ทดสอบ {n})",))
    wb.save(tmp_path / "ใหญ่.xlsx")
    m = import_xlsx(tmp_path / "ใหญ่.xlsx").route_map
    assert len(signers_of(m)) == MAX_SIGNERS
    assert loads_map(dumps_map(m)) is not None


@pytest.mark.parametrize("make", [district_plan, district_plan_variant])
def test_every_amount_of_a_plan_is_an_amount_or_reported(make: object, tmp_path: Path) -> None:
    path = make(tmp_path / "plan.xlsx")  # type: ignore[operator]
    result = import_xlsx(path)
    for row in result.route_map.table.rows:
        text = row.cells.get("budget", "")
        assert budget_amount(text) is not None or (
            any(line in text for _, line in result.report.unread_budget)
        ), text
    assert _budgets(path)
