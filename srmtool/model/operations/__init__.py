"""Small named edits of a route map (DESIGN.md §2 and §7: they map onto a shared document later).

Every operation is a frozen dataclass with ``apply(route_map) -> Applied``: it changes the map,
leaves it consistent, and returns its inverse with the typed records of what changed
(``srmtool.model.changes``). Undo is ``applied.inverse.apply(route_map)``, which restores the exact
bytes of the map's file; applying the inverse's inverse redoes the change. An operation that
cannot apply raises ``OperationError`` and leaves the map untouched. ``apply_all`` applies several
as one, all or nothing.
"""

from __future__ import annotations

from srmtool.model.operations.base import Applied, Operation, OperationError
from srmtool.model.operations.batch import Batch, apply_all, single_operations
from srmtool.model.operations.mirror import (
    DropObjective,
    DropRow,
    DropStakeholder,
    PutColumns,
    PutObjective,
    PutProgress,
    PutRow,
    PutStakeholder,
    ReplaceLinks,
)
from srmtool.model.operations.objectives import (
    AddLink,
    AddObjective,
    MoveObjective,
    RemoveLink,
    RemoveObjective,
    SetKeyRoute,
    SetObjectiveCode,
    SetObjectiveExtra,
    SetObjectiveNotes,
    SetObjectiveStakeholders,
    SetObjectiveText,
    SetPerspective,
    SetVotes,
)
from srmtool.model.operations.progress import SetMilestoneDone, SetProgressSetting, SetReport
from srmtool.model.operations.table import (
    AddColumn,
    AddRow,
    MoveColumn,
    MoveRow,
    RemoveColumn,
    RemoveRow,
    ReplaceColumns,
    SetCell,
    SetColumn,
    SetRowObjective,
)
from srmtool.model.operations.whole_map import (
    AddStakeholder,
    RemoveStakeholder,
    SetMapField,
    SetStakeholderField,
    StakeholderField,
)

__all__ = [
    "AddColumn",
    "AddLink",
    "AddObjective",
    "AddRow",
    "AddStakeholder",
    "Applied",
    "Batch",
    "DropObjective",
    "DropRow",
    "DropStakeholder",
    "MoveColumn",
    "MoveObjective",
    "MoveRow",
    "Operation",
    "OperationError",
    "PutColumns",
    "PutObjective",
    "PutProgress",
    "PutRow",
    "PutStakeholder",
    "RemoveColumn",
    "RemoveLink",
    "RemoveObjective",
    "RemoveRow",
    "RemoveStakeholder",
    "ReplaceColumns",
    "ReplaceLinks",
    "SetCell",
    "SetColumn",
    "SetKeyRoute",
    "SetMapField",
    "SetMilestoneDone",
    "SetObjectiveCode",
    "SetObjectiveExtra",
    "SetObjectiveNotes",
    "SetObjectiveStakeholders",
    "SetObjectiveText",
    "SetPerspective",
    "SetProgressSetting",
    "SetReport",
    "SetRowObjective",
    "SetStakeholderField",
    "SetVotes",
    "StakeholderField",
    "apply_all",
    "single_operations",
]
