"""A shown map scene on a document, real mouse input, and the check that arrows are glued to
their boxes exactly as model.layout draws them (shared by the canvas tests)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from srmtool.model.layout import arrow_line
from srmtool.ui.canvas import MapScene, MapView
from srmtool.ui.document import Document

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LONG_THAI = "ผู้นำชุมชนและอาสาสมัครสาธารณสุขประจำหมู่บ้านร่วมกันจัดทำธรรมนูญสุขภาพตำบลเพื่อลดโรคไม่ติดต่อเรื้อรัง"


def shown(document: Document, qtbot: object) -> tuple[MapScene, MapView]:
    scene = MapScene(document)
    view = MapView(scene)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(1600, 1400)
    view.show()
    qtbot.waitExposed(view)  # type: ignore[attr-defined]
    view.zoom_reset()
    view.centerOn(QPointF(800, 700))
    return scene, view


def viewport_point(view: MapView, x: float, y: float) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def drag(view: MapView, start: QPoint, end: QPoint, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.mousePress(view.viewport(), LEFT, modifiers, start)
    for i in range(1, 9):
        QTest.mouseMove(view.viewport(), start + (end - start) * (i / 8))
    QTest.mouseRelease(view.viewport(), LEFT, modifiers, end)


def centre(scene: MapScene, oid: str) -> tuple[float, float]:
    return scene.layout().boxes[oid].center


def assert_arrows_glued(scene: MapScene) -> None:
    lay = scene.layout()
    for arrow in scene.arrows():
        source, target = arrow.link
        (x1, y1), (x2, y2) = arrow_line(lay.boxes[source], lay.boxes[target])
        drawn = arrow.line.p1(), arrow.head.at(0)  # what the layer paints: shaft start, head tip
        assert (drawn[0].x(), drawn[0].y(), drawn[1].x(), drawn[1].y()) == pytest.approx((x1, y1, x2, y2))
