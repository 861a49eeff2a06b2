"""Help, version, bad usage, the message catalogue, and the last-resort error handler."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_maps import clean_map

import srmtool
from srmtool.cli import chosen_language, main
from srmtool.cli import map_commands as commands
from srmtool.cli.text import TEXT, say
from srmtool.model.types import RouteMap

WriteMap = Callable[[str, RouteMap], Path]
THAI = re.compile("[\u0e00-\u0e7f]")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"srmtool {srmtool.__version__}"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_help_speaks_the_chosen_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    assert main(["--lang", lang, "--help"]) == 0
    out = capsys.readouterr().out
    for command in ("check", "info", "new", "--version", "--lang"):
        assert command in out
    flat = " ".join(out.split())
    for key in ("help_check", "help_lang", "help_new"):
        assert " ".join(say(lang, key).split()) in flat
    if lang == "th":
        assert "วิธีใช้:" in out and "ตัวเลือก" in out
    else:
        assert "usage:" in out and not THAI.search(out)


def test_sub_command_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--help", "--lang", "th"]) == 0
    out = capsys.readouterr().out
    assert "--json" in out and say("th", "help_json") in out


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["info"],
        ["new"],
        ["check", "--ไม่มีตัวเลือกนี้", "ก.srm"],
        ["--lang", "fr", "check", "ก.srm"],
        ["ก.srm", "ข.srm"],
    ],
)
def test_bad_usage_exits_two_without_traceback(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "srmtool --help" in err


def test_chosen_language() -> None:
    assert chosen_language(["--lang", "th", "check"]) == "th"
    assert chosen_language(["check", "--lang=en"]) == "en"
    assert chosen_language(["--", "--lang", "th"]) == "en"  # after "--" it is a file name; LANG is English


def test_every_sentence_exists_in_both_languages() -> None:
    for key, (th, en) in TEXT.items():
        assert THAI.search(th), f"{key} has no Thai text"
        assert en.strip() and not THAI.search(en), f"{key}: the English text is empty or holds Thai"
        assert set(re.findall(r"{(\w+)}", th)) == set(re.findall(r"{(\w+)}", en)), key


def test_unexpected_failure_is_one_line_not_a_traceback(
    write_map: WriteMap, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_map("แผน.srm", clean_map())

    def explode(*args: object, **kwargs: object) -> int:
        raise RuntimeError("สิ่งที่ไม่คาดคิด\nบรรทัดที่สอง")

    monkeypatch.setattr(commands, "run_info", explode)
    assert main(["info", str(path)]) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert len(err.strip().splitlines()) == 1
    assert "RuntimeError" in err and "สิ่งที่ไม่คาดคิด บรรทัดที่สอง" in err


def test_unexpected_failure_while_loading_is_reported_per_file(
    write_map: WriteMap, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_map("ดี.srm", clean_map())

    def explode(path: object) -> RouteMap:
        raise MemoryError("ใหญ่เกินไป")

    monkeypatch.setattr(commands, "load_map", explode)
    assert main(["check", str(good), str(good)]) == 2
    err = capsys.readouterr().err
    assert err.count(str(good)) == 2
    assert "MemoryError" in err and "Traceback" not in err


def test_reader_going_away_is_not_an_error_message(
    write_map: WriteMap, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_map("แผน.srm", clean_map())

    def closed_pipe(*args: object, **kwargs: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(commands, "run_info", closed_pipe)
    assert main(["info", str(path)]) == 1
    assert capsys.readouterr().err == ""
