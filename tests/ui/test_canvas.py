"""The map scene on the bundled examples: items from the document, drag-move through one undo
step, band changes, selection, route highlighting, badges and document signals."""

from __future__ import annotations

import pytest
from canvas_support import (
    CTRL,
    LEFT,
    LONG_THAI,
    NONE,
    assert_arrows_glued,
    centre,
    drag,
    shown,
    viewport_point,
)
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest

from srmtool.model import graph
from srmtool.model.layout import BOX_HEIGHT, arrow_line
from srmtool.model.operations import SetMapField
from srmtool.ui.canvas import ArrowHandle, BandItem, BannerItem, MapScene
from srmtool.ui.canvas.arrows import Look
from srmtool.ui.document import Document


@pytest.mark.parametrize("fixture", ["dengue_document", "district_document"])
def test_one_box_per_objective_and_one_arrow_per_link(fixture: str, request: pytest.FixtureRequest) -> None:
    document: Document = request.getfixturevalue(fixture)
    scene = MapScene(document)
    m = document.route_map
    assert sorted(b.objective_id for b in scene.boxes()) == sorted(o.id for o in m.objectives)
    assert sorted(a.link for a in scene.arrows()) == sorted((lk.source, lk.target) for lk in m.links)
    handles = [it for it in scene.items() if isinstance(it, ArrowHandle)]
    assert len(handles) == len(m.links)
    lay = scene.layout()
    for box in scene.boxes():
        rect = lay.boxes[box.objective_id]
        assert (box.pos().x(), box.pos().y()) == (rect.x, rect.y)
        assert box.code == m.objective(box.objective_id).code  # type: ignore[union-attr]
        assert box.zValue() > handles[0].zValue()  # arrows under boxes
    assert_arrows_glued(scene)


def test_dragging_a_box_moves_its_arrows_and_pushes_one_move(
    dengue_document: Document, qtbot: object
) -> None:
    scene, view = shown(dengue_document, qtbot)
    box = scene.box("o9")
    assert box is not None and len(box.arrows) >= 4
    before = box.pos()
    x, y = centre(scene, "o9")
    drag(view, viewport_point(view, x, y), viewport_point(view, x + 60, y + 40))
    assert dengue_document.undo_stack.count() == 1
    o9 = dengue_document.route_map.objective("o9")
    assert o9 is not None and (o9.x, o9.y) == (before.x() + 60, before.y() + 40)
    assert o9.perspective == "process"
    assert box.pos() == before + QPointF(60, 40)
    assert_arrows_glued(scene)

    dengue_document.undo_stack.undo()
    scene.layout()
    assert box.pos() == before
    assert_arrows_glued(scene)


def test_a_click_without_moving_pushes_nothing(dengue_document: Document, qtbot: object) -> None:
    scene, view = shown(dengue_document, qtbot)
    x, y = centre(scene, "o1")
    QTest.mouseClick(view.viewport(), LEFT, NONE, viewport_point(view, x, y))
    assert scene.selected_objective_ids() == ["o1"]
    assert dengue_document.undo_stack.count() == 0


def test_dropping_into_another_band_changes_the_perspective(dengue_document: Document, qtbot: object) -> None:
    scene, view = shown(dengue_document, qtbot)
    stakeholder = scene.layout().bands["stakeholder"]
    x, y = centre(scene, "o11")  # ก3, process
    target_y = stakeholder.y + stakeholder.h / 2
    drag(view, viewport_point(view, x, y), viewport_point(view, x, target_y))
    o11 = dengue_document.route_map.objective("o11")
    assert o11 is not None and o11.perspective == "stakeholder" and o11.code == "ก3"
    assert dengue_document.undo_stack.count() == 1
    box = scene.box("o11")
    assert box is not None
    rect = scene.layout().boxes["o11"]
    assert stakeholder.y <= rect.y and rect.bottom <= scene.layout().bands["stakeholder"].bottom
    assert_arrows_glued(scene)
    dengue_document.undo_stack.undo()
    assert dengue_document.route_map.objective("o11").perspective == "process"  # type: ignore[union-attr]
    assert scene.band_at(QPointF(*centre(scene, "o11"))) == "process"


def test_a_band_grows_when_a_box_goes_below_it(dengue_document: Document) -> None:
    scene = MapScene(dengue_document)
    lay = scene.layout()
    people, stakeholder = lay.bands["people"], lay.bands["stakeholder"]
    o1 = dengue_document.route_map.objective("o1")
    assert o1 is not None
    dengue_document.move_objectives({"o1": (o1.x, people.bottom - BOX_HEIGHT / 2 - 5)})  # centre stays
    grown = scene.layout()
    assert grown.bands["people"].bottom > people.bottom
    assert grown.bands["stakeholder"].y >= stakeholder.y
    box = scene.box("o4")
    assert box is not None and box.pos().y() == grown.boxes["o4"].y
    assert scene.sceneRect().contains(QPointF(0, grown.bounds.bottom))
    assert_arrows_glued(scene)


def test_the_scene_shows_the_documents_one_layout(dengue_document: Document) -> None:
    doc = dengue_document
    scene = MapScene(doc)
    first = scene.layout()
    assert first is doc.layout()
    doc.set_objective_text("o1", LONG_THAI)  # a box's text does not move any box
    assert scene.layout() is first
    o1 = doc.route_map.objective("o1")
    assert o1 is not None
    doc.move_objectives({"o1": (o1.x + 250.0, o1.y)})
    moved = scene.layout()
    assert moved is doc.layout() and moved is not first
    box = scene.box("o1")
    assert box is not None and (box.pos().x(), box.pos().y()) == (moved.boxes["o1"].x, moved.boxes["o1"].y)


def test_rubber_band_and_ctrl_click_select(dengue_document: Document, qtbot: object) -> None:
    scene, view = shown(dengue_document, qtbot)
    lay = scene.layout()
    band = lay.bands["foundation"]
    start = viewport_point(view, band.x + 150, band.y + 5)
    end = viewport_point(view, band.right - 5, band.bottom - 5)
    drag(view, start, end)
    expected = sorted(o.id for o in dengue_document.route_map.objectives_in("foundation"))
    assert sorted(scene.selected_objective_ids()) == expected
    assert scene.selected_links() == []  # arrows only cross the rubber band
    assert dengue_document.undo_stack.count() == 0

    o13, o10 = lay.boxes["o13"], lay.boxes["o10"]  # พ1 → ก2: a band around both takes the arrow too
    left, right = min(o13.x, o10.x) - 10, max(o13.right, o10.right) + 10
    drag(view, viewport_point(view, left, o10.y - 10), viewport_point(view, right, o13.bottom + 10))
    assert sorted(scene.selected_objective_ids()) == ["o10", "o13"]
    assert ("o13", "o10") in scene.selected_links()
    part = viewport_point(view, o13.x - 10, o13.y - 10), viewport_point(view, o13.right + 10, o13.y + 40)
    drag(view, *part)
    assert scene.selected_objective_ids() == []  # a box only partly inside is not picked

    scene.select_objectives(expected)
    x, y = centre(scene, "o1")
    QTest.mouseClick(view.viewport(), LEFT, CTRL, viewport_point(view, x, y))
    assert sorted(scene.selected_objective_ids()) == sorted([*expected, "o1"])
    QTest.mouseClick(view.viewport(), LEFT, CTRL, viewport_point(view, x, y))
    assert sorted(scene.selected_objective_ids()) == expected


def test_clicking_an_arrow_selects_its_link(dengue_document: Document, qtbot: object) -> None:
    scene, view = shown(dengue_document, qtbot)
    arrow = scene.arrow("o13", "o10")
    assert arrow is not None
    mid = arrow.line.pointAt(0.5)
    QTest.mouseClick(view.viewport(), LEFT, NONE, view.mapFromScene(mid))
    assert scene.selected_links() == [("o13", "o10")]
    assert arrow.look == Look.SELECTED


def test_selecting_an_objective_highlights_its_routes(dengue_document: Document) -> None:
    scene = MapScene(dengue_document)
    scene.select_objectives(["o9"])
    lit = graph.related(dengue_document.route_map, "o9")
    assert "o9" in lit and len(lit) < len(dengue_document.route_map.objectives)
    for box in scene.boxes():
        assert box.dimmed == (box.objective_id not in lit)
    for arrow in scene.arrows():
        off_route = arrow.link[0] not in lit or arrow.link[1] not in lit
        assert (arrow.look == Look.DIM) == off_route
    scene.clearSelection()
    assert not any(box.dimmed for box in scene.boxes())
    assert scene.highlighted is None


def test_key_route_is_emphasised(dengue_document: Document) -> None:
    scene = MapScene(dengue_document)
    assert scene.arrow("o13", "o10").look == Look.KEY  # type: ignore[union-attr]  # both on the key route
    assert scene.arrow("o11", "o6").look == Look.NORMAL  # type: ignore[union-attr]
    dengue_document.set_key_route(["o11", "o6"], True)
    assert scene.box("o11").key_route  # type: ignore[union-attr]
    assert scene.arrow("o11", "o6").look == Look.KEY  # type: ignore[union-attr]


def test_findings_badge_appears_for_empty_text(dengue_document: Document, qtbot: object) -> None:
    scene = MapScene(dengue_document)
    assert all(box.badge is None for box in scene.boxes())
    dengue_document.set_objective_text("o2", "")
    qtbot.waitUntil(lambda: scene.box("o2").badge is not None)  # type: ignore[attr-defined, union-attr]
    assert scene.box("o2").badge == "error"  # type: ignore[union-attr]
    assert scene.box("o2").toolTip()  # type: ignore[union-attr]
    assert scene.box("o1").badge is None  # type: ignore[union-attr]
    assert scene.box("o2").zValue() == scene.box("o1").zValue()  # type: ignore[union-attr]
    scene.select_objectives(["o2"])
    assert scene.box("o2").zValue() > scene.box("o1").zValue()  # type: ignore[union-attr]
    dengue_document.undo_stack.undo()
    qtbot.waitUntil(lambda: scene.box("o2").badge is None)  # type: ignore[attr-defined, union-attr]


def test_items_follow_document_signals(dengue_document: Document) -> None:
    scene = MapScene(dengue_document)
    oid = dengue_document.add_objective("process", LONG_THAI)
    box = scene.box(oid)
    assert box is not None and box.text == LONG_THAI
    assert (box.pos().x(), box.pos().y()) == (scene.layout().boxes[oid].x, scene.layout().boxes[oid].y)
    assert dengue_document.add_link(oid, "o4")
    assert scene.arrow(oid, "o4") is not None
    assert_arrows_glued(scene)

    dengue_document.delete(["o9"])
    assert scene.box("o9") is None
    assert not any("o9" in a.link for a in scene.arrows())
    dengue_document.undo_stack.undo()
    assert scene.box("o9") is not None
    assert sorted(a.link for a in scene.arrows()) == sorted(
        (lk.source, lk.target) for lk in dengue_document.route_map.links
    )
    assert_arrows_glued(scene)


def test_reset_rebuilds_and_map_changes_relabel(
    dengue_document: Document, district_document: Document
) -> None:
    scene = MapScene(dengue_document)
    dengue_document.replace(district_document.route_map.model_copy(deep=True))
    assert len(scene.boxes()) == 42 and len(scene.arrows()) == len(district_document.route_map.links)
    assert_arrows_glued(scene)


def test_band_selection_by_clicking_empty_band_area(dengue_document: Document, qtbot: object) -> None:
    scene, view = shown(dengue_document, qtbot)
    seen: list[object] = []
    scene.selected_band_changed.connect(seen.append)
    band = scene.layout().bands["process"]
    QTest.mouseClick(view.viewport(), LEFT, NONE, viewport_point(view, band.x + 40, band.y + 20))
    assert scene.selected_band == "process" and seen == ["process"]
    x, y = centre(scene, "o1")
    QTest.mouseClick(view.viewport(), LEFT, NONE, viewport_point(view, x, y))
    assert scene.selected_band is None
    assert scene.band_at(QPointF(300, 10)) is None  # the banner


def test_tool_gets_events_first(dengue_document: Document, qtbot: object) -> None:
    class Swallow:
        def __init__(self) -> None:
            self.presses = 0

        def mouse_press(self, event: object) -> bool:
            self.presses += 1
            return True

    scene, view = shown(dengue_document, qtbot)
    tool = Swallow()
    scene.set_tool(tool)
    x, y = centre(scene, "o1")
    drag(view, viewport_point(view, x, y), viewport_point(view, x + 50, y))
    assert tool.presses == 1
    assert scene.selected_objective_ids() == [] and dengue_document.undo_stack.count() == 0


def test_arrows_draw_fast_only_while_boxes_are_dragged(dengue_document: Document, qtbot: object) -> None:
    scene, view = shown(dengue_document, qtbot)
    layer = scene.arrows()[0].layer
    x, y = centre(scene, "o13")
    start = viewport_point(view, x, y)
    QTest.mousePress(view.viewport(), LEFT, NONE, start)
    assert not layer._moving  # a press alone changes nothing
    QTest.mouseMove(view.viewport(), start + QPoint(30, 10))
    assert layer._moving
    box = scene.box("o13")
    assert box is not None and box.arrows
    assert box.pos().x() == scene.layout().boxes["o13"].x + 30  # moved on screen, not in the model
    for arrow in box.arrows:  # mid-drag: glued to where the box is now, not where the model has it
        (x1, y1), (x2, y2) = arrow_line(arrow.source.rect, arrow.target.rect)
        assert box.rect.x == box.pos().x() and box.rect.y == box.pos().y()
        assert (arrow.line.x1(), arrow.line.y1(), *arrow.tip) == pytest.approx((x1, y1, x2, y2))
    assert dengue_document.undo_stack.count() == 0
    QTest.mouseRelease(view.viewport(), LEFT, NONE, start + QPoint(30, 10))
    assert not layer._moving
    assert dengue_document.undo_stack.count() == 1


def test_destination_and_labels_follow_map_changes(dengue_document: Document) -> None:
    scene = MapScene(dengue_document)
    bands = {it.perspective_id: it for it in scene.items() if isinstance(it, BandItem)}
    banner = next(it for it in scene.items() if isinstance(it, BannerItem))
    assert bands["process"].label == "กระบวนการ" and banner.text == dengue_document.route_map.destination
    dengue_document.edit(SetMapField("label.process", "กระบวนการบริหารจัดการ"), "Rename level")
    dengue_document.edit(SetMapField("destination", LONG_THAI), "Edit destination")
    assert bands["process"].label == "กระบวนการบริหารจัดการ"
    assert banner.text == LONG_THAI
    dengue_document.undo_stack.undo()
    dengue_document.undo_stack.undo()
    assert bands["process"].label == "กระบวนการ"
