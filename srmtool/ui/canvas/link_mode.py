"""Add Link as a mode: click the cause, then the effect; the arrow follows the mouse in between.

A drag from one box to another draws a link too. The mode stays on for the next link (the
status bar says what to click next) until Esc, a right click, or another tool takes over. A click
on empty map drops a chosen cause; nothing in the mode moves, selects or edits a box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from srmtool.ui.canvas.tools import _LinkGestures

if TYPE_CHECKING:
    from srmtool.ui.canvas.scene import MapScene


def cause_hint() -> str:
    return QCoreApplication.translate(
        "LinkMode", "Add Link: click the objective the arrow starts from (the cause) · Esc ends"
    )


def effect_hint(code: str) -> str:
    return QCoreApplication.translate(
        "LinkMode", "Add Link from {code}: now click the objective it leads to (the effect) · Esc ends"
    ).format(code=code)


class LinkModeTool(_LinkGestures):
    """The mode's tool. ``say(text)`` shows what to do next (an empty text when the mode ends);
    ``on_end()`` is called once when Esc or a right click ends it (the caller puts its own tool
    back, which ``deactivate``s this one)."""

    def __init__(self, scene: MapScene, say: Callable[[str], None], on_end: Callable[[], None]) -> None:
        super().__init__(scene)
        self._say = say
        self._on_end = on_end
        self._ended = False

    def begin(self, source: str | None = None) -> None:
        """Start the mode, with ``source`` chosen as the cause already (or none)."""
        for view in self.scene.views():
            view.viewport().setCursor(Qt.CursorShape.CrossCursor)
        box = self.scene.box(source) if source is not None else None
        if box is not None:
            self.link.start(box.objective_id, QPointF(*box.rect.center))
            self.link.swallowing = False  # no button is down: the next click picks the effect
            self._say(effect_hint(box.code or box.objective_id))
        else:
            self._say(cause_hint())

    def end(self) -> None:
        if not self._ended:
            self._ended = True
            self._on_end()

    def starts_link(self, pos: QPointF, zoom: float) -> str | None:
        box = self.scene.box_at(pos)
        return None if box is None else str(box.objective_id)

    # -- events ---------------------------------------------------------------------------------
    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.RightButton:
            self.end()
            return True
        if event.button() != Qt.MouseButton.LeftButton:
            return True
        if self.link.active:  # the cause was chosen by a click: this click picks the effect
            self._finish(event.scenePos())
            return True
        source = self.starts_link(event.scenePos(), 1.0)
        if source is not None:
            self.link.start(source, event.scenePos())
            box = self.scene.box(source)
            self._say(effect_hint(box.code if box is not None and box.code else source))
        return True

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.link.active:
            self.link.move(event.scenePos())
        return True

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or not self.link.active or not self.link.swallowing:
            return True
        box = self.scene.box_at(event.scenePos())
        if box is not None and box.objective_id == self.link.source:
            self.link.swallowing = False  # a click on the cause: wait for the click on the effect
            return True
        self._finish(event.scenePos())  # a drag from the cause to the effect
        return True

    def mouse_double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        return self.mouse_press(event)  # Qt makes a quick second click a double-click

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.end()
            return True
        return False

    def deactivate(self) -> None:
        super().deactivate()
        for view in self.scene.views():
            view.viewport().unsetCursor()
        self._say("")

    def _finish(self, pos: QPointF) -> None:
        self.link.finish(pos)
        self._say(cause_hint())
