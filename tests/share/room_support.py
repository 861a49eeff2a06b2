"""Helpers for the room tests: peers on 127.0.0.1, a cable that can be pulled, and waiting."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterable

from srmtool.model.srmfile.codec import dumps_map
from srmtool.share.mirror import _state
from srmtool.share.peer import Peer


class Cable:
    """A TCP forwarder from a local port to the host's: ``cut()`` drops every connection and
    refuses new ones (a laptop off the Wi-Fi) until ``mend()``."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.closed = False
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._spawn(self._accept)

    def _spawn(self, run: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=run, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self.closed:
            try:
                conn, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            if not self.up:
                conn.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target), timeout=2)
            except OSError:
                conn.close()
                continue
            with self._lock:
                self._pairs.append((conn, upstream))
            self._spawn(self._pump, conn, upstream)
            self._spawn(self._pump, upstream, conn)

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        src.settimeout(None)
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.up = False
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for a, b in pairs:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    def mend(self) -> None:
        self.up = True

    def close(self) -> None:
        self.cut()
        self.closed = True
        self.listener.close()
        for thread in self._threads:
            thread.join(timeout=2)


def same_map(peers: Iterable[Peer]) -> bool:
    peers = list(peers)
    first = dumps_map(peers[0].route_map)
    state = _state(peers[0].replica.doc.get_state())
    return all(
        p.synced and _state(p.replica.doc.get_state()) == state and dumps_map(p.route_map) == first
        for p in peers
    )


def settle(peers: list[Peer], seconds: float = 20.0) -> bool:
    """Pump every peer until all hold the same Doc and the same map bytes (after a full read)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for p in peers:
            p.pump(0.01)
        if same_map(peers):
            for p in peers:
                p.replica.sync(verify=True)
            if same_map(peers):
                return True
    return False
