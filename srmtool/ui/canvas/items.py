"""Canvas items: the destination banner, the bands with their labels, and the objective boxes.

Items are dumb and keyed by id: they draw what the scene hands them and never touch the map.
Positions and sizes come from ``srmtool.model.layout`` so that the PDF matches the screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QTextLayout
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from srmtool.model.checks import Finding
from srmtool.model.layout import BOX_HEIGHT, BOX_WIDTH, LABEL_WIDTH, Rect
from srmtool.ui.canvas.text import (
    box_fonts,
    request_segmenter,
    segmenter_ready,
    thai_layout_text,
    wrapped_layout,
)

if TYPE_CHECKING:
    from srmtool.ui.canvas.arrows import Arrow

BOX_Z = 1.0
SELECTED_BOX_Z = 1.5
BAND_Z = -1.0
PAD = 8.0
RADIUS = 6.0
TEXT_TOP = 22.0
READABLE_LOD = 0.25  # below this zoom boxes show no text
DIM_OPACITY = 0.3  # of a dimmed box's border and text (its background stays opaque)
#: Presentation mode: box text for the back of a room, within the same box geometry (so the layout,
#: the arrows and the PDF stay as they are): bigger and heavier, ending in an ellipsis if it must.
PRESENT_BODY_PX = 18
PRESENT_CODE_PX = 17
PRESENT_TEXT_TOP = 24.0
#: The vote badge: a pill that sits on the box's top edge at the right, mostly above the box, so it
#: covers none of the text; bigger while presenting.
VOTE_OVERHANG = 34.0  # the most a badge reaches above the box
VOTE_PILL = (22.0, 14)  # height, font pixel size
PRESENT_VOTE_PILL = (34.0, 24)

_Flag = QGraphicsItem.GraphicsItemFlag
_Change = QGraphicsItem.GraphicsItemChange

_BOX_FLAGS = _Flag.ItemIsMovable | _Flag.ItemIsSelectable | _Flag.ItemSendsGeometryChanges
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_POSITION_CHANGED = _Change.ItemPositionHasChanged
_SELECTED_CHANGED = _Change.ItemSelectedHasChanged

_BORDER = QPen(QColor("#35608a"), 1.5)
_KEY_BORDER = QPen(QColor("#c0560c"), 3.0)
_SELECTED_BORDER = QPen(QColor("#1f6fd1"), 3.0)
_FILL = QBrush(QColor("#eef4fb"))
_KEY_FILL = QBrush(QColor("#fff3e6"))
_TEXT = QColor("#111111")
_DIM_BASE = QBrush(QColor("#f7f8fa"))
_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_SEVERITY_COLOR = {"error": QColor("#c62828"), "warning": QColor("#e69b00"), "info": QColor("#1f6fd1")}
_BAND_FILLS = ("#f4f8ec", "#eef5fb", "#fbf6ec", "#f3eff8")
_BAND_SELECTED_FILL = QColor("#dbe9fb")
_BAND_DROP_FILL = QColor("#cfe2fb")  # the level a dragged box would join
_BAND_DROP_BORDER = QPen(QColor("#1f6fd1"), 4.0, Qt.PenStyle.DashLine)
_BANNER_FILL = QColor("#2f4f6f")
_BANNER_SELECTED = QPen(QColor("#8fc1ff"), 4.0)
_BANNER_HINT = QColor("#b9cbdc")
LABEL_PX = 20  # a level's label and the banner's title
BANNER_TEXT_PX = 17
_VOTE_FILL = QColor("#c2185b")


class BoxItem(QGraphicsItem):
    """One objective: code, wrapped Thai text, key-route emphasis and a findings badge.

    The scene sets ``pos()`` to the layout's top-left. When the box moves (a drag), every attached
    arrow follows (``arrows`` is filled by the scene)."""

    def __init__(self, objective_id: str, code: str, text: str, key_route: bool = False) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.code = code
        self.text = text
        self.key_route = key_route
        self.dimmed = False
        self.arrows: list[Arrow] = []
        self.badge: str | None = None  # the worst finding's severity, None when clean
        self.votes = 0  # dot votes; a badge shows them when there are any
        self.presenting = False  # large text, no findings badge
        self._layout: QTextLayout | None = None
        self.rect = Rect(0.0, 0.0, BOX_WIDTH, BOX_HEIGHT)  # in the scene, follows pos()
        self.setFlags(_BOX_FLAGS)
        self.setCacheMode(_DEVICE_CACHE)
        self.setZValue(BOX_Z)

    # -- content -------------------------------------------------------------------------------
    def set_content(self, code: str, text: str, key_route: bool) -> None:
        """New code, text or key-route flag (from a document signal); repaints only on change."""
        if (code, text, key_route) == (self.code, self.text, self.key_route):
            return
        if text != self.text:
            self._layout = None
        self.code, self.text, self.key_route = code, text, key_route
        self.update()

    def set_badge(self, severity: str | None, tooltip: str = "") -> None:
        if severity != self.badge:
            self.badge = severity
            self.update()
        self.setToolTip(tooltip)

    def set_votes(self, votes: int) -> None:
        if votes != self.votes:
            if (votes > 0) != (self.votes > 0):
                self.prepareGeometryChange()  # the badge needs room above the box, or no more
            self.votes = votes
            self.update()

    def set_presenting(self, on: bool) -> None:
        """Large, bold text for a projector (same box size); findings badges are left out."""
        if on != self.presenting:
            self.presenting = on
            self._layout = None
            self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        """Faded off the highlighted routes; stays opaque so that arrows do not show through."""
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    # -- Qt ---------------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        if self.votes <= 0:
            return QRectF(0.0, 0.0, BOX_WIDTH, BOX_HEIGHT)
        return QRectF(0.0, -VOTE_OVERHANG - 10.0, BOX_WIDTH + 8.0, BOX_HEIGHT + VOTE_OVERHANG + 10.0)

    def shape(self) -> QPainterPath:
        """Only the box takes clicks and rubber-band selection, not the room kept for the vote badge."""
        path = QPainterPath()
        path.addRect(QRectF(0.0, 0.0, BOX_WIDTH, BOX_HEIGHT))
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = self.isSelected()
        pen = _SELECTED_BORDER if selected else _KEY_BORDER if self.key_route else _BORDER
        inset = pen.widthF() / 2
        frame = QRectF(inset, inset, BOX_WIDTH - 2 * inset, BOX_HEIGHT - 2 * inset)
        if self.dimmed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_DIM_BASE)
            painter.drawRoundedRect(frame, RADIUS, RADIUS)
            painter.setOpacity(DIM_OPACITY)
        painter.setPen(pen)
        painter.setBrush(_KEY_FILL if self.key_route else _FILL)
        painter.drawRoundedRect(frame, RADIUS, RADIUS)
        if self.badge is not None and not self.presenting:
            self._paint_badge(painter)
        if self.votes > 0:
            painter.setOpacity(1.0)  # a vote counts even off the highlighted route
            self._paint_votes(painter)
            if self.dimmed:
                painter.setOpacity(DIM_OPACITY)
        if _too_small(painter, option):
            return  # too small to read: the box only
        body, code, top = _fonts(self.presenting)
        painter.setPen(_TEXT)
        painter.setFont(code)
        painter.drawText(QPointF(PAD, top - 6.0), self.code)
        if self._layout is None:
            if _waits_for_segmenter(self):
                return  # on screen: the window shows first, the text a moment later
            self._layout = wrapped_layout(
                thai_layout_text(self.text), body, PAD, top, BOX_WIDTH - 2 * PAD, BOX_HEIGHT - 4.0
            )
        self._layout.draw(painter, QPointF(0.0, 0.0))

    def _paint_votes(self, painter: QPainter) -> None:
        height, pixels = PRESENT_VOTE_PILL if self.presenting else VOTE_PILL
        font = QFont(box_fonts().code)
        font.setPixelSize(pixels)
        label = f"\u25cf {self.votes}"  # a dot, as on the stickers of a paper dot vote
        width = QFontMetricsF(font).horizontalAdvance(label) + height * 0.8
        pill = QRectF(BOX_WIDTH - width + 6.0, 2.0 - height, width, height)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(_VOTE_FILL)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_badge(self, painter: QPainter) -> None:
        r = 8.0
        centre = QPointF(BOX_WIDTH - PAD - r + 2, PAD + r - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_SEVERITY_COLOR.get(self.badge or "", _SEVERITY_COLOR["info"]))
        painter.drawEllipse(centre, r, r)
        painter.setPen(QColor("white"))
        font = QFont(box_fonts().code)
        font.setPixelSize(12)
        painter.setFont(font)
        painter.drawText(
            QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, "!"
        )

    def itemChange(self, change: _Change, value: Any) -> Any:  # noqa: N802 (Qt override)
        if change == _POSITION_CHANGED:
            self.rect = Rect(value.x(), value.y(), BOX_WIDTH, BOX_HEIGHT)
            for arrow in self.arrows:
                arrow.follow()
        elif change == _SELECTED_CHANGED:
            self.setZValue(SELECTED_BOX_Z if value else BOX_Z)  # a dragged box passes over others
        return value


class _AreaItem(QGraphicsItem):
    """A background area behind the boxes whose rect the scene sets from the layout; it takes
    no clicks itself (the scene decides what a click on empty map area means)."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setZValue(BAND_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_rect(self, rect: Rect) -> None:
        new = QRectF(rect.x, rect.y, rect.w, rect.h)
        if new != self._rect:
            self.prepareGeometryChange()
            self._rect = new

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._rect


class BandItem(_AreaItem):
    """One perspective's band: background, label column, a highlight when selected."""

    def __init__(self, perspective_id: str, index: int, label: str) -> None:
        super().__init__()
        self.perspective_id = perspective_id
        self.label = label
        self.selected = False
        self.drop_target = False
        self._fill = QColor(_BAND_FILLS[index % len(_BAND_FILLS)])

    def set_label(self, label: str) -> None:
        if label != self.label:
            self.label = label
            self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def set_drop_target(self, on: bool) -> None:
        """Show that a box being dragged would join this level if dropped now."""
        if on != self.drop_target:
            self.drop_target = on
            self.update()

    def label_rect(self) -> QRectF:
        """The label column of the band (where the label is drawn, and edited)."""
        r = self._rect
        return QRectF(r.left(), r.top(), LABEL_WIDTH, r.height())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self._rect
        painter.setPen(Qt.PenStyle.NoPen)
        fill = _BAND_DROP_FILL if self.drop_target else _BAND_SELECTED_FILL if self.selected else self._fill
        painter.setBrush(fill)
        painter.drawRect(r)
        painter.setPen(QPen(QColor("#9aa7b4"), 1.0))
        painter.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
        painter.drawLine(QPointF(LABEL_WIDTH, r.top()), QPointF(LABEL_WIDTH, r.bottom()))
        if self.drop_target:
            painter.setPen(_BAND_DROP_BORDER)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r.adjusted(2.0, 2.0, -2.0, -2.0))
        if _too_small(painter, option):
            return
        painter.setFont(label_font())
        painter.setPen(QColor("#1f3b57"))
        painter.drawText(
            QRectF(r.left() + PAD, r.top() + PAD, LABEL_WIDTH - 2 * PAD, r.height() - 2 * PAD),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            _marked(self, self.label),
        )


class BannerItem(_AreaItem):
    """The destination (จุดหมายปลายทาง) across the top of the map. An empty destination shows
    ``hint`` (what to do to write one) where the text goes; the scene gives a hint only on screen,
    never in a picture."""

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title = title
        self.text = text
        self.hint = ""
        self.selected = False

    def set_text(self, title: str, text: str, hint: str = "") -> None:
        if (title, text, hint) != (self.title, self.text, self.hint):
            self.title, self.text, self.hint = title, text, hint
            self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def text_rect(self) -> QRectF:
        """Where the destination is drawn (and edited): right of the title, inside the padding."""
        r = self._rect
        return QRectF(
            LABEL_WIDTH + PAD, r.top() + PAD, r.width() - LABEL_WIDTH - 3 * PAD, r.height() - 2 * PAD
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self._rect
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_BANNER_FILL)
        painter.drawRect(r)
        if self.selected:
            painter.setPen(_BANNER_SELECTED)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r.adjusted(2.0, 2.0, -2.0, -2.0))
        if _too_small(painter, option):
            return
        painter.setPen(QColor("white"))
        painter.setFont(label_font())
        painter.drawText(
            QRectF(r.left() + PAD, r.top(), LABEL_WIDTH - 2 * PAD, r.height()),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            _marked(self, self.title),
        )
        if _waits_for_segmenter(self):
            return
        font = banner_font()
        text = self.text
        if not text.strip() and self.hint:
            font = QFont(font)
            font.setItalic(True)
            painter.setPen(_BANNER_HINT)
            text = self.hint
        painter.setFont(font)
        painter.drawText(
            self.text_rect(),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            thai_layout_text(text),
        )


def finding_badges(findings: Iterable[Finding]) -> dict[str, tuple[str, str]]:
    """Objective id -> (the worst severity among its findings, their messages one per line),
    in Thai on a Thai system and in English elsewhere."""
    lang = "th" if QLocale().language() == QLocale.Language.Thai else "en"
    worst: dict[str, str] = {}
    messages: dict[str, list[str]] = {}
    for finding in findings:
        for oid in dict.fromkeys(finding.ids):
            messages.setdefault(oid, []).append(finding.message(lang))
            old = worst.get(oid)
            if old is None or _SEVERITY_RANK.get(finding.severity, 0) > _SEVERITY_RANK.get(old, 0):
                worst[oid] = finding.severity
    return {oid: (worst[oid], "\n".join(messages[oid])) for oid in worst}


@lru_cache(maxsize=1)
def label_font() -> QFont:
    """The font of a level's label and of the banner's title."""
    font = QFont(box_fonts().code)
    font.setPixelSize(LABEL_PX)
    return font


@lru_cache(maxsize=1)
def banner_font() -> QFont:
    """The font of the destination in the banner."""
    font = QFont(box_fonts().body)
    font.setPixelSize(BANNER_TEXT_PX)
    return font


def _fonts(presenting: bool) -> tuple[QFont, QFont, float]:
    """Body font, code font and the text's top for normal or presentation boxes."""
    fonts = box_fonts()
    if not presenting:
        return fonts.body, fonts.code, TEXT_TOP
    return _present_fonts()


@lru_cache(maxsize=1)
def _present_fonts() -> tuple[QFont, QFont, float]:
    fonts = box_fonts()
    body = QFont(fonts.body)
    body.setPixelSize(PRESENT_BODY_PX)
    body.setWeight(QFont.Weight.Medium)
    code = QFont(fonts.code)
    code.setPixelSize(PRESENT_CODE_PX)
    return body, code, PRESENT_TEXT_TOP


def _too_small(painter: QPainter, option: QStyleOptionGraphicsItem) -> bool:
    """Whether text would be too small to read at the painter's zoom (then it is not drawn)."""
    lod: float = option.levelOfDetailFromTransform(painter.worldTransform())
    return lod < READABLE_LOD


def _waits_for_segmenter(item: QGraphicsItem) -> bool:
    """Whether ``item`` should paint without its Thai text for now: its scene is on screen
    (``defers_text``) and the segmenter is not loaded yet. Asks for it to be loaded."""
    if segmenter_ready() or not getattr(item.scene(), "defers_text", False):
        return False
    request_segmenter()
    return True


def _marked(item: QGraphicsItem, text: str) -> str:
    """A short label with break marks, or as it is while the segmenter is loading."""
    return text if _waits_for_segmenter(item) else thai_layout_text(text)
