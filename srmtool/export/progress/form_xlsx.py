"""``form_xlsx_bytes``: the fill-in workbook a district sends to the field for one period.

One row per table row (``srmtool.model.progress.form``): the fixed columns (row id, objective,
activity, target, budget) grey and locked, the report's columns white and open; the status is
chosen from a drop-down list; what was already reported for the period is filled in, so a form
can also be sent back to be corrected. The sheets are protected without a password (a guard
against typing into the wrong column, not a lock). A hidden sheet records the map's id, its
creation time and title, and the period, so that a form coming back is matched to its map and
period and no other (``srmtool.importer.forms``).
"""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.export.options import DEFAULT_FONT, DEFAULT_FONT_SIZES
from srmtool.export.progress import texts
from srmtool.export.progress.xlsx_grid import (
    GridColumn,
    Value,
    body,
    fill,
    headings,
    page_setup,
    set_widths,
    title_rows,
)
from srmtool.export.xlsx.cells import Look, put_text
from srmtool.export.xlsx.table import PAPER_SIZES
from srmtool.model.plan import plan_of
from srmtool.model.progress import form
from srmtool.model.progress.figures import row_budget, row_title
from srmtool.model.progress.periods import Period
from srmtool.model.progress.records import milestone_entry, report_of, state_label
from srmtool.model.types import RouteMap

LOCKED_FILL = "#D9D9D9"
OPEN = Protection(locked=False)
INSTRUCTIONS = (
    "กรอกเฉพาะช่องสีขาว: เลือกสถานะจากรายการ พิมพ์ผลการดำเนินงาน จำนวนเงินที่ใช้ไปแล้วนับตั้งแต่ต้นปีงบประมาณ"
    " หมายเหตุ ชื่อผู้รายงานและวันที่ ช่องสีเทาแก้ไขไม่ได้ ห้ามเพิ่มหรือลบแถว และส่งไฟล์นี้กลับโดยไม่เปลี่ยนชื่อแผ่นงาน"
)


def _columns(spec: tuple[tuple[str, str, float, bool], ...]) -> list[GridColumn]:
    right = {"budget", "value", "spent", "months"}
    return [
        GridColumn(heading, width, "right" if key in right else "left") for key, heading, width, _ in spec
    ]


def form_xlsx_bytes(
    route_map: RouteMap,
    period: Period,
    *,
    paper: str = "A4",
    font: str = DEFAULT_FONT,
    font_size: float = DEFAULT_FONT_SIZES["xlsx"],
    made: datetime | None = None,
) -> bytes:
    """The form's file. Numbers are written with Arabic digits (they are to be typed over)."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {paper!r}")
    name = " ".join(font.replace("&", " ").replace('"', " ").split()) or DEFAULT_FONT
    look = Look(font_name=name, font_size=float(font_size), thai_digits=False)
    workbook = Workbook()
    workbook.properties.title = f"แบบรายงานผล {period.label('th')} {route_map.meta.title}".strip()
    workbook.properties.creator = "srmtool"
    sheet = workbook.active
    assert sheet is not None
    sheet.title = form.ROWS_SHEET
    _rows_sheet(sheet, route_map, period, look, paper)
    milestones = plan_of(route_map).milestones
    if milestones:
        _milestones_sheet(workbook.create_sheet(form.MILESTONES_SHEET), route_map, period, look, paper)
    _meta_sheet(workbook.create_sheet(form.META_SHEET), route_map, period, made)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _heading_block(ws: Worksheet, route_map: RouteMap, period: Period, look: Look, width: int) -> None:
    lines = [
        (f"แบบรายงานผลการดำเนินงาน {texts.period_line(period)}", True),
        (route_map.meta.title or " ", False),
        (route_map.meta.organization or " ", False),
        (INSTRUCTIONS, False),
    ]
    row = title_rows(ws, 1, lines, look, width)
    assert row == form.HEADING_ROW


def _protect(
    ws: Worksheet, open_columns: list[int], first: int, last: int, choices: tuple[str, ...], column: int
) -> None:
    for r in range(first, last + 1):
        for c in open_columns:
            ws.cell(r, c).protection = OPEN
    if last >= first:
        listed = ",".join(choices)
        validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True, showDropDown=False)
        validation.error = "เลือกจากรายการเท่านั้น"
        validation.errorTitle = "ค่าไม่ถูกต้อง"
        validation.prompt = "เลือกจากรายการ"
        validation.showErrorMessage = True
        validation.showInputMessage = True
        ws.add_data_validation(validation)
        letter = ws.cell(first, column).column_letter
        validation.add(f"{letter}{first}:{letter}{last}")
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _rows_sheet(ws: Worksheet, route_map: RouteMap, period: Period, look: Look, paper: str) -> None:
    columns = _columns(form.ROW_COLUMNS)
    set_widths(ws, columns)
    _heading_block(ws, route_map, period, look, len(columns))
    headings(ws, form.HEADING_ROW, columns, look)
    values: list[list[Value]] = []
    for row in route_map.table.rows:
        objective = route_map.objective(row.objective)
        label = f"{objective.code} {objective.text}".strip() if objective else row.objective
        report = report_of(route_map, row.id, period.id)
        budget = row_budget(row)
        values.append(
            [
                row.id,
                label,
                row_title(row),
                row.cells.get("target", ""),
                budget if budget is not None else row.cells.get("budget", ""),
                state_label(report.status) if report and report.status else "",
                report.result if report else "",
                report.value if report and report.value is not None else None,
                report.spent if report and report.spent is not None else None,
                report.note if report else "",
                report.by if report else "",
                report.at.isoformat() if report and report.at else "",
            ]
        )
    grey = fill(LOCKED_FILL)
    fills = [[grey if not open_ else None for *_, open_ in form.ROW_COLUMNS] for _ in values]
    end = body(ws, form.FIRST_DATA_ROW, columns, values, look, fills)
    open_columns = [i for i, (*_, open_) in enumerate(form.ROW_COLUMNS, start=1) if open_]
    status_column = next(i for i, (key, *_) in enumerate(form.ROW_COLUMNS, start=1) if key == "status")
    _protect(ws, open_columns, form.FIRST_DATA_ROW, end - 1, form.status_labels(), status_column)
    ws.freeze_panes = ws.cell(form.FIRST_DATA_ROW, 2)
    page_setup(ws, look, paper, (form.HEADING_ROW, form.HEADING_ROW), end - 1)


def _milestones_sheet(ws: Worksheet, route_map: RouteMap, period: Period, look: Look, paper: str) -> None:
    columns = _columns(form.MILESTONE_COLUMNS)
    set_widths(ws, columns)
    _heading_block(ws, route_map, period, look, len(columns))
    headings(ws, form.HEADING_ROW, columns, look)
    answers = {True: "ทำแล้ว", False: "ยังไม่ได้ทำ"}
    values: list[list[Value]] = []
    for m in sorted(plan_of(route_map).milestones, key=lambda m: m.months):
        done = milestone_entry(route_map, m.id, period.id)
        values.append([m.id, m.months, m.text, answers[done] if done is not None else ""])
    grey = fill(LOCKED_FILL)
    fills = [[grey, grey, grey, None] for _ in values]
    end = body(ws, form.FIRST_DATA_ROW, columns, values, look, fills)
    _protect(ws, [4], form.FIRST_DATA_ROW, end - 1, tuple(form.DONE_LABELS), 4)
    page_setup(ws, look, paper, (form.HEADING_ROW, form.HEADING_ROW), end - 1)


def _meta_sheet(ws: Worksheet, route_map: RouteMap, period: Period, made: datetime | None) -> None:
    values = {
        "format": form.FORM_FORMAT,
        "version": str(form.FORM_VERSION),
        "map_id": form.map_id(route_map),
        "map_created": route_map.meta.created,
        "map_title": route_map.meta.title,
        "period": period.id,
        "made": (made or datetime.now().astimezone()).isoformat(timespec="seconds"),
    }
    for r, key in enumerate(form.META_KEYS, start=1):
        put_text(ws.cell(r, 1), key)
        put_text(ws.cell(r, 2), values[key])
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
