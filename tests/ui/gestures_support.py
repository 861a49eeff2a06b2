"""A shown canvas on a document, and real input events for the gesture tests.

``QTest.keyClicks`` refuses characters outside ASCII, so Thai is typed as key events carrying the
text, the way an input method or a Thai keyboard layout delivers it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from srmtool.model.layout import Rect
from srmtool.ui.canvas.scene import MapScene
from srmtool.ui.canvas.tools import SelectTool
from srmtool.ui.canvas.view import MapView
from srmtool.ui.document import Document

LONG_THAI = (
    "ประชาชนในตำบลร่วมกันสำรวจและกำจัดแหล่งเพาะพันธุ์ยุงลายในบ้านโรงเรียนวัดและชุมชนทุกสัปดาห์"
    "อย่างต่อเนื่องจนค่าดัชนีลูกน้ำยุงลายต่ำกว่าเกณฑ์"
)
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@dataclass
class Canvas:
    document: Document
    scene: MapScene
    view: MapView
    tool: SelectTool

    def point(self, x: float, y: float) -> QPoint:
        """Viewport pixel of scene point (x, y)."""
        return self.view.mapFromScene(QPointF(x, y))

    def box(self, objective_id: str) -> Rect:
        return self.document.layout().boxes[objective_id]


def open_canvas(document: Document, qtbot: object) -> Canvas:
    """A fresh scene and view on ``document``, shown, active, with the select tool."""
    scene = MapScene(document)
    tool = SelectTool(scene)
    scene.set_tool(tool)
    view = MapView(scene)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(1600, 1100)
    view.show()
    qtbot.waitExposed(view)  # type: ignore[attr-defined]
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(lambda: scene.isActive())  # type: ignore[attr-defined]
    return Canvas(document, scene, view, tool)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` one character at a time as key events carrying it."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, NO_MODIFIER, char))


def key(widget: QWidget, code: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    QTest.keyClick(widget, code, modifiers)


def press(canvas: Canvas, at: tuple[float, float]) -> None:
    """Press the left button at scene point ``at``."""
    QTest.mousePress(canvas.view.viewport(), Qt.MouseButton.LeftButton, NO_MODIFIER, canvas.point(*at))


def move(canvas: Canvas, to: tuple[float, float]) -> None:
    QTest.mouseMove(canvas.view.viewport(), canvas.point(*to))


def release(canvas: Canvas, at: tuple[float, float]) -> None:
    QTest.mouseRelease(canvas.view.viewport(), Qt.MouseButton.LeftButton, NO_MODIFIER, canvas.point(*at))


def double_click(canvas: Canvas, at: tuple[float, float]) -> None:
    QTest.mouseDClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, NO_MODIFIER, canvas.point(*at))


def drag(canvas: Canvas, start: tuple[float, float], end: tuple[float, float], steps: int = 6) -> None:
    """Press the left button at scene point ``start``, move in steps to ``end`` and release."""
    press(canvas, start)
    for i in range(1, steps + 1):
        move(canvas, (start[0] + (end[0] - start[0]) * i / steps, start[1] + (end[1] - start[1]) * i / steps))
    release(canvas, end)
