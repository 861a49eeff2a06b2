"""The workbooks that used to run for minutes or gigabytes are refused in well under a second and a
few tens of MB: ranges openpyxl fills in cell by cell, text that is not UTF-8, a value far away.
Also: a password-protected workbook says so, and formula cells without a kept result are reported."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import openpyxl
import pytest
from import_workbooks import SHEET_END, SHEET_START, handmade, inline_row, thai_table

from srmtool.importer import ImportRefused, import_xlsx, safety
from srmtool.importer import workbook as importer_workbook
from srmtool.importer.safety import MAX_CELLS, range_cells
from srmtool.model import dumps_map
from srmtool.model.limits import MAX_CODE_CHARS

MAX_SECONDS = 1.0
MAX_PEAK_BYTES = 30 * 1024 * 1024

HEAD = inline_row(1, ["เป้าประสงค์", "ตัวชี้วัด"]) + inline_row(2, ["ประชาชนมีสุขภาพดี", "ร้อยละ ๘๐"])


def _bounded_refusal(path: Path) -> ImportRefused:
    """Import ``path``, which must be refused within ``MAX_SECONDS`` and ``MAX_PEAK_BYTES``."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(ImportRefused) as refused:
            import_xlsx(path)
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seconds < MAX_SECONDS, f"{seconds:.2f} s"
    assert peak < MAX_PEAK_BYTES, f"{peak / 1024 / 1024:.1f} MB"
    return refused.value


def _with_ranges(path: Path, tail: str, extra: dict[str, bytes] | None = None) -> Path:
    return handmade(
        path, SHEET_START + HEAD + SHEET_END.replace("</worksheet>", tail + "</worksheet>"), extra
    )


@pytest.mark.parametrize("ref", ["A1:XFD1048576", "A1:Z200000", "$A$1:$Z$200000", "A:H", "1:20"])
def test_a_merged_range_counts_every_cell_before_openpyxl_fills_it_in(tmp_path: Path, ref: str) -> None:
    path = _with_ranges(
        tmp_path / "ผสาน.xlsx", f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
    )
    error = _bounded_refusal(path)
    assert error.key == "too_many_cells"
    assert f"{MAX_CELLS:,}" in error.message("en") and "merged" in error.message("en")
    assert "ผสาน" in error.message("th")


def test_a_hyperlink_over_a_range_counts_every_cell(tmp_path: Path) -> None:
    path = _with_ranges(
        tmp_path / "link.xlsx", '<hyperlinks><hyperlink ref="A1:XFD1048576" display="x"/></hyperlinks>'
    )
    assert _bounded_refusal(path).key == "too_many_cells"


def test_a_comment_over_a_range_counts_every_cell(tmp_path: Path) -> None:
    comments = (
        b'<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><authors><author>a</author></authors><commentList>'
        b"<comment ref='A1:Z300000' authorId='0'><text><t>x</t></text></comment></commentList></comments>"
    )
    path = _with_ranges(tmp_path / "comment.xlsx", "", {"xl/comments1.xml": comments})
    assert _bounded_refusal(path).key == "too_many_cells"


def test_merged_ranges_a_real_table_uses_still_import(tmp_path: Path) -> None:
    path = thai_table(tmp_path / "ตาราง.xlsx")  # objectives merged down, headings merged across
    assert import_xlsx(path).report.rows > 0


def test_range_sizes() -> None:
    assert range_cells(b"B2") == 1
    assert range_cells(b"A1:C4") == 12
    assert range_cells(b"C4:A1") == 12
    assert range_cells(b"$A$1:$B$2 D1:D3") == 7
    assert range_cells(b"A:B") == 2 * safety.SHEET_ROWS
    assert range_cells(b"3:3") == safety.SHEET_COLUMNS
    assert range_cells(b"A1:XFD1048576") == safety.SHEET_ROWS * safety.SHEET_COLUMNS
    assert range_cells(b"?? #REF!") == 2


def _utf16_sheet(rows: int) -> bytes:
    body = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{chr(65 + i)}{r}"><v>{r}</v></c>' for i in range(10)) + "</row>"
        for r in range(3, rows + 3)
    )
    return ('<?xml version="1.0" encoding="UTF-16"?>' + SHEET_START + HEAD + body + SHEET_END).encode(
        "utf-16"
    )


def test_a_utf16_worksheet_is_refused_before_its_cells_are_read(tmp_path: Path) -> None:
    path = handmade(tmp_path / "utf16.xlsx", _utf16_sheet(30_000))  # type: ignore[arg-type]
    error = _bounded_refusal(path)
    assert error.key == "not_utf8"
    assert "UTF-16" in error.message("en") and "UTF-16" in error.message("th")
    assert "save it again" in error.message("en")


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        (
            ("<?xml version='1.0' encoding='ISO-8859-1'?>" + SHEET_START + SHEET_END).encode("latin-1"),
            "ISO-8859-1",
        ),
        (b"\xff\xfe\x00\x00" + (SHEET_START + SHEET_END).encode("utf-32-le"), "UTF-32"),
        ((SHEET_START + SHEET_END).encode("utf-16-be"), "UTF-16"),  # no byte-order mark
    ],
)
def test_any_text_other_than_utf8_is_refused(tmp_path: Path, data: bytes, shown: str) -> None:
    error = _bounded_refusal(handmade(tmp_path / "enc.xlsx", data))  # type: ignore[arg-type]
    assert error.key == "not_utf8" and shown in error.message("en")


def test_a_dtd_in_a_utf16_part_is_refused_too(tmp_path: Path) -> None:
    strings = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE sst [<!ENTITY a "b">]><sst/>'.encode("utf-16")
    path = handmade(tmp_path / "sst.xlsx", SHEET_START + HEAD + SHEET_END, {"xl/sharedStrings.xml": strings})
    assert _bounded_refusal(path).key == "not_utf8"


def test_a_tag_cut_between_chunks_is_still_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "_CHUNK", 7)  # every tag crosses a chunk boundary
    path = _with_ranges(
        tmp_path / "cut.xlsx", '<mergeCells count="1"><mergeCell ref="A1:Z200000"/></mergeCells>'
    )
    assert _bounded_refusal(path).key == "too_many_cells"


def test_one_value_far_away_is_refused_without_a_huge_grid(tmp_path: Path) -> None:
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    error = _bounded_refusal(handmade(tmp_path / "ไกล.xlsx", SHEET_START + HEAD + far + SHEET_END))
    assert error.key == "sheet_too_wide"
    assert "1,048,576" in error.message("en") and "16,384" in error.message("th")


def test_cells_with_only_a_style_far_away_do_not_widen_the_sheet(tmp_path: Path) -> None:
    styled = '<row r="900000"><c r="XFA900000" s="0"/></row>'
    result = import_xlsx(handmade(tmp_path / "style.xlsx", SHEET_START + HEAD + styled + SHEET_END))
    assert result.report.rows == 1


def test_a_password_protected_workbook_says_it_is_encrypted(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = thai_table(tmp_path / "plain.xlsx")
    locked = tmp_path / "มีรหัสผ่าน.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("รหัส1234", target)
    error = _bounded_refusal(locked)
    assert error.key == "encrypted"
    assert "password" in error.message("en") and "old-style" not in error.message("en")
    assert "รหัสผ่าน" in error.message("th")


def test_an_old_xls_still_gets_the_save_as_xlsx_message(tmp_path: Path) -> None:
    old = tmp_path / "เก่า.xls"
    old.write_bytes(safety.OLE2_SIGNATURE + b"\0" * 4000)
    assert _bounded_refusal(old).key == "xls"


def _formula_table(path: Path) -> Path:
    """A table written by openpyxl, which keeps no result of a formula."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["เป้าประสงค์", "ตัวชี้วัด", "งบประมาณ"])
    sheet.append(["ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย", "ค่า HI ไม่เกิน ๑๐", 5000])
    sheet.append(['=CONCAT("อสม. ", "สำรวจลูกน้ำ")', "ร้อยละ ๙๐", "=C2*2"])
    book.save(path)
    return path


def test_formula_cells_without_a_kept_result_are_reported(tmp_path: Path) -> None:
    result = import_xlsx(_formula_table(tmp_path / "สูตร.xlsx"))
    report = result.report
    assert report.unknown_formulas == [(3, 1), (3, 3)]
    assert report.formula_objective_rows == [3]
    en, th = report.render("en"), report.render("th")
    assert "A3, C3" in en and "never calculated" in en and "A3, C3" in th
    assert "Row(s) 3: the objective cell is a formula" in en
    assert "แถว 3: ช่องเป้าประสงค์เป็นสูตร" in th


def test_formulas_with_a_kept_result_are_read_by_it_and_not_reported(tmp_path: Path) -> None:
    body = (
        HEAD
        + '<row r="3"><c r="A3"><f>A2</f><v>2</v></c><c r="B3" t="str"><f>"ร้อยละ"</f><v>ร้อยละ</v></c></row>'
    )
    result = import_xlsx(handmade(tmp_path / "kept.xlsx", SHEET_START + body + SHEET_END))
    assert result.report.unknown_formulas == [] and result.report.formula_objective_rows == []
    assert "formula" not in result.report.render("en")


def test_a_table_with_more_rows_than_a_map_holds_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer_workbook, "MAX_ROWS", 2)
    path = thai_table(tmp_path / "ยาว.xlsx")
    with pytest.raises(ImportRefused) as refused:
        import_xlsx(path)
    error = refused.value
    assert error.key == "too_many_rows" and "more than a map holds (2)" in error.message("en")


def test_an_imported_map_always_saves(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ตาราง 11 ช่อง"
    sheet.append(["เป้าประสงค์", "ตัวชี้วัด"])
    sheet.append(["ประชาชนมีสุขภาพดี", "ร้อยละ ๘๐"])
    objectives = book.create_sheet("เป้าประสงค์")
    objectives.append(["มุมมอง", "รหัส", "เป้าประสงค์", "เส้นทางหลัก", "ผลมาจากลูกศรเข้า"])
    objectives.append(["ประชาชน", "ป" * (MAX_CODE_CHARS + 1), "ประชาชนมีสุขภาพดี", "", ""])
    path = tmp_path / "รหัสยาว.xlsx"
    book.save(path)
    with pytest.raises(ImportRefused) as refused:
        import_xlsx(path)
    error = refused.value
    assert error.key == "map_limits"
    assert f"{MAX_CODE_CHARS:,}" in error.message("en") and f"{MAX_CODE_CHARS:,}" in error.message("th")
    assert "objectives[0].code" in error.message("en")
    assert dumps_map(import_xlsx(thai_table(tmp_path / "ok.xlsx")).route_map)
