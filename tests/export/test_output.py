"""What both front ends share in ``srmtool.export``: the options, one writer per kind, the one
whole-or-nothing writer and the sentences they show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from srmtool.atomic import TempFileRemoved
from srmtool.export.messages import TEXT, reason, say
from srmtool.export.options import KINDS, PICTURE_KINDS, ExportOptions
from srmtool.export.output import write_whole
from srmtool.export.writers import writer
from srmtool.model.errors import MapFileError
from srmtool.model.types import Meta, Objective, RouteMap

THAI = re.compile("[\u0e00-\u0e7f]")


def small_map() -> RouteMap:
    route_map = RouteMap(meta=Meta(title="แผนที่ทางเดินยุทธศาสตร์ ตำบลบ้านนา"))
    route_map.objectives = [Objective(id="o1", code="ป1", perspective="people", text="ประชาชนมีสุขภาพดี")]
    return route_map


def test_options_refuse_what_no_writer_takes() -> None:
    assert ExportOptions().font_size_for("xlsx") == 16 and ExportOptions().font_size_for("pdf") == 14
    assert ExportOptions(font_size=12).font_size_for("pdf") == 12
    assert ExportOptions().signatures is None  # the map's own signers, else DEFAULT_SIGNATURES
    with pytest.raises(ValueError, match="paper"):
        ExportOptions(paper="Letter")
    for size in (5.9, 48.5, float("nan")):
        with pytest.raises(ValueError, match="font_size"):
            ExportOptions(font_size=size)


def test_one_writer_per_kind_makes_the_files_bytes() -> None:
    options = ExportOptions(paper="A3", thai_digits=True, signatures=())
    assert writer("xlsx", options)(small_map())[:2] == b"PK"
    assert writer("pdf", options)(small_map())[:5] == b"%PDF-"
    with pytest.raises(ValueError, match="kind"):
        writer("docx", options)
    assert set(PICTURE_KINDS) < set(KINDS)


def test_pictures_come_from_whoever_has_qt() -> None:
    with pytest.raises(LookupError, match="png"):
        writer("png", ExportOptions())

    def picture(route_map: RouteMap) -> bytes:
        return route_map.meta.title.encode()

    assert writer("svg", ExportOptions(), {"svg": picture})(small_map()) == small_map().meta.title.encode()


def test_write_whole_tries_the_folder_before_drawing(tmp_path: Path) -> None:
    drawn: list[str] = []

    def draw(route_map: RouteMap) -> bytes:
        drawn.append(route_map.meta.title)
        return b"%PDF-1.4"

    with pytest.raises(FileNotFoundError):
        write_whole(small_map(), tmp_path / "ไม่มี" / "แผน.pdf", draw)
    assert drawn == []
    write_whole(small_map(), tmp_path / "แผน.pdf", draw)
    assert drawn == [small_map().meta.title] and (tmp_path / "แผน.pdf").read_bytes() == b"%PDF-1.4"


def test_a_failing_writer_leaves_the_old_file_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "แผน.xlsx"
    target.write_bytes(b"old")

    def broken(route_map: RouteMap) -> bytes:
        raise RuntimeError("ตารางเสีย")

    with pytest.raises(RuntimeError):
        write_whole(small_map(), target, broken)
    assert [p.name for p in tmp_path.iterdir()] == ["แผน.xlsx"] and target.read_bytes() == b"old"


def test_every_sentence_exists_in_both_languages() -> None:
    for key, (th, en) in TEXT.items():
        assert THAI.search(th), f"{key} has no Thai text"
        assert en.strip() and not THAI.search(en), f"{key}: the English text is empty or holds Thai"
        assert set(re.findall(r"{(\w+)}", th)) == set(re.findall(r"{(\w+)}", en)), key


def test_reasons_say_what_happened() -> None:
    removed = TempFileRemoved(2, "gone", "/tmp")
    assert reason("en", removed) == say("en", "export_reason_temp_removed")
    assert "โปรแกรมอื่น" in reason("th", removed)
    assert reason("en", FileNotFoundError(2, "gone")) == "the folder does not exist"
    assert reason("th", IsADirectoryError(21, "dir")) == "ชื่อนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์"
    assert reason("en", OSError(28, "No space left on device")) == "the disk is full"
    error = MapFileError("แผน.srm", "", "cannot save: the disk is full", "บันทึกไม่ได้: พื้นที่ดิสก์เต็ม")
    assert reason("th", error) == "บันทึกไม่ได้: พื้นที่ดิสก์เต็ม"
    assert reason("en", ValueError("bad\nvalue")) == "ValueError: bad value"
