"""``srmtool export``: default names, chosen outputs, options, and failures that write nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import openpyxl
import pytest
from cli_maps import clean_map, subprocess_env

from srmtool.cli import export as export_cli
from srmtool.cli import main
from srmtool.export.options import ExportOptions
from srmtool.export.writers import Writer
from srmtool.export.xlsx.table import TABLE_SHEET
from srmtool.model.types import RouteMap, Row

WriteMap = Callable[[str, RouteMap], Path]
real_writer = export_cli.writer


def table_map() -> RouteMap:
    route_map = clean_map()
    route_map.table.rows = [
        Row(id="r1", objective="o1", cells={"indicator": "ร้อยละ 80", "budget": "12,500"}),
        Row(id="r2", objective="o2", cells={"indicator": '=HYPERLINK("x")', "budget": "๗,๕๐๐"}),
    ]
    return route_map


def fake_pdf(monkeypatch: pytest.MonkeyPatch, calls: list[ExportOptions] | None = None) -> None:
    """Real Excel, a stand-in PDF writer (the PDF itself is tested in tests/export)."""

    def writer(kind: str, options: ExportOptions, pictures: Mapping[str, Writer] | None = None) -> Writer:
        if kind != "pdf":
            return real_writer(kind, options, pictures)

        def write(route_map: RouteMap) -> bytes:
            if calls is not None:
                calls.append(options)
            return b"%PDF-1.4 " + route_map.meta.title.encode()

        return write

    monkeypatch.setattr(export_cli, "writer", writer)


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith("."))


def test_default_names_beside_the_input(
    write_map: WriteMap, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_map("แผนไข้เลือดออก.srm", table_map())
    calls: list[ExportOptions] = []
    fake_pdf(monkeypatch, calls)
    assert main(["export", str(source)]) == 0
    xlsx, pdf = source.with_suffix(".xlsx"), source.with_suffix(".pdf")
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == TABLE_SHEET
    assert pdf.read_bytes() == b"%PDF-1.4 " + table_map().meta.title.encode()
    assert calls == [ExportOptions()]  # no option given: every default, blank signature blocks included
    out = capsys.readouterr().out
    assert str(xlsx) in out and str(pdf) in out
    assert leftovers(source.parent) == []


def test_chosen_xlsx_only_with_options(
    write_map: WriteMap, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_map("แผน.srm", table_map())
    target = tmp_path / "ส่งจังหวัด" / "ตาราง 11 ช่อง.xlsx"
    target.parent.mkdir()
    argv = [
        "export",
        str(source),
        "--xlsx",
        str(target),
        "--paper",
        "A3",
        "--thai-digits",
        "--font",
        "Angsana New",
    ]
    assert main(argv) == 0
    assert not source.with_suffix(".pdf").exists() and not source.with_suffix(".xlsx").exists()
    ws = openpyxl.load_workbook(target)[TABLE_SHEET]
    assert int(ws.page_setup.paperSize) == 8
    texts = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "๑๒,๕๐๐" in {c.value for c in texts}
    assert {c.font.name for c in texts} == {"Angsana New"}
    hyperlink = next(c for c in texts if c.value.startswith("=HYPERLINK"))
    assert hyperlink.data_type == "s" and hyperlink.quotePrefix
    assert capsys.readouterr().out.strip() == f"wrote {target}"


def test_unreadable_input_exits_two_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "เสีย.srm"
    broken.write_text("{ไม่ใช่ JSON", encoding="utf-8")
    out_path = tmp_path / "ผล.xlsx"
    assert main(["export", str(broken), "--xlsx", str(out_path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(broken) in err
    assert not out_path.exists()
    assert main(["export", str(tmp_path / "ไม่มีไฟล์นี้.srm")]) == 2
    assert sorted(os.listdir(tmp_path)) == ["เสีย.srm"]


@pytest.mark.parametrize("lang", ["en", "th"])
def test_a_folder_as_output_writes_nothing(
    write_map: WriteMap, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    source = write_map("แผน.srm", table_map())
    folder = tmp_path / "โฟลเดอร์.xlsx"
    folder.mkdir()
    good = tmp_path / "ดี.pdf"
    assert main(["--lang", lang, "export", str(source), "--xlsx", str(folder), "--pdf", str(good)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(folder) in err
    if lang == "th":
        assert "ชื่อนี้เป็นโฟลเดอร์" in err and "ยังไม่ได้เขียนไฟล์ใดเลย" in err
    else:
        assert "this name is a folder" in err and "nothing was written" in err
    # Checked before drawing anything: the good output is not written either.
    assert not good.exists() and os.listdir(folder) == [] and leftovers(tmp_path) == []


def test_missing_folder_exits_two(
    write_map: WriteMap, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_map("แผน.srm", table_map())
    assert main(["export", str(source), "--xlsx", str(tmp_path / "ไม่มี" / "ผล.xlsx")]) == 2
    assert "the folder does not exist" in capsys.readouterr().err


def test_file_open_in_excel_keeps_the_old_file(
    write_map: WriteMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_map("แผน.srm", table_map())
    target = tmp_path / "ตาราง.xlsx"
    target.write_bytes(b"the copy open in Excel")
    real_replace = os.replace

    def locked(src: str, dst: str) -> None:
        if os.fspath(dst) == str(target):  # Windows refuses to replace a file Excel holds open
            raise PermissionError(13, "Permission denied", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    assert main(["--lang", "th", "export", str(source), "--xlsx", str(target)]) == 2
    err = capsys.readouterr().err
    assert "Excel" in err and "ไม่มีสิทธิ์เขียน" in err and "Traceback" not in err
    assert target.read_bytes() == b"the copy open in Excel"
    assert leftovers(tmp_path) == []


def test_a_writer_failing_halfway_leaves_no_partial_file(
    write_map: WriteMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_map("แผน.srm", table_map())

    def writer(kind: str, options: ExportOptions, pictures: Mapping[str, Writer] | None = None) -> Writer:
        if kind == "png":
            raise ImportError("No module named 'PySide6'")

        def half(route_map: RouteMap) -> bytes:
            raise OSError(28, "No space left on device")

        return half if kind == "pdf" else real_writer(kind, options, pictures)

    monkeypatch.setattr(export_cli, "writer", writer)
    xlsx, pdf, png = tmp_path / "ก.xlsx", tmp_path / "ข.pdf", tmp_path / "ค.png"
    assert main(["export", str(source), "--xlsx", str(xlsx), "--pdf", str(pdf), "--png", str(png)]) == 2
    err = capsys.readouterr().err
    assert "the disk is full" in err and "cannot export png" in err
    assert xlsx.exists() and not pdf.exists() and not png.exists()
    assert leftovers(tmp_path) == []


def test_a_disk_filling_up_during_the_write_leaves_no_partial_file(
    write_map: WriteMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_map("แผน.srm", table_map())
    target = tmp_path / "ตาราง.xlsx"
    target.write_bytes(b"last week's table")
    real_write = os.write

    def full_disk(fd: int, data: bytes) -> int:
        if len(data) > 100:  # the workbook, not the small writes of others
            real_write(fd, bytes(data)[:100])
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_disk)
    assert main(["--lang", "th", "export", str(source), "--xlsx", str(target)]) == 2
    err = capsys.readouterr().err
    assert "พื้นที่ดิสก์เต็ม" in err and "Traceback" not in err
    assert target.read_bytes() == b"last week's table"
    assert leftovers(tmp_path) == []


# Runs ``srmtool export`` with a PDF writer that says when it starts drawing and then takes its time.
SLOW_EXPORT = """
import pathlib, sys, time
import srmtool.export.pdf.document as document
from srmtool.cli import main

def slow(*args, **options):
    pathlib.Path(sys.argv[1]).write_text("drawing")
    time.sleep(60)

document._build = slow
sys.exit(main(sys.argv[2:]))
"""


def test_an_export_killed_while_drawing_leaves_nothing_beside_the_target(
    write_map: WriteMap, tmp_path: Path
) -> None:
    source = write_map("แผน.srm", table_map())
    out = tmp_path / "ส่งอำเภอ"
    out.mkdir()
    started = tmp_path / "started"
    args = [
        sys.executable,
        "-c",
        SLOW_EXPORT,
        str(started),
        "export",
        str(source),
        "--pdf",
        str(out / "แผน.pdf"),
    ]
    process = subprocess.Popen(args, env=subprocess_env(), cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while not started.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert started.exists() and process.poll() is None  # killed while drawing, not before or after
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert os.listdir(out) == []


def test_export_xlsx_never_loads_qt(write_map: WriteMap, tmp_path: Path) -> None:
    source = write_map("แผน.srm", table_map())
    target = tmp_path / "ผล.xlsx"
    code = (
        "import sys\n"
        "from srmtool.cli import main\n"
        f"status = main(['export', {str(source)!r}, '--xlsx', {str(target)!r}])\n"
        "print(status, any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env())
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["0", "False"]
    assert target.exists()


def test_help_names_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--help", "--lang", "th"]) == 0
    out = capsys.readouterr().out
    for option in ("--xlsx", "--pdf", "--png", "--svg", "--paper", "--thai-digits", "--font"):
        assert option in out
    assert "Sarabun" in out and "FILE.xlsx" in out
