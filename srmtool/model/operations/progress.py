"""Edits of the follow-up records (the file's ``progress`` key, ``srmtool.model.progress``).

Each sets one entry keyed by ids — a row's report for a period, a milestone's tick for a period,
or a setting — and records ``ProgressChanged`` naming it. Values are checked as a file's are
(``srmtool.model.srmfile.progress_file``). The progress object and its parts come with their
first entry and go with their last, so undo gives back the exact bytes of the file.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from srmtool.model.changes import ProgressChanged
from srmtool.model.limits import MAX_ID_CHARS
from srmtool.model.operations.base import Applied, OperationError, check_plain
from srmtool.model.plan import plan_of
from srmtool.model.progress.records import MILESTONES_KEY, PROGRESS_KEY, ROWS_KEY, SCHEME_KEY, YEAR_KEY
from srmtool.model.srmfile.problem import FileProblem
from srmtool.model.srmfile.progress_file import check_period_id, check_progress, check_report
from srmtool.model.types import RouteMap


def _refuse(problem: FileProblem) -> OperationError:
    return OperationError(f"{problem.where}: {problem.message_en}")


def _progress(route_map: RouteMap) -> dict[str, Any]:
    extra = route_map.__pydantic_extra__
    if extra is None:
        extra = route_map.__pydantic_extra__ = {}
    value = extra.get(PROGRESS_KEY, {})
    if not isinstance(value, dict):
        raise OperationError("the map's progress records are not an object")
    return value


def _store(route_map: RouteMap, progress: dict[str, Any]) -> None:
    extra = route_map.__pydantic_extra__
    assert extra is not None
    if progress:
        extra[PROGRESS_KEY] = progress
    else:
        extra.pop(PROGRESS_KEY, None)


def _set_entry(route_map: RouteMap, part: str, item_id: str, period: str, value: object) -> object:
    """Put ``value`` (None: remove) at ``progress[part][item_id][period]``, pruning what is left
    empty; the old value (None when there was none)."""
    if not isinstance(item_id, str) or not 1 <= len(item_id) <= MAX_ID_CHARS:
        raise OperationError(f"{item_id!r} is not an id")
    try:
        check_period_id(period, f"{PROGRESS_KEY}.{part}.{item_id}")
    except (FileProblem, TypeError):
        raise OperationError(f"{period!r} is not a reporting period") from None
    progress = _progress(route_map)
    items = progress.get(part, {})
    periods = items.get(item_id, {}) if isinstance(items, dict) else None
    if not isinstance(items, dict) or not isinstance(periods, dict):
        raise OperationError(f"the progress records of {item_id!r} are not an object")
    old = periods.get(period)
    if value is None:
        periods.pop(period, None)
    else:
        periods[period] = copy.deepcopy(value)
    if periods:
        items[item_id] = periods
    else:
        items.pop(item_id, None)
    if items:
        progress[part] = items
    else:
        progress.pop(part, None)
    _store(route_map, progress)
    return old


@dataclass(frozen=True)
class SetReport:
    """Row ``row_id``'s report for period ``period`` (``"2568-Q1"``): a report object
    (``srmtool.model.progress.records``), or None to remove it. A report is only set for a row the
    table has; removing works for any id (a row already gone)."""

    row_id: str
    period: str
    report: dict[str, Any] | None

    def apply(self, route_map: RouteMap) -> Applied:
        if self.report is not None:
            try:
                check_plain(self.report)
                check_report(self.report, f"{PROGRESS_KEY}.{ROWS_KEY}.{self.row_id}.{self.period}")
            except FileProblem as problem:
                raise _refuse(problem) from None
            if route_map.row(self.row_id) is None:
                raise OperationError(f"no row {self.row_id!r}")
        old = _set_entry(route_map, ROWS_KEY, self.row_id, self.period, self.report)
        inverse = SetReport(self.row_id, self.period, old if isinstance(old, dict) else None)
        changed = old != self.report
        return Applied(inverse, (ProgressChanged(ROWS_KEY, self.row_id, self.period),) if changed else ())


@dataclass(frozen=True)
class SetMilestoneDone:
    """Small Success milestone ``milestone_id`` done (True) or not done (False) in ``period``, or
    None to say nothing for that period. Ticked only for a milestone the plan has."""

    milestone_id: str
    period: str
    done: bool | None

    def apply(self, route_map: RouteMap) -> Applied:
        if self.done is not None:
            if not isinstance(self.done, bool):
                raise OperationError("a milestone is done (True) or not done (False)")
            if all(m.id != self.milestone_id for m in plan_of(route_map).milestones):
                raise OperationError(f"no milestone {self.milestone_id!r}")
        old = _set_entry(route_map, MILESTONES_KEY, self.milestone_id, self.period, self.done)
        inverse = SetMilestoneDone(self.milestone_id, self.period, old if isinstance(old, bool) else None)
        changes = (
            (ProgressChanged(MILESTONES_KEY, self.milestone_id, self.period),) if old != self.done else ()
        )
        return Applied(inverse, changes)


@dataclass(frozen=True)
class SetProgressSetting:
    """A setting of the follow-up: ``periods`` ("quarters" or "months") or ``fiscal_year`` (a
    Buddhist Era year); None removes it (the default applies)."""

    name: str
    value: str | int | None

    def apply(self, route_map: RouteMap) -> Applied:
        if self.name not in (SCHEME_KEY, YEAR_KEY):
            raise OperationError(f"{self.name!r} is not a follow-up setting")
        progress = _progress(route_map)
        if self.value is not None:
            try:
                check_progress({self.name: self.value})
            except FileProblem as problem:
                raise _refuse(problem) from None
        old = progress.get(self.name)
        if self.value is None:
            progress.pop(self.name, None)
        else:
            progress[self.name] = self.value
        _store(route_map, progress)
        inverse = SetProgressSetting(self.name, old if isinstance(old, str | int) else None)
        return Applied(inverse, (ProgressChanged(self.name),) if old != self.value else ())
