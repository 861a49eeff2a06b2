"""The map page of the PDF: everything of the map is on paper, box text stays in its box, arrows
meet box edges, and a map too large for one readable page is tiled without losing a box."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4, landscape

from srmtool.export.pdf.map import box_inner, draw_map_page, fit_box_texts
from srmtool.export.pdf.map_geometry import MIN_SCALE, MapTransform, map_transforms, page_frame
from srmtool.export.pdf.map_text import ELLIPSIS, fit_text
from srmtool.export.pdf.text import PdfText, new_canvas
from srmtool.model import load_map
from srmtool.model.layout import (
    BAND_MIN_HEIGHT,
    BANNER_HEIGHT,
    BOX_GAP,
    BOX_HEIGHT,
    BOX_WIDTH,
    LABEL_WIDTH,
    Rect,
    arrow_line,
    compute_layout,
)
from srmtool.model.types import CODE_PREFIX, PERSPECTIVE_IDS, Link, Objective, RouteMap
from srmtool.resources_path import resource

PAGE = landscape(A4)
EXAMPLES = ("dengue_tambon.srm", "district_ncd.srm")
LONG_SENTENCE = (
    "ประชาชนทุกหมู่บ้านในตำบลร่วมกันสำรวจและทำลายแหล่งเพาะพันธุ์ยุงลายในบ้านโรงเรียนวัดและชุมชน"
    "ทุกสัปดาห์อย่างต่อเนื่องโดยมีอาสาสมัครสาธารณสุขประจำหมู่บ้านเป็นผู้นำและรายงานผลต่อโรงพยาบาล"
    "ส่งเสริมสุขภาพตำบลและองค์การบริหารส่วนตำบลเพื่อวางแผนควบคุมโรคไข้เลือดออกได้ทันเวลาทุกครั้ง"
)


def _draw(route_map: RouteMap, path: Path, *, thai_digits: bool = False) -> int:
    """The map pages alone, drawn the way write_pdf draws them."""
    canvas = new_canvas(str(path), PAGE)
    pages = draw_map_page(canvas, PdfText(canvas), route_map, page_size=PAGE, thai_digits=thai_digits)
    canvas.save()
    return pages


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _raw_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def _page_rect(t: MapTransform, r: Rect) -> tuple[float, float, float, float]:
    """A scene rectangle as pdfplumber sees it: (x0, top, x1, bottom), y measured down the page."""
    p = t.rect(r)
    return (p.x, PAGE[1] - p.bottom, p.right, PAGE[1] - p.y)


def _inside(char: dict[str, float], rect: tuple[float, float, float, float], tol: float = 0.05) -> bool:
    x0, top, x1, bottom = rect
    return (
        char["x0"] >= x0 - tol
        and char["x1"] <= x1 + tol
        and char["top"] >= top - tol
        and char["bottom"] <= bottom + tol
    )


def _on_border(
    point: tuple[float, float], rect: tuple[float, float, float, float], tol: float = 0.05
) -> bool:
    x, y = point
    x0, top, x1, bottom = rect
    within_x = x0 - tol <= x <= x1 + tol
    within_y = top - tol <= y <= bottom + tol
    on_vertical = within_y and (abs(x - x0) <= tol or abs(x - x1) <= tol)
    on_horizontal = within_x and (abs(y - top) <= tol or abs(y - bottom) <= tol)
    return on_vertical or on_horizontal


def _generated_map(count: int, per_row: int, text: str = "", people: int | None = None) -> RouteMap:
    """``count`` objectives spread evenly over the four bands (``people`` of them in the top band
    when given), ``per_row`` boxes to a row, each linked to one objective of the band above."""
    route_map = RouteMap(destination="ภายในปี 2570 ประชาชนในจังหวัดมีสุขภาพดีถ้วนหน้า")
    route_map.meta.title = "แผนที่ทางเดินยุทธศาสตร์ระดับจังหวัด"
    per_band = count // len(PERSPECTIVE_IDS)
    counts = {pid: per_band for pid in PERSPECTIVE_IDS}
    counts["people"] = people or per_band
    top = BANNER_HEIGHT
    for band_index, pid in enumerate(PERSPECTIVE_IDS):
        top = max(top, BANNER_HEIGHT + band_index * BAND_MIN_HEIGHT)  # as compute_layout stacks bands
        for i in range(counts[pid]):
            x = LABEL_WIDTH + BOX_GAP + (i % per_row) * (BOX_WIDTH + BOX_GAP)
            y = top + BOX_GAP + (i // per_row) * (BOX_HEIGHT + BOX_GAP)
            route_map.objectives.append(
                Objective(
                    id=f"{pid}{i}",
                    code=f"{CODE_PREFIX[pid]}{i + 1}",
                    perspective=pid,
                    text=text or f"เป้าประสงค์ที่ {i + 1} ของระดับ{route_map.perspective_label(pid)}",
                    x=x,
                    y=y,
                    key_route=i % 7 == 0,
                )
            )
        rows = (counts[pid] + per_row - 1) // per_row
        top = max(top + BAND_MIN_HEIGHT, top + BOX_GAP + rows * (BOX_HEIGHT + BOX_GAP))
    for band_index, pid in enumerate(PERSPECTIVE_IDS[1:], start=1):
        above = PERSPECTIVE_IDS[band_index - 1]
        for i in range(counts[pid]):
            route_map.links.append(Link(source=f"{pid}{i}", target=f"{above}{(i * 3) % counts[above]}"))
    return route_map


# -- the examples ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_objective_destination_and_band_label_is_on_the_map_page(name: str, tmp_path: Path) -> None:
    route_map = load_map(resource("examples", name))
    path = tmp_path / "map.pdf"
    assert _draw(route_map, path) == 1
    text = _flat(_raw_text(path))
    assert _flat(route_map.destination) in text
    for pid in PERSPECTIVE_IDS:
        assert _flat(route_map.perspective_label(pid)) in text
    assert _flat(route_map.meta.title) in text
    assert _flat(route_map.meta.organization) in text
    for o in route_map.objectives:
        assert _flat(f"{o.code} {o.text}") in text, o.code


@pytest.mark.parametrize("name", EXAMPLES)
def test_box_text_lies_inside_its_box(name: str, tmp_path: Path) -> None:
    route_map = load_map(resource("examples", name))
    path = tmp_path / "map.pdf"
    _draw(route_map, path)
    layout = compute_layout(route_map)
    (t,) = map_transforms(layout, PAGE)
    boxes = {oid: _page_rect(t, box) for oid, box in layout.boxes.items()}
    content_left = t.content_left
    banner_bottom = PAGE[1] - t.rect(layout.banner).y
    with pdfplumber.open(path) as pdf:
        chars = [c for c in pdf.pages[0].chars if not c["text"].isspace()]
    in_box = {oid: "" for oid in boxes}
    for c in chars:
        if c["x0"] < content_left or not (banner_bottom < c["top"] < PAGE[1] - t.area.y):
            continue  # the header, banner, band labels and footer
        owner = [oid for oid, rect in boxes.items() if _inside(c, rect)]
        assert owner, f"{c['text']!r} at ({c['x0']:.1f}, {c['top']:.1f}) is in no box"
        in_box[owner[0]] += c["text"]
    for o in route_map.objectives:
        drawn = unicodedata.normalize("NFKC", in_box[o.id])
        assert drawn.startswith(o.code), o.code
        assert len(drawn) >= len(_flat(o.text)) * 0.9, o.code  # marks may be counted once per cluster


@pytest.mark.parametrize("name", EXAMPLES)
def test_arrows_start_and_end_on_box_edges(name: str, tmp_path: Path) -> None:
    route_map = load_map(resource("examples", name))
    path = tmp_path / "map.pdf"
    _draw(route_map, path)
    layout = compute_layout(route_map)
    (t,) = map_transforms(layout, PAGE)
    rects = {oid: _page_rect(t, box) for oid, box in layout.boxes.items()}
    map_top = PAGE[1] - t.area.bottom
    map_bottom = PAGE[1] - t.area.y
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        shafts = [ln for ln in page.lines if map_top <= ln["top"] and ln["bottom"] <= map_bottom]
        heads = [cv for cv in page.curves if map_top <= cv["top"] and cv["bottom"] <= map_bottom]
    drawn_links = [lk for lk in route_map.links if lk.source in rects and lk.target in rects]
    assert len(shafts) == len(heads) == len(drawn_links)
    for link in drawn_links:
        start, end = arrow_line(layout.boxes[link.source], layout.boxes[link.target])
        sx, sy = t.point(*start)
        ex, ey = t.point(*end)
        start_pt, tip = (sx, PAGE[1] - sy), (ex, PAGE[1] - ey)
        assert _on_border(start_pt, rects[link.source]) and _on_border(tip, rects[link.target])
        shaft = [
            s for s in shafts if abs(s["pts"][0][0] - sx) < 0.05 and abs(s["pts"][0][1] - start_pt[1]) < 0.05
        ]
        assert shaft, f"no arrow leaves {link.source}"
        head = [h for h in heads if any(abs(x - ex) < 0.05 and abs(y - tip[1]) < 0.05 for x, y in h["pts"])]
        assert head, f"no arrowhead meets {link.target}"


def test_key_route_arrows_are_thicker_and_coloured(tmp_path: Path) -> None:
    route_map = load_map(resource("examples", "dengue_tambon.srm"))
    path = tmp_path / "map.pdf"
    _draw(route_map, path)
    key = {o.id for o in route_map.objectives if o.key_route}
    n_key = sum(1 for lk in route_map.links if lk.source in key and lk.target in key)
    with pdfplumber.open(path) as pdf:
        lines = pdf.pages[0].lines
        rects = pdf.pages[0].rects
    widest = max(ln["linewidth"] for ln in lines)
    thick = [ln for ln in lines if abs(ln["linewidth"] - widest) < 1e-3]
    others = [ln for ln in lines if ln["linewidth"] < widest / 2]
    assert n_key > 0 and len(thick) == n_key + 1  # the key-route arrows and the legend's sample
    colours = {tuple(round(v, 2) for v in ln["stroking_color"]) for ln in thick}
    assert len(colours) == 1
    (key_colour,) = colours
    assert max(key_colour) - min(key_colour) > 0.3  # a strong colour, not a grey
    assert all(max(c) - min(c) < 0.15 for c in (tuple(ln["stroking_color"]) for ln in others))  # greys
    key_boxes = [r for r in rects if tuple(round(v, 2) for v in r["stroking_color"]) == key_colour]
    assert len(key_boxes) == len(key)


def test_thai_digit_mode_prints_no_arabic_digit(tmp_path: Path) -> None:
    route_map = load_map(resource("examples", "district_ncd.srm"))
    path = tmp_path / "map.pdf"
    _draw(route_map, path, thai_digits=True)
    text = _flat(_raw_text(path))
    assert not re.search("[0-9]", text)
    assert "ป๑" in text and "พ๗" in text and "๓อ.๒ส." in text


# -- hard cases ------------------------------------------------------------------------------


def test_long_unbroken_thai_sentence_stays_inside_its_box(tmp_path: Path) -> None:
    route_map = _generated_map(8, 2)
    route_map.objectives[0].text = LONG_SENTENCE * 2
    path = tmp_path / "map.pdf"
    _draw(route_map, path)
    layout = compute_layout(route_map)
    (t,) = map_transforms(layout, PAGE)
    box = layout.boxes[route_map.objectives[0].id]
    rect = _page_rect(t, box)
    with pdfplumber.open(path) as pdf:
        chars = [c for c in pdf.pages[0].chars if _inside(c, _page_rect(t, box_inner(box)), tol=20)]
    assert chars and all(_inside(c, rect) for c in chars)
    drawn = "".join(c["text"] for c in chars)
    assert drawn.endswith(ELLIPSIS)
    assert _flat(LONG_SENTENCE[:40]) in _flat(_raw_text(path))


def test_text_shrinks_before_it_is_shortened(tmp_path: Path) -> None:
    canvas = new_canvas(str(tmp_path / "x.pdf"), PAGE)
    text = PdfText(canvas)
    short = fit_text(text, "ประชาชนมีความรู้", 80.0, 40.0, start=12.0, minimum=5.0, prefix="ป1")
    longer = fit_text(text, LONG_SENTENCE[:120], 80.0, 40.0, start=12.0, minimum=5.0, prefix="ป1")
    longest = fit_text(text, LONG_SENTENCE * 3, 80.0, 40.0, start=12.0, minimum=5.0, prefix="ป1")
    assert short.size == 12.0 and not short.shortened
    assert 5.0 < longer.size < 12.0 and not longer.shortened
    assert longest.size == 5.0 and longest.shortened and longest.lines[-1].endswith(ELLIPSIS)
    for fitted in (short, longer, longest):
        assert fitted.prefix == "ป1" and fitted.lines[0].startswith("ป1")
        assert all(text.width(line, fitted.size) <= 80.0 + 0.5 for line in fitted.lines)
        assert text.block_height(len(fitted.lines), fitted.size) <= 40.0


def test_boxes_share_one_size_unless_one_needs_less(tmp_path: Path) -> None:
    route_map = _generated_map(40, 5)
    long_one = route_map.objectives[3]
    long_one.text = LONG_SENTENCE[:150]
    canvas = new_canvas(str(tmp_path / "x.pdf"), PAGE)
    layout = compute_layout(route_map)
    fitted = fit_box_texts(PdfText(canvas), route_map, layout, map_transforms(layout, PAGE)[0].scale)
    sizes = sorted({f.size for f in fitted.values()})
    assert len(sizes) == 2 and fitted[long_one.id].size == sizes[0]
    assert all(f.size == sizes[1] for oid, f in fitted.items() if oid != long_one.id)


def test_300_objectives_tile_with_every_box_whole_on_some_page(tmp_path: Path) -> None:
    route_map = _generated_map(300, 25)
    layout = compute_layout(route_map)
    pages = map_transforms(layout, PAGE)
    assert len(pages) > 1 and all(t.scale >= MIN_SCALE for t in pages)
    area = page_frame(PAGE).map_area
    for t in pages:  # every page's map lies in the page's map area
        assert area.x - 1e-6 <= t.area.x and t.area.right <= area.right + 1e-6
        assert area.y - 1e-6 <= t.area.y and t.area.bottom <= area.bottom + 1e-6
    for oid, box in layout.boxes.items():
        assert any(t.shows_whole(box) for t in pages), oid
    path = tmp_path / "map.pdf"
    assert _draw(route_map, path) == len(pages)
    raw = _raw_text(path)
    tokens = set(unicodedata.normalize("NFKC", raw).split())
    missing = [o.code for o in route_map.objectives if o.code not in tokens]
    assert not missing
    assert f"หน้าแผนที่ 1/{len(pages)}" in raw and f"หน้าแผนที่ {len(pages)}/{len(pages)}" in raw


def test_wide_map_tiles_by_columns_with_overlap() -> None:
    route_map = _generated_map(80, 20)  # one band row is 20 boxes wide, two rows per band
    layout = compute_layout(route_map)
    pages = map_transforms(layout, PAGE)
    assert len(pages) > 1
    assert len({t.window.y for t in pages}) == 1  # the height fits: columns only
    for before, after in zip(pages, pages[1:], strict=False):
        assert after.window.x < before.window.right  # overlap
        cut = [b for b in layout.boxes.values() if b.x < before.window.right < b.right]
        assert all(after.shows_whole(b) for b in cut)


def test_a_band_of_three_box_rows_still_prints_on_one_page() -> None:
    route_map = _generated_map(40, 5, people=15)  # three rows of five in the people band
    layout = compute_layout(route_map)
    assert layout.bounds.h == 1400.0  # one box row taller than the least a map can be
    (t,) = map_transforms(layout, PAGE)
    assert t.scale >= MIN_SCALE
    assert all(t.shows_whole(box) for box in layout.boxes.values())


def test_a_map_that_fits_is_one_page_centred(tmp_path: Path) -> None:
    route_map = load_map(resource("examples", "dengue_tambon.srm"))
    (t,) = map_transforms(compute_layout(route_map), PAGE)
    area = page_frame(PAGE).map_area
    assert t.scale >= MIN_SCALE
    assert abs((t.area.x - area.x) - (area.right - t.area.right)) < 1e-6
