"""Canvas benchmark on a generated 2,000-objective / 6,000-link map (not part of the tests).

    python bench/bench_canvas.py [--objectives N] [--links N] [--startup-runs N]

Prints medians: scene build, one drag step of a box with about 20 arrows (the mouse event alone
and the event plus the repaint it causes), a full repaint of a 1920×1080 view fitted to the map,
and whole-process start-up (from launching Python) until the map first paints in a shown window
(a QMainWindow holding a MapView, the editor's MainWindow, and the editor as the command line
``srmtool FILE`` starts it) against a bare PySide6 window (run under ``xvfb-run`` with
QT_QPA_PLATFORM=xcb for a real window system). The canvas paints its
first frame without the boxes' Thai text and fills it in once the word segmenter has loaded, one
turn of the event loop later: ``*_text_ms`` is the end of that paint with the text.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from srmtool.model.layout import BOX_GAP, BOX_HEIGHT, BOX_WIDTH, LABEL_WIDTH
from srmtool.model.types import PERSPECTIVE_IDS, Link, Objective, RouteMap
from srmtool.resources_path import resource

PHRASES = [
    "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย",
    "อย่างต่อเนื่อง",
    "ในครัวเรือนและชุมชน",
    "ภาคีเครือข่ายมีส่วนร่วม",
    "องค์กรปกครองส่วนท้องถิ่นสนับสนุนงบประมาณ",
    "อสม. เฝ้าระวังโรคในหมู่บ้าน",
    "ระบบข้อมูลที่ทันสมัย",
    "บุคลากรมีสมรรถนะในการควบคุมโรค",
    "โรงเรียนและวัดเป็นแกนนำ",
    "การสื่อสารความเสี่ยงที่มีประสิทธิภาพ",
    "ผู้สูงอายุได้รับการดูแลที่บ้าน",
    "กองทุนหลักประกันสุขภาพระดับท้องถิ่น",
]

_STARTUP = r"""
import sys
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class Paints(QObject):
    # Prints two moments: the watched widget's first paint (the window is on screen), and the end
    # of its first paint with the boxes' text in it (the canvas paints its first frame without
    # the Thai text and fills it in once the segmenter has loaded).
    def __init__(self, text_ready):
        super().__init__()
        self.text_ready = text_ready
        self.seen = self.text_seen = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            if not self.seen:
                self.seen = True
                print(time.time(), flush=True)
            if not self.text_seen and self.text_ready():
                self.text_seen = True
                QTimer.singleShot(0, self.text_painted)  # runs once this paint is done
        return False

    def text_painted(self):
        print(time.time(), flush=True)
        app.quit()


kind, path = sys.argv[1], sys.argv[2]
text_ready = lambda: True  # noqa: E731
app = QApplication(sys.argv)
if kind == "bare":
    window = QMainWindow()
    watched = window
elif kind == "document":  # the editor's model and document alone: what the canvas builds on
    from srmtool.ui.document import Document
    document = Document.open(path)
    window = QMainWindow()
    watched = window
elif kind == "view":
    from srmtool.ui.canvas import MapScene, MapView
    from srmtool.ui.canvas.text import segmenter_ready as text_ready
    from srmtool.ui.document import Document
    window = QMainWindow()
    document = Document.open(path)
    view = MapView(MapScene(document))
    window.setCentralWidget(view)
    watched = view.viewport()
else:
    from srmtool.ui.canvas.text import segmenter_ready as text_ready
    from srmtool.ui.document import Document
    from srmtool.ui.window import MainWindow
    window = MainWindow(Document.open(path), staged=True)
    watched = window.view.viewport()
paints = Paints(text_ready)
watched.installEventFilter(paints)
window.resize(1280, 800)
window.show()
QTimer.singleShot(10000, app.quit)
app.exec()
"""


# The editor as a person starts it, ``srmtool FILE``: the command line reads the file with no Qt
# loaded, then starts Qt and shows the window. An import hook adds the paint watch to the window
# when ``srmtool.ui.window`` loads, so nothing is imported ahead of the program's own order.
_EDITOR = r"""
import sys
import time


def watch(window_module):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from srmtool.ui.canvas.text import segmenter_ready

    class Paints(QObject):
        seen = text_seen = False

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                if not self.seen:
                    self.seen = True
                    print(time.time(), flush=True)
                if not self.text_seen and segmenter_ready():
                    self.text_seen = True
                    QTimer.singleShot(0, self.text_painted)
            return False

        def text_painted(self):
            print(time.time(), flush=True)
            QApplication.instance().quit()

    cls = window_module.MainWindow
    show = cls.show

    def show_watched(self):
        self._bench_paints = Paints(self)
        self.view.viewport().installEventFilter(self._bench_paints)
        QTimer.singleShot(10000, QApplication.instance().quit)
        show(self)

    cls.show = show_watched


class Hook:
    def find_spec(self, name, path=None, target=None):
        if name != "srmtool.ui.window":
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            watch(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, Hook())
from srmtool.cli import main  # noqa: E402

sys.exit(main([sys.argv[2]]))
"""


def generated_map(n_objectives: int, n_links: int, seed: int = 2) -> RouteMap:
    """Four bands of boxes in rows of 25; links go to the band above, to nearby columns."""
    rng = random.Random(seed)
    per_band, columns = n_objectives // 4, 25
    rows = -(-per_band // columns)
    band_height = BOX_GAP + rows * (BOX_HEIGHT + BOX_GAP)
    objectives = []
    for i in range(n_objectives):
        band, k = divmod(i, per_band)
        row, col = divmod(k, columns)
        pid = PERSPECTIVE_IDS[min(band, 3)]
        text = "".join(rng.sample(PHRASES, rng.randint(2, 3)))
        x = LABEL_WIDTH + BOX_GAP + col * (BOX_WIDTH + BOX_GAP)
        y = 110 + band * band_height + BOX_GAP + row * (BOX_HEIGHT + BOX_GAP)
        objectives.append(Objective(id=f"o{i}", code=f"{pid[0]}{i}", perspective=pid, text=text, x=x, y=y))
    links: set[tuple[int, int]] = set()
    while len(links) < n_links:
        a = rng.randrange(per_band, n_objectives)
        band, k = divmod(a, per_band)
        row, col = divmod(k, columns)
        col2 = min(columns - 1, max(0, col + rng.randint(-3, 3)))
        row2 = min(rows - 1, max(0, row + rng.randint(-2, 2)))
        b = (band - 1) * per_band + min(per_band - 1, row2 * columns + col2)
        links.add((a, b))
    return RouteMap(
        destination="ภายในปี 2570 ประชาชนมีสุขภาพดี",
        objectives=objectives,
        links=[Link(source=f"o{a}", target=f"o{b}") for a, b in sorted(links)],
    )


def _ms(seconds: float) -> float:
    return round(1000 * seconds, 2)


def bench_scene(app: QApplication, n_objectives: int, n_links: int) -> dict[str, object]:
    from srmtool.ui.canvas import MapScene, MapView
    from srmtool.ui.document import Document

    route_map = generated_map(n_objectives, n_links)
    builds = []
    for _ in range(5):
        document = Document(route_map.model_copy(deep=True))
        start = time.perf_counter()
        scene = MapScene(document)
        builds.append(time.perf_counter() - start)
    out: dict[str, object] = {
        "build_ms": _ms(statistics.median(builds)),
        "build_runs": [round(1000 * b) for b in builds],
    }

    view = MapView(scene)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.resize(1920, 1080)
    view.show()
    app.processEvents()
    view.fit()
    app.processEvents()
    grabs = []
    for _ in range(12):
        start = time.perf_counter()
        view.viewport().grab()
        grabs.append(time.perf_counter() - start)
    out.update(
        fit_first_ms=_ms(grabs[0]),
        fit_ms=_ms(statistics.median(grabs[1:])),
        fit_min_ms=_ms(min(grabs[1:])),
        fit_zoom=round(view.zoom(), 3),
    )

    box = min(scene.boxes(), key=lambda b: abs(len(b.arrows) - 20))
    view.zoom_reset()
    centre = box.pos() + QPointF(BOX_WIDTH / 2, BOX_HEIGHT / 2)
    view.centerOn(centre)
    app.processEvents()
    start = time.perf_counter()
    view.viewport().grab()
    out["z100_first_ms"] = _ms(time.perf_counter() - start)
    viewport = view.viewport()

    def send(kind: QEvent.Type, pos: QPointF, buttons: Qt.MouseButton) -> None:
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        event = QMouseEvent(
            kind, pos, viewport.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(viewport, event)

    p0 = QPointF(view.mapFromScene(centre))
    send(QEvent.Type.MouseButtonPress, p0, Qt.MouseButton.LeftButton)
    app.processEvents()
    events, steps = [], []
    pos = p0
    for i in range(200):
        pos = p0 + QPointF(60 * math.sin(i / 15), 40 * (1 - math.cos(i / 15)))
        start = time.perf_counter()
        send(QEvent.Type.MouseMove, pos, Qt.MouseButton.LeftButton)
        handled = time.perf_counter()
        app.processEvents()  # the repaint the move asked for
        events.append(handled - start)
        steps.append(time.perf_counter() - start)
    undo_before = document.undo_stack.count()
    send(QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
    app.processEvents()
    out.update(
        drag_arrows=len(box.arrows),
        drag_event_ms=_ms(statistics.median(events)),
        drag_step_with_repaint_ms=_ms(statistics.median(steps)),
        drag_p90_ms=_ms(sorted(steps)[int(0.9 * len(steps))]),
        moves_pushed=document.undo_stack.count() - undo_before,
    )
    return out


def bench_startup(runs: int) -> dict[str, object]:
    """Medians of the first paint and of the first paint with the boxes' text, per kind."""
    example = str(resource("examples", "dengue_tambon.srm"))
    kinds = ("bare", "document", "view", "window", "editor")
    env = dict(os.environ, XDG_CONFIG_HOME=tempfile.mkdtemp())  # recent files go there, not home
    firsts: dict[str, list[float]] = {kind: [] for kind in kinds}
    texts: dict[str, list[float]] = {kind: [] for kind in kinds}
    for _ in range(runs):
        for kind in kinds:  # interleaved, so load from elsewhere hits every kind alike
            start = time.time()
            script = _EDITOR if kind == "editor" else _STARTUP
            done = subprocess.run(
                [sys.executable, "-c", script, kind, example],
                check=True,
                capture_output=True,
                text=True,
                env=env,
            )
            first, with_text = (float(t) - start for t in done.stdout.split()[:2])
            firsts[kind].append(first)
            texts[kind].append(with_text)
    bare = statistics.median(firsts["bare"])
    out: dict[str, object] = {"platform": os.environ.get("QT_QPA_PLATFORM"), "bare_window_ms": _ms(bare)}
    for kind in kinds[1:]:
        median = statistics.median(firsts[kind])
        out[f"{kind}_ms"] = _ms(median)
        out[f"{kind}_ratio"] = round(median / bare, 2)
        if kind != "document":
            with_text = statistics.median(texts[kind])
            out[f"{kind}_text_ms"] = _ms(with_text)
            out[f"{kind}_text_ratio"] = round(with_text / bare, 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--objectives", type=int, default=2000)
    parser.add_argument("--links", type=int, default=6000)
    parser.add_argument("--startup-runs", type=int, default=7)
    parser.add_argument("--startup-only", action="store_true", help="skip the scene benchmarks")
    args = parser.parse_args()
    app = QApplication([])
    if not args.startup_only:
        for key, value in bench_scene(app, args.objectives, args.links).items():
            print(f"{key:28} {value}")
    if args.startup_runs:
        for key, value in bench_startup(args.startup_runs).items():
            print(f"{'startup_' + key:28} {value}")


if __name__ == "__main__":
    main()
