"""The table's place in the window: column widths dragged into the map (its print widths), the
row's right-click menu, View → Map Only / Table Only, and a splitter that lets the table grow."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot
from window_fixtures import Fixture, ids_with_codes, make_window

from srmtool.model import load_map
from srmtool.model.templates import builtin_templates
from srmtool.ui.table.panel import TableFeature
from srmtool.ui.table.row_menu import TableMenus
from srmtool.ui.table.widths import PIXELS_PER_CHAR


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    with qtbot.waitActive(fixture.window):
        fixture.window.show()
        fixture.window.activateWindow()
    return fixture


def table(fx: Fixture) -> TableFeature:
    return fx.window.table


def drag_column(fx: Fixture, qtbot: QtBot, column: int, pixels: int) -> None:
    """What a drag of a column's edge does: the section resized, then the mouse released."""
    header = table(fx).view.horizontalHeader()
    header.resizeSection(column, pixels)
    QTest.mouseRelease(
        header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5)
    )
    qtbot.wait(10)


# -- column widths ----------------------------------------------------------------------------------


def test_a_dragged_width_goes_into_the_map_in_one_step_and_is_saved(fx: Fixture, qtbot: QtBot) -> None:
    document, model, view = fx.window.document, table(fx).model, table(fx).view
    indicator = model.column_of("indicator")
    assert document.route_map.column("indicator").width == 22  # type: ignore[union-attr]
    table(fx).select_rows([3])
    drag_column(fx, qtbot, indicator, 300)
    assert document.route_map.column("indicator").width == round(300 / PIXELS_PER_CHAR) == 40  # type: ignore[union-attr]
    assert view.columnWidth(indicator) == round(40 * PIXELS_PER_CHAR)  # settled on whole characters
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Resize column “ตัวชี้วัด”"
    assert table(fx).selected_rows() == [3] and model.rowCount() == 12  # no reset: the selection stays
    assert table(fx).columns_dialog()._columns[indicator].width == 40  # the Columns dialog shows it
    fx.window.files.save()
    saved = load_map(document.path)  # type: ignore[arg-type]
    assert saved.column("indicator").width == 40  # type: ignore[union-attr]
    document.undo_stack.undo()
    assert view.columnWidth(indicator) == round(22 * PIXELS_PER_CHAR)
    assert document.route_map.column("indicator").width == 22  # type: ignore[union-attr]


def test_a_release_without_a_drag_changes_nothing(fx: Fixture, qtbot: QtBot) -> None:
    header = table(fx).view.horizontalHeader()
    QTest.mouseRelease(
        header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5)
    )
    qtbot.wait(10)
    assert fx.window.document.undo_stack.count() == 0


def test_renaming_a_column_keeps_the_rows_and_selection(fx: Fixture) -> None:
    from srmtool.model.operations import SetColumn

    table(fx).select_rows([5])
    resets: list[int] = []
    table(fx).model.modelReset.connect(lambda: resets.append(1))
    fx.window.document.edit(SetColumn("target", label="ค่าเป้าหมาย ปี 2568"), "เปลี่ยนหัวตาราง")
    assert resets == [] and table(fx).selected_rows() == [5]
    assert table(fx).model.headerData(2, Qt.Orientation.Horizontal) == "ค่าเป้าหมาย ปี 2568"


# -- the row's right-click menu ---------------------------------------------------------------------


@pytest.fixture
def shown_menus(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Menus that would open: their entries' action names (the menu returns at once)."""
    shown: list[list[str]] = []

    def open_menu(menus: TableMenus, menu: QMenu, at: QPoint) -> None:
        shown.append([a.objectName() for a in menu.actions() if not a.isSeparator()])

    monkeypatch.setattr(TableMenus, "open_menu", open_menu)
    return shown


def test_right_click_on_a_cell_selects_it_and_offers_what_applies(
    fx: Fixture, shown_menus: list[list[str]]
) -> None:
    view, model = table(fx).view, table(fx).model
    index = model.index(6, model.column_of("budget"))
    view.scrollTo(index)
    view.customContextMenuRequested.emit(view.visualRect(index).center())
    assert shown_menus == [
        [
            "edit_cell", "cut_cells", "copy_cells", "paste_cells", "clear_cells", "add_row_above",
            "add_row_below", "remove_row", "row_up", "row_down", "show_on_map",
        ]
    ]  # fmt: skip
    assert table(fx).cells.selected_cells() == [(model.row_id(6), "budget")]
    assert view.currentIndex() == index


def test_right_click_inside_a_selection_keeps_it(fx: Fixture, shown_menus: list[list[str]]) -> None:
    view = table(fx).view
    table(fx).select_rows([2, 3])
    header = view.verticalHeader()
    header.customContextMenuRequested.emit(QPoint(5, header.sectionViewportPosition(3) + 3))
    assert table(fx).selected_rows() == [2, 3] and len(shown_menus) == 1
    assert fx.window.named_actions["remove_row"].text() == "&Remove 2 Rows"


def test_add_row_above_and_below_belong_to_the_rows_objective(fx: Fixture) -> None:
    model, view = table(fx).model, table(fx).view
    (ภ1,) = ids_with_codes(fx, "ภ1")
    view.setCurrentIndex(model.index(3, model.column_of("activity")))
    fx.window.named_actions["add_row_below"].trigger()
    assert model.rowCount() == 13 and model.row_objective(4) == ภ1
    assert view.currentIndex() == model.index(4, model.column_of("activity"))
    fx.window.named_actions["add_row_above"].trigger()
    assert model.rowCount() == 14 and model.row_objective(4) == ภ1
    assert [r.objective for r in fx.window.document.route_map.table.rows[2:6]] == [ภ1] * 4
    assert table(fx).view._spans[1] == (2, 4)
    fx.window.document.undo_stack.undo()
    fx.window.document.undo_stack.undo()
    assert model.rowCount() == 12


def test_select_the_objective_on_the_map_from_a_row_shows_the_map(fx: Fixture) -> None:
    model, view = table(fx).model, table(fx).view
    table(fx).modes.set_mode("table")
    assert not fx.window.view.isVisible()
    view.setCurrentIndex(model.index(8, model.column_of("indicator")))
    fx.window.named_actions["show_on_map"].trigger()
    assert fx.window.view.isVisible() and table(fx).modes.mode == "both"
    assert fx.window.scene.selected_objective_ids() == [model.row_objective(8)]
    assert fx.window.view.hasFocus()


# -- View → Map Only / Table Only ---------------------------------------------------------------------


def visible_docks(fx: Fixture) -> set[str]:
    return {name for name, dock in fx.window.docks.items() if dock.isVisible()}


def test_table_only_shows_the_table_alone_and_the_same_toggle_gives_the_layout_back(
    fx: Fixture, qtbot: QtBot
) -> None:
    window = fx.window
    window.docks["stakeholders"].raise_()
    before = visible_docks(fx)
    assert {"table", "properties", "findings"} <= before and window.view.isVisible()
    action = window.named_actions["table_only"]
    assert action.shortcut().toString() == "Ctrl+Shift+T"
    action.trigger()
    assert action.isChecked() and visible_docks(fx) == {"table"} and not window.view.isVisible()
    qtbot.waitUntil(lambda: window.docks["table"].height() > window.height() * 0.7)
    assert table(fx).view.hasFocus()
    action.trigger()
    assert not action.isChecked() and visible_docks(fx) == before and window.view.isVisible()


def test_map_only_and_table_only_go_straight_over_to_each_other(fx: Fixture) -> None:
    window = fx.window
    before = visible_docks(fx)
    window.named_actions["map_only"].trigger()
    assert visible_docks(fx) == set() and window.view.isVisible()
    window.named_actions["table_only"].trigger()
    assert visible_docks(fx) == {"table"} and not window.view.isVisible()
    assert not window.named_actions["map_only"].isChecked()
    window.named_actions["table_only"].trigger()
    assert visible_docks(fx) == before and window.view.isVisible()


def test_closing_the_lone_table_or_presenting_gives_the_layout_back(fx: Fixture) -> None:
    window = fx.window
    before = visible_docks(fx)
    window.named_actions["table_only"].trigger()
    window.docks["table"].close()
    assert table(fx).modes.mode == "both" and window.view.isVisible() and visible_docks(fx) == before
    window.named_actions["table_only"].trigger()
    window.named_actions["presentation"].trigger()
    assert window.presentation.active and window.view.isVisible()
    window.presentation.leave()
    assert visible_docks(fx) == before and not window.named_actions["table_only"].isChecked()


def test_the_next_window_opens_with_the_layout_from_before_the_toggle(
    fx: Fixture, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = visible_docks(fx)
    fx.window.named_actions["table_only"].trigger()
    fx.window.close()
    again = make_window(qtbot, tmp_path, monkeypatch)  # the same settings file
    with qtbot.waitActive(again.window):
        again.window.show()
    assert visible_docks(again) == before and again.window.view.isVisible()
    assert again.window.table.modes.mode == "both"


def test_the_table_can_take_most_of_the_window(fx: Fixture, qtbot: QtBot) -> None:
    """The side panels scroll instead of holding the split: the table can get most of 1366×768."""
    window = fx.window
    window.resize(1366, 740)
    qtbot.wait(20)
    dock = window.docks["table"]
    window.resizeDocks([dock], [window.height()], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: dock.height() > 0.55 * window.height())
    view = table(fx).view
    view.measure_all()
    shown_rows = sum(
        1
        for r in range(table(fx).model.rowCount())
        if 0 <= view.rowViewportPosition(r) < view.viewport().height()
    )
    assert shown_rows >= 3


# -- an action plan: measures as heading rows, column groups ---------------------------------------


def test_an_action_plan_table_shows_numbered_measures_and_its_column_group(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from srmtool.model.operations import SetObjectiveText

    fixture = make_window(qtbot, tmp_path, monkeypatch)
    monkeypatch.setattr(
        fixture.window.table,
        "ask_template",
        lambda: next(t for t in builtin_templates() if t.id == "action_plan"),
    )
    assert fixture.window.table.new_from_template()
    document = fixture.window.document
    first = document.add_objective("process", "พัฒนาศักยภาพภาคีเครือข่าย")
    second = document.add_objective("process", "สื่อสารความเสี่ยงโรคไม่ติดต่อ")
    table = fixture.window.table
    for objective in (first, second):
        fixture.window.selection.select([objective])
        table.add_row()
    model = table.model
    assert model.data(model.index(0, 0)) == "มาตรการที่ 1 พัฒนาศักยภาพภาคีเครือข่าย"
    assert model.data(model.index(1, 0)) == "มาตรการที่ 2 สื่อสารความเสี่ยงโรคไม่ติดต่อ"
    assert (
        model.headerData(model.column_of("budget_detail"), Qt.Orientation.Horizontal) == "งบประมาณ\nรายละเอียด"
    )
    assert model.headerData(model.column_of("budget"), Qt.Orientation.Horizontal) == "งบประมาณ\nจำนวน (บาท)"
    assert model.headerData(model.column_of("activity"), Qt.Orientation.Horizontal) == "แนวทาง/กิจกรรมหลัก"
    table.model.move_rows([model.row_id(1)], 0)  # the second measure first: both renumbered
    assert model.data(model.index(0, 0)) == "มาตรการที่ 1 สื่อสารความเสี่ยงโรคไม่ติดต่อ"
    document.edit(SetObjectiveText(first, "ส่งเสริมการจัดการตนเอง"), "แก้ข้อความ")
    assert model.data(model.index(1, 0)) == "มาตรการที่ 2 ส่งเสริมการจัดการตนเอง"


# -- zoom, and which drags move rows ---------------------------------------------------------------


def wheel(widget: QWidget, steps: int, modifiers: Qt.KeyboardModifier) -> None:
    at = QPointF(widget.rect().center())
    event = QWheelEvent(
        at, widget.mapToGlobal(at), QPoint(), QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
        modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_ctrl_wheel_zooms_text_and_columns_together_and_the_zoom_is_kept(
    fx: Fixture, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view, model = table(fx).view, table(fx).model
    widths = [view.columnWidth(c) for c in range(model.columnCount())]
    step = view.texts.line_step
    wheel(view.viewport(), -2, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == round(1 / 1.1**2, 2)
    assert view.texts.line_step == pytest.approx(step * view.zoom, rel=0.12)
    assert [view.columnWidth(c) for c in range(model.columnCount())] == [round(w * view.zoom) for w in widths]
    assert sum(view.columnWidth(c) for c in range(model.columnCount())) < 1300  # 11 columns at 1366
    assert fx.window.document.undo_stack.count() == 0  # the print widths are the map's, unchanged
    drag_column(fx, qtbot, model.column_of("target"), round(20 * PIXELS_PER_CHAR * view.zoom))
    assert fx.window.document.route_map.column("target").width == 20  # type: ignore[union-attr]
    fx.window.close()
    again = make_window(qtbot, tmp_path, monkeypatch)
    assert again.window.table.view.zoom == view.zoom


def test_only_rows_picked_by_their_numbers_can_be_dragged(fx: Fixture) -> None:
    view, model = table(fx).view, table(fx).model
    view.setCurrentIndex(model.index(2, 3))
    assert not view.dragEnabled()  # a drag from selected cells selects more cells
    table(fx).select_rows([2, 3])
    assert view.dragEnabled()
