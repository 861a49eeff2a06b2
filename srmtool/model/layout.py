"""Map geometry shared by the canvas and the PDF, so that print matches screen.

Scene units are points-like floats (1 unit = 1 px at 100 % zoom). The scene, top to bottom: the
destination banner, then the four bands (people, stakeholder, process, foundation). Band labels sit
in a column at the left, boxes to its right. Every box has the same size.

An objective's ``x``/``y`` is its box's top-left. Its *perspective* decides the band: a box whose
``y`` lies above its band is drawn at the band's top; a band grows downward to hold its lowest box.
So the geometry is a pure function of the map (``compute_layout``), cheap enough to recompute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import count

from srmtool.model.types import PERSPECTIVE_IDS, RouteMap

BOX_WIDTH = 220.0
BOX_HEIGHT = 100.0
BOX_GAP = 30.0  # horizontal and vertical room between boxes in a tidy layout
LABEL_WIDTH = 140.0  # the band label column at the left
BANNER_HEIGHT = 110.0
BAND_MIN_HEIGHT = 2 * BOX_HEIGHT + 3 * BOX_GAP  # room for two rows of boxes
BAND_PAD = BOX_GAP  # space between a band's edge and its boxes
ROW_BOXES = 5  # boxes a new row holds before the next row starts (a map may be wider)
MIN_WIDTH = LABEL_WIDTH + 4 * (BOX_WIDTH + BOX_GAP) + BOX_GAP


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def intersects(self, other: Rect, gap: float = 0.0) -> bool:
        return not (
            self.right + gap <= other.x
            or other.right + gap <= self.x
            or self.bottom + gap <= other.y
            or other.bottom + gap <= self.y
        )

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom


@dataclass(frozen=True)
class MapLayout:
    """Where everything is. ``boxes`` may differ from the objectives' x/y only by band clamping."""

    banner: Rect
    bands: dict[str, Rect]  # perspective id -> the whole band, label column included
    boxes: dict[str, Rect]  # objective id -> box
    bounds: Rect  # everything, for fitting the view or the page

    def band_at(self, y: float) -> str:
        """The perspective whose band holds scene height ``y`` (nearest band outside)."""
        for pid in PERSPECTIVE_IDS:
            if y < self.bands[pid].bottom:
                return pid
        return PERSPECTIVE_IDS[-1]


def compute_layout(route_map: RouteMap) -> MapLayout:
    """The geometry of the whole map. Boxes never leave their band; bands never overlap."""
    by_band: dict[str, list[tuple[str, float, float]]] = {pid: [] for pid in PERSPECTIVE_IDS}
    for o in route_map.objectives:
        if o.perspective in by_band:
            by_band[o.perspective].append((o.id, max(o.x, LABEL_WIDTH + BAND_PAD), o.y))
    right = MIN_WIDTH
    for items in by_band.values():
        for _, x, _ in items:
            right = max(right, x + BOX_WIDTH + BAND_PAD)

    bands: dict[str, Rect] = {}
    boxes: dict[str, Rect] = {}
    top = BANNER_HEIGHT
    for pid in PERSPECTIVE_IDS:
        nominal = BANNER_HEIGHT + PERSPECTIVE_IDS.index(pid) * BAND_MIN_HEIGHT
        top = max(top, nominal)
        bottom = top + BAND_MIN_HEIGHT
        for oid, x, y in by_band[pid]:
            y = max(y, top + BAND_PAD)
            boxes[oid] = Rect(x, y, BOX_WIDTH, BOX_HEIGHT)
            bottom = max(bottom, y + BOX_HEIGHT + BAND_PAD)
        bands[pid] = Rect(0.0, top, right, bottom - top)
        top = bottom
    banner = Rect(0.0, 0.0, right, BANNER_HEIGHT)
    return MapLayout(banner=banner, bands=bands, boxes=boxes, bounds=Rect(0.0, 0.0, right, top))


def nominal_band(perspective_id: str) -> Rect:
    """A band's place in a map whose bands did not grow (for placing boxes before layout)."""
    i = [str(p) for p in PERSPECTIVE_IDS].index(perspective_id)
    return Rect(0.0, BANNER_HEIGHT + i * BAND_MIN_HEIGHT, MIN_WIDTH, BAND_MIN_HEIGHT)


def first_free_place(
    candidates: Iterable[tuple[float, float]],
    taken: Sequence[Rect],
    group: Sequence[tuple[float, float]] = ((0.0, 0.0),),
    gap: float = BOX_GAP / 2,
    fits: Callable[[int, Rect], bool] | None = None,
) -> tuple[float, float] | None:
    """Where a box, or a group of boxes, goes without covering any: the first of ``candidates`` at
    which box ``i`` of the group, with its top-left at the candidate plus ``group[i]``, keeps at
    least ``gap`` from every box of ``taken`` and is accepted by ``fits(i, box)`` when given
    (inside its band, say). None when no candidate is free.

    The one placement rule of the program: a new box, a pasted group, a tidy layout's next slot.
    ``candidates`` may be endless (the first free one ends the search) and is consumed only up to
    the one returned, so one iterator can hand out the next free places one call after another."""
    for cx, cy in candidates:
        for i, (gx, gy) in enumerate(group):
            box = Rect(cx + gx, cy + gy, BOX_WIDTH, BOX_HEIGHT)
            if (fits is not None and not fits(i, box)) or any(box.intersects(t, gap=gap) for t in taken):
                break
        else:
            return (cx, cy)
    return None


def free_slot(
    route_map: RouteMap, perspective_id: str, layout: MapLayout | None = None
) -> tuple[float, float]:
    """Top-left for a new box in a band that overlaps no existing box.

    First, the end of a row the band's boxes already form (so a new box lines up with its
    neighbours, wherever the user put them), if the band is wide enough there; then the first free
    place of the band's grid in reading order (left to right, then the next row).

    Only the band's own boxes count: a place below the band's bottom makes the band grow, and the
    caller moves the lower bands down with it (``Document.add_objective`` does)."""
    layout = layout or compute_layout(route_map)
    taken = [layout.boxes[o.id] for o in route_map.objectives_in(perspective_id) if o.id in layout.boxes]
    found = first_free_place(_slots(layout.bands[perspective_id], taken), taken)
    assert found is not None  # the grid goes on downward until a place is free
    return found


def _slots(band: Rect, taken: Sequence[Rect]) -> Iterator[tuple[float, float]]:
    """``free_slot``'s candidates: the row ends that fit the band, then its endless grid."""
    step_x = BOX_WIDTH + BOX_GAP
    step_y = BOX_HEIGHT + BOX_GAP
    width = max(band.w, LABEL_WIDTH + BAND_PAD + ROW_BOXES * step_x)
    rows: dict[float, float] = {}  # top of a row of boxes -> right edge of its last box
    for box in taken:
        rows[box.y] = max(rows.get(box.y, 0.0), box.right)
    for y, right in sorted(rows.items()):
        if right + BOX_GAP + BOX_WIDTH + BAND_PAD <= width:
            yield (right + BOX_GAP, y)
    # The grid continues the band's boxes: same column origin, rows one step below each other.
    left = LABEL_WIDTH + BAND_PAD
    top = band.y + BAND_PAD
    x0 = left + (min(b.x for b in taken) - left) % step_x if taken else left
    y0 = min(rows) if rows else top
    y0 -= ((y0 - top) // step_y) * step_y  # the highest grid row still inside the band
    per_row = max(1, int((width - x0 - BAND_PAD + BOX_GAP) // step_x))
    for row in count():
        for col in range(per_row):
            yield (x0 + col * step_x, y0 + row * step_y)


def edge_point(box: Rect, toward: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the box's centre toward a point leaves the box's border."""
    cx, cy = box.center
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    sx = (box.w / 2) / abs(dx) if dx else float("inf")
    sy = (box.h / 2) / abs(dy) if dy else float("inf")
    s = min(sx, sy)
    return (cx + dx * s, cy + dy * s)


def arrow_line(source: Rect, target: Rect) -> tuple[tuple[float, float], tuple[float, float]]:
    """The visible arrow from cause to effect: from source's border to target's border."""
    return (edge_point(source, target.center), edge_point(target, source.center))
