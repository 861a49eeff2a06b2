"""Drawing links from visible connection handles versus moving a box from its body, the level a
dragged box would join shown while it moves, and arrows readable at the fitted zoom; real mouse
events through QTest on the view."""

from __future__ import annotations

import pytest
from gestures_support import Canvas, drag, move, open_canvas, press, release
from PySide6.QtCore import QPointF, Qt

from srmtool.model import dumps_map
from srmtool.ui.canvas.arrows import HEAD_PX, Look, look_pen
from srmtool.ui.canvas.handles import _Dot
from srmtool.ui.document import Document


def _unlinked_pair(document: Document) -> tuple[str, str]:
    m = document.route_map
    for source in m.objectives_in("foundation"):
        for target in m.objectives_in("process"):
            if not m.has_link(source.id, target.id) and not m.has_link(target.id, source.id):
                return source.id, target.id
    raise AssertionError("no unlinked foundation/process pair")


def _dots(canvas: Canvas) -> list[_Dot]:
    return [it for it in canvas.scene.items() if isinstance(it, _Dot) and it.isVisible()]


def _at_zoom(canvas: Canvas, zoom: float, oid: str) -> None:
    canvas.view.set_zoom(zoom)
    canvas.view.centerOn(QPointF(*canvas.box(oid).center))


@pytest.mark.parametrize("zoom", [1.0, 0.4])
def test_hovering_a_box_shows_its_four_handles_and_a_drag_from_one_draws_a_link(
    dengue_document: Document, qtbot: object, zoom: float
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    source, target = _unlinked_pair(dengue_document)
    _at_zoom(canvas, zoom, source)
    box = canvas.box(source)
    move(canvas, (box.center[0] - 20, box.center[1]))
    assert len(_dots(canvas)) == 4
    top = (box.center[0], box.y - 4.0 / zoom)  # 4 px above the box: on the top handle's outer half
    move(canvas, top)
    assert canvas.view.viewport().cursor().shape() == Qt.CursorShape.CrossCursor
    assert sum(dot.hot for dot in _dots(canvas)) == 1
    canvas.view.centerOn(QPointF((box.center[0] + canvas.box(target).center[0]) / 2, box.y))
    drag(canvas, top, canvas.box(target).center)
    assert dengue_document.route_map.has_link(source, target)
    assert canvas.box(source) == box
    assert dengue_document.undo_stack.count() == 1


@pytest.mark.parametrize("zoom", [1.0, 0.4])
def test_a_drag_from_the_body_only_moves_even_right_beside_the_border(
    dengue_document: Document, qtbot: object, zoom: float
) -> None:
    """Before the handles, a press within 7 units of the border (2-3 px at the fitted zoom) drew a link."""
    canvas = open_canvas(dengue_document, qtbot)
    oid = dengue_document.route_map.objectives_in("process")[0].id
    _at_zoom(canvas, zoom, oid)
    box = canvas.box(oid)
    links = len(dengue_document.route_map.links)
    start = (box.x + 3.0 / zoom, box.y + box.h * 0.2)  # 3 px inside the left border, off its handle
    drag(canvas, start, (start[0] + 30.0, start[1] + 6.0))
    assert len(dengue_document.route_map.links) == links
    assert canvas.box(oid).x == pytest.approx(box.x + 30.0, abs=2.0 / zoom)
    assert dengue_document.undo_stack.count() == 1


def test_the_level_a_dragged_box_would_join_is_highlighted_until_the_drop(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    oid = dengue_document.route_map.objectives_in("foundation")[0].id
    box = canvas.box(oid)
    process = dengue_document.layout().bands["process"]
    seen: list[object] = []
    canvas.scene.drop_target_changed.connect(seen.append)
    start = (box.center[0] - 30, box.center[1])
    press(canvas, start)
    move(canvas, (start[0] + 5, start[1] + 5))  # still in its own level: nothing is highlighted
    assert not any(band.drop_target for band in canvas.scene.areas.bands.values())
    inside = (start[0], process.y + process.h / 2)
    for step in range(1, 7):
        move(canvas, (start[0], start[1] + (inside[1] - start[1]) * step / 6))
    assert canvas.scene.areas.bands["process"].drop_target
    assert [pid for pid, b in canvas.scene.areas.bands.items() if b.drop_target] == ["process"]
    assert seen[-1] == "process"
    move(canvas, (start[0] + 10, start[1]))  # back into its own level
    assert not canvas.scene.areas.bands["process"].drop_target
    move(canvas, inside)
    before = dumps_map(dengue_document.route_map)
    release(canvas, inside)
    assert not any(band.drop_target for band in canvas.scene.areas.bands.values())
    assert seen[-1] is None
    assert dengue_document.route_map.objective(oid).perspective == "process"  # type: ignore[union-attr]
    dengue_document.undo_stack.undo()
    assert dumps_map(dengue_document.route_map) == before
    assert dengue_document.route_map.objective(oid).perspective == "foundation"  # type: ignore[union-attr]


def test_arrows_and_heads_stay_readable_when_the_map_is_fitted_small(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    canvas.view.set_zoom(0.35)
    arrow = canvas.scene.arrows()[0]
    head = arrow.head
    tip, wing = head.at(0), head.at(1)
    base = QPointF((head.at(1).x() + head.at(2).x()) / 2, (head.at(1).y() + head.at(2).y()) / 2)
    length_px = ((tip.x() - base.x()) ** 2 + (tip.y() - base.y()) ** 2) ** 0.5 * 0.35
    assert length_px >= HEAD_PX - 0.5
    assert wing != tip
    for look in (Look.NORMAL, Look.KEY):
        assert look_pen(look, 0.35).widthF() * 0.35 >= 2.0
    canvas.view.set_zoom(1.0)  # close up, heads and lines are their own size again
    assert canvas.scene.arrows()[0].layer.head_length == pytest.approx(13.0)
    assert look_pen(Look.NORMAL, 1.0).widthF() == pytest.approx(2.0)
