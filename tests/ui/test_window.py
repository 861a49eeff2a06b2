"""The main window's Edit, View and Map menus: undo naming the command, clipboard, delete, links,
tidy layout, checks, and one table of shortcuts without clashes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from pytestqt.qtbot import QtBot
from shortcut_support import all_shortcuts, clashing_shortcuts
from window_fixtures import LONG_THAI, Fixture, ids_with_codes, make_window

from srmtool.model.srmfile.codec import load_map
from srmtool.ui import actions
from srmtool.ui.desktop_clipboard import OBJECTIVES_MIME


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    return fixture


def test_undo_and_redo_actions_name_the_last_command(fx: Fixture) -> None:
    window = fx.window
    undo, redo = window.named_actions["undo"], window.named_actions["redo"]
    assert not undo.isEnabled()

    window.document.add_objective("people", LONG_THAI)
    assert undo.isEnabled() and undo.text() == "Undo Add objective"

    window.document.set_objective_text(window.document.route_map.objectives[0].id, "ประชาชนมีสุขภาพดี")
    assert undo.text() == "Undo Edit text"

    undo.trigger()
    assert undo.text() == "Undo Add objective"
    assert redo.isEnabled() and redo.text() == "Redo Edit text"
    assert undo.shortcut().matches(QKeySequence(QKeySequence.StandardKey.Undo)) or undo.shortcuts()


def test_shortcuts_come_from_the_table_and_never_clash(fx: Fixture) -> None:
    window = fx.window
    assert clashing_shortcuts(window) == {}
    bound_twice = {key: sorted(names) for key, names in all_shortcuts(window).items() if len(names) > 1}
    # the map's, the table's and the stakeholder table's own, each live only in its widget
    assert bound_twice["Del"] == bound_twice["Backspace"] == ["clear_cells", "delete", "remove_stakeholders"]
    assert bound_twice["Ctrl+C"] == ["copy", "copy_cells"] and bound_twice["Ctrl+V"] == [
        "paste",
        "paste_cells",
    ]
    assert bound_twice["Ctrl+X"] == ["cut", "cut_cells"] and bound_twice["F2"] == ["edit_cell", "rename"]
    assert bound_twice["Ctrl+A"] == ["select_all", "select_all_cells"]
    pairs = [[m, t] for m, t in sorted(actions.TABLE_EDIT_ACTIONS.items())]
    assert all(
        sorted(names) in [*pairs, ["edit_cell", "rename"]] or "delete" in names
        for names in bound_twice.values()
    )
    stray = QAction(window)  # the same key for the whole window would take it from both
    stray.setObjectName("stray")
    stray.setShortcut(QKeySequence("Del"))
    window.addAction(stray)
    assert clashing_shortcuts(window) == {"Del": ["clear_cells", "delete", "remove_stakeholders", "stray"]}
    window.removeAction(stray)
    stray.setParent(None)
    assert clashing_shortcuts(window) == {}
    for name, action in window.named_actions.items():
        assert [k.toString() for k in action.shortcuts()] == [
            k.toString() for k in actions.key_sequences(name)
        ]
    standard = QKeySequence.keyBindings(QKeySequence.StandardKey.Save)
    assert window.named_actions["save"].shortcuts() == standard
    assert window.named_actions["rename"].shortcut().toString() == "F2"
    assert window.named_actions["zoom_reset"].shortcut().toString() == "Ctrl+0"
    assert window.named_actions["quit"].shortcuts()  # Ctrl+Q where the platform binds nothing


def test_menus_hold_every_action_of_the_table(fx: Fixture) -> None:
    window = fx.window
    in_menus: set[str] = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert menu is not None
        in_menus |= {a.objectName() for a in menu.actions() if a.objectName()}
    # The table's own Cut, Copy … take the map's places in the Edit menu while the table has the focus.
    assert set(actions.ACTIONS) - {"clear_recent", *actions.TABLE_EDIT_ACTIONS.values()} <= in_menus
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Map", "&Table"]


def test_copy_puts_objectives_and_plain_thai_text_on_the_clipboard_and_paste_adds_copies(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    source, target = ids_with_codes(fx, "พ1", "ก1")
    assert document.route_map.has_link(source, target)
    window.scene.select_objectives([source, target])
    assert window.named_actions["paste"].isEnabled()  # always: it says so when there is nothing to paste

    window.named_actions["copy"].trigger()

    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasFormat(OBJECTIVES_MIME)
    texts = {o.id: o.text for o in document.route_map.objectives}
    assert texts[source].strip() in mime.text() and texts[target].strip() in mime.text()
    assert window.named_actions["paste"].isEnabled()

    before = len(document.route_map.objectives)
    new_ids = window.verbs.paste()
    assert len(new_ids) == 2 and len(document.route_map.objectives) == before + 2
    copies = [document.route_map.objective(i) for i in new_ids]
    assert sorted(c.text for c in copies if c) == sorted([texts[source], texts[target]])
    assert document.route_map.has_link(new_ids[0], new_ids[1]) or document.route_map.has_link(*new_ids[::-1])
    assert sorted(window.scene.selected_objective_ids()) == sorted(new_ids)
    assert window.named_actions["undo"].text() == "Undo Paste"
    window.named_actions["undo"].trigger()
    assert len(document.route_map.objectives) == before


def test_cut_removes_the_selection_in_one_step_and_paste_brings_it_back_with_its_rows(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    (victim,) = ids_with_codes(fx, "ก2")
    text = document.route_map.objective(victim).text
    cells = [r.cells for r in document.route_map.rows_of(victim)]
    assert cells
    window.scene.select_objectives([victim])
    window.named_actions["cut"].trigger()
    assert document.route_map.objective(victim) is None
    assert window.named_actions["undo"].text() == "Undo Delete objective ก2"
    (copy,) = window.verbs.paste()
    assert document.route_map.objective(copy).text == text
    assert [r.cells for r in document.route_map.rows_of(copy)] == cells


def test_paste_of_foreign_text_changes_nothing(fx: Fixture) -> None:
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setData(OBJECTIVES_MIME, "ไม่ใช่ข้อมูลแผนที่ {".encode())
    QGuiApplication.clipboard().setMimeData(mime)
    before = len(fx.window.document.route_map.objectives)
    assert fx.window.verbs.paste() == []
    assert len(fx.window.document.route_map.objectives) == before
    assert not fx.window.document.is_modified


def test_delete_and_select_all(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    assert not window.named_actions["delete"].isEnabled()
    window.named_actions["select_all"].trigger()
    assert len(window.scene.selected_objective_ids()) == 15
    assert window.named_actions["delete"].isEnabled()
    window.named_actions["delete"].trigger()
    assert document.route_map.objectives == [] and document.route_map.links == []
    window.named_actions["undo"].trigger()
    assert len(document.route_map.objectives) == 15


def test_add_link_goes_from_the_lower_objective_to_the_upper(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    upper, lower = ids_with_codes(fx, "ป3", "พ3")
    assert not document.route_map.has_link(lower, upper)
    assert window.named_actions["add_link"].isEnabled()  # without two selected, it starts the mode
    window.scene.select_objectives([upper, lower])
    assert window.named_actions["add_link"].isEnabled()
    window.named_actions["add_link"].trigger()
    assert document.route_map.has_link(lower, upper) and not document.route_map.has_link(upper, lower)
    assert window.named_actions["undo"].text() == "Undo Add link"
    assert window.verbs.add_link() is False  # already linked: nothing more


def test_add_objective_types_into_the_chosen_level(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    window.scene.selected_band = "foundation"
    window.named_actions["add_objective"].trigger()
    editor = window.select_tool.capture.editor
    assert editor is not None
    editor.setPlainText(LONG_THAI)
    editor.commit(advance=False)
    added = [o for o in document.route_map.objectives if o.text == LONG_THAI]
    assert len(added) == 1 and added[0].perspective == "foundation"


def test_tidy_layout_is_one_undo_step(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    for i, o in enumerate(document.route_map.objectives_in("process")):
        document.move_objectives({o.id: (900.0 - 200 * i, o.y + 40 * (i % 2))})
    before = {o.id: (o.x, o.y) for o in document.route_map.objectives}
    steps = document.undo_stack.count()
    window.named_actions["tidy"].trigger()
    after = {o.id: (o.x, o.y) for o in document.route_map.objectives}
    assert after != before
    assert document.undo_stack.count() == steps + 1
    assert window.named_actions["undo"].text() == "Undo Tidy layout"
    window.named_actions["undo"].trigger()
    assert {o.id: (o.x, o.y) for o in document.route_map.objectives} == before


def test_key_route_is_set_from_the_selection_in_one_step_and_toggles_back(fx: Fixture) -> None:
    window = fx.window
    route_map = window.document.route_map
    off = [o.id for o in route_map.objectives if not o.key_route][:2]
    window.scene.select_objectives(off)
    action = window.named_actions["key_route"]
    assert action.isEnabled()
    action.trigger()
    assert all(route_map.objective(i).key_route for i in off)  # type: ignore[union-attr]
    assert window.named_actions["undo"].text() == "Undo Mark key route"
    action.trigger()  # all of them are on it now: take them off
    assert not any(route_map.objective(i).key_route for i in off)  # type: ignore[union-attr]
    window.named_actions["undo"].trigger()
    window.named_actions["undo"].trigger()
    assert not any(route_map.objective(i).key_route for i in off)  # type: ignore[union-attr]
    window.scene.select_objectives([])
    assert not action.isEnabled()


def test_check_shows_the_findings_in_the_ui_language(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fx = make_window(qtbot, tmp_path, monkeypatch, lang="th")
    window = fx.window
    window.files.open_path(fx.copy_example())
    panel = window.findings
    window.named_actions["check"].trigger()
    assert window.docks["findings"].isVisibleTo(window)
    assert not panel.findings  # the example map passes every check
    oid = window.document.add_objective("process", "")  # empty text, leads nowhere
    window.named_actions["check"].trigger()
    panel.refresh()  # what findings_changed does on the next turn
    shown = "\n".join(panel.lines())
    finding_messages = [f.message("th") for f in window.document.findings() if oid in f.ids]
    assert finding_messages and all(m in shown for m in finding_messages)
    code = window.document.route_map.objective(oid).code
    assert code in shown
    assert fx.dialogs.shown == []


def test_zoom_actions_change_the_view_scale(fx: Fixture) -> None:
    view = fx.window.view
    fx.window.named_actions["zoom_reset"].trigger()
    assert view.transform().m11() == pytest.approx(1.0)
    fx.window.named_actions["zoom_in"].trigger()
    assert view.transform().m11() > 1.0
    fx.window.named_actions["zoom_out"].trigger()
    fx.window.named_actions["zoom_out"].trigger()
    assert view.transform().m11() < 1.0


def test_opening_replaces_the_map_in_the_same_window_and_canvas(fx: Fixture) -> None:
    path = fx.copy_example("district_ncd.srm", "อำเภอ.srm")
    window = fx.window
    scene = window.scene
    assert window.files.open_path(path)
    assert window.scene is scene
    ids = {o.id for o in load_map(path).objectives}
    assert {b.objective_id for b in scene.boxes()} == ids


def test_status_bar_counts_the_findings(fx: Fixture) -> None:
    window = fx.window
    label = window._findings_label
    assert label.text() == "No problems found"
    window.document.add_objective("process", "")
    window.document.findings_changed.emit()
    findings = window.document.findings()
    warnings = sum(1 for f in findings if f.severity == "warning")
    assert warnings and f"Warnings: {warnings}" in label.text()
    assert ": 0" not in label.text()


def test_dropping_a_map_file_opens_it(fx: Fixture, qtbot: QtBot) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    path = fx.copy_example("district_ncd.srm", "วางไฟล์.srm")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    fx.window.dropEvent(event)
    assert event.isAccepted()
    assert fx.window.document.path == path.absolute()

    text_only = QMimeData()
    text_only.setUrls([QUrl.fromLocalFile(str(fx.folder / "รูปภาพ.png"))])
    other = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        text_only,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    fx.window.dropEvent(other)
    assert fx.window.document.path == path.absolute()


def test_undo_and_redo_look_like_undo_and_redo_not_back_and_forward(fx: Fixture) -> None:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QStyle

    from srmtool.ui import actions
    from srmtool.ui.icons import history_icon

    window = fx.window
    if QIcon.hasThemeIcon(QIcon.ThemeIcon.EditUndo):
        pytest.skip("the desktop's icon theme has its own Undo icon")
    back = window.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack).pixmap(24, 24).toImage()
    undo = window.named_actions["undo"].icon().pixmap(24, 24).toImage()
    redo = window.named_actions["redo"].icon().pixmap(24, 24).toImage()
    assert undo != back and undo != redo
    assert undo == history_icon(redo=False).pixmap(24, 24).toImage()
    assert actions.icon("redo", window).pixmap(24, 24).toImage() == redo
