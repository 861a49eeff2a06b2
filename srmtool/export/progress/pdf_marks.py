"""The status marks on paper: symbols as vector shapes, badges, and the map page's overlay (each
box ringed in its objective's status colour, with a badge "ล่าช้า 0/2" above its top-left corner,
and the states' legend in the footer). The shapes come from ``look.glyph``, as on the canvas."""

from __future__ import annotations

from typing import Any, Final

from srmtool.export.progress.look import GLYPH_STROKE, OUTLINE, badge_text, glyph, look
from srmtool.model.layout import Rect
from srmtool.model.numbers import to_thai_digits
from srmtool.model.progress.derive import ObjectiveProgress, map_progress
from srmtool.model.progress.records import STATES, state_label
from srmtool.model.types import RouteMap

Canvas = Any  # reportlab ships no type information
PdfText = Any

#: Scene units: the ring's width outside a box, and the badge's height and overhang above it.
RING: Final = 6.0
BADGE_HEIGHT: Final = 24.0
BADGE_ABOVE: Final = 17.0
BOX_FILL: Final = "#ffffff"
BOX_LINE: Final = "#5a6470"


def draw_glyph(canvas: Canvas, symbol: str, x: float, top: float, size: float, colour: str) -> None:
    """The symbol in the square of side ``size`` whose top-left corner is (x, top) on paper."""

    def at(point: tuple[float, float]) -> tuple[float, float]:
        return x + point[0] * size, top - point[1] * size

    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(max(0.4, GLYPH_STROKE * size))
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for kind, points in glyph(symbol):
        if kind in ("disc", "ring", "dot"):
            (cx, cy), (rx, _) = at(points[0]), points[1]
            canvas.circle(
                cx, cy, rx * size, stroke=1 if kind == "ring" else 0, fill=0 if kind == "ring" else 1
            )
            continue
        path = canvas.beginPath()
        path.moveTo(*at(points[0]))
        for point in points[1:]:
            path.lineTo(*at(point))
        if kind == "fill":
            path.close()
        canvas.drawPath(path, stroke=1 if kind == "stroke" else 0, fill=1 if kind == "fill" else 0)
    canvas.restoreState()


def draw_swatch(canvas: Canvas, state: str, x: float, bottom: float, size: float) -> None:
    """A square of the state's colour with its symbol: the legend's and the tables' mark."""
    shown = look(state)
    canvas.saveState()
    canvas.setFillColor(shown.colour)
    canvas.setStrokeColor(OUTLINE if shown.dashed else shown.colour)
    canvas.setLineWidth(max(0.4, size * 0.06))
    if shown.dashed:
        canvas.setDash(size * 0.18, size * 0.12)
    canvas.roundRect(x, bottom, size, size, size * 0.2, stroke=1, fill=1)
    canvas.restoreState()
    inset = size * 0.14
    draw_glyph(canvas, shown.symbol, x + inset, bottom + size - inset, size - 2 * inset, shown.ink)


def draw_badge(
    canvas: Canvas, text: PdfText, state: str, label: str, x: float, bottom: float, height: float
) -> float:
    """A pill of the state's colour holding its symbol and ``label``; returns its width."""
    shown = look(state)
    size = height * 0.58
    pad = height * 0.3
    width = float(pad + size + pad * 0.6 + text.width(label, size) + pad)
    canvas.saveState()
    canvas.setFillColor(shown.colour)
    canvas.setStrokeColor(OUTLINE if shown.dashed else "#ffffff")
    canvas.setLineWidth(max(0.5, height * 0.07))
    if shown.dashed:
        canvas.setDash(height * 0.2, height * 0.12)
    canvas.roundRect(x, bottom, width, height, height / 2, stroke=1, fill=1)
    canvas.restoreState()
    glyph_size = height * 0.62
    draw_glyph(canvas, shown.symbol, x + pad, bottom + (height + glyph_size) / 2, glyph_size, shown.ink)
    canvas.setFillColor(shown.ink)
    baseline = bottom + (height - size * 0.95) / 2 + size * 0.22
    text.draw_line(x + pad + glyph_size + pad * 0.6, baseline, label, size, bold=True)
    return width


class ProgressOverlay:
    """``srmtool.export.pdf.map.BoxOverlay`` for one period: rings, badges and the legend."""

    def __init__(
        self, route_map: RouteMap, period_id: str, thai_digits: bool = False, lang: str = "th"
    ) -> None:
        self.progress: dict[str, ObjectiveProgress] = map_progress(route_map, period_id)
        self.thai_digits = thai_digits
        self.lang = lang

    def _state(self, objective_id: str) -> str | None:
        found = self.progress.get(objective_id)
        return found.state if found is not None else None

    def box_colours(self, objective_id: str) -> tuple[str, str] | None:
        return BOX_FILL, BOX_LINE

    def under_box(self, canvas: Canvas, objective_id: str, box: Rect, scale: float) -> None:
        state = self._state(objective_id)
        if state is None:
            return
        shown = look(state)
        ring = RING * scale
        canvas.saveState()
        canvas.setFillColor(shown.colour)
        canvas.setStrokeColor(OUTLINE if shown.dashed else shown.colour)
        canvas.setLineWidth(max(0.5, 1.5 * scale))
        if shown.dashed:
            canvas.setDash(4 * scale, 3 * scale)
        canvas.roundRect(
            box.x - ring, box.y - ring, box.w + 2 * ring, box.h + 2 * ring, ring, stroke=1, fill=1
        )
        canvas.restoreState()

    def over_box(self, canvas: Canvas, text: PdfText, objective_id: str, box: Rect, scale: float) -> None:
        found = self.progress.get(objective_id)
        if found is None or found.state is None:
            return
        label = badge_text(found.state, found.done, found.total, self.lang)
        if self.thai_digits:
            label = to_thai_digits(label)
        height = BADGE_HEIGHT * scale
        top = box.bottom + BADGE_ABOVE * scale  # ``bottom`` is the box's upper edge on paper
        draw_badge(canvas, text, found.state, label, box.x + 4 * scale, top - height, height)

    def legend(self, canvas: Canvas, text: PdfText, x: float, baseline: float, paper: float) -> float:
        size = 8.0 * paper
        swatch = size * 1.1
        for state in STATES:
            label = state_label(state, self.lang)
            draw_swatch(canvas, state, x, baseline - size * 0.15, swatch)
            canvas.setFillColor("#5a6470")
            text.draw_line(x + swatch + 3 * paper, baseline, label, size)
            x += swatch + 3 * paper + text.width(label, size) + 10 * paper
        return x
