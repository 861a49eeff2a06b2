"""A laptop without a window: a ``Replica`` on the owner's thread, a ``Session`` on its own, and a
queue between them. ``srmtool serve`` hosts with one; the tests and the benchmark run several.

Call ``pump()`` on the owner's thread to take in what arrived: updates go into the Doc, the map
follows, events are kept in ``events``.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Sequence
from typing import Any, Final

from srmtool.model.operations import Applied, Operation
from srmtool.model.types import RouteMap
from srmtool.share.net import MAX_MESSAGE_BYTES, new_code
from srmtool.share.replica import Replica
from srmtool.share.session import Session

#: Seconds without updates after which the whole Doc is read again (``Mirror.verify``).
VERIFY_AFTER: Final = 1.0


class Peer:
    def __init__(self, route_map: RouteMap | None = None, tag: str = "") -> None:
        self._inbox: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.session = Session(lambda kind, payload: self._inbox.put((kind, payload)))
        self.replica = Replica(route_map)  # its first state goes to the room whole (``host``)
        self.replica.on_update = self._outgoing
        if tag:
            self.replica.route_map.set_id_tag(tag)
        self.events: list[tuple[str, Any]] = []
        self.synced = route_map is not None
        self.presence: dict[int, Any] = {}
        self.code = ""
        self.port = 0
        self._last_update = 0.0

    @property
    def route_map(self) -> RouteMap:
        return self.replica.route_map

    def _outgoing(self, update: bytes) -> None:
        self.session.send(update)

    def host(
        self,
        code: str | None = None,
        hosts: Sequence[str] = ("127.0.0.1",),
        port: int = 0,
        max_message: int = MAX_MESSAGE_BYTES,
        max_clients: int | None = None,
    ) -> int:
        self.code = code or new_code()
        state = self.replica.doc.get_update()
        self.port = self.session.host(state, self.code, list(hosts), port, max_message, max_clients)
        return self.port

    def join(self, host: str, port: int, code: str) -> None:
        self.code, self.port = code, port
        self.session.join(host, port, code)

    def edit(self, operations: Operation | Sequence[Operation]) -> Applied:
        return self.replica.edit(operations)

    def pump(self, seconds: float = 0.0) -> bool:
        """Take in what has arrived, waiting up to ``seconds`` for the first message; whether
        anything came."""
        came = False
        try:
            item = self._inbox.get(timeout=seconds) if seconds > 0 else self._inbox.get_nowait()
        except queue.Empty:
            return False
        while True:
            came = True
            kind, payload = item
            if kind == "update":
                self.replica.receive(payload)
            elif kind == "presence":
                self.presence = dict(payload)
            else:
                self.events.append((kind, payload))
                if kind == "synced" and not self.synced:
                    self.replica.adopt()
                    self.synced = True
            try:
                item = self._inbox.get_nowait()
            except queue.Empty:
                break
        if self.synced:
            self.replica.sync()
            self._last_update = time.monotonic()
        return came

    def verify_if_quiet(self, quiet: float = VERIFY_AFTER) -> None:
        """Read the whole Doc again once updates have stopped for ``quiet`` seconds
        (``Mirror.verify``)."""
        mirror = self.replica.mirror
        if self.synced and mirror.unverified and time.monotonic() - self._last_update >= quiet:
            self.replica.sync(verify=True)

    def pump_until(self, done: Any, seconds: float = 10.0) -> bool:
        """Pump until ``done()`` is true or ``seconds`` pass; whether it became true."""
        end = time.monotonic() + seconds
        while not done():
            left = end - time.monotonic()
            if left <= 0:
                return False
            self.pump(min(left, 0.05))
            self.verify_if_quiet()
        return True

    def close(self) -> None:
        self.session.close()
        self.replica.close()
