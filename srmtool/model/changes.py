"""Typed change records: what one operation changed, as small, plain, frozen values.

Every operation's ``apply`` returns, with its inverse, a tuple of these records in the order the
changes happened (``srmtool.model.operations``). A record names what changed (ids, field names,
cell keys) and where in its list (positions); the values themselves are read from the map. The
contract that makes this enough: a record is handed on right after its operation applied, when the
map is in exactly the state the records of that operation describe (``apply_all`` calls its
listener after every single operation, batches included). The editor's Document turns each record
into one signal; a mirror of the map (a shared document on other laptops) updates itself from a
record plus the map at that moment.

Positions are those of the moment of that record: replaying the records of one operation in order
on a copy of the lists before it reproduces the lists after it.

Field names are the keys of the objective's (or stakeholder's) entry in the `.srm` file, additive
keys included (``votes`` …). Map fields are ``destination``, ``meta.<key>``, ``label.<perspective
id>``, ``table.<additive key>`` (``table.style``), ``plan.<key>`` (one key of the plan object:
the plan itself appears with its first key and goes with its last), or the name of an additive
top-level key (``plan``, ``signers`` …).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias


@dataclass(frozen=True)
class ObjectiveAdded:
    objective_id: str
    index: int  # its position in ``objectives``


@dataclass(frozen=True)
class ObjectiveRemoved:
    objective_id: str
    index: int  # the position it had in ``objectives``


@dataclass(frozen=True)
class ObjectiveChanged:
    objective_id: str
    fields: tuple[str, ...]  # e.g. ("x", "y"), ("perspective", "x", "y"), ("votes",)


@dataclass(frozen=True)
class LinkAdded:
    source: str
    target: str
    index: int  # its position in ``links``


@dataclass(frozen=True)
class LinkRemoved:
    source: str
    target: str
    index: int


@dataclass(frozen=True)
class RowAdded:
    row_id: str
    index: int  # its position in ``table.rows``


@dataclass(frozen=True)
class RowRemoved:
    row_id: str
    index: int


@dataclass(frozen=True)
class RowChanged:
    """Cells of a row changed (set, cleared, removed with their column, put back). The key
    ``OBJECTIVE_COLUMN`` (``"objective"``, never a cell) means the row's objective changed."""

    row_id: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class RowMoved:
    row_id: str
    index: int  # its new position in ``table.rows``


@dataclass(frozen=True)
class ColumnsChanged:
    """The column set changed: which columns, their order, labels or widths (read ``table.columns``).
    Cells that came or went with a column are reported as ``RowChanged`` as well."""


@dataclass(frozen=True)
class StakeholderAdded:
    stakeholder_id: str
    index: int  # its position in ``stakeholders``


@dataclass(frozen=True)
class StakeholderRemoved:
    stakeholder_id: str
    index: int


@dataclass(frozen=True)
class StakeholderChanged:
    stakeholder_id: str
    fields: tuple[str, ...]  # of name, kind, role


@dataclass(frozen=True)
class MapFieldChanged:
    name: str  # "destination", "meta.title", "label.people", "plan.project", "table.style", "signers" …


@dataclass(frozen=True)
class ProgressChanged:
    """One entry of the follow-up records (the file's ``progress`` key) changed: ``part`` "rows"
    (row ``item_id``'s report for period ``period``), "milestones" (milestone ``item_id`` ticked or
    not for ``period``), or a setting of the key ("periods", "fiscal_year"; no id, no period).
    The value is read as ``progress[part][item_id][period]`` (absent: removed) or
    ``progress[part]``."""

    part: str
    item_id: str = ""
    period: str = ""


Change: TypeAlias = (
    ObjectiveAdded
    | ObjectiveRemoved
    | ObjectiveChanged
    | LinkAdded
    | LinkRemoved
    | RowAdded
    | RowRemoved
    | RowChanged
    | RowMoved
    | ColumnsChanged
    | StakeholderAdded
    | StakeholderRemoved
    | StakeholderChanged
    | MapFieldChanged
    | ProgressChanged
)

#: The objective fields that decide where its box is drawn (``model.layout``).
PLACEMENT_FIELDS = frozenset({"x", "y", "perspective"})


def moves_boxes(changes: tuple[Change, ...]) -> bool:
    """Whether these changes can change the map's geometry (``compute_layout``)."""
    return any(
        isinstance(c, ObjectiveAdded | ObjectiveRemoved)
        or (isinstance(c, ObjectiveChanged) and not PLACEMENT_FIELDS.isdisjoint(c.fields))
        for c in changes
    )
