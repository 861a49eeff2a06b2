"""The budget column read as the printers read it (``srmtool.model.numbers.budget_cell``): a line
that holds a number but no amount srmtool can read is left out of the printed total, so it is
reported, with the row and the line."""

from __future__ import annotations

from collections.abc import Iterator

from srmtool.model.checks.text import Raw, Refs
from srmtool.model.numbers import budget_cell
from srmtool.model.types import BUDGET_COLUMN, RouteMap

_SHOWN = 60


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"


def run(route_map: RouteMap, refs: Refs) -> Iterator[Raw]:
    if route_map.column(BUDGET_COLUMN) is None:
        return
    for number, row in enumerate(route_map.table.rows, 1):
        text = row.cells.get(BUDGET_COLUMN, "")
        if not text or not any(ch.isdigit() for ch in text):
            continue
        for line in budget_cell(text).unread:
            shown = _short(line)
            yield (
                "budget-unread",
                (row.id,),
                f"แถวที่ {number} ของตาราง ({refs.th(row.objective)}): ช่องงบประมาณมีตัวเลขที่อ่านเป็นจำนวนเงินไม่ได้"
                f" «{shown}» จึงไม่นับรวมในยอดรวม ควรเขียนจำนวนเงินไว้ท้ายบรรทัด เช่น «… = 2,500 บาท»"
                " หรือย้ายรายละเอียดไปช่องรายละเอียด",
                f"Table row {number} ({refs.en(row.objective)}): the budget cell holds a number that is"
                f" not read as an amount, “{shown}”, so it is left out of the total; end the line with"
                " its amount (“… = 2,500 บาท”) or move the detail to the details column",
            )
