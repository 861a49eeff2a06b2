"""The program's first window paints its map before the Thai segmenter loads and the checks run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from srmtool.resources_path import resource
from srmtool.ui.window import MainWindow

# Runs in a fresh process, so that nothing an earlier test loaded hides what the window loads: at the
# map's first paint, and once the start is over, is networkx loaded, is the segmenter, and were the
# checks run?
_FIRST_PAINT = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from srmtool.export import thai
from srmtool.ui.window import MainWindow

app = QApplication([])
window = MainWindow(settings=QSettings(sys.argv[2], QSettings.Format.IniFormat), lang="th", staged=True)
window.files.open_path(__import__("pathlib").Path(sys.argv[1]), ask=False)
seen = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "first" not in seen:
            seen["first"] = {
                "networkx": "networkx" in sys.modules,
                "segmenter": thai.segmenter_loaded(),
                "findings": window.document.known_findings() is not None,
            }
        return False

watch = Watch()
window.view.viewport().installEventFilter(watch)
window.show()

def checked():
    seen["checked"] = {
        "networkx": "networkx" in sys.modules,
        "segmenter": thai.segmenter_loaded(),
        "findings": window.document.known_findings() is not None,
        "label": window._findings_label.text(),
    }
    app.quit()

def done():
    seen["done"] = {"segmenter": thai.segmenter_loaded()}
    window.document.findings_changed.connect(checked)

window.startup.when_done(done)
QTimer.singleShot(20000, app.quit)
app.exec()
print(json.dumps(seen))
"""


def test_the_first_paint_comes_before_the_segmenter_and_the_checks(tmp_path: Path) -> None:
    example = resource("examples", "dengue_tambon.srm")
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT, str(example), str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["first"] == {"networkx": False, "segmenter": False, "findings": False}
    assert seen["done"] == {"segmenter": True}  # the text comes before the checks
    assert seen["checked"]["networkx"] and seen["checked"]["findings"]
    assert seen["checked"]["label"]  # the status bar counts the findings once they are known


def test_a_window_that_is_not_staged_checks_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), lang="en")
    qtbot.addWidget(window)
    assert window.startup is None
    assert window.document.known_findings() is not None


def test_a_staged_window_that_is_never_shown_checks_on_the_next_turn(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), lang="th", staged=True
    )
    qtbot.addWidget(window)
    assert window.startup is not None
    assert window.document.known_findings() is None  # held while the first frames would be painted
    heard: list[bool] = []
    window.document.findings_changed.connect(lambda: heard.append(True))
    qtbot.waitUntil(lambda: window.startup is not None and window.startup.done, timeout=5000)
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert window.document.known_findings() is not None


def test_work_asked_for_after_the_start_still_runs(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), lang="th", staged=True
    )
    qtbot.addWidget(window)
    assert window.startup is not None
    qtbot.waitUntil(lambda: window.startup is not None and window.startup.done, timeout=5000)
    ran: list[str] = []
    window.startup.when_done(lambda: ran.append("กู้คืน"))
    qtbot.waitUntil(lambda: ran == ["กู้คืน"], timeout=5000)
