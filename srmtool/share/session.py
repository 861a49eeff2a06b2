"""The network side of one laptop, on a thread of its own (anyio's blocking portal).

The editor's Doc stays on the editor's thread, where its map and undo live; this thread keeps a
second Doc on the wire (the host's room Doc, or the joiner's Doc that pycrdt's ``Provider``
syncs with the host) and the two exchange Yjs updates: ``send(update)`` from the owner's thread,
and ``on_message("update", bytes)`` called on this thread for every change that came from the
network. Applying a Yjs update twice changes nothing, so the bridge needs no bookkeeping.

``on_message(kind, payload)`` also reports ``"connected"``, ``"synced"`` (a joiner has the whole
map), ``"lost"`` (the connection dropped: the host went away or the network did; a joiner keeps
retrying), ``"refused"`` (wrong room code, or the room is full), ``"presence"`` (everyone's
name and selection: a dict of client id → state) and ``"count"`` (the host: joiners connected).
Kinds and payloads arrive in the order they happened; the owner hands them to its own thread
(the editor through a queued signal).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any, Final

import anyio
import anyio.abc
from anyio.from_thread import BlockingPortal, start_blocking_portal
from pycrdt import (
    Awareness,
    Doc,
    Provider,
    TransactionEvent,
    YMessageType,
    create_awareness_message,
    read_message,
)
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from srmtool.share.net import MAX_MESSAGE_BYTES, Channel, Door, RoomServer
from srmtool.share.schema import new_doc

log = logging.getLogger("srmtool.share")

OnMessage = Callable[[str, Any], None]
RETRY_SECONDS: Final = (0.3, 0.6, 1.2, 2.5, 5.0)


class _AwareChannel(Channel):
    """The joiner's channel: awareness messages go to ``awareness`` (the Provider reads only
    sync messages)."""

    def __init__(self, websocket: Any, awareness: Awareness) -> None:
        super().__init__(websocket)
        self._awareness = awareness

    async def recv(self) -> bytes:
        message = await super().recv()
        if message[:1] == bytes([YMessageType.AWARENESS]):
            with contextlib.suppress(Exception):  # a broken presence message is dropped
                self._awareness.apply_awareness_update(read_message(message[1:]), "remote")
        return message


class Session:
    """One laptop's network side: ``host(...)`` or ``join(...)``, then ``send``/``set_presence``,
    and ``close()``. Thread-safe; callbacks run on the session's thread."""

    def __init__(self, on_message: OnMessage) -> None:
        self.on_message = on_message
        self._portal_cm = start_blocking_portal()
        self._portal: BlockingPortal = self._portal_cm.__enter__()
        self._doc: Doc[Any] | None = None
        self._bridging = False
        self._awareness: Awareness | None = None
        self._channel: _AwareChannel | None = None
        self._server: RoomServer | None = None
        self._cancel: anyio.CancelScope | None = None
        self._closed = False
        self._local_state: dict[str, Any] | None = None
        self._group: anyio.abc.TaskGroup | None = None  # the joiner's connection tasks

    # -- starting ---------------------------------------------------------------------------------

    def host(
        self,
        state: bytes,
        code: str,
        hosts: list[str],
        port: int = 0,
        max_message: int = MAX_MESSAGE_BYTES,
        max_clients: int | None = None,
    ) -> int:
        """Open the room with the map ``state`` (a Yjs update of the owner's Doc) on ``hosts``;
        the port it listens on. Raises OSError when the port cannot be opened."""
        self._portal.call(self._setup_host, state, code, max_message, max_clients)
        assert self._server is not None
        _future, port_found = self._portal.start_task(self._scoped, self._server.run, hosts, port)
        return int(port_found)

    def _setup_host(self, state: bytes, code: str, max_message: int, max_clients: int | None) -> None:
        doc: Doc[Any] = new_doc()
        doc.apply_update(state)
        self._watch(doc)
        door = Door(code) if max_clients is None else Door(code, max_clients=max_clients)
        self._server = server = RoomServer(doc, door, max_message)
        server.on_count = lambda n: self.on_message("count", n)
        self._awareness = server.room.awareness
        self._awareness.observe(self._on_awareness)
        if self._local_state is not None:
            self._awareness.set_local_state(self._local_state)

    async def _scoped(self, run: Callable[..., Any], *args: Any, task_status: Any) -> None:
        with anyio.CancelScope() as scope:
            self._cancel = scope
            await run(*args, task_status=task_status)

    def join(self, host: str, port: int, code: str, max_message: int = MAX_MESSAGE_BYTES) -> None:
        """Connect to a room, and reconnect whenever the connection drops, until ``close``."""
        self._portal.call(self._setup_join)
        self._portal.start_task(self._scoped, self._join_loop, host, port, code, max_message)

    def _setup_join(self) -> None:
        doc: Doc[Any] = new_doc()
        self._watch(doc)
        self._awareness = Awareness(doc)
        self._awareness.observe(self._on_awareness)
        if self._local_state is not None:
            self._awareness.set_local_state(self._local_state)

    async def _join_loop(
        self, host: str, port: int, code: str, max_message: int, *, task_status: Any
    ) -> None:
        task_status.started()
        assert self._doc is not None and self._awareness is not None
        address = f"[{host}]" if ":" in host else host
        url = f"ws://{address}:{port}/{code}"
        attempt = 0
        async with anyio.create_task_group() as group:
            self._group = group
            await group.start(self._awareness.start)
            while True:
                try:
                    async with connect(
                        url,
                        max_size=max_message,
                        open_timeout=5,
                        ping_interval=10,
                        ping_timeout=20,
                        compression=None,
                    ) as websocket:
                        attempt = 0
                        self._channel = channel = _AwareChannel(websocket, self._awareness)
                        self.on_message("connected", None)
                        await self._send_presence()
                        async with (
                            Provider(self._doc, channel, log=log) as provider,
                            anyio.create_task_group() as watch,
                        ):
                            watch.start_soon(self._announce_synced, provider)
                            await websocket.wait_closed()
                            watch.cancel_scope.cancel()
                except InvalidStatus as refused:
                    self._channel = None
                    self.on_message("refused", refused.response.status_code)
                    return
                except (OSError, TimeoutError) as exc:
                    log.info("cannot reach the host: %s", exc)
                except Exception as exc:  # a connection that broke in any other way: try again
                    log.info("connection ended: %s", exc)
                self._channel = None
                self.on_message("lost", None)
                await anyio.sleep(RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])
                attempt += 1

    async def _announce_synced(self, provider: Provider) -> None:
        await provider.synced.wait()
        self.on_message("synced", None)

    # -- the bridge ---------------------------------------------------------------------------

    def _watch(self, doc: Doc[Any]) -> None:
        self._doc = doc
        doc.observe(self._on_transaction)

    def _on_transaction(self, event: TransactionEvent) -> None:
        if not self._bridging:
            self.on_message("update", event.update)

    def send(self, update: bytes) -> None:
        """Give the wire an update of the owner's Doc (returns at once)."""
        if not self._closed:
            self._portal.start_task_soon(self._apply, update)

    async def _apply(self, update: bytes) -> None:
        if self._doc is None:
            return
        self._bridging = True
        try:
            self._doc.apply_update(update)
        finally:
            self._bridging = False

    # -- presence -----------------------------------------------------------------------------

    def set_presence(self, state: dict[str, Any] | None) -> None:
        """This laptop's name and selection, as everyone sees it (None: leaving)."""
        if not self._closed:
            self._portal.start_task_soon(self._set_presence, state)

    async def _set_presence(self, state: dict[str, Any] | None) -> None:
        self._local_state = state  # kept for an awareness made later (host or join after this)
        if self._awareness is not None:
            self._awareness.set_local_state(state)  # a joiner's goes out from _on_awareness

    async def _send_presence(self) -> None:
        awareness, channel = self._awareness, self._channel
        if awareness is None or channel is None:
            return
        update = awareness.encode_awareness_update([awareness.client_id])
        await channel.send(create_awareness_message(update))

    def _on_awareness(self, topic: str, changes: tuple[dict[str, Any], Any]) -> None:
        if topic == "update" and changes[1] == "local" and self._group is not None:
            # The joiner's own state, renewed every 15 s so that the room does not drop it after 30.
            self._group.start_soon(self._send_presence)
        if topic == "change" and self._awareness is not None:
            mine = self._awareness.client_id
            states = {cid: s for cid, s in self._awareness.states.items() if cid != mine and s}
            self.on_message("presence", states)

    @property
    def client_id(self) -> int | None:
        return self._awareness.client_id if self._awareness is not None else None

    @property
    def server(self) -> RoomServer | None:
        return self._server

    # -- ending -------------------------------------------------------------------------------

    def close(self) -> None:
        """Leave (a joiner) or close the room (the host); returns when the thread has ended."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):
            self._portal.call(self._leave)
        with contextlib.suppress(Exception):
            self._portal_cm.__exit__(None, None, None)

    async def _leave(self) -> None:
        if self._awareness is not None and self._server is None and self._channel is not None:
            self._awareness.set_local_state(None)
            with anyio.move_on_after(0.5):
                await self._send_presence()
        if self._cancel is not None:
            self._cancel.cancel()
        if self._server is not None:
            with contextlib.suppress(Exception):
                await self._server.room.awareness.stop()
