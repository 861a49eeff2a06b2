"""The ``progress`` key of the `.srm` file (``srmtool.model.progress``): its checks and its order.

``check_progress(value)`` runs when a file loads and before a map is saved (through
``srmtool.model.srmfile.additive``), and when an operation stores a report, so that a value the
file could not hold is refused before it enters the map. Each fault is a :class:`FileProblem`
naming its place (``progress.rows.r3.2568-Q2.status``) in Thai and English. Keys this release does
not know, inside the object and inside a report, may hold any plain JSON and are kept.

``canonical_progress(value)`` gives the value in the file's order: known keys first, in
``PROGRESS_KEYS`` / ``REPORT_KEYS`` order, then unknown keys by name; rows and milestones by id
(numbers inside ids in numeric order: r2 before r10), periods in time order; and without the rows,
milestones or periods left empty, so that a report removed again saves as it was before (None when
nothing is left: the key is then not written).
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from typing import Any, Final

from srmtool.model.limits import (
    MAX_AMOUNT,
    MAX_ID_CHARS,
    MAX_PERIODS,
    MAX_PLAN_ITEMS,
    MAX_ROWS,
    MAX_TEXT_CHARS,
)
from srmtool.model.progress.periods import MAX_YEAR, MIN_YEAR, PERIOD_ID, SCHEMES, period_sort_key
from srmtool.model.progress.records import (
    MILESTONES_KEY,
    PROGRESS_KEY,
    PROGRESS_KEYS,
    REPORT_KEYS,
    ROWS_KEY,
    SCHEME_KEY,
    STATUSES,
    YEAR_KEY,
)
from srmtool.model.srmfile.problem import FileProblem

PROGRESS_FIELD: Final = PROGRESS_KEY
_TEXT_KEYS: Final = ("result", "note", "by")


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)[:80]


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FileProblem(where, "must be an object (a JSON object)", "ต้องเป็นอ็อบเจกต์ JSON")
    return value


def _count(items: dict[str, Any], where: str, limit: int, name_en: str, name_th: str) -> None:
    if len(items) > limit:
        raise FileProblem(
            where,
            f"too many {name_en} ({len(items):,}; the limit is {limit:,})",
            f"มี{name_th}มากเกินไป ({len(items):,} รายการ เกินขีดจำกัด {limit:,})",
        )


def _id(value: str, where: str, kind_en: str, kind_th: str) -> None:
    if not 1 <= len(value) <= MAX_ID_CHARS:
        raise FileProblem(
            where,
            f"the {kind_en} must be 1 to {MAX_ID_CHARS} characters long",
            f"{kind_th}ต้องยาว 1 ถึง {MAX_ID_CHARS} ตัวอักษร",
        )


def check_period_id(value: str, where: str) -> None:
    if not PERIOD_ID.match(value):
        raise FileProblem(
            where,
            f'{_shown(value)} is not a reporting period (such as "2568-Q1" or "2568-M6")',
            f'{_shown(value)} ไม่ใช่รอบการรายงาน (เช่น "2568-Q1" หรือ "2568-M6")',
        )


def _text(value: Any, where: str) -> None:
    if not isinstance(value, str):
        raise FileProblem(where, "must be text (a JSON string)", "ต้องเป็นข้อความ (สตริง JSON)")
    if len(value) > MAX_TEXT_CHARS:
        raise FileProblem(
            where,
            f"the text is too long ({len(value):,} characters; the limit is {MAX_TEXT_CHARS:,})",
            f"ข้อความยาวเกินไป ({len(value):,} ตัวอักษร เกินขีดจำกัด {MAX_TEXT_CHARS:,} ตัวอักษร)",
        )


def _number(value: Any, where: str, low: float) -> None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or not low <= value <= MAX_AMOUNT:
        raise FileProblem(
            where,
            f"must be a number from {low:,.0f} to {MAX_AMOUNT:,}, not {_shown(value)}",
            f"ต้องเป็นตัวเลขตั้งแต่ {low:,.0f} ถึง {MAX_AMOUNT:,} ไม่ใช่ {_shown(value)}",
        )


def check_report(value: Any, where: str) -> None:
    """One row's report for one period."""
    report = _object(value, where)
    if "status" in report and report["status"] not in STATUSES:
        raise FileProblem(
            f"{where}.status",
            f"the status must be one of {', '.join(STATUSES)}, not {_shown(report['status'])}",
            f"สถานะต้องเป็นหนึ่งใน {', '.join(STATUSES)} ไม่ใช่ {_shown(report['status'])}",
        )
    for key in _TEXT_KEYS:
        if key in report:
            _text(report[key], f"{where}.{key}")
    if "value" in report:
        _number(report["value"], f"{where}.value", -MAX_AMOUNT)
    if "spent" in report:
        _number(report["spent"], f"{where}.spent", 0)
    if "at" in report:
        at = report["at"]
        try:
            ok = isinstance(at, str) and len(at) == 10 and bool(date.fromisoformat(at))
        except ValueError:
            ok = False
        if not ok:
            raise FileProblem(
                f"{where}.at",
                f"the date must be written YYYY-MM-DD, not {_shown(at)}",
                f"วันที่ต้องเขียนในรูป ปปปป-ดด-วว (ค.ศ.) ไม่ใช่ {_shown(at)}",
            )


def _periods(value: Any, where: str) -> dict[str, Any]:
    periods = _object(value, where)
    _count(periods, where, MAX_PERIODS, "reporting periods", "รอบการรายงาน")
    for period_id in periods:
        check_period_id(period_id, f"{where}.{period_id}")
    return periods


def check_progress(value: Any, where: str = PROGRESS_FIELD) -> None:
    """The whole ``progress`` object."""
    progress = _object(value, where)
    if SCHEME_KEY in progress and progress[SCHEME_KEY] not in SCHEMES:
        raise FileProblem(
            f"{where}.{SCHEME_KEY}",
            f'the reporting periods must be "quarters" or "months", not {_shown(progress[SCHEME_KEY])}',
            f'รอบการรายงานต้องเป็น "quarters" (รายไตรมาส) หรือ "months" (รอบ 3 6 9 12 เดือน)'
            f" ไม่ใช่ {_shown(progress[SCHEME_KEY])}",
        )
    if YEAR_KEY in progress:
        year = progress[YEAR_KEY]
        if type(year) is not int or not MIN_YEAR <= year <= MAX_YEAR:
            raise FileProblem(
                f"{where}.{YEAR_KEY}",
                f"the fiscal year must be a Buddhist Era year from {MIN_YEAR} to {MAX_YEAR},"
                f" not {_shown(year)}",
                f"ปีงบประมาณต้องเป็นปี พ.ศ. ตั้งแต่ {MIN_YEAR} ถึง {MAX_YEAR} ไม่ใช่ {_shown(year)}",
            )
    place = f"{where}.{ROWS_KEY}"
    rows = _object(progress.get(ROWS_KEY, {}), place)
    _count(rows, place, MAX_ROWS, "rows", "แถว")
    for row_id, periods in rows.items():
        _id(row_id, f"{place}.{row_id}", "row id", "รหัสแถว")
        for period_id, report in _periods(periods, f"{place}.{row_id}").items():
            check_report(report, f"{place}.{row_id}.{period_id}")
    place = f"{where}.{MILESTONES_KEY}"
    milestones = _object(progress.get(MILESTONES_KEY, {}), place)
    _count(milestones, place, MAX_PLAN_ITEMS, "milestones", "ขั้นความสำเร็จ")
    for milestone_id, periods in milestones.items():
        _id(milestone_id, f"{place}.{milestone_id}", "milestone id", "รหัสขั้นความสำเร็จ")
        for period_id, done in _periods(periods, f"{place}.{milestone_id}").items():
            if not isinstance(done, bool):
                raise FileProblem(
                    f"{place}.{milestone_id}.{period_id}",
                    f"must be true (done) or false (not done), not {_shown(done)}",
                    f"ต้องเป็น true (ทำแล้ว) หรือ false (ยังไม่ทำ) ไม่ใช่ {_shown(done)}",
                )


# -- the file's order -----------------------------------------------------------------------------

_DIGITS: Final = re.compile(r"(\d+)")


def id_sort_key(value: str) -> tuple[tuple[int, int | str], ...]:
    """Ids in a natural order: "r2" before "r10"."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(value) if part)


def _ordered(value: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    out = {k: value[k] for k in known if k in value}
    out.update((k, value[k]) for k in sorted(value) if k not in out)
    return out


def _by_period(value: Any, report: bool) -> Any:
    if not isinstance(value, dict):
        return value
    out = {}
    for period_id in sorted(value, key=period_sort_key):
        item = value[period_id]
        out[period_id] = _ordered(item, REPORT_KEYS) if report and isinstance(item, dict) else item
    return out


def _by_id(value: Any, report: bool) -> Any:
    if not isinstance(value, dict):
        return value
    return {k: _by_period(value[k], report) for k in sorted(value, key=id_sort_key) if value[k] != {}}


def canonical_progress(value: Any) -> Any:
    """The value as the file writes it (see the module's text); None when it holds nothing."""
    if not isinstance(value, dict):
        return value
    out = _ordered(value, PROGRESS_KEYS)
    for key, report in ((ROWS_KEY, True), (MILESTONES_KEY, False)):
        if key in out:
            out[key] = _by_id(out[key], report)
            if out[key] == {}:
                del out[key]
    return out or None
