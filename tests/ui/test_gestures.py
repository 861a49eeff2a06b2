"""Drawing links from a box's edge and deleting the selection, with real mouse and key events."""

from __future__ import annotations

from gestures_support import Canvas, drag, key, move, open_canvas, press, release
from PySide6.QtCore import Qt

from srmtool.model import dumps_map
from srmtool.ui.canvas.tools import RubberArrow
from srmtool.ui.document import Document


def _unlinked_pair(document: Document) -> tuple[str, str]:
    """Two objectives, the second in the band above the first, not linked either way."""
    m = document.route_map
    for source in m.objectives_in("foundation"):
        for target in m.objectives_in("process"):
            if not m.has_link(source.id, target.id) and not m.has_link(target.id, source.id):
                return source.id, target.id
    raise AssertionError("the example has no unlinked foundation/process pair")


def _edge_start(canvas: Canvas, objective_id: str) -> tuple[float, float]:
    """A point inside the box, in its top edge zone, where a link drag starts."""
    box = canvas.box(objective_id)
    return (box.center[0], box.y + 3.0)


def _rubber_arrows(canvas: Canvas) -> list[RubberArrow]:
    return [item for item in canvas.scene.items() if isinstance(item, RubberArrow)]


def test_drag_from_edge_to_another_box_adds_one_link_and_undo_removes_it(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    source, target = _unlinked_pair(dengue_document)
    before = dumps_map(dengue_document.route_map)
    links_before = len(dengue_document.route_map.links)
    steps_before = dengue_document.undo_stack.count()
    source_box = canvas.box(source)

    drag(canvas, _edge_start(canvas, source), canvas.box(target).center)

    assert dengue_document.route_map.has_link(source, target)
    assert len(dengue_document.route_map.links) == links_before + 1
    assert dengue_document.undo_stack.count() == steps_before + 1
    assert canvas.box(source) == source_box  # an edge drag draws; it does not move the box
    assert _rubber_arrows(canvas) == []
    dengue_document.undo_stack.undo()
    assert dumps_map(dengue_document.route_map) == before


def test_rubber_arrow_follows_the_mouse_while_dragging(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    source, target = _unlinked_pair(dengue_document)
    start = _edge_start(canvas, source)
    press(canvas, start)
    move(canvas, (start[0] + 60, start[1] - 90))
    arrows = _rubber_arrows(canvas)
    assert len(arrows) == 1 and arrows[0].isVisible()
    first = arrows[0].path().boundingRect()
    assert arrows[0].pen().style() == Qt.PenStyle.DashLine  # over nothing that can take the link
    move(canvas, canvas.box(target).center)
    assert arrows[0].path().boundingRect() != first
    assert arrows[0].pen().style() == Qt.PenStyle.SolidLine  # over a box that can take the link
    release(canvas, canvas.box(target).center)
    assert _rubber_arrows(canvas) == []


def test_dragging_a_link_to_empty_space_adds_nothing(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    source, _ = _unlinked_pair(dengue_document)
    before = dumps_map(dengue_document.route_map)
    bounds = dengue_document.layout().bounds
    empty = (bounds.right - 20.0, dengue_document.layout().bands["foundation"].bottom - 10.0)
    assert canvas.scene.box_at(canvas.view.mapToScene(canvas.point(*empty))) is None

    drag(canvas, _edge_start(canvas, source), empty)

    assert dumps_map(dengue_document.route_map) == before
    assert dengue_document.undo_stack.count() == 0
    assert _rubber_arrows(canvas) == []


def test_esc_cancels_a_link_drag(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    source, target = _unlinked_pair(dengue_document)
    box_before = canvas.box(source)
    press(canvas, _edge_start(canvas, source))
    move(canvas, canvas.box(target).center)
    key(canvas.view, Qt.Key.Key_Escape)
    assert _rubber_arrows(canvas) == []
    move(canvas, canvas.box(target).center)
    release(canvas, canvas.box(target).center)
    assert not dengue_document.route_map.has_link(source, target)
    assert dengue_document.undo_stack.count() == 0
    assert canvas.box(source) == box_before  # the rest of the gesture does not move the box


def test_drag_onto_an_already_linked_box_adds_no_duplicate(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    link = dengue_document.route_map.links[0]
    links_before = len(dengue_document.route_map.links)
    drag(canvas, _edge_start(canvas, link.source), canvas.box(link.target).center)
    assert len(dengue_document.route_map.links) == links_before
    assert dengue_document.undo_stack.count() == 0


def test_delete_removes_selected_box_and_arrow_with_links_and_rows_undoably(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    m = dengue_document.route_map
    victim = next(o.id for o in m.objectives if m.rows_of(o.id) and len(m.links_of(o.id)) >= 2)
    other = next(lk for lk in m.links if victim not in (lk.source, lk.target))
    attached = {(lk.source, lk.target) for lk in m.links_of(victim)}
    rows = {r.id for r in m.rows_of(victim)}
    before = dumps_map(m)

    canvas.scene.select_objectives([victim])
    handle = next(
        item for item in canvas.scene.items() if getattr(item, "link", None) == (other.source, other.target)
    )
    handle.setSelected(True)
    assert set(canvas.scene.selected_links()) >= {(other.source, other.target)}
    key(canvas.view, Qt.Key.Key_Delete)

    assert m.objective(victim) is None
    remaining = {(lk.source, lk.target) for lk in m.links}
    assert not attached & remaining
    assert (other.source, other.target) not in remaining
    assert not rows & {r.id for r in m.table.rows}
    assert canvas.scene.box(victim) is None
    assert dengue_document.undo_stack.count() == 1

    dengue_document.undo_stack.undo()
    assert dumps_map(m) == before
    assert canvas.scene.box(victim) is not None


def test_delete_with_nothing_selected_does_nothing(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    before = dumps_map(dengue_document.route_map)
    canvas.scene.clearSelection()
    key(canvas.view, Qt.Key.Key_Delete)
    assert dengue_document.undo_stack.count() == 0
    assert dumps_map(dengue_document.route_map) == before


def test_the_cursor_shows_where_a_link_can_start(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    oid = dengue_document.route_map.objectives_in("process")[0].id
    viewport = canvas.view.viewport()
    move(canvas, _edge_start(canvas, oid))
    assert viewport.cursor().shape() == Qt.CursorShape.CrossCursor
    move(canvas, canvas.box(oid).center)
    assert viewport.cursor().shape() != Qt.CursorShape.CrossCursor
