"""The figures of a progress report for one period: per objective its rows with their state,
result against target and spent against budget; totals; counts by state; budget used per source;
the Small Success milestones. Pure: the PDF, the Excel report and the editor print these.

- A row's budget is what its budget cell comes to (``row_budget``); its spent is its report's
  ``spent`` for the period (the amount spent so far, from the start of the fiscal year).
- Percentages are spent / budget × 100, rounded to one decimal; None where the budget is zero or
  unknown. Totals add up the rows that have the amount (a budget the cell does not state as a
  number adds nothing, and the report says how many such rows there are).
- Budget sources are the rows' ``budget_source`` cells as written (spacing aside); rows without
  one are grouped under ``NO_SOURCE``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from srmtool.model import numbers
from srmtool.model.plan import plan_of
from srmtool.model.progress.derive import ObjectiveProgress, progress_of_rows
from srmtool.model.progress.periods import Period
from srmtool.model.progress.records import STATES, Report, State, milestone_done, report_of
from srmtool.model.types import BUDGET_COLUMN, OBJECTIVE_COLUMN, RouteMap, Row

SOURCE_COLUMN: Final = "budget_source"
TARGET_COLUMN: Final = "target"
#: The cells a row is named by, in the order they are looked for.
TITLE_COLUMNS: Final = ("activity", "indicator", "technical_measure", "social_measure")
NO_SOURCE: Final = ("ไม่ระบุแหล่งงบประมาณ", "No budget source given")
_NUMBER: Final = re.compile(
    r"(?<![A-Za-z0-9.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![A-Za-z0-9.,])\d+(?:\.\d+)?(?![\d.A-Za-z])"
)


def row_title(row: Row) -> str:
    """What a row is called in reports and forms: its activity, else its indicator …, else its
    first filled cell."""
    for key in TITLE_COLUMNS:
        text = row.cells.get(key, "").strip()
        if text:
            return text
    return next((v.strip() for k, v in row.cells.items() if k != OBJECTIVE_COLUMN and v.strip()), "")


def row_budget(row: Row) -> Decimal | None:
    """The amount the row's budget cell comes to (every amount of a cell of several lines, as the
    printed total counts it), or None when it states none."""
    return numbers.budget_amount(row.cells.get(BUDGET_COLUMN, ""))


def target_number(text: str) -> Decimal | None:
    """The number a target states ("ร้อยละ 80" → 80, "๑๒,๐๐๐ ครัวเรือน" → 12000), or None when it
    states none or several ("50–80")."""
    found = _NUMBER.findall(numbers.to_arabic_digits(text))
    if len(found) != 1:
        return None
    return Decimal(found[0].replace(",", ""))


def share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """part / whole × 100 to one decimal; None when either is unknown or ``whole`` is zero."""
    if part is None or whole is None or whole <= 0:
        return None
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def row_source(row: Row) -> str:
    return " ".join(row.cells.get(SOURCE_COLUMN, "").split())


@dataclass(frozen=True)
class RowFigures:
    row_id: str
    objective_id: str
    title: str
    indicator: str
    target: str
    target_value: Decimal | None
    state: State
    report: Report | None
    budget: Decimal | None
    budget_text: str
    spent: Decimal | None
    source: str

    @property
    def spent_share(self) -> Decimal | None:
        return share(self.spent, self.budget)


@dataclass(frozen=True)
class ObjectiveFigures:
    objective_id: str
    label: str  # code and text, or a note that the objective does not exist
    progress: ObjectiveProgress
    rows: tuple[RowFigures, ...]

    @property
    def budget(self) -> Decimal:
        return sum((r.budget for r in self.rows if r.budget is not None), Decimal(0))

    @property
    def spent(self) -> Decimal:
        return sum((r.spent for r in self.rows if r.spent is not None), Decimal(0))


@dataclass(frozen=True)
class SourceFigures:
    source: str  # "" for rows without one
    rows: int
    budget: Decimal
    spent: Decimal

    @property
    def spent_share(self) -> Decimal | None:
        return share(self.spent, self.budget)


@dataclass(frozen=True)
class MilestoneFigures:
    milestone_id: str
    months: int
    text: str
    done: bool | None  # None: not reported
    as_of: str | None  # the period id the answer comes from (an earlier one when carried on)
    due: bool  # due by the end of the period


@dataclass(frozen=True)
class ProgressFigures:
    period: Period
    objectives: tuple[ObjectiveFigures, ...]
    sources: tuple[SourceFigures, ...]
    milestones: tuple[MilestoneFigures, ...]

    @property
    def rows(self) -> tuple[RowFigures, ...]:
        return tuple(r for o in self.objectives for r in o.rows)

    @property
    def counts(self) -> dict[State, int]:
        """Rows in each state (every state, zero included), in ``STATES`` order."""
        found = {s: 0 for s in STATES}
        for row in self.rows:
            found[row.state] += 1
        return found

    @property
    def objective_counts(self) -> dict[State, int]:
        found = {s: 0 for s in STATES}
        for o in self.objectives:
            if o.progress.state is not None:
                found[o.progress.state] += 1
        return found

    @property
    def budget(self) -> Decimal:
        return sum((o.budget for o in self.objectives), Decimal(0))

    @property
    def spent(self) -> Decimal:
        return sum((o.spent for o in self.objectives), Decimal(0))

    @property
    def spent_share(self) -> Decimal | None:
        return share(self.spent, self.budget)

    @property
    def unread_budgets(self) -> int:
        """Rows whose budget cell holds text but no amount (left out of the totals)."""
        return sum(1 for r in self.rows if r.budget is None and r.budget_text.strip(" -–—0"))


def _objective_label(route_map: RouteMap, objective_id: str) -> str:
    objective = route_map.objective(objective_id)
    if objective is None:
        return f"(ไม่พบเป้าประสงค์ {objective_id})"
    return f"{objective.code} {objective.text}".strip()


def _row_figures(route_map: RouteMap, row: Row, period_id: str) -> RowFigures:
    report = report_of(route_map, row.id, period_id)
    target = row.cells.get(TARGET_COLUMN, "").strip()
    return RowFigures(
        row_id=row.id,
        objective_id=row.objective,
        title=row_title(row),
        indicator=row.cells.get("indicator", "").strip(),
        target=target,
        target_value=target_number(target),
        state=report.state if report is not None else "no_report",
        report=report,
        budget=row_budget(row),
        budget_text=row.cells.get(BUDGET_COLUMN, "").strip(),
        spent=report.spent if report is not None else None,
        source=row_source(row),
    )


def _groups(route_map: RouteMap) -> Iterable[tuple[str, list[Row]]]:
    """Rows grouped by objective in table order (a group per objective, where it first appears)."""
    groups: dict[str, list[Row]] = {}
    for row in route_map.table.rows:
        groups.setdefault(row.objective, []).append(row)
    return groups.items()


def progress_figures(route_map: RouteMap, period: Period) -> ProgressFigures:
    """Every figure of the report of ``period``."""
    objectives = []
    sources: dict[str, list[RowFigures]] = {}
    for objective_id, rows in _groups(route_map):
        figures = tuple(_row_figures(route_map, r, period.id) for r in rows)
        progress = progress_of_rows(route_map, rows, period.id)
        objectives.append(
            ObjectiveFigures(objective_id, _objective_label(route_map, objective_id), progress, figures)
        )
        for r in figures:
            sources.setdefault(r.source, []).append(r)
    by_source = tuple(
        SourceFigures(
            source,
            len(rows),
            sum((r.budget for r in rows if r.budget is not None), Decimal(0)),
            sum((r.spent for r in rows if r.spent is not None), Decimal(0)),
        )
        for source, rows in sorted(sources.items(), key=lambda item: (item[0] == "", item[0]))
    )
    milestones = tuple(
        MilestoneFigures(
            m.id, m.months, m.text, *milestone_done(route_map, m.id, period), m.months <= period.end_month
        )
        for m in sorted(plan_of(route_map).milestones, key=lambda m: m.months)
    )
    return ProgressFigures(period, tuple(objectives), by_source, milestones)
