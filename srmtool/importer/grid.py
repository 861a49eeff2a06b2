"""A worksheet as a grid of texts, with what its merged cells say.

openpyxl keeps a merged range's value in its top-left cell only. ``Grid`` copies that value into
every cell of the range, so a heading merged across two columns labels both and an objective merged
down several rows labels each of them, and it remembers which ranges span columns (group headings,
title rows) so the table reader can tell them apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.importer.errors import ImportRefused

#: The most cells (rows × columns) the grid of one sheet may span.
MAX_GRID_CELLS: Final = 2_000_000


def cell_text(value: object) -> str:
    """A cell's value as the table stores it: text as typed, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        number = Decimal(str(value))
        if number == number.to_integral_value():
            return str(number.quantize(Decimal(1)))
        return format(number.normalize(), "f")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


@dataclass
class Grid:
    """Texts by (row, column), 1-based like the sheet, merged ranges filled in."""

    title: str
    rows: list[list[str]]
    widths: dict[int, float] = field(default_factory=dict)  # column -> width as set in the sheet
    #: (top, bottom, first column, last column) of merged ranges that span more than one column.
    wide: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: (row, column) of the cells a merged range covers other than its top-left one.
    covered: set[tuple[int, int]] = field(default_factory=set)
    raw_numbers: dict[tuple[int, int], object] = field(default_factory=dict)
    #: (row, column) of formula cells whose result the file does not keep: they read as blank.
    unknown: set[tuple[int, int]] = field(default_factory=set)

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def row(self, r: int) -> list[str]:
        return self.rows[r - 1]

    def spans_columns(self, r: int, c: int) -> tuple[int, int] | None:
        """The columns a range that covers (r, c) and spans columns spans, if any."""
        for top, bottom, first, last in self.wide:
            if top <= r <= bottom and first <= c <= last:
                return first, last
        return None


def read_grid(ws: Worksheet, name: str = "") -> Grid:
    """The sheet's values as texts (formulas give their last computed value).

    The grid spans the cells that hold a value and the merged ranges that start at one; cells
    with only a style, or empty merged ranges further out, add nothing. A sheet whose grid would
    pass ``MAX_GRID_CELLS`` (one value at XFD1048576 spans 17 billion) is refused, naming ``name``.
    """
    values = {key: cell.value for key, cell in ws._cells.items() if cell.value is not None}
    merged = list(ws.merged_cells.ranges)
    starts = [m for m in merged if (m.min_row, m.min_col) in values]
    height = max([r for r, _ in values] + [m.max_row for m in starts], default=0)
    width = max([c for _, c in values] + [m.max_col for m in starts], default=0)
    if height * width > MAX_GRID_CELLS:
        raise ImportRefused(
            "sheet_too_wide", name=name, sheet=ws.title, rows=height, columns=width, limit=MAX_GRID_CELLS
        )
    rows = [[""] * width for _ in range(height)]
    raw: dict[tuple[int, int], object] = {}
    for (r, c), value in values.items():
        rows[r - 1][c - 1] = cell_text(value)
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            raw[(r, c)] = value
    grid = Grid(title=ws.title, rows=rows, raw_numbers=raw)
    for merged_range in merged:
        top, bottom = merged_range.min_row, min(merged_range.max_row, height)
        first, last = merged_range.min_col, min(merged_range.max_col, width)
        if top > height or first > width:
            continue
        text = rows[top - 1][first - 1]
        for r in range(top, bottom + 1):
            for c in range(first, last + 1):
                rows[r - 1][c - 1] = text
                if (r, c) != (top, first):
                    grid.covered.add((r, c))
        if last > first:
            grid.wide.append((top, bottom, first, last))
    for letter, dimension in ws.column_dimensions.items():
        if dimension.width:
            grid.widths[column_index_from_string(letter)] = float(dimension.width)
    return grid
