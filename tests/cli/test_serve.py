"""``srmtool serve``: a headless room on 127.0.0.1 that saves what the laptops do into the file."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from cli_maps import subprocess_env

from srmtool.model.operations import SetObjectiveText
from srmtool.model.srmfile.codec import load_map
from srmtool.resources_path import resource
from srmtool.share.peer import Peer


def _serve(path: Path, *extra: str, lang: str = "en_US.UTF-8") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "srmtool", "serve", str(path), "--host", "127.0.0.1", "--no-announce", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(lang),
    )


def test_serve_saves_the_rooms_edits_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ตำบลบ้านนา.srm"
    shutil.copy(Path(str(resource("examples"))) / "dengue_tambon.srm", path)
    process = _serve(path, "--port", "0", "--code", "abc-234")
    peer = None
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert "room code: ABC234" in first
        process.stdout.readline()
        port = int(re.search(r"ws://127\.0\.0\.1:(\d+)/", process.stdout.readline()).group(1))  # type: ignore[union-attr]
        peer = Peer(None, tag="x")
        peer.join("127.0.0.1", port, "ABC234")
        assert peer.pump_until(lambda: peer.synced, 10)
        oid = peer.route_map.objectives[0].id
        peer.edit(SetObjectiveText(oid, "บันทึกจากห้องประชุม"))
        end = time.monotonic() + 10
        while time.monotonic() < end and load_map(path).objective(oid).text != "บันทึกจากห้องประชุม":  # type: ignore[union-attr]
            peer.pump(0.1)
        assert load_map(path).objective(oid).text == "บันทึกจากห้องประชุม"  # type: ignore[union-attr]
        assert path.with_name(path.name + ".bak").exists()
    finally:
        if peer is not None:
            peer.close()
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "the room is closed" in out
    assert "Traceback" not in err


def test_serve_refuses_an_unreadable_map_and_a_bad_code(tmp_path: Path) -> None:
    bad = tmp_path / "เสีย.srm"
    bad.write_text("{", encoding="utf-8")
    process = _serve(bad)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 2 and "เสีย.srm" in err and "Traceback" not in err
    good = tmp_path / "ดี.srm"
    shutil.copy(Path(str(resource("examples"))) / "dengue_tambon.srm", good)
    process = _serve(good, "--code", "ab", lang="th_TH.UTF-8")
    _, err = process.communicate(timeout=30)
    assert process.returncode == 2 and "รหัสห้อง" in err
