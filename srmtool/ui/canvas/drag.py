"""Boxes dragged by the mouse: where they were when pressed, the levels they would join while they
move, and one move for all when released.

Qt moves the selected boxes while the mouse drags them (STYLE.md: one way round); on release the
scene hands every box that moved to ``Document.move_objectives`` as one undo step, or nothing when
nothing moved. While boxes move, the arrow layer draws cheaply, and a band whose level a box would
join if dropped now is highlighted (``MapAreas.set_drop_targets``), so a move into another level
is never a surprise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from srmtool.model.edits.boxes import landing_band
from srmtool.ui.canvas.arrows import ArrowLayer
from srmtool.ui.canvas.items import BoxItem
from srmtool.ui.document import Document

if TYPE_CHECKING:
    from srmtool.ui.canvas.scene import MapScene


class BoxDrag:
    """The drag of one scene (``MapScene`` presses, moves and releases through it)."""

    def __init__(self, scene: MapScene, document: Document, arrows: ArrowLayer) -> None:
        self._scene = scene
        self._document = document
        self._arrows = arrows
        self._pressed_at: dict[str, QPointF] = {}

    def press(self) -> None:
        """Remember where the selected boxes are (a drag may follow)."""
        self._pressed_at = {
            it.objective_id: it.pos() for it in self._scene.selectedItems() if isinstance(it, BoxItem)
        }

    def dragging(self, boxes: dict[str, BoxItem]) -> None:
        """Qt is moving boxes under the mouse: show the levels they would join."""
        self._arrows.set_moving(True)
        layout = self._scene.layout()
        route_map = self._document.route_map
        targets: set[str] = set()
        for oid in self._pressed_at:
            box, objective = boxes.get(oid), route_map.objective(oid)
            if box is None or objective is None:
                continue
            band = landing_band(layout, box.pos().y(), box.rect.h)
            if band != objective.perspective:
                targets.add(band)
        self._scene.areas.set_drop_targets(targets)

    def release(self, boxes: dict[str, BoxItem]) -> None:
        """One ``move_objectives`` for every box that moved since ``press``."""
        self._arrows.set_moving(False)
        self._scene.areas.set_drop_targets(())
        moves: dict[str, tuple[float, float]] = {}
        for oid, before in self._pressed_at.items():
            box = boxes.get(oid)
            if box is not None and box.pos() != before:
                moves[oid] = (box.pos().x(), box.pos().y())
        self._pressed_at = {}
        if moves:
            self._document.move_objectives(moves)
