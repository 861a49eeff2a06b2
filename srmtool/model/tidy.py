"""Tidy layout: a layered drawing that keeps every box in its band and the user's order where it can.

The four bands are the layers (people, stakeholder, process, foundation). Within a band the user's
order is the boxes' left-to-right order (by ``x``, then ``y``). Barycentre sweeps over the layers
reorder the boxes to reduce crossing links; a new order is taken only when it has strictly fewer
crossings, so the user's order stays whenever reordering would not help. A band with many boxes
wraps into staggered rows (box ``i`` of ``k`` rows sits in row ``i % k`` and a ``1/k`` step to the
right of box ``i - 1``), so reading a band left to right gives back its order, and tidying a tidy
map changes nothing. Pinned boxes keep their place; the others flow around them.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from itertools import count

from srmtool.model.layout import (
    BAND_MIN_HEIGHT,
    BAND_PAD,
    BANNER_HEIGHT,
    BOX_GAP,
    BOX_HEIGHT,
    BOX_WIDTH,
    LABEL_WIDTH,
    Rect,
    first_free_place,
)
from srmtool.model.types import PERSPECTIVE_IDS, RouteMap

#: Boxes per row before a band wraps (more when the largest band would be taller than it is wide).
ROW_LIMIT = 8
#: Sweeps taken at most; each one strictly lowers the crossings, so this rarely binds.
MAX_STEPS = 60
#: On huge maps a sweep is taken only if it removes at least 1/WORTHWHILE of the crossings.
WORTHWHILE = 1000
#: Rounds of placing around pinned boxes and reordering from what that shows.
MAX_ROUNDS = 5

STEP_X = BOX_WIDTH + BOX_GAP
STEP_Y = BOX_HEIGHT + BOX_GAP
LEFT = LABEL_WIDTH + BAND_PAD

Orders = list[list[str]]  # one list of objective ids per band, top band first


def pinned_ids(route_map: RouteMap, pinned: Collection[str] = ()) -> set[str]:
    """Objectives that keep their place: those named, and those whose file entry says ``pinned: true``."""
    ids = {o.id for o in route_map.objectives if o.id in pinned}
    ids.update(o.id for o in route_map.objectives if (o.model_extra or {}).get("pinned") is True)
    return ids


def band_orders(route_map: RouteMap, positions: Mapping[str, tuple[float, float]] | None = None) -> Orders:
    """Each band's objectives left to right (by x, then y, then their place in the file)."""
    positions = positions or {}
    keyed: list[list[tuple[float, float, int, str]]] = [[] for _ in PERSPECTIVE_IDS]
    layer = {pid: i for i, pid in enumerate(PERSPECTIVE_IDS)}
    for index, o in enumerate(route_map.objectives):
        x, y = positions.get(o.id, (o.x, o.y))
        keyed[layer[o.perspective]].append((x, y, index, o.id))
    return [[oid for *_, oid in sorted(items)] for items in keyed]


@dataclass(frozen=True)
class _Links:
    """The links between two different bands, grouped by the pair of bands they join, and each
    box's linked boxes in the bands above and below it."""

    pairs: list[tuple[list[str], list[str]]]  # ids at the upper ends, ids at the lower ends
    above: dict[str, list[str]]
    below: dict[str, list[str]]


def _links(route_map: RouteMap, orders: Orders) -> _Links:
    layer = {oid: i for i, ids in enumerate(orders) for oid in ids}
    pairs: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
    above: dict[str, list[str]] = {}
    below: dict[str, list[str]] = {}
    for lk in route_map.links:
        a, b = layer.get(lk.source), layer.get(lk.target)
        if a is None or b is None or a == b:
            continue
        up, down = (lk.source, lk.target) if a < b else (lk.target, lk.source)
        ups, downs = pairs.setdefault((min(a, b), max(a, b)), ([], []))
        ups.append(up)
        downs.append(down)
        above.setdefault(down, []).append(up)
        below.setdefault(up, []).append(down)
    return _Links(list(pairs.values()), above, below)


def _crossings(links: _Links, orders: Orders) -> int:
    rank = {oid: r for ids in orders for r, oid in enumerate(ids)}
    total = 0
    for ups, downs in links.pairs:
        ends = sorted(zip(map(rank.__getitem__, ups), map(rank.__getitem__, downs), strict=True))
        seen: list[int] = []
        for _, low in ends:  # count earlier links whose lower end lies to the right of this one's
            i = bisect_right(seen, low)
            total += len(seen) - i
            seen.insert(i, low)
    return total


def count_crossings(route_map: RouteMap, positions: Mapping[str, tuple[float, float]] | None = None) -> int:
    """Crossings of a layered drawing: pairs of links joining the same two bands whose ends come in
    opposite left-to-right orders in the two bands. Links that share an end, and links inside one
    band, do not cross. ``positions`` (top-left by id) override the objectives' own x/y."""
    orders = band_orders(route_map, positions)
    return _crossings(_links(route_map, orders), orders)


# -- ordering -------------------------------------------------------------------------------------


def _sweep(orders: Orders, toward: dict[str, list[str]], layers: range, pinned: set[str]) -> Orders:
    """Reorder each layer in ``layers`` (in that sequence) by the mean place of its neighbours in
    ``toward``, places scaled to 0..1 per band. Ties and boxes without such neighbours keep their
    current place; pinned boxes keep their index in the order."""
    new = [list(ids) for ids in orders]
    place = {oid: (r + 0.5) / len(ids) for ids in new for r, oid in enumerate(ids)}
    for i in layers:
        ids = new[i]
        keys = []
        for r, oid in enumerate(ids):
            if oid in pinned:
                continue
            others = toward.get(oid)
            mean = sum(map(place.__getitem__, others)) / len(others) if others else place[oid]
            keys.append((mean, r, oid))
        keys.sort()
        free = iter([oid for *_, oid in keys])
        new[i] = [oid if oid in pinned else next(free) for oid in ids]
        scale = 1 / max(1, len(ids))
        place.update(zip(new[i], [(r + 0.5) * scale for r in range(len(ids))], strict=True))
    return new


def _converge(orders: Orders, links: _Links, pinned: set[str]) -> Orders:
    """Take a downward or upward sweep while it strictly lowers the crossings (the user's order
    stays unless a sweep beats it). The result is one neither sweep improves, so tidying it again
    changes nothing."""
    count = _crossings(links, orders)
    last = len(orders) - 1
    sweeps = ((links.above, range(1, last + 1)), (links.below, range(last - 1, -1, -1)))
    for _ in range(MAX_STEPS):
        if count == 0:
            break
        for toward, layers in sweeps:
            candidate = _sweep(orders, toward, layers, pinned)
            candidate_count = _crossings(links, candidate)
            if candidate_count < count - count // WORTHWHILE:
                orders, count = candidate, candidate_count
                break
        else:
            break
    return orders


# -- placing --------------------------------------------------------------------------------------


def _rows_for(count: int, per_row: int) -> int:
    return max(1, math.ceil(count / per_row))


def _slot(start: float, top: float, rows: int, index: int) -> tuple[float, float]:
    """Top-left of slot ``index`` in a band of ``rows`` staggered rows beginning at ``start``."""
    col, row = divmod(index, rows)
    y_off = max(BAND_PAD, (BAND_MIN_HEIGHT - rows * BOX_HEIGHT - (rows - 1) * BOX_GAP) / 2)
    return (start + col * STEP_X + round(row * STEP_X / rows), top + y_off + row * STEP_Y)


def _content_width(count: int, rows: int) -> float:
    if count == 0:
        return 0.0
    col, row = divmod(count - 1, rows)
    return col * STEP_X + round(row * STEP_X / rows) + BOX_WIDTH


def place(
    route_map: RouteMap, orders: Orders, pinned: Collection[str] = ()
) -> dict[str, tuple[float, float]]:
    """Top-left of every objective when the bands hold ``orders``: pinned boxes where they are,
    the others in staggered rows, centred on the widest band, skipping places a pinned box takes
    (and places before the pinned box that precedes them in the order)."""
    fixed = pinned_ids(route_map, pinned)
    free_counts = [sum(1 for oid in ids if oid not in fixed) for ids in orders]
    per_row = max(ROW_LIMIT, math.ceil(math.sqrt(max(free_counts, default=0))))
    rows = [_rows_for(n, per_row) for n in free_counts]
    widest = max((_content_width(n, k) for n, k in zip(free_counts, rows, strict=True)), default=0.0)
    at: dict[str, tuple[float, float]] = {}
    bottom = BANNER_HEIGHT
    for i, ids in enumerate(orders):
        top = max(bottom, BANNER_HEIGHT + i * BAND_MIN_HEIGHT)
        bottom = top + BAND_MIN_HEIGHT
        pins: dict[str, Rect] = {}
        for oid in ids:
            o = route_map.objective(oid)
            if oid in fixed and o is not None:
                pins[oid] = Rect(max(o.x, LEFT), max(o.y, top + BAND_PAD), BOX_WIDTH, BOX_HEIGHT)
                at[oid] = (o.x, o.y)
                bottom = max(bottom, pins[oid].bottom + BAND_PAD)
        start = LEFT + float(round((widest - _content_width(free_counts[i], rows[i])) / 2))
        slots = (_slot(start, top, rows[i], index) for index in count())  # each handed out once
        taken = list(pins.values())
        after: tuple[float, float] | None = None  # the pinned box the next free box must follow
        for oid in ids:
            if oid in pins:
                after = (pins[oid].x, pins[oid].y)
                continue
            found = first_free_place(_following(slots, after), taken, gap=BOX_GAP)
            assert found is not None  # the slots go on to the right until one is free
            at[oid] = found
            bottom = max(bottom, found[1] + BOX_HEIGHT + BAND_PAD)
    return at


def _following(
    slots: Iterator[tuple[float, float]], after: tuple[float, float] | None
) -> Iterator[tuple[float, float]]:
    """The slots that come after a pinned box in reading order (all of them without one)."""
    return (slot for slot in slots if after is None or slot > after)


def tidy_positions(route_map: RouteMap, pinned: Collection[str] = ()) -> dict[str, tuple[float, float]]:
    """New top-left (x, y) of every objective that a tidy layout moves; pinned objectives (named
    here or ``pinned: true`` in the file) never move. Empty when the map is already tidy. Apply it
    as one undoable step."""
    fixed = pinned_ids(route_map, pinned)
    orders = band_orders(route_map)
    links = _links(route_map, orders)
    placed: dict[str, tuple[float, float]] = {}
    for _ in range(MAX_ROUNDS):
        orders = _converge(orders, links, fixed)
        placed = place(route_map, orders, fixed)
        # Pinned boxes can push free boxes past them; then the order seen on screen is the start.
        seen = band_orders(route_map, placed)
        if seen == orders:
            break
        orders = seen
    return {o.id: placed[o.id] for o in route_map.objectives if placed[o.id] != (o.x, o.y)}
