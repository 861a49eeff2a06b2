"""The map's own texts edited in place on the canvas, with real mouse and key events: the destination
(double-click the banner, or select it and press F2) and a level's label (double-click it); the hint
an empty banner shows, in the interface language and only on screen."""

from __future__ import annotations

from gestures_support import Canvas, double_click, key, open_canvas, press, release, type_text
from PySide6.QtCore import Qt

from srmtool.model import dumps_map
from srmtool.model.types import RouteMap
from srmtool.ui.canvas.inline_edit import InlineEditor, open_editor
from srmtool.ui.canvas.scene import MapScene
from srmtool.ui.document import Document

DESTINATION_1 = "ภายในปี 2570 ประชาชนตำบลบ้านนามีสุขภาวะที่ดีปลอดจากโรคไข้เลือดออก"
DESTINATION_2 = "ด้วยการมีส่วนร่วมของชุมชนและภาคีเครือข่ายอย่างยั่งยืน"


def _editor(canvas: Canvas) -> InlineEditor:
    editor = open_editor(canvas.scene)
    assert editor is not None, "no editor is open"
    return editor


def _banner_point(canvas: Canvas) -> tuple[float, float]:
    banner = canvas.document.layout().banner
    return (banner.x + banner.w / 2, banner.y + banner.h / 2)


def _new_map_canvas(qtbot: object) -> Canvas:
    return open_canvas(Document(RouteMap()), qtbot)


def test_double_clicking_the_empty_banner_writes_the_destination_in_one_undo_step(qtbot: object) -> None:
    canvas = _new_map_canvas(qtbot)
    document = canvas.document
    before = dumps_map(document.route_map)
    assert canvas.scene.areas.banner.hint  # an empty banner says what to do

    double_click(canvas, _banner_point(canvas))
    editor = _editor(canvas)
    assert editor.sceneBoundingRect().intersects(canvas.scene.areas.banner.sceneBoundingRect())
    type_text(canvas.view, DESTINATION_1)
    key(canvas.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line, not the end
    type_text(canvas.view, DESTINATION_2)
    assert open_editor(canvas.scene) is editor
    key(canvas.view, Qt.Key.Key_Return)

    assert document.route_map.destination == f"{DESTINATION_1}\n{DESTINATION_2}"
    assert canvas.scene.areas.banner.text == document.route_map.destination
    assert document.undo_stack.count() == 1
    assert open_editor(canvas.scene) is None
    document.undo_stack.undo()
    assert dumps_map(document.route_map) == before
    assert canvas.scene.areas.banner.text == ""


def test_esc_drops_a_destination_edit(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    before = dumps_map(dengue_document.route_map)
    double_click(canvas, _banner_point(canvas))
    assert _editor(canvas).text() == dengue_document.route_map.destination
    type_text(canvas.view, " เพิ่มเติม")
    key(canvas.view, Qt.Key.Key_Escape)
    assert open_editor(canvas.scene) is None
    assert dumps_map(dengue_document.route_map) == before
    assert dengue_document.undo_stack.count() == 0


def test_a_selected_banner_is_edited_with_f2(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    at = _banner_point(canvas)
    press(canvas, at)
    release(canvas, at)
    assert canvas.scene.areas.banner_selected and canvas.scene.selected_band is None
    key(canvas.view, Qt.Key.Key_F2)
    editor = _editor(canvas)
    key(canvas.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(canvas.view, DESTINATION_1)
    key(canvas.view, Qt.Key.Key_Return)
    assert editor.finished
    assert dengue_document.route_map.destination == DESTINATION_1
    assert dengue_document.undo_stack.count() == 1
    key(canvas.view, Qt.Key.Key_Escape)  # Esc unselects the banner
    assert not canvas.scene.areas.banner_selected
    box = dengue_document.layout().boxes["o1"]
    press(canvas, box.center)  # clicking a box unselects it too
    release(canvas, box.center)
    assert not canvas.scene.areas.banner_selected


def test_double_clicking_a_level_label_renames_the_level(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    before = dumps_map(dengue_document.route_map)
    boxes = len(dengue_document.route_map.objectives)
    band = dengue_document.layout().bands["foundation"]
    label = canvas.scene.areas.bands["foundation"].label_rect()
    double_click(canvas, (label.center().x(), band.y + band.h / 2))
    editor = _editor(canvas)
    assert editor.text() == "พื้นฐาน"
    key(canvas.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(canvas.view, "พื้นฐานองค์กร")
    key(canvas.view, Qt.Key.Key_Return)
    assert dengue_document.route_map.perspective_label("foundation") == "พื้นฐานองค์กร"
    assert canvas.scene.areas.bands["foundation"].label == "พื้นฐานองค์กร"
    assert dengue_document.undo_stack.count() == 1
    assert len(dengue_document.route_map.objectives) == boxes  # no box was added
    dengue_document.undo_stack.undo()
    assert dumps_map(dengue_document.route_map) == before


def test_f2_on_a_selected_level_renames_it_and_an_empty_label_keeps_the_old(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    canvas.scene.selected_band = "stakeholder"
    key(canvas.view, Qt.Key.Key_F2)
    _editor(canvas)
    key(canvas.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(canvas.view, Qt.Key.Key_Delete)
    key(canvas.view, Qt.Key.Key_Return)
    assert dengue_document.route_map.perspective_label("stakeholder") == "ภาคี"
    assert dengue_document.undo_stack.count() == 0


def test_the_hint_shows_on_screen_only(qtbot: object) -> None:
    canvas = _new_map_canvas(qtbot)
    assert canvas.scene.areas.banner.hint == canvas.scene.tr("Double-click here to write the destination")
    alone = MapScene(Document(RouteMap()))  # as pictures are made: no view
    assert alone.areas.banner.hint == ""
