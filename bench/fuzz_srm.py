"""Fuzzing the `.srm` loader and the exports with mutated files (run by hand, not by the test suite).

    .venv/bin/python bench/fuzz_srm.py [--inputs 10000] [--exports 300] [--seed 14] [--out DIR]

Each input is one of the bundled example maps, mutated: as bytes (flips, cuts, inserted and repeated
pieces) or as JSON (values replaced by other types, strings near and past their limits, numbers at
and past the coordinate range, keys removed, items repeated or cloned under fresh ids, boxes thrown
far apart, unknown keys, formula-like and control-character text). Every input goes to
``loads_map``; a map that loads must save (``dumps_map``) and load back to the same bytes. Then a
few hundred of the maps that loaded are exported to xlsx and pdf, each in a worker process with a
30-second limit. Prints: how inputs ended (loaded, refused and why), unexpected exceptions, hangs
(over 10 s to load, over 30 s to export), maps that load but cannot be saved, the slowest load and
the slowest exports. Inputs that went wrong are written to ``--out``.
"""

from __future__ import annotations

import argparse
import copy
import json
import multiprocessing as mp
import queue
import random
import signal
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

from srmtool.model import MapFileError, dumps_map, loads_map
from srmtool.model.limits import MAX_CODE_CHARS, MAX_COORDINATE, MAX_TEXT_CHARS
from srmtool.resources_path import resource

LOAD_SECONDS = 10
EXPORT_SECONDS = 30
THAI = "ประชาชนร่วมกันจัดการแหล่งเพาะพันธุ์ยุงลายที่บ้านน้ำบ่อหลวงปี่ชื่อ"
ODD_TEXTS = (
    "",
    " ",
    "=1+1",
    '\t=HYPERLINK("http://example.com")',
    "\r@SUM(A1:A9)",
    "+66 81 234 5678",
    "-500 บาท",
    "\x01\x02\x1f",
    "\u200b\u200b",
    "\u202eกลับด้าน",
    "😀👍🏽",
    "ที่ ชื่อ น้ำ ปี่",
    '<b>ตัวหนา</b> & \\ "',
    "๑๒,๕๐๐",
    "12,500.50",
    "\n\n\n",
)
NUMBERS: tuple[Any, ...] = (
    0,
    -0.0,
    1,
    -1,
    0.005,
    1e-9,
    999_999,
    -999_999,
    MAX_COORDINATE,
    -MAX_COORDINATE,
    MAX_COORDINATE + 1,
    1e300,
    2**63,
    10_000,
    10_001,
)


# -- making inputs -----------------------------------------------------------------------------------


def _text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(ODD_TEXTS)
    if roll < 0.55:
        return THAI[: rng.randint(0, len(THAI))]
    if roll < 0.65:
        return "ก" * rng.choice((MAX_CODE_CHARS, MAX_CODE_CHARS + 1, 300))
    if roll < 0.70:
        return THAI * rng.randint(50, 1500)  # long unbroken Thai: up to about 100,000 characters
    if roll < 0.72:
        return "ข" * rng.choice((MAX_TEXT_CHARS, MAX_TEXT_CHARS + 1))
    return "".join(chr(rng.choice((rng.randint(32, 126), rng.randint(0x0E01, 0x0E5B)))) for _ in range(20))


def _value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(7 if depth < 3 else 4)
    if kind == 0:
        return _text(rng)
    if kind == 1:
        return rng.choice(NUMBERS)
    if kind == 2:
        return rng.choice((None, True, False))
    if kind == 3:
        return rng.uniform(-2e6, 2e6)
    if kind == 4:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {_text(rng)[:10] or "k": _value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            out.extend(_nodes(value, (*path, key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out.extend(_nodes(value, (*path, i)))
    return out


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _mutate_json(doc: dict[str, Any], rng: random.Random) -> None:
    for _ in range(rng.randint(1, 6)):
        nodes = _nodes(doc)
        path = rng.choice(nodes[1:])
        parent, last = _at(doc, path[:-1]), path[-1]
        action = rng.randrange(10)
        if action == 0:
            parent[last] = _value(rng)
        elif action == 1 and isinstance(parent[last], str):
            parent[last] = _text(rng)
        elif action == 2 and isinstance(parent[last], int | float) and not isinstance(parent[last], bool):
            parent[last] = rng.choice(NUMBERS)
        elif action == 3 and isinstance(parent, dict):
            del parent[last]
        elif action == 4 and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))  # a repeated item: duplicate ids
        elif action == 5 and isinstance(parent, list):
            parent.pop(last)
        elif action == 6 and isinstance(_at(doc, path), dict):
            _at(doc, path)["zz_" + str(rng.randrange(100))] = _value(rng)
        elif action == 7:
            _clone_objectives(doc, rng)
        elif action == 8:
            _scatter(doc, rng)
        elif action == 9:
            _many_cells(doc, rng)


def _clone_objectives(doc: dict[str, Any], rng: random.Random) -> None:
    objectives = doc.get("objectives")
    if not isinstance(objectives, list) or not objectives:
        return
    for n in range(rng.choice((5, 50, 300))):
        item = copy.deepcopy(rng.choice(objectives))
        if isinstance(item, dict):
            item["id"] = f"fz{n}_{rng.randrange(10**9)}"
            item["x"], item["y"] = rng.uniform(0, 4000), rng.uniform(0, 2000)
            objectives.append(item)


def _scatter(doc: dict[str, Any], rng: random.Random) -> None:
    for item in doc.get("objectives") or []:
        if isinstance(item, dict) and rng.random() < 0.3:
            item["x"] = rng.choice((999_999.0, -999_999.0, rng.uniform(-MAX_COORDINATE, MAX_COORDINATE)))
            item["y"] = rng.choice((999_999.0, rng.uniform(-MAX_COORDINATE, MAX_COORDINATE)))


def _many_cells(doc: dict[str, Any], rng: random.Random) -> None:
    rows = (doc.get("table") or {}).get("rows") if isinstance(doc.get("table"), dict) else None
    if isinstance(rows, list) and rows and isinstance(rows[0], dict):
        rows[0]["cells"] = {f"c{i}": _text(rng) for i in range(rng.choice((10, 200, 201)))}


_BYTES: tuple[bytes, ...] = (b"[", b"{", b'"', b"\\u", b"\\ud800", b"NaN", b"1e999", b"\x00", b"\xff")


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not buf:
            break
        at = rng.randrange(len(buf))
        action = rng.randrange(6)
        if action == 0:
            buf[at] = rng.randrange(256)
        elif action == 1:
            del buf[at : at + rng.randint(1, 64)]
        elif action == 2:
            buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif action == 3:
            buf[at:at] = buf[at : at + rng.randint(1, 200)] * rng.randint(1, 20)
        elif action == 4:
            del buf[at:]
        else:
            buf[at:at] = rng.choice(
                (b"[", b"{", b'"', b"\\u", b"\\ud800", b"NaN", b"1e999", b"\x00", b"\xff")
            )
    return bytes(buf)


def make_input(seeds: list[bytes], rng: random.Random) -> bytes:
    seed = rng.choice(seeds)
    if rng.random() < 0.35:
        return _mutate_bytes(seed, rng)
    doc = json.loads(seed)
    _mutate_json(doc, rng)
    if rng.random() < 0.5:
        return json.dumps(doc, ensure_ascii=rng.random() < 0.3, indent=rng.choice((None, 1, 2))).encode()
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


# -- loading -----------------------------------------------------------------------------------------


class _Hang(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _Hang


def _reason(exc: MapFileError) -> str:
    words = exc.message_en.replace("cannot save: ", "").split("(")[0].split(";")[0].strip()
    return " ".join(words.split()[:6])


def fuzz_loader(inputs: int, seed: int, out: Path) -> tuple[dict[str, Any], list[bytes]]:
    rng = random.Random(seed)
    seeds = [resource("examples", name).read_bytes() for name in ("dengue_tambon.srm", "district_ncd.srm")]
    signal.signal(signal.SIGALRM, _alarm)
    ends: Counter[str] = Counter()
    refusals: Counter[str] = Counter()
    unexpected: list[str] = []
    unsaveable: list[str] = []
    unstable: list[str] = []
    loaded: list[bytes] = []
    times: list[tuple[float, int]] = []
    for n in range(inputs):
        data = make_input(seeds, rng)
        start = time.perf_counter()
        signal.alarm(LOAD_SECONDS)
        try:
            route_map = loads_map(data, f"input-{n}")
        except MapFileError as exc:
            ends["refused"] += 1
            refusals[_reason(exc)] += 1
            continue
        except _Hang:
            ends["hang"] += 1
            (out / f"hang-{n}.srm").write_bytes(data)
            continue
        except Exception:
            ends["unexpected"] += 1
            unexpected.append(f"input {n}: {traceback.format_exc(limit=3)}")
            (out / f"unexpected-{n}.srm").write_bytes(data)
            continue
        finally:
            signal.alarm(0)
            times.append((time.perf_counter() - start, n))
        ends["loaded"] += 1
        try:
            saved = dumps_map(route_map)
        except Exception as exc:
            unsaveable.append(f"input {n}: {exc}")
            (out / f"unsaveable-{n}.srm").write_bytes(data)
            continue
        if dumps_map(loads_map(saved)) != saved:
            unstable.append(f"input {n}")
            (out / f"unstable-{n}.srm").write_bytes(data)
        loaded.append(saved)
    slowest = max(times)
    result = {
        "ends": ends,
        "refusals": refusals,
        "unexpected": unexpected,
        "unsaveable": unsaveable,
        "unstable": unstable,
        "median_load_ms": statistics.median(t for t, _ in times) * 1000,
        "slowest_load": slowest,
    }
    return result, loaded


# -- exporting ---------------------------------------------------------------------------------------


def _worker(
    tasks: mp.Queue[tuple[int, str, bytes] | None], results: mp.Queue[tuple[int, str, str, float]]
) -> None:
    from srmtool.export import write_pdf, write_xlsx

    folder = Path(tempfile.mkdtemp(prefix="srmtool-fuzz-export-"))
    while (task := tasks.get()) is not None:
        n, kind, data = task
        start = time.perf_counter()
        try:
            route_map = loads_map(data)
            target = folder / f"out.{kind}"
            (write_xlsx if kind == "xlsx" else write_pdf)(route_map, target)
            outcome = "ok" if target.stat().st_size > 0 else "empty"
        except Exception:
            outcome = "error: " + traceback.format_exc(limit=2).strip().splitlines()[-1]
        results.put((n, kind, outcome, time.perf_counter() - start))


def fuzz_exports(maps: list[bytes], count: int, seed: int, out: Path) -> dict[str, Any]:
    rng = random.Random(seed + 1)
    chosen = rng.sample(range(len(maps)), min(count, len(maps)))
    context = mp.get_context("spawn")
    tasks: mp.Queue[Any] = context.Queue()
    results: mp.Queue[Any] = context.Queue()

    def start() -> Any:
        process = context.Process(target=_worker, args=(tasks, results), daemon=True)
        process.start()
        return process

    kinds: Counter[str] = Counter(k for n in chosen for k in _kinds(maps[n]))
    worker = start()
    outcomes: Counter[str] = Counter()
    errors: list[str] = []
    hangs: list[str] = []
    times: dict[str, list[tuple[float, int]]] = {"xlsx": [], "pdf": []}
    for n in chosen:
        for kind in ("xlsx", "pdf"):
            tasks.put((n, kind, maps[n]))
            # The first task of a worker also pays for its imports and the Thai dictionary.
            try:
                _, _, outcome, seconds = results.get(timeout=EXPORT_SECONDS + 20)
            except queue.Empty:
                worker.kill()
                worker.join()
                hangs.append(f"{kind} of map {n}")
                (out / f"export-hang-{kind}-{n}.srm").write_bytes(maps[n])
                tasks = context.Queue()
                worker = start()
                continue
            if seconds > EXPORT_SECONDS:
                hangs.append(f"{kind} of map {n} ({seconds:.1f} s)")
            outcomes[kind + " " + ("ok" if outcome == "ok" else "failed")] += 1
            if outcome != "ok":
                errors.append(f"{kind} of map {n}: {outcome}")
                (out / f"export-error-{kind}-{n}.srm").write_bytes(maps[n])
            times[kind].append((seconds, n))
    tasks.put(None)
    worker.join(timeout=10)
    return {
        "outcomes": outcomes,
        "errors": errors,
        "hangs": hangs,
        "times": times,
        "maps": len(chosen),
        "kinds": kinds,
    }


def _kinds(data: bytes) -> list[str]:
    """What makes a map hard to export, for the report."""
    m = loads_map(data)
    found = []
    if any(max(abs(o.x), abs(o.y)) > 100_000 for o in m.objectives):
        found.append("a box beyond 100,000")
    texts = [o.text for o in m.objectives] + [v for r in m.table.rows for v in r.cells.values()]
    texts += [c.label for c in m.table.columns]
    if any(len(t) > 10_000 for t in texts):
        found.append("a text over 10,000 characters")
    if len(m.objectives) > 100:
        found.append("over 100 objectives")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--exports", type=int, default=300)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "srmtool-fuzz")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    loader, maps = fuzz_loader(args.inputs, args.seed, args.out)
    print(f"loader: {args.inputs:,} inputs (seed {args.seed}) in {time.perf_counter() - started:.0f} s")
    for end, n in loader["ends"].most_common():
        print(f"  {end:12} {n:6,}")
    print("  refusals, by their message:")
    for reason, n in loader["refusals"].most_common(12):
        print(f"    {n:6,}  {reason}")
    print(f"  unexpected exceptions: {len(loader['unexpected'])}")
    for line in loader["unexpected"][:5]:
        print("    " + line.replace("\n", "\n    "))
    print(f"  load but cannot be saved: {len(loader['unsaveable'])}")
    for line in loader["unsaveable"][:5]:
        print(f"    {line}")
    print(f"  save, load, save not byte-identical: {len(loader['unstable'])}")
    seconds, n = loader["slowest_load"]
    print(
        f"  median load {loader['median_load_ms']:.1f} ms; slowest load {seconds * 1000:.0f} ms (input {n})"
    )

    started = time.perf_counter()
    exports = fuzz_exports(maps, args.exports, args.seed, args.out)
    took = time.perf_counter() - started
    print(f"exports: {exports['maps']} maps that loaded, xlsx and pdf each, in {took:.0f} s")
    for kind, n in exports["kinds"].most_common():
        print(f"  maps with {kind}: {n}")
    for outcome, n in sorted(exports["outcomes"].items()):
        print(f"  {outcome:12} {n:5}")
    print(f"  over {EXPORT_SECONDS} s or killed: {len(exports['hangs'])}")
    for line in exports["hangs"][:5]:
        print(f"    {line}")
    print(f"  failed: {len(exports['errors'])}")
    for line in exports["errors"][:5]:
        print(f"    {line}")
    for kind, times in exports["times"].items():
        if times:
            ordered = sorted(times, reverse=True)
            median = statistics.median(t for t, _ in times)
            slow = ", ".join(f"{t:.1f} s (map {n})" for t, n in ordered[:3])
            print(f"  {kind}: median {median:.2f} s, slowest {slow}")
    print(f"inputs that went wrong are in {args.out}")
    bad = loader["unexpected"] or loader["unsaveable"] or exports["hangs"] or exports["errors"]
    sys.exit(1 if bad or loader["ends"]["hang"] else 0)


if __name__ == "__main__":
    main()
