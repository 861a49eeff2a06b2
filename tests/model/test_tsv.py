"""Tab-separated text as Excel, LibreOffice and LINE put it on the clipboard, read and written."""

from __future__ import annotations

import pytest

from srmtool.model.tsv import format_cells, parse_cells

LONG_THAI = (
    "ประชาชนทุกหลังคาเรือนร่วมกันสำรวจและทำลายแหล่งเพาะพันธุ์ยุงลายในบ้านโรงเรียนวัดและชุมชนทุกสัปดาห์"
    "อย่างต่อเนื่องจนค่าดัชนีลูกน้ำยุงลายไม่เกินร้อยละสิบ"
)


def test_a_block_of_thai_cells_with_lf_rows() -> None:
    assert parse_cells("ก\tข\nค\tง") == [["ก", "ข"], ["ค", "ง"]]


def test_excel_quotes_a_cell_with_line_breaks_ends_rows_with_crlf_and_a_last_one() -> None:
    text = f'"ข้อ 1 ตรวจลูกน้ำ\nข้อ 2 {LONG_THAI}"\t5,000\r\nอสม.\t""\r\n'
    assert parse_cells(text) == [[f"ข้อ 1 ตรวจลูกน้ำ\nข้อ 2 {LONG_THAI}", "5,000"], ["อสม.", ""]]


def test_crlf_and_cr_inside_a_quoted_cell_become_line_breaks() -> None:
    assert parse_cells('"บรรทัดแรก\r\nบรรทัดสอง\rบรรทัดสาม"\tx') == [["บรรทัดแรก\nบรรทัดสอง\nบรรทัดสาม", "x"]]


def test_doubled_quotes_inside_a_quoted_cell_are_one_quote() -> None:
    assert parse_cells('"โครงการ ""บ้านสะอาด""\nปี 2568"') == [['โครงการ "บ้านสะอาด"\nปี 2568']]


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('"บ้านสะอาด" ปี 2568', '"บ้านสะอาด" ปี 2568'),  # a quote that does not close the cell
        ('"ยังไม่ปิด', '"ยังไม่ปิด'),  # never closed: it does not take the rest
        ('โครงการ "บ้านสะอาด"', 'โครงการ "บ้านสะอาด"'),  # quotes inside plain text
    ],
)
def test_quotes_that_do_not_make_a_quoted_cell_stay_text(text: str, cell: str) -> None:
    assert parse_cells(f"{text}\tข\nค\tง") == [[cell, "ข"], ["ค", "ง"]]


def test_short_rows_are_padded_and_trailing_empty_rows_dropped() -> None:
    assert parse_cells("ก\tข\tค\r\nง\r\n\r\n\t\r\n") == [["ก", "ข", "ค"], ["ง", "", ""]]
    assert parse_cells("ก\n\nข") == [["ก"], [""], ["ข"]]  # an empty row inside the block stays
    assert parse_cells("") == [] and parse_cells("\r\n") == []


def test_writing_quotes_only_what_needs_it_and_reads_back_the_same() -> None:
    grid = [
        ["ป1 ประชาชนมีพฤติกรรม", "ข้อ 1\nข้อ 2", 'โครงการ "บ้านสะอาด"'],
        ['"อ้างอิง"', "มี\tแท็บ", ""],
        [LONG_THAI, "", "๑๒,๕๐๐"],
    ]
    text = format_cells(grid)
    assert text.split("\r\n")[0] == 'ป1 ประชาชนมีพฤติกรรม\t"ข้อ 1\nข้อ 2"\tโครงการ "บ้านสะอาด"'
    assert text.split("\r\n")[1].startswith('"""อ้างอิง"""\t"มี\tแท็บ"\t')
    assert not text.endswith("\r\n")
    assert parse_cells(text) == grid


def test_one_cell_is_just_its_text() -> None:
    assert format_cells([[LONG_THAI]]) == LONG_THAI
    assert format_cells([["ข้อ 1\nข้อ 2"]]) == '"ข้อ 1\nข้อ 2"'  # as Excel copies one such cell
