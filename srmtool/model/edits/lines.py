"""What pasting plain text into a level means: one new objective per non-empty line (a room's notes
pasted from LINE or a word processor become boxes), placed one after another where the level has
room, as one step.

Each line loses the blank space around it and a leading list mark ("1.", "2)", "-", "•", "*"), so a
numbered or bulleted note reads as its text; lines left empty are skipped.
"""

from __future__ import annotations

import re
from typing import Final

from srmtool.model.edits.boxes import place_box
from srmtool.model.layout import compute_layout
from srmtool.model.limits import MAX_OBJECTIVES, MAX_TEXT_CHARS, clip_text
from srmtool.model.operations import AddObjective, Operation, apply_all
from srmtool.model.types import PERSPECTIVE_IDS, Objective, RouteMap

#: Lines one paste turns into objectives at most (a pasted document, not a room's notes, beyond).
MAX_PASTED_LINES: Final = 500

_LIST_MARK = re.compile(r"^(?:[-–•·*▪●○◦]|\(?[0-9๐-๙]{1,3}[.)])\s+")


def objective_lines(text: str) -> list[str]:
    """The texts of the objectives ``text`` holds: its non-empty lines, trimmed, list marks off."""
    out: list[str] = []
    for raw in text.replace("\u200b", "").splitlines():
        line = _LIST_MARK.sub("", " ".join(raw.split()), count=1).strip()
        if line:
            out.append(clip_text(line, MAX_TEXT_CHARS))
    return out


class TooManyLines(ValueError):
    """The text holds more lines than one paste adds (or than the map may hold)."""

    def __init__(self, lines: int, limit: int) -> None:
        super().__init__(f"{lines} lines, at most {limit} at once")
        self.lines = lines
        self.limit = limit


def line_objective_operations(
    route_map: RouteMap, perspective: str, text: str
) -> tuple[list[Operation], list[str]]:
    """``AddObjective`` for each line of ``objective_lines(text)`` in level ``perspective``, each with
    the level's next code at the next free place (``place_box``, as if the earlier lines were boxes
    already), and the new ids. Apply them with ``keep_lower_bands``. Raises ``TooManyLines`` beyond
    ``MAX_PASTED_LINES`` or the map's limit, ``ValueError`` for an unknown level."""
    if perspective not in PERSPECTIVE_IDS:
        raise ValueError(f"unknown perspective {perspective!r}")
    lines = objective_lines(text)
    room = min(MAX_PASTED_LINES, MAX_OBJECTIVES - len(route_map.objectives))
    if len(lines) > room:
        raise TooManyLines(len(lines), max(0, room))
    # Place and name each new box on a trial copy that holds the ones before it.
    trial = RouteMap.model_construct(
        objectives=[o.model_copy() for o in route_map.objectives],
        stakeholders=list(route_map.stakeholders),
        table=route_map.table,
    )
    operations: list[Operation] = []
    ids: list[str] = []
    for line in lines:
        x, y = place_box(trial, perspective, None, None, compute_layout(trial))
        objective = Objective(
            id=trial.new_id("o"),
            code=trial.new_code(perspective),
            perspective=perspective,
            text=line,
            x=x,
            y=y,
        )
        add = AddObjective(objective)
        apply_all(trial, [add])
        operations.append(add)
        ids.append(objective.id)
    return operations, ids
