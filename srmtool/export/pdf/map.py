"""The map page(s) of the PDF, drawn from the same geometry as the canvas (``model.layout``).

Each page: a header (title and date, organisation and period), the map (destination banner, four
labelled bands, the boxes with their wrapped text, the arrows, the key route emphasised), and a
footer (legend, "หน้าแผนที่ 2/3" when the map is tiled, and the document's page number drawn by
the caller). Header and footer grow with the paper (``PageFrame.paper``). Where the map goes and whether it is
tiled is ``pdf_map_geometry``'s business; how text fits a box is ``pdf_map_text``'s.

Box text never leaves its box: it shrinks step by step to ``BOX_TEXT_MIN`` and is then shortened
with an ellipsis (the full text is in the table pages). All boxes share one size where they can, so
the map reads evenly; an unusually long objective shrinks on its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from srmtool.export.pdf.map_geometry import MapTransform, PageFrame, map_transforms, page_frame
from srmtool.export.pdf.map_text import FittedText, draw_fitted, fit_text
from srmtool.model.layout import LABEL_WIDTH, MapLayout, Rect, arrow_line, compute_layout
from srmtool.model.numbers import thai_date, to_thai_digits
from srmtool.model.types import PERSPECTIVE_IDS, RouteMap

if TYPE_CHECKING:
    from srmtool.export.pdf.text import PdfText

Canvas = Any  # reportlab ships no type information

# Print-friendly colours after the canvas: light bands, dark text, grey arrows, an orange key route.
INK = "#1d232a"
BAND_FILLS = ("#f4f6f9", "#e8edf3")
LABEL_FILL = "#d9e1ea"
BAND_LINE = "#b3bec9"
BANNER_FILL = "#fff4d6"
BANNER_LINE = "#c9a43c"
BOX_FILL = "#ffffff"
BOX_LINE = "#5a6470"
KEY_FILL = "#fff6ee"
KEY = "#c0560c"
ARROW = "#5a6470"
MUTED = "#5a6470"

# Box text, in points on paper. Scene padding inside a box is in scene units.
BOX_TEXT_START = 12.0
BOX_TEXT_MIN = 6.0  # the readable floor (see pdf_map_geometry); below it, an ellipsis
BOX_PAD_X = 6.0
BOX_PAD_Y = 2.5  # the text block already reserves room for the tallest stacked marks
OUTLIERS = 0.1  # up to this share of the boxes (the longest texts) may print smaller than the rest
BANNER_HEADING = "จุดหมายปลายทาง"
KEY_LEGEND = "เส้นทางหลัก"
LINK_LEGEND = "ความเชื่อมโยง (เหตุ → ผล)"
PAGE_MARK = "หน้าแผนที่ {page}/{pages}"
PRINTED = "วันที่พิมพ์ {date}"


class BoxOverlay(Protocol):
    """What a report adds to the boxes of the map page (the progress report's status colours).
    Rects are on paper (``Rect.y`` the lower edge); ``scale`` is paper points per scene unit."""

    def box_colours(self, objective_id: str) -> tuple[str, str] | None:
        """(fill, outline) for the box instead of the usual ones, or None to keep them."""

    def under_box(self, canvas: Canvas, objective_id: str, box: Rect, scale: float) -> None:
        """Drawn before the box (a ring around it)."""

    def over_box(self, canvas: Canvas, text: PdfText, objective_id: str, box: Rect, scale: float) -> None:
        """Drawn after the box and its text (a badge)."""

    def legend(self, canvas: Canvas, text: PdfText, x: float, baseline: float, paper: float) -> float:
        """Legend entries drawn in the footer from ``x``; returns the x after them."""


@dataclass(frozen=True)
class _Strokes:
    """Line widths and arrowhead size on paper for one scale (the canvas's, scaled, with floors)."""

    box: float
    key_box: float
    arrow: float
    key_arrow: float
    head: float
    half_head: float

    @classmethod
    def at(cls, scale: float) -> _Strokes:
        return cls(
            box=max(0.5, 1.2 * scale),
            key_box=max(1.4, 3.5 * scale),
            arrow=max(0.5, 1.5 * scale),
            key_arrow=max(1.3, 3.5 * scale),
            head=max(4.0, 12.0 * scale),
            half_head=max(1.7, 5.0 * scale),
        )


def draw_map_page(
    canvas: Canvas,
    text: PdfText,
    route_map: RouteMap,
    *,
    page_size: tuple[float, float],
    thai_digits: bool = False,
    page_number: Callable[[int, int], float] | None = None,
    overlay: BoxOverlay | None = None,
) -> int:
    """Draw the map on one page, or on several when it would be unreadably small on one; call
    ``canvas.showPage()`` after each. Returns the number of pages drawn.

    ``page_number(n, count)``, when given, draws the document's page number on map page ``n`` (from
    1) of ``count`` and returns the x where that text begins; the footer keeps to the left of it.
    ``overlay`` draws a report's marks on the boxes and its legend in the footer."""
    layout = compute_layout(route_map)
    frame = page_frame(page_size)
    pages = map_transforms(layout, page_size)
    digits = to_thai_digits if thai_digits else _same
    box_texts = fit_box_texts(text, route_map, layout, pages[0].scale, digits)
    has_key = any(o.key_route for o in route_map.objectives)
    for number, transform in enumerate(pages, start=1):
        mark = digits(PAGE_MARK.format(page=number, pages=len(pages))) if len(pages) > 1 else ""
        _draw_header(canvas, text, route_map, frame, digits, thai_digits)
        _draw_bands(canvas, text, route_map, layout, transform, digits)
        _draw_banner(canvas, text, route_map, layout, transform, digits)
        canvas.saveState()
        clip = canvas.beginPath()
        a = transform.area
        clip.rect(transform.content_left, a.y, a.right - transform.content_left, a.h)
        canvas.clipPath(clip, stroke=0, fill=0)
        _draw_arrows(canvas, route_map, layout, transform)
        _draw_boxes(canvas, text, route_map, layout, transform, box_texts, overlay)
        canvas.restoreState()
        right = frame.footer.right
        if page_number is not None:
            right = min(right, page_number(number, len(pages)) - 12.0 * frame.paper)
        _draw_footer(canvas, text, frame, transform.scale, mark, has_key, right, overlay)
        canvas.showPage()
    return len(pages)


def _same(value: str) -> str:
    return value


# -- box text ------------------------------------------------------------------------------


def box_inner(box: Rect) -> Rect:
    """The part of a box (scene units) its text may use."""
    return Rect(box.x + BOX_PAD_X, box.y + BOX_PAD_Y, box.w - 2 * BOX_PAD_X, box.h - 2 * BOX_PAD_Y)


def fit_box_texts(
    text: PdfText, route_map: RouteMap, layout: MapLayout, scale: float, digits: Any = _same
) -> dict[str, FittedText]:
    """Each box's text at the size it is drawn: one shared size where it fits, smaller only for the
    objectives that need it."""
    boxes = {o.id: (o, box_inner(layout.boxes[o.id])) for o in route_map.objectives if o.id in layout.boxes}

    def fit(objective_id: str, start: float, minimum: float) -> FittedText:
        o, inner = boxes[objective_id]
        return fit_text(
            text,
            digits(o.text.strip()),
            inner.w * scale,
            inner.h * scale,
            start=start,
            minimum=minimum,
            prefix=digits(o.code.strip()),
        )

    best = {oid: fit(oid, BOX_TEXT_START, BOX_TEXT_MIN) for oid in boxes}
    if not best:
        return best
    sizes = sorted(f.size for f in best.values())
    shared = sizes[int(len(sizes) * OUTLIERS)]
    return {oid: fit(oid, shared, shared) if f.size > shared else f for oid, f in best.items()}


# -- the parts of a page ---------------------------------------------------------------------


def _fill_rect(canvas: Canvas, r: Rect, fill: str, stroke: str | None = None, width: float = 0.5) -> None:
    canvas.setFillColor(fill)
    if stroke:
        canvas.setStrokeColor(stroke)
        canvas.setLineWidth(width)
    canvas.rect(r.x, r.y, r.w, r.h, stroke=1 if stroke else 0, fill=1)


def _draw_header(
    canvas: Canvas, text: PdfText, route_map: RouteMap, frame: PageFrame, digits: Any, thai_digits: bool
) -> None:
    h, k = frame.header, frame.paper
    date = PRINTED.format(date=thai_date(None, thai_digits=thai_digits))
    period = digits(route_map.meta.period.strip())
    canvas.setFillColor(INK)
    small = 9.0 * k
    date_w = text.width(date, small) + 12.0 * k
    title = fit_text(
        text,
        digits(route_map.meta.title.strip()),
        h.w - date_w,
        17.0 * k,
        start=12.0 * k,
        minimum=8.0 * k,
        bold=True,
    )
    draw_fitted(text, title, h.x, h.bottom, h.w - date_w, 17.0 * k)
    text.draw_line(h.right, h.bottom - 13.0 * k, date, small, align="right")
    period_w = text.width(period, small) + 12.0 * k if period else 0.0
    org = fit_text(
        text,
        digits(route_map.meta.organization.strip()),
        h.w - period_w,
        13.0 * k,
        start=small,
        minimum=7.0 * k,
    )
    canvas.setFillColor(MUTED)
    draw_fitted(text, org, h.x, h.bottom - 18.0 * k, h.w - period_w, 13.0 * k)
    if period:
        text.draw_line(h.right, h.bottom - 28.0 * k, period, small, align="right")
    canvas.setStrokeColor(BAND_LINE)
    canvas.setLineWidth(0.6 * k)
    canvas.line(h.x, h.y, h.right, h.y)


def _draw_footer(
    canvas: Canvas,
    text: PdfText,
    frame: PageFrame,
    scale: float,
    mark: str,
    has_key: bool,
    right: float,
    overlay: BoxOverlay | None = None,
) -> None:
    """The legend from the left, the tile mark ending at ``right``."""
    f, k = frame.footer, frame.paper
    base = frame.footer_baseline
    mid = base + 2.5 * k
    x = f.x
    strokes = _Strokes.at(scale)
    legend = [(ARROW, strokes.arrow, LINK_LEGEND)]
    if has_key:
        legend.insert(0, (KEY, strokes.key_arrow, KEY_LEGEND))
    for color, width, label in legend:
        _arrow(canvas, (x, mid), (x + 24.0 * k, mid), color, width, strokes)
        canvas.setFillColor(MUTED)
        text.draw_line(x + 28.0 * k, base, label, 8.0 * k)
        x += (28.0 + 16.0) * k + text.width(label, 8.0 * k)
    if overlay is not None:
        overlay.legend(canvas, text, x, base, k)
    if mark:
        canvas.setFillColor(INK)
        text.draw_line(right, base, mark, 9.0 * k, bold=True, align="right")


def _draw_bands(
    canvas: Canvas, text: PdfText, route_map: RouteMap, layout: MapLayout, t: MapTransform, digits: Any
) -> None:
    a = t.area
    label_w = LABEL_WIDTH * t.scale
    pad = 8.0 * t.scale
    labels = {pid: digits(route_map.perspective_label(pid).strip()) for pid in PERSPECTIVE_IDS}
    # One size for all four labels: the largest at which every label's longest word fits.
    start = min(
        fit_text(
            text, label, label_w - 2 * pad, 1e6, start=13.0, minimum=5.0, bold=True, whole_words=True
        ).size
        for label in labels.values()
    )
    for i, pid in enumerate(PERSPECTIVE_IDS):
        band = layout.bands[pid]
        top, bottom = max(band.y, t.window.y), min(band.bottom, t.window.bottom)
        if bottom <= top:
            continue
        y_top = t.point(0.0, top)[1]
        y_bottom = t.point(0.0, bottom)[1]
        _fill_rect(canvas, Rect(a.x, y_bottom, a.w, y_top - y_bottom), BAND_FILLS[i % 2], BAND_LINE, 0.5)
        _fill_rect(canvas, Rect(a.x, y_bottom, label_w, y_top - y_bottom), LABEL_FILL, BAND_LINE, 0.5)
        inner_h = y_top - y_bottom - 2 * pad
        label = fit_text(text, labels[pid], label_w - 2 * pad, inner_h, start=start, minimum=5.0, bold=True)
        canvas.setFillColor(INK)
        draw_fitted(text, label, a.x + pad, y_top - pad, label_w - 2 * pad, inner_h, center=True)


def _draw_banner(
    canvas: Canvas, text: PdfText, route_map: RouteMap, layout: MapLayout, t: MapTransform, digits: Any
) -> None:
    banner = layout.banner
    if banner.bottom <= t.window.y:
        return
    y_top = t.point(0.0, max(banner.y, t.window.y))[1]
    y_bottom = t.point(0.0, banner.bottom)[1]
    inset = 10.0 * t.scale
    r = Rect(t.area.x + inset, y_bottom + inset, t.area.w - 2 * inset, y_top - y_bottom - 2 * inset)
    _fill_rect(canvas, r, BANNER_FILL, BANNER_LINE, max(0.8, 2.0 * t.scale))
    pad = 10.0 * t.scale
    fitted = fit_text(
        text,
        digits(route_map.destination.strip()),
        r.w - 2 * pad,
        r.h - 2 * pad,
        start=12.0,
        minimum=5.0,
        prefix=BANNER_HEADING,
    )
    canvas.setFillColor(INK)
    draw_fitted(text, fitted, r.x + pad, r.bottom - pad, r.w - 2 * pad, r.h - 2 * pad, center=True)


def _draw_boxes(
    canvas: Canvas,
    text: PdfText,
    route_map: RouteMap,
    layout: MapLayout,
    t: MapTransform,
    box_texts: dict[str, FittedText],
    overlay: BoxOverlay | None = None,
) -> None:
    strokes = _Strokes.at(t.scale)
    for o in route_map.objectives:
        box = layout.boxes.get(o.id)
        if box is None or not t.sees(box):
            continue
        r = t.rect(box)
        colours = overlay.box_colours(o.id) if overlay is not None else None
        if overlay is not None:
            overlay.under_box(canvas, o.id, r, t.scale)
        if colours is not None:
            _fill_rect(canvas, r, colours[0], colours[1], strokes.box)
        elif o.key_route:
            _fill_rect(canvas, r, KEY_FILL, KEY, strokes.key_box)
        else:
            _fill_rect(canvas, r, BOX_FILL, BOX_LINE, strokes.box)
        inner = t.rect(box_inner(box))
        canvas.setFillColor(INK)
        draw_fitted(text, box_texts[o.id], inner.x, inner.bottom, inner.w, inner.h)
        if overlay is not None:
            overlay.over_box(canvas, text, o.id, r, t.scale)


def _draw_arrows(canvas: Canvas, route_map: RouteMap, layout: MapLayout, t: MapTransform) -> None:
    strokes = _Strokes.at(t.scale)
    key = {o.id for o in route_map.objectives if o.key_route}
    ordered = sorted(route_map.links, key=lambda lk: lk.source in key and lk.target in key)
    for link in ordered:
        source, target = layout.boxes.get(link.source), layout.boxes.get(link.target)
        if source is None or target is None or link.source == link.target:
            continue
        (x0, y0), (x1, y1) = arrow_line(source, target)
        span = Rect(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
        if not t.window.intersects(span) and not (t.sees(source) or t.sees(target)):
            continue
        is_key = link.source in key and link.target in key
        color, width = (KEY, strokes.key_arrow) if is_key else (ARROW, strokes.arrow)
        _arrow(canvas, t.point(x0, y0), t.point(x1, y1), color, width, strokes)


def _arrow(
    canvas: Canvas,
    start: tuple[float, float],
    tip: tuple[float, float],
    color: str,
    width: float,
    strokes: _Strokes,
) -> None:
    """A shaft from ``start`` to the base of a filled head whose point is exactly ``tip``."""
    dx, dy = tip[0] - start[0], tip[1] - start[1]
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return
    ux, uy = dx / length, dy / length
    head = min(strokes.head + width, length * 0.6)
    half = strokes.half_head + width / 2
    bx, by = tip[0] - ux * head, tip[1] - uy * head
    canvas.setStrokeColor(color)
    canvas.setFillColor(color)
    canvas.setLineWidth(width)
    canvas.setLineCap(0)
    canvas.line(start[0], start[1], bx + ux * 0.5, by + uy * 0.5)
    path = canvas.beginPath()
    path.moveTo(tip[0], tip[1])
    path.lineTo(bx - uy * half, by + ux * half)
    path.lineTo(bx + uy * half, by - ux * half)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
