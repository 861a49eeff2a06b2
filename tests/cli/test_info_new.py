"""``srmtool info``, ``srmtool new`` and ``srmtool FILE`` (the editor's door)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from cli_maps import LONG_THAI, clean_map, thai_system

from srmtool.cli import main
from srmtool.model.plan import table_style
from srmtool.model.srmfile.codec import load_map
from srmtool.model.templates import builtin_template
from srmtool.model.types import PERSPECTIVE_IDS, RouteMap

WriteMap = Callable[[str, RouteMap], Path]


def test_info_lists_title_counts_and_key_route(
    write_map: WriteMap, capsys: pytest.CaptureFixture[str]
) -> None:
    route_map = clean_map()
    path = write_map("ไข้เลือดออก.srm", route_map)

    assert main(["info", "--lang", "en", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert route_map.meta.title in out
    assert route_map.meta.organization in out
    assert route_map.meta.area in out
    assert route_map.meta.period in out
    assert route_map.destination in out
    objectives_line = next(line for line in out.splitlines() if line.startswith("Objectives"))
    assert f" {len(route_map.objectives)} (" in objectives_line
    for pid in PERSPECTIVE_IDS:
        assert f"{route_map.perspective_label(pid)} {len(route_map.objectives_in(pid))}" in objectives_line
    links_line = next(line for line in out.splitlines() if line.startswith("Links"))
    assert links_line.split()[-1] == str(len(route_map.links))
    table_line = next(line for line in out.splitlines() if line.startswith("Table"))
    assert f"{len(route_map.table.columns)} column" in table_line
    for o in route_map.objectives:
        if o.key_route:
            assert any(o.code in line and o.text in line for line in out.splitlines())


def test_info_in_thai(
    write_map: WriteMap, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    thai_system(monkeypatch)
    path = write_map("ไข้เลือดออก.srm", clean_map())
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "ชื่อแผนที่" in out and "เส้นทางหลัก" in out
    assert LONG_THAI in out


def test_info_unreadable_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "เสีย.srm"
    path.write_text('{"format": "srmtool-map", "version": 1, "objectives": "ไม่ใช่รายการ"}', encoding="utf-8")
    assert main(["info", str(path)]) == 2
    out, err = capsys.readouterr()
    assert str(path) in err
    assert out == ""
    assert "Traceback" not in err


@pytest.mark.parametrize("template_id", ["mini_slm_11", "action_plan"])
def test_new_creates_a_loadable_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template_id: str
) -> None:
    path = tmp_path / "แผนใหม่.srm"
    title = "แผนที่ทางเดินยุทธศาสตร์การป้องกันและควบคุมโรคไข้เลือดออกอำเภอเมืองปีงบประมาณ2569"
    before = datetime.now().astimezone().replace(microsecond=0)

    assert main(["new", str(path), "--template", template_id, "--title", title]) == 0
    assert str(path) in capsys.readouterr().out

    route_map = load_map(path)
    assert route_map.meta.title == title
    assert [p.id for p in route_map.perspectives] == list(PERSPECTIVE_IDS)
    assert route_map.objectives == [] and route_map.links == [] and route_map.table.rows == []
    expected = builtin_template(template_id).columns
    assert [(c.key, c.label) for c in route_map.table.columns] == [(c.key, c.label) for c in expected]
    assert table_style(route_map) == builtin_template(template_id).style  # grouping, groups, map page
    assert ('"style"' in path.read_text(encoding="utf-8")) == (template_id == "action_plan")
    created = datetime.fromisoformat(route_map.meta.created)
    assert created.tzinfo is not None
    assert before <= created <= datetime.now().astimezone()
    assert datetime.fromisoformat(route_map.meta.modified) >= created


def test_new_default_title_is_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "ตำบลบ้านทดสอบ.srm"
    assert main(["new", str(path)]) == 0
    route_map = load_map(path)
    assert route_map.meta.title == "ตำบลบ้านทดสอบ"
    assert route_map.table.columns[0].key == "objective"
    assert len(route_map.table.columns) == len(builtin_template("mini_slm_11").columns)


def test_new_refuses_to_overwrite(write_map: WriteMap, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_map("มีแล้ว.srm", clean_map())
    original = path.read_bytes()

    assert main(["new", "--lang", "th", str(path)]) == 2
    out, err = capsys.readouterr()
    assert str(path) in err and "--force" in err and "เขียนทับ" in err
    assert path.read_bytes() == original

    assert main(["new", str(path), "--force", "--title", "ใหม่"]) == 0
    assert load_map(path).meta.title == "ใหม่"
    assert load_map(path).objectives == []


def test_new_into_a_missing_folder_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ไม่มีโฟลเดอร์" / "แผน.srm"
    assert main(["new", str(path)]) == 2
    out, err = capsys.readouterr()
    assert "แผน.srm" in err
    assert "Traceback" not in out + err
    assert not path.exists()


def test_new_unknown_template_is_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "แผน.srm"
    assert main(["new", str(path), "--template", "ไม่มีแม่แบบนี้"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not path.exists()


def test_an_unreadable_file_never_reaches_the_editor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file is read before Qt is loaded; opening a readable one is tested in tests/ui."""
    missing = tmp_path / "ไม่มี.srm"
    assert main([str(missing)]) == 2
    out, err = capsys.readouterr()
    assert str(missing) in err
    assert "Traceback" not in out + err
