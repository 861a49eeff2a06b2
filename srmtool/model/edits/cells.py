"""What the spreadsheet gestures on the table mean: pasting a block of cells, clearing cells,
copying them, a new row above or below, dragged column widths.

Where a pasted block goes (``paste_cells``): its top-left cell lands on the anchor cell and its
columns go right from there (columns past the table's last are left out). Its rows go down:
first into the rows the selection spans (when it spans several, across objectives: the user
chose them), then into the following rows of the same objective as the last of those, then into
new rows of that objective, placed right after it, so a block never spills over the next
objective's rows and the table stays grouped. A single cell pasted into a selection of several
cells fills each of them. Every pasted cell replaces the cell's text, an empty one included.

The objective column shows the objective (``objective_labels``: code and text, or in a column set
grouped by heading rows, the action plan's, the heading as printed: "มาตรการที่ 1 …"): a pasted
text there renames that objective (as typing into the cell does), except that the text the cell
shows (as Copy writes it) changes nothing and a leading copy of the objective's own code
(``ป1 …``) is dropped; an empty text changes nothing, and when several pasted cells fall on one
objective the first non-empty one counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from srmtool.model.limits import MAX_ROWS, MAX_TEXT_CHARS, clip_text
from srmtool.model.operations import AddRow, Operation, SetCell, SetColumn, SetObjectiveText
from srmtool.model.plan import group_heading, table_style
from srmtool.model.tsv import Grid
from srmtool.model.types import OBJECTIVE_COLUMN, RouteMap, Row

Cell = tuple[str, str]  # (row id, column key)
#: Column widths the table's gestures set, in Excel character widths (Excel's own range).
MIN_WIDTH, MAX_WIDTH = 1, 255


@dataclass(frozen=True)
class CellsPaste:
    """A planned paste: the operations (one undo step) and what the editor says about it."""

    operations: tuple[Operation, ...]
    rows: tuple[str, ...]  # the rows the block went into, in table order, new ones included
    keys: tuple[str, ...]  # the columns it went into
    new_rows: int  # rows added for the block
    changed: int  # cells whose text changes (renamed objectives included)
    left_out_columns: int  # block columns past the table's last column
    left_out_rows: int  # block rows past the map's row limit
    objective: str | None  # the objective the new rows are for


def objective_labels(route_map: RouteMap) -> dict[str, str]:
    """What the objective column shows (and Copy writes) for each objective with rows: code and
    text; in a column set grouped by heading rows, its group's heading as printed, numbered in
    the order the objectives' rows first come."""
    style = table_style(route_map)
    numbers: dict[str, int] = {}
    for row in route_map.table.rows:
        numbers.setdefault(row.objective, len(numbers) + 1)
    labels: dict[str, str] = {}
    for objective in route_map.objectives:
        if objective.id not in numbers:
            continue
        if style.grouping == "heading":
            labels[objective.id] = group_heading(style, numbers[objective.id], objective.text)
        else:
            labels[objective.id] = f"{objective.code} {objective.text}".strip()
    return labels


def _target_rows(
    route_map: RouteMap, anchor: int, selected: Sequence[int], count: int
) -> tuple[list[int], int]:
    """Table positions for ``count`` block rows (see the module), and how many new rows follow them."""
    rows = route_map.table.rows
    chosen = sorted(p for p in set(selected) if p >= anchor)
    targets = chosen if len(chosen) > 1 else [anchor]
    targets = targets[:count]
    last = targets[-1]
    while len(targets) < count and last + 1 < len(rows) and rows[last + 1].objective == rows[last].objective:
        last += 1
        targets.append(last)
    return targets, count - len(targets)


def _new_ids(route_map: RouteMap, count: int) -> list[str]:
    used = {o.id for o in route_map.objectives} | {s.id for s in route_map.stakeholders}
    used.update(r.id for r in route_map.table.rows)
    out: list[str] = []
    n = len(used) + 1
    while len(out) < count:
        if f"r{n}" not in used:
            out.append(f"r{n}")
        n += 1
    return out


def _objective_text(route_map: RouteMap, objective_id: str, value: str, shown: str) -> str | None:
    """The text a pasted objective cell gives its objective (``shown`` is what the cell shows),
    None when it changes nothing."""
    objective = route_map.objective(objective_id)
    value = clip_text(value.strip(), MAX_TEXT_CHARS)
    if objective is None or not value or " ".join(value.split()) == " ".join(shown.split()):
        return None
    if objective.code and value.startswith(objective.code + " "):
        value = value[len(objective.code) + 1 :].strip()
    return value if value and value != objective.text else None


class _Plan:
    """The operations of one paste, as they are collected."""

    def __init__(self, route_map: RouteMap) -> None:
        self.route_map = route_map
        self._labels = objective_labels(route_map)
        self.operations: list[Operation] = []
        self.changed = 0
        self._named: set[str] = set()  # objectives a pasted objective cell has named already

    def name(self, objective_id: str, value: str) -> None:
        """A pasted objective cell: the first non-empty one per objective renames it."""
        if objective_id in self._named or not value.strip():
            return
        self._named.add(objective_id)
        text = _objective_text(self.route_map, objective_id, value, self._labels.get(objective_id, ""))
        if text is not None:
            self.operations.append(SetObjectiveText(objective_id, text))
            self.changed += 1

    def cell(self, row: Row, key: str, value: str) -> None:
        if key == OBJECTIVE_COLUMN:
            self.name(row.objective, value)
            return
        value = clip_text(value, MAX_TEXT_CHARS)
        if row.cells.get(key, "") != value:
            self.operations.append(SetCell(row.id, key, value))
            self.changed += 1

    def new_row(self, row: Row, position: int) -> None:
        self.operations.append(AddRow(row, position))
        self.changed += len(row.cells)


def paste_cells(route_map: RouteMap, grid: Grid, anchor: Cell, selection: Iterable[Cell] = ()) -> CellsPaste:
    """Plan pasting ``grid`` at the ``anchor`` cell with ``selection`` selected (see the module).
    An empty grid or an anchor the table lacks plans nothing."""
    rows = route_map.table.rows
    keys = [c.key for c in route_map.table.columns]
    position = {r.id: i for i, r in enumerate(rows)}
    chosen = [c for c in selection if c[0] in position and c[1] in keys]
    if not grid or not grid[0] or anchor[0] not in position or anchor[1] not in keys:
        return CellsPaste((), (), (), 0, 0, 0, 0, None)
    if len(grid) == 1 and len(grid[0]) == 1 and len(set(chosen)) > 1:
        return _fill(route_map, grid[0][0], chosen)
    first_column = keys.index(anchor[1])
    width = min(len(grid[0]), len(keys) - first_column)
    target_keys = keys[first_column : first_column + width]
    targets, extra = _target_rows(route_map, position[anchor[0]], [position[r] for r, _ in chosen], len(grid))
    left_out_rows = max(0, extra - max(0, MAX_ROWS - len(rows)))
    extra -= left_out_rows
    owner = rows[targets[-1]].objective
    plan = _Plan(route_map)
    for values, at in zip(grid, targets, strict=False):
        for key, value in zip(target_keys, values, strict=False):
            plan.cell(rows[at], key, value)
    ids = _new_ids(route_map, extra)
    place = targets[-1] + 1
    for n, values in enumerate(grid[len(targets) : len(targets) + extra]):
        cells = {}
        for key, value in zip(target_keys, values, strict=False):
            if key == OBJECTIVE_COLUMN:
                plan.name(owner, value)
            elif value:
                cells[key] = clip_text(value, MAX_TEXT_CHARS)
        plan.new_row(Row(id=ids[n], objective=owner, cells=cells), place + n)
    return CellsPaste(
        tuple(plan.operations),
        tuple([rows[at].id for at in targets] + ids),
        tuple(target_keys),
        extra,
        plan.changed,
        len(grid[0]) - width,
        left_out_rows,
        owner if extra else None,
    )


def _fill(route_map: RouteMap, value: str, cells: Sequence[Cell]) -> CellsPaste:
    """One value into every chosen cell."""
    plan = _Plan(route_map)
    for row_id, key in dict.fromkeys(cells):
        row = route_map.row(row_id)
        if row is not None:
            plan.cell(row, key, value)
    order = {r.id: i for i, r in enumerate(route_map.table.rows)}
    columns = [c.key for c in route_map.table.columns]
    row_ids = sorted({r for r, _ in cells}, key=order.__getitem__)
    keys = sorted({k for _, k in cells}, key=columns.index)
    return CellsPaste(tuple(plan.operations), tuple(row_ids), tuple(keys), 0, plan.changed, 0, 0, None)


def clear_cells_operations(route_map: RouteMap, cells: Iterable[Cell]) -> list[Operation]:
    """Empty these cells (those holding text; the objective column is the objective and stays)."""
    operations: list[Operation] = []
    seen: set[Cell] = set()
    for row_id, key in cells:
        row = route_map.row(row_id)
        if key == OBJECTIVE_COLUMN or row is None or not row.cells.get(key) or (row_id, key) in seen:
            continue
        seen.add((row_id, key))
        operations.append(SetCell(row_id, key, ""))
    return operations


def copy_cells(route_map: RouteMap, cells: Iterable[Cell]) -> Grid:
    """The text of these cells as a rectangle: the rows and columns they touch, in table order,
    cells not chosen left empty; the objective column as it is shown (code and text)."""
    chosen = set(cells)
    labels = objective_labels(route_map)
    row_ids = {r for r, _ in chosen}
    column_keys = {k for _, k in chosen}
    rows = [r for r in route_map.table.rows if r.id in row_ids]
    keys = [c.key for c in route_map.table.columns if c.key in column_keys]
    grid: Grid = []
    for row in rows:
        line = []
        for key in keys:
            if (row.id, key) not in chosen:
                line.append("")
            elif key == OBJECTIVE_COLUMN:
                line.append(labels.get(row.objective, ""))
            else:
                line.append(row.cells.get(key, ""))
        grid.append(line)
    return grid


def row_beside(route_map: RouteMap, row_id: str, below: bool) -> tuple[AddRow, str] | None:
    """An empty row for the objective of ``row_id`` just above or below it, and its id."""
    rows = route_map.table.rows
    at = next((i for i, r in enumerate(rows) if r.id == row_id), None)
    if at is None or len(rows) >= MAX_ROWS:
        return None
    (new_id,) = _new_ids(route_map, 1)
    row = Row(id=new_id, objective=rows[at].objective, cells={})
    return AddRow(row, at + 1 if below else at), new_id


def column_width_operations(route_map: RouteMap, widths: Mapping[str, float]) -> list[Operation]:
    """Set these columns' widths (Excel character widths, rounded to whole ones within 1–255);
    only those that change."""
    operations: list[Operation] = []
    for column in route_map.table.columns:
        if column.key not in widths:
            continue
        width = float(min(MAX_WIDTH, max(MIN_WIDTH, round(widths[column.key]))))
        if width != column.width:
            operations.append(SetColumn(column.key, width=width))
    return operations
