"""``import_xlsx``: check the file, open it, pick the sheet, read the table, build the map.

The workbook is opened in openpyxl's normal mode, not read-only: merged cells (objectives merged
down, grouped headings) are only known there. The safety checks before it bound what that costs
(see ``safety``). A sheet is chosen by its heading row: the one that names the most column keys,
so explanation sheets in front of the table are passed over; ``sheet=`` chooses one by name.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.importer.build import KnownObjective, build_map, level_of
from srmtool.importer.errors import ImportRefused
from srmtool.importer.grid import Grid, read_grid
from srmtool.importer.headings import normalise
from srmtool.importer.reader import SheetTable, find_heading_row, read_table
from srmtool.importer.report import ImportReport
from srmtool.importer.safety import check_workbook
from srmtool.model.numbers import to_arabic_digits
from srmtool.model.types import RouteMap

#: Normalised headings of our export's objectives sheet, left to right.
_OBJECTIVES_HEADINGS = ("มุมมอง", "รหัส", "เป้าประสงค์", "เส้นทางหลัก", "ผลมาจากลูกศรเข้า")


@dataclass
class ImportResult:
    route_map: RouteMap
    report: ImportReport


def _open(path: Path) -> list[Worksheet]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            workbook = load_workbook(path, data_only=True)
    except ImportRefused:
        raise
    except Exception as exc:  # any damage openpyxl finds: one readable message
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        raise ImportRefused("corrupt", name=path.name, reason=reason) from None
    return [ws for ws in workbook.worksheets if isinstance(ws, Worksheet)]


def _objectives_sheet(grid: Grid) -> list[KnownObjective] | None:
    """Our export's objectives sheet (levels, codes, key route, links), or ``None``."""
    for r in range(1, min(grid.height, 5) + 1):
        heads = [normalise(t) for t in grid.row(r)[:5]]
        if tuple(heads) != _OBJECTIVES_HEADINGS:
            continue
        known: list[KnownObjective] = []
        for row in grid.rows[r:]:
            level, code, text, mark, causes = (row + [""] * 5)[:5]
            if not text and not code:
                continue
            known.append(
                KnownObjective(
                    code=to_arabic_digits(code),
                    perspective=level_of(level) or "process",
                    text=text,
                    key_route=bool(mark.strip()),
                    causes=[to_arabic_digits(c.strip()) for c in causes.split(",") if c.strip()],
                )
            )
        return known
    return None


def _pick(grids: list[Grid], sheet: str | None, name: str, skip: set[str]) -> Grid:
    if sheet is not None:
        for grid in grids:
            if grid.title == sheet:
                return grid
        listed = ", ".join(f"“{g.title}”" for g in grids)
        raise ImportRefused("no_sheet", name=name, sheet=sheet, sheets=listed)
    candidates = [g for g in grids if g.title not in skip] or grids
    best = max(candidates, key=lambda g: find_heading_row(g)[1])
    return best


def import_xlsx(path: str | os.PathLike[str], sheet: str | None = None) -> ImportResult:
    """A new map from the 11-column table or action plan in the workbook at ``path``.

    Raises ``ImportRefused`` for a file that is unsafe, damaged, not ``.xlsx``, too large, without
    the sheet asked for, or without a table. Never writes anything.
    """
    p = Path(path)
    check_workbook(p)
    grids = [read_grid(ws) for ws in _open(p)]
    known: list[KnownObjective] = []
    objectives_sheet = ""
    for grid in grids:
        found = _objectives_sheet(grid)
        if found is not None:
            known, objectives_sheet = found, grid.title
            break
    chosen = _pick(grids, sheet, p.name, {objectives_sheet} if objectives_sheet else set())
    table: SheetTable | None = read_table(chosen)
    if table is None:
        raise ImportRefused("no_table", name=p.name, sheet=chosen.title)
    if not table.data:
        raise ImportRefused("no_rows", name=p.name, sheet=chosen.title)
    if chosen.title == objectives_sheet:
        known, objectives_sheet = [], ""
    report = ImportReport(
        file=p.name,
        sheet=chosen.title,
        sheets=[g.title for g in grids],
        heading_rows=table.heading_rows,
        skipped=table.skipped,
        objectives_sheet=objectives_sheet,
    )
    route_map = build_map(table, chosen, known, report)
    return ImportResult(route_map, report)
