"""Saves that meet another program: two processes saving one file at once, and a file or its folder
removed, or a temporary file deleted, while a save is under way. Every save either succeeds or says
truly why it did not; the file on disk is always whole."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from srmfile_samples import thai_map

from srmtool.model import MapFileError, RouteMap, dumps_map, load_map, save_map
from srmtool.model.srmfile.codec import backup_path

SECONDS = 3.0  # each saver's time; a save takes about 2 ms here, so a few thousand saves in all

# Saves one of two maps over argv[2] in turn, from "go" on stdin until argv[1] seconds have passed;
# prints the number of saves, of failures, and the first failure's message.
SAVER = r"""
import sys, time
from srmtool.model import MapFileError, load_map, save_map

maps = [load_map(sys.argv[3]), load_map(sys.argv[4])]
print("ready", flush=True)
sys.stdin.readline()
end = time.monotonic() + float(sys.argv[1])
saves, failures, first = 0, 0, ""
while time.monotonic() < end:
    try:
        save_map(maps[saves % 2], sys.argv[2])
    except MapFileError as exc:
        failures += 1
        first = first or exc.message_en
    saves += 1
print(saves, failures, first, flush=True)
"""


def version(n: int) -> RouteMap:
    m = thai_map()
    m.destination = f"ฉบับที่ {n}: ตำบลปลอดลูกน้ำยุงลายภายในปี 2569"
    return m


def test_two_processes_saving_one_file_never_fail(tmp_path: Path) -> None:
    target = tmp_path / "แผนอำเภอ.srm"
    sources = []
    for n in (1, 2):
        sources.append(tmp_path / "ต้นฉบับ" / f"{n}.srm")
        sources[-1].parent.mkdir(exist_ok=True)
        save_map(version(n), sources[-1])
    save_map(version(0), target)
    args = [sys.executable, "-c", SAVER, str(SECONDS), str(target), *map(str, sources)]
    savers = [
        subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=tmp_path)
        for _ in range(2)
    ]
    try:
        for saver in savers:
            assert saver.stdout is not None and saver.stdout.readline().strip() == "ready"
        for saver in savers:  # both start at once
            assert saver.stdin is not None
            saver.stdin.write("go\n")
            saver.stdin.flush()
        results = [saver.communicate(timeout=SECONDS + 60)[0].split(maxsplit=2) for saver in savers]
    finally:
        for saver in savers:
            if saver.poll() is None:
                saver.kill()
                saver.wait()
    saves = sum(int(r[0]) for r in results)
    failed = [r for r in results if int(r[1])]
    assert saves >= 200  # they really did run side by side
    assert failed == []
    whole = {dumps_map(version(1)), dumps_map(version(2))}
    assert target.read_bytes() in whole
    assert Path(backup_path(target)).read_bytes() in whole
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ต้นฉบับ",
        target.name,
        Path(backup_path(target)).name,
    ]


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "งาน" / "แผนอำเภอ.srm"
    path.parent.mkdir()
    save_map(version(0), path)
    save_map(version(1), path)  # NAME.srm.bak holds version 0
    return path


def after_writing(monkeypatch: pytest.MonkeyPatch, meanwhile: Callable[[], None]) -> None:
    """Run ``meanwhile`` once, as another program would, just after the new bytes are written."""
    real = os.fsync
    done: list[bool] = []

    def fsync(fd: int) -> None:
        real(fd)
        if not done:
            done.append(True)
            meanwhile()

    monkeypatch.setattr(os, "fsync", fsync)


def test_a_file_deleted_while_it_is_saved_is_written_anew(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    after_writing(monkeypatch, saved.unlink)
    save_map(version(2), saved)  # there is no previous version left to keep: the save goes on
    assert load_map(saved) == version(2)
    assert load_map(backup_path(saved)) == version(0)  # the older backup is not touched
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name, Path(backup_path(saved)).name]


def test_a_folder_removed_while_a_map_is_saved_is_named_as_the_reason(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    after_writing(monkeypatch, lambda: shutil.rmtree(saved.parent))
    with pytest.raises(MapFileError) as info:
        save_map(version(2), saved)
    assert "the folder does not exist" in info.value.message_en
    assert "ไม่พบโฟลเดอร์ที่จะบันทึก" in info.value.message_th
    assert ".bak" not in info.value.message_en + info.value.message_th  # the backup is not the reason


def test_a_temporary_file_deleted_by_another_program_is_named_as_the_reason(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def remove_temps() -> None:
        for entry in saved.parent.iterdir():
            if entry.name.endswith(".tmp"):
                entry.unlink()

    old = saved.read_bytes()
    after_writing(monkeypatch, remove_temps)
    with pytest.raises(MapFileError) as info:
        save_map(version(2), saved)
    assert "another program removed the temporary file" in info.value.message_en
    assert "โปรแกรมอื่นลบไฟล์ชั่วคราว" in info.value.message_th
    assert "folder" not in info.value.message_en
    assert saved.read_bytes() == old
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name, Path(backup_path(saved)).name]
