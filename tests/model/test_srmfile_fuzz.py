"""Damaged files: whatever happens to the bytes, loading gives a whole map or a MapFileError.

A `.srm` arrives by LINE or e-mail, may be cut off, re-encoded or edited by hand. Starting from the
bundled example, random damage (bytes flipped, cut, repeated, structural characters inserted, values
swapped for other JSON values) must never raise anything but MapFileError, and the checks must then
run on whatever loaded.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srmtool.model import MapFileError, RouteMap, check_map, loads_map
from srmtool.resources_path import resource

EXAMPLE = resource("examples", "dengue_tambon.srm").read_bytes()
DOC = json.loads(EXAMPLE)

damage = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, len(EXAMPLE) - 1), st.integers(0, 255)),
    st.tuples(st.just("cut"), st.integers(0, len(EXAMPLE) - 1), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, len(EXAMPLE) - 1), st.sampled_from(list(b'[]{}",:\\0-e'))),
    st.tuples(st.just("repeat"), st.integers(0, len(EXAMPLE) - 1), st.integers(1, 400)),
)


def damaged(data: bytes, steps: list[tuple[str, int, int]]) -> bytes:
    for kind, at, value in steps:
        at = min(at, max(len(data) - 1, 0))
        if kind == "flip":
            data = data[:at] + bytes([value]) + data[at + 1 :]
        elif kind == "cut":
            data = data[:at]
        elif kind == "insert":
            data = data[:at] + bytes([value]) + data[at:]
        else:
            data = data[:at] + data[at : at + value] + data[at:]
    return data


def load_or_refuse(data: bytes) -> RouteMap | None:
    try:
        route_map = loads_map(data, "ตัวอย่างเสียหาย.srm")
    except MapFileError as exc:
        assert exc.path == "ตัวอย่างเสียหาย.srm"
        assert exc.message("th") and exc.message("en")
        return None
    check_map(route_map)  # a map that loads can always be checked
    return route_map


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(damage, min_size=1, max_size=4))
def test_damaged_bytes_load_whole_or_are_refused(steps: list[tuple[str, int, int]]) -> None:
    load_or_refuse(damaged(EXAMPLE, steps))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def paths(node: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node[:3]):
            found += paths(value, (*prefix, i))
    return found


ALL_PATHS = paths(DOC)[1:]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALL_PATHS), json_values)
def test_any_value_swapped_for_any_json_loads_whole_or_is_refused(
    path: tuple[object, ...], value: object
) -> None:
    doc = json.loads(EXAMPLE)
    node = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    loaded = load_or_refuse(json.dumps(doc, ensure_ascii=False).encode())
    if loaded is not None:
        assert len(loaded.perspectives) == 4
