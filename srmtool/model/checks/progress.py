"""Checks of the follow-up records (``srmtool.model.progress``): reports missing for periods that
have ended, more spent than budgeted, late rows without a word of explanation.

They say something only once follow-up has started (the map holds a report or a ticked
milestone): a map that is never followed up is not told every quarter that it is not. A row is
named by its number in the table and its objective; its id and its objective's come first in
``ids``, so selecting the finding selects them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from srmtool.model.checks.text import Raw, Refs, short
from srmtool.model.numbers import format_amount
from srmtool.model.progress.figures import row_budget, row_title
from srmtool.model.progress.periods import Period, period_from_id
from srmtool.model.progress.records import Report, has_progress, periods_of, reports_of, scheme_of
from srmtool.model.types import RouteMap, Row


def run(route_map: RouteMap, refs: Refs, today: date | None = None) -> Iterator[Raw]:
    if not has_progress(route_map):
        return
    today = today or date.today()
    scheme = scheme_of(route_map)
    due = [
        p
        for p in periods_of(route_map, today)
        if p.is_past(today) and (p.kind == ("Q" if scheme == "quarters" else "M"))
    ]
    for number, row in enumerate(route_map.table.rows, start=1):
        reports = reports_of(route_map, row.id)
        yield from _missing(refs, row, number, reports, due)
        yield from _over_budget(refs, row, number, reports)
        yield from _late_without_note(refs, row, number, reports)


def _row_th(refs: Refs, row: Row, number: int) -> str:
    title = short(row_title(row))
    return f"แถวที่ {number} ({refs.th(row.objective)}{f' «{title}»' if title else ''})"


def _row_en(refs: Refs, row: Row, number: int) -> str:
    title = short(row_title(row))
    return f"Table row {number} ({refs.en(row.objective)}{f' “{title}”' if title else ''})"


def _missing(
    refs: Refs, row: Row, number: int, reports: dict[str, Report], due: list[Period]
) -> Iterator[Raw]:
    missing = [p for p in due if reports.get(p.id) is None or reports[p.id].status is None]
    if not missing:
        return
    th = ", ".join(p.label("th") for p in missing)
    en = ", ".join(p.label("en") for p in missing)
    yield (
        "progress-missing",
        (row.id, row.objective),
        f"{_row_th(refs, row, number)} ยังไม่มีรายงานผลการดำเนินงานของ {th} ซึ่งสิ้นสุดแล้ว",
        f"{_row_en(refs, row, number)} has no progress report for {en}, which has ended",
    )


def _over_budget(refs: Refs, row: Row, number: int, reports: dict[str, Report]) -> Iterator[Raw]:
    budget = row_budget(row)
    spent = [(pid, r.spent) for pid, r in reports.items() if r.spent is not None]
    if budget is None or not spent:
        return
    period_id, amount = spent[-1]  # the latest: spent is counted from the start of the year
    if amount <= budget:
        return
    period = period_from_id(period_id)
    when_th = period.label("th") if period else period_id
    when_en = period.label("en") if period else period_id
    yield (
        "over-budget",
        (row.id, row.objective),
        f"{_row_th(refs, row, number)} ใช้งบประมาณไปแล้ว {format_amount(amount)} บาท ({when_th})"
        f" เกินงบประมาณที่ตั้งไว้ {format_amount(budget)} บาท",
        f"{_row_en(refs, row, number)} has spent {format_amount(amount)} baht ({when_en}),"
        f" more than its budget of {format_amount(budget)} baht",
    )


def _late_without_note(refs: Refs, row: Row, number: int, reports: dict[str, Report]) -> Iterator[Raw]:
    late = [pid for pid, r in reports.items() if r.status == "late" and not r.note.strip()]
    if not late:
        return
    periods = [period_from_id(pid) for pid in late]
    th = ", ".join(p.label("th") if p else pid for p, pid in zip(periods, late, strict=True))
    en = ", ".join(p.label("en") if p else pid for p, pid in zip(periods, late, strict=True))
    yield (
        "late-without-note",
        (row.id, row.objective),
        f"{_row_th(refs, row, number)} รายงานว่าล่าช้า ({th}) แต่ยังไม่ได้บันทึกเหตุผลหรือแนวทางแก้ไข",
        f"{_row_en(refs, row, number)} is reported late ({en}) without a note saying why or what is done",
    )
