"""What the gestures on the table mean: new rows, moved rows, a changed column set."""

from __future__ import annotations

from collections.abc import Sequence

from srmtool.model.operations import AddRow, MoveRow, Operation, RemoveColumn, RemoveRow, ReplaceColumns
from srmtool.model.types import PERSPECTIVE_IDS, Column, RouteMap, Row


def reorder_operations(current: Sequence[str], wanted: Sequence[str]) -> list[Operation]:
    """``MoveRow`` operations that turn the row order ``current`` into ``wanted`` (same ids), in the
    order they must apply; empty when nothing moves."""
    order = list(current)
    operations: list[Operation] = []
    for position, row_id in enumerate(wanted):
        if order[position] != row_id:
            order.remove(row_id)
            order.insert(position, row_id)
            operations.append(MoveRow(row_id, position))
    return operations


def move_rows_operations(order: Sequence[str], row_ids: Sequence[str], before: int) -> list[Operation]:
    """Move rows (kept in table order) to stand before position ``before`` of ``order`` (its length:
    the end). Dropped onto one of themselves, they go just after their block. Empty when nothing
    moves."""
    chosen = set(row_ids)
    moving = [r for r in order if r in chosen]
    if not moving:
        return []
    anchor = order[before] if 0 <= before < len(order) else None
    rest = [r for r in order if r not in chosen]
    while anchor is not None and anchor in chosen:
        after = order.index(anchor) + 1
        anchor = order[after] if after < len(order) else None
    at = rest.index(anchor) if anchor is not None else len(rest)
    return reorder_operations(order, rest[:at] + moving + rest[at:])


def insert_position(route_map: RouteMap, objective_id: str) -> int:
    """Where a new row of ``objective_id`` goes: after that objective's last row; when it has none,
    before the first row whose objective comes later in map order (level top to bottom, then the
    order of the map's objective list, which is the order of their codes), else at the end. So the
    table stays grouped and follows the map."""
    rows = route_map.table.rows
    last = max((i for i, r in enumerate(rows) if r.objective == objective_id), default=-1)
    if last >= 0:
        return last + 1
    rank = _map_rank(route_map)
    mine = rank.get(objective_id, (len(PERSPECTIVE_IDS), 0))
    for i, row in enumerate(rows):
        if rank.get(row.objective, (len(PERSPECTIVE_IDS), 0)) > mine:
            return i
    return len(rows)


def _map_rank(route_map: RouteMap) -> dict[str, tuple[int, int]]:
    levels = {p: i for i, p in enumerate(PERSPECTIVE_IDS)}
    return {o.id: (levels.get(o.perspective, 0), n) for n, o in enumerate(route_map.objectives)}


def new_row(route_map: RouteMap, objective_id: str) -> tuple[AddRow, str]:
    """An empty row for ``objective_id`` in its place (``insert_position``), and its id."""
    row = Row(id=route_map.new_id("r"), objective=objective_id, cells={})
    return AddRow(row, insert_position(route_map, objective_id)), row.id


def remove_rows_operations(row_ids: Sequence[str]) -> list[Operation]:
    """Remove these rows, last first (so that undo puts them back first to last)."""
    return [RemoveRow(r) for r in reversed(row_ids)]


def new_column_key(route_map: RouteMap, taken: set[str]) -> str:
    """A column key used by no column and by no row's cells (old text must not reappear)."""
    used = set(taken) | {c.key for c in route_map.table.columns}
    for row in route_map.table.rows:
        used.update(row.cells)
    n = 1
    while f"column_{n}" in used:
        n += 1
    return f"column_{n}"


def filled_cells(route_map: RouteMap, key: str) -> int:
    """How many rows hold text in column ``key``."""
    return sum(1 for r in route_map.table.rows if r.cells.get(key, "").strip())


def column_operations(route_map: RouteMap, columns: Sequence[Column]) -> list[Operation]:
    """Operations turning the map's column set into ``columns`` (empty when they are the same):
    removed columns go through ``RemoveColumn`` so that their text is kept in the undo step (undo
    brings the column and its text back); the rest is one ``ReplaceColumns``."""
    current = route_map.table.columns
    if [c.model_dump() for c in current] == [c.model_dump() for c in columns]:
        return []
    keys = {c.key for c in columns}
    operations: list[Operation] = [RemoveColumn(c.key) for c in current if c.key not in keys]
    operations.append(ReplaceColumns(tuple(c.model_copy() for c in columns)))
    return operations
