"""Several operations as one, all or nothing: the one place an edit is rolled back."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from srmtool.model.changes import Change
from srmtool.model.operations.base import Applied, Operation, OperationError
from srmtool.model.types import RouteMap


@dataclass(frozen=True)
class Batch:
    """Several operations as one step (tidy layout, paste, delete selection)."""

    operations: tuple[Operation, ...] = field(default_factory=tuple)

    def apply(self, route_map: RouteMap) -> Applied:
        return apply_all(route_map, self.operations)


def single_operations(operations: Sequence[Operation]) -> Iterator[Operation]:
    """The operations in the order they apply, with batches opened up (nested ones too)."""
    for op in operations:
        if isinstance(op, Batch):
            yield from single_operations(op.operations)
        else:
            yield op


def apply_all(
    route_map: RouteMap,
    operations: Sequence[Operation],
    on_applied: Callable[[Applied], None] | None = None,
) -> Applied:
    """Apply ``operations`` in order as one: returns one inverse (a ``Batch``) and every change.

    All or nothing: when one is refused (``OperationError``), the ones before it are undone in
    reverse order and the error is raised, with the map as it was. ``on_applied`` hears every
    single operation (batches opened up) right after it applied, the undoing after a refusal
    included, so a listener sees each change while the map is in the state its records describe."""
    done: list[Applied] = []
    try:
        for op in single_operations(operations):
            applied = op.apply(route_map)
            done.append(applied)
            if on_applied is not None:
                on_applied(applied)
    except OperationError:
        for applied in reversed(done):
            undone = applied.inverse.apply(route_map)
            if on_applied is not None:
                on_applied(undone)
        raise
    changes: tuple[Change, ...] = tuple(c for applied in done for c in applied.changes)
    return Applied(Batch(tuple(a.inverse for a in reversed(done))), changes)
