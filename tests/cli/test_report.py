"""``srmtool report``: the period's summary, the report and form files, collecting filled forms,
and the exit status (0 done, 1 done with something left out, 2 nothing done)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).parents[1] / "importer"))  # the workbooks the importer tests build
from import_workbooks import entity_bomb

from srmtool.cli import main
from srmtool.model import dumps_map, load_map, save_map
from srmtool.model.progress import form, report_of
from srmtool.model.types import RouteMap
from srmtool.resources_path import resource

NCD = Path(str(resource("examples", "district_ncd.srm")))


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _map(tmp_path: Path, name: str = "อำเภอนาคำใต้.srm") -> Path:
    route_map: RouteMap = load_map(NCD)
    route_map.__pydantic_extra__ = {
        "progress": {
            "fiscal_year": 2568,
            "rows": {
                "r1": {"2568-Q1": {"status": "on_track", "spent": 30000}},
                "r2": {"2568-Q1": {"status": "late", "spent": 5000, "note": "เจ้าหน้าที่ย้าย"}},
            },
        }
    }
    path = tmp_path / name
    save_map(route_map, path)
    return path


def _fill(path: Path, cells: dict[tuple[int, int], object]) -> None:
    workbook = load_workbook(path)
    ws = workbook[form.ROWS_SHEET]
    for (row, column), value in cells.items():
        ws.cell(form.FIRST_DATA_ROW + row, column).value = value
    workbook.save(path)


STATUS, RESULT, SPENT, NOTE = 6, 7, 9, 10


def test_the_summary_and_the_three_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _map(tmp_path)
    before = source.read_bytes()
    pdf, xlsx, sheet = tmp_path / "รายงาน.pdf", tmp_path / "รายงาน.xlsx", tmp_path / "แบบฟอร์ม.xlsx"
    status, out, err = _run(
        [
            "report",
            str(source),
            "--period",
            "2568-Q1",
            "--pdf",
            str(pdf),
            "--xlsx",
            str(xlsx),
            "--form",
            str(sheet),
        ],
        capsys,
    )
    assert status == 0, err
    assert "reporting period Quarter 1/2568 (Oct–Dec 2567)" in out
    assert "23 activities: On track 1 · Late 1 · No report 21" in out
    assert "budget 1,303,260 baht, spent 35,000 baht (2.7%)" in out
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0 and sheet.stat().st_size > 0
    assert source.read_bytes() == before  # a report never changes the map


def test_the_summary_in_thai_with_a_period_written_in_thai(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(
        ["--lang", "th", "report", str(_map(tmp_path)), "--period", "ไตรมาส ๑/๒๕๖๘"], capsys
    )
    assert status == 0
    assert "รอบการรายงาน ไตรมาส 1/2568 (ต.ค.–ธ.ค. 2567)" in out and "ล่าช้า 1" in out


@pytest.mark.parametrize("period", ["ไตรมาส 5", "สิ้นปี", "2568-Q9"])
def test_a_period_that_names_none_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], period: str
) -> None:
    status, out, err = _run(["report", str(_map(tmp_path)), "--period", period], capsys)
    assert status == 2 and out == "" and "is not a reporting period" in err


def test_an_unreadable_map_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "เสีย.srm"
    broken.write_text('{"format": "srmtool-map", "version": 1, "progress": {"rows": []}}', encoding="utf-8")
    status, _, err = _run(["report", str(broken)], capsys)
    assert status == 2 and "เสีย.srm" in err and "Traceback" not in err


def test_an_output_that_cannot_be_written_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "ได้.pdf"
    status, _, err = _run(
        [
            "report",
            str(_map(tmp_path)),
            "--period",
            "Q1",
            "--pdf",
            str(pdf),
            "--xlsx",
            str(tmp_path / "ไม่มี" / "x.xlsx"),
        ],
        capsys,
    )
    assert status == 2 and "nothing was written" in err and not pdf.exists()


def test_collecting_a_filled_form_saves_the_map_and_says_what_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _map(tmp_path)
    sheet = tmp_path / "แบบฟอร์ม.xlsx"
    assert _run(["report", str(source), "--period", "2568-Q1", "--form", str(sheet)], capsys)[0] == 0
    _fill(sheet, {(2, STATUS): "มีความเสี่ยง", (2, NOTE): "รองบประมาณจากกองทุน", (0, SPENT): "45,000"})
    status, out, err = _run(["report", str(source), "--period", "Q1", "--collect", str(sheet)], capsys)
    assert status == 0, err
    assert "แบบฟอร์ม.xlsx: 3 change(s)" in out
    assert "r3 «" in out and "status No report → At risk" in out and "spent 30,000 → 45,000" in out
    assert f"saved {source} (3 change(s))" in out
    route_map = load_map(source)
    r3 = report_of(route_map, "r3", "2568-Q1")
    assert r3 is not None and (r3.status, r3.note) == ("at_risk", "รองบประมาณจากกองทุน")
    assert report_of(route_map, "r1", "2568-Q1").spent == 45000  # type: ignore[union-attr]
    assert (tmp_path / "อำเภอนาคำใต้.srm.bak").exists()
    status, out, _ = _run(["report", str(source), "--period", "Q1", "--collect", str(sheet)], capsys)
    assert status == 0 and "no changes" in out and "was not saved" in out


def test_collecting_into_another_file_leaves_the_map_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _map(tmp_path)
    before = source.read_bytes()
    sheet, target = tmp_path / "แบบฟอร์ม.xlsx", tmp_path / "รวมผล.srm"
    _run(["report", str(source), "--period", "Q1", "--form", str(sheet)], capsys)
    _fill(sheet, {(4, STATUS): "เสร็จแล้ว"})
    status, _, err = _run(
        ["report", str(source), "--period", "Q1", "--collect", str(sheet), "-o", str(target)], capsys
    )
    assert status == 0, err
    assert source.read_bytes() == before
    assert report_of(load_map(target), "r5", "2568-Q1").status == "done"  # type: ignore[union-attr]


def test_formulas_are_left_out_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _map(tmp_path)
    sheet = tmp_path / "แบบฟอร์ม.xlsx"
    _run(["report", str(source), "--period", "Q1", "--form", str(sheet)], capsys)
    _fill(sheet, {(3, SPENT): "=2500*4", (3, STATUS): "ตามแผน"})
    status, out, err = _run(["report", str(source), "--period", "Q1", "--collect", str(sheet)], capsys)
    assert status == 1
    assert f"แบบฟอร์ม.xlsx {form.ROWS_SHEET}!I{form.FIRST_DATA_ROW + 3}: a formula, left out" in err
    r4 = report_of(load_map(source), "r4", "2568-Q1")
    assert r4 is not None and r4.status == "on_track" and r4.spent is None  # the rest was read in


def test_a_form_of_another_period_or_a_hostile_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _map(tmp_path)
    before = source.read_bytes()
    sheet = tmp_path / "แบบฟอร์ม Q1.xlsx"
    _run(["report", str(source), "--period", "Q1", "--form", str(sheet)], capsys)
    _fill(sheet, {(0, STATUS): "เสร็จแล้ว"})
    status, out, err = _run(["report", str(source), "--period", "Q2", "--collect", str(sheet)], capsys)
    assert (
        status == 2
        and "for the reporting period 2568-Q1, not 2568-Q2" in err
        and "no form could be read" in err
    )
    bomb = entity_bomb(tmp_path / "ระเบิด.xlsx")
    status, out, err = _run(
        ["report", str(source), "--period", "Q1", "--collect", str(bomb), str(sheet)], capsys
    )
    assert status == 1  # the bomb refused, the good form read
    assert "ระเบิด.xlsx: the file contains unsafe XML" in err and "แบบฟอร์ม Q1.xlsx: 1 change(s)" in out
    assert source.read_bytes() != before
    assert json.loads(dumps_map(load_map(source)))["progress"]["rows"]["r1"]["2568-Q1"]["status"] == "done"


def test_dash_o_without_collect_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(["report", str(_map(tmp_path)), "-o", str(tmp_path / "x.srm")], capsys)
    assert status == 2 and "-o goes with --collect" in err
