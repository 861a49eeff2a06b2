"""Finding a session on the venue's network: mDNS / DNS-SD with zeroconf.

The host advertises ``_srmtool._tcp.local.`` with its addresses, its port and the map's title
(never the room code: the code is what the room is told from the projector). A joiner's browser
lists what it hears. Both speak only on the interfaces they are given (the host: the addresses
its room listens on).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import ifaddr
from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceListener, Zeroconf

SERVICE: Final = "_srmtool._tcp.local."
MAX_TITLE: Final = 120  # characters of the title in the advertisement (a TXT value is at most 255 bytes)


@dataclass(frozen=True)
class Found:
    """A session heard on the network."""

    name: str  # the advertisement's instance name
    title: str
    host: str  # the first IPv4 address it gave
    port: int
    addresses: tuple[str, ...]


def local_addresses() -> list[str]:
    """This machine's IPv4 addresses on local networks (private or link-local), for the room to
    listen on; empty when it has none (then only 127.0.0.1 can be used)."""
    import ipaddress

    found: list[str] = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if not ip.is_IPv4 or not isinstance(ip.ip, str):
                continue
            address = ipaddress.ip_address(ip.ip)
            if (address.is_private or address.is_link_local) and not address.is_loopback:
                found.append(ip.ip)
    return sorted(dict.fromkeys(found))


def _instance(title: str) -> str:
    """The advertisement's name: the title and the machine, within DNS's 63 bytes."""
    clean = "".join(ch for ch in title if ch.isprintable() and ch not in ".\\")
    machine = socket.gethostname().split(".")[0][:15]
    room = 60 - len(machine.encode()) - 3
    while len(clean.encode()) > room:
        clean = clean[:-1]
    return f"{clean.strip() or 'srmtool'} ({machine})"


class Advertisement:
    """The host's mDNS advertisement while the room is open."""

    def __init__(self, title: str, port: int, addresses: Sequence[str]) -> None:
        self._zeroconf = Zeroconf(interfaces=list(addresses), ip_version=IPVersion.V4Only)
        name = _instance(title)
        self.info = ServiceInfo(
            SERVICE,
            f"{name}.{SERVICE}",
            addresses=[socket.inet_aton(a) for a in addresses],
            port=port,
            properties={"v": "1", "title": title[:MAX_TITLE].encode()[:250]},
            server=f"srmtool-{port}.local.",
        )
        self._closed = False
        # Registering waits for mDNS's probing (about a second and a half): not on the caller's time.
        self._registering = threading.Thread(target=self._register, name="srmtool-mdns", daemon=True)
        self._registering.start()

    def _register(self) -> None:
        with contextlib.suppress(Exception):  # a network without multicast: the address is typed
            self._zeroconf.register_service(self.info, allow_name_change=True)

    def close(self) -> None:
        """Say goodbye on the network (the browsers drop the session at once); once."""
        if self._closed:
            return
        self._closed = True
        self._registering.join(timeout=5)
        with contextlib.suppress(Exception):
            self._zeroconf.unregister_service(self.info)
        self._zeroconf.close()


class _Listener(ServiceListener):
    def __init__(self, browser: Browser) -> None:
        self._browser = browser

    def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self._browser._resolve(zc, type_, name)

    def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self._browser._resolve(zc, type_, name)

    def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
        self._browser._forget(name)


class Browser:
    """Lists the sessions heard on ``interfaces`` (None: every interface); ``on_change`` is
    called (on zeroconf's thread) with the current list whenever it changes."""

    def __init__(
        self, on_change: Callable[[list[Found]], None], interfaces: Sequence[str] | None = None
    ) -> None:
        self._on_change = on_change
        self._found: dict[str, Found] = {}
        self._lock = threading.Lock()
        kwargs: dict[str, Any] = {"ip_version": IPVersion.V4Only}
        if interfaces is not None:
            kwargs["interfaces"] = list(interfaces)
        self._zeroconf = Zeroconf(**kwargs)
        self._browser = ServiceBrowser(self._zeroconf, SERVICE, _Listener(self))

    def _resolve(self, zc: Zeroconf, type_: str, name: str) -> None:
        info = zc.get_service_info(type_, name, timeout=1500)
        if info is None or not info.port:
            return
        addresses = tuple(info.parsed_addresses(IPVersion.V4Only))
        if not addresses:
            return
        raw = (info.properties or {}).get(b"title") or b""
        title = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else ""
        found = Found(name, title[:MAX_TITLE], addresses[0], int(info.port), addresses)
        with self._lock:
            self._found[name] = found
            listed = sorted(self._found.values(), key=lambda f: f.name)
        self._on_change(listed)

    def _forget(self, name: str) -> None:
        with self._lock:
            if self._found.pop(name, None) is None:
                return
            listed = sorted(self._found.values(), key=lambda f: f.name)
        self._on_change(listed)

    def close(self) -> None:
        self._browser.cancel()
        self._zeroconf.close()
