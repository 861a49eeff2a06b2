"""The Excel export (DESIGN.md §5): ``write_xlsx(route_map, path, **options)``, or ``xlsx_bytes``.

Sheets, in order: "ตาราง 11 ช่อง" (the table, print-ready: A4 or A3 landscape, one page wide, the
heading rows on every page, page numbers in the footer), then the objectives by perspective with their
links, the stakeholders, and the stakeholder × objective matrix.

The file appears whole or not at all: the workbook is built in memory and put in place by
``srmtool.atomic.replace_file`` (a temporary file in the target's folder, renamed over the target).
"""

from __future__ import annotations

import io
import os
from typing import Final

from openpyxl import Workbook

from srmtool.atomic import replace_file
from srmtool.export.options import DEFAULT_FONT, DEFAULT_FONT_SIZES
from srmtool.export.xlsx.cells import Look
from srmtool.export.xlsx.map_data import add_map_data
from srmtool.export.xlsx.sheets import (
    MATRIX_SHEET,
    OBJECTIVES_SHEET,
    STAKEHOLDERS_SHEET,
    fill_matrix_sheet,
    fill_objectives_sheet,
    fill_stakeholders_sheet,
)
from srmtool.export.xlsx.table import PAPER_SIZES, TABLE_SHEET, fill_table_sheet
from srmtool.model.types import RouteMap

DEFAULT_FONT_SIZE: Final = DEFAULT_FONT_SIZES["xlsx"]

__all__ = ["DEFAULT_FONT", "DEFAULT_FONT_SIZE", "build_workbook", "write_xlsx", "xlsx_bytes"]


def build_workbook(
    route_map: RouteMap,
    *,
    paper: str = "A4",
    thai_digits: bool = False,
    font: str = DEFAULT_FONT,
    font_size: float = DEFAULT_FONT_SIZE,
) -> Workbook:
    """The export as an openpyxl ``Workbook`` (not yet saved). See ``write_xlsx`` for the options."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {paper!r}")
    if not 6 <= font_size <= 72:
        raise ValueError(f"font_size must be between 6 and 72 points, not {font_size}")
    # "&" and '"' would end the font name early inside the page footer's codes.
    name = " ".join(font.replace("&", " ").replace('"', " ").split()) or DEFAULT_FONT
    look = Look(font_name=name, font_size=float(font_size), thai_digits=thai_digits)
    paper_size = PAPER_SIZES[paper]

    workbook = Workbook()
    workbook.properties.title = look.show(route_map.meta.title)
    workbook.properties.creator = "srmtool"
    table = workbook.active
    assert table is not None
    table.title = TABLE_SHEET
    fill_table_sheet(table, route_map, look, paper)
    fill_objectives_sheet(workbook.create_sheet(OBJECTIVES_SHEET), route_map, look, paper_size)
    fill_stakeholders_sheet(workbook.create_sheet(STAKEHOLDERS_SHEET), route_map, look, paper_size)
    fill_matrix_sheet(workbook.create_sheet(MATRIX_SHEET), route_map, look, paper_size)
    add_map_data(workbook, route_map, table.title)  # hidden: what the import needs to give this map back
    return workbook


def xlsx_bytes(
    route_map: RouteMap,
    *,
    paper: str = "A4",
    thai_digits: bool = False,
    font: str = DEFAULT_FONT,
    font_size: float = DEFAULT_FONT_SIZE,
) -> bytes:
    """The workbook's file, as ``write_xlsx`` writes it. Raises ``ValueError`` for a bad option."""
    workbook = build_workbook(route_map, paper=paper, thai_digits=thai_digits, font=font, font_size=font_size)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(
    route_map: RouteMap,
    path: str | os.PathLike[str],
    *,
    paper: str = "A4",
    thai_digits: bool = False,
    font: str = DEFAULT_FONT,
    font_size: float = DEFAULT_FONT_SIZE,
) -> None:
    """Write ``route_map`` as an Excel workbook to ``path``.

    ``paper`` is "A4" or "A3" (landscape either way); ``thai_digits`` prints every digit as ๐–๙
    (budget amounts then become text, see ``xlsx_table``); ``font``/``font_size`` are the cell font,
    TH SarabunPSK 16 pt by default as on Thai government documents.

    Raises ``ValueError`` for a bad option and ``OSError`` when ``path`` cannot be written; the file at
    ``path`` is then unchanged and no temporary file is left behind.
    """
    data = xlsx_bytes(route_map, paper=paper, thai_digits=thai_digits, font=font, font_size=font_size)
    replace_file(path, data)
