"""The follow-up records of a map (the ``progress`` key of the `.srm` file), read as typed values.

The key is additive, written only when it holds something (a map nobody follows up saves as it
always did). All of it is plain data keyed by ids::

    "progress": {
      "periods": "quarters",            // or "months" (the Small Success rounds); absent: quarters
      "fiscal_year": 2568,              // B.E.; absent: guessed (``fiscal_year``)
      "rows": {                         // table row id -> period id -> the row's report
        "r1": {"2568-Q1": {"status": "on_track", "result": "ร้อยละ 45", "value": 45,
                           "spent": 12000, "note": "…", "by": "นางสาวสมใจ", "at": "2025-01-05"}}
      },
      "milestones": {"ms1": {"2568-Q1": true}}   // Small Success milestone id -> period id -> done
    }

A report's keys are all optional: ``status`` (one of ``STATUSES``), ``result`` (the result so far,
as text), ``value`` (the result as a number, where the row's target is one), ``spent`` (baht spent
so far, from the start of the year: cumulative), ``note``, ``by`` (who reported) and ``at`` (the
date of the report, ISO ``YYYY-MM-DD``). A report without a status counts as no report.
``srmtool.model.srmfile.progress_file`` checks and orders the key; change it through the
operations of ``srmtool.model.operations.progress`` (with undo). The readers here never fail: a
value of the wrong shape (a script's hand edit) reads as absent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Final, Literal, TypeAlias

from srmtool.model.progress.periods import (
    DEFAULT_SCHEME,
    MAX_YEAR,
    MIN_YEAR,
    SCHEMES,
    Period,
    Scheme,
    fiscal_year_of,
    period_from_id,
    period_sort_key,
    scheme_periods,
    years_named,
)
from srmtool.model.types import RouteMap

PROGRESS_KEY: Final = "progress"
SCHEME_KEY: Final = "periods"
YEAR_KEY: Final = "fiscal_year"
ROWS_KEY: Final = "rows"
MILESTONES_KEY: Final = "milestones"
#: The progress object's keys in the order the file writes them.
PROGRESS_KEYS: Final = (SCHEME_KEY, YEAR_KEY, ROWS_KEY, MILESTONES_KEY)
#: A report's keys in the order the file writes them.
REPORT_KEYS: Final = ("status", "result", "value", "spent", "note", "by", "at")

Status: TypeAlias = Literal["not_started", "on_track", "at_risk", "late", "done", "cancelled"]
#: The statuses, in the order the editor's keys 1–6 and every list offer them.
STATUSES: Final[tuple[Status, ...]] = ("not_started", "on_track", "at_risk", "late", "done", "cancelled")
#: What a row shows for a period it has no report for (or a report without a status).
NO_REPORT: Final = "no_report"
#: A row's state for one period: its status, or ``NO_REPORT``.
State: TypeAlias = Literal["not_started", "on_track", "at_risk", "late", "done", "cancelled", "no_report"]
STATES: Final[tuple[State, ...]] = (*STATUSES, NO_REPORT)

#: (Thai, English) names of the states.
STATE_LABELS: Final[dict[str, tuple[str, str]]] = {
    "not_started": ("ยังไม่เริ่ม", "Not started"),
    "on_track": ("ตามแผน", "On track"),
    "at_risk": ("มีความเสี่ยง", "At risk"),
    "late": ("ล่าช้า", "Late"),
    "done": ("เสร็จแล้ว", "Done"),
    "cancelled": ("ยกเลิก", "Cancelled"),
    "no_report": ("ยังไม่รายงาน", "No report"),
}


def state_label(state: str, lang: str = "th") -> str:
    th, en = STATE_LABELS.get(state, (state, state))
    return th if lang == "th" else en


@dataclass(frozen=True)
class Report:
    """One row's report for one period; absent fields are None ("" for texts)."""

    status: Status | None = None
    result: str = ""
    value: Decimal | None = None
    spent: Decimal | None = None
    note: str = ""
    by: str = ""
    at: date | None = None

    @property
    def state(self) -> State:
        return self.status if self.status is not None else NO_REPORT


def _raw(route_map: RouteMap) -> Mapping[str, Any]:
    value = (route_map.__pydantic_extra__ or {}).get(PROGRESS_KEY)
    return value if isinstance(value, dict) else {}


def _part(route_map: RouteMap, key: str) -> Mapping[str, Any]:
    value = _raw(route_map).get(key)
    return value if isinstance(value, dict) else {}


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def report_from(raw: Any) -> Report | None:
    """A ``Report`` from its JSON form, or None when it is not an object."""
    if not isinstance(raw, dict):
        return None
    status = raw.get("status")
    return Report(
        status=status if status in STATUSES else None,
        result=_text(raw.get("result")),
        value=_decimal(raw.get("value")),
        spent=_decimal(raw.get("spent")),
        note=_text(raw.get("note")),
        by=_text(raw.get("by")),
        at=_date(raw.get("at")),
    )


def has_progress(route_map: RouteMap) -> bool:
    """Whether follow-up has started: the map holds a report or a ticked milestone."""
    return any(_part(route_map, ROWS_KEY).values()) or any(_part(route_map, MILESTONES_KEY).values())


def raw_report(route_map: RouteMap, row_id: str, period_id: str) -> dict[str, Any] | None:
    """The report as stored (its JSON object, unknown keys included), or None."""
    periods = _part(route_map, ROWS_KEY).get(row_id)
    found = periods.get(period_id) if isinstance(periods, dict) else None
    return found if isinstance(found, dict) else None


def report_of(route_map: RouteMap, row_id: str, period_id: str) -> Report | None:
    """Row ``row_id``'s report for ``period_id``, or None."""
    return report_from(raw_report(route_map, row_id, period_id))


def reports_of(route_map: RouteMap, row_id: str) -> dict[str, Report]:
    """Every report of a row, by period id, in time order."""
    periods = _part(route_map, ROWS_KEY).get(row_id)
    if not isinstance(periods, dict):
        return {}
    out = {pid: r for pid in sorted(periods, key=period_sort_key) if (r := report_from(periods[pid]))}
    return out


def reported_rows(route_map: RouteMap) -> list[str]:
    """The row ids the progress object holds reports for (rows of the table or not)."""
    return [
        rid for rid, periods in _part(route_map, ROWS_KEY).items() if isinstance(periods, dict) and periods
    ]


def milestone_entry(route_map: RouteMap, milestone_id: str, period_id: str) -> bool | None:
    """Whether milestone ``milestone_id`` was ticked done (True) or not done (False) for that very
    period; None when that period says nothing."""
    periods = _part(route_map, MILESTONES_KEY).get(milestone_id)
    found = periods.get(period_id) if isinstance(periods, dict) else None
    return found if isinstance(found, bool) else None


def milestone_done(route_map: RouteMap, milestone_id: str, period: Period) -> tuple[bool | None, str | None]:
    """(done, as of which period id) for ``period``: its own entry, else the latest earlier
    period's of the same fiscal year (a milestone ticked done stays done until a later period says
    otherwise); (None, None) when no period up to this one says anything."""
    periods = _part(route_map, MILESTONES_KEY).get(milestone_id)
    if not isinstance(periods, dict):
        return None, None
    own = periods.get(period.id)
    if isinstance(own, bool):
        return own, period.id
    earlier = [
        (other, done)
        for pid, done in periods.items()
        if isinstance(done, bool)
        and (other := period_from_id(pid)) is not None
        and other.fiscal_year == period.fiscal_year
        and other.end_month < period.end_month
    ]
    if not earlier:
        return None, None
    latest, done = max(earlier, key=lambda item: item[0])
    return done, latest.id


def scheme_of(route_map: RouteMap) -> Scheme:
    value = _raw(route_map).get(SCHEME_KEY)
    return value if value in SCHEMES else DEFAULT_SCHEME


def saved_fiscal_year(route_map: RouteMap) -> int | None:
    value = _raw(route_map).get(YEAR_KEY)
    return value if type(value) is int and MIN_YEAR <= value <= MAX_YEAR else None


def fiscal_year(route_map: RouteMap, today: date | None = None) -> int:
    """The fiscal year the map reports on: its ``progress.fiscal_year``; else, from the years its
    period names ("ปีงบประมาณ 2568–2571"), this year when it is among them, else the first; else
    the fiscal year of ``today``."""
    saved = saved_fiscal_year(route_map)
    if saved is not None:
        return saved
    now = fiscal_year_of(today or date.today())
    named = years_named(route_map.meta.period) or years_named(route_map.meta.title)
    if named and not min(named) <= now <= max(named):
        return named[0]
    return now


def periods_of(route_map: RouteMap, today: date | None = None) -> list[Period]:
    """The periods to report on: the four of the map's fiscal year and scheme, and every other
    period the records name, in time order."""
    found = set(scheme_periods(fiscal_year(route_map, today), scheme_of(route_map)))
    for periods in _part(route_map, ROWS_KEY).values():
        if isinstance(periods, dict):
            found.update(p for pid in periods if (p := period_from_id(pid)) is not None)
    for periods in _part(route_map, MILESTONES_KEY).values():
        if isinstance(periods, dict):
            found.update(p for pid in periods if (p := period_from_id(pid)) is not None)
    return sorted(found)


def current_period(route_map: RouteMap, today: date | None = None) -> Period:
    """The period a team reports on now: the latest of the map's year and scheme that has ended
    by ``today`` (the quarter just closed), else the first."""
    today = today or date.today()
    periods = scheme_periods(fiscal_year(route_map, today), scheme_of(route_map))
    ended = [p for p in periods if p.end < today]
    return ended[-1] if ended else periods[0]


def report_value(
    status: Status | None = None,
    result: str = "",
    value: Decimal | int | float | None = None,
    spent: Decimal | int | float | None = None,
    note: str = "",
    by: str = "",
    at: date | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A report's JSON object with only the fields it has, in the file's order."""
    out: dict[str, Any] = {}
    if status is not None:
        out["status"] = status
    if result:
        out["result"] = result
    if value is not None:
        out["value"] = number_value(value)
    if spent is not None:
        out["spent"] = number_value(spent)
    if note:
        out["note"] = note
    if by:
        out["by"] = by
    if at is not None:
        out["at"] = at.isoformat()
    for key, item in (extra or {}).items():
        if key not in REPORT_KEYS:
            out[key] = item
    return out


def number_value(value: Decimal | int | float) -> int | float:
    """A number as the file stores it: whole numbers as integers, else at most 2 decimals."""
    number = Decimal(str(value)).quantize(Decimal("0.01"))
    whole = number.to_integral_value()
    return int(whole) if number == whole else float(number)
