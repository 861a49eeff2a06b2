"""Presentation mode: F5 in, Esc or F5 out with every bar and panel back as it was; no edits while
presenting; click to highlight routes; the arrow keys walk the key route in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel
from pytestqt.qtbot import QtBot
from window_fixtures import LONG_THAI, Fixture, ids_with_codes, make_window

from srmtool.model.operations import SetObjectiveText
from srmtool.ui.presentation.tool import PresentTool

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    fixture.window.add_dock(
        "notes", lambda: "บันทึก", QLabel("บันทึกการประชุม"), Qt.DockWidgetArea.RightDockWidgetArea
    )
    fixture.window.show()
    qtbot.waitExposed(fixture.window)
    return fixture


def press(fx: Fixture, key: Qt.Key, text: str = "") -> None:
    """A key on the map view, as a real key press (no QTest.keyClicks: it crashes on Thai)."""
    view = fx.window.view
    view.setFocus()
    QApplication.sendEvent(
        view, QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    )


def shortcut(fx: Fixture, key: Qt.Key) -> None:
    QTest.keyClick(fx.window, key)


def click_box(fx: Fixture, oid: str) -> None:
    view = fx.window.view
    x, y = fx.window.scene.layout().boxes[oid].center
    QTest.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, view.mapFromScene(QPointF(x, y)))


def test_f5_enters_presentation_and_esc_restores_every_bar_and_panel(fx: Fixture, qtbot: QtBot) -> None:
    window = fx.window
    docks: dict[str, QDockWidget] = window.docks
    hidden_before = next(iter(docks))
    docks[hidden_before].hide()  # a panel the user had closed stays closed afterwards
    before = {name: dock.isVisible() for name, dock in docks.items()}
    assert any(before.values())

    shortcut(fx, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert fx.window.presentation.active and window.named_actions["presentation"].isChecked()
    assert not any(dock.isVisible() for dock in docks.values())
    assert not window.toolbar.isVisible() and not window.menuBar().isVisible()
    assert not window.statusBar().isVisible()
    assert isinstance(window.scene.tool, PresentTool) and window.scene.presenting
    assert all(box.presenting for box in window.scene.boxes())

    shortcut(fx, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not fx.window.presentation.active and not window.named_actions["presentation"].isChecked()
    assert {name: dock.isVisible() for name, dock in docks.items()} == before
    assert window.toolbar.isVisible() and window.menuBar().isVisible() and window.statusBar().isVisible()
    assert window.scene.tool is window.select_tool and not window.scene.presenting


def test_f5_again_leaves_and_esc_outside_presentation_leaves_nothing(fx: Fixture, qtbot: QtBot) -> None:
    window = fx.window
    shortcut(fx, Qt.Key.Key_Escape)  # not presenting: Esc is not taken by presentation mode
    assert not window.isFullScreen()
    shortcut(fx, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.isFullScreen())
    shortcut(fx, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not fx.window.presentation.active and window.menuBar().isVisible()


def test_presenting_edits_nothing_but_highlights_routes_on_click(fx: Fixture, qtbot: QtBot) -> None:
    window = fx.window
    fx.window.presentation.enter()
    qtbot.waitUntil(lambda: window.isFullScreen())
    (o9,) = ids_with_codes(fx, "ก1")
    view = window.view
    start = window.scene.box(o9).pos()  # type: ignore[union-attr]
    x, y = window.scene.layout().boxes[o9].center
    a = view.mapFromScene(QPointF(x, y))
    QTest.mousePress(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 6):
        QTest.mouseMove(view.viewport(), a + QPoint(20 * i, 10 * i))
    QTest.mouseRelease(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, a + QPoint(100, 50))
    assert window.scene.box(o9).pos() == start  # type: ignore[union-attr]
    assert window.scene.highlighted == o9
    k1 = window.document.route_map.objective(o9)
    assert k1 is not None and k1.text in fx.window.presentation.caption.text()  # the whole text, large
    dimmed = [b.objective_id for b in window.scene.boxes() if b.dimmed]
    assert dimmed and o9 not in dimmed

    for key, text in ((Qt.Key.Key_Delete, ""), (Qt.Key.Key_F2, ""), (Qt.Key.Key_A, "ก")):
        press(fx, key, text)
    QTest.mouseDClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, a)
    assert window.document.undo_stack.count() == 0 and not window.scene.editing

    QTest.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, view.mapFromScene(QPointF(5, 5)))
    assert window.scene.highlighted is None


def test_arrow_keys_walk_the_key_route_from_foundation_to_people(fx: Fixture, qtbot: QtBot) -> None:
    p = fx.window.presentation
    p.enter()
    expected = ids_with_codes(fx, "พ1", "ก2", "ก1", "ภ1", "ภ2", "ป1")
    assert p.key_route() == expected
    seen = []
    for _ in expected:
        press(fx, Qt.Key.Key_Right)
        seen.append(p.current)
        assert fx.window.scene.selected_objective_ids() == [p.current]
    assert seen == expected
    press(fx, Qt.Key.Key_Right)  # the end stays the end
    assert p.current == expected[-1]
    press(fx, Qt.Key.Key_Left)
    press(fx, Qt.Key.Key_Up)
    assert p.current == expected[-3]
    press(fx, Qt.Key.Key_Home)
    assert p.current == expected[0]
    press(fx, Qt.Key.Key_End)
    assert p.current == expected[-1]
    people = fx.window.document.route_map.objective(expected[-1])
    assert people is not None and people.text in p.caption.text() and p.caption.isVisible()


def test_without_a_key_route_the_arrows_say_so(fx: Fixture, qtbot: QtBot) -> None:
    document = fx.window.document
    document.set_key_route([o.id for o in document.route_map.objectives], False)
    document.edit(SetObjectiveText(document.route_map.objectives[0].id, LONG_THAI), "แก้ข้อความ")
    p = fx.window.presentation
    p.enter()
    press(fx, Qt.Key.Key_Right)
    assert p.current is None and p.caption.isVisible() and "key route" in p.caption.text()
    assert fx.window.scene.selected_objective_ids() == []


def test_v_turns_voting_on_and_off_while_the_menus_are_hidden(fx: Fixture, qtbot: QtBot) -> None:
    window = fx.window
    p = fx.window.presentation
    p.enter()
    (p2,) = ids_with_codes(fx, "ป2")
    press(fx, Qt.Key.Key_V, "v")
    assert window.named_actions["voting"].isChecked() and "voting" in p.caption.text()
    click_box(fx, p2)
    click_box(fx, p2)
    assert window.scene.box(p2).votes == 2  # type: ignore[union-attr]
    window.named_actions["undo"].trigger()  # Ctrl+Z stays live with the menus hidden
    assert window.scene.box(p2).votes == 1  # type: ignore[union-attr]
    press(fx, Qt.Key.Key_V, "v")
    assert not window.named_actions["voting"].isChecked()
    click_box(fx, p2)
    assert window.scene.box(p2).votes == 1 and window.scene.highlighted == p2  # type: ignore[union-attr]
