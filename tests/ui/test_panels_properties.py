"""The properties panel: it follows the selection, each edit is one undo step, codes stay unique."""

from __future__ import annotations

import pytest
from panels_support import LONG_THAI, Canvas, make_canvas
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from srmtool.model.operations import SetObjectiveCode
from srmtool.ui.document import Document
from srmtool.ui.panels.properties import PropertiesPanel


@pytest.fixture
def canvas(qtbot: QtBot, dengue_document: Document) -> Canvas:
    return make_canvas(qtbot, dengue_document)


@pytest.fixture
def panel(qtbot: QtBot, canvas: Canvas) -> PropertiesPanel:
    widget = PropertiesPanel(canvas.document, canvas.scene.selection)
    qtbot.addWidget(widget)
    return widget


def type_text(edit: object, text: str) -> None:
    """What typing does to the box (QTest.keyClicks crashes on Thai text)."""
    edit.selectAll()  # type: ignore[attr-defined]
    edit.insertPlainText(text)  # type: ignore[attr-defined]


def test_panel_follows_the_selection(canvas: Canvas, panel: PropertiesPanel) -> None:
    assert panel.objective_id is None
    assert "Select one objective" in panel.empty_label.text()
    (oid,) = canvas.select("ก1")
    objective = canvas.document.route_map.objective(oid)
    assert objective is not None and panel.objective_id == oid
    assert panel.code_edit.text() == "ก1"
    assert panel.text_edit.toPlainText() == objective.text
    assert canvas.document.route_map.perspective_label("process") in panel.level_label.text()
    canvas.select("ป1", "ภ1", "ก2")
    assert panel.objective_id is None and "3 objectives selected" in panel.empty_label.text()
    canvas.select()
    assert "Select one objective" in panel.empty_label.text()


def test_text_commits_once_on_ctrl_enter_and_undoes(canvas: Canvas, panel: PropertiesPanel) -> None:
    (oid,) = canvas.select("ป1")
    route_map, stack = canvas.document.route_map, canvas.document.undo_stack
    old = route_map.objective(oid).text  # type: ignore[union-attr]
    type_text(panel.text_edit, LONG_THAI)
    assert route_map.objective(oid).text == old  # type: ignore[union-attr]  # not per keystroke
    QTest.keyClick(panel.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert route_map.objective(oid).text == LONG_THAI  # type: ignore[union-attr]
    assert stack.count() == 1
    assert canvas.scene.box(oid) is not None
    stack.undo()
    assert route_map.objective(oid).text == old  # type: ignore[union-attr]
    assert panel.text_edit.toPlainText() == old


def test_notes_commit_when_another_objective_is_selected(canvas: Canvas, panel: PropertiesPanel) -> None:
    (oid,) = canvas.select("ภ2")
    type_text(panel.notes_edit, "ประสานองค์การบริหารส่วนตำบลเรื่องงบกองทุนหลักประกันสุขภาพ")
    canvas.select("ภ1")  # the notes typed belong to ภ2, not to the objective shown next
    route_map = canvas.document.route_map
    assert route_map.objective(oid).notes.startswith("ประสานองค์การ")  # type: ignore[union-attr]
    assert panel.notes_edit.toPlainText() == route_map.objective(canvas.id_of("ภ1")).notes  # type: ignore[union-attr]
    canvas.document.undo_stack.undo()
    assert route_map.objective(oid).notes == ""  # type: ignore[union-attr]


def test_escape_puts_back_the_text_without_an_edit(canvas: Canvas, panel: PropertiesPanel) -> None:
    canvas.select("ป1")
    shown = panel.text_edit.toPlainText()
    type_text(panel.text_edit, "ข้อความที่พิมพ์ผิด")
    QTest.keyClick(panel.text_edit, Qt.Key.Key_Escape)
    assert panel.text_edit.toPlainText() == shown
    assert not panel.text_edit.commit() and canvas.document.undo_stack.count() == 0


def set_code(panel: PropertiesPanel, code: str) -> None:
    panel.code_edit.setText(code)
    panel.code_edit.setModified(True)
    QTest.keyClick(panel.code_edit, Qt.Key.Key_Return)


def test_a_duplicate_code_is_refused_with_a_message(canvas: Canvas, panel: PropertiesPanel) -> None:
    (oid,) = canvas.select("ก1")
    set_code(panel, "ก2")
    assert canvas.document.route_map.objective(oid).code == "ก1"  # type: ignore[union-attr]
    assert canvas.document.undo_stack.count() == 0
    assert panel.code_error.isVisibleTo(panel) and "ก2" in panel.code_error.text()
    assert panel.code_edit.text() == "ก1"
    set_code(panel, "ก๙")
    assert canvas.document.route_map.objective(oid).code == "ก๙"  # type: ignore[union-attr]
    assert not panel.code_error.isVisibleTo(panel)
    canvas.document.undo_stack.undo()
    assert panel.code_edit.text() == "ก1"


def test_key_route_and_stakeholders_are_undo_steps(canvas: Canvas, panel: PropertiesPanel) -> None:
    (oid,) = canvas.select("พ1")
    route_map, stack = canvas.document.route_map, canvas.document.undo_stack
    objective = route_map.objective(oid)
    assert objective is not None
    was_key = objective.key_route
    panel.key_route_box.click()
    assert objective.key_route is not was_key
    names = [
        panel.stakeholder_list.item(i).text().replace("\u200b", "")
        for i in range(panel.stakeholder_list.count())
    ]
    assert names == [s.name for s in route_map.stakeholders]
    before = list(objective.stakeholders)
    item = next(
        panel.stakeholder_list.item(i)
        for i in range(panel.stakeholder_list.count())
        if route_map.stakeholders[i].id not in before
    )
    item.setCheckState(Qt.CheckState.Checked)
    assert len(objective.stakeholders) == len(before) + 1
    assert stack.count() == 2
    stack.undo()
    assert objective.stakeholders == before
    stack.undo()
    assert objective.key_route is was_key and panel.key_route_box.isChecked() is was_key


def test_panel_shows_edits_made_elsewhere(canvas: Canvas, panel: PropertiesPanel) -> None:
    (oid,) = canvas.select("ป1")
    canvas.document.set_objective_text(oid, LONG_THAI)
    assert panel.text_edit.toPlainText() == LONG_THAI
    canvas.document.edit(SetObjectiveCode(oid, "ป๑"), "แก้รหัส")
    assert panel.code_edit.text() == "ป๑"
    canvas.document.delete([oid])
    assert panel.objective_id is None


def test_language_change_sets_the_texts_again(canvas: Canvas, panel: PropertiesPanel) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    canvas.select("ป1", "ป2")
    panel.empty_label.setText("")
    panel.code_caption.setText("")
    QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert panel.code_caption.text() == "&Code:"
    assert "2 objectives selected" in panel.empty_label.text()
