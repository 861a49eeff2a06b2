"""The sheets after the table: objectives by perspective, stakeholders, stakeholder × objective matrix.

Objectives are referred to by their code ("ก1"), or by their id when they have no code, so that a
reader can find them on the map; the objectives sheet spells each one out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.export.xlsx.cells import (
    HEADER_FILL,
    WRAP_CENTER,
    WRAP_TOP,
    WRAP_TOP_CENTER,
    Look,
    clamp_height,
    line_count,
    lines_height,
    merge,
    put_text,
    style_cells,
)
from srmtool.model.types import PERSPECTIVE_IDS, Objective, RouteMap

OBJECTIVES_SHEET: Final = "เป้าประสงค์"
STAKEHOLDERS_SHEET: Final = "ภาคีเครือข่าย"
MATRIX_SHEET: Final = "ภาคี x เป้าประสงค์"
MARK: Final = "✓"

OBJECTIVE_HEADINGS: Final = (
    ("มุมมอง", 16.0),
    ("รหัส", 7.0),
    ("เป้าประสงค์", 48.0),
    ("เส้นทางหลัก", 10.0),
    ("ผลมาจาก (ลูกศรเข้า)", 22.0),
    ("ส่งผลต่อ (ลูกศรออก)", 22.0),
)
STAKEHOLDER_HEADINGS: Final = (
    ("ลำดับ", 8.0),
    ("ภาคีเครือข่าย", 34.0),
    ("ประเภท", 22.0),
    ("บทบาท", 46.0),
    ("เป้าประสงค์ที่เกี่ยวข้อง", 22.0),
)


def code_of(objective: Objective) -> str:
    return objective.code or objective.id


def _codes(route_map: RouteMap, ids: Sequence[str]) -> str:
    names: list[str] = []
    for item_id in ids:
        objective = route_map.objective(item_id)
        names.append(code_of(objective) if objective is not None else item_id)
    return ", ".join(names)


def links_in(route_map: RouteMap, objective_id: str) -> list[str]:
    """Ids of the objectives with an arrow into ``objective_id`` (its causes), in link order."""
    return list(dict.fromkeys(lk.source for lk in route_map.links if lk.target == objective_id))


def links_out(route_map: RouteMap, objective_id: str) -> list[str]:
    """Ids of the objectives ``objective_id`` has an arrow to (its effects), in link order."""
    return list(dict.fromkeys(lk.target for lk in route_map.links if lk.source == objective_id))


def _heading_row(ws: Worksheet, row: int, headings: Sequence[tuple[str, float]], look: Look) -> None:
    lines = 1
    for i, (label, width) in enumerate(headings, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        text = look.show(label)
        put_text(ws.cell(row, i), text)
        lines = max(lines, line_count(text, width, look.font_size, bold=True))
    cells = (ws.cell(row, i) for i in range(1, len(headings) + 1))
    style_cells(cells, look.font(bold=True), WRAP_CENTER, HEADER_FILL)
    ws.row_dimensions[row].height = clamp_height(lines_height(lines, look.font_size))


def _body_row(
    ws: Worksheet, row: int, values: Sequence[str], widths: Sequence[float], look: Look, centred: set[int]
) -> None:
    lines = 1
    font = look.font()
    for i, (value, width) in enumerate(zip(values, widths, strict=True), start=1):
        text = look.show(value)
        cell = ws.cell(row, i)
        put_text(cell, text)
        style_cells((cell,), font, WRAP_TOP_CENTER if i in centred else WRAP_TOP)
        lines = max(lines, line_count(text, width, look.font_size))
    ws.row_dimensions[row].height = clamp_height(lines_height(lines, look.font_size))


def _title(ws: Worksheet, text: str, look: Look, widths: Sequence[float]) -> None:
    cell = ws.cell(1, 1)
    shown = look.show(text)
    put_text(cell, shown)
    size = look.font_size + 2
    cell.font = look.font(bold=True, size=size)
    cell.alignment = WRAP_TOP
    lines = line_count(shown, sum(widths), size, bold=True)
    ws.row_dimensions[1].height = clamp_height(lines_height(lines, size))
    if len(widths) > 1:
        merge(ws, 1, 1, 1, len(widths))


def _print_setup(ws: Worksheet, paper_size: int, look: Look, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = paper_size
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.25, footer=0.25)
    ws.print_title_rows = "2:2"
    ws.freeze_panes = ws.cell(3, 1)
    ws.oddFooter.center.text = "หน้า &P / &N"
    ws.oddFooter.center.size = max(8, int(look.font_size) - 2)
    ws.oddFooter.center.font = f"{look.font_name},Regular"


def fill_objectives_sheet(ws: Worksheet, route_map: RouteMap, look: Look, paper_size: int) -> None:
    """One row per objective, level by level (people first), with the arrows into and out of it."""
    title = route_map.meta.title.strip()
    widths = [w for _, w in OBJECTIVE_HEADINGS]
    _title(ws, f"เป้าประสงค์ตามมุมมอง — {title}" if title else "เป้าประสงค์ตามมุมมอง", look, widths)
    _heading_row(ws, 2, OBJECTIVE_HEADINGS, look)
    row = 3
    for pid in PERSPECTIVE_IDS:
        objectives = route_map.objectives_in(pid)
        if not objectives:
            continue
        first = row
        for objective in objectives:
            values = (
                route_map.perspective_label(pid),
                code_of(objective),
                objective.text,
                MARK if objective.key_route else "",
                _codes(route_map, links_in(route_map, objective.id)),
                _codes(route_map, links_out(route_map, objective.id)),
            )
            _body_row(ws, row, values, widths, look, centred={2, 4})
            row += 1
        if row - 1 > first:
            for r in range(first + 1, row):
                ws.cell(r, 1).value = None
            merge(ws, first, 1, row - 1, 1)
    _print_setup(ws, paper_size, look)


def fill_stakeholders_sheet(ws: Worksheet, route_map: RouteMap, look: Look, paper_size: int) -> None:
    """One row per stakeholder with the objectives that name it."""
    widths = [w for _, w in STAKEHOLDER_HEADINGS]
    _title(ws, "ภาคีเครือข่ายและบทบาท", look, widths)
    _heading_row(ws, 2, STAKEHOLDER_HEADINGS, look)
    for n, stakeholder in enumerate(route_map.stakeholders, start=1):
        related = [o.id for o in route_map.objectives if stakeholder.id in o.stakeholders]
        values = (
            str(n),
            stakeholder.name,
            stakeholder.kind,
            stakeholder.role,
            _codes(route_map, related),
        )
        _body_row(ws, n + 2, values, widths, look, centred={1})
    _print_setup(ws, paper_size, look)


def fill_matrix_sheet(ws: Worksheet, route_map: RouteMap, look: Look, paper_size: int) -> None:
    """Stakeholders down, objectives (by code) across; ✓ where the objective names the stakeholder."""
    objectives = [o for pid in PERSPECTIVE_IDS for o in route_map.objectives_in(pid)]
    headings = [("ภาคีเครือข่าย", 34.0)] + [(code_of(o), 6.0) for o in objectives]
    widths = [w for _, w in headings]
    _title(ws, "ความเกี่ยวข้องของภาคีกับเป้าประสงค์", look, widths)
    _heading_row(ws, 2, headings, look)
    centred = set(range(2, len(objectives) + 2))
    for n, stakeholder in enumerate(route_map.stakeholders, start=3):
        values = [stakeholder.name] + [MARK if stakeholder.id in o.stakeholders else "" for o in objectives]
        _body_row(ws, n, values, widths, look, centred)
    _print_setup(ws, paper_size, look)
    ws.freeze_panes = ws.cell(3, 2)
