"""What the canvas shows after an undo (or a jump back through the undo history).

Undoing a delete selects the objectives it put back, so the user sees what returned and can act
on it again. Undoing the addition of objectives to the selected band (workshop capture) ends the
band selection: its tint no longer invites typing into a band whose new boxes are gone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Slot

from srmtool.model.operations import AddObjective, RemoveObjective
from srmtool.ui.undo_command import OperationCommand

if TYPE_CHECKING:
    from srmtool.ui.canvas.scene import MapScene


class AfterUndo(QObject):
    """Watches the document's undo stack for one scene."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self._scene = scene
        self._document = scene.document
        self._index = self._document.undo_stack.index()
        self._document.undo_stack.indexChanged.connect(self._on_index_changed)

    @Slot(int)
    def _on_index_changed(self, index: int) -> None:
        old, self._index = self._index, index
        stack = self._document.undo_stack
        if index >= old or not shiboken6.isValid(stack):
            return  # a new step, a redo, or the stack clearing itself as it is destroyed
        undone = [stack.command(i) for i in range(index, old)]
        operations = [op for cmd in undone if isinstance(cmd, OperationCommand) for op in cmd.operations]
        if not operations:
            return  # the history was cleared (a new map): nothing was undone
        route_map = self._document.route_map
        restored = [
            op.objective_id
            for op in operations
            if isinstance(op, RemoveObjective) and route_map.objective(op.objective_id) is not None
        ]
        if restored:
            self._scene.select_objectives(restored)
        band = self._scene.selected_band
        if band is not None and any(
            isinstance(op, AddObjective) and op.objective.perspective == band for op in operations
        ):
            self._scene.selected_band = None
