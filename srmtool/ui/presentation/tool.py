"""The canvas tool of presentation mode and dot voting, and the vote verbs.

``PresentTool`` replaces the select tool while the map is presented or votes are being cast:

- voting on: a left click on a box adds one vote, a right click or Shift+click takes one away
  (each click one undo step);
- presenting: a click on a box highlights its routes (by selecting it, which the scene turns into
  route highlighting), a click on empty map clears that; no gesture moves, links or edits anything,
  and every key goes to ``on_key`` (stepping the key route) instead of workshop capture;
- voting without presenting: the clicks on empty map, link drawing and keys work as in the select
  tool (``fallback``), only a click on a box votes instead of selecting and dragging it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from srmtool.model.edits import clear_votes_operations, vote_operations
from srmtool.model.types import objective_votes
from srmtool.ui.canvas.scene import MapScene
from srmtool.ui.canvas.tools import Tool
from srmtool.ui.document import Document


def change_votes(document: Document, objective_id: str, delta: int) -> bool:
    """Add ``delta`` votes to an objective (never below 0) as one undo step; False if nothing changed.

    No votes means no ``votes`` key at all, so a map whose votes were all taken back saves as before."""
    operations = vote_operations(document.route_map, objective_id, delta)
    objective = document.route_map.objective(objective_id)
    if not operations or objective is None:
        return False
    code = objective.code or objective.id
    if delta > 0:
        text = QCoreApplication.translate("Votes", "Vote for {code}").format(code=code)
    else:
        text = QCoreApplication.translate("Votes", "Take back a vote for {code}").format(code=code)
    document.edit(operations, text)
    return True


def clear_votes(document: Document) -> bool:
    """Take every vote off the map as one undo step; False when there were none."""
    operations = clear_votes_operations(document.route_map)
    document.edit(operations, QCoreApplication.translate("Votes", "Clear votes"))
    return bool(operations)


def total_votes(document: Document) -> int:
    return sum(objective_votes(o) for o in document.route_map.objectives)


class PresentTool(Tool):
    """See the module's description. ``presenting`` and ``voting`` are switched by the controller."""

    def __init__(self, scene: MapScene, fallback: Tool, on_key: Callable[[QKeyEvent], bool]) -> None:
        self.scene = scene
        self.fallback = fallback
        self.on_key = on_key
        self.presenting = False
        self.voting = False
        self._swallowing = False  # the rest of a mouse gesture this tool took

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        box = self.scene.box_at(event.scenePos())
        button = event.button()
        if (
            self.voting
            and box is not None
            and button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton)
        ):
            take_back = button == Qt.MouseButton.RightButton or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            change_votes(self.scene.document, box.objective_id, -1 if take_back else 1)
            self._swallowing = True
            return True
        if not self.presenting:
            return self.fallback.mouse_press(event)
        if button == Qt.MouseButton.LeftButton:
            if box is None:
                self.scene.clearSelection()
            else:
                self.scene.select_objectives([box.objective_id])
        self._swallowing = True
        return True

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self._swallowing or self.presenting:
            return True
        return self.fallback.mouse_move(event)

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self._swallowing or self.presenting:
            self._swallowing = False
            return True
        return self.fallback.mouse_release(event)

    def mouse_double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        # Qt turns the second of two quick clicks into a double-click: while voting, a vote too.
        if self.voting and self.scene.box_at(event.scenePos()) is not None:
            return self.mouse_press(event)
        if self.presenting:
            return True
        return self.fallback.mouse_double_click(event)

    def key_press(self, event: QKeyEvent) -> bool:
        if self.presenting:
            self.on_key(event)
            return True  # no typing into the map while it is on the wall
        return self.fallback.key_press(event)

    def deactivate(self) -> None:
        self._swallowing = False
        self.fallback.deactivate()
