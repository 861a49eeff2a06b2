"""``progress_xlsx_bytes``: the progress report of one period as an Excel workbook.

Sheets: "รายงานผล" (per objective, merged down, its rows with status, result against target,
budget, spent and the share spent, notes and who reported when; a total row), "สรุป" (rows and
objectives by status; budget and spent per source with totals) and, when the plan has them,
"ขั้นความสำเร็จ" (the Small Success milestones and their answer). Status cells carry the state's
symbol and name on its light colour, so they read in black and white too. Amounts are numbers
(text in Thai digits, as in the map's workbook).
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.export.options import DEFAULT_FONT, DEFAULT_FONT_SIZES
from srmtool.export.progress import texts
from srmtool.export.progress.look import look as state_look
from srmtool.export.progress.look import state_text
from srmtool.export.progress.xlsx_grid import (
    PERCENT,
    GridColumn,
    Value,
    body,
    fill,
    headings,
    merge_down,
    page_setup,
    set_widths,
    title_rows,
)
from srmtool.export.xlsx.cells import Look, clamp_height, line_count, lines_height
from srmtool.export.xlsx.table import PAPER_SIZES
from srmtool.model.plan import digit_style
from srmtool.model.progress.figures import ProgressFigures, progress_figures
from srmtool.model.progress.periods import Period
from srmtool.model.progress.records import STATES
from srmtool.model.types import RouteMap

REPORT_SHEET = "รายงานผล"
SUMMARY_SHEET = "สรุป"
MILESTONE_SHEET = "ขั้นความสำเร็จ"

DETAIL_COLUMNS = (
    GridColumn("เป้าประสงค์", 26),
    GridColumn("กิจกรรม / ตัวชี้วัด", 32),
    GridColumn("ค่าเป้าหมาย", 13),
    GridColumn("ผลการดำเนินงาน", 24),
    GridColumn("ผลเป็นตัวเลข", 10, "right"),
    GridColumn("สถานะ", 15),
    GridColumn("งบประมาณ (บาท)", 13, "right"),
    GridColumn("ใช้ไปแล้ว (บาท)", 13, "right"),
    GridColumn("ร้อยละ", 8, "right", PERCENT),
    GridColumn("หมายเหตุ", 26),
    GridColumn("ผู้รายงาน", 16),
    GridColumn("วันที่รายงาน", 12),
)
STATE_COLUMNS = (
    GridColumn("สถานะ", 22),
    GridColumn("จำนวนกิจกรรม", 14, "right"),
    GridColumn("ร้อยละของกิจกรรม", 14, "right", PERCENT),
    GridColumn("จำนวนเป้าประสงค์", 14, "right"),
)
SOURCE_COLUMNS = (
    GridColumn("แหล่งงบประมาณ", 40),
    GridColumn("จำนวนกิจกรรม", 14, "right"),
    GridColumn("งบประมาณ (บาท)", 16, "right"),
    GridColumn("ใช้ไปแล้ว (บาท)", 16, "right"),
    GridColumn("ร้อยละ", 10, "right", PERCENT),
)
MILESTONE_COLUMNS = (
    GridColumn("เดือนที่", 9, "right"),
    GridColumn("ขั้นความสำเร็จ (Small Success)", 60),
    GridColumn("ผล", 18),
    GridColumn("หมายเหตุ", 24),
)


def progress_xlsx_bytes(
    route_map: RouteMap,
    period: Period,
    *,
    paper: str = "A4",
    thai_digits: bool | None = None,
    font: str = DEFAULT_FONT,
    font_size: float = DEFAULT_FONT_SIZES["xlsx"],
    today: date | None = None,
) -> bytes:
    """The report workbook's file. ``thai_digits`` None: the map's own digit style."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {paper!r}")
    if not 6 <= font_size <= 72:
        raise ValueError(f"font_size must be between 6 and 72 points, not {font_size}")
    thai = digit_style(route_map) == "thai" if thai_digits is None else thai_digits
    name = " ".join(font.replace("&", " ").replace('"', " ").split()) or DEFAULT_FONT
    shown = Look(font_name=name, font_size=float(font_size), thai_digits=thai)
    figures = progress_figures(route_map, period)
    workbook = Workbook()
    workbook.properties.title = shown.show(
        f"{texts.TITLE} {period.label('th')} {route_map.meta.title}".strip()
    )
    workbook.properties.creator = "srmtool"
    sheet = workbook.active
    assert sheet is not None
    sheet.title = REPORT_SHEET
    _details(sheet, route_map, figures, shown, paper, today)
    _summary(workbook.create_sheet(SUMMARY_SHEET), route_map, figures, shown, paper, today)
    if figures.milestones:
        _milestones(workbook.create_sheet(MILESTONE_SHEET), figures, shown, paper)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _title(route_map: RouteMap, period: Period, today: date | None) -> list[tuple[str, bool]]:
    meta = route_map.meta
    lines = [(texts.TITLE, True)]
    lines += [(value, False) for value in (meta.title, texts.period_line(period), meta.organization) if value]
    lines.append((texts.as_of(today), False))
    return lines


def _state_fill(state: str) -> PatternFill:
    return fill(state_look(state).tint)


def _details(
    ws: Worksheet, route_map: RouteMap, figures: ProgressFigures, look: Look, paper: str, today: date | None
) -> None:
    columns = DETAIL_COLUMNS
    set_widths(ws, columns)
    row = title_rows(ws, 1, _title(route_map, figures.period, today), look, len(columns)) + 1
    heading = row
    row = headings(ws, row, columns, look)
    groups: list[tuple[int, int]] = []
    for objective in figures.objectives:
        p = objective.progress
        label = objective.label + (
            f"\n(สถานะ: {state_text(p.state)} · เสร็จ {p.done}/{p.total})" if p.state else ""
        )
        values: list[list[Value]] = []
        fills: list[list[PatternFill | None]] = []
        for n, r in enumerate(objective.rows):
            report = r.report
            values.append(
                [
                    label if n == 0 else "",
                    texts.row_title(r),
                    r.target,
                    report.result if report else "",
                    report.value if report and report.value is not None else None,
                    state_text(r.state),
                    r.budget if r.budget is not None else r.budget_text,
                    r.spent,
                    r.spent_share,
                    report.note if report else "",
                    report.by if report else "",
                    texts.short_date(report.at) if report and report.at else "",
                ]
            )
            fills.append([None] * 5 + [_state_fill(r.state)] + [None] * 6)
        first = row
        row = body(ws, row, columns, values, look, fills)
        groups.append((first, row - 1))
        _grow(ws, first, row - 1, look.show(label), columns[0].width, look)
    merge_down(ws, 1, groups)
    total: list[Value] = [
        texts.TOTAL,
        "",
        "",
        "",
        None,
        "",
        figures.budget,
        figures.spent,
        figures.spent_share,
    ]
    total += ["", "", ""]
    end = body(ws, row, columns, [total], look, bold=True)
    ws.freeze_panes = ws.cell(heading + 1, 1)
    page_setup(ws, look, paper, (heading, heading), end - 1)


def _grow(ws: Worksheet, first: int, last: int, text: str, width: float, look: Look) -> None:
    """Spread what a merged objective cell needs beyond its rows' heights over its rows."""
    need = lines_height(line_count(text, width, look.font_size), look.font_size)
    have = sum(ws.row_dimensions[r].height or 0.0 for r in range(first, last + 1))
    if need > have:
        extra = (need - have) / (last - first + 1)
        for r in range(first, last + 1):
            ws.row_dimensions[r].height = clamp_height((ws.row_dimensions[r].height or 0.0) + extra)


def _summary(
    ws: Worksheet, route_map: RouteMap, figures: ProgressFigures, look: Look, paper: str, today: date | None
) -> None:
    set_widths(ws, SOURCE_COLUMNS)
    row = title_rows(ws, 1, _title(route_map, figures.period, today), look, len(SOURCE_COLUMNS)) + 1
    counts, objectives = figures.counts, figures.objective_counts
    total_rows = sum(counts.values())
    row = headings(ws, row, STATE_COLUMNS, look)
    values: list[list[Value]] = [
        [
            state_text(s),
            counts[s],
            (Decimal(counts[s] * 100) / total_rows).quantize(Decimal("0.1")) if total_rows else None,
            objectives[s],
        ]
        for s in STATES
    ]
    values.append([texts.TOTAL, total_rows, Decimal(100) if total_rows else None, sum(objectives.values())])
    fills = [[_state_fill(s), None, None, None] for s in STATES] + [[None] * 4]
    row = body(ws, row, STATE_COLUMNS, values, look, fills) + 1
    row = headings(ws, row, SOURCE_COLUMNS, look)
    sources: list[list[Value]] = [
        [texts.source_name(s.source), s.rows, s.budget, s.spent, s.spent_share] for s in figures.sources
    ]
    sources.append([texts.TOTAL, len(figures.rows), figures.budget, figures.spent, figures.spent_share])
    end = body(ws, row, SOURCE_COLUMNS, sources, look)
    note = texts.unread_note(figures)
    if note:
        end = title_rows(ws, end + 1, [(note, False)], look, len(SOURCE_COLUMNS))
    page_setup(ws, look, paper, (1, 1), end - 1)


def _milestones(ws: Worksheet, figures: ProgressFigures, look: Look, paper: str) -> None:
    columns = MILESTONE_COLUMNS
    set_widths(ws, columns)
    row = (
        title_rows(ws, 1, [(f"ขั้นความสำเร็จ (Small Success) {figures.period.label('th')}", True)], look, 4) + 1
    )
    heading = row
    row = headings(ws, row, columns, look)
    values: list[list[Value]] = []
    fills: list[list[PatternFill | None]] = []
    for m in figures.milestones:
        answer = texts.milestone_answer(m)
        state = texts.MILESTONE_STATES[answer]
        values.append(
            [
                m.months,
                m.text,
                f"{state_look(state).char} {answer}",
                texts.milestone_source(m, figures.period),
            ]
        )
        fills.append([None, None, _state_fill(state), None])
    end = body(ws, row, columns, values, look, fills)
    page_setup(ws, look, paper, (heading, heading), end - 1)
