"""File → Import from Excel…: the imported map replaces the open one, unsaved, with a report."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from window_fixtures import Fixture, make_window

sys.path.insert(0, str(Path(__file__).parents[1] / "importer"))  # the workbooks the importer tests build
from import_workbooks import action_plan, entity_bomb, thai_table

from srmtool.ui import import_dialog
from srmtool.ui.files import Choice
from srmtool.ui.import_dialog import ImportReportDialog


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    return make_window(qtbot, tmp_path, monkeypatch)


def _answer(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[Path | None]:
    asked: list[Path | None] = []

    def ask(_window: object) -> Path | None:
        asked.append(path)
        return path

    monkeypatch.setattr(import_dialog, "ask_import_path", ask)
    return asked


def _report_dialog(fx: Fixture) -> ImportReportDialog | None:
    return fx.window.findChild(ImportReportDialog, "import_report_dialog")


def test_menu_action_imports_and_shows_the_report(fx: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, thai_table(fx.folder / "แผน.xlsx"))
    fx.window.named_actions["import_xlsx"].trigger()
    assert asked
    route_map = fx.window.document.route_map
    assert [o.text for o in route_map.objectives] == [
        "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย",
        "อสม. สำรวจลูกน้ำทุกสัปดาห์",
    ]
    assert len(route_map.table.rows) == 4
    assert fx.window.document.path is None
    assert fx.window.document.is_modified  # unsaved: closing asks to save it
    assert all(fx.window.scene.box(o.id) is not None for o in route_map.objectives)  # views rebuilt
    dialog = _report_dialog(fx)
    assert dialog is not None and dialog.isVisible()
    assert "Imported 4 row(s) and 2 objective(s)" in dialog.details.toPlainText()
    assert "4 rows, 2 objectives" in dialog.summary.text()
    dialog.accept()


def test_unsaved_changes_are_asked_about_and_cancel_keeps_the_map(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = fx.window.document
    document.add_objective("people", "ประชาชนมีสุขภาพดีถ้วนหน้าอย่างยั่งยืน")
    before = document.route_map
    fx.dialogs.save_changes.append(Choice.CANCEL)
    _answer(monkeypatch, action_plan(fx.folder / "ap.xlsx"))
    assert import_dialog.import_from_excel(fx.window) is False
    assert [k for k, _, _ in fx.dialogs.shown] == ["save_changes"]
    assert document.route_map is before
    assert _report_dialog(fx) is None


def test_refused_file_shows_the_message_and_keeps_the_map(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = fx.window.document.route_map
    _answer(monkeypatch, entity_bomb(fx.folder / "bomb.xlsx"))
    assert import_dialog.import_from_excel(fx.window) is False
    assert fx.dialogs.texts("critical") == [
        "bomb.xlsx: the file contains unsafe XML (a DTD or entities) and is refused"
    ]
    assert fx.window.document.route_map is before
    assert [k for k, _, _ in fx.dialogs.shown] == ["critical"]  # no unsaved-changes question first


def test_cancelled_file_question_does_nothing(fx: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    before = fx.window.document.route_map
    _answer(monkeypatch, None)
    assert import_dialog.import_from_excel(fx.window) is False
    assert fx.window.document.route_map is before and fx.dialogs.shown == []


def test_report_in_thai(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fx = make_window(qtbot, tmp_path, monkeypatch, lang="th")
    _answer(monkeypatch, action_plan(tmp_path / "ap.xlsx"))
    assert import_dialog.import_from_excel(fx.window)
    dialog = _report_dialog(fx)
    assert dialog is not None
    text = dialog.details.toPlainText()
    assert "ชุดคอลัมน์: แผนปฏิบัติการ (อำเภอ)" in text
    assert "“งบประมาณ / รายละเอียด” → รายละเอียด" in text
    fx.window.lang = "en"  # a language switch re-renders the report in the window's language
    dialog.retranslate()
    assert "Column set: District action plan" in dialog.details.toPlainText()
    dialog.accept()
