"""Ctrl+V on the map with a level selected and plain text on the clipboard: one objective per
non-empty line, as one undo step; and Ctrl+V never does nothing silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from window_fixtures import Fixture, make_window

from srmtool.model import dumps_map
from srmtool.model.edits.lines import MAX_PASTED_LINES
from srmtool.ui.canvas.inline_edit import open_editor
from srmtool.ui.window import MainWindow

LONG_UNBROKEN = (
    "ผู้นำชุมชนอาสาสมัครสาธารณสุขประจำหมู่บ้านครูและพระสงฆ์ร่วมกันรณรงค์ให้ทุกครัวเรือนคัดแยกขยะ"
    "และทำลายแหล่งเพาะพันธุ์ยุงลายทุกวันศุกร์อย่างต่อเนื่องตลอดปีงบประมาณจนไม่มีผู้ป่วยรายใหม่ในตำบล"
)
NOTES = f"  ประชาชนกำจัดลูกน้ำยุงลายทุกสัปดาห์  \n\n\t\n{LONG_UNBROKEN}\r\n- โรงเรียนจัดวันศุกร์ปลอดลูกน้ำ\n"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    fixture.window.show()
    qtbot.waitExposed(fixture.window)
    fixture.window.view.zoom_reset()
    return fixture


def _click_empty_band(window: MainWindow, band: str) -> None:
    rect = window.document.layout().bands[band]
    spot = QPointF(rect.right - 12, rect.y + 8)
    window.view.centerOn(spot)
    assert window.scene.box_at(spot) is None
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     window.view.mapFromScene(spot))  # fmt: skip
    assert window.scene.selected_band == band


def _paste_key(window: MainWindow) -> None:
    QTest.keyClick(window.view, Qt.Key.Key_V, CTRL)


def test_pasting_lines_into_a_level_makes_one_objective_per_line_in_one_undo_step(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    before = dumps_map(document.route_map)
    count = len(document.route_map.objectives_in("stakeholder"))
    _click_empty_band(window, "stakeholder")
    QGuiApplication.clipboard().setText(NOTES)
    _paste_key(window)

    added = document.route_map.objectives_in("stakeholder")[count:]
    assert [o.text for o in added] == [
        "ประชาชนกำจัดลูกน้ำยุงลายทุกสัปดาห์",
        LONG_UNBROKEN,
        "โรงเรียนจัดวันศุกร์ปลอดลูกน้ำ",
    ]
    assert document.undo_stack.count() == 1
    assert window.named_actions["undo"].text() == "Undo Paste 3 objectives"
    assert set(window.selection.objectives) == {o.id for o in added}
    assert "3" in window.statusBar().currentMessage()
    boxes = document.layout().boxes
    assert all(document.layout().bands["stakeholder"].contains(*boxes[o.id].center) for o in added)
    document.undo_stack.undo()
    assert dumps_map(document.route_map) == before


def test_text_with_no_level_selected_is_not_pasted_and_the_status_bar_says_why(fx: Fixture) -> None:
    window = fx.window
    before = dumps_map(window.document.route_map)
    window.view.setFocus()
    window.scene.selected_band = None
    QGuiApplication.clipboard().setText(NOTES)
    _paste_key(window)
    assert dumps_map(window.document.route_map) == before
    assert "level" in window.statusBar().currentMessage()


def test_an_empty_clipboard_is_said_so(fx: Fixture) -> None:
    window = fx.window
    _click_empty_band(window, "people")
    QGuiApplication.clipboard().setText("  \n ")
    assert window.named_actions["paste"].isEnabled()
    _paste_key(window)
    assert window.document.undo_stack.count() == 0
    assert "Nothing to paste" in window.statusBar().currentMessage()


def test_too_many_lines_are_refused_with_a_message(fx: Fixture) -> None:
    window = fx.window
    _click_empty_band(window, "people")
    assert window.verbs.paste_lines("people", "ประชาชน\n" * (MAX_PASTED_LINES + 1)) == []
    assert window.document.undo_stack.count() == 0
    assert str(MAX_PASTED_LINES) in window.statusBar().currentMessage()


def test_ctrl_v_in_an_open_box_editor_pastes_text_into_it(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    count = len(document.route_map.objectives)
    _click_empty_band(window, "process")
    QTest.keyClick(window.view, Qt.Key.Key_F2)  # F2 with a level selected edits its name
    editor = open_editor(window.scene)
    assert editor is not None
    QGuiApplication.clipboard().setText("กระบวนการบริหาร")
    QTest.keyClick(window.view, Qt.Key.Key_A, CTRL)
    _paste_key(window)
    assert editor.text() == "กระบวนการบริหาร"
    assert len(document.route_map.objectives) == count
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert document.route_map.perspective_label("process") == "กระบวนการบริหาร"
