"""The real entry points, in a subprocess: ``python -m srmtool`` and the bundled example maps."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from cli_maps import broken_map, clean_map, subprocess_env

from srmtool.model.checks import check_map
from srmtool.model.srmfile.codec import load_map
from srmtool.model.types import RouteMap
from srmtool.resources_path import resource

WriteMap = Callable[[str, RouteMap], Path]


def _srmtool(*args: str, lang: str = "en_US.UTF-8") -> subprocess.CompletedProcess[str]:
    # From a neutral folder, as a user would: ``-m`` puts the current folder on sys.path, and the
    # repository's source folder must not shadow the installed package.
    return subprocess.run(
        [sys.executable, "-m", "srmtool", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env(lang),
        timeout=120,
        cwd=Path(tempfile.gettempdir()),
    )


def test_python_m_srmtool_exit_statuses(write_map: WriteMap, tmp_path: Path) -> None:
    good = write_map("ดี.srm", clean_map())
    bad = write_map("ผิด.srm", broken_map())

    assert _srmtool("check", str(good)).returncode == 0
    failed = _srmtool("check", str(bad))
    assert failed.returncode == 1
    assert next(f for f in check_map(broken_map()) if f.severity == "error").message_en in failed.stdout

    not_json = tmp_path / "ไม่ใช่.srm"
    not_json.write_text("{ไม่ใช่ JSON", encoding="utf-8")
    unreadable = _srmtool("check", str(good), str(not_json))
    assert unreadable.returncode == 2
    assert str(not_json) in unreadable.stderr
    assert "Traceback" not in unreadable.stdout + unreadable.stderr


def test_thai_locale_in_a_real_process(write_map: WriteMap, tmp_path: Path) -> None:
    bad = write_map("ผิด.srm", broken_map())
    result = _srmtool("check", str(bad), lang="th_TH.UTF-8")
    assert result.returncode == 1
    assert next(f for f in check_map(broken_map()) if f.severity == "error").message_th in result.stdout

    created = tmp_path / "ใหม่.srm"
    assert _srmtool("new", str(created), "--title", "แผนตำบล", lang="th_TH.UTF-8").returncode == 0
    assert load_map(created).meta.title == "แผนตำบล"
    again = _srmtool("new", str(created), lang="th_TH.UTF-8")
    assert again.returncode == 2 and "เขียนทับ" in again.stderr


def test_bundled_examples_have_no_error_findings() -> None:
    examples = sorted(str(p) for p in resource("examples").iterdir() if p.name.endswith(".srm"))
    assert examples
    result = _srmtool("check", "--json", *examples)
    doc = json.loads(result.stdout)
    errors = [
        (f["path"], f["error"] or [x["code"] for x in f["findings"] if x["severity"] == "error"])
        for f in doc["files"]
        if not f["readable"] or f["counts"]["error"]
    ]
    assert errors == []
    assert result.returncode == 0

    info = _srmtool("info", examples[0])
    assert info.returncode == 0
    assert load_map(examples[0]).meta.title in info.stdout
