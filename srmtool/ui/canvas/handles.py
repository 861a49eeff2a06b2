"""Connection handles: the dots on the middle of each side of the box under the mouse, from which a
drag draws a link.

Their size and their hit zone are in screen pixels, so they are as easy to see and to catch at the
fitted zoom of a laptop as at 100 % (but never cover more than a quarter of a tiny box's height, so
its body can still be dragged). A press inside a handle's zone only ever starts a link; a press on
the rest of the box only ever moves it (``handle_at``).

The dots are items that ignore the view's zoom (drawn in pixels around their scene point) and take
no clicks; they are added to the scene only when a view first hovers a box, so a picture of the map
never holds them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)
from typing_extensions import override

from srmtool.model.layout import Rect
from srmtool.ui.canvas.items import BoxItem

if TYPE_CHECKING:
    from srmtool.ui.canvas.scene import MapScene

DOT_PX = 5.0  # radius of a drawn handle, in screen pixels
HOT_DOT_PX = 7.0  # the handle under the mouse
HIT_PX = 11.0  # radius of the zone a press starts a link in, in screen pixels
HANDLE_Z = 950.0  # above boxes and arrows, below an open editor
_RING = QPen(QColor("#1f6fd1"), 2.0)
_FILL = QBrush(QColor("white"))
_HOT_FILL = QBrush(QColor("#1f6fd1"))


def handle_points(rect: Rect) -> tuple[tuple[float, float], ...]:
    """The handles of a box: the middles of its top, right, bottom and left sides."""
    cx, cy = rect.center
    return ((cx, rect.y), (rect.right, cy), (cx, rect.bottom), (rect.x, cy))


def hit_radius(rect: Rect, zoom: float) -> float:
    """How far from a handle (scene units) a press still catches it at ``zoom``."""
    return min(HIT_PX / max(zoom, 1e-6), min(rect.w, rect.h) / 4)


def event_zoom(event: QGraphicsSceneMouseEvent) -> float:
    """The zoom of the view a mouse event came through (1.0 when it came through none)."""
    widget = event.widget()
    view = widget.parentWidget() if widget is not None else None
    return view.transform().m11() if isinstance(view, QGraphicsView) else 1.0


def _handle_of(box: BoxItem, pos: QPointF, zoom: float) -> int | None:
    reach = hit_radius(box.rect, zoom)
    for i, (hx, hy) in enumerate(handle_points(box.rect)):
        if math.hypot(pos.x() - hx, pos.y() - hy) <= reach:
            return i
    return None


def handle_at(scene: MapScene, pos: QPointF, zoom: float) -> tuple[BoxItem, int | None] | None:
    """The box whose handles a pointer at ``pos`` is near (the box it is on, or else a box whose
    handle zone reaches out to it) and the index of the handle it is on (None: on the body)."""
    inside = scene.box_at(pos)
    if inside is not None:
        return inside, _handle_of(inside, pos, zoom)
    reach = HIT_PX / max(zoom, 1e-6)
    area = QRectF(pos.x() - reach, pos.y() - reach, 2 * reach, 2 * reach)
    for item in scene.items(area):
        if isinstance(item, BoxItem):
            handle = _handle_of(item, pos, zoom)
            if handle is not None:
                return item, handle
    return None


class _Dot(QGraphicsItem):
    """One handle, drawn in screen pixels around its scene position."""

    def __init__(self) -> None:
        super().__init__()
        self.hot = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(HANDLE_Z)

    def set_hot(self, hot: bool) -> None:
        if hot != self.hot:
            self.hot = hot
            self.update()

    @override
    def boundingRect(self) -> QRectF:
        r = HOT_DOT_PX + 2.0
        return QRectF(-r, -r, 2 * r, 2 * r)

    @override
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = HOT_DOT_PX if self.hot else DOT_PX
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_RING)
        painter.setBrush(_HOT_FILL if self.hot else _FILL)
        painter.drawEllipse(QPointF(0.0, 0.0), r, r)


class LinkHandles:
    """The handles of one scene: shown on one box at a time (``show``), or on none."""

    def __init__(self, scene: MapScene) -> None:
        self._scene = scene
        self._dots: list[_Dot] = []
        self.box: BoxItem | None = None

    def show(self, box: BoxItem | None, hot: int | None = None) -> None:
        """Show the handles of ``box`` (None: hide them), ``hot`` the one under the mouse."""
        self.box = box
        if box is None:
            for dot in self._dots:
                dot.hide()
            return
        if not self._dots:
            self._dots = [_Dot() for _ in range(4)]
            for dot in self._dots:
                self._scene.addItem(dot)
        for i, (dot, (x, y)) in enumerate(zip(self._dots, handle_points(box.rect), strict=True)):
            dot.setPos(x, y)
            dot.set_hot(i == hot)
            dot.show()

    def forget(self, box: BoxItem) -> None:
        """``box`` is leaving the scene: hide its handles."""
        if self.box is box:
            self.show(None)

    @property
    def shown(self) -> bool:
        return self.box is not None
