"""Our own Excel export imports back to the same map through the map it keeps in a hidden sheet:
after the office renamed headings, with the amounts it edited, and, when the kept map is damaged,
as any table."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from srmtool.export import write_xlsx
from srmtool.export.xlsx.map_data import CHUNK, MAP_DATA_SHEET
from srmtool.importer import import_xlsx
from srmtool.model import dumps_map, load_map
from srmtool.model.numbers import budget_amount
from srmtool.model.types import RouteMap
from srmtool.resources_path import resource

DENGUE = Path(str(resource("examples", "dengue_tambon.srm")))


def _exported(tmp_path: Path, route_map: RouteMap | None = None, **options: object) -> Path:
    path = tmp_path / "แผน.xlsx"
    write_xlsx(route_map or load_map(DENGUE), path, **options)  # type: ignore[arg-type]
    return path


def _heading_cells(
    ws: openpyxl.worksheet.worksheet.Worksheet, labels: set[str]
) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for row in ws.iter_rows(min_row=1, max_row=15):
        for cell in row:
            if isinstance(cell.value, str) and cell.value in labels and cell.value not in found:
                found[cell.value] = (cell.row, cell.column)
    return found


def test_renamed_headings_keep_their_columns(tmp_path: Path) -> None:
    original = load_map(DENGUE)
    path = _exported(tmp_path, original)
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    where = _heading_cells(ws, {"เป้าประสงค์", "งบประมาณ (บาท)", "ผู้รับผิดชอบ / ภาคี"})
    renamed = {"เป้าประสงค์": "เป้าประสงค์ (จากแผนที่ SRM)", "งบประมาณ (บาท)": "ค่าใช้จ่าย", "ผู้รับผิดชอบ / ภาคี": "ใครทำ"}
    for label, (r, c) in where.items():
        ws.cell(r, c).value = renamed[label]
    book.save(path)
    result = import_xlsx(path)
    back = result.route_map
    assert [c.key for c in back.table.columns] == [c.key for c in original.table.columns]
    assert {c.key: c.label for c in back.table.columns if c.label != original.column(c.key).label} == {  # type: ignore[union-attr]
        "objective": "เป้าประสงค์ (จากแผนที่ SRM)",
        "budget": "ค่าใช้จ่าย",
        "responsible": "ใครทำ",
    }
    for column in back.table.columns:  # apart from the new headings, the same map, byte for byte
        column.label = original.column(column.key).label  # type: ignore[union-attr]
    assert dumps_map(back) == dumps_map(original)
    th = result.report.render("th")
    assert "คอลัมน์ «เป้าประสงค์» เปลี่ยนหัวตารางเป็น «เป้าประสงค์ (จากแผนที่ SRM)»" in th
    assert "ไฟล์นี้ส่งออกจาก srmtool" in th


def test_an_amount_the_office_edited_comes_in_and_the_rest_stays_as_typed(tmp_path: Path) -> None:
    original = load_map(DENGUE)
    path = _exported(tmp_path, original, thai_digits=True)
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    (r, c) = _heading_cells(ws, {"งบประมาณ (บาท)"})["งบประมาณ (บาท)"]
    first_amount = next(
        row for row in range(r + 2, ws.max_row + 1) if ws.cell(row, c).value not in (None, "")
    )
    ws.cell(first_amount, c).value = "๙,๙๙๙"
    book.save(path)
    back = import_xlsx(path).route_map
    changed = [
        (a.id, a.cells.get("budget"), b.cells.get("budget"))
        for a, b in zip(original.table.rows, back.table.rows, strict=True)
        if a.cells != b.cells
    ]
    assert len(changed) == 1 and budget_amount(changed[0][2] or "") == 9999
    assert [r.id for r in back.table.rows] == [r.id for r in original.table.rows]


def test_a_damaged_kept_map_is_said_and_the_sheet_read_as_any_table(tmp_path: Path) -> None:
    path = _exported(tmp_path)
    book = openpyxl.load_workbook(path)
    data = book[MAP_DATA_SHEET]
    text = "".join(str(data.cell(r, 1).value) for r in range(4, data.max_row + 1))
    doc = json.loads(text)
    doc["version"] = 7  # a map from a newer srmtool, say
    text = json.dumps(doc, ensure_ascii=False)
    for r in range(4, data.max_row + 2):
        data.cell(r, 1).value = None
    for i in range(0, len(text), CHUNK):
        data.cell(4 + i // CHUNK, 1).value = text[i : i + CHUNK]
    book.save(path)
    result = import_xlsx(path)
    assert not result.report.map_data and result.report.objectives_sheet == "เป้าประสงค์"
    assert "รุ่น 7" in result.report.map_data_problem[0] and "version 7" in result.report.map_data_problem[1]
    assert "ข้อมูลแผนที่ที่ srmtool เก็บไว้ในไฟล์ใช้ไม่ได้" in result.report.render("th")
    assert len(result.route_map.table.rows) == len(load_map(DENGUE).table.rows)


@pytest.mark.parametrize("first", ["srmtool-something-else", None])
def test_a_hidden_sheet_of_another_kind_is_not_trusted(tmp_path: Path, first: str | None) -> None:
    path = _exported(tmp_path)
    book = openpyxl.load_workbook(path)
    book[MAP_DATA_SHEET].cell(1, 1).value = first
    book.save(path)
    result = import_xlsx(path)
    assert (
        not result.report.map_data and result.report.map_data_problem[1] == "it is not in the expected form"
    )


def test_the_kept_map_is_hidden_from_print_and_holds_no_text_the_sheet_shows(tmp_path: Path) -> None:
    path = _exported(tmp_path)
    book = openpyxl.load_workbook(path)
    data = book[MAP_DATA_SHEET]
    assert data.sheet_state == "veryHidden" and book.active.title != MAP_DATA_SHEET  # type: ignore[union-attr]
    kept = json.loads("".join(str(data.cell(r, 1).value) for r in range(4, data.max_row + 1)))
    cells = [v for row in kept["table"]["rows"] for v in row["cells"].values()]
    assert cells and all(any(ch.isdigit() for ch in v) for v in cells)  # only cells holding digits
    assert data.cell(3, 1).value == book.worksheets[0].title
