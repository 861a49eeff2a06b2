"""Start-up of the bundled program (dist/srmtool) against the installed one (not part of the tests).

    xvfb-run -s "-screen 0 1366x768x24" python3 bench/bench_bundle.py [--runs N]
        [--bundled dist/srmtool/srmtool] [--installed .venv-bundle/bin/srmtool]

Runs both programs alternately, each in an empty environment like scripts/bundle_smoke.sh (PATH an
empty folder, its own HOME, LANG=C.UTF-8), after one untimed warm-up run each, and prints medians:

- ``version``: ``srmtool --version`` from launch to exit;
- ``check``: ``srmtool check`` of the district example (loads the model, no Qt);
- ``export_pdf``: ``srmtool export --pdf`` of the district example (reportlab, HarfBuzz, the segmenter);
- ``window_first_paint``: ``srmtool FILE`` (QT_QPA_PLATFORM=xcb) from launch until Qt first draws the
  map view into the window;
- ``window_settled``: until the last drawing of the map view before the window goes quiet for 1.5 s
  (the canvas fills in the boxes' Thai text once the segmenter has loaded, a moment after the first
  paint; this is that later paint).

The program itself is not changed for this: Qt's own painting log (``qt.widgets.painting``), stamped
with the monotonic clock (``%{time boot}``), says when the map view is drawn. bench_canvas.py measures
the same first paint from inside the installed program, where it can also tell when the text is in.
Needs no srmtool import: any Python 3.11 runs it.
"""

from __future__ import annotations

import argparse
import os
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "district_ncd.srm"
QUIET_SECONDS = 1.5
WINDOW_TIMEOUT = 30.0


def environment(home: str, empty: str, window: bool) -> dict[str, str]:
    env = {"HOME": home, "PATH": empty, "LANG": "C.UTF-8"}
    if window:
        env.update(
            DISPLAY=os.environ.get("DISPLAY", ""),
            QT_QPA_PLATFORM="xcb",
            QT_LOGGING_RULES="qt.widgets.painting=true",
            QT_MESSAGE_PATTERN="%{time boot} %{message}",
        )
    return env


def timed_command(program: str, args: list[str], env: dict[str, str], cwd: str) -> float:
    start = time.monotonic()
    subprocess.run([program, *args], env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
    return time.monotonic() - start


def timed_window(program: str, env: dict[str, str], cwd: str) -> tuple[float, float]:
    """Seconds from launch to the map view's first drawing, and to its last before the window went
    quiet."""
    start = time.monotonic()
    process = subprocess.Popen(
        [program, str(EXAMPLE)], env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    first = last = None
    quiet_since = time.monotonic()
    buffer = b""
    try:
        while time.monotonic() - start < WINDOW_TIMEOUT:
            if first is not None and time.monotonic() - quiet_since > QUIET_SECONDS:
                break
            if not selector.select(timeout=0.1):
                continue
            chunk = os.read(process.stderr.fileno(), 65536)
            if not chunk:
                break
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                stamp, _, message = line.decode("utf-8", "replace").strip().partition(" ")
                if not message.startswith("Drawing"):
                    continue
                quiet_since = time.monotonic()
                if " of MapView(" in message:
                    moment = float(stamp) - start
                    first = moment if first is None else first
                    last = moment
    finally:
        process.kill()
        process.wait()
    if first is None or last is None:
        raise RuntimeError(f"{program}: the map view was never drawn")
    return first, last


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundled", default=str(ROOT / "dist" / "srmtool" / "srmtool"))
    parser.add_argument("--installed", default=str(ROOT / ".venv-bundle" / "bin" / "srmtool"))
    parser.add_argument("--no-window", action="store_true", help="skip the window (no display)")
    ns = parser.parse_args()
    if not ns.no_window and not os.environ.get("DISPLAY"):
        sys.exit("no DISPLAY: run under xvfb-run, or pass --no-window")
    programs = {"installed": ns.installed, "bundled": ns.bundled}
    empty = tempfile.mkdtemp(prefix="srmtool-bench-path-")
    work = tempfile.mkdtemp(prefix="srmtool-bench-")
    homes = {who: tempfile.mkdtemp(prefix=f"srmtool-bench-{who}-") for who in programs}
    figures: dict[str, dict[str, list[float]]] = {who: {} for who in programs}
    commands = {
        "version": ["--version"],
        "check": ["check", str(EXAMPLE)],
        "export_pdf": ["export", str(EXAMPLE), "--pdf", os.path.join(work, "out.pdf")],
    }
    for run in range(ns.runs + 1):  # run 0 warms the disk cache and each HOME, and is not counted
        for who, program in programs.items():
            env = environment(homes[who], empty, window=False)
            for name, args in commands.items():
                seconds = timed_command(program, args, env, work)
                if run:
                    figures[who].setdefault(name, []).append(seconds)
            if not ns.no_window:
                first, settled = timed_window(program, environment(homes[who], empty, window=True), work)
                if run:
                    figures[who].setdefault("window_first_paint", []).append(first)
                    figures[who].setdefault("window_settled", []).append(settled)
    print(f"medians of {ns.runs} runs, milliseconds")
    print(f"{'':22}{'installed':>11}{'bundled':>11}{'ratio':>8}")
    for name in figures["installed"]:
        installed = statistics.median(figures["installed"][name])
        bundled = statistics.median(figures["bundled"][name])
        print(f"{name:22}{1000 * installed:11.0f}{1000 * bundled:11.0f}{bundled / installed:8.2f}")


if __name__ == "__main__":
    main()
