"""The table panel in the main window: cells edit the map through undo steps, the map's changes show
in the table at once, selection follows both ways, rows are added, removed and moved as one step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDockWidget
from pytestqt.qtbot import QtBot
from window_fixtures import LONG_THAI, Fixture, ids_with_codes, make_window

from srmtool.model.operations import SetCell, SetRowObjective
from srmtool.model.types import OBJECTIVE_COLUMN
from srmtool.ui.document import Document
from srmtool.ui.table.cells import CellEditor
from srmtool.ui.table.model import OBJECTIVE_ID_ROLE, RowTableModel
from srmtool.ui.table.panel import TableFeature, TablePanel


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    return fixture


def panel(fx: Fixture) -> TablePanel:
    widget = fx.window.docks["table"].widget()
    assert isinstance(widget, TablePanel)
    return widget


def feature(fx: Fixture) -> TableFeature:
    return fx.window.table


def cell(model: RowTableModel, row: int, key: str) -> str:
    return str(model.data(model.index(row, model.column_of(key))))


def test_the_table_is_a_dock_of_the_main_window_with_the_maps_rows(fx: Fixture) -> None:
    dock = fx.window.docks["table"]
    assert isinstance(dock, QDockWidget) and dock.windowTitle() == "Table"
    model = panel(fx).model
    route_map = fx.window.document.route_map
    assert model.rowCount() == len(route_map.table.rows) == 12
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        c.label for c in route_map.table.columns
    ]
    (p1,) = ids_with_codes(fx, "ป1")
    assert cell(model, 0, OBJECTIVE_COLUMN).startswith("ป1 ")
    assert model.data(model.index(0, 1), Qt.ItemDataRole.UserRole + 1) == p1
    budget = model.column_of("budget")
    alignment = model.data(model.index(0, budget), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_editing_a_cell_changes_the_map_and_undo_restores_it(fx: Fixture) -> None:
    model = panel(fx).model
    document = fx.window.document
    row_id = model.row_id(3)
    old = document.route_map.row(row_id).cells.get("activity", "")  # type: ignore[union-attr]
    assert model.setData(model.index(3, model.column_of("activity")), LONG_THAI)
    assert document.route_map.row(row_id).cells["activity"] == LONG_THAI  # type: ignore[union-attr]
    assert cell(model, 3, "activity") == LONG_THAI
    assert document.undo_stack.undoText().startswith("Edit")
    document.undo_stack.undo()
    assert document.route_map.row(row_id).cells.get("activity", "") == old  # type: ignore[union-attr]
    assert cell(model, 3, "activity") == old


def test_the_cell_editor_keeps_thai_lines_on_shift_enter_and_commits_on_enter(
    fx: Fixture, qtbot: QtBot
) -> None:
    fx.window.show()
    view = panel(fx).view
    model = panel(fx).model
    index = model.index(0, model.column_of("target_group"))
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index) or view.findChild(CellEditor)
    assert isinstance(editor, CellEditor)
    editor.setPlainText("ครัวเรือนทุกหลังคาเรือน")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    shift_enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier, "\r")
    QApplication.sendEvent(editor, shift_enter)
    QApplication.sendEvent(editor, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "อสม."))
    QApplication.sendEvent(
        editor, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    )
    row = fx.window.document.route_map.row(model.row_id(0))
    assert row is not None and row.cells["target_group"] == "ครัวเรือนทุกหลังคาเรือน\nอสม."
    qtbot.waitUntil(lambda: view.findChild(CellEditor) is None or not view.findChild(CellEditor).isVisible())


def test_esc_in_the_cell_editor_drops_the_change(fx: Fixture) -> None:
    fx.window.show()
    view = panel(fx).view
    model = panel(fx).model
    index = model.index(1, model.column_of("period"))
    before = cell(model, 1, "period")
    view.edit(index)
    editor = view.findChild(CellEditor)
    assert editor is not None
    editor.setPlainText("ไม่ต้องการเก็บข้อความนี้")
    QApplication.sendEvent(
        editor, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    )
    assert cell(model, 1, "period") == before
    assert fx.window.document.undo_stack.count() == 0


def test_renaming_an_objective_on_the_map_shows_in_its_rows_at_once(fx: Fixture) -> None:
    model = panel(fx).model
    (p1,) = ids_with_codes(fx, "ป1")
    fx.window.document.set_objective_text(p1, LONG_THAI)
    rows = model.rows_of_objectives({p1})
    assert rows == [0, 1]
    assert all(cell(model, r, OBJECTIVE_COLUMN) == f"ป1 {LONG_THAI}" for r in rows)
    view = panel(fx).view
    view.measure_all()
    assert view.rowHeight(0) + view.rowHeight(1) >= view.texts.height(f"ป1 {LONG_THAI}", view.columnWidth(0))


def test_editing_the_objective_cell_renames_the_objective_in_one_undo_step(fx: Fixture) -> None:
    model = panel(fx).model
    (p1,) = ids_with_codes(fx, "ป1")
    old = fx.window.document.route_map.objective(p1).text  # type: ignore[union-attr]
    assert model.data(model.index(1, 0), Qt.ItemDataRole.EditRole) == old
    model.setData(model.index(1, 0), "ประชาชนปลอดโรคไข้เลือดออก")
    assert fx.window.document.route_map.objective(p1).text == "ประชาชนปลอดโรคไข้เลือดออก"  # type: ignore[union-attr]
    assert cell(model, 0, OBJECTIVE_COLUMN) == "ป1 ประชาชนปลอดโรคไข้เลือดออก"
    fx.window.document.undo_stack.undo()
    assert cell(model, 0, OBJECTIVE_COLUMN) == f"ป1 {old}"


def test_selecting_rows_selects_their_objective_on_the_map_and_back(fx: Fixture) -> None:
    table = feature(fx)
    scene = fx.window.scene
    ภ1, ก1 = ids_with_codes(fx, "ภ1", "ก1")
    table.view.selectRow(2)
    assert scene.selected_objective_ids() == [ภ1]
    assert table.selected_rows() == [2]  # the map's echo does not widen the table's selection
    scene.select_objectives([ก1])
    assert table.selected_rows() == table.model.rows_of_objectives({ก1}) == [6, 7]
    scene.clearSelection()
    assert table.selected_rows() == []


def test_add_row_goes_after_the_objectives_rows_and_undo_takes_it_away(fx: Fixture) -> None:
    table = feature(fx)
    document = fx.window.document
    (ภ1,) = ids_with_codes(fx, "ภ1")
    fx.window.scene.select_objectives([ภ1])
    row_id = table.add_row()
    assert row_id is not None
    assert table.model.row_of(row_id) == 4 and table.model.row_objective(4) == ภ1
    assert table.selected_rows() == [4]
    assert table.view._spans[1] == (2, 3)  # the merged objective cell covers the new row
    document.undo_stack.undo()
    assert table.model.rowCount() == 12 and table.model.row_of(row_id) == -1


def test_add_row_without_a_selected_objective_says_so(fx: Fixture) -> None:
    fx.window.scene.clearSelection()
    assert feature(fx).add_row() is None
    assert "Select an objective" in fx.window.statusBar().currentMessage()
    assert fx.window.document.undo_stack.count() == 0


def test_remove_rows_is_one_step_and_undo_puts_them_back_in_place(fx: Fixture) -> None:
    table = feature(fx)
    before = table.model.row_ids()
    table.select_rows([1, 5, 6])
    assert fx.window.named_actions["remove_row"].isEnabled()
    assert table.remove_rows() == 3
    assert table.model.rowCount() == 9
    fx.window.document.undo_stack.undo()
    assert table.model.row_ids() == before == [r.id for r in fx.window.document.route_map.table.rows]


def test_rows_move_up_and_down_by_keys_actions_and_selection_follows(fx: Fixture) -> None:
    table = feature(fx)
    before = table.model.row_ids()
    table.select_rows([3])
    fx.window.named_actions["row_up"].trigger()
    assert table.model.row_ids()[2] == before[3] and table.selected_rows() == [2]
    fx.window.named_actions["row_down"].trigger()
    fx.window.named_actions["row_down"].trigger()
    assert table.model.row_ids()[4] == before[3] and table.selected_rows() == [4]
    assert [r.id for r in fx.window.document.route_map.table.rows] == table.model.row_ids()
    for _ in range(3):
        fx.window.document.undo_stack.undo()
    assert table.model.row_ids() == before
    table.select_rows([0])
    assert not fx.window.named_actions["row_up"].isEnabled()


def test_dropping_rows_moves_them_in_one_undo_step(fx: Fixture) -> None:
    model = panel(fx).model
    before = model.row_ids()
    data = model.mimeData([model.index(0, 0), model.index(1, 3)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 6, 0, model.index(-1, -1)) is False
    assert model.row_ids() == before[2:6] + before[0:2] + before[6:]
    assert fx.window.document.undo_stack.count() == 1
    fx.window.document.undo_stack.undo()
    assert model.row_ids() == before


def test_delete_and_f2_in_the_table_work_on_the_cell_not_the_map(fx: Fixture, qtbot: QtBot) -> None:
    with qtbot.waitActive(fx.window):
        fx.window.show()
        fx.window.activateWindow()
    table = feature(fx)
    count = len(fx.window.document.route_map.objectives)
    index = table.model.index(0, table.model.column_of("indicator"))
    table.view.setFocus()
    table.view.setCurrentIndex(index)
    selected = fx.window.scene.selected_objective_ids()
    assert selected  # the row's objective, which the map's Delete would remove
    QTest.keyClick(table.view, Qt.Key.Key_Delete)
    assert cell(table.model, 0, "indicator") == ""
    assert len(fx.window.document.route_map.objectives) == count
    QTest.keyClick(table.view, Qt.Key.Key_F2)
    assert table.view.state() == QAbstractItemView.State.EditingState  # the cell, not the box
    assert not fx.window.scene.editing
    assert fx.window.scene.selected_objective_ids() == selected


def test_deleting_an_objective_removes_its_rows_and_undo_brings_them_back(fx: Fixture) -> None:
    model = panel(fx).model
    before = model.row_ids()
    (ก2,) = ids_with_codes(fx, "ก2")
    fx.window.document.delete([ก2])
    assert model.rowCount() == 10
    fx.window.document.undo_stack.undo()
    assert model.row_ids() == before
    assert panel(fx).view._spans == [(0, 2), (2, 2), (4, 2), (6, 2), (8, 2), (10, 2)]


def test_long_unbroken_thai_grows_its_row(fx: Fixture) -> None:
    view = panel(fx).view
    model = panel(fx).model
    view.measure_all()
    short = view.rowHeight(11)
    model.setData(model.index(11, model.column_of("responsible")), LONG_THAI * 2)
    assert view.rowHeight(11) > short
    lines = (view.rowHeight(11) - 8) / view.texts.line_step
    assert lines >= 4


def test_a_cell_of_several_lines_is_drawn_line_by_line(fx: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt hands a cell's text to the delegate with LINE SEPARATOR for its line breaks."""
    view, model = panel(fx).view, panel(fx).model
    index = model.index(0, model.column_of("indicator"))
    model.setData(index, "๕,๐๐๐\n\n๕,๐๐๐")
    view.scrollTo(index)
    delegate = view.itemDelegate()
    drawn: list[str] = []
    lines = delegate.texts.lines  # type: ignore[attr-defined]
    monkeypatch.setattr(delegate.texts, "lines", lambda text, width: drawn.append(text) or lines(text, width))  # type: ignore[attr-defined]
    view.viewport().grab()
    assert "๕,๐๐๐\n\n๕,๐๐๐" in drawn
    assert lines("๕,๐๐๐\n\n๕,๐๐๐", 200) == ["๕,๐๐๐", "", "๕,๐๐๐"]


def test_the_table_repaints_only_the_cells_and_roles_that_changed(dengue_document: Document) -> None:
    doc = dengue_document
    model = RowTableModel(doc)
    seen: list[tuple[int, int, int, int, list[int]]] = []
    model.dataChanged.connect(
        lambda a, b, roles: seen.append((a.row(), a.column(), b.row(), b.column(), [int(r) for r in roles]))
    )
    groups: list[int] = []
    model.groups_changed.connect(lambda: groups.append(1))
    text_roles = [int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)]
    row = doc.route_map.table.rows[3]
    budget, objective = model.column_of("budget"), model.column_of(OBJECTIVE_COLUMN)
    doc.edit(SetCell(row.id, "budget", "๑๒,๕๐๐"), "แก้งบประมาณ")
    assert seen == [(3, budget, 3, budget, text_roles)] and groups == []
    seen.clear()
    doc.undo_stack.undo()
    assert seen == [(3, budget, 3, budget, text_roles)]
    seen.clear()
    owner = doc.route_map.objective(row.objective)
    assert owner is not None
    doc.move_objectives({owner.id: (owner.x + 250.0, owner.y)})  # the table shows no place
    assert seen == []
    doc.set_objective_text(owner.id, LONG_THAI)
    rows = model.rows_of_objectives({owner.id})
    assert len(rows) == 2 and seen == [(r, objective, r, objective, text_roles) for r in rows]
    seen.clear()
    other = next(o.id for o in doc.route_map.objectives if o.id != owner.id)
    doc.edit(SetRowObjective(row.id, other), "ย้ายแถวไปเป้าประสงค์อื่น")
    assert seen == [(3, objective, 3, objective, [*text_roles, int(OBJECTIVE_ID_ROLE)])] and groups == [1]
