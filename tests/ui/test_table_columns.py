"""Column sets: the Columns dialog renames, adds, removes and reorders in one undo step, the set
survives save and load, and a set saved as a template starts a new map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from window_fixtures import LONG_THAI, Fixture, make_window

from srmtool.model.plan import table_style
from srmtool.model.srmfile.codec import load_map
from srmtool.model.templates import TEMPLATE_DIR_ENV, Template, builtin_template, user_templates
from srmtool.model.types import OBJECTIVE_COLUMN
from srmtool.ui.document import Document
from srmtool.ui.files import Choice
from srmtool.ui.table.columns import ColumnsDialog
from srmtool.ui.table.panel import TableFeature
from srmtool.ui.table.template_dialog import TemplateDialog


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    monkeypatch.setenv(TEMPLATE_DIR_ENV, str(tmp_path / "แม่แบบของฉัน"))
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    return fixture


def feature(fx: Fixture) -> TableFeature:
    return fx.window.table


def keys(document: Document) -> list[str]:
    return [c.key for c in document.route_map.table.columns]


def edit_in_dialog(fx: Fixture, monkeypatch: pytest.MonkeyPatch, edit: object) -> bool:
    """Run Table → Columns… with ``edit(dialog)`` standing in for the user, then OK."""

    def run(dialog: ColumnsDialog) -> int:
        edit(dialog)  # type: ignore[operator]
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(ColumnsDialog, "exec", run)
    return feature(fx).edit_columns()


def test_rename_add_remove_and_reorder_are_one_undo_step(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = fx.window.document
    before = [c.model_dump() for c in document.route_map.table.columns]
    asked: list[tuple[str, int]] = []

    def edit(dialog: ColumnsDialog) -> None:
        monkeypatch.setattr(dialog, "confirm_remove", lambda label, n: asked.append((label, n)) or True)
        dialog.select(1)  # ตัวชี้วัด
        dialog.set_label("ตัวชี้วัดความสำเร็จของโครงการ")
        dialog.set_width(30)
        dialog.add_column()  # after it
        dialog.set_label(LONG_THAI)
        dialog.select(4)  # มาตรการทางวิชาการ
        assert dialog.remove_column()
        dialog.select(2)  # the new column
        dialog.move_column(1)

    assert edit_in_dialog(fx, monkeypatch, edit)
    assert asked == [("มาตรการทางวิชาการ", 12)]
    columns = document.route_map.table.columns
    assert [c.label for c in columns[:4]] == ["เป้าประสงค์", "ตัวชี้วัดความสำเร็จของโครงการ", "ค่าเป้าหมาย", LONG_THAI]
    assert columns[1].width == 30 and "technical_measure" not in keys(document)
    assert all("technical_measure" not in r.cells for r in document.route_map.table.rows)
    model = feature(fx).model
    assert model.columnCount() == 11 and model.headerData(3, model_orientation()) == LONG_THAI
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert [c.model_dump() for c in document.route_map.table.columns] == before
    assert all(r.cells.get("technical_measure") for r in document.route_map.table.rows)


def model_orientation():  # noqa: ANN201
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_the_objective_column_stays_first(fx: Fixture) -> None:
    dialog = ColumnsDialog(fx.window.document.route_map)
    dialog.select(0)
    assert not dialog.remove_button.isEnabled() and not dialog.remove_column()
    dialog.select(1)
    assert not dialog.up_button.isEnabled()
    dialog.move_column(-1)
    assert dialog.columns()[0].key == OBJECTIVE_COLUMN
    assert dialog.operations() == []


def test_refusing_the_removal_keeps_the_column(fx: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = ColumnsDialog(fx.window.document.route_map)
    monkeypatch.setattr(dialog, "confirm_remove", lambda label, n: False)
    dialog.select(2)
    assert not dialog.remove_column()
    assert len(dialog.columns()) == 11


def test_column_changes_survive_save_and_load(fx: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    def edit(dialog: ColumnsDialog) -> None:
        monkeypatch.setattr(dialog, "confirm_remove", lambda label, n: True)
        dialog.select(10)  # ผู้รับผิดชอบ / ภาคี
        dialog.set_label("หน่วยงานรับผิดชอบหลักและภาคีเครือข่ายร่วมดำเนินการ")
        dialog.move_column(-1)
        dialog.select(8)  # งบประมาณ
        dialog.remove_column()
        dialog.add_column()
        dialog.set_label("หมายเหตุ")

    edit_in_dialog(fx, monkeypatch, edit)
    document = fx.window.document
    wanted = [c.model_dump() for c in document.route_map.table.columns]
    path = fx.folder / "บันทึกคอลัมน์.srm"
    document.save(path)
    assert [c.model_dump() for c in load_map(path).table.columns] == wanted
    reopened = Document.open(path)
    assert [c.label for c in reopened.route_map.table.columns][-3:] == [
        "หน่วยงานรับผิดชอบหลักและภาคีเครือข่ายร่วมดำเนินการ",
        "หมายเหตุ",
        "แหล่งงบประมาณ",
    ]
    assert "budget" not in [c.key for c in reopened.route_map.table.columns]


def test_save_columns_as_template_then_start_a_new_map_from_it(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    table = feature(fx)
    monkeypatch.setattr(table, "ask_template_name", lambda: "แผนงานกองทุนตำบล")
    fx.window.document.set_objective_text(fx.window.document.route_map.objectives[0].id, LONG_THAI)
    assert table.save_template() is not None
    (mine,) = user_templates(tmp_path / "แม่แบบของฉัน")
    assert mine.name == "แผนงานกองทุนตำบล" and len(mine.columns) == 11

    offered: list[list[str]] = []

    def ask_template() -> Template:
        dialog = TemplateDialog(
            [builtin_template("mini_slm_11"), builtin_template("action_plan")],
            user_templates(table.template_folder),
            "th",
        )
        offered.append([dialog._list.item(i).text() for i in range(dialog._list.count())])
        dialog.select(2)
        chosen = dialog.chosen()
        assert chosen is not None
        return chosen

    monkeypatch.setattr(table, "ask_template", ask_template)
    fx.dialogs.save_changes.append(Choice.DISCARD)
    assert table.new_from_template()
    assert fx.dialogs.texts("save_changes")  # the unsaved edit was asked about first
    assert offered[0][0].startswith("Mini SLM 11 ช่อง") and offered[0][1].startswith("แผนปฏิบัติการ")
    assert "แผนงานกองทุนตำบล" in offered[0][2]
    document = fx.window.document
    assert document.route_map.objectives == [] and document.path is None
    assert [c.label for c in document.route_map.table.columns] == [c.label for c in mine.columns]
    assert table.model.columnCount() == 11 and table.model.rowCount() == 0


def test_new_from_the_action_plan_template_gives_its_columns(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = feature(fx)
    monkeypatch.setattr(table, "ask_template", lambda: builtin_template("action_plan"))
    assert table.new_from_template()
    assert keys(fx.window.document) == [c.key for c in builtin_template("action_plan").columns]
    assert table.model.headerData(1, model_orientation()) == "แนวทาง/กิจกรรมหลัก"
    assert table_style(fx.window.document.route_map).grouping == "heading"  # the template's style came along


def test_cancelled_unsaved_changes_question_keeps_the_map(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = feature(fx)
    monkeypatch.setattr(table, "ask_template", lambda: pytest.fail("asked for a template after Cancel"))
    fx.window.document.set_objective_text(fx.window.document.route_map.objectives[0].id, "ข้อความที่ยังไม่บันทึก")
    fx.dialogs.save_changes.append(Choice.CANCEL)
    assert not table.new_from_template()
    assert fx.window.document.route_map.objectives[0].text == "ข้อความที่ยังไม่บันทึก"


def test_a_template_that_cannot_be_written_is_reported(fx: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    table = feature(fx)
    blocker = fx.folder / "ไฟล์ไม่ใช่โฟลเดอร์"
    blocker.write_text("x", encoding="utf-8")
    table.template_folder = blocker
    monkeypatch.setattr(table, "ask_template_name", lambda: "แม่แบบ")
    assert table.save_template() is None
    assert fx.dialogs.texts("critical")


def test_the_template_list_names_each_template_once_with_its_columns_under_it(qtbot: QtBot) -> None:
    """Not "Mini SLM, 11 columns — 11 column(s)"."""
    dialog = TemplateDialog([builtin_template("mini_slm_11"), builtin_template("action_plan")], [], "en")
    qtbot.addWidget(dialog)
    first = dialog._list.item(0).text().split("\n")
    assert first[0] == builtin_template("mini_slm_11").display_name("en")
    assert "column(s)" not in dialog._list.item(0).text()
    assert first[1].startswith("เป้าประสงค์ · ตัวชี้วัด")
    assert len(first[1]) <= 91 and first[1].endswith("…")  # the labels, shortened between letters


def test_the_countdown_question_is_wide_enough_for_its_title(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from srmtool.ui.presentation.timer import DEFAULT_MINUTES, minutes_dialog

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = minutes_dialog(parent)
    title = f"{dialog.windowTitle()} — srmtool"
    assert dialog.minimumWidth() > dialog.fontMetrics().horizontalAdvance(title) + 100
    assert dialog.intValue() == DEFAULT_MINUTES
