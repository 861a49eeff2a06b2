"""Small named edits of a route map (DESIGN.md §7: they must map onto a sync engine later).

Every operation is a frozen dataclass with ``apply(route_map) -> Operation``: it changes the map,
leaves it consistent, and returns its inverse, so undo is ``inverse.apply(route_map)``. Applying the
inverse returns the original operation again (redo). An operation that cannot apply raises
``OperationError`` and leaves the map untouched.

``topic`` and ``ids`` say what changed, for views that listen: topic is one of ``objective``,
``link``, ``row``, ``column``, ``stakeholder``, ``map`` (meta, destination, labels) or ``batch``.
"""

from __future__ import annotations

from collections.abc import Sequence

from srmtool.model.operations.base import Operation, OperationError
from srmtool.model.operations.objectives import (
    AddLink,
    AddObjective,
    MoveObjective,
    RemoveLink,
    RemoveObjective,
    SetObjectiveField,
    SetPerspective,
)
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
    Batch,
    RemoveStakeholder,
    SetMapField,
    SetStakeholderField,
)
from srmtool.model.types import RouteMap

__all__ = [
    "AddColumn",
    "AddLink",
    "AddObjective",
    "AddRow",
    "AddStakeholder",
    "Batch",
    "MoveColumn",
    "MoveObjective",
    "MoveRow",
    "Operation",
    "OperationError",
    "RemoveColumn",
    "RemoveLink",
    "RemoveObjective",
    "RemoveRow",
    "RemoveStakeholder",
    "ReplaceColumns",
    "SetCell",
    "SetColumn",
    "SetMapField",
    "SetObjectiveField",
    "SetPerspective",
    "SetRowObjective",
    "SetStakeholderField",
    "apply_all",
]


def apply_all(route_map: RouteMap, operations: Sequence[Operation]) -> Operation:
    """Apply several operations as one; returns one inverse (a ``Batch``)."""
    return Batch(tuple(operations)).apply(route_map)
