"""``srmtool check``: exit statuses, the findings it prints, and the ``--json`` document."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_maps import broken_map, clean_map, thai_system

from srmtool.cli import main
from srmtool.model.checks import check_map
from srmtool.model.types import RouteMap

WriteMap = Callable[[str, RouteMap], Path]


def test_clean_map_exits_zero(write_map: WriteMap, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_map("สะอาด.srm", clean_map())
    assert not [f for f in check_map(clean_map()) if f.severity == "error"]

    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert str(path) in out
    assert err == ""


def test_map_with_an_error_exits_one_and_names_every_finding(
    write_map: WriteMap, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_map("วงวน.srm", broken_map())
    expected = check_map(broken_map())
    assert any(f.severity == "error" for f in expected)

    assert main(["check", "--lang", "en", str(path)]) == 1
    out, _ = capsys.readouterr()
    for finding in expected:
        line = next(line for line in out.splitlines() if finding.message_en in line)
        assert finding.code in line
        for item_id in finding.ids:
            assert item_id in line
    assert "error" in out


def test_missing_file_exits_two_with_its_name_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "ไม่มีไฟล์นี้.srm"
    assert main(["check", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert str(missing) in err
    assert "Traceback" not in out + err


def test_unreadable_file_wins_but_every_file_is_still_checked(
    write_map: WriteMap, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_map("ดี.srm", clean_map())
    bad = write_map("ผิด.srm", broken_map())
    missing = tmp_path / "หาย.srm"

    assert main(["check", "--lang", "en", str(missing), str(bad), str(good)]) == 2
    out, err = capsys.readouterr()
    assert str(missing) in err
    assert str(bad) in out and str(good) in out
    first_error = next(f for f in check_map(broken_map()) if f.severity == "error")
    assert first_error.message_en in out


def test_errors_in_one_file_of_several_exit_one(write_map: WriteMap) -> None:
    good = write_map("ดี.srm", clean_map())
    bad = write_map("ผิด.srm", broken_map())
    assert main(["check", str(good), str(bad)]) == 1
    assert main(["check", str(good), str(good)]) == 0


def test_json_document_shape(write_map: WriteMap, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_map("ดี.srm", clean_map())
    bad = write_map("ผิด.srm", broken_map())
    not_json = tmp_path / "ไม่ใช่.srm"
    not_json.write_text("นี่ไม่ใช่ JSON", encoding="utf-8")

    status = main(["check", "--json", str(good), str(bad), str(not_json)])
    out, err = capsys.readouterr()
    doc = json.loads(out)

    assert status == 2
    assert doc["format"] == "srmtool-check"
    assert doc["version"] == 1
    assert doc["exit_status"] == 2
    assert [f["path"] for f in doc["files"]] == [str(good), str(bad), str(not_json)]
    good_doc, bad_doc, broken_doc = doc["files"]

    assert good_doc["readable"] is True and good_doc["error"] is None
    assert good_doc["counts"]["error"] == 0

    expected = check_map(broken_map())
    assert bad_doc["readable"] is True
    assert [(f["code"], f["severity"], f["ids"]) for f in bad_doc["findings"]] == [
        (f.code, f.severity, list(f.ids)) for f in expected
    ]
    assert bad_doc["counts"]["error"] == sum(1 for f in expected if f.severity == "error")
    for finding in bad_doc["findings"]:
        assert set(finding) == {"code", "severity", "ids", "message_th", "message_en"}
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in finding["message_th"])

    assert broken_doc["readable"] is False
    assert broken_doc["findings"] == []
    assert set(broken_doc["error"]) == {"where", "message_th", "message_en"}
    assert str(not_json) in broken_doc["error"]["message_en"]
    assert str(not_json) in err


def test_json_is_stable_between_runs(write_map: WriteMap, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write_map("ผิด.srm", broken_map())
    main(["check", "--json", str(bad)])
    first = capsys.readouterr().out
    main(["check", "--json", "--lang", "th", str(bad)])
    second = capsys.readouterr().out
    assert first == second


def test_lang_th_prints_thai_messages(write_map: WriteMap, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write_map("ผิด.srm", broken_map())
    finding = next(f for f in check_map(broken_map()) if f.severity == "error")

    main(["check", "--lang", "th", str(bad)])
    out_th = capsys.readouterr().out
    assert finding.message_th in out_th
    assert "ข้อผิดพลาด" in out_th
    assert finding.message_en not in out_th

    main(["check", "--lang=en", str(bad)])
    out_en = capsys.readouterr().out
    assert finding.message_en in out_en
    assert finding.message_th not in out_en


def test_thai_locale_gives_thai_by_default(
    write_map: WriteMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    thai_system(monkeypatch)
    bad = write_map("ผิด.srm", broken_map())
    finding = next(f for f in check_map(broken_map()) if f.severity == "error")
    main(["check", str(bad), str(tmp_path / "ไม่มี.srm")])
    out, err = capsys.readouterr()
    assert finding.message_th in out
    assert "ไม่มี.srm" in err
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in err.replace("ไม่มี.srm", ""))

    main(["check", "--lang", "en", str(bad)])
    assert finding.message_en in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ไม่ใช่json.srm", "แผนที่ {ไม่ใช่ JSON".encode()),
        ("ว่าง.srm", b""),
        ("ไบนารี.srm", bytes(range(256)) * 4),
        ("ผิดรูปแบบ.srm", json.dumps({"format": "อื่น", "version": 1}).encode()),
        ("รุ่นใหม่.srm", json.dumps({"format": "srmtool-map", "version": 99}).encode()),
        ("รายการ.srm", b"[1, 2, 3]"),
    ],
)
def test_bad_inputs_exit_two_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for lang in ("th", "en"):
        assert main(["check", "--lang", lang, str(path)]) == 2
        out, err = capsys.readouterr()
        assert str(path) in err
        assert "Traceback" not in out + err
        assert len(err.strip().splitlines()) == 1


def test_directory_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "โฟลเดอร์.srm"
    folder.mkdir()
    assert main(["check", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert str(folder) in err
    assert "Traceback" not in out + err
