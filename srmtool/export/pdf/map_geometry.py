"""Where the map goes on paper: the page frame, the scale, and the tiles of a map too large for one
page. Pure geometry (no drawing), so tests can map the layout's rectangles onto the PDF.

Scene coordinates come from ``srmtool.model.layout`` (y grows downward); page coordinates are PDF
points (y grows upward). One ``MapTransform`` per map page maps the one onto the other.

Scale. The map is scaled uniformly to fit the map area of the page. Below ``MIN_SCALE`` it is tiled
instead. At 0.355 a box is 220 × 100 scene units × 0.355 = 78 × 36 pt (27 × 13 mm), and every
objective of the bundled examples (50–91 characters) still fits its box whole at 6 pt Sarabun
(measured with PdfText's metrics), about 8 pt TH SarabunPSK, the size of footnotes on Thai office
print and the floor box text shrinks to (``pdf_map.BOX_TEXT_MIN``). Any smaller and box text stops
being readable on an A4 handout. The least a map can be is 1,270 units tall (banner and four bands
of two box rows), which fits A4 landscape at 0.396; a map with a band of three box rows (1,400
units) fits at 0.359, so it still prints on one page, and taller or much wider maps tile.

Tiles. A map page shows the band label column at its left, then a window onto the scene. Windows
follow each other across the scene (columns) and, for a very tall map, down it (rows). A window
ends where it cuts no box when it can (between bands for rows); the next column repeats the last
column of whole boxes, so arrows can be followed across the seam. Where no clean cut exists the
window ends at the page edge and the next starts at the first box it cut. Either way every box
appears whole on at least one page.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from srmtool.model.layout import BAND_PAD, LABEL_WIDTH, MapLayout, Rect

MIN_SCALE = 0.355
# The frame on A4; larger paper scales it (``PageFrame.paper``) so header and footer keep their
# share of the page.
MARGIN = 18.0  # pt, all round
HEADER_HEIGHT = 34.0  # title line and organisation line
FOOTER_HEIGHT = 14.0  # legend and page marker
GAP = 4.0  # between the header, the map and the footer
A4_LANDSCAPE = (841.89, 595.28)


@dataclass(frozen=True)
class PageFrame:
    """The parts of one landscape page, in PDF points (``Rect.y`` is the bottom edge here).

    ``paper`` is the page's size relative to A4 (1 on A4, √2 on A3): header and footer sizes and
    type are multiplied by it."""

    width: float
    height: float
    header: Rect
    map_area: Rect
    footer: Rect
    paper: float = 1.0

    @property
    def footer_baseline(self) -> float:
        """Baseline of the footer's text (the legend and the page number)."""
        return self.footer.y + 3.0 * self.paper


def paper_scale(page_size: tuple[float, float]) -> float:
    """How much larger than A4 landscape the page is (never below 1)."""
    return max(1.0, min(page_size[0] / A4_LANDSCAPE[0], page_size[1] / A4_LANDSCAPE[1]))


def page_frame(page_size: tuple[float, float]) -> PageFrame:
    width, height = page_size
    k = paper_scale(page_size)
    margin, gap = MARGIN * k, GAP * k
    inner_w = width - 2 * margin
    header = Rect(margin, height - margin - HEADER_HEIGHT * k, inner_w, HEADER_HEIGHT * k)
    footer = Rect(margin, margin, inner_w, FOOTER_HEIGHT * k)
    map_bottom = footer.bottom + gap
    map_area = Rect(margin, map_bottom, inner_w, header.y - gap - map_bottom)
    return PageFrame(width=width, height=height, header=header, map_area=map_area, footer=footer, paper=k)


@dataclass(frozen=True)
class MapTransform:
    """Scene → page for one map page.

    ``window`` is the part of the scene this page shows (its x range starts after the label
    column, which every page draws at the left of ``area``). ``area`` is the page rectangle the
    map occupies (PDF points, bottom-left origin), ``scale`` points per scene unit.
    """

    scale: float
    window: Rect
    area: Rect

    @property
    def content_left(self) -> float:
        """Page x where the window starts (right of the label column)."""
        return self.area.x + LABEL_WIDTH * self.scale

    @property
    def top(self) -> float:
        return self.area.bottom

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A scene point of the window on the page."""
        return (
            self.content_left + (x - self.window.x) * self.scale,
            self.top - (y - self.window.y) * self.scale,
        )

    def rect(self, r: Rect) -> Rect:
        """A scene rectangle on the page: ``Rect(x, y_bottom, w, h)`` in PDF points."""
        x, y_top = self.point(r.x, r.y)
        return Rect(x, y_top - r.h * self.scale, r.w * self.scale, r.h * self.scale)

    def shows_whole(self, r: Rect) -> bool:
        """True when scene rectangle ``r`` lies entirely inside this page's window."""
        w = self.window
        eps = 1e-6
        return (
            w.x - eps <= r.x and r.right <= w.right + eps and w.y - eps <= r.y and r.bottom <= w.bottom + eps
        )

    def sees(self, r: Rect) -> bool:
        """True when any part of scene rectangle ``r`` is in this page's window."""
        return self.window.intersects(r)


def fit_scale(layout: MapLayout, map_area: Rect) -> float:
    """The largest scale at which the whole map fits the map area."""
    b = layout.bounds
    return min(map_area.w / max(b.w, 1.0), map_area.h / max(b.h, 1.0))


def _clean_cut(
    lo: float, hi: float, edges: list[tuple[float, float]], preferred: list[float]
) -> float | None:
    """The furthest place in the second half of ``(lo, hi]`` that cuts no box: a ``preferred``
    place (a band boundary) when there is one, else the middle of a gap after a box."""
    half = lo + (hi - lo) / 2

    def clean(c: float) -> bool:
        return half < c <= hi and not any(a < c < b for a, b in edges)

    for places in (preferred, [b + BAND_PAD / 2 for _, b in edges]):
        found = [c for c in places if clean(c)]
        if found:
            return max(found)
    return None


def _spans(
    start: float,
    end: float,
    size: float,
    edges: list[tuple[float, float]],
    *,
    preferred: list[float] | None = None,
    overlap: bool = False,
) -> list[tuple[float, float]]:
    """Windows ``(lo, hi)`` of at most ``size`` covering ``[start, end]`` where there are boxes;
    ``edges`` are the boxes' ``(low, high)`` extents on this axis. The first window starts at
    ``start``; after it, empty space is skipped: a window that would hold no box starts at the next
    box instead, and there is none after the last box. So there are never more windows than about
    twice the boxes, however far apart they are. A window ends where it cuts no box when it can;
    with ``overlap`` the next one starts again at the last whole boxes it showed, so readers can
    follow arrows across the seam. Failing a clean cut the window ends at ``size`` and the next
    starts at the first box it cut. Either way every box (no larger than a window) is whole in some
    window."""
    spans: list[tuple[float, float]] = []
    lows = sorted(a for a, _ in edges)
    lo = start
    while True:
        if spans and not any(b > lo and a < lo + size for a, b in edges):
            ahead = lows[bisect_left(lows, lo) :]
            if not ahead:  # nothing more to show
                return spans
            lo = max(lo, ahead[0] - BAND_PAD / 2)
        hi = lo + size
        if hi >= end:
            spans.append((lo, end))
            return spans
        cut_at = _clean_cut(lo, hi, edges, preferred or [])
        if cut_at is not None:
            spans.append((lo, cut_at))
            shown = [a for a, b in edges if lo <= a and b <= cut_at]
            nxt = max(shown) - BAND_PAD / 2 if overlap and shown else cut_at
        else:
            spans.append((lo, hi))
            cut = [a for a, b in edges if a < hi < b]
            nxt = min(cut) - BAND_PAD / 2 if cut else hi
        if nxt <= lo:  # a box larger than a window cannot be shown whole; move on anyway
            nxt = hi
        lo = nxt


def map_transforms(layout: MapLayout, page_size: tuple[float, float]) -> list[MapTransform]:
    """One transform per map page, in reading order (left to right, then down)."""
    area = page_frame(page_size).map_area
    bounds = layout.bounds
    scale = fit_scale(layout, area)
    if scale >= MIN_SCALE:
        whole = Rect(LABEL_WIDTH, 0.0, max(bounds.w - LABEL_WIDTH, 0.0), bounds.h)
        used_w = bounds.w * scale
        left = area.x + (area.w - used_w) / 2  # centred across the page
        used = Rect(left, area.bottom - bounds.h * scale, used_w, bounds.h * scale)
        return [MapTransform(scale=scale, window=whole, area=used)]
    # Tile: as tall as the page allows (one row of tiles when that is readable), else MIN_SCALE.
    scale = max(MIN_SCALE, area.h / max(bounds.h, 1.0))
    window_w = area.w / scale - LABEL_WIDTH
    window_h = area.h / scale
    boxes = list(layout.boxes.values())
    columns = _spans(LABEL_WIDTH, bounds.right, window_w, [(b.x, b.right) for b in boxes], overlap=True)
    band_tops = [band.y for band in layout.bands.values()]
    rows = _spans(0.0, bounds.bottom, window_h, [(b.y, b.bottom) for b in boxes], preferred=band_tops)
    pages: list[MapTransform] = []
    for i, j in sorted(_occupied(rows, columns, boxes)):
        (y0, y1), (x0, x1) = rows[i], columns[j]
        h = (y1 - y0) * scale
        used = Rect(area.x, area.bottom - h, (LABEL_WIDTH + x1 - x0) * scale, h)
        pages.append(MapTransform(scale=scale, window=Rect(x0, y0, x1 - x0, y1 - y0), area=used))
    return pages


def _occupied(
    rows: list[tuple[float, float]], columns: list[tuple[float, float]], boxes: list[Rect]
) -> set[tuple[int, int]]:
    """(row, column) of the windows that show some box, and the first one (the banner's corner).

    Windows start in increasing order and none is longer than the first (the page), so only those
    starting less than a page before a box can reach it."""
    tops, lefts = [y0 for y0, _ in rows], [x0 for x0, _ in columns]
    height = max(y1 - y0 for y0, y1 in rows)
    width = max(x1 - x0 for x0, x1 in columns)
    found = {(0, 0)}
    for box in boxes:
        across = [
            j
            for j in range(bisect_left(lefts, box.x - width), bisect_left(lefts, box.right))
            if columns[j][1] > box.x
        ]
        for i in range(bisect_left(tops, box.y - height), bisect_left(tops, box.bottom)):
            if rows[i][1] > box.y:
                found.update((i, j) for j in across)
    return found
