"""What editors killed while they autosaved leave in the recovery folder goes at the next start:
temporary files, previous versions and half entries of dead runs; a running editor's files stay."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from window_fixtures import make_window

from srmtool.model.srmfile.codec import dumps_map, load_map
from srmtool.resources_path import resource
from srmtool.ui.recovery import dialog as recovery_dialog
from srmtool.ui.recovery.dialog import Decision
from srmtool.ui.recovery.feature import offer_recovery
from srmtool.ui.recovery.store import RecoveryEntry, RecoveryStore, process_identity

MAP = dumps_map(load_map(resource("examples", "dengue_tambon.srm")))


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _run_id(pid: int) -> str:
    return f"20250101-093000-{pid}-a1b2c3"


def _entry(folder: Path, run_id: str, pid: int, identity: str | None) -> None:
    """A complete entry, as ``RecoveryStore.write`` leaves it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{run_id}.srm").write_bytes(MAP)
    info = {
        "format": "srmtool-recovery",
        "version": 1,
        "original": "/ที่ไหนสักแห่ง/แผนที่.srm",
        "title": "แผนที่ไข้เลือดออก",
        "objectives": 16,
        "saved": "2025-01-01T09:30:00+00:00",
        "pid": pid,
        "identity": identity,
        "disk": None,
    }
    (folder / f"{run_id}.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")


def _leftovers(folder: Path, run_id: str) -> list[Path]:
    """What a kill during a write of the entry leaves: temporary files and previous versions."""
    paths = [
        folder / f".{run_id}.srm.0123456789ab.tmp",
        folder / f".{run_id}.json.ba9876543210.tmp",
        folder / f"{run_id}.srm.bak",
        folder / f"{run_id}.json.bak",
    ]
    for path in paths:
        path.write_bytes(MAP[: len(MAP) // 2])
    return paths


def test_the_leftovers_of_a_dead_editor_go_and_its_entry_stays_to_be_offered(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    dead = _run_id(_dead_pid())
    _entry(folder, dead, int(dead.split("-")[2]), None)
    left = _leftovers(folder, dead)
    store = RecoveryStore(folder)
    removed = store.tidy()
    assert sorted(removed) == sorted(left)
    assert sorted(p.name for p in folder.iterdir()) == [f"{dead}.json", f"{dead}.srm"]
    assert [e.run_id for e in store.orphans()] == [dead]


def test_a_running_editors_files_are_never_touched(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = _run_id(other.pid)
        _entry(folder, running, other.pid, process_identity(other.pid))
        theirs = _leftovers(folder, running)  # a write in progress, as far as anyone can tell
        starting = _run_id(other.pid).replace("a1b2c3", "d4e5f6")  # its first write: no description yet
        (folder / f".{starting}.srm.00000000000a.tmp").write_bytes(MAP)
        (folder / f"{starting}.srm").write_bytes(MAP)
        store = RecoveryStore(folder)
        own = _leftovers(folder, store.run_id)  # this editor's own, mid-write
        before = sorted(p.name for p in folder.iterdir())
        assert store.tidy() == []
        assert sorted(p.name for p in folder.iterdir()) == before
        assert all(p.exists() for p in theirs + own)
        assert store.orphans() == []
    finally:
        other.kill()
        other.wait()


def test_files_named_otherwise_are_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    for name in ("บันทึก.txt", "older.srm", ".older.srm.0123456789ab.tmp", "junk.json", "x.srm.bak.old"):
        (folder / name).write_text("ข้อมูล", encoding="utf-8")
    assert RecoveryStore(folder).tidy() == []  # "older" names no process: never judged dead
    assert len(list(folder.iterdir())) == 5


def test_half_entries_of_dead_editors_are_completed_or_removed(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    lone_description = _run_id(_dead_pid())
    _entry(folder, lone_description, int(lone_description.split("-")[2]), None)
    (folder / f"{lone_description}.srm").unlink()  # killed while its entry was being removed
    lone_map = _run_id(_dead_pid())
    (folder / f"{lone_map}.srm").write_bytes(MAP)  # killed between the map and its description
    broken = _run_id(_dead_pid())
    (folder / f"{broken}.srm").write_bytes(b'{"format": "srmtool-map", "vers')

    store = RecoveryStore(folder)
    removed = {p.name for p in store.tidy()}
    assert removed == {f"{lone_description}.json", f"{broken}.srm"}
    offered = store.orphans()
    assert [e.run_id for e in offered] == [lone_map]
    entry = offered[0]
    assert entry.title == load_map(resource("examples", "dengue_tambon.srm")).meta.title
    assert entry.objectives == 15 and entry.original is None and entry.is_orphaned()
    assert entry.map_path.read_bytes() == MAP
    assert store.tidy() == []  # nothing more to do


def test_deleting_an_entry_takes_its_leftovers_with_it(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    dead = _run_id(_dead_pid())
    _entry(folder, dead, int(dead.split("-")[2]), None)
    _leftovers(folder, dead)
    other = _run_id(_dead_pid())
    _entry(folder, other, int(other.split("-")[2]), None)
    (entry,) = [e for e in RecoveryStore(folder).orphans() if e.run_id == dead]
    RecoveryStore.delete(entry)
    assert sorted(p.name for p in folder.iterdir()) == [f"{other}.json", f"{other}.srm"]


AUTOSAVING_EDITOR = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from srmtool.ui.recovery.store import RecoveryStore
    data = Path(sys.argv[2]).read_bytes()
    store = RecoveryStore(Path(sys.argv[1]))
    print("ready", flush=True)
    while True:
        store.write(data, original=None, title="แผนที่ใหญ่", objectives=2000, disk=None)
    """
)


def test_editors_killed_while_they_autosave_leave_nothing_behind_after_the_next_start(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    route_map = load_map(resource("examples", "dengue_tambon.srm"))
    for objective in route_map.objectives:  # 3 MB: each write takes several milliseconds
        objective.notes = "บันทึกการประชุมเชิงปฏิบัติการ " * 2400
    data = dumps_map(route_map)
    assert len(data) > 3_000_000
    big = tmp_path / "ใหญ่.srm"
    big.write_bytes(data)
    rng = random.Random(14)
    left_behind = 0
    for _ in range(6):
        editor = subprocess.Popen(
            [sys.executable, "-c", AUTOSAVING_EDITOR, str(folder), str(big)],
            stdout=subprocess.PIPE,
        )
        assert editor.stdout is not None and editor.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.05, 0.4))
        editor.send_signal(signal.SIGKILL)
        editor.wait()
        left_behind += sum(1 for p in folder.iterdir() if p.name.endswith((".tmp", ".bak")))
    assert left_behind > 0  # the kills did land mid-write

    store = RecoveryStore(folder)
    store.tidy()
    names = sorted(p.name for p in folder.iterdir())
    assert not [n for n in names if n.endswith((".tmp", ".bak"))], names
    runs = {n.rsplit(".", 1)[0] for n in names}
    assert names == sorted(f"{r}{s}" for r in runs for s in (".json", ".srm"))  # whole entries only
    for entry in store.orphans():
        assert entry.map_path.read_bytes() == data


def test_the_next_start_tidies_before_it_offers(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fx = make_window(qtbot, tmp_path, monkeypatch)
    saver = fx.window.autosaver
    folder = saver.store.folder
    dead = _run_id(_dead_pid())
    _entry(folder, dead, int(dead.split("-")[2]), None)
    left = _leftovers(folder, dead)
    offered: list[list[RecoveryEntry]] = []

    def ask(_parent: object, entries: list[RecoveryEntry]) -> Decision:
        offered.append(entries)
        assert not any(p.exists() for p in left)  # gone before the question
        return Decision()

    monkeypatch.setattr(recovery_dialog, "ask_recovery", ask)
    assert offer_recovery(fx.window) is None
    assert [[e.run_id for e in entries] for entries in offered] == [[dead]]
