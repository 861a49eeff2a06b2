"""What every operation shares: the protocol, its result, the error, look-ups that refuse."""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel

from srmtool.model.changes import Change
from srmtool.model.types import PERSPECTIVE_IDS, Objective, RouteMap


class OperationError(ValueError):
    """An edit that cannot be made (unknown id, duplicate link, …); the map is unchanged."""


class Operation(Protocol):
    def apply(self, route_map: RouteMap) -> Applied: ...


@dataclass(frozen=True)
class Applied:
    """What applying an operation did: the operation that undoes it, and the records of what
    changed, in the order it changed (``srmtool.model.changes``). Applying ``inverse`` restores the
    map's exact bytes (``dumps_map``); its own inverse redoes the change."""

    inverse: Operation
    changes: tuple[Change, ...]


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


def _insert(items: list[Any], index: int | None, item: Any) -> int:
    """``items.insert(index, item)`` (None: at the end); the position the item took."""
    size = len(items)
    if index is None or index > size:
        position = size
    elif index < 0:
        position = max(0, size + index)
    else:
        position = index
    items.insert(position, item)
    return position


def _check_perspective(perspective: str) -> None:
    if perspective not in PERSPECTIVE_IDS:
        raise OperationError(f"unknown perspective {perspective!r}")


def _check_text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise OperationError(f"{name} must be text")
    return value


def check_plain(value: object, depth: int = 0) -> None:
    """Refuse a value that JSON cannot store as it is (an additive key's value)."""
    if depth > 50:
        raise OperationError("the value is nested too deeply")
    if value is None or isinstance(value, str | bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise OperationError(f"{value} is not a finite number")
    elif isinstance(value, list):
        for item in value:
            check_plain(item, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise OperationError(f"the key {key!r} is not text")
            check_plain(item, depth + 1)
    else:
        raise OperationError(f"a {type(value).__name__} cannot be stored in the file")


def check_additive_name(model: type[BaseModel], name: object) -> str:
    """``name`` as the name of an additive key of ``model``'s file entry (not one of its fields)."""
    if not isinstance(name, str) or not name.isidentifier() or name in model.model_fields:
        raise OperationError(f"{name!r} is not an additive field of {model.__name__.lower()}")
    return name


def set_additive(model: BaseModel, name: str, value: object, keep_null: bool) -> tuple[object, bool]:
    """Set the additive key ``name`` of ``model`` to ``value``, or remove it (``value`` None and not
    ``keep_null``); returns the old value and whether the key was there."""
    check_plain(value)
    extra = model.__pydantic_extra__
    if extra is None:
        extra = model.__pydantic_extra__ = {}
    present = name in extra
    old = extra.get(name)
    if value is None and not keep_null:
        extra.pop(name, None)
    else:
        extra[name] = copy.deepcopy(value)
    return old, present
