"""Every editor input takes no more than the map may hold, so that what is typed can always be saved:
the code field, the text and notes boxes, table cells, stakeholder names, column headings and the
text typed on the canvas."""

from __future__ import annotations

import pytest
from gestures_support import key, open_canvas, type_text
from panels_support import Canvas, make_canvas
from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from srmtool.model import dumps_map, loads_map
from srmtool.model.limits import MAX_CODE_CHARS, MAX_COLUMNS, MAX_TEXT_CHARS
from srmtool.model.types import Column
from srmtool.ui.canvas import inline_edit
from srmtool.ui.canvas.inline_edit import open_editor
from srmtool.ui.document import Document
from srmtool.ui.panels.properties import PropertiesPanel
from srmtool.ui.panels.stakeholder_model import NAME
from srmtool.ui.panels.stakeholders import StakeholdersPanel
from srmtool.ui.table.cells import CellEditor
from srmtool.ui.table.columns import ColumnsDialog
from srmtool.ui.table.model import RowTableModel
from srmtool.ui.text_limit import LimitedPlainTextEdit

THAI_300 = "ก" * 300


@pytest.fixture
def canvas(qtbot: QtBot, dengue_document: Document) -> Canvas:
    return make_canvas(qtbot, dengue_document)


def _saves(document: Document) -> None:
    """The map saves, and loads back as it was."""
    data = dumps_map(document.route_map)
    assert dumps_map(loads_map(data)) == data


def test_the_code_field_takes_at_most_the_code_limit_and_the_map_still_saves(
    qtbot: QtBot, canvas: Canvas
) -> None:
    panel = PropertiesPanel(canvas.document, canvas.scene.selection)
    qtbot.addWidget(panel)
    (oid,) = canvas.select("ก1")
    assert panel.code_edit.maxLength() == MAX_CODE_CHARS
    panel.code_edit.selectAll()
    panel.code_edit.insert(THAI_300)  # what a paste does
    assert panel.code_edit.isModified()
    panel.commit_pending()
    code = canvas.document.route_map.objective(oid).code  # type: ignore[union-attr]
    assert code == "ก" * MAX_CODE_CHARS
    _saves(canvas.document)


def test_the_document_leaves_out_what_passes_a_limit(dengue_document: Document) -> None:
    oid = dengue_document.route_map.objectives[0].id
    dengue_document.set_objective_text(oid, "ท" * (MAX_TEXT_CHARS + 3))
    new = dengue_document.add_objective("people", "ป" * (MAX_TEXT_CHARS + 1))
    assert len(dengue_document.route_map.objective(oid).text) == MAX_TEXT_CHARS  # type: ignore[union-attr]
    assert len(dengue_document.route_map.objective(new).text) == MAX_TEXT_CHARS  # type: ignore[union-attr]
    _saves(dengue_document)


def test_the_notes_box_hands_over_no_more_than_the_limit(qtbot: QtBot, canvas: Canvas) -> None:
    panel = PropertiesPanel(canvas.document, canvas.scene.selection)
    qtbot.addWidget(panel)
    (oid,) = canvas.select("ก1")
    panel.notes_edit.setPlainText("น" * (MAX_TEXT_CHARS + 7))  # set, not typed: the box takes it
    panel.notes_edit.document().setModified(True)
    panel.commit_pending()
    assert canvas.document.route_map.objective(oid).notes == "น" * MAX_TEXT_CHARS  # type: ignore[union-attr]
    _saves(canvas.document)


def test_text_and_notes_boxes_carry_the_text_limit(qtbot: QtBot, canvas: Canvas) -> None:
    panel = PropertiesPanel(canvas.document, canvas.scene.selection)
    qtbot.addWidget(panel)
    assert panel.text_edit.limit == panel.notes_edit.limit == MAX_TEXT_CHARS


def _limited(qtbot: QtBot, limit: int, text: str) -> LimitedPlainTextEdit:
    edit = LimitedPlainTextEdit(limit=limit)
    qtbot.addWidget(edit)
    edit.setPlainText(text)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    return edit


def test_a_paste_is_cut_to_what_fits(qtbot: QtBot) -> None:
    edit = _limited(qtbot, 12, "ข้อความ")  # 7 characters, 5 left
    source = QMimeData()
    source.setText("ยาวเกินกว่าที่ใส่ได้")
    edit.insertFromMimeData(source)
    assert edit.toPlainText() == "ข้อความยาวเก"
    edit.insertFromMimeData(source)  # full: nothing more
    assert edit.toPlainText() == "ข้อความยาวเก"
    edit.selectAll()  # a selection is replaced, so its room counts
    edit.insertFromMimeData(source)
    assert edit.toPlainText() == "ยาวเกินกว่าที่ใส่ได้"[:12]


def test_typing_and_line_breaks_stop_at_the_limit(qtbot: QtBot) -> None:
    edit = _limited(qtbot, 4, "abc")
    for text in ("d", "e"):
        QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, text))
    assert edit.toPlainText() == "abcd"
    QApplication.sendEvent(
        edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    )
    assert edit.toPlainText() == "abcd"
    QApplication.sendEvent(
        edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier)
    )
    QApplication.sendEvent(
        edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    )
    assert edit.toPlainText() == "abc\n"


def test_an_input_method_commit_is_cut_to_what_fits(qtbot: QtBot) -> None:
    edit = _limited(qtbot, 6, "น้ำ")  # three characters: น ้ ำ
    event = QInputMethodEvent("", [])
    event.setCommitString("ปลาทู")
    QApplication.sendEvent(edit, event)
    assert edit.toPlainText() == "น้ำปลา"


def test_the_cell_editor_takes_at_most_the_text_limit(qtbot: QtBot) -> None:
    editor = CellEditor()
    qtbot.addWidget(editor)
    assert editor.limit == MAX_TEXT_CHARS


def test_a_table_cell_set_past_the_limit_keeps_what_fits(dengue_document: Document) -> None:
    model = RowTableModel(dengue_document)
    row_id = model.row_id(0)
    assert model.setData(model.index(0, model.column_of("activity")), "ก" * (MAX_TEXT_CHARS + 10))
    cell = dengue_document.route_map.row(row_id).cells["activity"]  # type: ignore[union-attr]
    assert cell == "ก" * MAX_TEXT_CHARS
    _saves(dengue_document)


def test_stakeholder_names_are_edited_with_the_text_limit_not_qts_default(
    qtbot: QtBot, canvas: Canvas
) -> None:
    panel = StakeholdersPanel(canvas.document, canvas.scene.selection)
    qtbot.addWidget(panel)
    index = panel.model.index(0, NAME)
    editor = panel.table.itemDelegate().createEditor(QWidget(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QLineEdit) and editor.maxLength() == MAX_TEXT_CHARS  # Qt's is 32,767
    editor.deleteLater()
    long_name = "อ" * (MAX_TEXT_CHARS + 5)
    assert panel.model.setData(index, long_name)
    assert canvas.document.route_map.stakeholders[0].name == "อ" * MAX_TEXT_CHARS
    _saves(canvas.document)


def test_column_headings_take_the_text_limit_and_columns_stop_at_their_limit(
    dengue_document: Document,
) -> None:
    dialog = ColumnsDialog(dengue_document.route_map)
    label = dialog.findChild(QLineEdit)
    assert label is not None and label.maxLength() == MAX_TEXT_CHARS
    dialog._columns.extend(  # a map one short of the limit
        Column(key=f"x{i}", label="ช่อง") for i in range(MAX_COLUMNS - 1 - len(dialog._columns))
    )
    dialog.select(1)
    dialog.add_column()
    assert len(dialog.columns()) == MAX_COLUMNS
    assert not dialog.add_button.isEnabled() and str(MAX_COLUMNS) in dialog.add_button.toolTip()
    dialog.add_column()
    assert len(dialog.columns()) == MAX_COLUMNS
    dialog.deleteLater()


def test_typing_on_the_canvas_stops_at_the_text_limit(
    dengue_document: Document, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inline_edit, "MAX_TEXT_CHARS", 12)
    canvas = open_canvas(dengue_document, qtbot)
    oid = dengue_document.route_map.objectives_in("people")[0].id
    canvas.scene.select_objectives([oid])
    key(canvas.view, Qt.Key.Key_F2)
    editor = open_editor(canvas.scene)
    assert editor is not None
    key(canvas.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(canvas.view, "ชุมชนร่วมใจ")  # 11 characters
    QGuiApplication.clipboard().setText("ปลอดลูกน้ำยุงลาย")
    key(canvas.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "ชุมชนร่วมใจป"
    type_text(canvas.view, "ยุง")
    key(canvas.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "ชุมชนร่วมใจป"
    key(canvas.view, Qt.Key.Key_Return)
    assert dengue_document.route_map.objective(oid).text == "ชุมชนร่วมใจป"  # type: ignore[union-attr]
