"""The window's one selection: what it says and when, the map and the table writing it, the panels
and presentation following it, and a closed window leaving nothing behind for later event loops."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from window_fixtures import Fixture, ids_with_codes, install_dialogs, make_window

from srmtool.model.operations import SetObjectiveCode
from srmtool.resources_path import resource
from srmtool.ui.document import Document
from srmtool.ui.selection import Selected, Selection
from srmtool.ui.window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def heard(selection: Selection) -> list[Selected]:
    said: list[Selected] = []
    selection.changed.connect(said.append)
    return said


# -- the selection on its own ----------------------------------------------------------------------


def test_the_same_ids_say_nothing(dengue_document: Document) -> None:
    selection = Selection(dengue_document)
    said = heard(selection)
    route_map = dengue_document.route_map
    first, second = route_map.objectives[0].id, route_map.objectives[1].id
    assert selection.select([second, first])
    assert said == [selection.ids] and selection.objectives == (first, second)  # map order
    assert not selection.select([first, second])
    assert not selection.select([first, second, "no-such-objective"])  # unknown ids are left out
    rows = selection.rows
    assert rows and not selection.select_rows(reversed(rows))  # the table echoing the same rows
    assert len(said) == 1
    assert selection.clear() and not selection.clear()
    assert said[-1] == Selected() and len(said) == 2


def test_the_map_picks_objectives_and_links_the_table_picks_rows(dengue_document: Document) -> None:
    route_map = dengue_document.route_map
    owner = next(o.id for o in route_map.objectives if len(route_map.rows_of(o.id)) >= 2)
    link = (route_map.links[0].source, route_map.links[0].target)
    selection = Selection(dengue_document)
    selection.select([owner], [link])
    all_rows = tuple(r.id for r in route_map.rows_of(owner))
    assert selection.ids == Selected((owner,), (link,), all_rows)
    assert not selection.select_rows(all_rows)  # the table showing them: the arrow stays selected
    assert selection.links == (link,)
    assert selection.select_rows(all_rows[:1])  # one row clicked: its objective, no arrow
    assert selection.ids == Selected((owner,), (), all_rows[:1])
    assert not selection.select([owner])  # the map echoing that objective keeps the one row
    assert selection.rows == all_rows[:1]


def test_a_listener_that_writes_is_heard_after_the_others(dengue_document: Document) -> None:
    selection = Selection(dengue_document)
    first, second = (o.id for o in dengue_document.route_map.objectives[:2])
    order: list[tuple[str, tuple[str, ...]]] = []

    def narrows(ids: Selected) -> None:
        order.append(("narrows", ids.objectives))
        if len(ids.objectives) > 1:
            selection.select(ids.objectives[:1])

    selection.changed.connect(narrows)
    selection.changed.connect(lambda ids: order.append(("after", ids.objectives)))
    selection.select([first, second])
    both, one = (first, second), (first,)
    assert order == [("narrows", both), ("after", both), ("narrows", one), ("after", one)]
    assert selection.objectives == one


def test_a_closed_selection_says_nothing_and_takes_no_writes(dengue_document: Document) -> None:
    selection = Selection(dengue_document)
    said = heard(selection)
    selection.select([dengue_document.route_map.objectives[0].id])
    selection.close()
    assert selection.closed and selection.ids == Selected()
    assert not selection.select([dengue_document.route_map.objectives[1].id])
    dengue_document.replace(dengue_document.route_map.model_copy(deep=True), None)
    assert len(said) == 1 and selection.ids == Selected()


def test_a_new_map_starts_with_nothing_selected(dengue_document: Document) -> None:
    selection = Selection(dengue_document)
    selection.select([dengue_document.route_map.objectives[0].id])
    said = heard(selection)
    dengue_document.replace(dengue_document.route_map.model_copy(deep=True), None)
    assert said == [Selected()]


# -- in the window -----------------------------------------------------------------------------------


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    """The district example (42 objectives, a long table) in a shown, active window."""
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    window = fixture.window
    window.files.open_path(fixture.copy_example("district_ncd.srm", "อำเภอ.srm"))
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.view.fit()
    return fixture


def click_box(fx: Fixture, objective_id: str) -> None:
    view = fx.window.view
    box = fx.window.scene.box(objective_id)
    assert box is not None
    view.ensureVisible(box)
    QTest.mouseClick(view.viewport(), LEFT, NONE, view.mapFromScene(box.sceneBoundingRect().center()))


def row_on_screen(fx: Fixture, row: int) -> bool:
    view = fx.window.table.view
    return view.visualRect(fx.window.table.model.index(row, 0)).intersects(view.viewport().rect())


def test_a_box_clicked_on_the_map_selects_its_rows_and_shows_it_in_the_panels(fx: Fixture) -> None:
    window, table = fx.window, fx.window.table
    route_map = window.document.route_map
    rows = [r.id for r in route_map.table.rows]
    owner = route_map.table.rows[-1].objective  # its rows are at the bottom of the long table
    wanted = [table.model.row_of(r.id) for r in route_map.rows_of(owner)]
    assert not row_on_screen(fx, wanted[0])
    click_box(fx, owner)
    assert window.selection.objectives == (owner,)
    assert window.selection.rows == tuple(rows[i] for i in wanted)
    assert table.selected_rows() == wanted
    assert row_on_screen(fx, wanted[0]) and row_on_screen(fx, wanted[-1])  # the group scrolled in
    assert window.properties.objective_id == owner
    assert window.scene.highlighted == owner  # its routes lit, the rest dimmed
    assert window.named_actions["delete"].isEnabled() and window.named_actions["rename"].isEnabled()
    window.stakeholders.select(route_map.stakeholders[0].id)
    assert window.stakeholders.assign_button.isEnabled()


def test_a_row_clicked_in_the_table_selects_its_objective_on_the_map_and_only_that_row(fx: Fixture) -> None:
    window, table = fx.window, fx.window.table
    route_map = window.document.route_map
    owner = next(o.id for o in route_map.objectives if len(route_map.rows_of(o.id)) >= 2)
    second = table.model.row_of(route_map.rows_of(owner)[1].id)
    table.view.scrollTo(table.model.index(second, 1))
    spot = table.view.visualRect(table.model.index(second, 1)).center()
    QTest.mouseClick(table.view.viewport(), LEFT, NONE, spot)
    assert window.scene.selected_objective_ids() == [owner]
    assert [b.objective_id for b in window.scene.boxes() if b.isSelected()] == [owner]
    assert table.selected_rows() == [second]  # the map's echo does not widen it to the group
    assert window.properties.objective_id == owner
    other = table.model.row_of(next(r.id for r in route_map.table.rows if r.objective != owner))
    table.view.scrollTo(table.model.index(other, 1))
    spot = table.view.visualRect(table.model.index(other, 1)).center()
    QTest.mouseClick(table.view.viewport(), LEFT, Qt.KeyboardModifier.ControlModifier, spot)
    assert len(window.scene.selected_objective_ids()) == 2 and table.selected_rows() == sorted(
        [second, other]
    )
    assert window.properties.objective_id is None  # two objectives: the panel says so


def test_delete_on_the_map_then_undo_selects_what_came_back_in_both_views(fx: Fixture) -> None:
    window, table = fx.window, fx.window.table
    route_map = window.document.route_map
    (target,) = ids_with_codes(fx, route_map.objectives[0].code)
    rows = [r.id for r in route_map.rows_of(target)]
    click_box(fx, target)
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert route_map.objective(target) is None and window.selection.ids == Selected()
    assert table.selected_rows() == [] and window.properties.objective_id is None
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert route_map.objective(target) is not None
    assert window.selection.objectives == (target,) and window.selection.rows == tuple(rows)
    assert table.selected_rows() == [table.model.row_of(r) for r in rows]
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    assert window.scene.editing  # F2 on the map edits the box


def test_a_finding_clicked_selects_its_objectives_everywhere(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    first, second = document.route_map.objectives[0], document.route_map.objectives[1]
    document.edit(SetObjectiveCode(second.id, first.code), "แก้รหัส")  # two objectives, one code
    document.findings_changed.emit()
    panel = window.findings
    row = next(i for i, f in enumerate(panel.findings) if f.code == "duplicate-code")
    item = panel.list.item(row)
    panel.list.scrollToItem(item)
    QTest.mouseClick(panel.list.viewport(), LEFT, NONE, panel.list.visualItemRect(item).center())
    assert window.selection.objectives == (first.id, second.id)
    assert window.table.selected_rows() == window.table.model.rows_of_objectives({first.id, second.id})


def test_presentation_captions_the_selected_objective(fx: Fixture) -> None:
    window = fx.window
    presentation = window.presentation
    presentation.enter()
    objective = window.document.route_map.objectives[3]
    click_box(fx, objective.id)
    assert window.scene.highlighted == objective.id
    assert presentation.caption.isVisible() and objective.code in presentation.caption.text()
    assert not window.named_actions["delete"].isEnabled()  # the map on the wall takes no edits
    presentation.leave()
    assert window.selection.ids == Selected() and not presentation.caption.isVisible()


# -- closing --------------------------------------------------------------------------------------


def own_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A window on the dengue example that the test deletes itself (pytest-qt does not hold it)."""
    window = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), lang="en")
    install_dialogs(window, monkeypatch)
    window.files.open_path(Path(str(resource("examples", "dengue_tambon.srm"))), ask=False)
    window.selection.select(o.id for o in window.document.route_map.objectives[:3])
    window.stakeholders.select(window.document.route_map.stakeholders[0].id)
    assert window.table.selected_rows()
    return window


def test_a_closed_and_deleted_window_raises_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = own_window(tmp_path, monkeypatch)
    window.show()
    window.table.view.setFocus()
    with qtbot.capture_exceptions() as errors:
        assert window.close()
        assert window.selection.closed
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        qtbot.wait(20)
    assert not shiboken6.isValid(window)
    assert errors == []


def test_a_window_deleted_without_closing_raises_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = own_window(tmp_path, monkeypatch)
    window.show()
    with qtbot.capture_exceptions() as errors:
        shiboken6.delete(window)
        gc.collect()
        qtbot.wait(20)
    assert errors == []


def test_a_window_left_open_with_a_selection(fx: Fixture) -> None:
    """Left for pytest-qt to close and delete after the test (the next test's event loop)."""
    window = fx.window
    click_box(fx, window.document.route_map.objectives[5].id)
    window.presentation.enter()
    click_box(fx, window.document.route_map.objectives[6].id)
    assert window.selection.objectives and window.table.selected_rows()


def test_a_later_event_loop_meets_no_error_from_closed_windows(qtbot: QtBot) -> None:
    with qtbot.capture_exceptions() as errors:
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        qtbot.wait(20)
    assert errors == []
