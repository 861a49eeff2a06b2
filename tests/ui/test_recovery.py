"""Autosave to the recovery folder and recovery after a crash: the entry appears after edits (not on
each edit), a killed editor's map comes back whole in the next window, clean endings remove the
entry, live editors' entries are left alone, and several entries are listed and kept for later."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from window_fixtures import LONG_THAI, Fixture, make_window

from srmtool.model.operations import SetCell
from srmtool.model.srmfile.codec import dumps_map, load_map, save_map
from srmtool.ui.files import Choice, Conflict
from srmtool.ui.recovery import dialog as recovery_dialog
from srmtool.ui.recovery import feature as recovery
from srmtool.ui.recovery.dialog import Decision
from srmtool.ui.recovery.feature import Autosaver, offer_recovery
from srmtool.ui.recovery.store import ENV_FOLDER, RecoveryEntry, RecoveryStore, recovery_folder

NEW_TEXT = "อสม.และแกนนำชุมชนเยี่ยมบ้านทุกหลังคาเรือนเพื่อสำรวจลูกน้ำยุงลายทุกวันศุกร์"


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    return make_window(qtbot, tmp_path, monkeypatch)


def saver(fx: Fixture) -> Autosaver:
    return fx.window.autosaver


def dead_pid() -> int:
    """The pid of a process that has finished (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def edit(fx: Fixture) -> None:
    """Three kinds of edits: an objective's text, a new objective, a table cell."""
    document = fx.window.document
    first = document.route_map.objectives[0].id
    document.set_objective_text(first, LONG_THAI)
    document.add_objective("people", NEW_TEXT)
    row = document.route_map.table.rows[0].id
    document.edit(SetCell(row, "activity", "รณรงค์ทำลายแหล่งเพาะพันธุ์ยุงลายร่วมกับโรงเรียนและวัด"), "แก้ช่อง")


def orphan_copy(entry_map: Path, entry_info: Path, folder: Path, name: str, **changes: object) -> Path:
    """A copy of an entry under the run id ``name`` as a dead editor would have left it."""
    info = json.loads(entry_info.read_text(encoding="utf-8"))
    info.update({"pid": dead_pid(), **changes})
    shutil.copyfile(entry_map, folder / f"{name}.srm")
    (folder / f"{name}.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    return folder / f"{name}.json"


def test_the_recovery_folder_comes_from_the_environment_or_the_users_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_FOLDER, str(tmp_path / "กู้คืน"))
    assert recovery_folder() == tmp_path / "กู้คืน"
    monkeypatch.delenv(ENV_FOLDER)
    from platformdirs import user_data_dir

    assert recovery_folder() == Path(user_data_dir("srmtool", appauthor=False)) / "recovery"


def test_an_entry_appears_once_edits_stop_and_holds_the_unsaved_map(fx: Fixture, qtbot: QtBot) -> None:
    autosaver = saver(fx)
    autosaver.set_intervals(60_000, 150)
    path = fx.copy_example()
    fx.window.files.open_path(path)
    assert not autosaver.store.info_path.exists()  # a clean map has no entry

    edit(fx)
    assert not autosaver.store.info_path.exists()  # not on each edit: after the burst stops
    qtbot.waitUntil(autosaver.store.info_path.exists, timeout=3000)
    autosaver.flush()

    info = json.loads(autosaver.store.info_path.read_text(encoding="utf-8"))
    assert info["original"] == str(path.absolute())
    assert info["objectives"] == 16 and info["pid"] == os.getpid()
    assert info["disk"]["sha256"] == fx.window.files.disk_stamp.sha256  # type: ignore[union-attr]
    assert dumps_map(load_map(autosaver.store.map_path)) == dumps_map(fx.window.document.route_map)
    assert not Path(str(autosaver.store.map_path) + ".bak").exists()
    assert load_map(path).objectives[0].text != LONG_THAI  # the user's own file is untouched


def test_a_long_burst_is_still_saved_at_the_interval(fx: Fixture, qtbot: QtBot) -> None:
    autosaver = saver(fx)
    autosaver.set_intervals(200, 60_000)  # the idle delay never comes
    fx.window.document.add_objective("process", LONG_THAI)
    qtbot.waitUntil(autosaver.store.info_path.exists, timeout=3000)


def test_saving_undoing_to_the_saved_state_and_closing_remove_the_entry(fx: Fixture, qtbot: QtBot) -> None:
    autosaver, window = saver(fx), fx.window
    window.files.open_path(fx.copy_example())
    window.show()
    entry = autosaver.store.info_path

    edit(fx)
    assert autosaver.autosave_now()
    autosaver.flush()
    assert entry.exists()
    window.named_actions["save"].trigger()
    autosaver.flush()
    assert not entry.exists() and not autosaver.store.map_path.exists()

    window.document.add_objective("foundation", NEW_TEXT)
    autosaver.autosave_now()
    autosaver.flush()
    window.named_actions["undo"].trigger()  # back at the saved state
    autosaver.flush()
    assert not entry.exists()

    window.document.add_objective("foundation", NEW_TEXT)
    autosaver.autosave_now()
    autosaver.flush()
    fx.dialogs.save_changes.append(Choice.CANCEL)
    assert not window.close()
    qtbot.wait(20)
    assert entry.exists()  # still open: still protected
    fx.dialogs.save_changes.append(Choice.DISCARD)
    assert window.close()
    qtbot.waitUntil(autosaver.is_finished, timeout=2000)
    assert not entry.exists() and list(autosaver.store.folder.iterdir()) == []


CRASHING_EDITOR = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from srmtool.model.operations import SetCell
    from srmtool.model.srmfile.codec import dumps_map
    from srmtool.ui.app import application
    from srmtool.ui.window import MainWindow

    source, expected, settings = map(Path, sys.argv[1:4])
    app = application()
    window = MainWindow(settings=QSettings(str(settings), QSettings.Format.IniFormat), lang="th")
    window.files.open_path(source, ask=False)
    document = window.document
    document.set_objective_text(document.route_map.objectives[0].id, sys.argv[4])
    document.add_objective("people", sys.argv[5])
    document.edit(SetCell(document.route_map.table.rows[0].id, "budget", "12500"), "budget")
    saver = window.autosaver
    saver.autosave_now()
    saver.flush()
    expected.write_bytes(dumps_map(document.route_map))
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_an_editor_killed_mid_edit_is_recovered_whole_by_the_next_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fx = make_window(qtbot, tmp_path, monkeypatch, settings_name="ใหม่.ini")
    path = fx.copy_example()
    expected = tmp_path / "ที่ควรได้.srm"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CRASHING_EDITOR,
            str(path),
            str(expected),
            str(tmp_path / "ก.ini"),
            LONG_THAI,
            NEW_TEXT,
        ],
        capture_output=True,
        timeout=120,
        env={**os.environ, ENV_FOLDER: str(tmp_path / "recovery")},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr.decode(errors="replace")

    offered: list[list[RecoveryEntry]] = []

    def ask(_parent: object, entries: list[RecoveryEntry]) -> Decision:
        offered.append(entries)
        return Decision(recover=entries[0])

    monkeypatch.setattr(recovery_dialog, "ask_recovery", ask)
    window = fx.window
    recovered = offer_recovery(window)

    assert recovered is not None and len(offered) == 1 and len(offered[0]) == 1
    assert recovered.original == path.absolute() and recovered.objectives == 16
    assert dumps_map(window.document.route_map) == expected.read_bytes()  # objectives, links, table
    table = window.document.route_map.table
    assert table.rows[0].cells["budget"] == "12500"
    assert window.document.path == path.absolute()
    assert window.document.is_modified and window.windowTitle() == "แผนที่ไข้เลือดออก.srm* — srmtool"
    assert not recovered.info_path.exists() and not recovered.map_path.exists()  # moved, not copied
    own = saver(fx).store
    assert own.info_path.exists() and dumps_map(load_map(own.map_path)) == expected.read_bytes()
    assert load_map(path).objectives[0].text != LONG_THAI  # nothing written until the user saves

    window.named_actions["save"].trigger()  # the file did not change meanwhile: no question
    assert load_map(path).objectives[0].text == LONG_THAI
    assert [k for k, _, _ in fx.dialogs.shown] == []


def test_a_recovered_map_asks_before_saving_over_a_file_changed_since_the_crash(
    fx: Fixture, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = fx.window
    path = fx.copy_example()
    window.files.open_path(path)
    edit(fx)
    own = saver(fx)
    own.autosave_now()
    own.flush()
    orphan_copy(own.store.map_path, own.store.info_path, own.store.folder, "20240101-000000-1-abcdef")
    theirs = load_map(path)
    theirs.destination = "ภายในปี 2570 ไม่มีผู้เสียชีวิตจากโรคไข้เลือดออกในตำบล"
    save_map(theirs, path)  # another program saved the file after the crashed editor opened it

    other = make_window(qtbot, tmp_path, monkeypatch, settings_name="อีกหน้าต่าง.ini")
    monkeypatch.setattr(recovery_dialog, "ask_recovery", lambda _p, entries: Decision(recover=entries[0]))
    asked: list[Path] = []

    def conflict(p: Path) -> Conflict:
        asked.append(p)
        return Conflict.CANCEL

    monkeypatch.setattr(other.window.files, "ask_overwrite_changed", conflict)
    assert offer_recovery(other.window) is not None
    before = path.read_bytes()
    assert not other.window.files.save()
    assert asked == [path.absolute()] and path.read_bytes() == before
    assert other.window.document.is_modified


def test_entries_of_running_editors_are_not_offered_and_several_orphans_are_listed(
    fx: Fixture, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = fx.window
    window.files.open_path(fx.copy_example())
    edit(fx)
    live = saver(fx)
    live.autosave_now()
    live.flush()

    other = make_window(qtbot, tmp_path, monkeypatch, settings_name="สอง.ini")
    monkeypatch.setattr(recovery_dialog, "ask_recovery", lambda *_: pytest.fail("nothing to offer"))
    assert offer_recovery(other.window) is None  # the first window still runs (same process)

    folder = live.store.folder
    older = orphan_copy(live.store.map_path, live.store.info_path, folder, "older",
                        saved="2024-05-01T08:00:00+00:00", title="แผนเก่า", original=None)  # fmt: skip
    newer = orphan_copy(live.store.map_path, live.store.info_path, folder, "newer",
                        saved="2024-05-02T08:00:00+00:00")  # fmt: skip
    gone = orphan_copy(live.store.map_path, live.store.info_path, folder, "gone")
    (folder / "gone.srm").unlink()  # a description without its map is no entry
    (folder / "junk.json").write_text("ไม่ใช่ JSON", encoding="utf-8")
    assert gone.exists()

    offered: list[list[str]] = []

    def ask(_parent: object, entries: list[RecoveryEntry]) -> Decision:
        offered.append([e.run_id for e in entries])
        return Decision(recover=entries[1], discard=[])  # the older one; the newer stays for later

    monkeypatch.setattr(recovery_dialog, "ask_recovery", ask)
    recovered = offer_recovery(other.window)
    assert offered == [["newer", "older"]]
    assert recovered is not None and recovered.run_id == "older"
    assert other.window.document.path is None and other.window.document.is_modified
    assert other.window.windowTitle() == "แผนเก่า (recovered)* — srmtool"
    assert newer.exists() and not older.exists()

    monkeypatch.setattr(recovery_dialog, "ask_recovery", lambda _p, e: Decision(discard=list(e)))
    assert offer_recovery(other.window) is None
    assert not newer.exists() and not (folder / "newer.srm").exists()


def test_a_failing_autosave_is_reported_and_retried(fx: Fixture, tmp_path: Path) -> None:
    blocker = tmp_path / "ไม่ใช่โฟลเดอร์"
    blocker.write_text("x", encoding="utf-8")
    autosaver = Autosaver(fx.window, RecoveryStore(blocker / "recovery"))
    reasons: list[str] = []
    autosaver.failed.connect(reasons.append)
    fx.window.document.add_objective("people", LONG_THAI)
    assert autosaver.autosave_now()
    autosaver.flush()
    assert len(reasons) == 1 and "Traceback" not in reasons[0]
    assert "Autosave failed" in fx.window.statusBar().currentMessage()
    assert autosaver._dirty  # tried again at the next tick
    autosaver.finish()


def test_recovery_is_installed_in_every_window(fx: Fixture) -> None:
    autosaver = fx.window.autosaver
    assert isinstance(autosaver, Autosaver)
    assert autosaver.store.folder == recovery_folder()  # the test's own folder (conftest)
    assert autosaver.store.folder != Path(recovery.__file__).parent
