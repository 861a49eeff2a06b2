"""Canvas tools: small objects that get the scene's mouse and key events first.

The scene calls the active tool's method for each event before its own handling
(``MapScene.set_tool(tool)``); a method returns True when it handled the event, and then the
scene does nothing more with it. A tool changes the map only through the document's verbs.
"""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsSceneMouseEvent


class Tool:
    """Does nothing: every event goes on to the scene's own handling."""

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def mouse_double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        return False
