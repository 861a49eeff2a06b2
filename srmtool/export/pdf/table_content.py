"""The text of the table as the PDF prints it: headings, objective groups and the budget total.

Amounts in the budget column are re-printed with thousands separators (``format_amount``) and
summed; cells that are not a plain amount ("ตามจริง", "5,000–8,000") are printed as written and
left out of the total, and the total row then says it counts only the amounts. A row whose
objective does not exist is still printed, its objective cell saying so (``MISSING_OBJECTIVE``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from srmtool.export.pdf.table import TableContent, digits
from srmtool.model.numbers import baht_text, format_amount, parse_amount
from srmtool.model.types import BUDGET_COLUMN, OBJECTIVE_COLUMN, RouteMap, Row

#: Budget cells that mean "no money" rather than an amount the total cannot read.
_NO_AMOUNT: Final = frozenset({"", "-", "–", "—", "0"})
MISSING_OBJECTIVE: Final = "(ไม่พบเป้าประสงค์ {id})"
NO_OBJECTIVE: Final = "(ไม่ระบุเป้าประสงค์)"


def table_content(route_map: RouteMap, thai_digits: bool = False) -> TableContent:
    """The table's headings, objective groups and total row, as text ready to wrap."""
    columns = route_map.table.columns
    keys = [c.key for c in columns]
    obj_col = keys.index(OBJECTIVE_COLUMN) if OBJECTIVE_COLUMN in keys else None
    budget = keys.index(BUDGET_COLUMN) if BUDGET_COLUMN in keys else None
    aligns = ["right" if j == budget else "left" for j in range(len(keys))]
    groups: list[tuple[str, list[list[str]]]] = []
    total, unreadable, previous = Decimal(0), 0, None
    for row in route_map.table.rows:
        cells: list[str] = []
        for j, key in enumerate(keys):
            raw = "" if j == obj_col else row.cells.get(key, "")
            if j == budget and raw.strip() in _NO_AMOUNT:
                raw = raw.strip()
            amount = parse_amount(raw) if j == budget and raw not in _NO_AMOUNT else None
            if amount is not None:
                total += amount
                raw = format_amount(amount)
            elif j == budget and raw not in _NO_AMOUNT:
                unreadable += 1
            cells.append(digits(raw, thai_digits))
        if previous is None or row.objective != previous:
            groups.append((digits(_objective_text(route_map, row), thai_digits), []))
        groups[-1][1].append(cells)
        previous = row.objective
    if budget is not None and not any(c[budget] for _, rows in groups for c in rows):
        budget = None
    rows_total: list[tuple[int, int, str, str]] = []
    if budget is not None:
        label = "รวมงบประมาณทั้งสิ้น" if not unreadable else "รวมงบประมาณ (เฉพาะรายการที่เป็นตัวเลข)"
        words = f"({baht_text(total)})"
        if budget == len(keys) - 1:
            label, words = f"{label} {words}", ""
        if budget > 0:
            rows_total.append((0, budget - 1, label, "right"))
        rows_total.append((budget, budget, digits(format_amount(total), thai_digits), "right"))
        if words:
            rows_total.append((budget + 1, len(keys) - 1, words, "left"))
    headings = [c.label for c in columns]
    return TableContent(headings, obj_col, groups, aligns, rows_total)


def _objective_text(route_map: RouteMap, row: Row) -> str:
    objective = route_map.objective(row.objective)
    if objective is None:
        return MISSING_OBJECTIVE.format(id=row.objective) if row.objective.strip() else NO_OBJECTIVE
    return f"{objective.code} {objective.text}".strip()
