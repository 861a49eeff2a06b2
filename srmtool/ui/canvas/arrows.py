"""Arrows: one ``ArrowLayer`` paints every arrow; a light ``ArrowHandle`` per arrow is what the
user clicks and selects.

An item per painted arrow costs about 5 µs per item on every repaint (150-235 ms for a fitted
6,000-arrow map); one layer that culls and batches its lines costs a fraction of that. The handles
have no contents: only their ``shape()`` (the line and its head) takes part in hit-testing and
rubber-band selection.

Geometry comes from ``srmtool.model.layout.arrow_line`` on the boxes' current positions, so an
arrow drawn during a drag is the one the PDF will print after the drop.
"""

from __future__ import annotations

import math
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from srmtool.model.layout import BOX_HEIGHT, BOX_WIDTH, Rect, arrow_line

if TYPE_CHECKING:
    from srmtool.ui.canvas.items import BoxItem

HEAD_LENGTH = 12.0
HEAD_HALF_WIDTH = 5.0
HIT_WIDTH = 10.0  # how far from the line a click still picks the arrow
LAYER_Z = 0.0
HANDLE_Z = 0.5

_Flag = QGraphicsItem.GraphicsItemFlag
_Change = QGraphicsItem.GraphicsItemChange


class Look(IntEnum):
    """How an arrow is painted, lowest first (later looks are painted on top)."""

    DIM = 0  # off the highlighted routes
    NORMAL = 1
    KEY = 2  # both ends on the key route
    SELECTED = 3


def _pen(color: str, width: float) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


_LOOKS: dict[Look, tuple[QPen, QBrush]] = {
    Look.DIM: (_pen("#d3d8de", 1.5), QBrush(QColor("#d3d8de"))),
    Look.NORMAL: (_pen("#5a6470", 1.5), QBrush(QColor("#5a6470"))),
    Look.KEY: (_pen("#c0560c", 3.0), QBrush(QColor("#c0560c"))),
    Look.SELECTED: (_pen("#1f6fd1", 3.0), QBrush(QColor("#1f6fd1"))),
}
_FAR_PEN = QPen(QColor("#5a6470"), 1.5)  # zoomed out: aliased cosmetic lines are the fast path
_FAR_PEN.setCosmetic(True)


def box_rect(item: QGraphicsItem) -> Rect:
    pos = item.pos()
    return Rect(pos.x(), pos.y(), BOX_WIDTH, BOX_HEIGHT)


class Arrow:
    """One link's drawn geometry (a plain record, not an item): the shaft ends where the head
    starts; ``rect`` bounds both."""

    __slots__ = ("source", "target", "line", "head", "rect", "look", "handle", "layer")

    def __init__(self, source: BoxItem, target: BoxItem, layer: ArrowLayer) -> None:
        self.source = source
        self.target = target
        self.layer = layer
        self.look = Look.NORMAL
        self.handle: ArrowHandle | None = None
        self.line = QLineF()
        self.head = QPolygonF()
        self.rect = QRectF()
        self._compute()

    @property
    def link(self) -> tuple[str, str]:
        return (self.source.objective_id, self.target.objective_id)

    def ends(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The visible arrow from the source's border to the target's border (head tip)."""
        return arrow_line(box_rect(self.source), box_rect(self.target))

    def _compute(self) -> None:
        (x1, y1), (x2, y2) = self.ends()
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        head = min(HEAD_LENGTH, length)
        bx, by = x2 - ux * head, y2 - uy * head
        self.line = QLineF(x1, y1, bx, by)
        self.head = QPolygonF(
            [
                QPointF(x2, y2),
                QPointF(bx - uy * HEAD_HALF_WIDTH, by + ux * HEAD_HALF_WIDTH),
                QPointF(bx + uy * HEAD_HALF_WIDTH, by - ux * HEAD_HALF_WIDTH),
            ]
        )
        m = HIT_WIDTH
        self.rect = QRectF(min(x1, x2) - m, min(y1, y2) - m, abs(x2 - x1) + 2 * m, abs(y2 - y1) + 2 * m)

    def follow(self) -> None:
        """Recompute after an end box moved, and repaint what changed."""
        old = self.rect
        self._compute()
        self.layer.arrow_moved(old.united(self.rect))
        if self.handle is not None:
            self.handle.geometry_changed()


class ArrowHandle(QGraphicsItem):
    """The clickable, selectable part of one arrow; paints nothing (the layer paints)."""

    def __init__(self, arrow: Arrow) -> None:
        super().__init__()
        self.arrow = arrow
        arrow.handle = self
        self._shape: QPainterPath | None = None
        self.setFlags(_Flag.ItemHasNoContents | _Flag.ItemIsSelectable)
        self.setZValue(HANDLE_Z)
        self.setAcceptHoverEvents(False)

    @property
    def link(self) -> tuple[str, str]:
        return self.arrow.link

    def geometry_changed(self) -> None:
        self.prepareGeometryChange()
        self._shape = None

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self.arrow.rect

    def shape(self) -> QPainterPath:
        if self._shape is None:  # built only when something hit-tests
            path = QPainterPath(self.arrow.line.p1())
            path.lineTo(self.arrow.line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(HIT_WIDTH)
            shape = stroker.createStroke(path)
            shape.addPolygon(self.arrow.head)
            shape.closeSubpath()
            self._shape = shape
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pass

    def itemChange(self, change: _Change, value: Any) -> Any:  # noqa: N802 (Qt override)
        if change == _Change.ItemSelectedHasChanged:
            self.arrow.layer.restyle(self.arrow)
        return value


class ArrowLayer(QGraphicsItem):
    """Paints all arrows, culled to the exposed area, one batch per look. Takes no clicks."""

    def __init__(self) -> None:
        super().__init__()
        self.arrows: dict[tuple[str, str], Arrow] = {}
        self._rect = QRectF()
        self._batches: dict[Look, tuple[list[tuple[float, float, float, float, QLineF]], QPainterPath]] | None
        self._batches = None
        self.setZValue(LAYER_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(_Flag.ItemUsesExtendedStyleOption)  # gives option.exposedRect

    # -- the arrows ------------------------------------------------------------------------
    def add(self, arrow: Arrow) -> None:
        self.arrows[arrow.link] = arrow
        self._batches = None
        self.update(arrow.rect)

    def remove(self, link: tuple[str, str]) -> Arrow | None:
        arrow = self.arrows.pop(link, None)
        if arrow is not None:
            self._batches = None
            self.update(arrow.rect)
        return arrow

    def clear(self) -> None:
        self.arrows.clear()
        self._batches = None
        self.update()

    def set_bounds(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def arrow_moved(self, dirty: QRectF) -> None:
        self._batches = None
        self.update(dirty)

    def restyle(self, arrow: Arrow) -> None:
        """Re-derive one arrow's look from its handle's selection and its ends' flags."""
        look = _look_of(arrow)
        if look != arrow.look:
            arrow.look = look
            self._batches = None
            self.update(arrow.rect)

    def restyle_all(self) -> None:
        for arrow in self.arrows.values():
            arrow.look = _look_of(arrow)
        self._batches = None
        self.update()

    # -- painting ----------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._batches is None:
            self._batches = self._build_batches()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())  # type: ignore[attr-defined]
        exposed = option.exposedRect  # type: ignore[attr-defined]
        whole = exposed.contains(self._rect)
        x0, y0, x1, y1 = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        far = lod < 0.5
        if far:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for look, (lines, heads) in sorted(self._batches.items()):
            if whole:
                visible = [t[4] for t in lines]
            else:  # culling here is far cheaper than letting the rasterizer clip long lines
                visible = [t[4] for t in lines if t[0] <= x1 and t[2] >= x0 and t[1] <= y1 and t[3] >= y0]
            pen, brush = _LOOKS[look]
            painter.setPen(_FAR_PEN if far and look == Look.NORMAL else pen)
            painter.drawLines(visible)
            if lod >= 0.25:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(brush)
                painter.drawPath(heads)

    def _build_batches(
        self,
    ) -> dict[Look, tuple[list[tuple[float, float, float, float, QLineF]], QPainterPath]]:
        batches: dict[Look, tuple[list[tuple[float, float, float, float, QLineF]], QPainterPath]] = {}
        for arrow in self.arrows.values():
            if arrow.look not in batches:
                batches[arrow.look] = ([], QPainterPath())
            lines, heads = batches[arrow.look]
            r = arrow.rect
            lines.append((r.left(), r.top(), r.right(), r.bottom(), arrow.line))
            heads.addPolygon(arrow.head)
            heads.closeSubpath()
        return batches


def _look_of(arrow: Arrow) -> Look:
    if arrow.handle is not None and arrow.handle.isSelected():
        return Look.SELECTED
    source, target = arrow.source, arrow.target
    if source.dimmed or target.dimmed:
        return Look.DIM
    if source.key_route and target.key_route:
        return Look.KEY
    return Look.NORMAL
