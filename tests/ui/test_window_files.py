"""The File menu: title and unsaved mark, Save / Save As, failed saves and opens (and the offer of a
readable backup), the question before saving over a file changed on disk, recent files, dropping a
file on the window, New, the unsaved-changes question on New / Open / close, and exporting pictures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot
from window_fixtures import LONG_THAI, Fixture, make_window

from srmtool.model.srmfile.codec import dumps_map, load_map, save_map
from srmtool.ui.files import Choice, Conflict

NEW_TEXT = "โรงเรียนและวัดร่วมจัดกิจกรรมรณรงค์กำจัดลูกน้ำยุงลายทุกเดือน"


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    return make_window(qtbot, tmp_path, monkeypatch)


def first_objective(fx: Fixture) -> str:
    return fx.window.document.route_map.objectives[0].id


def test_title_shows_the_file_name_and_an_unsaved_mark_until_saved(fx: Fixture) -> None:
    window = fx.window
    assert window.windowTitle() == "Untitled — srmtool"
    path = fx.copy_example()
    assert window.files.open_path(path)
    assert window.windowTitle() == "แผนที่ไข้เลือดออก.srm — srmtool"

    window.document.set_objective_text(first_objective(fx), LONG_THAI)
    assert window.windowTitle() == "แผนที่ไข้เลือดออก.srm* — srmtool"

    window.named_actions["save"].trigger()
    assert window.windowTitle() == "แผนที่ไข้เลือดออก.srm — srmtool"
    assert load_map(path).objectives[0].text == LONG_THAI
    assert fx.dialogs.shown == []  # saved in place: no question, no dialog

    window.named_actions["undo"].trigger()  # back before the save point: unsaved again
    assert window.windowTitle().endswith("* — srmtool")


def test_save_as_writes_a_file_that_loads_back_equal(fx: Fixture) -> None:
    window = fx.window
    window.files.open_path(fx.copy_example())
    window.document.set_objective_text(first_objective(fx), LONG_THAI)
    fx.dialogs.save_paths.append(fx.folder / "สำเนาแผนที่")  # no suffix: .srm is added

    window.named_actions["save_as"].trigger()

    saved = fx.folder / "สำเนาแผนที่.srm"
    assert dumps_map(load_map(saved)) == dumps_map(window.document.route_map)
    assert load_map(saved).objectives[0].text == LONG_THAI
    assert window.document.path == saved
    assert window.windowTitle() == "สำเนาแผนที่.srm — srmtool"
    assert window.files.recent.paths()[0] == saved.absolute()


def test_save_of_a_new_map_asks_for_a_name_and_cancel_saves_nothing(fx: Fixture) -> None:
    window = fx.window
    window.document.add_objective("people", LONG_THAI)
    fx.dialogs.save_paths.append(None)
    window.named_actions["save"].trigger()
    assert [k for k, _, _ in fx.dialogs.shown] == ["save_path"]
    assert window.document.is_modified
    assert list(fx.folder.glob("*.srm")) == []


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "the folder does not exist"), ("th", "ไม่พบโฟลเดอร์ที่จะบันทึก")]
)
def test_a_failed_save_says_why_in_the_ui_language_and_keeps_the_changes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, expected: str
) -> None:
    fx = make_window(qtbot, tmp_path, monkeypatch, lang=lang)
    window = fx.window
    oid = window.document.add_objective("process", LONG_THAI)
    fx.dialogs.save_paths.append(tmp_path / "ไม่มีโฟลเดอร์นี้" / "แผน.srm")

    window.named_actions["save"].trigger()

    errors = fx.dialogs.texts("critical")
    assert len(errors) == 1 and expected in errors[0] and "แผน.srm" in errors[0]
    assert "Traceback" not in errors[0]
    assert window.document.is_modified and window.windowTitle().startswith("Untitled*")
    assert window.document.route_map.objective(oid) is not None
    assert window.document.path is None


def test_opening_a_broken_file_shows_the_error_and_keeps_the_current_map(fx: Fixture) -> None:
    window = fx.window
    good = fx.copy_example()
    window.files.open_path(good)
    window.document.set_objective_text(first_objective(fx), LONG_THAI)
    before = dumps_map(window.document.route_map)
    broken = fx.folder / "ไฟล์เสีย.srm"
    broken.write_text('{"format": "srmtool-map", "version": 1, "objectives": [', encoding="utf-8")
    fx.dialogs.save_changes.append(Choice.DISCARD)
    fx.dialogs.open_paths.append(broken)

    window.named_actions["open"].trigger()

    errors = fx.dialogs.texts("critical")
    assert len(errors) == 1 and "ไฟล์เสีย.srm" in errors[0]
    assert dumps_map(window.document.route_map) == before
    assert window.document.path == good.absolute()
    assert window.document.is_modified  # the edit is still there, still unsaved
    assert broken.absolute() not in window.files.recent.paths()


def test_cancel_in_the_unsaved_question_keeps_the_window_open_and_discard_closes_it(fx: Fixture) -> None:
    window = fx.window
    window.show()
    window.document.add_objective("stakeholder", LONG_THAI)

    fx.dialogs.save_changes.append(Choice.CANCEL)
    assert not window.close()
    assert window.isVisible()

    fx.dialogs.save_changes.append(Choice.DISCARD)
    assert window.close()
    assert not window.isVisible()
    assert [k for k, _, _ in fx.dialogs.shown] == ["save_changes", "save_changes"]


def test_save_in_the_unsaved_question_saves_then_closes(fx: Fixture) -> None:
    window = fx.window
    path = fx.copy_example()
    window.files.open_path(path)
    window.show()
    window.document.set_objective_text(first_objective(fx), LONG_THAI)
    fx.dialogs.save_changes.append(Choice.SAVE)
    assert window.close()
    assert load_map(path).objectives[0].text == LONG_THAI


def test_new_asks_about_unsaved_changes_and_cancel_keeps_the_map(fx: Fixture) -> None:
    window = fx.window
    window.files.open_path(fx.copy_example())
    window.document.set_objective_text(first_objective(fx), LONG_THAI)

    fx.dialogs.save_changes.append(Choice.CANCEL)
    window.named_actions["new"].trigger()
    assert len(window.document.route_map.objectives) == 15

    fx.dialogs.save_changes.append(Choice.DISCARD)
    window.named_actions["new"].trigger()
    assert window.document.route_map.objectives == []
    assert len(window.document.route_map.table.columns) == 11
    assert window.document.path is None and not window.document.is_modified
    assert window.windowTitle() == "Untitled — srmtool"
    assert window.named_actions["undo"].isEnabled() is False


def test_recent_files_newest_first_kept_in_this_windows_settings_only(
    fx: Fixture, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = fx.window
    first = fx.copy_example("dengue_tambon.srm", "ตำบล.srm")
    second = fx.copy_example("district_ncd.srm", "อำเภอ.srm")
    window.files.open_path(first)
    window.files.open_path(second)
    window.files.open_path(first)
    assert window.files.recent.paths() == [first.absolute(), second.absolute()]

    window.submenus["recent"].fill()
    texts = [a.text() for a in window.submenus["recent"].actions() if not a.isSeparator()]
    assert texts[:2] == ["&1 ตำบล.srm", "&2 อำเภอ.srm"]

    window.submenus["recent"].actions()[1].trigger()  # open อำเภอ.srm from the menu
    assert window.document.path == second.absolute()
    assert len(window.document.route_map.objectives) == 42

    other = make_window(qtbot, tmp_path, monkeypatch, settings_name="อื่น.ini")
    assert other.window.files.recent.paths() == []  # nothing shared between settings files

    window.named_actions["clear_recent"].trigger()
    assert window.files.recent.paths() == []


def test_a_recent_file_that_is_gone_is_reported_and_dropped(fx: Fixture) -> None:
    path = fx.copy_example()
    fx.window.files.open_path(path)
    fx.window.files.open_path(fx.copy_example("district_ncd.srm", "อำเภอ.srm"))
    path.unlink()
    fx.window.submenus["recent"].open_recent(path.absolute())
    assert len(fx.dialogs.texts("critical")) == 1
    assert path.absolute() not in fx.window.files.recent.paths()
    assert len(fx.window.document.route_map.objectives) == 42


def break_file_with_backup(fx: Fixture) -> Path:
    """A map saved twice (so NAME.srm.bak holds the first version), then damaged on disk."""
    path = fx.copy_example()
    route_map = load_map(path)
    route_map.objectives[0].text = LONG_THAI
    save_map(route_map, path)
    route_map.destination = "ภายในปี 2570 ตำบลปลอดโรคไข้เลือดออก"
    save_map(route_map, path)  # the .bak holds the version with LONG_THAI
    path.write_bytes(path.read_bytes()[:300])  # cut short, as by a full disk
    return path


def test_a_broken_file_with_a_readable_backup_offers_it_as_an_unsaved_map(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = fx.window
    path = break_file_with_backup(fx)
    asked: list[tuple[Path, str, Path]] = []
    answers = [False, True]

    def ask_open_backup(p: Path, error: str, backup: Path) -> bool:
        asked.append((p, error, backup))
        return answers.pop(0)

    monkeypatch.setattr(window.files, "ask_open_backup", ask_open_backup)
    window.document.add_objective("people", NEW_TEXT)
    before = dumps_map(window.document.route_map)

    assert not window.files.open_path(path, ask=False)  # "no": the open map stays as it was
    assert asked[0][0] == path and asked[0][2].name == "แผนที่ไข้เลือดออก.srm.bak"
    assert "แผนที่ไข้เลือดออก.srm" in asked[0][1] and "Traceback" not in asked[0][1]
    assert dumps_map(window.document.route_map) == before and window.document.path is None
    assert fx.dialogs.texts("critical") == []  # the question already showed the error

    assert window.files.open_path(path, ask=False)  # "yes": the backup opens, unsaved, with no file
    assert window.document.route_map.objectives[0].text == LONG_THAI
    assert window.document.path is None and window.document.is_modified
    assert window.windowTitle() == "แผนที่ไข้เลือดออก.srm (from backup)* — srmtool"
    damaged = path.read_bytes()
    fx.dialogs.save_paths.append(None)
    window.named_actions["save"].trigger()  # Save asks where: the damaged file is not overwritten silently
    assert [k for k, _, _ in fx.dialogs.shown] == ["save_path"]
    assert path.read_bytes() == damaged


def test_a_broken_file_whose_backup_is_broken_too_only_shows_the_error(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = break_file_with_backup(fx)
    Path(str(path) + ".bak").write_text("ไม่ใช่แผนที่", encoding="utf-8")
    monkeypatch.setattr(fx.window.files, "ask_open_backup", lambda *_: pytest.fail("not offered"))
    assert not fx.window.files.open_path(path, ask=False)
    assert len(fx.dialogs.texts("critical")) == 1


@pytest.mark.parametrize("answer", [Conflict.CANCEL, Conflict.OVERWRITE, Conflict.SAVE_AS])
def test_saving_over_a_file_changed_on_disk_asks_first(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch, answer: Conflict
) -> None:
    window = fx.window
    path = fx.copy_example()
    window.files.open_path(path)
    window.document.set_objective_text(first_objective(fx), LONG_THAI)
    theirs = load_map(path)
    theirs.destination = "ภายในปี 2570 ตำบลปลอดโรคไข้เลือดออกด้วยพลังชุมชน"
    save_map(theirs, path)  # another copy of srmtool saved meanwhile
    their_bytes = path.read_bytes()
    asked: list[Path] = []

    def ask(p: Path) -> Conflict:
        asked.append(p)
        return answer

    monkeypatch.setattr(window.files, "ask_overwrite_changed", ask)
    other = fx.folder / "ฉบับของฉัน.srm"
    fx.dialogs.save_paths.append(other)
    saved = window.files.save()

    assert asked == [path.absolute()]
    if answer is Conflict.CANCEL:
        assert not saved and path.read_bytes() == their_bytes and window.document.is_modified
    elif answer is Conflict.OVERWRITE:
        assert saved and load_map(path).objectives[0].text == LONG_THAI
        assert Path(str(path) + ".bak").read_bytes() == their_bytes  # their version is kept
        window.document.add_objective("people", NEW_TEXT)
        assert window.files.save() and len(asked) == 1  # saved by us since: no question
    else:
        assert saved and path.read_bytes() == their_bytes and window.document.path == other
        assert load_map(other).objectives[0].text == LONG_THAI


def test_a_file_touched_but_unchanged_saves_without_a_question(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = fx.copy_example()
    fx.window.files.open_path(path)
    fx.window.document.set_objective_text(first_objective(fx), LONG_THAI)
    os.utime(path, (1_000_000_000, 1_000_000_000))  # copied back by a sync tool: same bytes
    monkeypatch.setattr(fx.window.files, "ask_overwrite_changed", lambda p: pytest.fail("asked"))
    assert fx.window.files.save()


def test_dropping_a_map_file_on_the_window_opens_it(fx: Fixture) -> None:
    path = fx.copy_example("district_ncd.srm", "อำเภอ.srm")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(50, 50)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, data, buttons, keys)
    fx.window.dragEnterEvent(enter)
    assert enter.isAccepted()
    fx.window.dropEvent(QDropEvent(point, Qt.DropAction.CopyAction, data, buttons, keys))
    assert fx.window.document.path == path.absolute()
    assert len(fx.window.document.route_map.objectives) == 42

    text = QMimeData()
    text.setUrls([QUrl.fromLocalFile(str(fx.folder / "ภาพ.png"))])
    refused = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, text, buttons, keys)
    fx.window.dragEnterEvent(refused)
    assert not refused.isAccepted()
