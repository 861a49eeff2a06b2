"""The stakeholders panel and the stakeholder × objective matrix: add, rename, remove (asking when
objectives name the stakeholder), assign and unassign, each one undo step."""

from __future__ import annotations

import pytest
from panels_support import LONG_THAI, Canvas, make_canvas
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from srmtool.model.operations import SetObjectiveStakeholders
from srmtool.ui.document import Document
from srmtool.ui.panels.matrix import CHECK, MatrixModel
from srmtool.ui.panels.stakeholder_model import ASSIGNED, NAME, ROLE
from srmtool.ui.panels.stakeholders import StakeholdersPanel


@pytest.fixture
def canvas(qtbot: QtBot, dengue_document: Document) -> Canvas:
    return make_canvas(qtbot, dengue_document)


@pytest.fixture
def panel(qtbot: QtBot, canvas: Canvas) -> StakeholdersPanel:
    widget = StakeholdersPanel(canvas.document, canvas.scene.selection)
    qtbot.addWidget(widget)
    return widget


def test_add_and_rename_a_stakeholder_then_undo(canvas: Canvas, panel: StakeholdersPanel) -> None:
    route_map, stack = canvas.document.route_map, canvas.document.undo_stack
    count = len(route_map.stakeholders)
    sid = panel.add_stakeholder()
    assert len(route_map.stakeholders) == count + 1 and panel.selected_ids() == [sid]
    assert panel.model.rowCount() == count + 1
    row = panel.model.row_of(sid)
    assert panel.model.setData(panel.model.index(row, NAME), "โรงเรียนบ้านหนองบัว")
    assert panel.model.setData(panel.model.index(row, ROLE), LONG_THAI)
    stakeholder = route_map.stakeholder(sid)
    assert stakeholder is not None and stakeholder.name == "โรงเรียนบ้านหนองบัว"
    assert panel.model.index(row, ROLE).data() == LONG_THAI
    assert not panel.model.flags(panel.model.index(row, ASSIGNED)) & Qt.ItemFlag.ItemIsEditable
    stack.undo()
    stack.undo()
    assert route_map.stakeholder(sid).name != "โรงเรียนบ้านหนองบัว"  # type: ignore[union-attr]
    stack.undo()
    assert route_map.stakeholder(sid) is None and panel.model.rowCount() == count


def test_removing_an_unassigned_stakeholder_asks_nothing(
    canvas: Canvas, panel: StakeholdersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    monkeypatch.setattr(panel, "ask_remove_assigned", lambda ids, n: asked.append(n) or True)
    sid = panel.add_stakeholder()
    assert panel.remove_selected()
    assert asked == [] and canvas.document.route_map.stakeholder(sid) is None
    canvas.document.undo_stack.undo()
    assert canvas.document.route_map.stakeholder(sid) is not None


def test_removing_an_assigned_stakeholder_asks_and_undo_restores_references(
    canvas: Canvas, panel: StakeholdersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    route_map = canvas.document.route_map
    sid = route_map.stakeholders[1].id
    before = {o.id: list(o.stakeholders) for o in route_map.objectives}
    named = [oid for oid, ids in before.items() if sid in ids]
    assert named
    answers = [False, True]
    asked: list[int] = []
    monkeypatch.setattr(panel, "ask_remove_assigned", lambda ids, n: asked.append(n) or answers.pop(0))
    panel.select(sid)
    assert not panel.remove_selected()  # the team said no
    assert route_map.stakeholder(sid) is not None and asked == [len(named)]
    assert panel.remove_selected()
    assert route_map.stakeholder(sid) is None
    assert all(sid not in o.stakeholders for o in route_map.objectives)
    canvas.document.undo_stack.undo()
    assert {o.id: list(o.stakeholders) for o in route_map.objectives} == before  # same places too
    assert panel.model.index(panel.model.row_of(sid), ASSIGNED).data() == len(named)


def test_assign_and_unassign_to_the_selected_objectives(canvas: Canvas, panel: StakeholdersPanel) -> None:
    route_map, stack = canvas.document.route_map, canvas.document.undo_stack
    sid = panel.add_stakeholder()
    assert not panel.assign_button.isEnabled()
    ids = canvas.select("ป1", "ก2")
    panel.select(sid)
    assert panel.assign_button.isEnabled()
    panel.assign_button.click()
    assert all(sid in route_map.objective(i).stakeholders for i in ids)  # type: ignore[union-attr]
    assert panel.model.index(panel.model.row_of(sid), ASSIGNED).data() == 2
    steps = stack.count()
    panel.unassign_button.click()
    assert stack.count() == steps + 1
    assert all(sid not in route_map.objective(i).stakeholders for i in ids)  # type: ignore[union-attr]
    stack.undo()
    assert all(sid in route_map.objective(i).stakeholders for i in ids)  # type: ignore[union-attr]
    stack.undo()  # one step took it off both objectives
    assert all(sid not in route_map.objective(i).stakeholders for i in ids)  # type: ignore[union-attr]


def test_matrix_groups_objectives_by_level_and_toggles_cells(canvas: Canvas) -> None:
    document = canvas.document
    route_map = document.route_map
    matrix = MatrixModel(document)
    assert matrix.index(0, 0).data() == route_map.perspective_label("people")
    assert matrix.columnCount() == 1 + len(route_map.stakeholders)
    header = str(matrix.headerData(1, Qt.Orientation.Horizontal))
    assert header.replace("\u200b", "") == route_map.stakeholders[0].name
    oid = canvas.id_of("ภ1")
    row = matrix.row_of(oid)
    assert str(matrix.index(row, 0).data()).startswith("ภ1")
    objective = route_map.objective(oid)
    assert objective is not None
    column = next(
        c for c in range(1, matrix.columnCount()) if matrix.stakeholder_id(c) not in objective.stakeholders
    )
    sid = matrix.stakeholder_id(column)
    assert matrix.index(row, column).data() == ""
    assert matrix.toggle(matrix.index(row, column))
    assert sid in objective.stakeholders and matrix.index(row, column).data() == CHECK
    assert not matrix.toggle(matrix.index(0, column))  # a level heading is no cell
    document.undo_stack.undo()
    assert sid not in objective.stakeholders and matrix.index(row, column).data() == ""
    document.edit(SetObjectiveStakeholders(oid, (sid,)), "กำหนดภาคี")
    assert matrix.index(row, column).data() == CHECK  # follows edits made elsewhere


def test_matrix_dialog_opens_from_the_panel_and_click_toggles(
    qtbot: QtBot, canvas: Canvas, panel: StakeholdersPanel
) -> None:
    dialog = panel.show_matrix()
    qtbot.addWidget(dialog)
    view = dialog.view
    oid = canvas.id_of("ป1")
    row = view.matrix.row_of(oid)
    index = view.matrix.index(row, 1)
    sid = view.matrix.stakeholder_id(1)
    had = sid in canvas.document.route_map.objective(oid).stakeholders  # type: ignore[union-attr]
    view.scrollTo(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert (sid in canvas.document.route_map.objective(oid).stakeholders) is not had  # type: ignore[union-attr]
    assert view.rowSpan(0, 0) == 1 and view.columnSpan(0, 0) == view.matrix.columnCount()


def test_delete_key_in_the_table_removes_the_stakeholder_not_the_map_selection(
    canvas: Canvas, panel: StakeholdersPanel, qtbot: QtBot
) -> None:
    ids = canvas.select("ป1")
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    sid = panel.add_stakeholder()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the new name is open for typing: Delete edits the name
    QTest.keyClick(editor, Qt.Key.Key_End)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_Home)
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == "ew stakeholde"
    assert canvas.document.route_map.stakeholder(sid) is not None
    panel.table.setFocus()
    panel.select(sid)
    QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    assert canvas.document.route_map.stakeholder(sid) is None
    assert canvas.document.route_map.objective(ids[0]) is not None
    assert canvas.scene.selected_objective_ids() == ids


def test_matrix_regroups_an_objective_moved_to_another_level(canvas: Canvas) -> None:
    from srmtool.model.operations import SetPerspective

    matrix = MatrixModel(canvas.document)
    oid = canvas.id_of("ก1")
    people_heading, stakeholder_heading = matrix.row_of_level("people"), matrix.row_of_level("stakeholder")
    assert not people_heading < matrix.row_of(oid) < stakeholder_heading
    canvas.document.edit(SetPerspective(oid, "people"), "ย้ายระดับ")
    assert people_heading < matrix.row_of(oid) < matrix.row_of_level("stakeholder")
    canvas.document.undo_stack.undo()
    assert matrix.row_of(oid) > matrix.row_of_level("process")


def test_a_new_stakeholder_in_a_long_list_is_scrolled_to_and_its_name_typed_without_a_warning(
    canvas: Canvas, panel: StakeholdersPanel, qtbot: QtBot, qtlog: object
) -> None:
    from gestures_support import type_text

    for _ in range(25):  # a district's partners: more than the panel shows
        panel.add_stakeholder()
    panel.resize(360, 260)
    panel.show()
    qtbot.waitExposed(panel)
    sid = panel.add_stakeholder()
    row = panel.model.row_of(sid)
    editors = [e for e in panel.table.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1  # its name is open for typing
    editor = editors[0]
    qtbot.waitUntil(
        lambda: (
            panel.table.visualRect(panel.model.index(row, NAME)).bottom() <= panel.table.viewport().height()
        )
    )
    assert panel.table.visualRect(panel.model.index(row, NAME)).top() >= 0
    editor.selectAll()
    type_text(editor, "ชมรมผู้สูงอายุตำบลบ้านนา")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: canvas.document.route_map.stakeholder(sid).name == "ชมรมผู้สูงอายุตำบลบ้านนา")  # type: ignore[union-attr]
    panel.add_stakeholder()  # and another, the first's editor closed
    qtbot.wait(50)
    messages = [m.message for m in qtlog.records]  # type: ignore[attr-defined]
    assert not [m for m in messages if "commitData" in m or "editor" in m], messages


def test_a_stakeholders_name_typed_in_the_window_commits_without_a_warning(
    qtbot: QtBot, tmp_path: object, monkeypatch: pytest.MonkeyPatch, qtlog: object
) -> None:
    from pathlib import Path

    from gestures_support import type_text
    from window_fixtures import make_window

    fx = make_window(qtbot, Path(str(tmp_path)), monkeypatch)
    window = fx.window
    window.files.open_path(fx.copy_example("district_ncd.srm", "อำเภอ.srm"))
    window.show()
    qtbot.waitExposed(window)
    window.docks["stakeholders"].raise_()
    panel = window.stakeholders
    qtbot.waitUntil(panel.isVisible)
    for name in ("ชมรมผู้สูงอายุ", "กลุ่มแม่บ้าน"):
        sid = panel.add_stakeholder()
        editor = next(e for e in panel.table.findChildren(QLineEdit) if e.isVisible())
        editor.selectAll()
        type_text(editor, name)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda sid=sid, name=name: window.document.route_map.stakeholder(sid).name == name)  # type: ignore[union-attr,misc]
        row = panel.model.row_of(sid)
        rect = panel.table.visualRect(panel.model.index(row, NAME))
        assert rect.top() >= 0 and rect.bottom() <= panel.table.viewport().height()  # in view
    window.selection.select([window.document.route_map.objectives[0].id])
    qtbot.wait(50)
    messages = [m.message for m in qtlog.records]  # type: ignore[attr-defined]
    assert not [m for m in messages if "commitData" in m], messages
