"""The other canvas tools: draw links from anywhere on a box, add objectives by clicking a band."""

from __future__ import annotations

from gestures_support import drag, key, open_canvas, press, release, type_text
from PySide6.QtCore import Qt

from srmtool.model import dumps_map
from srmtool.ui.canvas.inline_edit import open_editor
from srmtool.ui.canvas.tools import AddObjectiveTool, LinkTool, RubberArrow, SelectTool
from srmtool.ui.document import Document


def test_link_tool_draws_from_the_middle_of_a_box(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    canvas.scene.set_tool(LinkTool(canvas.scene))
    m = dengue_document.route_map
    source, target = next(
        (a.id, b.id)
        for a in m.objectives_in("process")
        for b in m.objectives_in("stakeholder")
        if not m.has_link(a.id, b.id)
    )
    box_before = canvas.box(source)
    drag(canvas, canvas.box(source).center, canvas.box(target).center)
    assert m.has_link(source, target)
    assert canvas.box(source) == box_before
    assert dengue_document.undo_stack.count() == 1


def test_select_tool_moves_a_box_dragged_from_its_middle(dengue_document: Document, qtbot: object) -> None:
    """Only the edge zone draws links with the select tool; the middle still moves the box."""
    canvas = open_canvas(dengue_document, qtbot)
    oid = dengue_document.route_map.objectives_in("people")[0].id
    links_before = len(dengue_document.route_map.links)
    before = canvas.box(oid)
    drag(canvas, before.center, (before.center[0] + 40.0, before.center[1] + 10.0))
    assert len(dengue_document.route_map.links) == links_before
    assert canvas.box(oid).x == before.x + 40.0
    assert dengue_document.undo_stack.count() == 1


def test_replacing_a_tool_mid_drag_drops_the_rubber_arrow(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    canvas.scene.set_tool(LinkTool(canvas.scene))
    oid = dengue_document.route_map.objectives_in("process")[0].id
    press(canvas, canvas.box(oid).center)
    assert any(isinstance(item, RubberArrow) for item in canvas.scene.items())
    canvas.scene.set_tool(SelectTool(canvas.scene))
    assert not any(isinstance(item, RubberArrow) for item in canvas.scene.items())


def test_add_objective_tool_opens_a_box_where_the_band_is_clicked(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    canvas.scene.set_tool(AddObjectiveTool(canvas.scene))
    original = dumps_map(dengue_document.route_map)
    lay = dengue_document.layout()
    band = lay.bands["people"]
    spot = (band.right - 140.0, band.y + band.h / 2)
    assert canvas.scene.box_at(canvas.view.mapToScene(canvas.point(*spot))) is None

    press(canvas, spot)
    release(canvas, spot)
    editor = open_editor(canvas.scene)
    assert editor is not None
    assert canvas.scene.selected_band == "people"
    type_text(canvas.view, "ไม่มีผู้เสียชีวิตจากโรคไข้เลือดออก")
    key(canvas.view, Qt.Key.Key_Return)

    added = dengue_document.route_map.objectives[-1]
    assert (added.perspective, added.text) == ("people", "ไม่มีผู้เสียชีวิตจากโรคไข้เลือดออก")
    box = dengue_document.layout().boxes[added.id]
    assert box.contains(*spot)  # the clicked place was free, so the box is there
    assert dengue_document.undo_stack.count() == 1
    key(canvas.view, Qt.Key.Key_Escape)  # closes the next, empty box
    dengue_document.undo_stack.undo()
    assert dumps_map(dengue_document.route_map) == original
