"""``srmtool export`` end to end with the real writers: PDF options reach the page, Excel sizes its font."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from cli_maps import clean_map, subprocess_env

from srmtool.cli import main
from srmtool.export.thai import words
from srmtool.export.xlsx.table import TABLE_SHEET
from srmtool.model.types import RouteMap, Row

WriteMap = Callable[[str, RouteMap], Path]


def pdf_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    return "".join(unicodedata.normalize("NFKC", result.stdout).split())


def table_map() -> RouteMap:
    route_map = clean_map()
    route_map.table.rows = [
        Row(id="r1", objective="o1", cells={"indicator": "ร้อยละ 80 ของครัวเรือน", "budget": "12,500"}),
    ]
    return route_map


def test_signatures_and_font_size_reach_the_pdf_and_the_sheet(write_map: WriteMap, tmp_path: Path) -> None:
    source = write_map("แผนตำบล.srm", table_map())
    pdf, xlsx = tmp_path / "แผน.pdf", tmp_path / "แผน.xlsx"
    status = main(
        [
            "export", str(source), "--pdf", str(pdf), "--xlsx", str(xlsx), "--font-size", "12",
            "--signature", "ผู้เสนอแผน", "นางสาวสมใจ ใจดี", "ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา",
            "--signature", "ผู้อนุมัติแผน", "นายอนุมัติ ตั้งใจ", "นายกองค์การบริหารส่วนตำบลบ้านนา",
        ]
    )  # fmt: skip
    assert status == 0
    text = pdf_text(pdf)
    for expected in ("นางสาวสมใจใจดี", "นายอนุมัติตั้งใจ", "นายกองค์การบริหารส่วนตำบลบ้านนา", "ร้อยละ80"):
        assert unicodedata.normalize("NFKC", expected) in text
    sheet = openpyxl.load_workbook(xlsx)[TABLE_SHEET]
    sizes = {cell.font.sz for row in sheet.iter_rows() for cell in row if cell.value}
    assert 12 in sizes and 16 not in sizes


def test_no_signatures_leaves_the_blocks_out(write_map: WriteMap, tmp_path: Path) -> None:
    source = write_map("แผนตำบล.srm", table_map())
    with_blocks, without = tmp_path / "มี.pdf", tmp_path / "ไม่มี.pdf"
    assert main(["export", str(source), "--pdf", str(with_blocks)]) == 0
    assert main(["export", str(source), "--pdf", str(without), "--no-signatures"]) == 0
    assert "ผู้อนุมัติแผน" in pdf_text(with_blocks)
    assert "ผู้อนุมัติแผน" not in pdf_text(without)


def test_the_maps_own_signers_print_unless_the_command_names_others(
    write_map: WriteMap, tmp_path: Path
) -> None:
    route_map = table_map()
    route_map.__pydantic_extra__ = {
        "signers": [
            {"role": "ผู้เสนอแผน", "name": "นางสาวปิ่นทอง ศรีสุข", "position": "สาธารณสุขอำเภอนาคำใต้"},
            {"role": "ผู้อนุมัติแผน", "name": "นายสมหวัง ดั่งใจ", "position": "นายอำเภอนาคำใต้"},
        ]
    }
    source = write_map("แผนอำเภอ.srm", route_map)
    own, named, none = tmp_path / "ของแผน.pdf", tmp_path / "ระบุ.pdf", tmp_path / "ไม่มี.pdf"
    assert main(["export", str(source), "--pdf", str(own)]) == 0
    assert main(["export", str(source), "--pdf", str(named), "--signature", "ผู้เห็นชอบแผน", "นายก", "ผอ."]) == 0
    assert main(["export", str(source), "--pdf", str(none), "--no-signatures"]) == 0
    signer, office = (unicodedata.normalize("NFKC", t) for t in ("นางสาวปิ่นทองศรีสุข", "นายอำเภอนาคำใต้"))
    assert signer in pdf_text(own) and office in pdf_text(own)
    assert signer not in pdf_text(named) and "ผู้เห็นชอบแผน" in pdf_text(named)
    assert signer not in pdf_text(none) and "ผู้อนุมัติแผน" not in pdf_text(none)


@pytest.mark.parametrize("size", ["2", "100", "-5"])
def test_a_font_size_out_of_range_is_refused_before_writing(
    write_map: WriteMap, tmp_path: Path, size: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_map("แผนตำบล.srm", table_map())
    out = tmp_path / "แผน.xlsx"
    assert main(["export", str(source), "--xlsx", str(out), "--font-size", size, "--lang", "th"]) == 2
    assert "ขนาดตัวอักษร" in capsys.readouterr().err
    assert not out.exists()


def test_png_and_svg_from_the_command_line(write_map: WriteMap, tmp_path: Path) -> None:
    """The map pictures come from the editor's own drawing, in a separate process as a user runs it."""
    source = write_map("แผนตำบล.srm", table_map())
    png, svg = tmp_path / "แผนที่.png", tmp_path / "แผนที่.svg"
    code = "import sys; from srmtool.cli import main; sys.exit(main(sys.argv[1:]))"
    args = ["export", str(source), "--png", str(png), "--svg", str(svg), "--lang", "en"]
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
        cwd=tmp_path,  # `python -c` imports from the working folder: the installed copy, not the checkout
    )
    assert result.returncode == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    objective = table_map().objectives[0]
    assert objective.code in svg.read_text(encoding="utf-8")
    assert words(objective.text)[0] in svg.read_text(encoding="utf-8")


@pytest.mark.parametrize(("lang", "banner"), [("th", "จุดหมาย"), ("en", "Destination")])
def test_the_picture_speaks_the_language_asked_for(
    write_map: WriteMap, tmp_path: Path, lang: str, banner: str
) -> None:
    """The banner's label is an interface word: Thai with --lang th, English with --lang en."""
    source = write_map("แผนตำบล.srm", table_map())
    svg = tmp_path / "แผนที่.svg"
    code = "import sys; from srmtool.cli import main; sys.exit(main(sys.argv[1:]))"
    args = ["export", str(source), "--svg", str(svg), "--lang", lang]
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
        cwd=tmp_path,  # `python -c` imports from the working folder: the installed copy, not the checkout
    )
    assert result.returncode == 0, result.stderr
    drawn = svg.read_text(encoding="utf-8")
    assert banner in drawn
    assert ("Destination" in drawn) == (lang == "en")
