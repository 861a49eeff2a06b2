"""A map and its shared Doc on one thread, without a window: ``srmtool serve`` and the tests.

The editor does the same through its Document (``srmtool.ui.share``); this is the plain form.
Updates leave through ``on_update`` (this laptop's own changes, as Yjs update bytes) and come in
through ``receive``; ``sync()`` then makes the map follow the Doc.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pycrdt import Doc, TransactionEvent

from srmtool.model.operations import Applied, Operation, OperationError, apply_all
from srmtool.model.types import RouteMap
from srmtool.share.mirror import Mirror
from srmtool.share.schema import Roots, new_doc, read_map


class Replica:
    def __init__(
        self, route_map: RouteMap | None = None, on_update: Callable[[bytes], None] | None = None
    ) -> None:
        """With ``route_map``: the host's map, put into a new Doc. Without: a joiner's empty map,
        filled by the first updates that arrive."""
        self.doc: Doc[Any] = new_doc()
        self.route_map = route_map if route_map is not None else RouteMap()
        self.on_update = on_update
        self._receiving = False
        self._subscription = self.doc.observe(self._on_transaction)
        self.mirror = Mirror(self.doc, self.route_map)
        if route_map is not None:
            self.mirror.start_from_map()

    def close(self) -> None:
        self.mirror.close()
        self.doc.unobserve(self._subscription)

    def _on_transaction(self, event: TransactionEvent) -> None:
        if not self._receiving and self.on_update is not None:
            self.on_update(event.update)

    # -- this laptop's edits -------------------------------------------------------------------

    def edit(self, operations: Operation | Sequence[Operation]) -> Applied:
        """Apply operations as one step (all or nothing) and publish them; raises OperationError."""
        ops: list[Operation] = list(operations) if isinstance(operations, list | tuple) else [operations]  # type: ignore[list-item]
        applied = apply_all(self.route_map, ops)
        self.mirror.publish(applied.changes)
        return applied

    def undo(self) -> bool:
        done = self.mirror.undo_manager.undo()
        self.sync(verify=True)  # an undo's events miss what lands in restored items
        return done

    def redo(self) -> bool:
        done = self.mirror.undo_manager.redo()
        self.sync(verify=True)
        return done

    # -- the others' -----------------------------------------------------------------------------

    def receive(self, update: bytes) -> None:
        """Apply another laptop's update to the Doc (the map follows on ``sync``)."""
        self._receiving = True
        try:
            self.mirror.receive(update)
        finally:
            self._receiving = False

    def sync(self, verify: bool = False) -> list[Applied]:
        """Make the map what the Doc holds (reading all of it again with ``verify``: see
        ``Mirror.verify``); what each operation did."""
        if verify:
            self.mirror.verify()
        if not self.mirror.dirty:
            return []
        done: list[Applied] = []
        for op in self.mirror.pull():
            try:
                done.append(apply_all(self.route_map, [op]))
            except OperationError:  # the Doc held something the map cannot take: left out
                continue
        return done

    def adopt(self) -> None:
        """A joiner, once synced: the map becomes the Doc's as a whole."""
        fresh = read_map(Roots.of(self.doc))
        for name in type(fresh).model_fields:
            setattr(self.route_map, name, getattr(fresh, name))
        self.route_map.__pydantic_extra__ = dict(fresh.__pydantic_extra__ or {})
        self.route_map.touch()
        self.mirror.refresh_all()
        self.sync()
