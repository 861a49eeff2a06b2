"""Icons drawn by the program where the desktop's icon theme has none and Qt's own would mislead:
Undo and Redo as curved arrows (Qt's fallbacks are the Back and Forward arrows of a browser)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform

_COLOR = QColor("#2f5f8f")
_SIZES = (16, 24, 32, 48)


def _paint_undo(size: int) -> QPixmap:
    """A hooked arrow turning back to the left: the shaft an arc over the top, the head at the left."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    s = size / 32.0
    with QPainter(pixmap) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(_COLOR, 3.2 * s)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        arc = QPainterPath()
        arc.moveTo(QPointF(9 * s, 13 * s))
        arc.arcTo(QRectF(6 * s, 7 * s, 21 * s, 18 * s), 160, -250)
        painter.drawPath(arc)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_COLOR)
        painter.drawPolygon(
            QPolygonF([QPointF(2 * s, 14 * s), QPointF(13 * s, 8 * s), QPointF(12 * s, 19 * s)])
        )
    return pixmap


@lru_cache(maxsize=2)
def history_icon(redo: bool) -> QIcon:
    """The Undo icon, or Redo's (the same arrow turning the other way)."""
    icon = QIcon()
    for size in _SIZES:
        pixmap = _paint_undo(size)
        if redo:
            pixmap = pixmap.transformed(QTransform().scale(-1, 1))
        icon.addPixmap(pixmap)
    return icon
