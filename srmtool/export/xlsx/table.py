"""The "ตาราง 11 ช่อง" sheet: title block, numbered headings, one row per table row, budget total.

Layout, top to bottom: the map's title, organisation and area/period (each merged across the table);
a blank row; the headings from the map's own column set; a row numbering the columns; the table rows
(consecutive rows of one objective share one merged objective cell); then, when the budget column
holds amounts, a total row and the total in Thai words. The two heading rows repeat on every page.

Budget cells that hold just an amount ("12,500", "๑๒,๕๐๐", "5,000 บาท") become numbers with thousands
separators; anything else stays as typed. In Thai-digit mode the amounts and the total are written as
right-aligned text in Thai digits instead, because no number format shows Thai digits in both Excel
and LibreOffice; a sheet to compute with is exported without Thai digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.export.xlsx.cells import (
    HEADER_FILL,
    MAX_ROW_HEIGHT,
    WRAP_CENTER,
    WRAP_TOP,
    WRAP_TOP_RIGHT,
    Look,
    clamp_height,
    line_count,
    lines_height,
    merge,
    put_text,
    style_cells,
)
from srmtool.model.numbers import baht_text, format_amount, parse_amount
from srmtool.model.types import BUDGET_COLUMN, OBJECTIVE_COLUMN, Column, RouteMap, Row

TABLE_SHEET: Final = "ตาราง 11 ช่อง"
PAPER_SIZES: Final = {"A4": 9, "A3": 8}  # the sheet's paperSize codes
TOTAL_LABEL: Final = "รวมงบประมาณทั้งสิ้น"
FOOTER: Final = "หน้า &P / &N"
#: The smallest size a row too tall for the spreadsheet is set in (TH SarabunPSK points).
MIN_FONT_SIZE: Final = 10.0


def objective_label(route_map: RouteMap, row: Row) -> str:
    """What the objective cell shows: "ป1 text", or the bare id when the objective is missing."""
    objective = route_map.objective(row.objective)
    if objective is None:
        return row.objective
    return f"{objective.code} {objective.text}".strip() if objective.code else objective.text


@dataclass
class _Budget:
    column: int  # 1-based sheet column of the budget, 0 when the column set has none
    total: Decimal = Decimal(0)
    amounts: int = 0
    satang: bool = False


def _title_lines(route_map: RouteMap) -> list[str]:
    meta = route_map.meta
    place = "   ".join(
        part
        for part in (
            f"พื้นที่ {meta.area}" if meta.area.strip() else "",
            f"ระยะเวลา {meta.period}" if meta.period.strip() else "",
        )
        if part
    )
    return [line for line in (meta.title.strip(), meta.organization.strip(), place) if line]


def _merged_row(ws: Worksheet, row: int, text: str, look: Look, columns: list[Column], bold: bool) -> None:
    last = len(columns)
    cell = ws.cell(row, 1)
    put_text(cell, look.show(text))
    size = look.font_size + (2 if bold else 0)
    cell.font = look.font(bold=bold, size=size)
    cell.alignment = WRAP_CENTER
    if last > 1:
        merge(ws, row, 1, row, last)
    width = sum(c.width for c in columns)
    ws.row_dimensions[row].height = clamp_height(
        lines_height(line_count(look.show(text), width, size, bold), size)
    )


def _headings(ws: Worksheet, row: int, look: Look, columns: list[Column]) -> None:
    bold = look.font(bold=True)
    lines = 1
    for i, column in enumerate(columns, start=1):
        text = look.show(column.label)
        put_text(ws.cell(row, i), text)
        lines = max(lines, line_count(text, column.width, look.font_size, bold=True))
        number = ws.cell(row + 1, i, look.number_label(i))
        number.font = look.font()
    style_cells((ws.cell(row, i) for i in range(1, len(columns) + 1)), bold, WRAP_CENTER, HEADER_FILL)
    style_cells((ws.cell(row + 1, i) for i in range(1, len(columns) + 1)), look.font(), WRAP_CENTER)
    ws.row_dimensions[row].height = clamp_height(lines_height(lines, look.font_size))
    ws.row_dimensions[row + 1].height = clamp_height(lines_height(1, look.font_size))


def _budget_cell(ws: Worksheet, row: int, text: str, budget: _Budget, look: Look) -> None:
    cell = ws.cell(row, budget.column)
    amount = parse_amount(text)
    if amount is None:
        put_text(cell, look.show(text))
        cell.alignment = WRAP_TOP_RIGHT
        return
    budget.total += amount
    budget.amounts += 1
    has_satang = amount != amount.to_integral_value()
    budget.satang = budget.satang or has_satang
    if look.thai_digits:
        put_text(cell, format_amount(amount, thai_digits=True))
    else:
        cell.value = amount
        cell.number_format = "#,##0.00" if has_satang else "#,##0"
    cell.alignment = WRAP_TOP_RIGHT


def _data_rows(ws: Worksheet, first: int, route_map: RouteMap, look: Look, budget: _Budget) -> int:
    """Write the table rows from sheet row ``first``; returns the next free sheet row."""
    columns = route_map.table.columns
    keys = [c.key for c in columns]
    objective_col = keys.index(OBJECTIVE_COLUMN) + 1 if OBJECTIVE_COLUMN in keys else 0
    font = look.font()
    heights: list[float] = []
    groups: list[tuple[int, int, str]] = []  # (first sheet row, last sheet row, objective text)
    sizes: dict[int, float] = {}  # sheet row -> a smaller font size, for rows over the height limit
    for n, row in enumerate(route_map.table.rows):
        sheet_row = first + n
        wrapped: list[tuple[str, float]] = []  # (text, column width) of the cells that wrap
        for i, column in enumerate(columns, start=1):
            if i == objective_col:
                continue
            text = row.cells.get(column.key, "")
            if i == budget.column:
                _budget_cell(ws, sheet_row, text, budget, look)
            else:
                put_text(ws.cell(sheet_row, i), look.show(text))
            wrapped.append((look.show(text), column.width))
        size, height = _fitting_size(wrapped, look.font_size)
        if size != look.font_size:
            sizes[sheet_row] = size
        heights.append(height)
        if objective_col and n and route_map.table.rows[n - 1].objective == row.objective:
            start, _, text = groups[-1]
            groups[-1] = (start, sheet_row, text)
        elif objective_col:
            groups.append((sheet_row, sheet_row, objective_label(route_map, row)))
    last = first + len(route_map.table.rows) - 1
    smaller = {size: look.font(size=size) for size in set(sizes.values())}
    for r in range(first, last + 1):
        row_font = smaller[sizes[r]] if r in sizes else font
        style_cells((ws.cell(r, i) for i in range(1, len(columns) + 1)), row_font, WRAP_TOP)
        if budget.column:
            ws.cell(r, budget.column).alignment = WRAP_TOP_RIGHT
    for start, end, text in groups:
        shown = look.show(text)
        put_text(ws.cell(start, objective_col), shown)
        if end > start:
            merge(ws, start, objective_col, end, objective_col)
        width = columns[objective_col - 1].width
        need = lines_height(line_count(shown, width, look.font_size), look.font_size)
        have = sum(heights[start - first : end - first + 1])
        if need > have:  # spread what the objective needs beyond the rows over the whole group
            extra = (need - have) / (end - start + 1)
            for r in range(start, end + 1):
                heights[r - first] += extra
    for r, height in enumerate(heights, start=first):
        ws.row_dimensions[r].height = clamp_height(height)
    return last + 1


def _fitting_size(cells: list[tuple[str, float]], font_size: float) -> tuple[float, float]:
    """(font size, row height) for a row of wrapped cells ``(text, column width)``.

    A spreadsheet row is at most ``MAX_ROW_HEIGHT`` tall and cuts off what does not fit, so a row
    whose text needs more is set in a smaller size, one point at a time down to ``MIN_FONT_SIZE``
    (the smallest that still prints readably); the row keeps all its text either way.
    """
    size = font_size
    while True:
        lines = max((line_count(text, width, size) for text, width in cells), default=1)
        height = lines_height(lines, size)
        if height <= MAX_ROW_HEIGHT or size - 1 < MIN_FONT_SIZE:
            return size, height
        size -= 1


def _total_rows(ws: Worksheet, row: int, columns: list[Column], look: Look, budget: _Budget) -> int:
    """The total row and the total in Thai words; returns the next free sheet row."""
    n = len(columns)
    bold = look.font(bold=True)
    label_end = max(1, budget.column - 1)
    if budget.column > 1:
        put_text(ws.cell(row, 1), TOTAL_LABEL)
    total = ws.cell(row, budget.column)
    if look.thai_digits:
        put_text(total, format_amount(budget.total, thai_digits=True))
    else:
        total.value = budget.total
        total.number_format = "#,##0.00" if budget.satang else "#,##0"
    words = f"({baht_text(budget.total)})"
    put_text(ws.cell(row + 1, 1), words)
    style_cells((ws.cell(r, i) for r in (row, row + 1) for i in range(1, n + 1)), bold, WRAP_TOP_RIGHT)
    if budget.column > 2:
        merge(ws, row, 1, row, label_end)
    if budget.column < n:
        merge(ws, row, budget.column + 1, row, n)
    if n > 1:
        merge(ws, row + 1, 1, row + 1, n)
    label_width = sum(c.width for c in columns[:label_end])
    lines = max(
        line_count(TOTAL_LABEL, label_width, look.font_size, bold=True) if budget.column > 1 else 1,
        line_count(str(total.value), columns[budget.column - 1].width, look.font_size, bold=True),
    )
    ws.row_dimensions[row].height = clamp_height(lines_height(lines, look.font_size))
    width = sum(c.width for c in columns)
    ws.row_dimensions[row + 1].height = clamp_height(
        lines_height(line_count(words, width, look.font_size, bold=True), look.font_size)
    )
    return row + 2


def _page_setup(ws: Worksheet, look: Look, paper: str, title_rows: tuple[int, int], last_row: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_SIZES[paper]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.25, footer=0.25)
    ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    last_col = get_column_letter(max(1, ws.max_column))
    ws.print_area = f"A1:{last_col}{max(last_row, title_rows[1])}"
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.size = max(8, int(look.font_size) - 2)
    ws.oddFooter.center.font = f"{look.font_name},Regular"


def fill_table_sheet(ws: Worksheet, route_map: RouteMap, look: Look, paper: str) -> None:
    """Write the 11-column table of ``route_map`` into the empty sheet ``ws``."""
    columns = list(route_map.table.columns)
    for i, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    row = 1
    for i, line in enumerate(_title_lines(route_map)):
        _merged_row(ws, row, line, look, columns, bold=i == 0)
        row += 1
    ws.row_dimensions[row].height = clamp_height(look.font_size * 0.75)  # a gap above the table
    row += 1
    heading_row = row
    if columns:
        _headings(ws, heading_row, look, columns)
    keys = [c.key for c in columns]
    budget = _Budget(column=keys.index(BUDGET_COLUMN) + 1 if BUDGET_COLUMN in keys else 0)
    end = _data_rows(ws, heading_row + 2, route_map, look, budget)
    if budget.column and budget.amounts:
        end = _total_rows(ws, end, columns, look, budget)
    ws.freeze_panes = ws.cell(heading_row + 2, 1)
    _page_setup(ws, look, paper, (heading_row, heading_row + 1), end - 1)
