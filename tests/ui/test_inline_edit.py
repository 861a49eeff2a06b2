"""Editing a box's text in place: F2 or double-click, Thai typing, Enter, Shift+Enter, Esc, focus."""

from __future__ import annotations

from gestures_support import LONG_THAI, Canvas, double_click, key, open_canvas, press, release, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from srmtool.model import dumps_map
from srmtool.ui.canvas.inline_edit import InlineEditor, open_editor
from srmtool.ui.document import Document


def _first_people(document: Document) -> str:
    return document.route_map.objectives_in("people")[0].id


def _editor(canvas: Canvas) -> InlineEditor:
    editor = open_editor(canvas.scene)
    assert editor is not None, "no editor is open"
    return editor


def _select_all_and_type(canvas: Canvas, text: str) -> None:
    key(canvas.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(canvas.view, text)


def test_f2_edits_the_selected_box_and_enter_commits_one_undo_step(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    oid = _first_people(dengue_document)
    before = dumps_map(dengue_document.route_map)
    canvas.scene.select_objectives([oid])

    key(canvas.view, Qt.Key.Key_F2)
    editor = _editor(canvas)
    assert editor.text() == dengue_document.route_map.objective(oid).text  # type: ignore[union-attr]
    assert editor.sceneBoundingRect().contains(canvas.box(oid).center[0], canvas.box(oid).center[1])
    _select_all_and_type(canvas, LONG_THAI)
    key(canvas.view, Qt.Key.Key_Return)

    assert dengue_document.route_map.objective(oid).text == LONG_THAI  # type: ignore[union-attr]
    assert dengue_document.undo_stack.count() == 1
    assert open_editor(canvas.scene) is None
    assert canvas.scene.box(oid).text == LONG_THAI  # type: ignore[union-attr]
    dengue_document.undo_stack.undo()
    assert dumps_map(dengue_document.route_map) == before


def test_double_click_opens_the_editor_on_that_box(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    oid = dengue_document.route_map.objectives_in("process")[1].id
    double_click(canvas, canvas.box(oid).center)
    editor = _editor(canvas)
    assert editor.text() == dengue_document.route_map.objective(oid).text  # type: ignore[union-attr]
    _select_all_and_type(canvas, "ทีมสอบสวนโรคเคลื่อนที่เร็วออกควบคุมโรคภายใน ๒๔ ชั่วโมง")
    key(canvas.view, Qt.Key.Key_Enter)  # the keypad's Enter commits too
    assert dengue_document.route_map.objective(oid).text == (  # type: ignore[union-attr]
        "ทีมสอบสวนโรคเคลื่อนที่เร็วออกควบคุมโรคภายใน ๒๔ ชั่วโมง"
    )


def test_esc_cancels_without_an_undo_step(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    oid = _first_people(dengue_document)
    before = dumps_map(dengue_document.route_map)
    canvas.scene.select_objectives([oid])
    key(canvas.view, Qt.Key.Key_F2)
    _select_all_and_type(canvas, "ข้อความที่จะไม่ถูกบันทึก")
    key(canvas.view, Qt.Key.Key_Escape)
    assert open_editor(canvas.scene) is None
    assert dumps_map(dengue_document.route_map) == before
    assert dengue_document.undo_stack.count() == 0


def test_shift_enter_keeps_a_new_line(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    oid = _first_people(dengue_document)
    canvas.scene.select_objectives([oid])
    key(canvas.view, Qt.Key.Key_F2)
    _select_all_and_type(canvas, "ลดอัตราป่วย")
    key(canvas.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert open_editor(canvas.scene) is not None  # still editing
    type_text(canvas.view, "ด้วยโรคไข้เลือดออก")
    key(canvas.view, Qt.Key.Key_Return)
    assert dengue_document.route_map.objective(oid).text == "ลดอัตราป่วย\nด้วยโรคไข้เลือดออก"  # type: ignore[union-attr]
    assert dengue_document.undo_stack.count() == 1


def test_enter_without_a_change_adds_no_undo_step(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    oid = _first_people(dengue_document)
    canvas.scene.select_objectives([oid])
    key(canvas.view, Qt.Key.Key_F2)
    type_text(canvas.view, "  ")  # blank space at the end is dropped
    key(canvas.view, Qt.Key.Key_Return)
    assert dengue_document.undo_stack.count() == 0


def test_clicking_elsewhere_commits(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    oid = _first_people(dengue_document)
    canvas.scene.select_objectives([oid])
    key(canvas.view, Qt.Key.Key_F2)
    _select_all_and_type(canvas, "ชุมชนปลอดลูกน้ำยุงลาย")
    empty = (dengue_document.layout().bounds.right - 20.0, dengue_document.layout().bands["people"].y + 10.0)
    press(canvas, empty)
    release(canvas, empty)
    assert open_editor(canvas.scene) is None
    assert dengue_document.route_map.objective(oid).text == "ชุมชนปลอดลูกน้ำยุงลาย"  # type: ignore[union-attr]
    assert dengue_document.undo_stack.count() == 1


def test_keys_go_to_the_editor_not_the_canvas(dengue_document: Document, qtbot: object) -> None:
    """Delete and typing while editing change the text, never delete the box or start a capture."""
    canvas = open_canvas(dengue_document, qtbot)
    oid = _first_people(dengue_document)
    old = dengue_document.route_map.objective(oid).text  # type: ignore[union-attr]
    canvas.scene.select_objectives([oid])
    key(canvas.view, Qt.Key.Key_F2)
    key(canvas.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    key(canvas.view, Qt.Key.Key_Delete)
    key(canvas.view, Qt.Key.Key_Return)
    assert dengue_document.route_map.objective(oid).text == old[1:]  # type: ignore[union-attr]
    assert dengue_document.undo_stack.count() == 1


def test_enter_and_esc_reach_the_editor_before_window_shortcuts(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    fired: list[str] = []
    for name, shortcut in (("esc", Qt.Key.Key_Escape), ("enter", Qt.Key.Key_Return)):
        action = QAction(name, canvas.view)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False, n=name: fired.append(n))
        canvas.view.addAction(action)
    oid = _first_people(dengue_document)
    canvas.scene.select_objectives([oid])
    key(canvas.view, Qt.Key.Key_F2)
    _select_all_and_type(canvas, "ยกเลิก")
    key(canvas.view, Qt.Key.Key_Escape)
    assert open_editor(canvas.scene) is None
    key(canvas.view, Qt.Key.Key_F2)
    _select_all_and_type(canvas, "บันทึก")
    key(canvas.view, Qt.Key.Key_Return)
    assert fired == []
    assert dengue_document.route_map.objective(oid).text == "บันทึก"  # type: ignore[union-attr]


def test_tab_commits_an_edit_and_leaves_the_band_selection_alone(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    oid = _first_people(dengue_document)
    canvas.scene.select_objectives([oid])
    key(canvas.view, Qt.Key.Key_F2)
    _select_all_and_type(canvas, "เด็กนักเรียนเป็นแกนนำกำจัดลูกน้ำ")
    key(canvas.view, Qt.Key.Key_Tab)
    assert open_editor(canvas.scene) is None
    assert dengue_document.route_map.objective(oid).text == "เด็กนักเรียนเป็นแกนนำกำจัดลูกน้ำ"  # type: ignore[union-attr]
    assert canvas.scene.selected_band is None


def test_switching_windows_keeps_the_edit_open(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    oid = _first_people(dengue_document)
    canvas.scene.select_objectives([oid])
    key(canvas.view, Qt.Key.Key_F2)
    editor = _editor(canvas)
    _select_all_and_type(canvas, "ระหว่างพิมพ์")
    canvas.scene.setFocusItem(None, Qt.FocusReason.ActiveWindowFocusReason)  # another window took focus
    assert not editor.finished
    assert dengue_document.undo_stack.count() == 0
    editor.setFocus(Qt.FocusReason.ActiveWindowFocusReason)  # and gave it back
    type_text(canvas.view, "ต่อ")
    key(canvas.view, Qt.Key.Key_Return)
    assert dengue_document.route_map.objective(oid).text == "ระหว่างพิมพ์ต่อ"  # type: ignore[union-attr]
