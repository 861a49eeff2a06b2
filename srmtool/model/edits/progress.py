"""What the follow-up gestures mean: a status keyed in, a result or an amount typed, a report
cleared, a milestone ticked, the reports of deleted rows forgotten. Each planner reads the map and
returns operations (``srmtool.model.operations.progress``); none changes the map.

Whatever changes a report also stamps it: ``at`` becomes the day of the change and ``by`` the
reporter's name when one is given (else the name already there stays).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Final

from srmtool.model.limits import MAX_AMOUNT, MAX_TEXT_CHARS, clip_text
from srmtool.model.numbers import parse_amount, to_arabic_digits
from srmtool.model.operations import Operation
from srmtool.model.operations.progress import SetMilestoneDone, SetProgressSetting, SetReport
from srmtool.model.progress.records import (
    PROGRESS_KEY,
    ROWS_KEY,
    STATUSES,
    Status,
    milestone_entry,
    number_value,
    raw_report,
)
from srmtool.model.types import RouteMap

#: The report fields typed as text, and those typed as numbers.
TEXT_FIELDS: Final = ("result", "note", "by")
NUMBER_FIELDS: Final = ("value", "spent")


def _stamped(old: dict[str, Any] | None, by: str, today: date | None) -> dict[str, Any]:
    report = dict(old or {})
    report["at"] = (today or date.today()).isoformat()
    if by.strip():
        report["by"] = clip_text(" ".join(by.split()), MAX_TEXT_CHARS)
    return report


def _report_or_none(report: dict[str, Any]) -> dict[str, Any] | None:
    """A report that says nothing but when and by whom is no report."""
    return report if set(report) - {"at", "by"} else None


def status_operations(
    route_map: RouteMap,
    row_ids: Iterable[str],
    period: str,
    status: Status | None,
    by: str = "",
    today: date | None = None,
) -> list[Operation]:
    """Set these rows' status for ``period`` (None: take it away), keeping the rest of each
    report. Rows that have the status already are left alone."""
    if status is not None and status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    operations: list[Operation] = []
    for row_id in dict.fromkeys(row_ids):
        if route_map.row(row_id) is None:
            continue
        old = raw_report(route_map, row_id, period)
        if (old or {}).get("status") == status:
            continue
        report = _stamped(old, by, today)
        if status is None:
            report.pop("status", None)
        else:
            report["status"] = status
        operations.append(SetReport(row_id, period, _report_or_none(report)))
    return operations


def parse_number(text: str) -> Decimal | None:
    """A number typed into a report ("12,500", "๑๒,๕๐๐", "45.5", "-3"); None for an empty text.
    Raises ``ValueError`` for anything else, or a number past ``MAX_AMOUNT``."""
    plain = to_arabic_digits(text).strip()
    if not plain:
        return None
    negative = plain.startswith("-") and len(plain) > 1 and plain[1].isdigit()
    amount = parse_amount(plain[1:] if negative else plain.rstrip("%").strip())
    if amount is None or amount > MAX_AMOUNT:
        raise ValueError(f"not a number: {text!r}")
    return -amount if negative else amount


def field_operations(
    route_map: RouteMap,
    row_id: str,
    period: str,
    field: str,
    text: str,
    by: str = "",
    today: date | None = None,
) -> list[Operation]:
    """Set one field of a row's report for ``period`` from what was typed (an empty text takes
    the field away). Numbers (``value``, ``spent``) are read by ``parse_number`` (raises
    ``ValueError``); ``spent`` is never negative. Empty when nothing changes."""
    if route_map.row(row_id) is None:
        return []
    old = raw_report(route_map, row_id, period)
    value: object
    if field in NUMBER_FIELDS:
        number = parse_number(text)
        if number is not None and field == "spent" and number < 0:
            raise ValueError("an amount spent is never below zero")
        value = number_value(number) if number is not None else None
    elif field in TEXT_FIELDS:
        value = clip_text(text.strip(), MAX_TEXT_CHARS) or None
    else:
        raise ValueError(f"{field!r} is not a report field typed in")
    if (old or {}).get(field) == value:
        return []
    report = _stamped(old, by if field != "by" else "", today)
    if value is None:
        report.pop(field, None)
    else:
        report[field] = value
    return [SetReport(row_id, period, _report_or_none(report))]


def clear_operations(route_map: RouteMap, row_ids: Iterable[str], period: str) -> list[Operation]:
    """Remove these rows' reports for ``period``."""
    return [
        SetReport(r, period, None)
        for r in dict.fromkeys(row_ids)
        if raw_report(route_map, r, period) is not None
    ]


def tick_operations(
    route_map: RouteMap, milestone_id: str, period: str, done: bool | None
) -> list[Operation]:
    """Milestone ``milestone_id`` done / not done / not said for ``period``."""
    return [SetMilestoneDone(milestone_id, period, done)]


def forget_reports(route_map: RouteMap, row_ids: Sequence[str]) -> list[Operation]:
    """Remove every report of these rows, which are being deleted, so that a row made later with a
    freed id starts without them. Put these before the removal of the rows: undo then brings the
    rows back first and their reports after them."""
    extra = route_map.__pydantic_extra__ or {}
    progress = extra.get(PROGRESS_KEY)
    rows = progress.get(ROWS_KEY) if isinstance(progress, dict) else None
    if not isinstance(rows, dict):
        return []
    operations: list[Operation] = []
    for row_id in row_ids:
        periods = rows.get(row_id)
        if isinstance(periods, dict):
            operations += [SetReport(row_id, period, None) for period in list(periods)]
    return operations


def setting_operations(route_map: RouteMap, name: str, value: str | int | None) -> list[Operation]:
    """Set the reporting periods (``periods``) or the fiscal year (``fiscal_year``)."""
    return [SetProgressSetting(name, value)]


@dataclass(frozen=True)
class FieldChange:
    """One field of one report (or a milestone's answer) that collected forms change."""

    item_id: str  # a row id, or a milestone id when ``field`` is "done"
    field: str
    old: object
    new: object


#: The report fields a form may fill, in the file's order.
FORM_FIELDS: Final = ("status", "result", "value", "spent", "note", "by", "at")


def _stored(field: str, value: object) -> object:
    if isinstance(value, Decimal):
        return number_value(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def collected_operations(
    route_map: RouteMap,
    period: str,
    rows: Iterable[tuple[str, Mapping[str, object]]],
    milestones: Mapping[str, bool] | None = None,
    today: date | None = None,
) -> tuple[list[Operation], list[FieldChange]]:
    """What filled forms change for ``period``: each row's fields given (``FORM_FIELDS``; an
    empty value is none given and changes nothing) replace the report's; a report that changes
    without a date of its own given is dated ``today``. Milestones ticked likewise. Returns the
    operations and the changes, in the order given."""
    operations: list[Operation] = []
    changes: list[FieldChange] = []
    for row_id, given in rows:
        if route_map.row(row_id) is None:
            continue
        old = raw_report(route_map, row_id, period) or {}
        report = dict(old)
        mine: list[FieldChange] = []
        for field in FORM_FIELDS:
            value = given.get(field)
            if value is None or value == "":
                continue
            stored = _stored(field, value)
            if old.get(field) != stored:
                mine.append(FieldChange(row_id, field, old.get(field), stored))
                report[field] = stored
        if not mine:
            continue
        if "at" not in {c.field for c in mine} and given.get("at") in (None, ""):
            report["at"] = (today or date.today()).isoformat()
        changes += mine
        operations.append(SetReport(row_id, period, report))
    for milestone_id, done in (milestones or {}).items():
        was = milestone_entry(route_map, milestone_id, period)
        if was != done:
            changes.append(FieldChange(milestone_id, "done", was, done))
            operations.append(SetMilestoneDone(milestone_id, period, done))
    return operations, changes
