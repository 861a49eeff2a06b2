"""What the gestures on the map's boxes mean: which operations a new box, a drag, a delete, a paste
or a key-route toggle becomes. Each planner reads the map and never changes it."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from srmtool.model.edits.progress import forget_reports
from srmtool.model.layout import (
    BAND_PAD,
    BOX_GAP,
    BOX_HEIGHT,
    BOX_WIDTH,
    LABEL_WIDTH,
    MapLayout,
    compute_layout,
    first_free_place,
    free_slot,
)
from srmtool.model.operations import (
    AddLink,
    AddObjective,
    AddRow,
    MoveObjective,
    Operation,
    RemoveLink,
    RemoveObjective,
    RemoveRow,
    SetKeyRoute,
    SetPerspective,
    apply_all,
)
from srmtool.model.types import CODE_PREFIX, PERSPECTIVE_IDS, Link, Objective, PerspectiveId, RouteMap, Row

_LEVELS: dict[str, PerspectiveId] = {p: p for p in PERSPECTIVE_IDS}

#: The operations that can change where boxes are drawn.
_PLACING = (AddObjective, RemoveObjective, MoveObjective, SetPerspective)

_STEP_X = BOX_WIDTH + BOX_GAP
_STEP_Y = BOX_HEIGHT + BOX_GAP


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
    half_x, half_y = _STEP_X / 2, _STEP_Y / 2
    near = [
        (x + i * half_x, y + j * half_y) for i in range(-6, 7) for j in range(-4, 5) if y + j * half_y >= top
    ]
    near = [(cx, cy) for cx, cy in near if cx >= LABEL_WIDTH + BAND_PAD]
    near.sort(key=lambda p: math.hypot(p[0] - x, p[1] - y))
    found = first_free_place(near, list(layout.boxes.values()))
    return found if found is not None else free_slot(route_map, perspective, layout)


def keep_lower_bands(route_map: RouteMap, operations: Sequence[Operation]) -> list[Operation]:
    """``operations`` plus the moves that keep the boxes of lower bands where they sit in their band
    when the operations make a band above them grow (a band grows downward to hold its lowest box,
    which pushes the bands below it down; their boxes follow instead of piling up at the top)."""
    if not operations:
        return []
    before = compute_layout(route_map)
    # The layout reads only the objectives' level and place: try the edits on copies of those.
    trial = RouteMap.model_construct(objectives=[o.model_copy() for o in route_map.objectives])
    apply_all(trial, [op for op in operations if isinstance(op, _PLACING)])
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


def landing_band(layout: MapLayout, top: float, height: float = BOX_HEIGHT) -> PerspectiveId:
    """The level a box dragged to have its top edge at ``top`` joins when dropped: the band that
    holds its centre on ``layout`` (the banner counts as the top band)."""
    return _LEVELS[layout.band_at(float(top) + height / 2)]


def move_operations(route_map: RouteMap, moves: dict[str, tuple[float, float]]) -> list[Operation]:
    """Moves to new top-left corners; a box whose centre lands in another band (on the current
    layout; the banner counts as the top band) changes perspective and keeps its code. Boxes that
    do not move and unknown ids are left out. Apply them with ``keep_lower_bands``."""
    layout = compute_layout(route_map)
    operations: list[Operation] = []
    for oid, (x, y) in moves.items():
        obj = route_map.objective(oid)
        if obj is None:
            continue
        band = landing_band(layout, y)
        if band != obj.perspective:
            operations.append(SetPerspective(oid, band, float(x), float(y)))
        elif (float(x), float(y)) != (obj.x, obj.y):
            operations.append(MoveObjective(oid, float(x), float(y)))
    return operations


def position_operations(route_map: RouteMap, positions: dict[str, tuple[float, float]]) -> list[Operation]:
    """Boxes to new top-left corners, perspectives unchanged (a tidy layout); those already there
    and unknown ids are left out."""
    operations: list[Operation] = []
    for oid, (x, y) in positions.items():
        obj = route_map.objective(oid)
        if obj is not None and (obj.x, obj.y) != (float(x), float(y)):
            operations.append(MoveObjective(oid, float(x), float(y)))
    return operations


def cause_and_effect(route_map: RouteMap, first: str, second: str) -> tuple[str, str]:
    """Which of two objectives a link between them starts from: the cause is the one on the lower
    level, or on one level the one further left (links point up, and read left to right)."""

    def place(objective_id: str) -> tuple[int, float]:
        objective = route_map.objective(objective_id)
        if objective is None:
            return (0, 0.0)
        return (-PERSPECTIVE_IDS.index(objective.perspective), objective.x)

    source, target = sorted((first, second), key=place)
    return source, target


def delete_operations(
    route_map: RouteMap, objective_ids: Iterable[str], links: Iterable[tuple[str, str]] = ()
) -> list[Operation]:
    """Remove the links asked for, then each objective's links and table rows (with their progress
    reports), then the objectives."""
    ids = list(dict.fromkeys(i for i in objective_ids if route_map.objective(i) is not None))
    doomed = set(ids)
    link_keys = [(s, t) for s, t in links if route_map.has_link(s, t)]
    link_keys += [(lk.source, lk.target) for lk in route_map.links if doomed & {lk.source, lk.target}]
    operations: list[Operation] = [RemoveLink(s, t) for s, t in dict.fromkeys(link_keys)]
    rows = [r.id for r in route_map.table.rows if r.objective in doomed]
    operations += forget_reports(route_map, rows)  # first, so that undo gives them back after the rows
    operations += [RemoveRow(r) for r in rows]
    operations += [RemoveObjective(i) for i in ids]
    return operations


@dataclass(frozen=True)
class DeleteSummary:
    """What a delete takes, as the user chose it (for the undo text): the objectives' codes (the id
    when one has none) and the links asked for that do not go anyway with their objectives, as
    (source code, target code)."""

    objectives: tuple[str, ...]
    links: tuple[tuple[str, str], ...]


def delete_summary(
    route_map: RouteMap, operations: Sequence[Operation], asked: Iterable[tuple[str, str]]
) -> DeleteSummary:
    """``DeleteSummary`` of ``delete_operations``' result, read before it applies."""
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

    return DeleteSummary(tuple(code(i) for i in ids), tuple((code(s), code(t)) for s, t in links))


def key_route_operations(route_map: RouteMap, objective_ids: Iterable[str], on: bool) -> list[Operation]:
    """Put these objectives on the key route (``on``) or take them off; those already so are left out."""
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
    the group moves down-right until no box overlaps. Returns the operations (apply them with
    ``keep_lower_bands``) and the copies' ids."""
    used_ids = {o.id for o in route_map.objectives} | {s.id for s in route_map.stakeholders}
    used_ids |= {r.id for r in route_map.table.rows}
    used_codes = {o.code for o in route_map.objectives}
    renamed: dict[str, str] = {}
    copies: list[Objective] = []
    for source in objectives:
        copy = source.model_copy(deep=True)
        if not copy.id or copy.id in used_ids or route_map.id_tag:  # shared: always a tagged id
            copy.id = route_map.new_id("o", used_ids) if route_map.id_tag else _fresh(used_ids, "o")
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
            if route_map.id_tag:
                row.id = route_map.new_id("r", used_ids)
            elif not row.id or row.id in used_ids:
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
    """Move the copies together down-right, a gap at a time, until they cover no box (at most 40
    steps; beyond that they stay where they are)."""
    taken = list(compute_layout(route_map).boxes.values())
    steps = ((step * BOX_GAP, step * BOX_GAP) for step in range(40))
    found = first_free_place(steps, taken, [(c.x, c.y) for c in copies], gap=0.0)
    if found is not None:
        for c in copies:
            c.x, c.y = c.x + found[0], c.y + found[1]
