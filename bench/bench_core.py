"""Benchmark of the core: loading, saving and checking a large map.

Run by hand: ``/work/venv/bin/python bench/bench_core.py [--runs N]``. It builds (seeded, so every
run is the same) a map of 2,000 objectives, 6,000 links and 1,000 table rows with Thai text, then
prints the file size, median times and peak memory against the targets:

- load ≤ 5 × ``json.loads`` of the same bytes
- save ≤ 150 ms
- ``check_map`` ≤ 100 ms (timed only when ``srmtool.model.checks.check_map`` exists)
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from srmtool.model.srmfile.codec import dumps_map, load_map, loads_map, save_map
from srmtool.model.templates import default_columns
from srmtool.model.types import CODE_PREFIX, PERSPECTIVE_IDS, Link, Objective, RouteMap, Row, Stakeholder

_WORDS = (  # noqa: SIM905 (reads better as one text)
    "ประชาชน จัดการ แหล่งเพาะพันธุ์ ยุงลาย ในครัวเรือน ชุมชน โรงเรียน วัด อสม. รพ.สต. อปท. กองทุน "
    "หลักประกันสุขภาพ เฝ้าระวัง ป้องกัน ควบคุมโรค ไข้เลือดออก ข้อมูล สารสนเทศ ทีมงาน เรียนรู้ "
    "สื่อสาร ความเสี่ยง มาตรการทางสังคม ประเมินผล ติดตาม ผู้นำชุมชน ภาคีเครือข่าย มีส่วนร่วม "
    "พฤติกรรม สุขภาพ ผู้สูงอายุ เบาหวาน ความดันโลหิตสูง ที่ น้ำ ปี่ ชื่อ"
).split()


def _thai(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(_WORDS) for _ in range(words))


def make_big_map(
    objectives: int = 2_000, links: int = 6_000, rows: int = 1_000, seed: int = 2567
) -> RouteMap:
    """A deterministic large map with Thai text everywhere."""
    rng = random.Random(seed)
    route_map = RouteMap()
    route_map.meta.title = "แผนที่ทางเดินยุทธศาสตร์ การป้องกันควบคุมโรคไข้เลือดออก จังหวัดตัวอย่าง"
    route_map.meta.organization = "สำนักงานสาธารณสุขจังหวัด"
    route_map.meta.authors = ["ทีมยุทธศาสตร์", "คณะทำงานระดับอำเภอ"]
    route_map.destination = "ประชาชนมีสุขภาวะที่ดี ชุมชนจัดการสุขภาพได้อย่างยั่งยืน ภายในปี 2570"
    route_map.stakeholders = [
        Stakeholder(id=f"s{i}", name=_thai(rng, 3), kind="ภาคี", role=_thai(rng, 6)) for i in range(60)
    ]
    by_level: dict[str, list[str]] = {p: [] for p in PERSPECTIVE_IDS}
    for i in range(objectives):
        level = PERSPECTIVE_IDS[i % 4]
        oid = f"o{i}"
        by_level[level].append(oid)
        route_map.objectives.append(
            Objective(
                id=oid,
                code=f"{CODE_PREFIX[level]}{len(by_level[level])}",
                perspective=level,
                text=_thai(rng, rng.randint(4, 14)),
                x=rng.randint(0, 4000) + rng.choice((0.0, 0.5, 0.25)),
                y=float(rng.randint(0, 900)),
                key_route=rng.random() < 0.1,
                notes=_thai(rng, 5) if rng.random() < 0.3 else "",
                stakeholders=[f"s{rng.randrange(60)}" for _ in range(rng.randint(0, 3))],
            )
        )
    seen: set[tuple[str, str]] = set()
    upward = list(zip(PERSPECTIVE_IDS[1:], PERSPECTIVE_IDS, strict=False))
    while len(route_map.links) < links:
        lower, upper = rng.choice(upward)
        pair = (rng.choice(by_level[lower]), rng.choice(by_level[upper]))
        if pair not in seen:
            seen.add(pair)
            route_map.links.append(Link(source=pair[0], target=pair[1]))
    route_map.table.columns = default_columns()
    keys = [c.key for c in route_map.table.columns if c.key != "objective"]
    for i in range(rows):
        cells = {k: _thai(rng, rng.randint(2, 8)) for k in keys}
        cells["budget"] = f"{rng.randint(1, 500) * 1000:,}"
        route_map.table.rows.append(Row(id=f"r{i}", objective=f"o{rng.randrange(objectives)}", cells=cells))
    return route_map


def _median_ms(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _peak_kib(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def _verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15, help="timed runs per figure (median)")
    args = parser.parse_args()
    runs: int = args.runs

    route_map = make_big_map()
    data = dumps_map(route_map)
    print(
        f"map: {len(route_map.objectives):,} objectives, {len(route_map.links):,} links, "
        f"{len(route_map.table.rows):,} rows; file {len(data) / 1024:,.0f} KiB"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ใหญ่.srm"
        save_map(route_map, path)
        loaded = load_map(path)
        assert loaded == route_map, "the map changed on its way through the file"

        json_ms = _median_ms(lambda: json.loads(data), runs)
        load_ms = _median_ms(lambda: load_map(path), runs)
        loads_ms = _median_ms(lambda: loads_map(data), runs)
        dumps_ms = _median_ms(lambda: dumps_map(route_map), runs)
        save_ms = _median_ms(lambda: save_map(route_map, path), runs)
        load_peak = _peak_kib(lambda: load_map(path))
        save_peak = _peak_kib(lambda: save_map(route_map, path))

    ratio = load_ms / json_ms
    print(f"median of {runs} runs:")
    print(f"  json.loads (bare)   {json_ms:8.1f} ms")
    verdict = _verdict(ratio <= 5)
    print(f"  load_map            {load_ms:8.1f} ms  = {ratio:.2f} x json.loads (target <= 5)  {verdict}")
    print(f"    of which loads_map{loads_ms:8.1f} ms")
    print(f"  save_map            {save_ms:8.1f} ms  (target <= 150 ms)  {_verdict(save_ms <= 150)}")
    print(f"    of which dumps_map{dumps_ms:8.1f} ms")
    print(f"  peak memory: load {load_peak / 1024:,.1f} MiB, save {save_peak / 1024:,.1f} MiB (tracemalloc)")

    try:
        check_map = importlib.import_module("srmtool.model.checks").check_map
    except (ImportError, AttributeError):
        print("  check_map           not available yet (srmtool.model.checks.check_map)")
        return
    findings = check_map(route_map)
    check_ms = _median_ms(lambda: check_map(route_map), runs)
    print(
        f"  check_map           {check_ms:8.1f} ms  (target <= 100 ms)  {_verdict(check_ms <= 100)}"
        f"  [{len(findings)} findings]"
    )


if __name__ == "__main__":
    main()
