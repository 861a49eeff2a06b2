"""``srmtool import TABLE.xlsx -o MAP.srm``: exit 0 with a report, or exit 2 and no output file."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "importer"))  # the workbooks the importer tests build
from import_workbooks import (
    action_plan,
    entity_bomb,
    external_entity,
    many_cells,
    notes_first,
    thai_table,
    zip_bomb,
)

from srmtool.cli import main
from srmtool.importer.safety import MAX_CELLS, OLE2_SIGNATURE
from srmtool.model import load_map

THAI = re.compile("[\u0e00-\u0e7f]")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_import_writes_the_map_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "แผนที่.srm"
    status, text, err = _run(["import", str(thai_table(tmp_path / "แผน.xlsx")), "-o", str(out)], capsys)
    assert status == 0, err
    route_map = load_map(out)
    assert len(route_map.table.rows) == 4
    assert [o.text for o in route_map.objectives] == [
        "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย",
        "อสม. สำรวจลูกน้ำทุกสัปดาห์",
    ]
    assert "Imported 4 row(s) and 2 objective(s)" in text
    assert "row 10: total" in text
    assert f"wrote {out}" in text


def test_import_in_thai(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ap.srm"
    status, text, _ = _run(
        ["import", str(action_plan(tmp_path / "ap.xlsx")), "-o", str(out), "--lang", "th"], capsys
    )
    assert status == 0
    assert "ชุดคอลัมน์: แผนปฏิบัติการ (อำเภอ)" in text
    assert load_map(out).table.columns[3].key == "budget_detail"


def test_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = thai_table(tmp_path / "t.xlsx")
    out = tmp_path / "map.srm"
    out.write_text("เดิม", encoding="utf-8")
    status, _, err = _run(["import", str(source), "-o", str(out)], capsys)
    assert status == 2 and "--force" in err
    assert out.read_text(encoding="utf-8") == "เดิม"
    status, _, _ = _run(["import", str(source), "-o", str(out), "--force"], capsys)
    assert status == 0 and len(load_map(out).table.rows) == 4


def test_sheet_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = notes_first(tmp_path / "n.xlsx")
    out = tmp_path / "n.srm"
    status, text, _ = _run(["import", str(source), "-o", str(out), "--sheet", "ตาราง"], capsys)
    assert status == 0 and "“ตาราง”" in text
    out.unlink()
    status, _, err = _run(["import", str(source), "-o", str(out), "--sheet", "Sheet9"], capsys)
    assert status == 2
    assert "there is no sheet “Sheet9”; the sheets are: “คำชี้แจง”, “ตาราง”" in err
    assert not out.exists()


def _xls(path: Path) -> Path:
    path.write_bytes(OLE2_SIGNATURE + b"\0" * 2000)
    return path


def _corrupt(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04" + b"\x00\xff" * 500)
    return path


def _truncated(path: Path) -> Path:
    whole = thai_table(path.with_name("whole.xlsx")).read_bytes()
    path.write_bytes(whole[: len(whole) // 3])
    return path


def _big(path: Path) -> Path:
    with path.open("wb") as handle:  # sparse: the real 50 MB limit, nothing patched
        handle.write(b"PK\x03\x04")
        handle.truncate(50 * 1024 * 1024 + 1)
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (entity_bomb, "unsafe XML"),
        (external_entity, "unsafe XML"),
        (_corrupt, "damaged"),
        (_truncated, "damaged"),
        (zip_bomb, "abnormal size"),
        (_xls, "save it as .xlsx"),
        (_big, "too large"),
        (lambda p: many_cells(p, MAX_CELLS), "more than 200,000 cells"),
    ],
    ids=["entity-bomb", "external-entity", "corrupt", "truncated", "zip-bomb", "xls", "over-50mb", "cells"],
)
def test_hostile_files_exit_2_quickly_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], Path], words: str
) -> None:
    source = make(tmp_path / "table.xlsx")
    out = tmp_path / "map.srm"
    start = time.monotonic()
    status, text, err = _run(["import", str(source), "-o", str(out)], capsys)
    assert time.monotonic() - start < 5.0
    assert status == 2
    assert words in err and "nothing was written" in err
    assert "Traceback" not in err and "root:" not in err + text
    assert not THAI.search(err)  # English messages hold no Thai
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".srm", ".tmp", ".bak")] == []


def test_hostile_file_message_in_thai(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(
        ["import", str(_xls(tmp_path / "old.xls")), "-o", str(tmp_path / "m.srm"), "--lang", "th"], capsys
    )
    assert status == 2
    assert "บันทึกเป็น .xlsx" in err and "ไม่ได้เขียนไฟล์ใด" in err
