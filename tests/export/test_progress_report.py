"""The progress report on paper and in Excel: its figures against sums computed here, the map
coloured by status (read back from the PDF's shapes and text), Thai set as in the map's PDF."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from openpyxl import load_workbook
from pdfcheck import fonts, norm, page_texts

from srmtool.export.progress.look import LOOKS, state_text
from srmtool.export.progress.report_pdf import progress_pdf_bytes
from srmtool.export.progress.report_xlsx import REPORT_SHEET, SUMMARY_SHEET, progress_xlsx_bytes
from srmtool.model import load_map
from srmtool.model.numbers import format_amount, parse_amount
from srmtool.model.progress import map_progress, period_from_id, state_label
from srmtool.model.progress.figures import progress_figures, target_number
from srmtool.model.types import RouteMap
from srmtool.resources_path import resource

NCD = Path(str(resource("examples", "district_ncd.srm")))
Q1 = period_from_id("2568-Q1")
assert Q1 is not None
STATUSES = ["on_track", "done", "late", "at_risk", "not_started", "on_track", "cancelled", "done"]


def followed_map() -> RouteMap:
    """The district NCD example with a first-quarter report for most rows, milestones and signers."""
    route_map = load_map(NCD)
    rows: dict[str, Any] = {}
    for i, row in enumerate(route_map.table.rows):
        if i % 6 == 5:
            continue  # no report
        report: dict[str, Any] = {"status": STATUSES[i % len(STATUSES)], "spent": 1500 * (i + 1)}
        report["result"] = f"ดำเนินการแล้ว {i + 1} ครั้ง ครอบคลุม {10 + i} หมู่บ้าน"
        if i == 2:
            report["value"] = 62
            report["note"] = "เจ้าหน้าที่ผู้รับผิดชอบย้าย จะเร่งดำเนินการในไตรมาสถัดไป"
        report["by"], report["at"] = "นางสาวอรุณี แสงจันทร์", f"2025-01-{i + 3:02d}"
        rows[row.id] = {"2568-Q1": report}
    route_map.__pydantic_extra__ = {
        "plan": {
            "milestones": [
                {"id": "ms1", "months": 3, "text": "มีคำสั่งแต่งตั้งคณะทำงานขับเคลื่อนระดับอำเภอ"},
                {"id": "ms2", "months": 6, "text": "กลุ่มเสี่ยงได้รับการคัดกรองไม่น้อยกว่าร้อยละ ๕๐"},
            ]
        },
        "signers": [{"role": "ผู้รายงาน", "name": "นางสาวอรุณี แสงจันทร์", "position": "นักวิชาการสาธารณสุขชำนาญการ"}],
        "progress": {"fiscal_year": 2568, "rows": rows, "milestones": {"ms1": {"2568-Q1": True}}},
    }
    return route_map


def _expected(route_map: RouteMap) -> dict[str, Decimal]:
    """Budget and spent summed here, from the cells and the file's values."""
    budget = Decimal(0)
    for row in route_map.table.rows:
        amount = parse_amount(row.cells.get("budget", ""))
        budget += amount or 0
    rows = route_map.model_dump()["progress"]["rows"]
    spent = sum((Decimal(str(p["2568-Q1"]["spent"])) for p in rows.values()), Decimal(0))
    return {"budget": budget, "spent": spent}


def test_the_figures_add_up_to_the_sums_of_the_cells_and_reports() -> None:
    route_map = followed_map()
    figures = progress_figures(route_map, Q1)
    expected = _expected(route_map)
    assert figures.budget == expected["budget"] == Decimal(1303260)
    assert figures.spent == expected["spent"]
    assert figures.spent_share == (expected["spent"] * 100 / expected["budget"]).quantize(Decimal("0.1"))
    counts = Counter(r.state for r in figures.rows)
    assert figures.counts == {**dict.fromkeys(figures.counts, 0), **counts}
    assert counts["no_report"] == len([i for i in range(len(route_map.table.rows)) if i % 6 == 5])
    by_source: dict[str, Decimal] = {}
    for row in route_map.table.rows:
        source = " ".join(row.cells.get("budget_source", "").split())
        by_source[source] = by_source.get(source, Decimal(0)) + (
            parse_amount(row.cells.get("budget", "")) or 0
        )
    assert {s.source: s.budget for s in figures.sources} == by_source
    assert sum(s.rows for s in figures.sources) == len(route_map.table.rows)
    assert [m.done for m in figures.milestones] == [True, None] and [m.due for m in figures.milestones] == [
        True,
        False,
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ร้อยละ 80", 80),
        ("ไม่เกินร้อยละ 1.75", Decimal("1.75")),
        ("๑๒,๐๐๐ ครัวเรือน", 12000),
        ("50–80", None),
        ("HbA1c < 7", 7),
    ],
)
def test_the_number_a_target_states(text: str, number: Decimal | int | None) -> None:
    assert target_number(text) == number


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RouteMap]:
    route_map = followed_map()
    path = tmp_path_factory.mktemp("รายงาน") / "รายงานผล ไตรมาส 1.pdf"
    path.write_bytes(progress_pdf_bytes(route_map, Q1, today=date(2025, 1, 20)))
    return path, route_map


def _starts_with_code(word: str, code: str) -> bool:
    """The box's first word: its code, then its text (ป1 is not ป10)."""
    return word.startswith(code) and not word[len(code) : len(code) + 1].isdigit()


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(round(int(colour[i : i + 2], 16) / 255, 3) for i in (1, 3, 5))  # type: ignore[return-value]


def test_the_map_page_rings_each_box_in_its_objectives_status_colour(
    report_pdf: tuple[Path, RouteMap],
) -> None:
    path, route_map = report_pdf
    progress = map_progress(route_map, Q1.id)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        rings = [c for c in page.curves if c.get("fill")]
        words = page.extract_words(use_text_flow=True)
        checked = 0
        for objective in route_map.objectives:
            state = progress[objective.id].state
            code = next((w for w in words if _starts_with_code(w["text"], objective.code)), None)
            if state is None or code is None:
                continue
            around = [
                r
                for r in rings
                if r["x0"] < code["x0"]
                and r["x1"] > code["x1"]
                and r["top"] < code["top"]
                and r["bottom"] > code["bottom"]
                and r["width"] > 40
            ]
            assert around, objective.code
            ring = min(around, key=lambda r: r["width"] * r["height"])
            colour = tuple(round(x, 3) for x in ring["non_stroking_color"])
            assert colour == _rgb(LOOKS[state].colour), (objective.code, state)
            checked += 1
    assert checked >= 15
    assert {p.state for p in progress.values()} >= {"on_track", "late", "no_report"}


def test_the_badges_the_legend_and_the_summary_read_back(report_pdf: tuple[Path, RouteMap]) -> None:
    path, route_map = report_pdf
    pages = page_texts(path)
    first = norm(pages[0])
    progress = map_progress(route_map, Q1.id)
    o2 = progress["o2"]
    assert norm(f"{state_label(o2.state or '')} {o2.done}/{o2.total}") in first
    for state in LOOKS:
        assert norm(state_label(state)) in first  # the legend
    assert norm("รายงานผลการดำเนินงานตามแผน รอบการรายงาน ไตรมาส 1/2568 (ต.ค.–ธ.ค. 2567)") in first
    everything = norm("".join(pages))
    figures = progress_figures(route_map, Q1)
    assert (
        norm(f"รวมทั้งสิ้น {format_amount(figures.budget)} {format_amount(figures.spent)} {figures.spent_share}")
        in everything
    )
    assert norm("ข้อมูล ณ วันที่ 20 มกราคม 2568") in everything  # Buddhist Era
    assert norm("เจ้าหน้าที่ผู้รับผิดชอบย้าย จะเร่งดำเนินการในไตรมาสถัดไป") in everything  # tone marks intact
    row = route_map.table.rows[2]
    target = target_number(row.cells.get("target", ""))
    assert (
        target is not None and norm(f"(62 จาก {format_amount(target)})") in everything
    )  # result against target
    assert norm("นางสาวอรุณี แสงจันทร์") in everything and norm("ผู้รายงาน") in everything  # the signer
    assert norm(f"หน้า {len(pages)} / {len(pages)}") in norm(pages[-1])
    assert {f["emb"] for f in fonts(path)} == {"yes"} and all("Sarabun" in f["name"] for f in fonts(path))


def test_a_report_in_thai_digits_prints_them_everywhere() -> None:
    route_map = followed_map()
    data = progress_pdf_bytes(route_map, Q1, thai_digits=True, paper="A3", today=date(2025, 1, 20))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "".join(p.extract_text(use_text_flow=True) or "" for p in pdf.pages)
    assert "๑,๓๐๓,๒๖๐" in text and "ไตรมาส ๑/๒๕๖๘" in text and "1,303,260" not in text


def test_the_excel_report_holds_the_same_figures_as_numbers() -> None:
    route_map = followed_map()
    workbook = load_workbook(io.BytesIO(progress_xlsx_bytes(route_map, Q1, today=date(2025, 1, 20))))
    assert workbook.sheetnames == [REPORT_SHEET, SUMMARY_SHEET, "ขั้นความสำเร็จ"]
    ws = workbook[REPORT_SHEET]
    figures = progress_figures(route_map, Q1)
    total = next(r for r in ws.iter_rows() if r[0].value == "รวมทั้งสิ้น")
    assert (
        total[6].value == int(figures.budget) and total[7].value == float(figures.spent) or int(figures.spent)
    )
    statuses = [c.value for c in ws["F"] if isinstance(c.value, str) and c.value[:1] in "●✓✕▲○–?"]
    assert len(statuses) == len(route_map.table.rows)
    assert statuses.count(state_text("late")) == Counter(r.state for r in figures.rows)["late"]
    late = next(c for c in ws["F"] if c.value == state_text("late"))
    assert late.fill.fgColor.rgb.endswith(LOOKS["late"].tint.lstrip("#").upper())
    assert ws.print_title_rows and ws.page_setup.orientation == "landscape"
    summary = workbook[SUMMARY_SHEET]
    values = [[c.value for c in row] for row in summary.iter_rows()]
    assert [state_text("done"), Counter(r.state for r in figures.rows)["done"]] == values[
        next(i for i, v in enumerate(values) if v[0] == state_text("done"))
    ][:2]
    assert not any(
        isinstance(c.value, str) and c.value.startswith("=") for row in ws.iter_rows() for c in row
    )
