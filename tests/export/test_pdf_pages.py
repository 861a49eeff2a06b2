"""write_pdf across its pages: page numbers on every page, paper-sized map header and footer, the
signature block kept with the end of the table, rows of a missing objective, Thai digits."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pdfcheck
import pdfplumber
import pytest
from reportlab.lib.pagesizes import A3, A4, landscape
from test_pdf_map import _generated_map

from srmtool.export.pdf.document import write_pdf
from srmtool.export.pdf.map_geometry import FOOTER_HEIGHT, HEADER_HEIGHT, MARGIN, page_frame
from srmtool.export.pdf.table_content import MISSING_OBJECTIVE, NO_OBJECTIVE
from srmtool.model import load_map
from srmtool.model.numbers import format_amount, thai_date, to_thai_digits
from srmtool.model.templates import default_columns
from srmtool.model.types import Column, Meta, Objective, RouteMap, Row, Table
from srmtool.resources_path import resource

ACTIVITY = "อาสาสมัครสาธารณสุขประจำหมู่บ้านติดตามเยี่ยมบ้านผู้ป่วยติดเตียงและผู้สูงอายุที่มีภาวะพึ่งพิง"


def dengue() -> RouteMap:
    return load_map(resource("examples", "dengue_tambon.srm"))  # type: ignore[arg-type]


def baseline(char: dict[str, Any]) -> float:
    return round(char["bottom"] - 0.232 * char["size"], 1)  # Sarabun's descender, as pdfcheck


def page_number_box(page: Any) -> tuple[float, float, float, float]:
    """(left, right, baseline, size) of the "หน้า x / y" label: the regular-weight characters on
    the page's lowest baseline that lie right of its last "ห"."""
    line = max(baseline(c) for c in page.chars)
    chars = [c for c in page.chars if baseline(c) == line and "Bold" not in c["fontname"]]
    start = max(c["x0"] for c in chars if c["text"] == "ห")
    label = [c for c in chars if c["x0"] >= start - 0.1]
    return min(c["x0"] for c in label), max(c["x1"] for c in label), line, label[0]["size"]


# -- 1. page numbers -------------------------------------------------------------------------


def test_every_page_map_pages_included_is_numbered_at_one_place(tmp_path: Path) -> None:
    path = tmp_path / "แผน.pdf"
    write_pdf(dengue(), path)
    texts = pdfcheck.page_texts(path)
    total = len(texts)
    assert total >= 3
    for n, text in enumerate(texts, start=1):
        assert pdfcheck.norm(text).count(f"หน้า{n}/{total}") == 1, n
    with pdfplumber.open(path) as pdf:
        boxes = [page_number_box(page)[1:] for page in pdf.pages]
    first = boxes[0]  # the map page
    for box in boxes[1:]:
        assert box == pytest.approx(first, abs=0.05)


def test_a_tiled_map_keeps_its_tile_mark_left_of_the_page_number(tmp_path: Path) -> None:
    path = tmp_path / "กว้าง.pdf"
    write_pdf(_generated_map(80, 20), path, signatures=())  # tiles by columns
    texts = pdfcheck.page_texts(path)
    tiles = [n for n, t in enumerate(texts) if "หน้าแผนที่" in t]
    assert len(tiles) >= 2
    with pdfplumber.open(path) as pdf:
        for n in tiles:
            page = pdf.pages[n]
            left, _, line, _ = page_number_box(page)
            mark = [c for c in page.chars if abs(baseline(c) - line) < 0.2 and "Bold" in c["fontname"]]
            assert mark and max(c["x1"] for c in mark) < left - 4
            assert f"หน้า{n + 1}/{len(texts)}" in pdfcheck.norm(texts[n])


# -- 2. the map header and footer follow the paper ------------------------------------------


def map_sizes(path: Path) -> dict[str, float]:
    """Font sizes on the map page: the title (top left), the printed date (top right) and the
    legend (bottom left)."""
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        head = [c for c in page.chars if c["top"] < 0.06 * page.height]
        title = min(head, key=lambda c: c["x0"])
        date = max(head, key=lambda c: c["x1"])
        foot = [c for c in page.chars if c["bottom"] > 0.96 * page.height]
        legend = min(foot, key=lambda c: c["x0"])
        return {"title": title["size"], "date": date["size"], "legend": legend["size"], "page": page.width}


def test_a3_map_header_and_footer_grow_with_the_paper_and_a4_stays(tmp_path: Path) -> None:
    route_map = dengue()
    write_pdf(route_map, tmp_path / "a4.pdf")
    write_pdf(route_map, tmp_path / "a3.pdf", paper="A3")
    a4, a3 = map_sizes(tmp_path / "a4.pdf"), map_sizes(tmp_path / "a3.pdf")
    ratio = a3["page"] / a4["page"]
    assert ratio == pytest.approx(2**0.5, rel=0.01)
    assert a4["date"] == pytest.approx(9.0) and a4["legend"] == pytest.approx(8.0)  # A4 as it was
    for key in ("title", "date", "legend"):
        assert a3[key] == pytest.approx(a4[key] * ratio, rel=0.03), key
    frame4, frame3 = page_frame(landscape(A4)), page_frame(landscape(A3))
    assert (frame4.header.h, frame4.footer.h, frame4.footer.x) == (HEADER_HEIGHT, FOOTER_HEIGHT, MARGIN)
    assert frame3.header.h == pytest.approx(HEADER_HEIGHT * ratio, rel=0.01)


# -- 3. the signatures never stand alone -----------------------------------------------------


def rows_map(count: int, budget: bool) -> RouteMap:
    columns = default_columns() if budget else [c for c in default_columns() if c.key != "budget"]
    objective = Objective(id="o1", code="ป1", perspective="people", text="ประชาชนมีสุขภาพดีถ้วนหน้า")
    rows = []
    for n in range(count):
        cells = {c.key: f"{ACTIVITY} แถวที่ {n + 1}" for c in columns[1:]}
        if budget:
            cells["budget"] = f"{(n + 1) * 1000:,}"
        rows.append(Row(id=f"r{n}", objective="o1", cells=cells))
    meta = Meta(title="แผนปฏิบัติการควบคุมโรคไข้เลือดออก ตำบลดอนหอมแก้ว")
    return RouteMap(meta=meta, objectives=[objective], table=Table(columns=columns, rows=rows))


@pytest.mark.parametrize("budget", [True, False])
def test_the_signature_block_keeps_the_last_row_and_total_with_it(tmp_path: Path, budget: bool) -> None:
    counts = range(3, 15)
    page_counts = set()
    for count in counts:
        path = tmp_path / f"{count}.pdf"
        write_pdf(rows_map(count, budget), path)
        texts = pdfcheck.page_texts(path)
        page_counts.add(len(texts))
        signed = [n for n, t in enumerate(texts) if "ลงชื่อ" in t]
        assert signed == [len(texts) - 1], count  # one page, the last
        last = pdfcheck.norm(texts[-1])
        assert pdfcheck.norm(f"แถวที่ {count}") in last, count  # the last row is on it
        assert "(9)" in last  # under the table's header
        if budget:
            total = format_amount(Decimal(sum((n + 1) * 1000 for n in range(count))))
            assert "รวมงบประมาณทั้งสิ้น" + total in last, count
    assert len(page_counts) >= 3  # the counts cross page ends, where the block used to go alone


def test_dengue_signatures_share_a_page_with_rows_and_total(tmp_path: Path) -> None:
    route_map = dengue()
    path = tmp_path / "แผน.pdf"
    write_pdf(route_map, path)
    last = pdfcheck.norm(pdfcheck.page_texts(path)[-1])
    assert last.count("ลงชื่อ") == 2 and "รวมงบประมาณทั้งสิ้น" in last
    assert pdfcheck.norm(route_map.table.rows[-1].cells["activity"]) in last


# -- 4. a row of a missing objective ---------------------------------------------------------


def test_a_row_whose_objective_is_missing_is_printed_with_a_marker(tmp_path: Path) -> None:
    columns = [
        Column(key="objective", label="เป้าประสงค์", width=20),
        Column(key="activity", label="กิจกรรมสำคัญ", width=40),
        Column(key="budget", label="งบประมาณ", width=12),
    ]
    rows = [
        Row(id="r1", objective="o1", cells={"activity": "ประชุมคณะกรรมการ", "budget": "1,000"}),
        Row(id="r2", objective="o-หาย", cells={"activity": "ทำลายแหล่งเพาะพันธุ์ยุงลาย", "budget": "2,000"}),
        Row(id="r3", objective="", cells={"activity": "ติดตามผลทุกไตรมาส", "budget": "500"}),
    ]
    route_map = RouteMap(
        objectives=[Objective(id="o1", code="ป1", perspective="people", text="ประชาชนมีสุขภาพดี")],
        table=Table(columns=columns, rows=rows),
    )
    path = tmp_path / "หาย.pdf"
    write_pdf(route_map, path, signatures=())
    lines = [pdfcheck.norm(line) for line in pdfcheck.raw_lines(path)]
    flat = "".join(lines)
    assert pdfcheck.norm(MISSING_OBJECTIVE.format(id="o-หาย")) in flat
    assert pdfcheck.norm(NO_OBJECTIVE) in flat
    for row in rows:
        assert pdfcheck.norm(row.cells["activity"]) in flat
    assert "3,500" in flat  # every row counted in the total


# -- 5. Thai digits --------------------------------------------------------------------------


def test_thai_digit_mode_numbers_pages_totals_dates_and_the_header_row(tmp_path: Path) -> None:
    route_map = dengue()
    path = tmp_path / "ไทย.pdf"
    write_pdf(route_map, path, thai_digits=True)
    texts = pdfcheck.page_texts(path)
    flat = pdfcheck.norm("".join(texts))
    assert not re.search("[0-9]", flat)  # no Arabic digit anywhere, map page included
    total = len(texts)
    for n, text in enumerate(texts, start=1):
        assert to_thai_digits(f"หน้า{n}/{total}") in pdfcheck.norm(text), n
    assert pdfcheck.norm(thai_date(None, thai_digits=True)) in pdfcheck.norm(texts[0])
    assert "๒๕๖๘–๒๕๗๐" in flat  # the period in the title blocks
    numbering = "".join(f"({to_thai_digits(str(j))})" for j in range(1, 12))
    assert numbering in flat  # the header's numbering row, ๑ … ๑๑
    assert to_thai_digits("รวมงบประมาณทั้งสิ้น189,400") in flat
