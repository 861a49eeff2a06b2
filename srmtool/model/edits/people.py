"""What the gestures on stakeholders and votes mean: assigning partners to objectives, dot votes."""

from __future__ import annotations

from collections.abc import Iterable

from srmtool.model.operations import Operation, SetObjectiveExtra, SetObjectiveStakeholders, SetVotes
from srmtool.model.types import MAX_VOTES, VOTES_FIELD, RouteMap, objective_votes


def assign_operations(
    route_map: RouteMap, objective_ids: Iterable[str], stakeholder_ids: Iterable[str], on: bool
) -> list[Operation]:
    """Add (``on``) these stakeholders to these objectives' lists (at the end, each once), or take
    them away; objectives whose list would not change are left out."""
    chosen = list(dict.fromkeys(stakeholder_ids))
    operations: list[Operation] = []
    for oid in objective_ids:
        objective = route_map.objective(oid)
        if objective is None:
            continue
        if on:
            value = [*objective.stakeholders, *(s for s in chosen if s not in objective.stakeholders)]
        else:
            value = [s for s in objective.stakeholders if s not in chosen]
        if value != objective.stakeholders:
            operations.append(SetObjectiveStakeholders(oid, tuple(value)))
    return operations


def toggle_operations(route_map: RouteMap, objective_id: str, stakeholder_id: str) -> list[Operation]:
    """Assign the stakeholder to the objective, or unassign it when it is assigned (a matrix cell)."""
    objective = route_map.objective(objective_id)
    if objective is None:
        return []
    on = stakeholder_id not in objective.stakeholders
    return assign_operations(route_map, [objective_id], [stakeholder_id], on)


def vote_operations(route_map: RouteMap, objective_id: str, delta: int) -> list[Operation]:
    """``delta`` more votes for an objective (never below 0 nor above ``MAX_VOTES``); empty when the
    count would not change."""
    objective = route_map.objective(objective_id)
    if objective is None:
        return []
    old = objective_votes(objective)
    new = min(MAX_VOTES, max(0, old + delta))
    return [SetVotes(objective_id, new)] if new != old else []


def clear_votes_operations(route_map: RouteMap) -> list[Operation]:
    """Take every vote off the map: the ``votes`` key goes, so the map saves as before the votes."""
    return [
        SetObjectiveExtra(o.id, VOTES_FIELD, None)
        for o in route_map.objectives
        if VOTES_FIELD in (o.model_extra or {})
    ]
