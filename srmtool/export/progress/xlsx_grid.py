"""Ruled tables on a worksheet for the progress report and the fill-in form, set as the map's own
Excel export sets its table (``srmtool.export.xlsx``): TH SarabunPSK, wrapped text with row heights
computed from it (LibreOffice does not grow rows), thin borders, a grey heading row, text never
stored as a formula, amounts as numbers with separators (as text in Thai digits), A4 or A3
landscape one page wide with the heading rows on every page and "หน้า x / y" at the foot."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.export.xlsx.cells import (
    HEADER_FILL,
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
from srmtool.export.xlsx.table import PAPER_SIZES
from srmtool.model.numbers import format_amount

Value = str | Decimal | int | None
FOOTER: Final = "หน้า &P / &N"
AMOUNT: Final = "#,##0.##"
PERCENT: Final = "0.0"


@dataclass(frozen=True)
class GridColumn:
    heading: str
    width: float
    align: str = "left"  # "left" or "right"
    number_format: str = AMOUNT  # for numbers in this column


def fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour.lstrip("#").upper())


def set_widths(ws: Worksheet, columns: Sequence[GridColumn]) -> None:
    for i, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column.width


def title_rows(ws: Worksheet, row: int, lines: Sequence[tuple[str, bool]], look: Look, width: int) -> int:
    """Lines merged across ``width`` columns, the first bold and larger; returns the next row."""
    total = sum((ws.column_dimensions[get_column_letter(i)].width or 10.0) for i in range(1, width + 1))
    for text, bold in lines:
        cell = ws.cell(row, 1)
        shown = look.show(text)
        put_text(cell, shown)
        size = look.font_size + (2 if bold else 0)
        cell.font = look.font(bold=bold, size=size)
        cell.alignment = WRAP_CENTER
        if width > 1:
            merge(ws, row, 1, row, width)
        ws.row_dimensions[row].height = clamp_height(lines_height(line_count(shown, total, size, bold), size))
        row += 1
    return row


def _put(ws: Worksheet, row: int, col: int, value: Value, column: GridColumn, look: Look) -> str:
    """Write one value; returns the text it shows (for the row's height)."""
    cell = ws.cell(row, col)
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal | int):
        number = Decimal(value)
        if look.thai_digits:
            shown = (
                format_amount(number, thai_digits=True)
                if column.number_format != PERCENT
                else f"{number:.1f}"
            )
            put_text(cell, look.show(shown))
            return shown
        cell.value = int(number) if number == number.to_integral_value() else float(number)
        cell.number_format = column.number_format
        return format_amount(number)
    shown = look.show(value)
    put_text(cell, shown)
    return shown


def headings(ws: Worksheet, row: int, columns: Sequence[GridColumn], look: Look) -> int:
    """The heading row (bold, grey, centred); returns the next row."""
    lines = 1
    for i, column in enumerate(columns, start=1):
        text = look.show(column.heading)
        put_text(ws.cell(row, i), text)
        lines = max(lines, line_count(text, column.width, look.font_size, bold=True))
    cells = (ws.cell(row, i) for i in range(1, len(columns) + 1))
    style_cells(cells, look.font(bold=True), WRAP_CENTER, HEADER_FILL)
    ws.row_dimensions[row].height = clamp_height(lines_height(lines, look.font_size))
    return row + 1


def body(
    ws: Worksheet,
    row: int,
    columns: Sequence[GridColumn],
    rows: Sequence[Sequence[Value]],
    look: Look,
    fills: Sequence[Sequence[PatternFill | None]] | None = None,
    bold: bool = False,
) -> int:
    """Data rows under the headings; ``fills[r][c]`` colours a cell. Returns the next row."""
    font = look.font(bold=bold)
    for n, values in enumerate(rows):
        r = row + n
        lines = 1
        for i, (value, column) in enumerate(zip(values, columns, strict=True), start=1):
            shown = _put(ws, r, i, value, column, look)
            lines = max(lines, line_count(shown, column.width, look.font_size, bold))
        for i, column in enumerate(columns, start=1):
            colour = fills[n][i - 1] if fills is not None else None
            alignment: Alignment = WRAP_TOP_RIGHT if column.align == "right" else WRAP_TOP
            style_cells([ws.cell(r, i)], font, alignment, colour)
        ws.row_dimensions[r].height = clamp_height(lines_height(lines, look.font_size))
    return row + len(rows)


def merge_down(ws: Worksheet, column: int, groups: Sequence[tuple[int, int]]) -> None:
    """Merge ``column`` over each (first row, last row) group of more than one row."""
    for first, last in groups:
        if last > first:
            merge(ws, first, column, last, column)


def page_setup(ws: Worksheet, look: Look, paper: str, repeat: tuple[int, int], last_row: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_SIZES[paper]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.25, footer=0.25)
    ws.print_title_rows = f"{repeat[0]}:{repeat[1]}"
    last_col = get_column_letter(max(1, ws.max_column))
    ws.print_area = f"A1:{last_col}{max(last_row, repeat[1])}"
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.size = max(8, int(look.font_size) - 2)
    ws.oddFooter.center.font = f"{look.font_name},Regular"
