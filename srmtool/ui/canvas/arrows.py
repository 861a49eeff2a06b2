"""Arrows: one ``ArrowLayer`` paints every arrow; a light ``ArrowHandle`` per arrow is what the
user clicks and selects.

An item per painted arrow costs about 5 µs per item on every repaint (150-235 ms for a fitted
6,000-arrow map); one layer that culls and batches its lines costs a fraction of that. The handles
have no contents: only their ``shape()`` (the line and its head) takes part in hit-testing and
rubber-band selection.

Geometry comes from ``srmtool.model.layout.arrow_line`` on the boxes' current positions, so an
arrow drawn during a drag is the one the PDF will print after the drop.

Readable at any zoom: a line is never thinner on screen than its look's ``MIN_PX`` (at the fitted
zoom of a laptop a 1.5-unit line would be half a pixel), and heads grow in scene units as the view
zooms out (``ArrowLayer.set_scale``) so that they stay about ``HEAD_PX`` long on screen, up to
``HEAD_MAX`` units.
"""

from __future__ import annotations

import math
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from srmtool.model.layout import arrow_line

if TYPE_CHECKING:
    from srmtool.ui.canvas.items import BoxItem

HEAD_LENGTH = 12.0  # at 100 % and closer
HEAD_WIDTH_RATIO = 5.0 / 12.0  # a head's half width to its length
HEAD_PX = 13.0  # the shortest a head is on screen, in pixels (until HEAD_MAX)
HEAD_MAX = 40.0  # the longest a head grows, in scene units
HIT_WIDTH = 10.0  # the width of the band around the line where a click picks the arrow, at 100 %
HIT_PX = 8.0  # ... and the least it is on screen, in pixels (until HIT_MAX)
HIT_MAX = 30.0
MARGIN = max(HIT_MAX, HEAD_MAX * HEAD_WIDTH_RATIO)  # room around an arrow for its head and hits
SMOOTH_LIMIT = 1_500  # up to this many arrows, lines are antialiased even when zoomed far out
LAYER_Z = 0.0
HANDLE_Z = 0.5

_Flag = QGraphicsItem.GraphicsItemFlag


class Look(IntEnum):
    """How an arrow is painted, lowest first (later looks are painted on top)."""

    DIM = 0  # off the highlighted routes
    NORMAL = 1
    KEY = 2  # both ends on the key route
    SELECTED = 3


#: Each look's colour, its line width in scene units, and the least it is on screen in pixels.
_LOOKS: dict[Look, tuple[QColor, float, float]] = {
    Look.DIM: (QColor("#d3d8de"), 1.5, 1.5),
    Look.NORMAL: (QColor("#5a6470"), 1.5, 2.0),
    Look.KEY: (QColor("#c0560c"), 3.0, 3.5),
    Look.SELECTED: (QColor("#1f6fd1"), 3.0, 3.5),
}
_BRUSHES = {look: QBrush(color) for look, (color, _, _) in _LOOKS.items()}


def look_pen(look: Look, lod: float) -> QPen:
    """The pen of ``look`` at level of detail (zoom) ``lod``: its width, or ``MIN_PX`` on screen."""
    color, width, min_px = _LOOKS[look]
    pen = QPen(color, max(width, min_px / max(lod, 1e-6)))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def head_length(zoom: float) -> float:
    """How long a head is in scene units when the map is shown at ``zoom``."""
    return min(HEAD_MAX, max(HEAD_LENGTH, HEAD_PX / max(zoom, 1e-6)))


def hit_width(zoom: float) -> float:
    """How wide the band that picks an arrow is in scene units when the map is shown at ``zoom``."""
    return min(HIT_MAX, max(HIT_WIDTH, HIT_PX / max(zoom, 1e-6)))


_HANDLE_FLAGS = _Flag.ItemHasNoContents | _Flag.ItemIsSelectable


class Arrow:
    """One link's drawn geometry (a plain record, not an item): the shaft ``line`` ends where the
    head starts; ``left``/``top``/``right``/``bottom`` bound both, with room for hit-testing."""

    __slots__ = (
        "source",
        "target",
        "layer",
        "look",
        "handle",
        "line",
        "tip",
        "left",
        "top",
        "right",
        "bottom",
        "_wings",
        "_head",
    )

    def __init__(self, source: BoxItem, target: BoxItem, layer: ArrowLayer) -> None:
        self.source = source
        self.target = target
        self.layer = layer
        self.look = Look.NORMAL
        self.handle: ArrowHandle | None = None
        self._head: QPolygonF | None = None
        self._compute()

    @property
    def link(self) -> tuple[str, str]:
        return (self.source.objective_id, self.target.objective_id)

    @property
    def rect(self) -> QRectF:
        return QRectF(self.left, self.top, self.right - self.left, self.bottom - self.top)

    @property
    def head(self) -> QPolygonF:
        """The filled head: tip first, then the two wing points (built on first use)."""
        if self._head is None:
            (tx, ty), (ax, ay, bx, by) = self.tip, self._wings
            self._head = QPolygonF([QPointF(tx, ty), QPointF(ax, ay), QPointF(bx, by)])
        return self._head

    def ends(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The visible arrow from the source's border to the target's border (head tip)."""
        return arrow_line(self.source.rect, self.target.rect)

    def _compute(self) -> None:
        (x1, y1), (x2, y2) = self.ends()
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        head = min(self.layer.head_length, length)
        bx, by = x2 - ux * head, y2 - uy * head
        self.line = QLineF(x1, y1, bx, by)
        self.tip = (x2, y2)
        w = head * HEAD_WIDTH_RATIO
        self._wings = (bx - uy * w, by + ux * w, bx + uy * w, by - ux * w)
        self._head = None
        m = MARGIN
        self.left, self.right = min(x1, x2) - m, max(x1, x2) + m
        self.top, self.bottom = min(y1, y2) - m, max(y1, y2) + m

    def follow(self) -> None:
        """Recompute after an end box moved, and repaint what changed."""
        old = self.rect
        self._compute()
        self.layer.arrow_moved(old, self.rect)
        if self.handle is not None:
            self.handle.geometry_changed()


class ArrowHandle(QGraphicsItem):
    """The clickable, selectable part of one arrow; paints nothing (the layer paints it, in its
    selected look while the handle is selected)."""

    def __init__(self, arrow: Arrow) -> None:
        super().__init__()
        self.arrow = arrow
        arrow.handle = self
        self._shape: QPainterPath | None = None
        self._rect = arrow.rect
        self.setFlags(_HANDLE_FLAGS)
        self.setZValue(HANDLE_Z)

    @property
    def link(self) -> tuple[str, str]:
        return self.arrow.link

    def geometry_changed(self) -> None:
        self.prepareGeometryChange()
        self._rect = self.arrow.rect
        self._shape = None

    @override
    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.arrow.layer.restyle(self.arrow)
        return super().itemChange(change, value)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._rect

    def shape(self) -> QPainterPath:
        if self._shape is None:  # built only when something hit-tests
            path = QPainterPath(self.arrow.line.p1())
            path.lineTo(self.arrow.line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(self.arrow.layer.hit_width)
            shape = stroker.createStroke(path)
            shape.addPolygon(self.arrow.head)
            shape.closeSubpath()
            self._shape = shape
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pass


class ArrowLayer(QGraphicsItem):
    """Paints all arrows, culled to the exposed area, one batch per look. Takes no clicks."""

    def __init__(self) -> None:
        super().__init__()
        self.arrows: dict[tuple[str, str], Arrow] = {}
        self._rect = QRectF()
        self._by_look: dict[Look, list[Arrow]] | None = None
        self._moving = False
        self._handles_shown = True
        self.head_length = HEAD_LENGTH
        self.hit_width = HIT_WIDTH
        self.setZValue(LAYER_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(_Flag.ItemUsesExtendedStyleOption)  # gives option.exposedRect

    # -- the arrows ------------------------------------------------------------------------
    def connect(self, source: BoxItem, target: BoxItem) -> ArrowHandle:
        """A new arrow glued to both boxes; the caller adds the returned handle to the scene."""
        arrow = Arrow(source, target, self)
        handle = ArrowHandle(arrow)
        handle.setVisible(self._handles_shown)
        source.arrows.append(arrow)
        target.arrows.append(arrow)
        self.arrows[arrow.link] = arrow
        arrow.look = _look_of(arrow)
        self._by_look = None
        self.update(arrow.rect)
        return handle

    def remove(self, link: tuple[str, str]) -> Arrow | None:
        """Unglue and forget an arrow; the caller removes its handle from the scene."""
        arrow = self.arrows.pop(link, None)
        if arrow is not None:
            for box in (arrow.source, arrow.target):
                if arrow in box.arrows:
                    box.arrows.remove(arrow)
            self._by_look = None
            self.update(arrow.rect)
        return arrow

    def clear(self) -> None:
        self.arrows.clear()
        self._by_look = None
        self.update()

    def set_bounds(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def arrow_moved(self, old: QRectF, new: QRectF) -> None:
        """Repaint where an arrow was and is; grow to hold it (a box dragged past the map's edge)
        so that no part of it is left unpainted."""
        if not self._rect.contains(new):
            self.set_bounds(self._rect.united(new))
        self.update(old.united(new))

    def set_handles_shown(self, shown: bool) -> None:
        """Take arrows out of hit-testing and rubber-band selection (when zoomed out too far to click
        one): thousands of empty handles cost a third of a full repaint. Selected arrows keep theirs."""
        if shown == self._handles_shown:
            return
        self._handles_shown = shown
        for arrow in self.arrows.values():
            if arrow.handle is not None and not arrow.handle.isSelected():
                arrow.handle.setVisible(shown)

    def set_scale(self, zoom: float) -> None:
        """The map is shown at ``zoom``: heads get the length that reads at it (``head_length``),
        and clicks pick an arrow as far from its line on screen as at 100 % (``hit_width``)."""
        length, width = head_length(zoom), hit_width(zoom)
        if abs(length - self.head_length) < 0.5 and abs(width - self.hit_width) < 0.5:
            return
        self.head_length, self.hit_width = length, width
        for arrow in self.arrows.values():
            arrow.follow()
        self.update()

    def set_moving(self, moving: bool) -> None:
        """While boxes are dragged, arrows are drawn without antialiasing (a quarter of the cost
        of a drag step on a dense map); the drop repaints them smooth."""
        if moving != self._moving:
            self._moving = moving
            if not moving:
                self.update()

    def restyle(self, arrow: Arrow) -> None:
        """Re-derive one arrow's look from its handle's selection and its ends' flags."""
        look = _look_of(arrow)
        if look != arrow.look:
            arrow.look = look
            self._by_look = None
            self.update(arrow.rect)

    def restyle_all(self) -> None:
        for arrow in self.arrows.values():
            arrow.look = _look_of(arrow)
        self._by_look = None
        self.update()

    # -- painting ----------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._by_look is None:
            self._by_look = {}
            for arrow in self.arrows.values():
                self._by_look.setdefault(arrow.look, []).append(arrow)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect
        whole = exposed.contains(self._rect)
        x0, y0, x1, y1 = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        far = lod < 0.5 and len(self.arrows) > SMOOTH_LIMIT
        if far or self._moving:  # aliased lines are the raster engine's fast path
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for look in sorted(self._by_look):
            arrows = self._by_look[look]
            if not whole:  # culling here is far cheaper than letting the rasterizer clip long lines
                arrows = [
                    a for a in arrows if a.left <= x1 and a.right >= x0 and a.top <= y1 and a.bottom >= y0
                ]
            if not arrows:
                continue
            painter.setPen(look_pen(look, lod))
            painter.drawLines([a.line for a in arrows])
            if lod >= 0.25:
                heads = QPainterPath()
                for a in arrows:
                    heads.addPolygon(a.head)
                    heads.closeSubpath()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(_BRUSHES[look])
                painter.drawPath(heads)


def _look_of(arrow: Arrow) -> Look:
    if arrow.handle is not None and arrow.handle.isSelected():
        return Look.SELECTED
    source, target = arrow.source, arrow.target
    if source.dimmed or target.dimmed:
        return Look.DIM
    if source.key_route and target.key_route:
        return Look.KEY
    return Look.NORMAL
