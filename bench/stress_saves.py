"""Several processes saving one map file at the same time, as two windows (or a window and a script)
may do on one shared folder.

Run by hand: ``.venv/bin/python bench/stress_saves.py [--processes N] [--seconds S] [--folder DIR]``.
Each process saves one of two small Thai maps over the same ``map.srm`` as fast as it can until the
time is up. It prints how many saves ran, how many failed (with each distinct message), whether the
file and its ``.bak`` load afterwards, and the temporary files left in the folder. The target is
0 failures and no temporary file left.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from srmtool.model.errors import MapFileError
from srmtool.model.srmfile.codec import load_map, save_map
from srmtool.model.types import Meta, Objective, RouteMap


def _map(version: int) -> RouteMap:
    route_map = RouteMap(meta=Meta(title=f"แผนที่ทางเดินยุทธศาสตร์ ฉบับที่ {version}"))
    route_map.objectives = [
        Objective(id=f"o{i}", code=f"ป{i}", perspective="people", text=f"ประชาชนมีสุขภาพดี {version} {i}")
        for i in range(20)
    ]
    return route_map


Result = tuple[int, dict[str, int], float]  # saves, failures by message, median seconds per save


def _saver(target: str, seconds: float, which: int, results: multiprocessing.Queue[Result]) -> None:
    maps = [_map(1), _map(2)]
    failures: Counter[str] = Counter()
    saves = 0
    times: list[float] = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.perf_counter()
        try:
            save_map(maps[(saves + which) % 2], target)
        except MapFileError as exc:
            failures[exc.message_en] += 1
        times.append(time.perf_counter() - started)
        saves += 1
    results.put((saves, dict(failures), statistics.median(times) if times else 0.0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder) as folder:
        target = os.path.join(folder, "map.srm")
        save_map(_map(0), target)
        results: multiprocessing.Queue[Result] = multiprocessing.Queue()
        workers = [
            multiprocessing.Process(target=_saver, args=(target, args.seconds, i, results))
            for i in range(args.processes)
        ]
        for worker in workers:
            worker.start()
        done = [results.get() for _ in workers]
        for worker in workers:
            worker.join()
        saves = sum(d[0] for d in done)
        failures: Counter[str] = Counter()
        for d in done:
            failures.update(d[1])
        medians = [d[2] for d in done]
        print(
            f"processes {args.processes}, {args.seconds:g} s: {saves} saves, {sum(failures.values())} failed"
        )
        print(f"median save per process: {', '.join(f'{m * 1000:.2f} ms' for m in medians)}")
        for message, count in failures.most_common():
            print(f"  {count} × {message}")
        for path in (target, target + ".bak"):
            load_map(path)  # raises if the file is not whole
        left = sorted(p.name for p in Path(folder).iterdir() if p.name.endswith(".tmp"))
        print(f"map.srm and map.srm.bak load; temporary files left: {left or 'none'}")


if __name__ == "__main__":
    main()
