"""A save killed at any moment leaves a whole file: the old map or the new one, never a mix.

A helper process imports srmtool once, then forks a fresh saver for every round; the saver writes
two maps in turn as fast as it can until the test kills it with SIGKILL at a random moment. After
each kill the file on disk must load and equal one of the two maps, and crashed saves must not pile
up temporary files nor break the next save.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from srmfile_samples import thai_map

from srmtool.model import RouteMap, dumps_map, load_map, save_map
from srmtool.model.srmfile.codec import backup_path
from srmtool.model.types import PERSPECTIVE_IDS, Link, Objective

ROUNDS = 200

# Reads commands on stdin: "go N" forks a saver that starts with map N and answers its pid,
# "wait" reaps it and answers "ok".
SAVER = r"""
import os, sys, time
from srmtool.model import load_map, save_map

maps = [load_map(sys.argv[1]), load_map(sys.argv[2])]
target = sys.argv[3]
start = time.perf_counter()
for i in range(10):
    save_map(maps[i % 2], target)
print(f"{(time.perf_counter() - start) / 10:.6f}", flush=True)
child = 0
for line in sys.stdin:
    if line.startswith("go"):
        child = os.fork()
        if child == 0:
            i = int(line.split()[1])
            while True:
                save_map(maps[i % 2], target)
                i += 1
        print(child, flush=True)
    elif line.strip() == "wait":
        os.waitpid(child, 0)
        print("ok", flush=True)
"""


def make_map(version: str, objectives: int = 40) -> RouteMap:
    m = thai_map()
    m.destination = f"จุดหมายปลายทาง ฉบับ{version}"
    for i in range(objectives):
        level = PERSPECTIVE_IDS[i % 4]
        m.objectives.append(
            Objective(
                id=f"k{i}",
                code=f"ข{i}",
                perspective=level,
                text=f"{version}: ชุมชนร่วมกันดูแลสุขภาพผู้สูงอายุและเฝ้าระวังโรคในหมู่บ้านที่ {i}" * 3,
                x=i * 17.5,
                y=i % 7,
            )
        )
        if i >= 4:
            m.links.append(Link(source=f"k{i}", target=f"k{i - 4}"))
    return m


def temp_files(folder: Path, name: str) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(f".{name}.") and p.name.endswith(".tmp")]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to start savers quickly")
def test_killed_saves_leave_a_whole_file(tmp_path: Path) -> None:
    old, new = make_map("เดิม"), make_map("ใหม่")
    old_bytes, new_bytes = dumps_map(old), dumps_map(new)
    assert old_bytes != new_bytes
    save_map(old, tmp_path / "a.srm")
    save_map(new, tmp_path / "b.srm")
    work = tmp_path / "งาน"
    work.mkdir()
    target = work / "แผนที่ร่วม.srm"
    save_map(old, target)

    helper = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(tmp_path / "a.srm"), str(tmp_path / "b.srm"), str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert helper.stdin is not None and helper.stdout is not None
    rng = random.Random(20250)
    seen = {old_bytes: 0, new_bytes: 0}
    outcomes = {"unchanged": 0, "replaced": 0}
    on_disk = old_bytes
    mid_save = 0  # rounds whose kill left a save's temporary file behind
    started = time.perf_counter()
    try:
        save_seconds = float(helper.stdout.readline())
        for _ in range(ROUNDS):
            helper.stdin.write(f"go {1 if on_disk == old_bytes else 0}\n")  # first writes the other map
            pid = int(helper.stdout.readline())
            time.sleep(rng.uniform(0, 4 * save_seconds))
            os.kill(pid, signal.SIGKILL)
            helper.stdin.write("wait\n")
            assert helper.stdout.readline().strip() == "ok"

            data = target.read_bytes()
            assert data in seen, "the file on disk is neither the old nor the new map"
            seen[data] += 1
            outcomes["unchanged" if data == on_disk else "replaced"] += 1
            on_disk = data
            assert load_map(target) in (old, new)
            bak = Path(backup_path(target))
            if bak.exists():
                assert bak.read_bytes() in seen
            temps = temp_files(work, target.name)
            mid_save += bool(temps)
            assert len(temps) <= 2, temps  # one save's file and its backup link at most
    finally:
        helper.kill()
        helper.wait()
    elapsed = time.perf_counter() - started

    # kills fell both before and after a save's replace, with both maps on disk at times
    assert min(outcomes.values()) >= 10, (outcomes, save_seconds)
    assert min(seen.values()) >= 10, (list(seen.values()), save_seconds)
    assert mid_save >= 5, mid_save
    assert elapsed < 60
    save_map(new, target)  # a leftover from a killed save does not break the next one
    assert target.read_bytes() == new_bytes
    assert temp_files(work, target.name) == []
    assert sorted(p.name for p in work.iterdir()) == sorted([target.name, Path(backup_path(target)).name])
