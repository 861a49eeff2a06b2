"""The table as a spreadsheet in the main window: cells selected and moved between by keys, typing
replaces a cell, tab-separated blocks pasted in one undo step (adding rows under the objective),
Ctrl+C as Excel reads it, Delete clears cells, and the table's keys never reach the map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot
from window_fixtures import LONG_THAI, Fixture, ids_with_codes, make_window

from srmtool.model import dumps_map
from srmtool.model.operations import SetCell
from srmtool.model.types import OBJECTIVE_COLUMN
from srmtool.ui.table.cells import CellEditor
from srmtool.ui.table.model import RowTableModel
from srmtool.ui.table.panel import TableFeature


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    """The dengue example (ป1 rows 0–1, ภ1 rows 2–3, …) in a shown, active window."""
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    with qtbot.waitActive(fixture.window):
        fixture.window.show()
        fixture.window.activateWindow()
    return fixture


def table(fx: Fixture) -> TableFeature:
    return fx.window.table


def cell(model: RowTableModel, row: int, key: str) -> str:
    return str(model.data(model.index(row, model.column_of(key)), Qt.ItemDataRole.EditRole))


def click_cell(fx: Fixture, row: int, key: str) -> None:
    view, model = table(fx).view, table(fx).model
    index = model.index(row, model.column_of(key))
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )


def open_editor(fx: Fixture) -> CellEditor | None:
    """The cell editor that is open now (closed ones linger until deleted)."""
    found = [e for e in table(fx).view.findChildren(CellEditor) if e.isVisible()]
    return found[0] if found else None


def current(fx: Fixture) -> tuple[int, str]:
    index = table(fx).view.currentIndex()
    return index.row(), table(fx).model.column_key(index.column())


def test_clicking_a_cell_selects_that_cell_and_its_objective_on_the_map(fx: Fixture) -> None:
    click_cell(fx, 3, "target")
    assert table(fx).cells.selected_cells() == [(table(fx).model.row_id(3), "target")]
    assert fx.window.scene.selected_objective_ids() == ids_with_codes(fx, "ภ1")
    assert fx.window.selection.rows == (table(fx).model.row_id(3),)


def test_the_row_number_selects_the_whole_row_and_the_objective_on_the_map(fx: Fixture) -> None:
    view = table(fx).view
    header = view.verticalHeader()
    y = header.sectionViewportPosition(4) + header.sectionSize(4) // 2
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, y)
    )
    assert len(table(fx).cells.selected_cells()) == table(fx).model.columnCount()
    assert table(fx).selected_rows() == [4]
    assert fx.window.scene.selected_objective_ids() == [table(fx).model.row_objective(4)]


def test_arrows_tab_and_enter_move_between_cells(fx: Fixture) -> None:
    view = table(fx).view
    click_cell(fx, 0, "indicator")
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert current(fx) == (0, "target")
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert current(fx) == (0, "technical_measure")
    QTest.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert current(fx) == (0, "target")
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert current(fx) == (1, "target")
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert current(fx) == (2, "target")
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert current(fx) == (1, "target")
    assert table(fx).cells.selected_cells() == [
        (table(fx).model.row_id(1), "target")
    ]  # one cell, not a trail
    assert fx.window.document.undo_stack.count() == 0


def test_typing_replaces_the_cell_and_enter_or_tab_keep_it_and_move_on(fx: Fixture) -> None:
    view, model = table(fx).view, table(fx).model
    click_cell(fx, 2, "target")
    QTest.keyClicks(view, "1")  # opens the cell with the key typed; the next keys go to the editor
    editor = open_editor(fx)
    assert editor is not None
    QTest.keyClicks(editor, "5")
    assert editor.toPlainText() == "15"  # the old text is gone, not appended
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert cell(model, 2, "target") == "15"
    assert current(fx) == (2, "technical_measure") and view.state() != QAbstractItemView.State.EditingState
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = open_editor(fx)
    assert editor is not None
    editor.setPlainText(LONG_THAI)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert cell(model, 2, "technical_measure") == LONG_THAI
    assert current(fx) == (3, "technical_measure")
    assert fx.window.document.undo_stack.count() == 2


def test_pasting_a_block_fills_cells_adds_rows_under_the_objective_in_one_undo_step(fx: Fixture) -> None:
    document, model = fx.window.document, table(fx).model
    before = dumps_map(document.route_map)
    (p1,) = ids_with_codes(fx, "ป1")
    click_cell(fx, 1, "activity")  # ป1's second row; ภ1's rows follow
    block = f'กิจกรรมที่หนึ่ง\tอสม.\r\n"บรรทัดแรก\r\n{LONG_THAI}"\tรพ.สต.\r\nประชุมทุกเดือน\tอบต.\r\n'
    QGuiApplication.clipboard().setText(block)
    QTest.keyClick(table(fx).view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == 14
    assert [model.row_objective(r) for r in range(4)] == [p1, p1, p1, p1]
    assert [cell(model, r, "activity") for r in (1, 2, 3)] == [
        "กิจกรรมที่หนึ่ง",
        f"บรรทัดแรก\n{LONG_THAI}",
        "ประชุมทุกเดือน",
    ]
    assert [cell(model, r, "target_group") for r in (1, 2, 3)] == ["อสม.", "รพ.สต.", "อบต."]
    assert table(fx).view._spans[0] == (0, 4)  # one merged ป1 cell over its four rows
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Paste cells"
    assert "new rows for ป1: 2" in fx.window.statusBar().currentMessage()
    assert sorted(table(fx).cells.selected_cells()) == sorted(
        (model.row_id(r), k) for r in (1, 2, 3) for k in ("activity", "target_group")
    )
    document.undo_stack.undo()
    assert dumps_map(document.route_map) == before and model.rowCount() == 12


def test_the_multi_line_cell_is_drawn_on_its_lines(fx: Fixture) -> None:
    view, model = table(fx).view, table(fx).model
    click_cell(fx, 0, "period")
    QGuiApplication.clipboard().setText('"ต.ค. 2567\nถึง ก.ย. 2568"')
    table(fx).cells.paste()
    assert cell(model, 0, "period") == "ต.ค. 2567\nถึง ก.ย. 2568"
    assert view.texts.lines(str(model.data(model.index(0, model.column_of("period")))), view.columnWidth(7))[
        :2
    ] == [
        "ต.ค. 2567",
        "ถึง ก.ย. 2568",
    ]


def test_ctrl_c_in_the_table_copies_cells_as_excel_text_not_objectives(fx: Fixture) -> None:
    view, model = table(fx).view, table(fx).model
    document = fx.window.document
    document.edit(SetCell(model.row_id(0), "target", "ข้อ 1\nข้อ 2"), "ตั้งค่า")
    click_cell(fx, 0, OBJECTIVE_COLUMN)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        view.visualRect(model.index(1, model.column_of("target"))).center(),
    )
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    objective = str(model.data(model.index(0, 0)))
    rows = text.split("\r\n")
    assert rows[0] == f'{objective}\t{cell(model, 0, "indicator")}\t"ข้อ 1\nข้อ 2"'
    assert rows[1].startswith(f"{objective}\t{cell(model, 1, 'indicator')}\t")  # the merged cell, as shown
    assert len(rows) == 2 and not text.endswith("\n")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime is not None and not mime.hasFormat("application/x-srmtool-objectives")
    assert "Copied 2 × 3 cells" in fx.window.statusBar().currentMessage()


def test_delete_clears_the_selected_cells_in_one_step_and_undo_restores_them(fx: Fixture) -> None:
    view, model = table(fx).view, table(fx).model
    document = fx.window.document
    before = dumps_map(document.route_map)
    objectives = len(document.route_map.objectives)
    click_cell(fx, 4, "indicator")
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        view.visualRect(model.index(5, model.column_of("target"))).center(),
    )
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert [cell(model, r, k) for r in (4, 5) for k in ("indicator", "target")] == ["", "", "", ""]
    assert len(document.route_map.objectives) == objectives  # the map's Delete did nothing
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Clear cells"
    document.undo_stack.undo()
    assert dumps_map(document.route_map) == before


def test_clearing_the_objective_column_says_why_nothing_happened(fx: Fixture) -> None:
    click_cell(fx, 0, OBJECTIVE_COLUMN)
    QTest.keyClick(table(fx).view, Qt.Key.Key_Delete)
    assert fx.window.document.undo_stack.count() == 0
    assert "objective column" in fx.window.statusBar().currentMessage()


def test_pasting_into_the_objective_column_renames_the_objective(fx: Fixture) -> None:
    (p1,) = ids_with_codes(fx, "ป1")
    click_cell(fx, 0, OBJECTIVE_COLUMN)
    QGuiApplication.clipboard().setText("ป1 ประชาชนปลอดโรคไข้เลือดออก\n")
    table(fx).cells.paste()
    assert fx.window.document.route_map.objective(p1).text == "ประชาชนปลอดโรคไข้เลือดออก"  # type: ignore[union-attr]


def test_an_empty_clipboard_says_so_in_the_status_bar(fx: Fixture) -> None:
    click_cell(fx, 0, "target")
    QGuiApplication.clipboard().setText("")
    assert table(fx).cells.paste() is None
    assert "no text" in fx.window.statusBar().currentMessage()


def test_ctrl_a_in_the_table_selects_cells_and_on_the_map_objectives(fx: Fixture) -> None:
    click_cell(fx, 0, "target")
    QTest.keyClick(table(fx).view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    model = table(fx).model
    assert len(table(fx).cells.selected_cells()) == model.rowCount() * model.columnCount()
    fx.window.view.setFocus()
    QApplication.processEvents()
    QTest.keyClick(fx.window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(fx.window.selection.objectives) == len(fx.window.document.route_map.objectives)


def test_the_edit_menu_shows_the_table_s_verbs_while_the_table_has_the_focus(fx: Fixture) -> None:
    menu = fx.window.menus["edit"]
    click_cell(fx, 0, "target")
    menu.aboutToShow.emit()
    names = [a.objectName() for a in menu.actions()]
    assert {"cut_cells", "copy_cells", "paste_cells", "clear_cells", "select_all_cells"} <= set(names)
    assert "copy" not in names and "delete" not in names
    fx.window.view.setFocus()
    QApplication.processEvents()
    menu.aboutToShow.emit()
    names = [a.objectName() for a in menu.actions()]
    assert {"cut", "copy", "paste", "delete", "select_all", "rename"} <= set(
        names
    ) and "copy_cells" not in names


def test_pasting_into_a_table_without_rows_says_how_to_start(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    QGuiApplication.clipboard().setText("ตัวชี้วัด\tค่าเป้าหมาย")
    assert fixture.window.table.cells.paste() is None
    assert "no rows yet" in fixture.window.statusBar().currentMessage()
