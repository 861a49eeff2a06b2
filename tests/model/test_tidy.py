"""Tidy layout: boxes stay in their bands without overlapping, crossings never grow, pinned boxes
stay, the user's order survives where links do not argue against it, and tidying twice is a no-op."""

from __future__ import annotations

from importlib.resources import as_file
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srmtool.model import PERSPECTIVE_IDS, Link, Objective, RouteMap, load_map
from srmtool.model.layout import BOX_GAP, BOX_HEIGHT, BOX_WIDTH, LABEL_WIDTH, Rect, compute_layout
from srmtool.model.tidy import ROW_LIMIT, band_orders, count_crossings, tidy_positions
from srmtool.resources_path import resource

THAI_LONG = "ประชาชนในหมู่บ้านร่วมกันจัดการแหล่งเพาะพันธุ์ยุงลายในบ้านวัดโรงเรียนและชุมชนอย่างต่อเนื่องทุกสัปดาห์"


def load_example(name: str) -> RouteMap:
    with as_file(resource("examples", name)) as path:
        return load_map(path)


def applied(route_map: RouteMap, positions: dict[str, tuple[float, float]]) -> RouteMap:
    moved = route_map.model_copy(deep=True)
    for o in moved.objectives:
        if o.id in positions:
            o.x, o.y = positions[o.id]
    return moved


def assert_tidy(before: RouteMap, after: RouteMap, pinned: set[str]) -> None:
    """Each moved box is drawn where it says, inside its band; no free box overlaps another box."""
    layout = compute_layout(after)
    for o in after.objectives:
        box = layout.boxes[o.id]
        band = layout.bands[o.perspective]
        assert band.x + LABEL_WIDTH <= box.x and box.right <= band.right, o.id
        assert band.y < box.y and box.bottom < band.bottom, o.id
        if o.id not in pinned:
            assert box == Rect(o.x, o.y, BOX_WIDTH, BOX_HEIGHT), o.id
    for a, b in combinations(after.objectives, 2):
        if a.id in pinned and b.id in pinned:
            continue  # two pinned boxes are where the user left them
        assert not layout.boxes[a.id].intersects(layout.boxes[b.id], gap=BOX_GAP - 0.5), (a.id, b.id)
    for oid in pinned:
        old, new = before.objective(oid), after.objective(oid)
        assert old is not None and new is not None and (old.x, old.y) == (new.x, new.y)


def make_map(
    perspectives: list[int], xs: list[float], ys: list[float], links: list[tuple[int, int]]
) -> RouteMap:
    objectives = [
        Objective(
            id=f"o{i}",
            code=f"ก{i}",
            perspective=PERSPECTIVE_IDS[p],
            text=f"{THAI_LONG} ข้อ {i}",
            x=x,
            y=y,
        )
        for i, (p, x, y) in enumerate(zip(perspectives, xs, ys, strict=True))
    ]
    n = len(objectives)
    return RouteMap(
        objectives=objectives,
        links=[Link(source=f"o{a % n}", target=f"o{b % n}") for a, b in links],
    )


@pytest.mark.parametrize("name", ["dengue_tambon.srm", "district_ncd.srm"])
def test_examples_tidy_within_bands_without_more_crossings(name: str) -> None:
    before = load_example(name)
    positions = tidy_positions(before)
    after = applied(before, positions)
    assert_tidy(before, after, set())
    assert count_crossings(after) <= count_crossings(before)
    assert count_crossings(before, positions) == count_crossings(after)
    assert tidy_positions(after) == {}


def test_the_district_example_loses_crossings() -> None:
    before = load_example("district_ncd.srm")
    after = applied(before, tidy_positions(before))
    assert count_crossings(after) < count_crossings(before)


def test_pinned_boxes_stay_whether_named_or_marked_in_the_file() -> None:
    before = load_example("district_ncd.srm")
    named = before.objectives[8].id
    marked = before.objectives[25]
    marked.pinned = True  # an extra key, as a file would carry it
    positions = tidy_positions(before, pinned=[named])
    assert named not in positions and marked.id not in positions
    after = applied(before, positions)
    assert_tidy(before, after, {named, marked.id})
    assert tidy_positions(after, pinned=[named]) == {}


def test_counting_crossings_of_a_crossed_pair() -> None:
    # people: A B ; stakeholder: C D ; C→B and D→A cross once; C→A shares an end with both.
    m = make_map([0, 0, 1, 1], [200, 500, 200, 500], [150, 150, 450, 450], [(2, 1), (3, 0)])
    assert count_crossings(m) == 1
    m.links.append(Link(source="o2", target="o0"))
    assert count_crossings(m) == 1
    assert count_crossings(m, {"o0": (800.0, 150.0)}) == 0  # A right of B: nothing crosses
    uncrossed = tidy_positions(m)
    assert count_crossings(m, uncrossed) == 0


def test_links_inside_a_band_or_to_missing_boxes_do_not_count() -> None:
    m = make_map([0, 0, 0, 1], [200, 500, 800, 200], [150] * 3 + [450], [(0, 2), (1, 0)])
    m.links.append(Link(source="o3", target="ไม่มีอยู่"))
    assert count_crossings(m) == 0
    assert tidy_positions(applied(m, tidy_positions(m))) == {}


def test_user_order_is_kept_without_links() -> None:
    # Boxes scattered in any band keep their left-to-right order, including a band that wraps.
    xs = [900, 170, 640, 400, 1300, 50, 2000, 760, 310, 1500, 1100, 95] * 2
    perspectives = [1] * 20 + [3] * 4
    m = make_map(perspectives, [float(x + i) for i, x in enumerate(xs)], [500.0] * 24, [])
    before = band_orders(m)
    positions = tidy_positions(m)
    assert band_orders(m, positions) == before
    rows = {positions[f"o{i}"][1] for i in range(20)}
    assert len(rows) == 3  # 20 boxes, at most ROW_LIMIT in a row
    assert max(sum(1 for i in range(20) if positions[f"o{i}"][1] == y) for y in rows) <= ROW_LIMIT
    assert_tidy(m, applied(m, positions), set())


def test_order_that_crossings_do_not_prefer_is_kept() -> None:
    # Two independent pairs: A–C and B–D do not cross in either order, so nothing is reordered.
    m = make_map([0, 0, 1, 1], [500, 200, 500, 200], [150, 150, 450, 450], [(2, 0), (3, 1)])
    positions = tidy_positions(m)
    assert band_orders(m, positions) == band_orders(m)


def test_a_crossed_pair_is_swapped_by_moving_the_fewest_links() -> None:
    # people: A B ; stakeholder: C D with C→B and D→A: one of the two bands must swap.
    m = make_map([0, 0, 1, 1], [200, 500, 200, 500], [150, 150, 450, 450], [(2, 1), (3, 0)])
    orders = band_orders(m, tidy_positions(m))
    assert orders[0] == ["o1", "o0"] or orders[1] == ["o3", "o2"]
    assert count_crossings(m, tidy_positions(m)) == 0


coordinate = st.floats(min_value=-500, max_value=4000, allow_nan=False)


@st.composite
def route_maps(draw: st.DrawFn) -> tuple[RouteMap, set[str]]:
    n = draw(st.integers(min_value=1, max_value=40))
    perspectives = draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    xs = draw(st.lists(coordinate, min_size=n, max_size=n))
    ys = draw(st.lists(coordinate, min_size=n, max_size=n))
    links = draw(st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99)), max_size=80))
    pins = draw(st.sets(st.integers(0, n - 1), max_size=3))
    return make_map(perspectives, xs, ys, links), {f"o{i}" for i in pins}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(route_maps())
def test_random_maps_without_pins(case: tuple[RouteMap, set[str]]) -> None:
    before, _ = case
    positions = tidy_positions(before)
    after = applied(before, positions)
    assert_tidy(before, after, set())
    assert count_crossings(after) <= count_crossings(before)
    assert tidy_positions(after) == {}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(route_maps())
def test_random_maps_with_pins(case: tuple[RouteMap, set[str]]) -> None:
    before, pinned = case
    positions = tidy_positions(before, pinned)
    assert not pinned & positions.keys()
    after = applied(before, positions)
    assert_tidy(before, after, pinned)
    assert tidy_positions(after, pinned) == {}
