"""write_xlsx: the "ตาราง 11 ช่อง" sheet as a district team prints it, read back with openpyxl."""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.export.xlsx import workbook as xlsx_module
from srmtool.export.xlsx.cells import MAX_ROW_HEIGHT
from srmtool.export.xlsx.table import TABLE_SHEET
from srmtool.export.xlsx.workbook import write_xlsx
from srmtool.model import load_map
from srmtool.model.templates import builtin_template, default_columns
from srmtool.model.types import Meta, Objective, RouteMap, Row, Table
from srmtool.resources_path import resource

THAI_DIGIT = re.compile("[๐-๙]")
ARABIC_DIGIT = re.compile("[0-9]")
LONG_UNBROKEN = (
    "อาสาสมัครสาธารณสุขประจำหมู่บ้านทุกคนออกสำรวจและทำลายแหล่งเพาะพันธุ์ลูกน้ำยุงลายในหลังคาเรือน"
    "ที่รับผิดชอบทุกวันศุกร์พร้อมบันทึกผลลงแบบสำรวจและส่งข้อมูลให้โรงพยาบาลส่งเสริมสุขภาพตำบล"
    "ภายในวันจันทร์ถัดไปเพื่อคำนวณค่าดัชนีลูกน้ำยุงลายรายหมู่บ้านและคืนข้อมูลให้ชุมชนทุกสัปดาห์"
)


def dengue() -> RouteMap:
    return load_map(resource("examples", "dengue_tambon.srm"))


def small_map(rows: list[tuple[str, dict[str, str]]], objectives: list[Objective] | None = None) -> RouteMap:
    """A map with the default columns and the given (objective id, cells) rows."""
    objectives = objectives or [
        Objective(id="o1", code="ป1", perspective="people", text="ประชาชนปลอดโรคไข้เลือดออก"),
        Objective(id="o2", code="ก1", perspective="process", text="ระบบเฝ้าระวังโรคที่รวดเร็ว"),
    ]
    return RouteMap(
        meta=Meta(title="แผนทดสอบ ตำบลบ้านทดสอบ", organization="รพ.สต.บ้านทดสอบ", area="ตำบลบ้านทดสอบ"),
        objectives=objectives,
        table=Table(
            columns=default_columns(),
            rows=[Row(id=f"r{i}", objective=o, cells=cells) for i, (o, cells) in enumerate(rows)],
        ),
    )


def written(route_map: RouteMap, tmp_path: Path, **options: object) -> openpyxl.Workbook:
    path = tmp_path / "ตาราง.xlsx"
    write_xlsx(route_map, path, **options)  # type: ignore[arg-type]
    return openpyxl.load_workbook(path)


def heading_row(ws: Worksheet, route_map: RouteMap) -> int:
    """The sheet row holding the column headings (found by content, not by position)."""
    labels = [c.label for c in route_map.table.columns]
    for row in ws.iter_rows(min_row=1, max_row=20):
        if [cell.value for cell in row[: len(labels)]] == labels:
            return row[0].row
    raise AssertionError("no heading row")


def merged_ranges(ws: Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


# -- title block, headings, rows ---------------------------------------------------------------


def test_sheet_title_block_headings_and_numbers(tmp_path: Path) -> None:
    route_map = dengue()
    wb = written(route_map, tmp_path)
    assert wb.sheetnames[0] == TABLE_SHEET
    ws = wb[TABLE_SHEET]
    top = [ws.cell(r, 1).value for r in range(1, 4)]
    assert top[0] == route_map.meta.title
    assert top[1] == route_map.meta.organization
    assert route_map.meta.area in top[2] and route_map.meta.period in top[2]
    assert "A1:K1" in merged_ranges(ws)
    head = heading_row(ws, route_map)
    assert [ws.cell(head + 1, i).value for i in range(1, 12)] == list(range(1, 12))
    assert ws.print_title_rows == f"${head}:${head + 1}"
    for i, column in enumerate(route_map.table.columns, start=1):
        assert ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width == column.width


def test_one_row_per_table_row_and_merged_objective_groups(tmp_path: Path) -> None:
    route_map = dengue()
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    first = heading_row(ws, route_map) + 2
    rows = route_map.table.rows
    for n, row in enumerate(rows):
        assert ws.cell(first + n, 2).value == row.cells["indicator"]
    merges = merged_ranges(ws)
    n = 0
    while n < len(rows):
        end = n
        while end + 1 < len(rows) and rows[end + 1].objective == rows[n].objective:
            end += 1
        objective = route_map.objective(rows[n].objective)
        assert objective is not None
        assert ws.cell(first + n, 1).value == f"{objective.code} {objective.text}"
        if end > n:
            assert f"A{first + n}:A{first + end}" in merges
        n = end + 1


def test_fonts_wrapping_and_borders(tmp_path: Path) -> None:
    route_map = dengue()
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    first = heading_row(ws, route_map) + 2
    cell = ws.cell(first, 4)
    assert (cell.font.name, cell.font.size) == ("TH SarabunPSK", 16)
    assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
    assert all(getattr(cell.border, side).style == "thin" for side in ("left", "right", "top", "bottom"))
    custom = written(route_map, tmp_path, font="Angsana New", font_size=14)[TABLE_SHEET]
    assert (custom.cell(first, 4).font.name, custom.cell(first, 4).font.size) == ("Angsana New", 14)
    assert custom.oddFooter.center.font.startswith("Angsana New")


def test_print_setup_a4_and_a3(tmp_path: Path) -> None:
    route_map = dengue()
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddFooter.center.text == "หน้า &P / &N"
    last = ws.max_row
    assert ws.print_area == f"'{TABLE_SHEET}'!$A$1:$K${last}"
    a3 = written(route_map, tmp_path, paper="A3")
    assert all(
        int(sheet.page_setup.paperSize) == 8 for sheet in a3.worksheets if sheet.sheet_state == "visible"
    )
    with pytest.raises(ValueError):
        write_xlsx(route_map, tmp_path / "x.xlsx", paper="Letter")


# -- row heights ----------------------------------------------------------------------------------


def test_every_row_has_a_height_that_grows_with_its_text(tmp_path: Path) -> None:
    texts = ["ร้อยละ 80", "ครัวเรือนสำรวจและทำลายแหล่งเพาะพันธุ์ด้วยตนเองทุก 7 วัน", LONG_UNBROKEN]
    route_map = small_map(
        [("o1", {"indicator": t}) for t in texts] + [("o2", {"activity": LONG_UNBROKEN * 3})]
    )
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    head = heading_row(ws, route_map)
    for r in range(1, ws.max_row + 1):
        assert ws.row_dimensions[r].height, f"row {r} has no explicit height"
    heights = [ws.row_dimensions[head + 2 + i].height for i in range(4)]
    assert heights[0] < heights[1] < heights[2]
    # A Thai sentence with no space in it still wraps into many lines; a row never passes Excel's limit.
    assert heights[2] > 4 * heights[0]
    assert heights[3] == MAX_ROW_HEIGHT


#: Line pitch LibreOffice prints with when TH SarabunPSK falls back to Laksaman (measured, em).
PRINTED_PITCH = 1.665


@pytest.mark.parametrize("lines", [1, 2, 3, 7, 12])
def test_row_height_is_its_lines_plus_at_most_one_spare(tmp_path: Path, lines: int) -> None:
    # Short words one per line: every program prints exactly ``lines`` lines, whatever its fonts.
    words = ["ร้อยละ 80", "ทุกหมู่บ้าน", "อสม.", "รพ.สต.", "ครัวเรือน"]
    text = "\n".join(words[i % len(words)] for i in range(lines))
    short = [Objective(id="o1", code="ป1", perspective="people", text="ลดโรค")]
    route_map = small_map([("o1", {"activity": text})], short)
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    height = ws.row_dimensions[heading_row(ws, route_map) + 2].height
    size = 16.0
    assert height >= lines * PRINTED_PITCH * size, "the last line would be clipped"
    assert height <= ((lines + 1) * PRINTED_PITCH + 0.6) * size, "more than one spare line"
    if lines < 3:
        assert height <= (lines * PRINTED_PITCH + 0.6) * size, "a short row needs no spare line"


def test_merged_objective_group_is_tall_enough_for_the_objective(tmp_path: Path) -> None:
    objectives = [
        Objective(id="o1", code="ป1", perspective="people", text=LONG_UNBROKEN),
        Objective(id="o2", code="ป2", perspective="people", text="ประชาชนปลอดโรค"),
    ]
    short = {"indicator": "ร้อยละ 80"}
    route_map = small_map([("o1", short), ("o1", short), ("o2", short), ("o2", short)], objectives)
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    first = heading_row(ws, route_map) + 2
    long_group = [ws.row_dimensions[first + i].height for i in (0, 1)]
    short_group = [ws.row_dimensions[first + i].height for i in (2, 3)]
    assert sum(long_group) > 2 * sum(short_group)
    assert long_group[0] == pytest.approx(long_group[1])  # spread over the group's rows


# -- budget ---------------------------------------------------------------------------------------


def plain_amount(text: str) -> Decimal | None:
    """The test's own reading of an amount: digits (Thai or Arabic) and commas, nothing else."""
    arabic = text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")).strip()
    return Decimal(arabic.replace(",", "")) if re.fullmatch(r"[\d,]+(\.\d+)?", arabic) else None


def test_budget_numbers_total_and_words(tmp_path: Path) -> None:
    route_map = dengue()
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    first = heading_row(ws, route_map) + 2
    expected = Decimal(0)
    for n, row in enumerate(route_map.table.rows):
        cell = ws.cell(first + n, 9)
        amount = plain_amount(row.cells["budget"])
        if amount is None:
            assert cell.value == row.cells["budget"] and cell.data_type == "s"
        else:
            expected += amount
            assert cell.data_type == "n" and Decimal(str(cell.value)) == amount
            assert cell.number_format == "#,##0"
    total_row = first + len(route_map.table.rows)
    assert Decimal(str(ws.cell(total_row, 9).value)) == expected
    assert ws.cell(total_row, 9).data_type == "n"
    words = ws.cell(total_row + 1, 1).value
    assert words.endswith("บาทถ้วน)") and not ARABIC_DIGIT.search(words)


def test_total_in_thai_words_and_satang(tmp_path: Path) -> None:
    route_map = small_map(
        [("o1", {"budget": "๗,๕๐๐"}), ("o1", {"budget": "2,500 บาท"}), ("o2", {"budget": "รอ"})]
    )
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    first = heading_row(ws, route_map) + 2
    assert ws.cell(first + 3, 9).value == 10000
    assert ws.cell(first + 4, 1).value == "(หนึ่งหมื่นบาทถ้วน)"
    assert ws.cell(first + 2, 9).value == "รอ"
    satang = small_map([("o1", {"budget": "1,234.50"}), ("o2", {"budget": "100"})])
    ws = written(satang, tmp_path)[TABLE_SHEET]
    assert ws.cell(first, 9).number_format == "#,##0.00"
    assert ws.cell(first + 2, 9).number_format == "#,##0.00"
    assert Decimal(str(ws.cell(first + 2, 9).value)) == Decimal("1334.50")
    assert "สตางค์" in ws.cell(first + 3, 1).value


def test_no_total_rows_without_amounts(tmp_path: Path) -> None:
    route_map = small_map([("o1", {"budget": "-"}), ("o2", {"budget": ""})])
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    first = heading_row(ws, route_map) + 2
    assert ws.max_row == first + 1
    assert all("บาทถ้วน" not in str(c.value) for row in ws.iter_rows() for c in row)


def test_thai_digit_mode(tmp_path: Path) -> None:
    route_map = dengue()
    ws = written(route_map, tmp_path, thai_digits=True)[TABLE_SHEET]
    head = heading_row(ws, route_map)
    assert [ws.cell(head + 1, i).value for i in range(1, 12)] == list("๑๒๓๔๕๖๗๘๙") + ["๑๐", "๑๑"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(ARABIC_DIGIT.search(t) for t in texts)
    first = head + 2
    budget = ws.cell(first, 9)
    assert budget.value == "๒๕,๐๐๐" and budget.alignment.horizontal == "right"
    total = ws.cell(first + len(route_map.table.rows), 9).value
    assert isinstance(total, str) and THAI_DIGIT.search(total)
    expected = sum(a for r in route_map.table.rows if (a := plain_amount(r.cells["budget"])) is not None)
    assert plain_amount(total) == expected


def test_other_template_without_budget_column(tmp_path: Path) -> None:
    columns = [c for c in builtin_template("action_plan").fresh_columns() if c.key != "budget"]
    route_map = small_map([("o1", {"activity": "ประชุมประชาคม", "budget_detail": "ค่าอาหาร 50 คน"})])
    route_map.table.columns = columns
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    head = heading_row(ws, route_map)
    assert [ws.cell(head + 1, i).value for i in range(1, len(columns) + 1)] == list(
        range(1, len(columns) + 1)
    )
    assert ws.cell(head + 2, 2).value == "ประชุมประชาคม"
    assert ws.max_row == head + 2


# -- writing --------------------------------------------------------------------------------------


def test_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "แผน.xlsx"
    path.write_bytes(b"old")

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(xlsx_module.os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_xlsx(dengue(), path)
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["แผน.xlsx"]


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_xlsx(dengue(), tmp_path)
    assert os.listdir(tmp_path) == []


def test_a_row_too_tall_for_the_sheet_is_set_smaller_instead_of_being_cut_off(tmp_path: Path) -> None:
    """A spreadsheet row stops at 409 pt and hides the rest: such a row gets a smaller font."""
    from srmtool.export.xlsx.cells import line_count
    from srmtool.export.xlsx.table import MIN_FONT_SIZE

    long_text = "\n".join(["ร้อยละ 80 ของครัวเรือน"] * 16)  # 16 one-line paragraphs: 454 pt at 16 pt
    route_map = small_map([("o1", {"indicator": "ร้อยละ 80"}), ("o2", {"activity": long_text})])
    ws = written(route_map, tmp_path)[TABLE_SHEET]
    first = heading_row(ws, route_map) + 2
    assert {ws.cell(first, i).font.sz for i in range(2, 12)} == {16.0}
    sizes = {ws.cell(first + 1, i).font.sz for i in range(2, 12)}
    assert len(sizes) == 1
    size = sizes.pop()
    assert MIN_FONT_SIZE <= size < 16.0
    activity = [c.key for c in route_map.table.columns].index("activity")
    width = route_map.table.columns[activity].width
    height = ws.row_dimensions[first + 1].height
    assert line_count(long_text, width, 16.0) * PRINTED_PITCH * 16.0 > MAX_ROW_HEIGHT  # would be cut off
    assert line_count(long_text, width, size) * PRINTED_PITCH * size <= height <= MAX_ROW_HEIGHT
