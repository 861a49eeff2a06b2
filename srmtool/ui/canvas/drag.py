"""Boxes dragged by the mouse: where they were when pressed, and one move for all when released.

Qt moves the selected boxes while the mouse drags them (STYLE.md: one way round); on release the
scene hands every box that moved to ``Document.move_objectives`` as one undo step, or nothing when
nothing moved. While boxes move, the arrow layer draws cheaply.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsScene

from srmtool.ui.canvas.arrows import ArrowLayer
from srmtool.ui.canvas.items import BoxItem
from srmtool.ui.document import Document


class BoxDrag:
    """The drag of one scene (``MapScene`` presses, moves and releases through it)."""

    def __init__(self, scene: QGraphicsScene, document: Document, arrows: ArrowLayer) -> None:
        self._scene = scene
        self._document = document
        self._arrows = arrows
        self._pressed_at: dict[str, QPointF] = {}

    def press(self) -> None:
        """Remember where the selected boxes are (a drag may follow)."""
        self._pressed_at = {
            it.objective_id: it.pos() for it in self._scene.selectedItems() if isinstance(it, BoxItem)
        }

    def dragging(self) -> None:
        """Qt is moving boxes under the mouse."""
        self._arrows.set_moving(True)

    def release(self, boxes: dict[str, BoxItem]) -> None:
        """One ``move_objectives`` for every box that moved since ``press``."""
        self._arrows.set_moving(False)
        moves: dict[str, tuple[float, float]] = {}
        for oid, before in self._pressed_at.items():
            box = boxes.get(oid)
            if box is not None and box.pos() != before:
                moves[oid] = (box.pos().x(), box.pos().y())
        self._pressed_at = {}
        if moves:
            self._document.move_objectives(moves)
