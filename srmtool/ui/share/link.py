"""The editor's side of a shared map: its Document, a pycrdt Doc on the GUI thread, and the
network ``Session`` on its own thread.

Threads: the Doc, its mirror and undo manager live on the GUI thread with the map; the session
thread keeps the wire's Doc. What comes from the network reaches the GUI thread through a queued
signal (``_arrived``); what this laptop changes goes to the session with ``Session.send``, which
returns at once. Updates that arrive together are applied in one go on the next turn of the event
loop (one pull for a burst), and a second after the last one the whole Doc is read once more
(``Mirror.verify``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from srmtool.model.changes import Change
from srmtool.share.mirror import Mirror
from srmtool.share.net import MAX_MESSAGE_BYTES
from srmtool.share.schema import Roots, new_doc, read_map
from srmtool.share.session import Session
from srmtool.ui.document import Document

VERIFY_AFTER_MS: Final = 1000
TAG_LETTERS: Final = "abcdefghjkmnpqrstuvwxyz23456789"


def new_tag() -> str:
    """A laptop's id tag for the ids it makes while shared (``RouteMap.set_id_tag``)."""
    return "".join(random.SystemRandom().choice(TAG_LETTERS) for _ in range(4))


class SharedMap(QObject):
    """One window's part in a session: ``host(...)`` or ``join(...)``, then ``leave()``.

    Signals (on the GUI thread): ``state_changed(kind, payload)`` for the session's events
    (``connected``, ``synced``, ``lost``, ``refused`` with the HTTP status, ``count`` with the
    number of laptops connected) and ``presence_changed(states)`` (client id → name, colour and
    selection of each other person)."""

    state_changed = Signal(str, object)
    presence_changed = Signal(object)
    _arrived = Signal(str, object)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.doc = new_doc()
        self.mirror: Mirror | None = None
        self.session = Session(self._arrived.emit)  # emitted on the session's thread: queued
        self._arrived.connect(self._on_arrived)
        self._receiving = False
        self._subscription = self.doc.observe(self._on_transaction)
        self.is_host = False
        self.synced = False
        self.code = ""
        self.port = 0
        self.presence: dict[int, Any] = {}
        self._pull = QTimer(self)
        self._pull.setSingleShot(True)
        self._pull.setInterval(0)
        self._pull.timeout.connect(self._follow)
        self._verify = QTimer(self)
        self._verify.setSingleShot(True)
        self._verify.setInterval(VERIFY_AFTER_MS)
        self._verify.timeout.connect(self._verify_now)
        self._left = False

    # -- starting --------------------------------------------------------------------------------

    def host(
        self, code: str, hosts: Sequence[str], port: int = 0, max_message: int = MAX_MESSAGE_BYTES
    ) -> int:
        """Open a room on ``hosts`` with this window's map; the port. Raises OSError."""
        self.mirror = Mirror(self.doc, self.document.route_map)
        self.mirror.start_from_map()
        self.document.route_map.set_id_tag(new_tag())
        self.port = self.session.host(self.doc.get_update(), code, list(hosts), port, max_message)
        self.code, self.is_host, self.synced = code, True, True
        self.document.set_mirror(self)
        return self.port

    def join(self, host: str, port: int, code: str) -> None:
        """Join a room; the map is replaced by the room's once it has arrived (``synced``)."""
        self.code, self.port = code, port
        self.session.join(host, port, code)

    def leave(self) -> None:
        """Leave the session (the host: close the room). The map stays as it is, unshared."""
        if self._left:
            return
        self._left = True
        self._pull.stop()
        self._verify.stop()
        self.session.close()
        if self.document.mirror is self:
            self.document.set_mirror(None)
            self.document.route_map.set_id_tag("")
        if self.mirror is not None:
            self.mirror.close()
        self.doc.unobserve(self._subscription)

    # -- this laptop's changes ---------------------------------------------------------------------

    def _on_transaction(self, event: Any) -> None:
        if not self._receiving:
            self.session.send(event.update)

    def publish(self, changes: Sequence[Change], undoable: bool) -> int:
        if self.mirror is None:
            return 0
        return 1 if self.mirror.publish(changes, undoable) else 0

    def undo(self, steps: int) -> None:
        self._undo_redo(steps, redo=False)

    def redo(self, steps: int) -> None:
        self._undo_redo(steps, redo=True)

    def _undo_redo(self, steps: int, redo: bool) -> None:
        if self.mirror is None:
            return
        manager = self.mirror.undo_manager
        for _ in range(steps):
            manager.redo() if redo else manager.undo()
        self.mirror.verify()  # an undo's events can miss what lands in restored items
        self.document.apply_remote(self.mirror.pull())

    def set_presence(self, state: dict[str, Any] | None) -> None:
        self.session.set_presence(state)

    # -- the others' ---------------------------------------------------------------------------

    @Slot(str, object)
    def _on_arrived(self, kind: str, payload: object) -> None:
        if self._left:
            return
        if kind == "update" and isinstance(payload, bytes):
            self._receiving = True
            try:
                if self.mirror is not None:
                    self.mirror.receive(payload)
                else:
                    self.doc.apply_update(payload)
            finally:
                self._receiving = False
            if self.mirror is not None:
                self._pull.start()
                self._verify.start()
            return
        if kind == "presence" and isinstance(payload, dict):
            self.presence = payload
            self.presence_changed.emit(payload)
            return
        if kind == "synced" and not self.synced:
            self._adopt()
        if kind == "lost" and self.presence:  # who was there is not known while away
            self.presence = {}
            self.presence_changed.emit({})
        self.state_changed.emit(kind, payload)

    def _adopt(self) -> None:
        """A joiner's first sync: the window's map becomes the room's."""
        self.document.replace(read_map(Roots.of(self.doc)))
        self.document.route_map.set_id_tag(new_tag())
        self.mirror = Mirror(self.doc, self.document.route_map)
        self.mirror.refresh_all()
        self.document.set_mirror(self)
        self.synced = True
        self.document.apply_remote(self.mirror.pull())

    @Slot()
    def _follow(self) -> None:
        if self.mirror is not None and self.mirror.dirty:
            self.document.apply_remote(self.mirror.pull())

    @Slot()
    def _verify_now(self) -> None:
        if self.mirror is not None and self.mirror.unverified:
            self.mirror.verify()
            self.document.apply_remote(self.mirror.pull())
