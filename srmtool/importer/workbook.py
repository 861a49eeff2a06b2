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
from srmtool.importer.grid import MAX_GRID_CELLS, Grid, read_grid
from srmtool.importer.headings import normalise
from srmtool.importer.own import MAP_DATA_SHEET, known_objectives, match_columns, merge, read_map_data
from srmtool.importer.reader import SheetTable, find_heading_row, read_table
from srmtool.importer.report import ImportReport
from srmtool.importer.safety import check_workbook
from srmtool.model.limits import MAX_ROWS
from srmtool.model.numbers import to_arabic_digits
from srmtool.model.srmfile.validate import FileProblem, check_map_structure
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


def _unknown_formulas(path: Path, ws: Worksheet, grid: Grid) -> set[tuple[int, int]]:
    """Cells of ``ws`` holding a formula whose result the file does not keep (openpyxl and other
    generators write formulas so; Excel and LibreOffice keep the result). openpyxl reads them as
    empty, so the sheet is read once more, streaming, as its formulas are written; never more than
    ``MAX_GRID_CELLS`` cells are looked at."""
    height, width = ws.max_row, ws.max_column
    if height * width > MAX_GRID_CELLS:
        height, width = grid.height, grid.width
    if not height or not width:
        return set()
    found: set[tuple[int, int]] = set()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=False)
        try:
            for row in book[ws.title].iter_rows(min_row=1, max_row=height, max_col=width):
                for cell in row:
                    if (
                        getattr(cell, "data_type", None) == "f"
                        and ws.cell(cell.row, cell.column).value is None
                    ):
                        found.add((cell.row, cell.column))
        finally:
            book.close()
    except Exception:  # the first read worked; without this one the report only says less
        return found
    return found


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
    scan = check_workbook(p)
    every = _open(p)
    data, data_problem = read_map_data(every)
    sheets = [ws for ws in every if ws.title != MAP_DATA_SHEET]
    grids = [read_grid(ws, p.name) for ws in sheets]
    known: list[KnownObjective] = []
    objectives_sheet = ""
    for grid in grids:
        found = _objectives_sheet(grid)
        if found is not None:
            known, objectives_sheet = found, grid.title
            break
    if data is not None:  # our own export: its kept map knows the objectives and the table sheet
        known = known_objectives(data.route_map)
        if sheet is None and any(g.title == data.table_sheet for g in grids):
            sheet = data.table_sheet
    chosen = _pick(grids, sheet, p.name, {objectives_sheet} if objectives_sheet else set())
    if scan.formulas:
        chosen.unknown = _unknown_formulas(p, sheets[grids.index(chosen)], chosen)
    table: SheetTable | None = read_table(chosen)
    if table is None:
        raise ImportRefused("no_table", name=p.name, sheet=chosen.title)
    if not table.data:
        raise ImportRefused("no_rows", name=p.name, sheet=chosen.title)
    if len(table.data) > MAX_ROWS:  # before the work of building a map that could not be saved
        raise ImportRefused(
            "too_many_rows", name=p.name, sheet=chosen.title, rows=len(table.data), limit=MAX_ROWS
        )
    if chosen.title == objectives_sheet:
        known, objectives_sheet = ([] if data is None else known), ""
    report = ImportReport(
        file=p.name,
        sheet=chosen.title,
        sheets=[g.title for g in grids],
        heading_rows=table.heading_rows,
        skipped=table.skipped,
        objectives_sheet=objectives_sheet,
        unknown_formulas=sorted(chosen.unknown),
    )
    if data_problem is not None:
        report.map_data_problem = data_problem
    renamed = match_columns(table, data.route_map, report) if data is not None else {}
    route_map = build_map(table, chosen, known, report)
    if data is not None:
        route_map = merge(route_map, data.route_map, renamed, report)
        report.map_data, report.objectives_sheet = True, ""
        report.digits = str((route_map.meta.model_extra or {}).get("digits", ""))
        report.objectives, report.links = len(route_map.objectives), len(route_map.links)
        report.rows = len(route_map.table.rows)
    try:  # the limits every map keeps, so that the imported map can be saved
        check_map_structure(route_map)
    except FileProblem as problem:
        raise ImportRefused(
            "map_limits",
            name=p.name,
            where=problem.where,
            reason_th=problem.message_th,
            reason_en=problem.message_en,
        ) from None
    return ImportResult(route_map, report)
