"""``srmtool serve MAP.srm [--port N] [--code CODE] [--host ADDR]... [--no-announce]``.

Hosts a room without a window (a venue PC): the laptops join it from File → Join a Session… with
the room code printed here. The map file is the file of record: every change from the room is
saved into it atomically (a second after the last change, at least every 10 seconds while changes
go on, and on the way out), the previous version kept as MAP.srm.bak. Ctrl+C or SIGTERM ends it.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any, Final, TextIO

from srmtool.cli.text import say

EXIT_OK: Final = 0
EXIT_FAILED: Final = 2
DEFAULT_PORT: Final = 8765
SAVE_AFTER: Final = 1.0  # seconds without changes before saving
SAVE_AT_LEAST: Final = 10.0  # seconds between saves while changes go on


def add_parser(
    sub: argparse._SubParsersAction[Any],
    lang: str,
    common: Callable[[argparse._ArgumentGroup, str], None],
) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "serve", lang=lang, help=say(lang, "help_serve"), description=say(lang, "help_serve_long")
    )
    args = parser.add_argument_group(say(lang, "arguments_title"))
    args.add_argument("file", metavar="MAP.srm", help=say(lang, "help_serve_file"))
    opts = parser.add_argument_group(say(lang, "options_title"))
    opts.add_argument("--port", type=int, default=DEFAULT_PORT, help=say(lang, "help_serve_port"))
    opts.add_argument("--code", help=say(lang, "help_serve_code"))
    opts.add_argument("--host", action="append", metavar="ADDR", help=say(lang, "help_serve_host"))
    opts.add_argument("--no-announce", action="store_true", help=say(lang, "help_serve_no_announce"))
    common(opts, lang)


class _Stop(Exception):
    pass


def _on_signal(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def run_serve(ns: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> int:
    from srmtool.cli.map_commands import read_map
    from srmtool.model.errors import MapFileError
    from srmtool.share.discovery import Advertisement, local_addresses
    from srmtool.share.net import CODE_LETTERS, new_code, normal_code
    from srmtool.share.peer import Peer

    route_map = read_map(ns.file)
    if isinstance(route_map, MapFileError):
        print(route_map.message(lang), file=err)
        return EXIT_FAILED
    code = normal_code(ns.code) if ns.code else new_code()
    if not 4 <= len(code) <= 32 or not all(ch in CODE_LETTERS or ch.isdigit() or ch.isalpha() for ch in code):
        print(say(lang, "serve_bad_code"), file=err)
        return EXIT_FAILED
    if not 0 <= ns.port <= 65535:
        print(say(lang, "serve_bad_port", port=ns.port), file=err)
        return EXIT_FAILED
    lan = local_addresses()
    hosts = ns.host or ["127.0.0.1", *lan]
    peer = Peer(route_map)
    try:
        port = peer.host(code, hosts, ns.port)
    except OSError as exc:
        peer.close()
        print(say(lang, "serve_cannot_listen", port=ns.port, reason=exc.strerror or exc), file=err)
        return EXIT_FAILED
    shown = [h for h in hosts if h != "127.0.0.1"] or ["127.0.0.1"]
    print(say(lang, "serve_open", path=ns.file, code=code), file=out)
    for host in shown:
        print(f"  ws://{host}:{port}/", file=out)
    if shown[0] != "127.0.0.1":
        _print_qr(f"srmtool://{shown[0]}:{port}/{code}", out)
    out.flush()
    announce = [h for h in hosts if h in lan or h == "127.0.0.1"]
    advert = (
        None if ns.no_announce else Advertisement(route_map.meta.title or Path(ns.file).stem, port, announce)
    )
    previous = {s: signal.signal(s, _on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    status = EXIT_OK
    try:
        status = _serve(peer, Path(ns.file), lang, out, err)
    except _Stop:
        pass
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if advert is not None:
            advert.close()
        peer.session.close()
        peer.pump()
        if not _save(peer, Path(ns.file), lang, err):
            status = EXIT_FAILED
        peer.replica.close()
    print(say(lang, "serve_closed", path=ns.file), file=out)
    return status


def _serve(peer: Any, path: Path, lang: str, out: TextIO, err: TextIO) -> int:
    unsaved_since: float | None = None
    last_change = 0.0
    connected = 0
    while True:
        before = len(peer.events)
        changed = peer.pump(0.2) and peer.replica.mirror.unverified
        peer.verify_if_quiet()
        now = time.monotonic()
        if changed:
            last_change = now
            unsaved_since = unsaved_since or now
        for kind, payload in peer.events[before:]:
            if kind == "count" and payload != connected:
                connected = payload
                print(say(lang, "serve_count", count=connected), file=out, flush=True)
        if unsaved_since is not None and (
            now - last_change >= SAVE_AFTER or now - unsaved_since >= SAVE_AT_LEAST
        ):
            unsaved_since = None
            if not _save(peer, path, lang, err):
                return EXIT_FAILED


def _save(peer: Any, path: Path, lang: str, err: TextIO) -> bool:
    """Save the room's map, stamping ``meta.modified`` as an edit everyone receives."""
    from srmtool.model.errors import MapFileError
    from srmtool.model.operations import OperationError, SetMapField
    from srmtool.model.srmfile.codec import save_map
    from srmtool.model.types import now_iso

    try:
        peer.edit(SetMapField("meta.modified", now_iso()))
        if not peer.route_map.meta.created:
            peer.edit(SetMapField("meta.created", peer.route_map.meta.modified))
    except OperationError:
        pass
    try:
        save_map(peer.route_map, path)
    except MapFileError as exc:
        print(exc.message(lang), file=err, flush=True)
        return False
    return True


def _print_qr(text: str, out: TextIO) -> None:
    import segno

    with contextlib.suppress(UnicodeEncodeError, OSError):  # a terminal that cannot draw it
        segno.make(text, error="m").terminal(out=out, compact=True)
