"""Follow-up through the year (DESIGN.md §7): progress records per table row and reporting period,
Small Success milestones ticked per period, each objective's status derived from its rows, and the
figures of a progress report. Pure Python; the ``progress`` key of the `.srm` file.

- ``periods``: the fiscal year's quarters or the Small Success rounds, their ids and labels;
- ``records``: the file's key read as typed values (``Report``, the statuses, the milestones);
- ``derive``: an objective's status for a period (worst row wins; a missing report is no "on track");
- ``figures``: what a progress report prints.

Edits go through ``srmtool.model.operations.progress`` (planned by ``srmtool.model.edits.progress``).
"""

from __future__ import annotations

from srmtool.model.progress.derive import (
    ObjectiveProgress,
    map_progress,
    objective_progress,
    row_state,
    worst,
)
from srmtool.model.progress.periods import Period, Scheme, parse_period, period_from_id, scheme_periods
from srmtool.model.progress.records import (
    NO_REPORT,
    PROGRESS_KEY,
    STATE_LABELS,
    STATES,
    STATUSES,
    Report,
    State,
    Status,
    current_period,
    fiscal_year,
    has_progress,
    milestone_done,
    periods_of,
    report_of,
    reports_of,
    scheme_of,
    state_label,
)

__all__ = [
    "NO_REPORT",
    "PROGRESS_KEY",
    "STATES",
    "STATE_LABELS",
    "STATUSES",
    "ObjectiveProgress",
    "Period",
    "Report",
    "Scheme",
    "State",
    "Status",
    "current_period",
    "fiscal_year",
    "has_progress",
    "map_progress",
    "milestone_done",
    "objective_progress",
    "parse_period",
    "period_from_id",
    "periods_of",
    "report_of",
    "reports_of",
    "row_state",
    "scheme_of",
    "scheme_periods",
    "state_label",
    "worst",
]
