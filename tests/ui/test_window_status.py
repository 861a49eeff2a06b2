"""The window's status bar (band hint, zoom), Ctrl+Y, and what undoing a delete shows and says."""

from __future__ import annotations

from pathlib import Path

import pytest
from gestures_support import key, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from shortcut_support import all_shortcuts
from window_fixtures import LONG_THAI, Fixture, ids_with_codes, make_window

from srmtool.ui.canvas.inline_edit import open_editor

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    fixture.window.show()
    qtbot.waitExposed(fixture.window)
    fixture.window.activateWindow()
    fixture.window.view.setFocus()
    qtbot.waitUntil(lambda: fixture.window.scene.isActive())
    return fixture


def test_selecting_a_band_says_typing_adds_to_that_level(fx: Fixture) -> None:
    window = fx.window
    bar = window.statusBar()
    window.scene.selected_band = "foundation"
    assert window.document.route_map.perspective_label("foundation") == "พื้นฐาน"
    assert bar.currentMessage() == "Type to add an objective to พื้นฐาน"
    window.scene.selected_band = "stakeholder"
    assert bar.currentMessage() == "Type to add an objective to ภาคี"
    key(window.view, Qt.Key.Key_Escape)
    assert window.scene.selected_band is None and bar.currentMessage() == ""


def test_a_click_beside_the_map_selects_no_level_and_esc_clears_a_clicked_levels_hint(fx: Fixture) -> None:
    from PySide6.QtCore import QPointF

    window = fx.window
    bar = window.statusBar()
    window.view.fit()
    bounds = window.document.layout().bounds
    band = window.document.layout().bands["process"]
    beside = window.view.mapFromScene(QPointF(bounds.right + 25, band.y + band.h / 2))
    assert window.view.viewport().rect().contains(beside)
    QTest.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, beside
    )
    assert window.scene.selected_band is None and bar.currentMessage() == ""
    inside = window.view.mapFromScene(QPointF(band.right - 10, band.y + 6))
    QTest.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, inside
    )
    assert window.scene.selected_band == "process" and "กระบวนการ" in bar.currentMessage()
    key(window.view, Qt.Key.Key_Escape)
    assert window.scene.selected_band is None and bar.currentMessage() == ""


def test_dragging_a_box_into_another_level_says_so_until_the_drop(fx: Fixture) -> None:
    window = fx.window
    bar = window.statusBar()
    window.scene.areas.set_drop_targets(["people"])
    assert bar.currentMessage() == "Drop here to move to the level ประชาชน"
    window.scene.areas.set_drop_targets(())
    assert bar.currentMessage() == ""


def test_the_status_bar_shows_the_zoom(fx: Fixture) -> None:
    window = fx.window
    label = window.map_status.zoom_label
    window.named_actions["zoom_reset"].trigger()
    assert label.text() == "100 %"
    window.named_actions["zoom_in"].trigger()
    assert label.text() == "120 %"
    window.named_actions["fit"].trigger()
    assert label.text() == f"{round(window.view.zoom() * 100)} %" and window.view.zoom() < 1.0


def test_ctrl_y_redoes_where_the_platform_binds_only_ctrl_shift_z(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    standard = QKeySequence.keyBindings

    def linux_bindings(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        if key == QKeySequence.StandardKey.Redo:  # what GNOME and KDE bind
            return [QKeySequence("Ctrl+Shift+Z")]
        return standard(key)

    monkeypatch.setattr(QKeySequence, "keyBindings", linux_bindings)
    window = make_window(qtbot, tmp_path, monkeypatch).window
    redo = window.named_actions["redo"]
    assert [k.toString() for k in redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]  # the standard key first
    assert all_shortcuts(window)["Ctrl+Y"] == ["redo"]

    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.scene.isActive())
    document = window.document
    oid = document.add_objective("people", LONG_THAI)
    document.undo_stack.undo()
    assert document.route_map.objective(oid) is None
    QTest.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    assert document.route_map.objective(oid) is not None


def test_ctrl_y_in_an_open_editor_does_not_redo_a_map_edit(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    oid = document.add_objective("process", "ระบบรายงานโรคทันเวลา")
    document.undo_stack.undo()
    window.scene.selected_band = "people"
    type_text(window.view, "ประชาชน")
    QTest.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    assert document.route_map.objective(oid) is None
    editor = open_editor(window.scene)
    assert editor is not None and editor.text() == "ประชาชน"


def test_undoing_a_delete_selects_the_objectives_it_brings_back(fx: Fixture) -> None:
    window = fx.window
    victims = ids_with_codes(fx, "ก2", "พ3")
    window.scene.select_objectives(victims)
    window.named_actions["delete"].trigger()
    assert window.scene.selected_objective_ids() == []
    window.named_actions["undo"].trigger()
    assert sorted(window.scene.selected_objective_ids()) == sorted(victims)
    assert window.named_actions["delete"].isEnabled()  # ready to act on them again


def test_undo_names_what_a_delete_took(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    undo = window.named_actions["undo"]
    m = document.route_map
    (one,) = ids_with_codes(fx, "ก3")
    document.delete([one])
    assert undo.text() == "Undo Delete objective ก3"
    document.undo_stack.undo()

    two = ids_with_codes(fx, "ป2", "ป3")
    spare = next(lk for lk in m.links if not {lk.source, lk.target} & set(two))
    document.delete(two, [(spare.source, spare.target)])
    assert undo.text() == "Undo Delete 2 objectives and 1 link"
    document.undo_stack.undo()

    source, target = (m.objective(spare.source), m.objective(spare.target))
    document.delete([], [(spare.source, spare.target)])
    assert undo.text() == f"Undo Delete link {source.code} → {target.code}"  # type: ignore[union-attr]
