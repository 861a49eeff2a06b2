"""Undo commands of the map editor, and the model operations each editing verb is made of.

A command is one undo step: one model operation (often a ``Batch``) and its inverse. The document
applies the operation before it pushes the command, so that a refused edit raises and leaves
nothing on the stack; the command's first ``redo`` (the one ``QUndoStack.push`` makes) is therefore
skipped. Later ``redo`` applies the operation again and ``undo`` its inverse, always through the
document's ``run`` so that every change emits its signal. A cascade (deleting objectives with
their links and rows) is one batch rather than Qt child commands: PySide6 6.11 crashes when it
frees a parent command holding Python children.

The functions below plan the operations of the verbs; they read the map and never change it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from srmtool.model.layout import (
    BAND_PAD,
    BOX_GAP,
    BOX_HEIGHT,
    BOX_WIDTH,
    LABEL_WIDTH,
    MapLayout,
    Rect,
    compute_layout,
    free_slot,
)
from srmtool.model.operations import (
    AddLink,
    AddObjective,
    AddRow,
    Batch,
    MoveObjective,
    Operation,
    RemoveLink,
    RemoveObjective,
    RemoveRow,
    SetKeyRoute,
    SetPerspective,
    single_operations,
)
from srmtool.model.types import CODE_PREFIX, PERSPECTIVE_IDS, Link, Objective, PerspectiveId, RouteMap, Row

#: ``QUndoCommand.id`` of text edits; consecutive edits of one objective's text merge into one step.
TEXT_EDIT_ID = 1

_LEVELS: dict[str, PerspectiveId] = {p: p for p in PERSPECTIVE_IDS}

#: The operations that can change where boxes are drawn.
_PLACING = (AddObjective, RemoveObjective, MoveObjective, SetPerspective)

_STEP_X = BOX_WIDTH + BOX_GAP
_STEP_Y = BOX_HEIGHT + BOX_GAP


class OperationCommand(QUndoCommand):
    """One undo step: ``forward`` (one operation or a ``Batch``) already applied, and its
    ``inverse``. ``run`` applies an operation with the document's signals and returns its inverse
    (``Document.edit`` hands its own in)."""

    def __init__(
        self,
        run: Callable[[Operation], Operation],
        forward: Operation,
        inverse: Operation,
        text: str,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self._run = run
        self._forward = forward
        self._inverse = inverse
        self._merge_key = merge_key
        self._applied = True  # the document applied the step before pushing this command

    @property
    def operations(self) -> list[Operation]:
        """The forward operations of this step, in the order they apply (batches opened up)."""
        return list(single_operations((self._forward,)))

    def redo(self) -> None:
        if self._applied:
            return
        self._inverse = self._run(self._forward)
        self._applied = True

    def undo(self) -> None:
        self._forward = self._run(self._inverse)
        self._applied = False

    def id(self) -> int:
        return TEXT_EDIT_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Join a following edit with the same merge key: its change, this step's undo."""
        if not isinstance(other, OperationCommand) or other._merge_key != self._merge_key:
            return False
        if self._merge_key is None or isinstance(self._forward, Batch) or isinstance(other._forward, Batch):
            return False
        self._forward = other._forward
        if self._forward == self._inverse:  # typed back to where it started: nothing left to undo
            self.setObsolete(True)
        return True


# -- planning the verbs ---------------------------------------------------------------------------


def place_box(
    route_map: RouteMap, perspective: str, x: float | None, y: float | None, layout: MapLayout | None = None
) -> tuple[float, float]:
    """Top-left for a new box of ``perspective`` that overlaps no box: ``free_slot`` when no place is
    asked for, else the free place nearest to (x, y) inside the band (its top, the label column)."""
    layout = layout or compute_layout(route_map)
    if x is None or y is None:
        return free_slot(route_map, perspective, layout)
    band = layout.bands[perspective]
    top = band.y + BAND_PAD
    x = max(float(x), LABEL_WIDTH + BAND_PAD)
    y = min(max(float(y), top), max(top, band.bottom - BAND_PAD - BOX_HEIGHT))
    taken = list(layout.boxes.values())
    half_x, half_y = _STEP_X / 2, _STEP_Y / 2
    candidates = [
        (x + i * half_x, y + j * half_y) for i in range(-6, 7) for j in range(-4, 5) if y + j * half_y >= top
    ]
    candidates = [(cx, cy) for cx, cy in candidates if cx >= LABEL_WIDTH + BAND_PAD]
    candidates.sort(key=lambda p: math.hypot(p[0] - x, p[1] - y))
    for cx, cy in candidates:
        box = Rect(cx, cy, BOX_WIDTH, BOX_HEIGHT)
        if not any(box.intersects(t, gap=BOX_GAP / 2) for t in taken):
            return (cx, cy)
    return free_slot(route_map, perspective, layout)


def keep_lower_bands(route_map: RouteMap, operations: Sequence[Operation]) -> list[Operation]:
    """``operations`` plus the moves that keep the boxes of lower bands where they sit in their band
    when the operations make a band above them grow (a band grows downward to hold its lowest box,
    which pushes the bands below it down; their boxes follow instead of piling up at the top)."""
    if not operations:
        return []
    before = compute_layout(route_map)
    # The layout reads only the objectives' level and place: try the edits on copies of those.
    trial = RouteMap.model_construct(objectives=[o.model_copy() for o in route_map.objectives])
    Batch(tuple(op for op in operations if isinstance(op, _PLACING))).apply(trial)
    extra: list[Operation] = []
    shifted = dict.fromkeys(PERSPECTIVE_IDS, 0.0)
    for _ in PERSPECTIVE_IDS:
        after = compute_layout(trial)
        pid = next(
            (p for p in PERSPECTIVE_IDS if after.bands[p].y - before.bands[p].y - shifted[p] > 0.5), None
        )
        if pid is None:
            break
        need = after.bands[pid].y - before.bands[pid].y - shifted[pid]
        shown_top = before.bands[pid].y + BAND_PAD + shifted[pid]
        for obj in trial.objectives_in(pid):
            move = MoveObjective(obj.id, obj.x, max(obj.y, shown_top) + need)
            move.apply(trial)
            extra.append(move)
        shifted[pid] += need
    return [*operations, *extra]


def move_operations(route_map: RouteMap, moves: dict[str, tuple[float, float]]) -> list[Operation]:
    """Moves to new top-left corners; a box whose centre lands in another band (on the current
    layout; the banner counts as the top band) changes perspective and keeps its code."""
    layout = compute_layout(route_map)
    operations: list[Operation] = []
    for oid, (x, y) in moves.items():
        obj = route_map.objective(oid)
        if obj is None:
            continue
        band = _LEVELS[layout.band_at(float(y) + BOX_HEIGHT / 2)]
        if band != obj.perspective:
            operations.append(SetPerspective(oid, band, float(x), float(y)))
        elif (float(x), float(y)) != (obj.x, obj.y):
            operations.append(MoveObjective(oid, float(x), float(y)))
    return operations


def delete_operations(
    route_map: RouteMap, objective_ids: Iterable[str], links: Iterable[tuple[str, str]] = ()
) -> list[Operation]:
    """Remove the links asked for, then each objective's links and table rows, then the objectives."""
    ids = list(dict.fromkeys(i for i in objective_ids if route_map.objective(i) is not None))
    doomed = set(ids)
    link_keys = [(s, t) for s, t in links if route_map.has_link(s, t)]
    link_keys += [(lk.source, lk.target) for lk in route_map.links if doomed & {lk.source, lk.target}]
    operations: list[Operation] = [RemoveLink(s, t) for s, t in dict.fromkeys(link_keys)]
    operations += [RemoveRow(r.id) for r in route_map.table.rows if r.objective in doomed]
    operations += [RemoveObjective(i) for i in ids]
    return operations


def delete_text(
    route_map: RouteMap, operations: Sequence[Operation], asked: Iterable[tuple[str, str]]
) -> str:
    """Names what a delete takes, as the user chose it: the objectives (by code when one) and the
    links asked for that do not go anyway with their objectives ("Delete 2 objectives and 1 link")."""
    ids = [op.objective_id for op in operations if isinstance(op, RemoveObjective)]
    gone = set(ids)
    asked_links = set(asked)
    links = [
        (op.source, op.target)
        for op in operations
        if isinstance(op, RemoveLink)
        and (op.source, op.target) in asked_links
        and not gone & {op.source, op.target}
    ]

    def code(objective_id: str) -> str:
        objective = route_map.objective(objective_id)
        return objective.code if objective is not None and objective.code else objective_id

    if len(ids) == 1 and not links:
        return QCoreApplication.translate("Document", "Delete objective {code}").format(code=code(ids[0]))
    if len(links) == 1 and not ids:
        source, target = links[0]
        return QCoreApplication.translate("Document", "Delete link {source} → {target}").format(
            source=code(source), target=code(target)
        )
    objectives = (
        QCoreApplication.translate("Document", "1 objective")
        if len(ids) == 1
        else QCoreApplication.translate("Document", "%n objectives", None, len(ids))
    )
    arrows = (
        QCoreApplication.translate("Document", "1 link")
        if len(links) == 1
        else QCoreApplication.translate("Document", "%n links", None, len(links))
    )
    if not links:
        return QCoreApplication.translate("Document", "Delete {objectives}").format(objectives=objectives)
    if not ids:
        return QCoreApplication.translate("Document", "Delete {links}").format(links=arrows)
    return QCoreApplication.translate("Document", "Delete {objectives} and {links}").format(
        objectives=objectives, links=arrows
    )


def key_route_operations(route_map: RouteMap, objective_ids: Iterable[str], on: bool) -> list[Operation]:
    operations: list[Operation] = []
    for oid in dict.fromkeys(objective_ids):
        obj = route_map.objective(oid)
        if obj is not None and obj.key_route != on:
            operations.append(SetKeyRoute(oid, on))
    return operations


def paste_operations(
    route_map: RouteMap, objectives: Sequence[Objective], links: Sequence[Link], rows: Sequence[Row] = ()
) -> tuple[list[Operation], list[str]]:
    """Add copies of ``objectives`` (an id or code already in use gets a fresh one), the links
    among them and to existing objectives, and table rows of the copies (appended to the table);
    the group moves down-right until no box overlaps."""
    used_ids = {o.id for o in route_map.objectives} | {s.id for s in route_map.stakeholders}
    used_ids |= {r.id for r in route_map.table.rows}
    used_codes = {o.code for o in route_map.objectives}
    renamed: dict[str, str] = {}
    copies: list[Objective] = []
    for source in objectives:
        copy = source.model_copy(deep=True)
        if not copy.id or copy.id in used_ids:
            copy.id = _fresh(used_ids, "o")
        if copy.code in used_codes:
            copy.code = _fresh(used_codes, CODE_PREFIX.get(copy.perspective, ""))
        used_ids.add(copy.id)
        used_codes.add(copy.code)
        renamed[source.id] = copy.id
        copies.append(copy)
    _clear_of_boxes(route_map, copies)
    operations: list[Operation] = [AddObjective(c) for c in copies]
    known = {o.id for o in route_map.objectives} | {c.id for c in copies}
    seen = {(lk.source, lk.target) for lk in route_map.links}
    for lk in links:
        key = (renamed.get(lk.source, lk.source), renamed.get(lk.target, lk.target))
        if key[0] != key[1] and key[0] in known and key[1] in known and key not in seen:
            seen.add(key)
            operations.append(AddLink(*key))
    pasted = {c.id for c in copies}
    for source_row in rows:
        row = source_row.model_copy(deep=True)
        row.objective = renamed.get(row.objective, row.objective)
        if row.objective in pasted:
            if not row.id or row.id in used_ids:
                row.id = _fresh(used_ids, "r")
            used_ids.add(row.id)
            operations.append(AddRow(row))
    return operations, [c.id for c in copies]


def _fresh(used: set[str], prefix: str) -> str:
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def _clear_of_boxes(route_map: RouteMap, copies: list[Objective]) -> None:
    taken = list(compute_layout(route_map).boxes.values())
    for step in range(40):
        dx, dy = step * BOX_GAP, step * BOX_GAP
        rects = [Rect(c.x + dx, c.y + dy, BOX_WIDTH, BOX_HEIGHT) for c in copies]
        if not any(r.intersects(t) for r in rects for t in taken):
            for c in copies:
                c.x, c.y = c.x + dx, c.y + dy
            return
