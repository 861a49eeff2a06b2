"""Our own Excel export read back through the map it keeps in a hidden sheet
(``srmtool.export.xlsx.map_data``): the same map, whatever the office renamed, with the cells the
office edited in the table sheet.

``read_map_data`` finds and checks the hidden map (untrusted: its size is bounded and it is loaded
as any `.srm` file is, with every check and limit; a map that does not load is reported and the
workbook is read as an office sheet). ``match_columns`` gives the table sheet's columns their keys:
by their headings as exported, then the renamed ones by their order. ``merge`` puts the rows read
from the table sheet into the kept map: their objectives, ids and, where the sheet shows the same
text or amount, the text as typed (digits as typed, amounts as typed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from openpyxl.worksheet.worksheet import Worksheet

from srmtool.importer.build import KnownObjective
from srmtool.importer.headings import normalise
from srmtool.importer.reader import SheetTable
from srmtool.importer.report import ImportReport
from srmtool.model.errors import MapFileError
from srmtool.model.limits import MAX_FILE_BYTES
from srmtool.model.numbers import budget_amount, to_arabic_digits
from srmtool.model.plan import group_heading, table_style
from srmtool.model.srmfile.codec import loads_map
from srmtool.model.types import BUDGET_COLUMN, OBJECTIVE_COLUMN, Objective, RouteMap, Row

MAP_DATA_SHEET: Final = "_srmtool"  # as ``srmtool.export.xlsx.map_data`` writes it
FORMAT: Final = "srmtool-workbook"
_MAX_CHUNKS: Final = MAX_FILE_BYTES // 1000


@dataclass
class MapData:
    route_map: RouteMap  # the map as exported, its rows' cells cut down to those holding digits
    table_sheet: str


Problem = tuple[str, str]  # why the kept map cannot be used (Thai, English)


def read_map_data(sheets: list[Worksheet]) -> tuple[MapData | None, Problem | None]:
    """The map kept in the hidden sheet, or None and why not (None too when there is no such sheet)."""
    ws = next((s for s in sheets if s.title == MAP_DATA_SHEET), None)
    if ws is None:
        return None, None
    head = [ws.cell(r, 1).value for r in (1, 2, 3)]
    if head[0] != FORMAT or head[1] != 1 or not isinstance(head[2], str):
        return None, ("รูปแบบข้อมูลไม่ถูกต้อง", "it is not in the expected form")
    parts: list[str] = []
    size = 0
    for r in range(4, min(ws.max_row, _MAX_CHUNKS) + 1):
        value = ws.cell(r, 1).value
        if not isinstance(value, str):
            break
        size += len(value)
        if size > MAX_FILE_BYTES:
            return None, ("ข้อมูลใหญ่เกินไป", "it is too large")
        parts.append(value)
    try:
        kept = loads_map("".join(parts).encode("utf-8"), MAP_DATA_SHEET)
    except MapFileError as exc:
        return None, (exc.message_th, exc.message_en)
    except UnicodeEncodeError:
        return None, ("ข้อความเสียหาย", "its text is damaged")
    return MapData(kept, head[2]), None


def known_objectives(kept: RouteMap) -> list[KnownObjective]:
    """The kept objectives, in map order, as the table sheet may name them: "ป1 text", the text,
    or, in an action plan, the heading row of their group ("มาตรการที่ 1 …")."""
    style = table_style(kept)
    groups: dict[str, int] = {}
    for row in kept.table.rows:
        groups.setdefault(row.objective, len(groups) + 1)
    causes: dict[str, list[str]] = {}
    code = {o.id: o.code for o in kept.objectives}
    for link in kept.links:
        causes.setdefault(link.target, []).append(code.get(link.source, ""))
    out: list[KnownObjective] = []
    for o in kept.objectives:
        known = KnownObjective(o.code, o.perspective, o.text, o.key_route, causes.get(o.id, []))
        if o.id in groups:
            known.aliases.append(group_heading(style, groups[o.id], o.text))
        out.append(known)
    return out


def match_columns(table: SheetTable, kept: RouteMap, report: ImportReport) -> dict[str, str]:
    """The sheet's columns get the kept column keys: those whose heading (or its lower part, under
    a group) is a kept column's label, then the others in order, so a renamed heading keeps its key.
    Returns the renamed columns' new headings by key."""
    by_label: dict[str, str] = {}
    for column in kept.table.columns:
        by_label.setdefault(normalise(column.label), column.key)
    free = [c.key for c in kept.table.columns]
    unmatched = []
    for col in table.columns:
        parts = [col.heading, col.heading.rpartition(" / ")[2]]
        key = next((by_label[normalise(p)] for p in parts if normalise(p) in by_label), None)
        if key is not None and key in free:
            col.key = key
            free.remove(key)
        else:
            unmatched.append(col)
    style = table_style(kept)
    if style.grouping == "heading" and len(unmatched) < len(free) and OBJECTIVE_COLUMN in free:
        free.remove(OBJECTIVE_COLUMN)  # an action plan prints its measures as rows, not as a column
    renamed: dict[str, str] = {}
    for col, key in zip(unmatched, free, strict=False):
        col.key = key
        label = next(c.label for c in kept.table.columns if c.key == key)
        heading = " ".join(col.heading.rpartition(" / ")[2].split())
        if heading:
            renamed[key] = heading
            report.renamed_columns.append((label, heading))
    for col in unmatched[len(free) :]:
        col.key = None
    return renamed


def _same(shown: str, typed: str, key: str) -> bool:
    """Whether the sheet shows what was typed: the same text in either digits, the same amount."""
    if " ".join(to_arabic_digits(shown).split()) == " ".join(to_arabic_digits(typed).split()):
        return True
    if key == BUDGET_COLUMN:
        amount = budget_amount(shown)
        return amount is not None and amount == budget_amount(typed)
    return False


def merge(built: RouteMap, kept: RouteMap, renamed: dict[str, str], report: ImportReport) -> RouteMap:
    """The kept map with the rows read from the table sheet (``built`` from its known objectives)."""
    # ``built`` made the known objectives first, in the kept map's order: o1 … on
    ids = {b.id: k.id for b, k in zip(built.objectives, kept.objectives, strict=False)}
    taken = {o.id for o in kept.objectives} | {s.id for s in kept.stakeholders}
    taken |= {r.id for r in kept.table.rows}
    new_objectives: list[Objective] = []
    for objective in built.objectives[len(kept.objectives) :]:
        fresh = _fresh("o", taken)
        ids[objective.id] = fresh
        new_objectives.append(objective.model_copy(update={"id": fresh}))
    waiting: dict[str, list[Row]] = {}
    for row in kept.table.rows:
        waiting.setdefault(row.objective, []).append(row)
    rows: list[Row] = []
    for row in built.table.rows:
        oid = ids.get(row.objective, row.objective)
        queue = waiting.get(oid, [])
        if queue:
            was = queue.pop(0)
            typed = was.cells
            cells = {k: typed[k] if k in typed and _same(v, typed[k], k) else v for k, v in row.cells.items()}
            rows.append(Row.model_validate({**was.model_dump(), "cells": cells}))
        else:
            rows.append(Row(id=_fresh("r", taken), objective=oid, cells=dict(row.cells)))
            report.new_rows += 1
    out = kept.model_copy(deep=True)
    out.objectives += new_objectives
    out.table.rows = rows
    for column in out.table.columns:
        column.label = renamed.get(column.key, column.label)
    out.touch()
    report.new_objectives = len(new_objectives)
    return out


def _fresh(prefix: str, taken: set[str]) -> str:
    n = len(taken) + 1
    while f"{prefix}{n}" in taken:
        n += 1
    taken.add(f"{prefix}{n}")
    return f"{prefix}{n}"
