"""The findings panel follows the map's checks live; a click selects the finding's objectives.
The panels sit in the main window's docks and Check Map raises the findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from panels_support import LONG_THAI, Canvas, make_canvas
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from window_fixtures import make_window

from srmtool.model.checks import Finding
from srmtool.model.operations import SetObjectiveCode
from srmtool.ui.document import Document
from srmtool.ui.panels.findings import FindingsPanel, finding_line


@pytest.fixture
def canvas(qtbot: QtBot, dengue_document: Document) -> Canvas:
    return make_canvas(qtbot, dengue_document)


@pytest.fixture
def panel(qtbot: QtBot, canvas: Canvas) -> FindingsPanel:
    widget = FindingsPanel(canvas.document, canvas.scene, canvas.view, lambda: "th")
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def test_list_follows_edits_in_the_ui_language(qtbot: QtBot, canvas: Canvas, panel: FindingsPanel) -> None:
    document = canvas.document
    assert panel.findings == [] and panel.empty_label.text() == "No problems found"
    oid = document.add_objective("process", "")
    code = document.route_map.objective(oid).code  # type: ignore[union-attr]
    document.findings_changed.emit()  # what the document does on the next event-loop turn
    assert panel.list.count() > 0
    assert any(code in t and "ยังไม่มีข้อความ" in t for t in panel.lines())
    document.set_objective_text(oid, LONG_THAI)
    document.findings_changed.emit()
    assert all("ยังไม่มีข้อความ" not in f.message("th") for f in panel.findings)
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.findings_changed.emit()
    assert panel.findings == []
    assert panel.list.count() == 0


def test_clicking_a_finding_selects_its_objectives(
    qtbot: QtBot, canvas: Canvas, panel: FindingsPanel
) -> None:
    document = canvas.document
    a, b = canvas.id_of("ป1"), canvas.id_of("ป2")
    document.edit(SetObjectiveCode(b, "ป1"), "แก้รหัส")  # two objectives share one code
    document.findings_changed.emit()
    assert any(f.code == "duplicate-code" for f in panel.findings)
    row = next(i for i, f in enumerate(panel.findings) if f.code == "duplicate-code")
    panel.show()
    item = panel.list.item(row)
    panel.list.scrollToItem(item)
    QTest.mouseClick(
        panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualItemRect(item).center()
    )
    assert sorted(canvas.scene.selected_objective_ids()) == sorted([a, b])
    canvas.scene.select_objectives([])
    panel.list.setCurrentRow(row)
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    assert sorted(canvas.scene.selected_objective_ids()) == sorted([a, b])


def test_finding_line_names_stakeholders_and_codes(canvas: Canvas) -> None:
    route_map = canvas.document.route_map
    stakeholder = route_map.stakeholders[0]
    finding = Finding("x", "info", (stakeholder.id, canvas.id_of("ก1")), "ข้อความภาษาไทย", "English")
    assert finding_line(route_map, finding, "th") == f"[{stakeholder.name}, ก1] ข้อความภาษาไทย"
    assert finding_line(route_map, finding, "en").endswith("English")
    named = Finding("x", "error", (canvas.id_of("ก1"),), "เป้าประสงค์ ก1 ยังไม่มีข้อความ", "Objective ก1")
    assert finding_line(route_map, named, "th") == "เป้าประสงค์ ก1 ยังไม่มีข้อความ"  # no second ก1


def test_window_has_the_three_docks_and_check_raises_findings(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fx = make_window(qtbot, tmp_path, monkeypatch, lang="th")
    window = fx.window
    window.files.open_path(fx.copy_example())
    assert {"properties", "stakeholders", "findings"} <= set(window.docks)
    assert window.dockWidgetArea(window.docks["properties"]) == Qt.DockWidgetArea.RightDockWidgetArea
    window.docks["findings"].hide()
    oid = window.document.add_objective("process", "")
    findings = window.verbs.check()
    assert window.docks["findings"].isVisibleTo(window)
    assert any(oid in f.ids for f in findings)
    panel = window.findings
    assert isinstance(panel, FindingsPanel)
    panel.refresh()  # what findings_changed does on the next turn
    assert any(oid in f.ids for f in panel.findings)
    assert fx.dialogs.shown == []  # no message box any more
    window.scene.select_objectives([oid])
    properties = window.properties
    assert properties.objective_id == oid


def test_showing_a_finding_brings_its_objectives_into_view(canvas: Canvas, panel: FindingsPanel) -> None:
    view = canvas.view
    view.resize(500, 400)
    view.set_zoom(2.0)
    oid = canvas.id_of("พ3")
    canvas.document.set_objective_text(oid, "")  # an error about พ3
    canvas.document.findings_changed.emit()
    finding = next(f for f in panel.findings if oid in f.ids)
    view.centerOn(0, 0)
    box = canvas.scene.box(oid)
    assert box is not None
    before = view.mapToScene(view.viewport().rect()).boundingRect()
    assert not before.contains(box.sceneBoundingRect().center())
    assert panel.show_finding(finding) == [oid]
    assert box.isSelected()
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(box.sceneBoundingRect().center())


def test_findings_name_levels_rows_and_objectives_as_the_map_shows_them(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not "[foundation]", "[r12]" or "(Stakeholders level)": the map's labels and row numbers."""
    from srmtool.model.operations import AddRow, SetMapField
    from srmtool.model.types import Row

    fx = make_window(qtbot, tmp_path, monkeypatch, lang="en")
    window = fx.window
    window.files.open_path(fx.copy_example())
    document = window.document
    m = document.route_map
    oid = m.objectives_in("process")[0].id
    document.edit([SetMapField("label.foundation", "พื้นฐานองค์กร"), AddRow(Row(id="r99", objective=oid))], "x")
    for victim in [o.id for o in m.objectives_in("foundation")]:
        document.delete([victim])
    panel = window.findings
    panel.refresh()
    lines = "\n".join(panel.lines())
    number = [r.id for r in m.table.rows].index("r99") + 1
    assert "[foundation]" not in lines and "[r99]" not in lines
    assert "พื้นฐานองค์กร" in lines  # the level as the map names it
    assert f"row {number}" in lines
    assert "Stakeholders level" not in lines and "Foundation level" not in lines
    down = next(f for f in document.findings() if f.code == "empty-level")
    assert down.message("en") == "The level “พื้นฐานองค์กร” has no objectives yet"


def test_the_findings_panel_shows_more_than_two_findings_at_1366x768(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fx = make_window(qtbot, tmp_path, monkeypatch, lang="en")
    window = fx.window
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    panel = window.findings
    panel.refresh()  # a new map: five warnings
    qtbot.waitUntil(lambda: panel.list.count() >= 5)
    shown = [
        i
        for i in range(panel.list.count())
        if panel.list.visualItemRect(panel.list.item(i)).bottom() <= panel.list.viewport().height()
    ]
    assert len(shown) >= 3  # more than two (it was two, the third cut off)
