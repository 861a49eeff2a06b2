"""write_xlsx: the objectives, stakeholders and matrix sheets, and text that looks like a formula."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.export.xlsx.map_data import MAP_DATA_SHEET
from srmtool.export.xlsx.sheets import MARK, MATRIX_SHEET, OBJECTIVES_SHEET, STAKEHOLDERS_SHEET
from srmtool.export.xlsx.table import TABLE_SHEET
from srmtool.export.xlsx.workbook import write_xlsx
from srmtool.model import load_map
from srmtool.model.templates import default_columns
from srmtool.model.types import PERSPECTIVE_IDS, Link, Meta, Objective, RouteMap, Row, Stakeholder, Table
from srmtool.resources_path import resource

FORMULA_LIKE = (
    '=HYPERLINK("http://example.com/ส่งข้อมูล","คลิกที่นี่")',
    "+66 81 234 5678",
    "-",
    "@ผู้ประสานงาน",
    "=1+1",
    "-500 บาท",
)


@pytest.fixture(scope="module")
def dengue_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[RouteMap, openpyxl.Workbook]:
    route_map = load_map(resource("examples", "dengue_tambon.srm"))
    path = tmp_path_factory.mktemp("xlsx") / "dengue.xlsx"
    write_xlsx(route_map, path)
    return route_map, openpyxl.load_workbook(path)


def rows_by_code(ws: Worksheet) -> dict[str, list[object]]:
    """Body rows of the objectives sheet keyed by their code (column B)."""
    return {str(row[1].value): [c.value for c in row] for row in ws.iter_rows(min_row=3) if row[1].value}


def test_sheets_in_order(dengue_book: tuple[RouteMap, openpyxl.Workbook]) -> None:
    _, wb = dengue_book
    assert wb.sheetnames == [TABLE_SHEET, OBJECTIVES_SHEET, STAKEHOLDERS_SHEET, MATRIX_SHEET, MAP_DATA_SHEET]
    assert [ws.sheet_state for ws in wb.worksheets][-1] == "veryHidden"  # never shown, never printed


def test_objectives_by_perspective_with_links_in_and_out(
    dengue_book: tuple[RouteMap, openpyxl.Workbook],
) -> None:
    route_map, wb = dengue_book
    ws = wb[OBJECTIVES_SHEET]
    rows = rows_by_code(ws)
    assert len(rows) == len(route_map.objectives)
    code = {o.id: o.code for o in route_map.objectives}
    for objective in route_map.objectives:
        row = rows[objective.code]
        assert row[2] == objective.text
        assert row[3] == (MARK if objective.key_route else None)
        causes = {code[lk.source] for lk in route_map.links if lk.target == objective.id}
        effects = {code[lk.target] for lk in route_map.links if lk.source == objective.id}
        assert set(filter(None, str(row[4] or "").split(", "))) == causes
        assert set(filter(None, str(row[5] or "").split(", "))) == effects
    # ก1 (the surveillance system) is fed by all three foundations and feeds อสม. and the fund.
    assert set(str(rows["ก1"][4]).split(", ")) == {"พ1", "พ2", "พ3"}
    assert set(str(rows["ก1"][5]).split(", ")) == {"ภ1", "ภ2"}
    # Levels top to bottom: people first, foundation last; each level's label on one merged cell.
    codes = [str(row[1].value) for row in ws.iter_rows(min_row=3) if row[1].value]
    levels = [next(o.perspective for o in route_map.objectives if o.code == c) for c in codes]
    assert levels == sorted(levels, key=PERSPECTIVE_IDS.index)
    merged = {str(r) for r in ws.merged_cells.ranges}
    people = len(route_map.objectives_in("people"))
    assert f"A3:A{2 + people}" in merged
    assert ws.cell(3, 1).value == route_map.perspective_label("people")


def test_stakeholders_and_matrix(dengue_book: tuple[RouteMap, openpyxl.Workbook]) -> None:
    route_map, wb = dengue_book
    ws = wb[STAKEHOLDERS_SHEET]
    for n, stakeholder in enumerate(route_map.stakeholders):
        values = [c.value for c in ws[n + 3]]
        assert values[1:4] == [stakeholder.name, stakeholder.kind, stakeholder.role]
        related = {o.code for o in route_map.objectives if stakeholder.id in o.stakeholders}
        assert set(str(values[4]).split(", ")) == related
    matrix = wb[MATRIX_SHEET]
    codes = [c.value for c in matrix[2]][1:]
    assert sorted(codes) == sorted(o.code for o in route_map.objectives)
    by_code = {o.code: o for o in route_map.objectives}
    for n, stakeholder in enumerate(route_map.stakeholders):
        row = [c.value for c in matrix[n + 3]]
        assert row[0] == stakeholder.name
        for code, mark in zip(codes, row[1:], strict=True):
            assert (mark == MARK) == (stakeholder.id in by_code[code].stakeholders)


def test_every_sheet_prints_landscape_with_page_numbers(
    dengue_book: tuple[RouteMap, openpyxl.Workbook],
) -> None:
    _, wb = dengue_book
    for ws in wb.worksheets:
        if ws.title == MAP_DATA_SHEET:
            continue  # hidden
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
        assert all(ws.row_dimensions[r].height for r in range(2, ws.max_row + 1))


# -- text that looks like a formula ---------------------------------------------------------------


def formula_map() -> RouteMap:
    objectives = [
        Objective(id="o1", code="=ป1", perspective="people", text=FORMULA_LIKE[0], stakeholders=["s1"]),
        Objective(id="o2", code="ก1", perspective="process", text="+ระบบเฝ้าระวัง"),
    ]
    cells = {c.key: FORMULA_LIKE[i % len(FORMULA_LIKE)] for i, c in enumerate(default_columns())}
    return RouteMap(
        meta=Meta(title="=SUM(A1:A9)", organization="@รพ.สต.", area="-ตำบล", period="+2568"),
        objectives=objectives,
        links=[Link(source="o2", target="o1")],
        stakeholders=[Stakeholder(id="s1", name='=HYPERLINK("x")', kind="+อปท.", role="-ประสานงาน")],
        table=Table(
            columns=default_columns(),
            rows=[Row(id="r1", objective="o1", cells=cells), Row(id="r2", objective="o2", cells=cells)],
        ),
    )


def test_text_starting_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "สูตร.xlsx"
    write_xlsx(formula_map(), path)
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any("<f>" in xml or "<f " in xml for xml in sheets)
    wb = openpyxl.load_workbook(path)
    risky = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    risky += 1
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
    assert risky >= 20
    table = wb[TABLE_SHEET]
    values = {c.value for row in table.iter_rows() for c in row}
    assert set(FORMULA_LIKE) - {"-500 บาท"} <= values
    assert "=SUM(A1:A9)" in values
    # Ordinary text (the headings) does not get the quote prefix.
    headings = [c for row in table.iter_rows() for c in row if c.value == "ตัวชี้วัด"]
    assert headings and not any(c.quotePrefix for c in headings)


def test_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    route_map = formula_map()
    route_map.table.rows[0].cells["indicator"] = "ร้อยละ\x0080\x07 ของครัวเรือน"
    path = tmp_path / "ควบคุม.xlsx"
    write_xlsx(route_map, path)
    ws = openpyxl.load_workbook(path)[TABLE_SHEET]
    assert "ร้อยละ80 ของครัวเรือน" in {c.value for row in ws.iter_rows() for c in row}
