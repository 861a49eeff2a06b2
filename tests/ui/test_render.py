"""PNG and SVG pictures of a map (``srmtool.ui.render``), drawn by the canvas, also without a display."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from srmtool.model.layout import compute_layout
from srmtool.model.srmfile.codec import dumps_map, load_map
from srmtool.model.types import RouteMap
from srmtool.resources_path import resource
from srmtool.ui.render import MARGIN, write_png, write_svg

SVG = "{http://www.w3.org/2000/svg}"
MARKS = re.compile(r"[\s\u200b]")


@pytest.fixture
def dengue(qapp: object) -> RouteMap:
    return load_map(str(resource("examples", "dengue_tambon.srm")))


def expected_size(route_map: RouteMap, scale: float) -> tuple[int, int]:
    bounds = compute_layout(route_map).bounds
    return round((bounds.w + 2 * MARGIN) * scale), round((bounds.h + 2 * MARGIN) * scale)


def test_png_has_the_map_size_times_the_scale_and_real_drawing_on_white(
    dengue: RouteMap, tmp_path: Path
) -> None:
    before = dumps_map(dengue)
    path = tmp_path / "แผนที่.png"
    write_png(dengue, path)
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == expected_size(dengue, 2.0)
    assert image.width() > 2000
    assert image.pixelColor(2, 2) == QColor("white")  # the margin is white, not transparent

    step = 7
    samples = [
        image.pixelColor(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)
    ]
    not_white = sum(1 for c in samples if c.red() + c.green() + c.blue() < 3 * 250)
    dark = sum(1 for c in samples if c.lightness() < 100)
    assert not_white / len(samples) > 0.5  # bands, banner, boxes
    assert dark > 200  # text and arrows
    assert dumps_map(dengue) == before  # drawing never changes the map


def test_png_scale_sets_the_pixel_size(dengue: RouteMap, tmp_path: Path) -> None:
    write_png(dengue, tmp_path / "เล็ก.png", scale=1.0)
    small = QImage(str(tmp_path / "เล็ก.png"))
    assert (small.width(), small.height()) == expected_size(dengue, 1.0)
    with pytest.raises(ValueError):
        write_png(dengue, tmp_path / "ศูนย์.png", scale=0)


def test_svg_holds_every_objective_as_searchable_thai_text(dengue: RouteMap, tmp_path: Path) -> None:
    path = tmp_path / "แผนที่.svg"
    write_svg(dengue, path)
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    width, height = expected_size(dengue, 1.0)
    assert root.get("viewBox") == f"0 0 {width} {height}"
    assert root.findtext(f"{SVG}title") == dengue.meta.title
    assert list(root.iter(f"{SVG}image")) == []  # vector drawing, no pictures of boxes
    runs = [MARKS.sub("", "".join(t.itertext())) for t in root.iter(f"{SVG}text")]
    assert runs and all(run == "" or run for run in runs)
    text = "".join(runs)
    for objective in dengue.objectives:
        assert objective.code in runs
        assert MARKS.sub("", objective.text) in text  # each box's lines, in order
    assert MARKS.sub("", dengue.destination) in text
    assert len(list(root.iter(f"{SVG}polyline"))) + len(list(root.iter(f"{SVG}path"))) >= len(dengue.links)


def test_unwritable_targets_raise_os_errors(dengue: RouteMap, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_png(dengue, tmp_path / "ไม่มีโฟลเดอร์" / "ภาพ.png")
    with pytest.raises(OSError):
        write_svg(dengue, tmp_path / "ไม่มีโฟลเดอร์" / "ภาพ.svg")
    assert list(tmp_path.iterdir()) == []


def test_works_headless_without_a_display_or_an_application(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from srmtool.model.srmfile.codec import load_map\n"
        "from srmtool.ui.render import write_png, write_svg\n"
        "assert QCoreApplication.instance() is None\n"
        "m = load_map(sys.argv[1])\n"
        "write_png(m, sys.argv[2], scale=1.0)\n"
        "write_svg(m, sys.argv[3])\n"
        "import os; print(os.environ['QT_QPA_PLATFORM'])\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    png, svg = tmp_path / "ภาพ.png", tmp_path / "ภาพ.svg"
    example = str(resource("examples", "district_ncd.srm"))
    result = subprocess.run(
        [sys.executable, "-c", code, example, str(png), str(svg)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "offscreen"
    assert QImage(str(png)).width() > 1000
    assert "การ" in svg.read_text(encoding="utf-8")
