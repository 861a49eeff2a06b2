"""An office action plan's own fields into the imported map (``srmtool.model.plan``), and what the
report says about its budget.

From the rows around the table (``plan_block``): the heading block into ``plan``, Small Success
into ``plan.milestones`` (fresh ids), the responsible office, the signers into ``signers``. From
the headings: the column groups into ``table.style`` with the template's grouping. From the sheet's
text: its digit style into ``meta.digits``. The budget: every budget line that holds a number but no
amount, and the total computed from the rows beside the sheet's own total row.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Final

from srmtool.importer.grid import Grid
from srmtool.importer.plan_block import Below, HeadingBlock
from srmtool.importer.reader import SheetTable
from srmtool.importer.report import ImportReport
from srmtool.model.limits import MAX_PLAN_ITEMS, MAX_SIGNERS, MAX_TEXT_CHARS, clip_text
from srmtool.model.numbers import budget_amount, budget_cell, budget_total
from srmtool.model.plan import (
    DIGITS_KEY,
    PLAN_KEY,
    SIGNERS_KEY,
    STYLE_KEY,
    ColumnGroup,
    TableStyle,
    count_digit_runs,
    new_milestone_id,
    style_value,
)
from srmtool.model.templates import Template
from srmtool.model.types import BUDGET_COLUMN, RouteMap

_FISCAL_YEAR = re.compile(r"(?:ประจำ)?(ปีงบประมาณ\s*(?:พ\.ศ\.\s*)?[\d๐-๙]{4})")
_MILESTONE_CHARS: Final = MAX_TEXT_CHARS


def _extra(model: Any) -> dict[str, Any]:
    extra = model.__pydantic_extra__
    if extra is None:
        extra = model.__pydantic_extra__ = {}
    return extra  # type: ignore[no-any-return]


def plan_fields(route_map: RouteMap, block: HeadingBlock, below: Below, report: ImportReport) -> None:
    """The heading block, Small Success, the office and the signers, each key only when read."""
    plan: dict[str, Any] = {}
    for key in ("programme", "project"):
        if block.texts.get(key):
            plan[key] = clip_text(block.texts[key])
    for key in ("objectives", "indicators", "rationale"):
        items = [clip_text(item) for item in block.lists.get(key, []) if item][:MAX_PLAN_ITEMS]
        if items:
            plan[key] = items
    office = below.office or block.texts.get("office", "")
    if office:
        plan["office"] = clip_text(office)
    taken: set[str] = set()
    milestones: list[dict[str, Any]] = []
    for months, text in below.milestones[:MAX_PLAN_ITEMS]:
        mid = new_milestone_id(taken)
        taken.add(mid)
        milestones.append({"id": mid, "months": months, "text": clip_text(text, _MILESTONE_CHARS)})
    if milestones:
        plan["milestones"] = milestones
    if plan:
        _extra(route_map)[PLAN_KEY] = plan
    signers = [
        {"role": clip_text(role), "name": clip_text(name), "position": clip_text(position)}
        for role, name, position in below.signers[:MAX_SIGNERS]
    ]
    if signers:
        _extra(route_map)[SIGNERS_KEY] = signers
    report.plan_fields = [key for key in plan if key != "milestones"]
    report.milestones = len(milestones)
    report.signers = [(s["role"], s["name"]) for s in signers]
    if not route_map.meta.period:
        for title in block.titles:
            found = _FISCAL_YEAR.search(title)
            if found:
                route_map.meta.period = " ".join(found.group(1).split())
                break


def table_style(
    route_map: RouteMap, template: Template, table: SheetTable, keys: dict[int, str], report: ImportReport
) -> None:
    """The template's grouping, and the sheet's own column groups (two-row headings) by key."""
    groups = []
    for label, columns in table.groups:
        group_keys = tuple(keys[c] for c in columns if c in keys)
        if len(group_keys) >= 2:
            groups.append(ColumnGroup(" ".join(label.split()), group_keys))
    base = template.style
    grouping = "heading" if table.sections else base.grouping
    style = TableStyle(
        grouping=grouping,
        group_prefix=base.group_prefix,
        column_groups=tuple(groups),
        map_page=base.map_page,
    )
    value = style_value(style)
    if value is not None:
        _extra(route_map.table)[STYLE_KEY] = value
    report.column_groups = [(g.label, g.columns) for g in groups]


def digit_style(route_map: RouteMap, grid: Grid) -> None:
    """The digits the sheet is typed in, saved with the map (amounts become "12,500" on import)."""
    thai = arabic = 0
    for row in grid.rows:
        for text in row:
            if text:
                t, a = count_digit_runs(text)
                thai, arabic = thai + t, arabic + a
    if thai or arabic:
        _extra(route_map.meta)[DIGITS_KEY] = "thai" if thai > arabic else "arabic"


def budget_report(
    route_map: RouteMap, table: SheetTable, grid: Grid, rows: dict[str, int], report: ImportReport
) -> None:
    """Unread budget lines (by sheet row) and the computed total beside the sheet's own."""
    texts: list[str] = []
    for row in route_map.table.rows:
        text = row.cells.get(BUDGET_COLUMN, "")
        texts.append(text)
        report.unread_budget += [(rows.get(row.id, 0), line) for line in budget_cell(text).unread]
    if any(budget_amount(t) is not None for t in texts):
        report.computed_total = budget_total(texts)
    report.sheet_total = sheet_total(table, grid)


def sheet_total(table: SheetTable, grid: Grid) -> Decimal | None:
    """The amount of the sheet's last total row: in the budget column, else in its label."""
    budget = next((c.index for c in table.columns if c.key == BUDGET_COLUMN), None)
    for row, cells in reversed(table.totals):
        if budget is not None:
            raw = grid.raw_numbers.get((row, budget))
            if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
                return Decimal(str(raw))
            amount = budget_amount(cells.get(budget, ""))
            if amount is not None:
                return amount
        for text in dict.fromkeys(cells.values()):
            amount = budget_amount(text) if text else None
            if amount is not None:
                return amount
    return None
