"""Add Link as a mode in the main window, with real mouse and key events: click the cause, then the
effect; the status bar says what to do; Esc ends; a drag works too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from window_fixtures import Fixture, ids_with_codes, make_window

from srmtool.model import dumps_map
from srmtool.ui.canvas.link_mode import LinkModeTool
from srmtool.ui.canvas.tools import RubberArrow
from srmtool.ui.window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    fixture.window.show()
    qtbot.waitExposed(fixture.window)
    fixture.window.view.zoom_reset()
    return fixture


def _point(window: MainWindow, oid: str) -> QPoint:
    rect = window.document.layout().boxes[oid]
    window.view.centerOn(QPointF(*rect.center))
    return window.view.mapFromScene(QPointF(*rect.center))


def _click(window: MainWindow, oid: str) -> None:
    QTest.mouseClick(window.view.viewport(), LEFT, NONE, _point(window, oid))


def _unlinked(fx: Fixture) -> tuple[str, str]:
    cause, effect = ids_with_codes(fx, "พ1", "ก4")
    assert not fx.window.document.route_map.has_link(cause, effect)
    return cause, effect


def test_click_the_cause_then_the_effect_and_esc_ends(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    cause, effect = _unlinked(fx)
    window.selection.clear()
    window.named_actions["add_link"].trigger()
    assert isinstance(window.scene.tool, LinkModeTool)
    assert "cause" in window.statusBar().currentMessage()
    assert window.view.viewport().cursor().shape() == Qt.CursorShape.CrossCursor

    _click(window, cause)
    assert "effect" in window.statusBar().currentMessage()
    assert [it for it in window.scene.items() if isinstance(it, RubberArrow)]  # follows the mouse
    QTest.mouseMove(window.view.viewport(), _point(window, effect))
    _click(window, effect)
    assert document.route_map.has_link(cause, effect)
    assert document.undo_stack.count() == 1
    assert window.document.layout().boxes[cause] == window.scene.box(cause).rect  # type: ignore[union-attr]
    assert "cause" in window.statusBar().currentMessage()  # on for the next link
    assert isinstance(window.scene.tool, LinkModeTool)

    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.scene.tool is window.select_tool
    assert window.statusBar().currentMessage() == ""
    assert window.view.viewport().cursor().shape() != Qt.CursorShape.CrossCursor
    assert not [it for it in window.scene.items() if isinstance(it, RubberArrow)]


def test_one_selected_objective_is_the_cause_already_and_nothing_moves(fx: Fixture) -> None:
    window = fx.window
    cause, effect = _unlinked(fx)
    window.selection.select([cause])
    before = {oid: rect for oid, rect in window.document.layout().boxes.items()}
    window.verbs.add_link()
    assert "พ1" in window.statusBar().currentMessage()
    start = _point(window, effect)
    QTest.mousePress(window.view.viewport(), LEFT, NONE, start)  # a press and a small drag on the effect
    QTest.mouseMove(window.view.viewport(), start + QPoint(12, 4))
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, start + QPoint(12, 4))
    assert window.document.route_map.has_link(cause, effect)
    assert window.document.layout().boxes == before  # no box moved


def test_a_drag_from_box_to_box_links_and_a_click_on_empty_map_drops_the_cause(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    cause, effect = _unlinked(fx)
    window.selection.clear()
    window.verbs.add_link()
    _click(window, cause)
    bounds = document.layout().bounds
    empty = window.view.mapFromScene(QPointF(bounds.right - 15, document.layout().bands["process"].y + 5))
    assert window.scene.box_at(window.view.mapToScene(empty)) is None
    before = dumps_map(document.route_map)
    QTest.mouseClick(window.view.viewport(), LEFT, NONE, empty)
    assert dumps_map(document.route_map) == before
    assert "cause" in window.statusBar().currentMessage()
    start, end = _point(window, cause), None
    end = window.view.mapFromScene(QPointF(*document.layout().boxes[effect].center))
    QTest.mousePress(window.view.viewport(), LEFT, NONE, start)
    for i in range(1, 6):
        QTest.mouseMove(window.view.viewport(), start + (end - start) * (i / 5))
    QTest.mouseRelease(window.view.viewport(), LEFT, NONE, end)
    assert document.route_map.has_link(cause, effect)
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.RightButton, NONE, empty)  # a right click ends
    assert window.scene.tool is window.select_tool


def test_two_selected_objectives_are_linked_at_once_without_the_mode(fx: Fixture) -> None:
    window = fx.window
    cause, effect = _unlinked(fx)
    window.selection.select([effect, cause])
    assert window.verbs.add_link()
    assert window.document.route_map.has_link(cause, effect)
    assert window.scene.tool is window.select_tool
