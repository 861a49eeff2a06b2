"""write_pdf: the table pages as a district team prints them, checked on the PDF itself.

One long map (long unbroken Thai sentences, a group crossing pages, a row taller than a page) is
written once per module; the checks read it back with poppler and pdfplumber.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pdfcheck
import pdfplumber
import pytest

import srmtool.export
from srmtool.export.pdf import document as pdf_module
from srmtool.export.pdf.document import PAPERS, SARABUN_SCALE, write_pdf
from srmtool.export.pdf.table import column_edges
from srmtool.export.pdf.text import PdfText, new_canvas
from srmtool.export.thai import words
from srmtool.model import load_map
from srmtool.model.numbers import baht_text, format_amount, parse_amount, to_thai_digits
from srmtool.model.templates import default_columns
from srmtool.model.types import Column, Meta, Objective, RouteMap, Row, Table
from srmtool.resources_path import resource

PHRASES = (
    "ประชาชนทุกหมู่บ้านร่วมกันสำรวจและทำลายแหล่งเพาะพันธุ์ยุงลายในบ้านโรงเรียนวัดและชุมชนทุกสัปดาห์",
    "อาสาสมัครสาธารณสุขประจำหมู่บ้านติดตามเยี่ยมบ้านผู้ป่วยติดเตียงและผู้สูงอายุที่มีภาวะพึ่งพิง",
    "องค์กรปกครองส่วนท้องถิ่นสนับสนุนงบประมาณกองทุนหลักประกันสุขภาพเพื่อจัดซื้อทรายกำจัดลูกน้ำ",
    "ที่ประชุมคณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอเห็นชอบแผนและติดตามผลทุกไตรมาส",
    "ผู้ใหญ่บ้านและกำนันประชาสัมพันธ์ผ่านหอกระจายข่าวหมู่บ้านเรื่องน้ำดื่มสะอาดปลอดภัย",
    "ชื่อกิจกรรมอบรมแกนนำครอบครัวด้านโภชนาการและการออกกำลังกายในงานบุญประจำปีปี่กลองยาว",
)


def sentence(seed: int, length: int) -> str:
    """A long Thai sentence without spaces, different for each seed."""
    out = ""
    i = seed
    while len(out) < length:
        out += PHRASES[i % len(PHRASES)]
        i += 5
    return out[:length]


def long_map() -> RouteMap:
    columns = default_columns()
    objectives = [
        Objective(id=f"o{i}", code=f"ป{i}", perspective="people", text=sentence(i, 70)) for i in range(1, 6)
    ]
    rows: list[Row] = []
    n = 0
    for i, rows_in_group in zip(range(1, 6), (2, 9, 1, 2, 1), strict=True):
        for _ in range(rows_in_group):
            n += 1
            cells = {c.key: sentence(n + j, 60 + 13 * ((n + j) % 5)) for j, c in enumerate(columns[1:])}
            cells["budget"] = f"{n * 1250:,}"
            cells["period"] = "ต.ค. 2568–ก.ย. 2569"
            rows.append(Row(id=f"r{n}", objective=f"o{i}", cells=cells))
    rows[-1].cells["activity"] = sentence(3, 2600)  # taller than a page: must continue on the next
    meta = Meta(
        title="แผนที่ทางเดินยุทธศาสตร์ การป้องกันควบคุมโรคไข้เลือดออก ตำบลดอนหอมแก้ว",
        organization="โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านดอนหอม",
        area="ตำบลดอนหอมแก้ว อำเภอนาคำใต้",
        period="ปีงบประมาณ 2568–2570",
    )
    return RouteMap(meta=meta, objectives=objectives, table=Table(columns=columns, rows=rows))


SIGNATURES = (
    ("ผู้เสนอแผน", "นางสาวอรุณี แสงจันทร์", "ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านดอนหอม"),
    ("ผู้อนุมัติแผน", "นายวิชัย พรหมมา", "สาธารณสุขอำเภอนาคำใต้"),
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[RouteMap, Path]:
    route_map = long_map()
    path = tmp_path_factory.mktemp("pdf") / "แผน.pdf"
    write_pdf(route_map, path, signatures=SIGNATURES)
    return route_map, path


@pytest.fixture(scope="module")
def pages(built: tuple[RouteMap, Path]) -> list[str]:
    return pdfcheck.page_texts(built[1])


def table_pages(pages: list[str]) -> list[tuple[int, str]]:
    return [(n, p) for n, p in enumerate(pages, start=1) if pdfcheck.norm("(11)") in pdfcheck.norm(p)]


def test_fonts_are_embedded_and_only_sarabun(built: tuple[RouteMap, Path]) -> None:
    rows = pdfcheck.fonts(built[1])
    assert rows
    assert all(r["emb"] == "yes" and r["uni"] == "yes" for r in rows), rows
    assert {r["name"].split("+")[-1] for r in rows} <= {"Sarabun-Regular", "Sarabun-Bold"}


def test_every_objective_and_cell_is_extractable(built: tuple[RouteMap, Path]) -> None:
    route_map, path = built
    text = pdfcheck.norm(pdfcheck.raw_text(path))
    huge = route_map.table.rows[-1].cells["activity"]
    for o in route_map.objectives:
        assert pdfcheck.norm(f"{o.code} {o.text}") in text
    for row in route_map.table.rows:
        for key, value in row.cells.items():
            if value is not huge:
                assert pdfcheck.norm(value) in text, (row.id, key)


def test_a_row_taller_than_a_page_continues_on_the_next(
    built: tuple[RouteMap, Path], pages: list[str]
) -> None:
    route_map, _ = built
    huge = pdfcheck.norm(route_map.table.rows[-1].cells["activity"])
    holding = [n for n, p in table_pages(pages) if pdfcheck.norm(p) and huge[-30:] in pdfcheck.norm(p)]
    assert holding
    first = next(n for n, p in table_pages(pages) if huge[:30] in pdfcheck.norm(p))
    assert holding[-1] > first  # the row runs onto a later page
    # each page holds the next stretch of the cell, drawn contiguously; together they are all of it
    found, used = 0, 0
    for _, page in table_pages(pages):
        flat = pdfcheck.norm(page)
        low, high = 0, len(huge) - found
        while low < high:  # the longest next stretch on this page
            mid = (low + high + 1) // 2
            if huge[found : found + mid] in flat:
                low = mid
            else:
                high = mid - 1
        if low > 200:
            found += low
            used += 1
    assert used >= 2
    assert found == len(huge)


def narrowest_column() -> float:
    """Width of the narrowest column on A4 landscape (an upper bound for a line in any cell)."""
    edges = column_edges(default_columns(), 0.0, PAPERS["A4"][0] - 56)
    return min(b - a for a, b in zip(edges, edges[1:], strict=False))


def allowed_cuts(value: str, measure: PdfText, size: float, narrow: float) -> set[int]:
    """Offsets in norm(value) where a line may end: word boundaries, and anywhere inside a word
    wider than a line of the narrowest column (such a word must be cut somewhere)."""
    cuts, at = {0}, 0
    for token in words(value):
        length = len(pdfcheck.norm(token))
        if measure.width(token, size) > 0.8 * narrow:
            cuts.update(range(at, at + length))
        at += length
        cuts.add(at)
    return cuts


def test_no_line_ends_inside_a_thai_word(built: tuple[RouteMap, Path], pages: list[str]) -> None:
    route_map, _ = built
    measure = PdfText(new_canvas(io.BytesIO(), PAPERS["A4"]))
    size, narrow = 14 * SARABUN_SCALE, narrowest_column()
    values = [v for r in route_map.table.rows for v in r.cells.values()] + [
        o.text for o in route_map.objectives
    ]
    bounds = [(pdfcheck.norm(v), allowed_cuts(v, measure, size, narrow)) for v in values]
    checked = 0
    for _, page in table_pages(pages):
        for line in page.splitlines():
            piece = pdfcheck.norm(line)
            if len(piece) < 8 or not re.search("[ก-ฮ]", piece):
                continue
            places = [(t, cuts) for t, cuts in bounds if piece in t]
            if not places:
                continue  # header, title, total, signature lines
            checked += 1
            assert any(
                m.start() in cuts and m.end() in cuts
                for t, cuts in places
                for m in re.finditer(re.escape(piece), t)
            ), piece
    assert checked > 100


def test_the_word_check_sees_a_cut_inside_a_word() -> None:
    value = "ประชาชนทุกหมู่บ้านร่วมกันสำรวจ"
    measure = PdfText(new_canvas(io.BytesIO(), PAPERS["A4"]))
    cuts = allowed_cuts(value, measure, 10, narrowest_column())
    inside = pdfcheck.norm(value).index("หมู่บ้าน") + 2
    assert pdfcheck.norm(value).index("หมู่บ้าน") in cuts and inside not in cuts


def test_no_glyph_crosses_a_rule(built: tuple[RouteMap, Path], pages: list[str]) -> None:
    crossings = []
    numbers = [n for n, _ in table_pages(pages)]
    with pdfplumber.open(built[1]) as pdf:
        for n in numbers:
            page = pdf.pages[n - 1]
            assert len(page.lines) > 12  # the column edges and the rules between rows
            crossings += pdfcheck.glyphs_crossing_rules(page, n)
    assert crossings == []


def test_header_on_every_table_page_and_page_numbers(pages: list[str]) -> None:
    tables = table_pages(pages)
    assert len(tables) >= 3
    headings = [c.label for c in default_columns()]
    for n, page in tables:
        flat = pdfcheck.norm(page)
        for heading in headings:
            assert pdfcheck.norm(heading) in flat, (n, heading)
        assert f"หน้า{n}/{len(pages)}" in flat
    assert pdfcheck.norm(tables[0][1]).count(pdfcheck.norm("ตาราง 11 ช่อง")) == 1  # title block once
    assert all(pdfcheck.norm("ตาราง 11 ช่อง") not in pdfcheck.norm(p) for _, p in tables[1:])


def test_a_group_crossing_a_page_repeats_its_objective_marked_continued(
    built: tuple[RouteMap, Path], pages: list[str]
) -> None:
    route_map, _ = built
    long_group = route_map.objectives[1]  # nine rows: cannot fit one page
    label = pdfcheck.norm(f"{long_group.code} {long_group.text}")
    tables = table_pages(pages)
    where = [n for n, p in tables if label in pdfcheck.norm(p)]
    assert len(where) >= 2
    for n in where[1:]:
        assert label + pdfcheck.norm("(ต่อ)") in pdfcheck.norm(pages[n - 1])
    assert label + pdfcheck.norm("(ต่อ)") not in pdfcheck.norm(pages[where[0] - 1])
    single = pdfcheck.norm(f"{route_map.objectives[2].code} {route_map.objectives[2].text}")
    assert sum(single in pdfcheck.norm(p) for _, p in tables) == 1


def test_budget_total_in_figures_and_words(built: tuple[RouteMap, Path], pages: list[str]) -> None:
    route_map, _ = built
    total = sum(Decimal(r.cells["budget"].replace(",", "")) for r in route_map.table.rows)
    last = pdfcheck.norm(table_pages(pages)[-1][1] + pages[-1])
    assert pdfcheck.norm(format_amount(total)) in last
    assert pdfcheck.norm(baht_text(total)) in last
    assert "รวมงบประมาณทั้งสิ้น" in last


def test_signature_block_names_and_positions(pages: list[str]) -> None:
    tail = pdfcheck.norm("".join(pages[-2:]))
    for role, name, position in SIGNATURES:
        for value in (role, name, position):
            assert pdfcheck.norm(value) in tail
    assert tail.count("ลงชื่อ") == 2


def test_thai_digits_a3_and_no_signatures(tmp_path: Path) -> None:
    route_map = load_map(resource("examples", "dengue_tambon.srm"))  # type: ignore[arg-type]
    path = tmp_path / "a3.pdf"
    write_pdf(route_map, path, paper="A3", thai_digits=True, font_size=16, signatures=())
    pages = pdfcheck.page_texts(path)
    flat = pdfcheck.norm("".join(pages))
    assert f"หน้า{to_thai_digits(str(len(pages)))}/{to_thai_digits(str(len(pages)))}" in flat
    assert not re.search("หน้า[0-9]", flat)
    assert "ลงชื่อ" not in flat
    amounts = [r.cells.get("budget", "") for r in route_map.table.rows]
    assert any(pdfcheck.norm(to_thai_digits(a)) in flat for a in amounts if a.strip("-"))
    with pdfplumber.open(path) as pdf:
        assert (round(pdf.pages[-1].width), round(pdf.pages[-1].height)) == (1191, 842)


def test_both_examples_export_with_default_blank_signatures(tmp_path: Path) -> None:
    for name in ("dengue_tambon", "district_ncd"):
        route_map = load_map(resource("examples", f"{name}.srm"))  # type: ignore[arg-type]
        path = tmp_path / f"{name}.pdf"
        srmtool.export.write_pdf(route_map, path)
        flat = pdfcheck.norm(pdfcheck.raw_text(path))
        assert flat.count("ลงชื่อ") == 2 and "ผู้อนุมัติแผน" in flat
        amounts = [parse_amount(r.cells.get("budget", "")) for r in route_map.table.rows]
        total = format_amount(sum((a for a in amounts if a is not None), Decimal(0)))
        assert any(total in line for line in pdfcheck.raw_lines(path))  # never split over two lines
        for o in route_map.objectives:
            if route_map.rows_of(o.id):
                assert pdfcheck.norm(o.text) in flat


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "แผน.pdf"
    path.write_bytes(b"old")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("ดิสก์เสีย")

    monkeypatch.setattr(pdf_module, "draw_table_page", broken)
    with pytest.raises(RuntimeError):
        write_pdf(long_map(), path)
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["แผน.pdf"]


def test_bad_options_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_pdf(long_map(), tmp_path / "x.pdf", paper="Letter")
    assert not (tmp_path / "x.pdf").exists()


def test_pages_render_for_looking(built: tuple[RouteMap, Path], tmp_path: Path) -> None:
    images = pdfcheck.render_pages(built[1], tmp_path, dpi=15, first=2, last=3)
    assert len(images) == 2 and all(p.stat().st_size > 500 for p in images)


def test_importing_the_exports_loads_neither_reportlab_nor_openpyxl() -> None:
    code = (
        "import sys, srmtool.export\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'openpyxl'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
    assert callable(srmtool.export.write_pdf) and callable(srmtool.export.write_xlsx)


def test_empty_maps_and_odd_text_still_export(tmp_path: Path) -> None:
    write_pdf(RouteMap(), tmp_path / "ว่าง.pdf")
    write_pdf(RouteMap(table=Table(columns=default_columns())), tmp_path / "ไม่มีแถว.pdf")
    columns = [Column(key="activity", label="กิจกรรม", width=30), Column(key="budget", label="งบ", width=10)]
    odd = "อักขระ 😀 中文\tแท็บ\r\nบรรทัดใหม่ " + "ก" * 400 + " https://example.org/" + "a" * 200
    rows = [
        Row(id="r1", objective="o1", cells={"activity": odd, "budget": "1,000 บาท"}),
        Row(id="r2", objective="ไม่มี", cells={"budget": "ตามจริง"}),
    ]
    route_map = RouteMap(
        objectives=[Objective(id="o1", perspective="people", text="ทดสอบ")],
        table=Table(columns=columns, rows=rows),
    )
    path = tmp_path / "แปลก.pdf"
    write_pdf(route_map, path)
    flat = pdfcheck.norm(pdfcheck.raw_text(path))
    assert pdfcheck.norm("ก" * 400) in flat and "a" * 200 in flat and "ตามจริง" in flat
    assert pdfcheck.norm("รวมงบประมาณ (เฉพาะรายการที่เป็นตัวเลข)") in flat and "หนึ่งพันบาทถ้วน" in flat
    with pdfplumber.open(path) as pdf:
        assert pdfcheck.glyphs_crossing_rules(pdf.pages[-1], len(pdf.pages)) == []


def test_a_font_too_large_for_title_and_header_gets_a_title_page(tmp_path: Path) -> None:
    route_map = load_map(resource("examples", "district_ncd.srm"))  # type: ignore[arg-type]
    path = tmp_path / "ใหญ่.pdf"
    write_pdf(route_map, path, font_size=36)
    second, third = (pdfcheck.norm(pdfcheck.raw_text(path, n, n)) for n in (2, 3))
    assert pdfcheck.norm(route_map.meta.title) in second and "(11)" not in second
    assert "(11)" in third and pdfcheck.norm(route_map.meta.title) not in third
    with pytest.raises(ValueError):
        write_pdf(route_map, tmp_path / "เกิน.pdf", font_size=48)  # the header alone fills A4
    assert not (tmp_path / "เกิน.pdf").exists()
