"""Untrusted workbooks are refused quickly, with a clear reason, before or while openpyxl parses."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest
from defusedxml import DefusedXmlException
from import_workbooks import (
    SHEET_END,
    SHEET_START,
    entity_bomb,
    external_entity,
    handmade,
    inline_row,
    many_cells,
    thai_table,
    zip_bomb,
)

from srmtool.importer import ImportRefused, import_xlsx, safety

LIMIT_SECONDS = 5.0


def _refused(path: Path) -> ImportRefused:
    start = time.monotonic()
    with pytest.raises(ImportRefused) as refused:
        import_xlsx(path)
    assert time.monotonic() - start < LIMIT_SECONDS
    return refused.value


def test_openpyxl_parses_through_defusedxml() -> None:
    assert openpyxl.xml.DEFUSEDXML is True


def test_openpyxl_alone_refuses_an_entity_bomb(tmp_path: Path) -> None:
    # Our own scan refuses it first; this proves the second line of defence holds too.
    start = time.monotonic()
    with pytest.raises(ValueError) as refused:  # openpyxl wraps the parser's refusal
        openpyxl.load_workbook(entity_bomb(tmp_path / "bomb.xlsx"))
    assert time.monotonic() - start < LIMIT_SECONDS
    assert isinstance(refused.value.__cause__, DefusedXmlException)


def test_entity_bomb(tmp_path: Path) -> None:
    error = _refused(entity_bomb(tmp_path / "bomb.xlsx"))
    assert error.key == "unsafe_xml"
    assert "unsafe XML" in error.message("en") and "ไม่ปลอดภัย" in error.message("th")


def test_external_entity_never_reads_the_file(tmp_path: Path) -> None:
    error = _refused(external_entity(tmp_path / "xxe.xlsx"))
    assert error.key == "unsafe_xml"
    assert "root:" not in error.message("en") and "root:" not in error.message("th")


def test_a_dtd_in_a_part_other_than_a_sheet(tmp_path: Path) -> None:
    body = SHEET_START + inline_row(1, ["เป้าประสงค์", "ตัวชี้วัด"]) + SHEET_END
    extra = {"xl/sharedStrings.xml": b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "b">]><sst/>'}
    assert _refused(handmade(tmp_path / "sst.xlsx", body, extra)).key == "unsafe_xml"


def test_xls_gets_save_as_xlsx(tmp_path: Path) -> None:
    old = tmp_path / "แผนเก่า.xls"
    old.write_bytes(safety.OLE2_SIGNATURE + b"\0" * 4000)
    error = _refused(old)
    assert error.key == "xls"
    assert "save it as .xlsx" in error.message("en")
    renamed = tmp_path / "แผนเก่า.xlsx"  # the signature decides, not the name
    renamed.write_bytes(old.read_bytes())
    assert _refused(renamed).key == "xls"


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda p: p.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 20), "corrupt"),
        (lambda p: p.write_text("เป้าประสงค์,ตัวชี้วัด\n", encoding="utf-8"), "not_xlsx"),
        (lambda p: p.write_bytes(b""), "not_xlsx"),
    ],
    ids=["corrupt-zip", "csv-named-xlsx", "empty"],
)
def test_not_a_workbook(tmp_path: Path, make: Callable[[Path], object], key: str) -> None:
    path = tmp_path / "table.xlsx"
    make(path)
    assert _refused(path).key == key


def test_truncated_workbook(tmp_path: Path) -> None:
    whole = thai_table(tmp_path / "whole.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    assert _refused(cut).key in ("corrupt", "not_xlsx")


def test_zip_without_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("รูป.txt", "ไม่ใช่ Excel")
    assert _refused(path).key == "not_xlsx"


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    error = _refused(zip_bomb(tmp_path / "bomb.xlsx"))
    assert error.key == "zip_bomb"


def test_zip_bomb_by_total_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Patched limit (400 MB for real): the central directory's total is what is judged.
    monkeypatch.setattr(safety, "MAX_UNPACKED_BYTES", 1000)
    assert _refused(thai_table(tmp_path / "t.xlsx")).key == "zip_bomb"


def test_file_over_50_mb(tmp_path: Path) -> None:
    # A sparse file of the real size: no patched limit, no 50 MB written to disk.
    big = tmp_path / "big.xlsx"
    with big.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(safety.MAX_FILE_BYTES + 1)
    error = _refused(big)
    assert error.key == "too_large"
    assert "50 MB" in error.message("en")


def test_over_200000_cells(tmp_path: Path) -> None:
    # The real limit, unpatched: 200,010 cells.
    error = _refused(many_cells(tmp_path / "cells.xlsx", safety.MAX_CELLS))
    assert error.key == "too_many_cells"
    assert "200,000" in error.message("en")


def test_missing_file(tmp_path: Path) -> None:
    assert _refused(tmp_path / "ไม่มี.xlsx").key == "missing"
