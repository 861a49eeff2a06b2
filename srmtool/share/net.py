"""The room on the venue's network: pycrdt-websocket's room served over WebSocket (the
``websockets`` package), and the joiner's side with pycrdt's ``Provider``.

The wire is y-websocket's: a joiner opens ``ws://HOST:PORT/ROOMCODE``; messages are the Yjs sync
and awareness messages. What this module adds is the door:

- the room code: a request for any other path gets HTTP 403 and no byte of the map; an address
  that gives a wrong code 10 times waits a minute;
- the local network only: peers from public addresses are refused (loopback, private and
  link-local addresses are let in), and the host binds to the addresses it is given;
- limits: at most ``max_clients`` connections, messages of at most ``max_message`` bytes (a
  larger frame closes that one connection with 1009; the room goes on), Yjs updates that do not
  decode are dropped and that connection goes on;
- nothing received is executed: updates are Yjs data, read into the map as plain JSON values.
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Final

import anyio
from pycrdt import Doc, YMessageType, YSyncMessageType, create_awareness_message, read_message
from pycrdt.websocket import WebsocketServer, YRoom
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

log = logging.getLogger("srmtool.share")

#: A message (one Yjs update, or the whole map on joining) may be this large: a map at the file
#: size limit (20 MiB) and its history.
MAX_MESSAGE_BYTES: Final = 32 * 1024 * 1024
#: 1 host and 12 laptops, with room for a few reconnecting.
MAX_CLIENTS: Final = 24
#: Wrong room codes from one address before it waits.
MAX_WRONG_CODES: Final = 10
WRONG_CODE_WAIT: Final = 60.0
ROOM: Final = "srm"

#: The room code's letters: no 0/O, 1/I/L, 5/S, 2/Z that a room reads from a projector wrongly.
CODE_LETTERS: Final = "ABCDEFGHJKMNPQRTUVWXY346789"
CODE_LENGTH: Final = 6


def new_code() -> str:
    """A fresh room code (6 of 27 letters: 387 million codes)."""
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


def normal_code(code: str) -> str:
    """The code as typed, without spaces or dashes, in capitals."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def local_peer(address: str) -> bool:
    """Whether a peer at ``address`` is on this machine or the local network."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or ip.is_private or ip.is_link_local


@dataclass
class Door:
    """Who may come in: the room code, the address, the number of connections."""

    code: str
    max_clients: int = MAX_CLIENTS
    connected: int = 0
    refused: int = 0
    _wrong: dict[str, tuple[int, float]] = field(default_factory=dict)

    def check(self, address: str, path: str) -> HTTPStatus | None:
        """None to let the request in, else the status to refuse it with."""
        if not local_peer(address):
            return HTTPStatus.FORBIDDEN
        count, since = self._wrong.get(address, (0, 0.0))
        if count >= MAX_WRONG_CODES and time.monotonic() - since < WRONG_CODE_WAIT:
            return HTTPStatus.TOO_MANY_REQUESTS
        given = normal_code(path.strip("/").split("?", 1)[0])
        if not hmac.compare_digest(given.encode(), normal_code(self.code).encode()):
            self._wrong[address] = (count + 1 if count < MAX_WRONG_CODES else 1, time.monotonic())
            return HTTPStatus.FORBIDDEN
        self._wrong.pop(address, None)
        if self.connected >= self.max_clients:
            return HTTPStatus.SERVICE_UNAVAILABLE
        return None


class Channel:
    """A ``websockets`` connection as pycrdt's ``Channel`` (bytes in, bytes out). Text frames
    and a closed connection end the stream."""

    def __init__(self, websocket: Any, path: str = ROOM) -> None:
        self._websocket = websocket
        self._path = path

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> Channel:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self.recv()
        except (ConnectionClosed, OSError):
            raise StopAsyncIteration from None

    async def send(self, message: bytes) -> None:
        with contextlib.suppress(ConnectionClosed):
            await self._websocket.send(message)

    async def recv(self) -> bytes:
        while True:
            message = await self._websocket.recv()
            if isinstance(message, bytes):
                return message


def valid_update(doc: Doc[Any], message: bytes) -> bool:
    """Apply a sync step 2 or update message to ``doc`` if it decodes; whether it did."""
    try:
        update = read_message(message[2:])
        doc.apply_update(update)
    except Exception as exc:  # a Yjs decoding error: the update is refused, the peer stays
        log.warning("refused an update that does not decode: %s", exc)
        return False
    return True


class RoomServer:
    """The host's side: one room holding ``doc``, behind the door."""

    def __init__(self, doc: Doc[Any], door: Door, max_message: int = MAX_MESSAGE_BYTES) -> None:
        self.doc = doc
        self.door = door
        self.max_message = max_message
        self.refused_messages = 0
        self._websockets = WebsocketServer(rooms_ready=True, auto_clean_rooms=False, log=log)
        self.room = YRoom(ready=True, ydoc=doc, log=log, exception_handler=_keep_going)
        self.room.on_message = self._filter
        self.room.on_message_error = self._on_error
        self._websockets.rooms[ROOM] = self.room
        self.port = 0
        self.on_count: Callable[[int], None] | None = None

    def _filter(self, message: bytes) -> bool:
        """True to skip a message: too large, of no known kind, or an update that does not decode
        (applied here, so that a broken one never reaches the room's task)."""
        if len(message) > self.max_message or len(message) < 2:
            self.refused_messages += 1
            return True
        kind = message[0]
        if kind == YMessageType.AWARENESS:
            return False
        if kind != YMessageType.SYNC:
            self.refused_messages += 1
            return True
        if message[1] in (YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE):
            if not valid_update(self.doc, message):
                self.refused_messages += 1
            return True
        return False

    def _on_error(self, exc: Exception, message: bytes, channel: Any) -> bool:
        self.refused_messages += 1
        log.warning("refused a message: %s", exc)
        return True

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        address = str(connection.remote_address[0]) if connection.remote_address else ""
        status = self.door.check(address, request.path)
        if status is None:
            return None
        self.door.refused += 1
        return connection.respond(status, f"{status.phrase}\n")

    async def _handler(self, websocket: ServerConnection) -> None:
        self.door.connected += 1
        self._count()
        channel = Channel(websocket)
        try:
            awareness = self.room.awareness
            if awareness.states:  # who is here already (the room relays only changes)
                update = awareness.encode_awareness_update(list(awareness.states))
                await channel.send(create_awareness_message(update))
            await self._websockets.serve(channel)
        finally:
            self.door.connected -= 1
            self._count()

    def _count(self) -> None:
        if self.on_count is not None:
            self.on_count(self.door.connected)

    async def run(self, hosts: list[str], port: int, *, task_status: Any = anyio.TASK_STATUS_IGNORED) -> None:
        """Serve until cancelled; ``task_status.started(port)`` once listening."""
        async with self._websockets:
            await self._websockets.start_room(self.room)
            async with serve(
                self._handler,
                hosts,  # type: ignore[arg-type]  # a list of hosts goes to loop.create_server
                port,
                process_request=self._process_request,
                max_size=self.max_message,
                max_queue=64,
                ping_interval=10,
                ping_timeout=20,
                compression=None,
            ) as server:
                sockets = list(server.sockets)
                self.port = sockets[0].getsockname()[1] if sockets else port
                task_status.started(self.port)
                await anyio.sleep_forever()


def _keep_going(exception: Exception, logger: logging.Logger) -> bool:
    logger.warning("room: %s", exception)
    return True
