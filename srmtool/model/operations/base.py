"""What every operation shares: the protocol, the error, id look-ups that refuse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Protocol

from srmtool.model.types import PERSPECTIVE_IDS, Objective, RouteMap


class OperationError(ValueError):
    """An edit that cannot be made (unknown id, duplicate link, …); the map is unchanged."""


class Operation(Protocol):
    topic: ClassVar[str]

    def apply(self, route_map: RouteMap) -> Operation: ...

    def ids(self) -> tuple[str, ...]: ...


def _objective(route_map: RouteMap, objective_id: str) -> Objective:
    found = route_map.objective(objective_id)
    if found is None:
        raise OperationError(f"no objective {objective_id!r}")
    return found


def _index_of(items: Sequence[Any], attr: str, value: str) -> int:
    for i, item in enumerate(items):
        if getattr(item, attr) == value:
            return i
    raise OperationError(f"no item with {attr}={value!r}")


def _check_perspective(perspective: str) -> None:
    if perspective not in PERSPECTIVE_IDS:
        raise OperationError(f"unknown perspective {perspective!r}")
