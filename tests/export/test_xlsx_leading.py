"""Text led by a tab or a carriage return is stored as text with the quote prefix, as text led by
``=`` is (a copy to CSV or another program may drop the tab and leave a formula in front), and the
workbook still imports back as text, never as a formula."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from srmtool.export.xlsx.sheets import OBJECTIVES_SHEET
from srmtool.export.xlsx.table import TABLE_SHEET
from srmtool.export.xlsx.workbook import write_xlsx
from srmtool.importer import import_xlsx
from srmtool.model.templates import default_columns
from srmtool.model.types import Link, Objective, RouteMap, Row, Table

LED = {
    "indicator": "\t=1+1",
    "target": '\r=HYPERLINK("http://example.com")',
    "activity": "\t@ผู้ประสานงานตำบล",
    "target_group": "\r\n-ครัวเรือน",
    "period": "=2568",
    "responsible": "อสม.\tทุกหมู่บ้าน",  # a tab inside is plain text
}


def _map(lead: str = "") -> RouteMap:
    return RouteMap(
        objectives=[
            Objective(id="o1", code="ป1", perspective="people", text=lead + "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย"),
            Objective(id="o2", code="ก1", perspective="process", text="+ระบบเฝ้าระวังโรค"),
        ],
        links=[Link(source="o2", target="o1")],
        table=Table(
            columns=default_columns(),
            rows=[Row(id="r1", objective="o1", cells=dict(LED)), Row(id="r2", objective="o2", cells={})],
        ),
    )


def test_tab_and_carriage_return_led_texts_get_the_quote_prefix(tmp_path: Path) -> None:
    path = tmp_path / "นำด้วยแท็บ.xlsx"
    write_xlsx(_map("\t"), path)
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any("<f>" in xml or "<f " in xml for xml in sheets)
    table = openpyxl.load_workbook(path)[TABLE_SHEET]
    cells = {c.value: c for row in table.iter_rows() for c in row if isinstance(c.value, str)}
    objectives = openpyxl.load_workbook(path)[OBJECTIVES_SHEET]
    cells.update((c.value, c) for row in objectives.iter_rows() for c in row if isinstance(c.value, str))
    for text in (*LED.values(), "\tประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย"):
        read = text.replace("\r\n", "\n").replace("\r", "\n")  # XML reads a line end as \n
        assert read in cells, repr(read)
        led = text.startswith(("\t", "\r", "="))
        assert cells[read].quotePrefix == led, repr(text)
        assert cells[read].data_type == "s"


def test_the_export_still_imports_back_as_text(tmp_path: Path) -> None:
    path = tmp_path / "กลับมา.xlsx"
    write_xlsx(_map(), path)
    imported = import_xlsx(path)
    m = imported.route_map
    assert imported.report.unknown_formulas == []
    assert sorted(o.text for o in m.objectives) == ["+ระบบเฝ้าระวังโรค", "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย"]
    first = next(r for r in m.table.rows if m.objective(r.objective).text.startswith("ประชาชน"))  # type: ignore[union-attr]
    # Our own export comes back as typed, through the map it keeps (the sheet alone trims a cell)
    assert imported.report.map_data
    assert first.cells == LED


def test_a_sheet_without_its_kept_map_imports_as_text_trimmed(tmp_path: Path) -> None:
    path = tmp_path / "กลับมา.xlsx"
    write_xlsx(_map(), path)
    book = openpyxl.load_workbook(path)
    del book["_srmtool"]
    book.save(path)
    m = import_xlsx(path).route_map
    first = next(r for r in m.table.rows if m.objective(r.objective).text.startswith("ประชาชน"))  # type: ignore[union-attr]
    # The importer trims the blank space around a cell's text, as it does for any cell.
    assert first.cells["indicator"] == "=1+1"
    assert first.cells["target"] == '=HYPERLINK("http://example.com")'
    assert first.cells["activity"] == "@ผู้ประสานงานตำบล"
    assert first.cells["target_group"] == "-ครัวเรือน"
    assert first.cells["period"] == "=2568"
    assert first.cells["responsible"] == "อสม.\tทุกหมู่บ้าน"
