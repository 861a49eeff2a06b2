"""Guard for the PySide6 6.12.0 abort on Python 3.11 (``none_dealloc`` after a few thousand method
calls, DESIGN.md §5). pyproject pins PySide6 around it; this proves the installed Qt survives the calls
the editor makes all the time. It runs in a subprocess because the failure is a hard abort."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib.metadata import version

CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QColor, QPen
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene, QGraphicsTextItem

    app = QApplication([])
    scene = QGraphicsScene()
    boxes = []
    for i in range(50):
        box = QGraphicsRectItem(QRectF(0, 0, 160, 60))
        label = QGraphicsTextItem("เป้าประสงค์ที่ " + str(i))
        label.setParentItem(box)
        scene.addItem(box)
        boxes.append(box)
    pen = QPen(QColor("#1f4e79"))
    for n in range({CALLS}):
        box = boxes[n % len(boxes)]
        box.setPos(float(n % 997), float(n % 389))
        if n % 10 == 0:
            box.setPen(pen)
            box.setZValue(n % 7)
            box.pos()
            box.sceneBoundingRect()
            box.isSelected()
            scene.itemsBoundingRect()
    moved = sum(1 for b in boxes if b.pos() != QPointF(0, 0))
    print("moved", moved, len(scene.items()))
    sys.exit(0)
    """
)


def test_many_set_pos_calls_do_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["moved", "50", "100"]


def test_pyside_is_not_the_aborting_release_on_python_311() -> None:
    installed = version("PySide6-Essentials")
    if sys.version_info[:2] == (3, 11):
        assert installed != "6.12.0"
    assert tuple(int(p) for p in installed.split(".")[:2]) >= (6, 11)
