"""A valid map with boxes far apart prints in a few pages: empty space is never tiled, and the number
of map pages is bounded by the boxes, not by their coordinates."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import pytest

from srmtool.export.pdf.document import write_pdf
from srmtool.export.pdf.map_geometry import A4_LANDSCAPE, MapTransform, map_transforms
from srmtool.model import load_map, save_map
from srmtool.model.layout import LABEL_WIDTH, compute_layout
from srmtool.model.limits import MAX_COORDINATE
from srmtool.model.types import PERSPECTIVE_IDS, Objective, RouteMap
from srmtool.resources_path import resource

A3_LANDSCAPE = (1190.55, 841.89)


def _dengue() -> RouteMap:
    return load_map(resource("examples", "dengue_tambon.srm"))


def _far_map() -> RouteMap:
    m = _dengue()
    far = m.objectives[-1]
    far.x, far.y = 999_999.0, 999_999.0  # inside the documented range
    return m


def _whole_somewhere(route_map: RouteMap, pages: list[MapTransform]) -> None:
    layout = compute_layout(route_map)
    for oid, box in layout.boxes.items():
        assert any(page.shows_whole(box) for page in pages), oid


def test_one_far_box_plans_a_few_pages_not_hundreds_of_thousands() -> None:
    m = _far_map()
    start = time.perf_counter()
    pages = map_transforms(compute_layout(m), A4_LANDSCAPE)
    assert time.perf_counter() - start < 1.0
    assert 2 <= len(pages) <= 6
    _whole_somewhere(m, pages)
    assert (pages[0].window.x, pages[0].window.y) == (LABEL_WIDTH, 0.0)  # the banner's page comes first


def test_every_page_but_the_first_shows_a_box() -> None:
    m = _far_map()
    layout = compute_layout(m)
    pages = map_transforms(layout, A4_LANDSCAPE)
    for page in pages[1:]:
        assert any(page.sees(box) for box in layout.boxes.values())


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("paper", [A4_LANDSCAPE, A3_LANDSCAPE])
def test_the_page_count_is_bounded_by_the_boxes(seed: int, paper: tuple[float, float]) -> None:
    rng = random.Random(seed)
    count = 40
    m = RouteMap(
        objectives=[
            Objective(
                id=f"o{i}",
                code=f"ก{i}",
                perspective=rng.choice(PERSPECTIVE_IDS),
                text="ประชาชนร่วมกันจัดการแหล่งเพาะพันธุ์ยุงลาย",
                x=rng.uniform(-MAX_COORDINATE, MAX_COORDINATE),
                y=rng.uniform(-MAX_COORDINATE, MAX_COORDINATE),
            )
            for i in range(count)
        ]
    )
    pages = map_transforms(compute_layout(m), paper)
    assert len(pages) <= 1 + 6 * count
    _whole_somewhere(m, pages)


def test_a_tidy_map_tiles_as_before() -> None:
    m = _dengue()
    assert len(map_transforms(compute_layout(m), A4_LANDSCAPE)) == 1


def test_the_far_map_exports_in_seconds(tmp_path: Path) -> None:
    path = tmp_path / "ไกล.pdf"
    start = time.perf_counter()
    write_pdf(_far_map(), path)
    assert time.perf_counter() - start < 10.0
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) < 12


def test_the_command_exports_the_far_map_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    source = tmp_path / "ไกล.srm"
    save_map(_far_map(), source)
    out = tmp_path / "ไกล.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "srmtool", "export", str(source), "--pdf", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ไกล.pdf", "ไกล.srm"]
