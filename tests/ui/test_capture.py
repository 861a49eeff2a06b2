"""Workshop capture: type objectives into the selected band, Enter for the next, Tab between bands."""

from __future__ import annotations

import math
from itertools import combinations

from gestures_support import LONG_THAI, Canvas, double_click, key, open_canvas, type_text
from PySide6.QtCore import Qt

from srmtool.model import dumps_map
from srmtool.model.layout import BOX_WIDTH
from srmtool.ui.canvas import BandItem
from srmtool.ui.canvas.inline_edit import open_editor
from srmtool.ui.document import Document

CALLED_OUT = [
    "อสม.เคาะประตูบ้านสำรวจลูกน้ำยุงลายทุกวันศุกร์",
    "โรงเรียนจัดกิจกรรมกำจัดแหล่งเพาะพันธุ์ยุงลายในโรงเรียน",
    LONG_THAI,
]


def _no_overlaps(document: Document) -> None:
    boxes = list(document.layout().boxes.items())
    for (a, ra), (b, rb) in combinations(boxes, 2):
        assert not ra.intersects(rb), f"{a} overlaps {b}"


def _capture(canvas: Canvas, band: str, texts: list[str]) -> list[str]:
    """Select ``band``, type each text and press Enter; the ids of the objectives added."""
    before = {o.id for o in canvas.document.route_map.objectives}
    canvas.scene.selected_band = band
    for text in texts:
        type_text(canvas.view, text)
        key(canvas.view, Qt.Key.Key_Return)
    return [o.id for o in canvas.document.route_map.objectives if o.id not in before]


def test_typing_in_a_band_adds_objectives_one_step_each(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    original = dumps_map(dengue_document.route_map)
    in_band = len(dengue_document.route_map.objectives_in("stakeholder"))

    added = _capture(canvas, "stakeholder", CALLED_OUT)

    m = dengue_document.route_map
    assert [m.objective(oid).text for oid in added] == CALLED_OUT  # type: ignore[union-attr]
    assert all(m.objective(oid).perspective == "stakeholder" for oid in added)  # type: ignore[union-attr]
    assert len(m.objectives_in("stakeholder")) == in_band + 3
    assert len({m.objective(oid).code for oid in added}) == 3  # type: ignore[union-attr]
    assert all(canvas.scene.box(oid) is not None for oid in added)
    _no_overlaps(dengue_document)
    assert dengue_document.undo_stack.count() == 3

    # Enter opened a fourth, empty box; Esc closes it and leaves no step.
    editor = open_editor(canvas.scene)
    assert editor is not None and editor.text() == ""
    key(canvas.view, Qt.Key.Key_Escape)
    assert open_editor(canvas.scene) is None
    assert dengue_document.undo_stack.count() == 3

    dengue_document.undo_stack.undo()
    assert m.objective(added[2]) is None and m.objective(added[1]) is not None
    dengue_document.undo_stack.undo()
    dengue_document.undo_stack.undo()
    assert dumps_map(m) == original


def test_new_box_opens_where_it_will_be_added(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    canvas.scene.selected_band = "foundation"
    type_text(canvas.view, "ข")
    editor = open_editor(canvas.scene)
    assert editor is not None and editor.text() == "ข"
    shown = editor.sceneBoundingRect()
    assert dengue_document.layout().bands["foundation"].contains(shown.x(), shown.y())
    type_text(canvas.view, "้อมูลระบาดวิทยาทันเวลา")
    key(canvas.view, Qt.Key.Key_Return)
    added = dengue_document.route_map.objectives[-1]
    assert added.text == "ข้อมูลระบาดวิทยาทันเวลา"
    box = dengue_document.layout().boxes[added.id]
    assert shown.contains(box.center[0], box.center[1])


def test_enter_on_an_empty_new_box_stops_without_a_step(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    original = dumps_map(dengue_document.route_map)
    _capture(canvas, "people", ["ผู้ป่วยได้รับการรักษาทันเวลา"])
    key(canvas.view, Qt.Key.Key_Return)  # on the next, empty box
    assert open_editor(canvas.scene) is None
    assert dengue_document.undo_stack.count() == 1
    dengue_document.undo_stack.undo()
    assert dumps_map(dengue_document.route_map) == original


def test_no_band_selected_typing_adds_nothing(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    canvas.scene.selected_band = None
    type_text(canvas.view, "ก")
    assert open_editor(canvas.scene) is None
    assert dengue_document.undo_stack.count() == 0


def test_tab_and_shift_tab_move_the_selected_band(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    canvas.scene.selected_band = "people"
    seen = []
    for _ in range(4):
        key(canvas.view, Qt.Key.Key_Tab)
        seen.append(canvas.scene.selected_band)
    assert seen == ["stakeholder", "process", "foundation", "foundation"]
    key(canvas.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.scene.selected_band == "process"
    assert canvas.view.hasFocus()  # Tab did not send the focus away from the canvas


def test_tab_during_capture_commits_and_continues_in_the_next_band(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    canvas.scene.selected_band = "process"
    type_text(canvas.view, "ระบบเฝ้าระวังโรคแจ้งเตือนภายในวันเดียว")
    key(canvas.view, Qt.Key.Key_Tab)
    assert dengue_document.route_map.objectives[-1].perspective == "process"
    assert canvas.scene.selected_band == "foundation"
    editor = open_editor(canvas.scene)
    assert editor is not None and editor.text() == ""
    assert dengue_document.layout().bands["foundation"].contains(editor.x(), editor.y())
    type_text(canvas.view, "บุคลากรมีทักษะวิเคราะห์ข้อมูล")
    key(canvas.view, Qt.Key.Key_Return)
    added = dengue_document.route_map.objectives[-1]
    assert (added.perspective, added.text) == ("foundation", "บุคลากรมีทักษะวิเคราะห์ข้อมูล")
    assert dengue_document.undo_stack.count() == 2
    _no_overlaps(dengue_document)


def test_a_full_band_still_gets_boxes_that_overlap_nothing(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    texts = [f"เป้าประสงค์ที่ {n} ของภาคีเครือข่ายสุขภาพระดับตำบล" for n in range(1, 11)]
    added = _capture(canvas, "stakeholder", texts)
    assert len(added) == 10
    _no_overlaps(dengue_document)
    assert dengue_document.undo_stack.count() == 10


def test_double_click_on_empty_band_area_opens_a_new_box_there(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    band = dengue_document.layout().bands["process"]
    spot = (band.right - 140.0, band.y + band.h / 2)
    assert canvas.scene.box_at(canvas.view.mapToScene(canvas.point(*spot))) is None
    double_click(canvas, spot)
    assert canvas.scene.selected_band == "process"
    type_text(canvas.view, "คืนข้อมูลให้ชุมชนทุกเดือน")
    key(canvas.view, Qt.Key.Key_Return)
    added = dengue_document.route_map.objectives[-1]
    assert (added.perspective, added.text) == ("process", "คืนข้อมูลให้ชุมชนทุกเดือน")
    box = dengue_document.layout().boxes[added.id]
    # at the free place nearest to the click (the click itself may be too close to a box)
    assert math.dist(box.center, spot) < BOX_WIDTH
    _no_overlaps(dengue_document)


def test_esc_with_typed_text_adds_it_as_one_step_and_ends_capture(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    added = _capture(canvas, "foundation", CALLED_OUT[:2])
    type_text(canvas.view, LONG_THAI)
    key(canvas.view, Qt.Key.Key_Escape)

    assert open_editor(canvas.scene) is None  # capture ended: no next box
    last = dengue_document.route_map.objectives[-1]
    assert last.id not in added and (last.perspective, last.text) == ("foundation", LONG_THAI)
    assert dengue_document.undo_stack.count() == 3
    assert dengue_document.undo_stack.undoText() == "Add objective"
    dengue_document.undo_stack.undo()
    assert dengue_document.route_map.objective(last.id) is None
    assert dengue_document.route_map.objective(added[1]) is not None


def test_esc_unselects_the_band_and_so_does_undoing_the_captured_boxes(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    canvas.scene.selected_band = "people"
    key(canvas.view, Qt.Key.Key_Escape)
    assert canvas.scene.selected_band is None
    type_text(canvas.view, "ก")
    assert open_editor(canvas.scene) is None and dengue_document.undo_stack.count() == 0

    _capture(canvas, "process", CALLED_OUT[:2])
    key(canvas.view, Qt.Key.Key_Escape)  # ends the capture; the band stays selected
    assert open_editor(canvas.scene) is None and canvas.scene.selected_band == "process"
    dengue_document.undo_stack.undo()
    assert canvas.scene.selected_band is None
    assert not [it for it in canvas.scene.items() if isinstance(it, BandItem) and it.selected]
