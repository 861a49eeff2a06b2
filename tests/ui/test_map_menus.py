"""The map's context menus (a box, an arrow, a level, the banner, beside the map), opened with a
context-menu event on the view, and their actions triggered; and none while presenting."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from window_fixtures import Fixture, ids_with_codes, make_window

from srmtool.model import dumps_map
from srmtool.ui.canvas.inline_edit import open_editor
from srmtool.ui.canvas.link_mode import LinkModeTool
from srmtool.ui.map_details import MapDetailsDialog
from srmtool.ui.window import MainWindow


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    fixture.window.show()
    qtbot.waitExposed(fixture.window)
    qtbot.waitUntil(lambda: fixture.window.view.fitted)
    fixture.window.view.zoom_reset()
    return fixture


def _right_click(window: MainWindow, scene_point: tuple[float, float]) -> QMenu:
    """A context-menu event at a scene point, as a right click sends it; the menu it opened."""
    spot = QPointF(*scene_point)
    window.view.centerOn(spot)
    where = window.view.mapFromScene(spot)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, window.view.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(window.view.viewport(), event)
    menu = window.map_menus.last_menu
    assert menu is not None and menu.isVisible()
    menu.close()
    return menu


def _names(menu: QMenu) -> list[str]:
    return [a.objectName() for a in menu.actions() if not a.isSeparator()]


def _action(menu: QMenu, name: str) -> QAction:
    found = next((a for a in menu.actions() if a.objectName() == name), None)
    assert found is not None, f"{name} not in {_names(menu)}"
    return found


def test_a_box_menu_selects_the_box_and_offers_what_applies_to_it(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    oid = next(o.id for o in document.route_map.objectives if not o.key_route and o.perspective == "process")
    objective = document.route_map.objective(oid)
    assert objective is not None and not objective.key_route
    before = dumps_map(document.route_map)
    menu = _right_click(window, document.layout().boxes[oid].center)
    assert window.selection.objectives == (oid,)
    assert _names(menu) == [
        "edit_text", "link_from_here", "key_route_toggle", "add_row", "details", "cut", "copy", "delete",
    ]  # fmt: skip
    _action(menu, "key_route_toggle").trigger()
    assert objective.key_route and document.undo_stack.count() == 1
    menu = _right_click(window, document.layout().boxes[oid].center)
    assert "Take off" in _action(menu, "key_route_toggle").text()
    rows = len(document.route_map.rows_of(oid))
    _action(menu, "add_row").trigger()
    assert len(document.route_map.rows_of(oid)) == rows + 1
    _action(menu, "details").trigger()
    assert window.docks["properties"].isVisible()
    _action(menu, "edit_text").trigger()
    editor = open_editor(window.scene)
    assert editor is not None and editor.text() == objective.text
    editor.cancel()
    _action(menu, "link_from_here").trigger()
    assert isinstance(window.scene.tool, LinkModeTool)
    window.scene.set_tool(window.select_tool)
    _action(menu, "delete").trigger()
    assert document.route_map.objective(oid) is None
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert dumps_map(document.route_map) == before


def test_an_arrow_menu_deletes_the_arrow_or_selects_its_ends(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    link = document.route_map.links[0]
    arrow = window.scene.arrow(link.source, link.target)
    assert arrow is not None
    line = arrow.line
    middle = ((line.p1().x() + line.p2().x()) / 2, (line.p1().y() + line.p2().y()) / 2)
    menu = _right_click(window, middle)
    assert _names(menu) == ["delete_arrow", "select_ends"]
    assert window.selection.links == ((link.source, link.target),)
    _action(menu, "select_ends").trigger()
    assert set(window.selection.objectives) == {link.source, link.target}
    _action(menu, "delete_arrow").trigger()
    assert not document.route_map.has_link(link.source, link.target)
    assert document.route_map.objective(link.source) is not None
    assert document.undo_stack.count() == 1


def test_a_level_menu_adds_here_pastes_lines_renames_and_selects(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    band = document.layout().bands["process"]
    spot = (band.right - 130.0, band.y + band.h - 60.0)
    assert window.scene.box_at(QPointF(*spot)) is None
    QGuiApplication.clipboard().setText("ตั้งทีมเฝ้าระวังเคลื่อนที่เร็ว\n\nประชุมติดตามทุกเดือน\n")
    menu = _right_click(window, spot)
    assert window.scene.selected_band == "process"
    assert _names(menu) == ["add_objective_here", "paste_lines", "rename_level", "select_level"]
    count = len(document.route_map.objectives_in("process"))
    _action(menu, "paste_lines").trigger()
    pasted = [o.text for o in document.route_map.objectives_in("process")[count:]]
    assert pasted == ["ตั้งทีมเฝ้าระวังเคลื่อนที่เร็ว", "ประชุมติดตามทุกเดือน"]
    assert document.undo_stack.count() == 1
    _action(menu, "select_level").trigger()
    assert set(window.selection.objectives) == {o.id for o in document.route_map.objectives_in("process")}
    _action(menu, "add_objective_here").trigger()
    editor = window.select_tool.capture.editor
    assert editor is not None and editor.text() == ""
    editor.cancel()
    _action(menu, "rename_level").trigger()
    editor = open_editor(window.scene)
    assert editor is not None and editor.text() == "กระบวนการ"
    editor.cancel()


def test_the_banner_menu_edits_the_destination_and_opens_map_details(fx: Fixture, qtbot: QtBot) -> None:
    window = fx.window
    banner = window.document.layout().banner
    menu = _right_click(window, (banner.x + banner.w / 2, banner.y + banner.h / 2))
    assert _names(menu) == ["edit_destination", "map_details"]
    assert window.scene.areas.banner_selected
    _action(menu, "edit_destination").trigger()
    editor = open_editor(window.scene)
    assert editor is not None and editor.text() == window.document.route_map.destination
    editor.cancel()
    _action(menu, "map_details").trigger()
    dialog = window.findChild(MapDetailsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_beside_the_map_and_while_presenting(fx: Fixture) -> None:
    window = fx.window
    bounds = window.document.layout().bounds
    menu = _right_click(window, (bounds.right + 30.0, bounds.y + 300.0))
    assert _names(menu) == ["map_details", "tidy", "fit"]
    window.presentation.enter()
    at = window.document.layout().boxes[window.document.route_map.objectives[0].id].center
    assert window.map_menus.menu_at(QPointF(*at)) is None  # a right click is a vote taken back there
    window.presentation.leave()
    window.scene.set_tool(None)
    assert window.map_menus.menu_at(QPointF(*at)) is None


def test_the_menu_key_opens_the_menu_of_the_selected_box(fx: Fixture) -> None:
    window = fx.window
    (oid,) = ids_with_codes(fx, "ป1")
    window.selection.select([oid])
    window.view.centerOn(QPointF(*window.document.layout().boxes[oid].center))
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(5, 5), window.view.mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(window.view.viewport(), event)
    menu = window.map_menus.last_menu
    assert menu is not None and "edit_text" in _names(menu)
    menu.close()
    assert window.selection.objectives == (oid,)
