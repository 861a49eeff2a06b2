"""Benchmark of live co-editing on loopback (127.0.0.1 only): latency and joining.

Run by hand: ``.venv/bin/python bench/bench_share.py [--runs N] [--laptops 12]``. Everything runs
in this process: one host and N laptops (headless ``srmtool.share.peer.Peer``s, each with its own
network thread), pumped in turn by the main thread as the editor's event loop would be. Prints
medians against the targets:

- an edit visible on every other laptop ≤ 200 ms (one laptop types; then all 12 edit at once);
- a 300-objective map (300 rows of 11 Thai cells) joins in < 2 s: from ``join`` until the map on
  the new laptop is the host's, byte for byte;
- the size of that map's first sync message.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_core import make_big_map

from srmtool.model.operations import SetCell, SetObjectiveText
from srmtool.model.srmfile.codec import dumps_map
from srmtool.model.types import RouteMap
from srmtool.share.peer import Peer


def _pump_all(peers: list[Peer]) -> None:
    for p in peers:
        p.pump()


def _wait(peers: list[Peer], done: object, seconds: float = 10.0) -> float:
    start = time.perf_counter()
    while not all(done(p) for p in peers):  # type: ignore[operator]
        if time.perf_counter() - start > seconds:
            raise TimeoutError("not seen in time")
        _pump_all(peers)
        time.sleep(0.0005)
    return time.perf_counter() - start


def _room(route_map: RouteMap, laptops: int) -> tuple[Peer, list[Peer]]:
    host = Peer(route_map)
    host.host()
    others = [Peer(None, tag=f"l{i}") for i in range(laptops)]
    for p in others:
        p.join("127.0.0.1", host.port, host.code)
    _wait(others, lambda p: p.synced)
    return host, others


def latency(laptops: int, runs: int) -> tuple[float, float]:
    """Median seconds until one laptop's edit is on all the others; and until, with every laptop
    editing at once, each edit is on all the others."""
    host, others = _room(make_big_map(objectives=40, links=80, rows=30, seed=5), laptops)
    everyone = [host, *others]
    oid = host.route_map.objectives[0].id
    one: list[float] = []
    for n in range(runs):
        text = f"อสม.สำรวจลูกน้ำยุงลาย รอบที่ {n}"
        start = time.perf_counter()
        others[0].edit(SetObjectiveText(oid, text))
        _wait(
            [p for p in everyone if p is not others[0]],
            lambda p, text=text: p.route_map.objective(oid).text == text,
        )
        one.append(time.perf_counter() - start)
    rng = random.Random(1)
    rows = [r.id for r in host.route_map.table.rows]
    many: list[float] = []
    for n in range(runs):
        start = time.perf_counter()
        wanted: dict[str, str] = {}
        for i, p in enumerate(others):
            row = rows[(i + n) % len(rows)]
            value = f"{rng.randrange(1000, 99999):,} บาท ({i})"
            p.edit(SetCell(row, "budget", value))
            wanted[row] = value
        _wait(
            everyone,
            lambda p, w=wanted: all(p.route_map.row(r).cells.get("budget") == v for r, v in w.items()),
        )
        many.append(time.perf_counter() - start)
    for p in everyone:
        p.close()
    return statistics.median(one), statistics.median(many)


def join_time(runs: int) -> tuple[float, int]:
    big = make_big_map(objectives=300, links=600, rows=300, seed=300)
    host = Peer(big)
    host.host()
    expected = dumps_map(host.route_map)
    size = len(host.replica.doc.get_update())
    took: list[float] = []
    for n in range(runs):
        peer = Peer(None, tag=f"j{n}")
        start = time.perf_counter()
        peer.join("127.0.0.1", host.port, host.code)
        while not (peer.synced and dumps_map(peer.route_map) == expected):
            peer.pump(0.001)
            host.pump()
            if time.perf_counter() - start > 20:
                raise TimeoutError("did not join in 20 s")
        took.append(time.perf_counter() - start)
        peer.close()
    host.close()
    return statistics.median(took), size


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--laptops", type=int, default=12)
    args = parser.parse_args()
    one, many = latency(args.laptops, args.runs)
    print(f"1 host + {args.laptops} laptops, loopback, medians of {args.runs}:")
    print(f"  one laptop's edit on all the others      {one * 1000:7.1f} ms   (target ≤ 200 ms)")
    print(f"  all {args.laptops} editing at once, all seen by all {many * 1000:7.1f} ms   (target ≤ 200 ms)")
    seconds, size = join_time(args.runs)
    print(f"  joining a 300-objective map (300 rows)   {seconds * 1000:7.1f} ms   (target < 2,000 ms)")
    print(f"  that map as one Yjs update              {size / 1024:7.1f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
