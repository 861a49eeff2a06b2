"""An objective's status for a period, derived from its table rows' reports.

The rule (the README's "Follow-up" section says the same):

- a row's state is its report's status for the period, or ``no_report`` when it has none (or
  one without a status) — never "on track";
- cancelled rows are left out; an objective whose rows are all cancelled is ``cancelled``;
- of the rest, the worst state wins, in this order from worst: late, at risk, no report,
  not started, on track, done. A missing report is worse than "not started" and than "on track":
  the map never looks better than what was reported;
- an objective without rows has no status (its box is not coloured);
- the badge counts done / total: the rows done, of those not cancelled.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Final

from srmtool.model.progress.records import NO_REPORT, State, report_of
from srmtool.model.types import RouteMap, Row

#: Worst first: the first state an objective's rows have is the objective's.
WORST_FIRST: Final[tuple[State, ...]] = ("late", "at_risk", NO_REPORT, "not_started", "on_track", "done")


def row_state(route_map: RouteMap, row_id: str, period_id: str) -> State:
    report = report_of(route_map, row_id, period_id)
    return report.state if report is not None else NO_REPORT


@dataclass(frozen=True)
class ObjectiveProgress:
    """What the map shows for one objective and period: ``state`` (None: it has no rows),
    ``done`` of ``total`` rows (cancelled rows not counted), and how many rows are in each state."""

    state: State | None
    done: int
    total: int
    counts: tuple[tuple[State, int], ...]

    @property
    def badge(self) -> str:
        return f"{self.done}/{self.total}"


def worst(states: list[State]) -> State | None:
    """The objective state of its rows' states (the rule above); None for no rows."""
    if not states:
        return None
    counted = [s for s in states if s != "cancelled"]
    if not counted:
        return "cancelled"
    return next(s for s in WORST_FIRST if s in counted)


def objective_progress(route_map: RouteMap, objective_id: str, period_id: str) -> ObjectiveProgress:
    return progress_of_rows(route_map, route_map.rows_of(objective_id), period_id)


def progress_of_rows(route_map: RouteMap, rows: list[Row], period_id: str) -> ObjectiveProgress:
    states = [row_state(route_map, r.id, period_id) for r in rows]
    counts = Counter(states)
    total = len(states) - counts["cancelled"]
    ordered = tuple((s, counts[s]) for s in (*WORST_FIRST, "cancelled") if counts[s])
    return ObjectiveProgress(worst(states), counts["done"], total, ordered)


def map_progress(route_map: RouteMap, period_id: str) -> dict[str, ObjectiveProgress]:
    """Every objective's progress for the period, by objective id (objectives without rows too)."""
    rows: dict[str, list[Row]] = {o.id: [] for o in route_map.objectives}
    for row in route_map.table.rows:
        if row.objective in rows:
            rows[row.objective].append(row)
    return {oid: progress_of_rows(route_map, found, period_id) for oid, found in rows.items()}
