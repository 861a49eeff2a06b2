"""The bundled example maps: the first files a new user opens, and what the exports print.

They must load through the public API from the installed resources, pass the checks, be laid out
inside their bands without overlaps, carry a complete Mini SLM table, and be in canonical form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib.resources import as_file
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest

from srmtool.model import PERSPECTIVE_IDS, RouteMap, check_map, load_map
from srmtool.model.layout import BOX_HEIGHT, BOX_WIDTH, LABEL_WIDTH, compute_layout
from srmtool.model.srmfile.codec import dumps_map
from srmtool.model.templates import default_columns
from srmtool.model.types import CODE_PREFIX, OBJECTIVE_COLUMN
from srmtool.resources_path import resource

# file name -> at least (objectives, links, stakeholders, table rows)
EXAMPLES: dict[str, tuple[int, int, int, int]] = {
    "dengue_tambon.srm": (12, 18, 3, 10),
    "district_ncd.srm": (40, 60, 6, 20),
}

THAI_RUN = re.compile(r"[\u0E00-\u0E7F.]+")  # Thai letters (and the dots of อสม. รพ.สต.) without spaces


@contextmanager
def example_path(name: str) -> Iterator[Path]:
    with as_file(resource("examples", name)) as path:
        yield path


def load_example(name: str) -> RouteMap:
    with example_path(name) as path:
        return load_map(path)


@pytest.fixture(scope="module", params=sorted(EXAMPLES))
def example(request: pytest.FixtureRequest) -> tuple[str, RouteMap]:
    name: str = request.param
    return name, load_example(name)


def test_sizes(example: tuple[str, RouteMap]) -> None:
    name, m = example
    objectives, links, stakeholders, rows = EXAMPLES[name]
    assert len(m.objectives) >= objectives
    assert len(m.links) >= links
    assert len(m.stakeholders) >= stakeholders
    assert len(m.table.rows) >= rows
    for pid in PERSPECTIVE_IDS:
        assert m.objectives_in(pid), f"{name}: level {pid} is empty"


def test_no_errors_and_no_warnings_from_the_checks(example: tuple[str, RouteMap]) -> None:
    _, m = example
    findings = check_map(m)
    assert [f.code for f in findings if f.severity == "error"] == []
    assert [f.code for f in findings if f.severity == "warning"] == []


def test_meta_and_destination_are_filled(example: tuple[str, RouteMap]) -> None:
    _, m = example
    meta = m.meta
    for value in (meta.title, meta.organization, meta.area, meta.period):
        assert value.strip()
    assert "แผนที่ทางเดินยุทธศาสตร์" in meta.title
    assert re.search(r"ปีงบประมาณ 25\d\d–25\d\d", meta.period)
    assert meta.authors and all(a.strip() for a in meta.authors)
    created, modified = datetime.fromisoformat(meta.created), datetime.fromisoformat(meta.modified)
    assert created.tzinfo is not None and created <= modified
    # the destination names its time frame, a Buddhist Era year inside the plan period
    year = re.search(r"ภายในปี (25\d\d)", m.destination)
    assert year is not None and year.group(1) in meta.period


def test_codes_follow_their_level(example: tuple[str, RouteMap]) -> None:
    _, m = example
    codes = [o.code for o in m.objectives]
    assert len(set(codes)) == len(codes)
    for o in m.objectives:
        assert re.fullmatch(CODE_PREFIX[o.perspective] + r"\d+", o.code), o.code
        assert o.text.strip()


def test_links_point_up_and_reach_people(example: tuple[str, RouteMap]) -> None:
    _, m = example
    level = {o.id: PERSPECTIVE_IDS.index(o.perspective) for o in m.objectives}
    for lk in m.links:
        assert level[lk.source] > level[lk.target], f"{lk.source} → {lk.target} does not point up"
    graph = nx.DiGraph([(lk.source, lk.target) for lk in m.links])
    people = {o.id for o in m.objectives_in("people")}
    for o in m.objectives:
        assert o.id in people or nx.descendants(graph, o.id) & people, o.code


def test_key_route_is_one_chain_from_foundation_to_people(example: tuple[str, RouteMap]) -> None:
    _, m = example
    key = {o.id for o in m.objectives if o.key_route}
    assert {m.objective(k).perspective for k in key if m.objective(k)} == set(PERSPECTIVE_IDS)
    sub = nx.DiGraph()
    sub.add_nodes_from(key)
    sub.add_edges_from((lk.source, lk.target) for lk in m.links if lk.source in key and lk.target in key)
    assert nx.is_weakly_connected(sub)
    foundation = [o.id for o in m.objectives_in("foundation") if o.key_route]
    people = [o.id for o in m.objectives_in("people") if o.key_route]
    assert any(nx.has_path(sub, f, p) for f in foundation for p in people)


def test_stakeholders_have_kind_role_and_objectives(example: tuple[str, RouteMap]) -> None:
    _, m = example
    ids = {s.id for s in m.stakeholders}
    for s in m.stakeholders:
        assert s.name.strip() and s.kind.strip() and s.role.strip()
        assert any(s.id in o.stakeholders for o in m.objectives), f"{s.name} has no objective"
    for o in m.objectives:
        assert set(o.stakeholders) <= ids


def test_table_uses_the_mini_slm_columns_and_fills_every_cell(example: tuple[str, RouteMap]) -> None:
    _, m = example
    expected = [(c.key, c.label) for c in default_columns()]
    assert [(c.key, c.label) for c in m.table.columns] == expected
    keys = [c.key for c in m.table.columns if c.key != OBJECTIVE_COLUMN]
    for row in m.table.rows:
        assert m.objective(row.objective) is not None, row.id
        assert sorted(row.cells) == sorted(keys), row.id
        assert all(value.strip() for value in row.cells.values()), row.id


def test_table_rows_follow_the_key_route(example: tuple[str, RouteMap]) -> None:
    _, m = example
    order = [r.objective for r in m.table.rows]
    # rows of one objective sit together (printed as one merged objective cell)
    runs = [oid for i, oid in enumerate(order) if i == 0 or order[i - 1] != oid]
    assert len(runs) == len(set(runs))
    key = {o.id for o in m.objectives if o.key_route}
    assert set(order) == key
    assert any(order.count(oid) >= 2 for oid in key)  # several activities under one objective


def test_table_has_real_thai_cells(example: tuple[str, RouteMap]) -> None:
    _, m = example
    cells = [v for r in m.table.rows for v in r.cells.values()]
    assert any("\n" in v for v in cells)
    assert max(len(run) for v in cells for run in THAI_RUN.findall(v)) >= 120
    budgets = [r.cells["budget"] for r in m.table.rows]
    assert any(re.fullmatch(r"[๐-๙]{1,3}(,[๐-๙]{3})+", b) for b in budgets)
    assert any(re.fullmatch(r"\d{1,3}(,\d{3})+", b) for b in budgets)


def test_boxes_sit_inside_their_bands_without_overlap(example: tuple[str, RouteMap]) -> None:
    _, m = example
    layout = compute_layout(m)
    for o in m.objectives:
        box, band = layout.boxes[o.id], layout.bands[o.perspective]
        # the stored place is where the box is drawn: nothing was clamped into the band
        assert (box.x, box.y) == (o.x, o.y), o.code
        assert (box.w, box.h) == (BOX_WIDTH, BOX_HEIGHT)
        assert box.x >= LABEL_WIDTH and box.right <= band.right, o.code
        assert band.y <= box.y and box.bottom <= band.bottom, o.code
    for a, b in combinations(m.objectives, 2):
        assert not layout.boxes[a.id].intersects(layout.boxes[b.id]), f"{a.code} overlaps {b.code}"


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_files_are_in_canonical_form(name: str) -> None:
    with example_path(name) as path:
        data = path.read_bytes()
        assert dumps_map(load_map(path)) == data
    assert data.decode("utf-8").startswith('{\n  "format": "srmtool-map",\n  "version": 1,\n')
