"""The map view: zoom, pan and fit, arrows leaving hit-testing when zoomed far out, the window
painting before the Thai segmenter has loaded, and the edge zone where link drags start."""

from __future__ import annotations

import gc

import pytest
from canvas_support import CTRL, LONG_THAI, NONE, drag, shown
from gestures_support import key, open_canvas, type_text
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from srmtool.ui.canvas import ArrowHandle, MapScene, MapView, text
from srmtool.ui.canvas.handles import HIT_PX, handle_at, handle_points, hit_radius
from srmtool.ui.canvas.inline_edit import open_editor
from srmtool.ui.canvas.view import MARGIN
from srmtool.ui.document import Document


def test_zoom_pan_and_fit(dengue_document: Document, qtbot: object) -> None:
    scene, view = shown(dengue_document, qtbot)
    with qtbot.waitActive(view):  # type: ignore[attr-defined]  # the zoom keys are window shortcuts
        view.activateWindow()
    view.zoom_in()
    assert view.zoom() == pytest.approx(1.2)
    view.zoom_out()
    view.zoom_out()
    assert view.zoom() == pytest.approx(1 / 1.2)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Minus, CTRL)
    assert view.zoom() < 1 / 1.2
    before = view.zoom()
    wheel = QWheelEvent(
        QPointF(300, 300),
        view.viewport().mapToGlobal(QPointF(300, 300)),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        CTRL,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(before * 1.2**2)
    view.zoom_reset()
    view.resize(800, 600)
    view.fit()
    bounds = scene.layout().bounds
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(bounds.x + 1, bounds.y + 1) and visible.contains(
        bounds.right - 1, bounds.bottom - 1
    )
    assert view.zoom() < 1.0

    view.zoom_reset()
    h = view.horizontalScrollBar().value()
    middle = Qt.MouseButton.MiddleButton
    start = QPoint(400, 300)
    QTest.mousePress(view.viewport(), middle, NONE, start)
    QTest.mouseMove(view.viewport(), start + QPoint(-120, 0))
    QTest.mouseRelease(view.viewport(), middle, NONE, start + QPoint(-120, 0))
    assert view.horizontalScrollBar().value() == h + 120

    v = view.verticalScrollBar().value()
    QTest.keyPress(view, Qt.Key.Key_Space)
    drag(view, start, start + QPoint(0, -80))  # Space held: the left button pans instead
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert view.verticalScrollBar().value() == v + 80
    assert scene.selected_objective_ids() == [] and scene.selected_band is None
    assert dengue_document.undo_stack.count() == 0


def test_arrows_leave_hit_testing_when_zoomed_out_too_far(dengue_document: Document, qtbot: object) -> None:
    scene, view = shown(dengue_document, qtbot)
    handles = [it for it in scene.items() if isinstance(it, ArrowHandle)]
    kept = handles[0]
    kept.setSelected(True)
    view.set_zoom(0.1)
    assert kept.isVisible() and kept.isSelected()
    assert not any(h.isVisible() for h in handles if h is not kept)
    view.set_zoom(1.0)
    assert all(h.isVisible() for h in handles)
    link = dengue_document.add_link("o15", "o1")
    assert link
    view.set_zoom(0.1)
    added = scene.arrow("o15", "o1")
    assert added is not None and added.handle is not None and not added.handle.isVisible()


def test_a_shown_map_paints_first_and_lays_text_out_after(
    dengue_document: Document, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text, "_ready", False)  # as in a fresh process
    monkeypatch.setattr(text.notifier(), "_asked", False)
    monkeypatch.setattr(text.notifier(), "_loaded", False)
    scene, view = shown(dengue_document, qtbot)
    assert scene.defers_text
    view.viewport().grab()
    box = scene.box("o1")
    assert box is not None and box._layout is None  # painted without waiting for the segmenter
    qtbot.waitUntil(lambda: text.segmenter_ready())  # type: ignore[attr-defined]
    view.viewport().grab()
    assert box._layout is not None
    laid_out = box._layout.text().replace(text.ZWSP, "")
    assert laid_out == dengue_document.route_map.objective("o1").text  # type: ignore[union-attr]


def test_the_view_keeps_its_scene_alive(dengue_document: Document, qtbot: object) -> None:
    view = MapView(MapScene(dengue_document))
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    gc.collect()
    assert view.scene() is view.map_scene()
    assert len(view.map_scene().boxes()) == len(dengue_document.route_map.objectives)


def test_connection_handles_are_caught_within_the_same_screen_pixels_at_any_zoom(
    dengue_document: Document, qtbot: object
) -> None:
    scene, view = shown(dengue_document, qtbot)
    box = scene.box("o1")
    assert box is not None
    r = box.rect
    top = QPointF(r.center[0], r.y)
    for zoom in (1.0, 0.4):
        reach_px = HIT_PX - 1.0
        inside = QPointF(top.x(), top.y() + reach_px / zoom)  # a little inside the box, below the handle
        outside = QPointF(top.x(), top.y() - reach_px / zoom)  # above the box
        assert handle_at(scene, inside, zoom) == (box, 0)
        assert handle_at(scene, outside, zoom) == (box, 0)
        body = QPointF(r.center[0] - 30, r.center[1])
        assert handle_at(scene, body, zoom) == (box, None)  # the body moves, never links
        assert handle_at(scene, QPointF(top.x(), top.y() - (HIT_PX + 3) / zoom), zoom) is None
    # handles never take more than a quarter of a tiny box's height
    assert hit_radius(r, 0.05) == pytest.approx(min(r.w, r.h) / 4)
    assert [QPointF(*p) for p in handle_points(r)] == [
        QPointF(r.center[0], r.y),
        QPointF(r.right, r.center[1]),
        QPointF(r.center[0], r.bottom),
        QPointF(r.x, r.center[1]),
    ]


def test_arrows_stay_painted_when_a_box_is_dragged_past_the_edge(
    dengue_document: Document, qtbot: object
) -> None:
    scene, view = shown(dengue_document, qtbot)
    box = scene.box("o5")  # ภ2, the rightmost box
    assert box is not None and box.arrows
    layer = box.arrows[0].layer
    right = scene.layout().bounds.right
    box.setPos(right + 300, box.pos().y())  # as Qt does during a drag
    assert all(layer.boundingRect().contains(arrow.rect) for arrow in box.arrows)
    scene.layout()  # nothing changed in the model: the layer keeps its grown bounds until a relayout
    dengue_document.move_objectives({"o5": (box.pos().x(), box.pos().y())})
    bounds = scene.layout().bounds
    assert bounds.right > right
    assert layer.boundingRect().right() == bounds.right


def _scroll_bars(view: MapView) -> tuple[bool, bool]:
    return view.horizontalScrollBar().isVisible(), view.verticalScrollBar().isVisible()


def test_fit_leaves_a_margin_and_no_scroll_bar(dengue_document: Document, qtbot: object) -> None:
    scene, view = shown(dengue_document, qtbot)
    for size in ((900, 700), (1300, 700), (700, 1200)):
        view.resize(*size)
        view.fit()
        QApplication.processEvents()
        assert _scroll_bars(view) == (False, False)
        b = scene.layout().bounds
        top_left, bottom_right = (
            view.mapFromScene(QPointF(b.x, b.y)),
            view.mapFromScene(QPointF(b.right, b.bottom)),
        )
        room = view.viewport().rect()
        gaps = (top_left.x(), top_left.y(), room.right() - bottom_right.x(), room.bottom() - bottom_right.y())
        assert min(gaps) >= MARGIN - 1  # clear of every edge
        assert min(gaps) <= MARGIN + 2  # and as large as that allows
    # The view scrolls over the map and the margin, nothing more (the scene's own rect is larger).
    view.resize(900, 700)
    view.zoom_reset()
    QApplication.processEvents()
    m = MARGIN
    assert view.sceneRect() == QRectF(b.x - m, b.y - m, b.w + 2 * m, b.h + 2 * m)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert view.mapFromScene(QPointF(b.x, b.bottom)).y() == pytest.approx(view.viewport().height() - m, abs=1)


def test_a_fitted_view_fits_again_when_capture_ends(dengue_document: Document, qtbot: object) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    view, scene = canvas.view, canvas.scene
    view.resize(1400, 850)
    view.fit()
    QApplication.processEvents()
    scene.selected_band = "foundation"
    for called in ("ครูอนามัยโรงเรียนได้รับการอบรม", "งบประมาณกองทุนสุขภาพตำบลเพียงพอ", LONG_THAI, "ทีมสอบสวนโรค"):
        type_text(view, called)
        key(view, Qt.Key.Key_Return)
    editor = open_editor(scene)
    assert editor is not None  # the next, empty box: the view can scroll to it, wherever it opened
    assert view.sceneRect().contains(editor.sceneBoundingRect())
    key(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() == 0)  # type: ignore[attr-defined]
    assert _scroll_bars(view) == (False, False)

    b = scene.layout().bounds
    m = MARGIN / view.zoom()
    assert view.sceneRect() == QRectF(b.x - m, b.y - m, b.w + 2 * m, b.h + 2 * m)
    assert view.mapFromScene(QPointF(b.x, b.y)).y() >= MARGIN - 1  # the banner's top is in sight
    assert view.fitted


def test_zooming_ends_fitting_and_the_view_shrinks_back_after_an_edit(
    dengue_document: Document, qtbot: object
) -> None:
    canvas = open_canvas(dengue_document, qtbot)
    view, scene = canvas.view, canvas.scene
    view.fit()
    view.zoom_in()
    assert not view.fitted
    zoom = view.zoom()
    scene.selected_band = "people"
    type_text(view, "ประชาชนร่วมมือ")
    key(view, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert view.zoom() == zoom  # not fitted: the zoom stays the user's
    b = scene.layout().bounds
    m = MARGIN / zoom
    assert view.sceneRect() == QRectF(b.x - m, b.y - m, b.w + 2 * m, b.h + 2 * m)
