"""A scene that offers every mouse and key event to its active tool first.

Tools (select, add objective, draw link, ...) plug in with ``set_tool``. The scene calls whichever
of these the tool defines::

    mouse_press(event: QGraphicsSceneMouseEvent) -> bool
    mouse_move(event: QGraphicsSceneMouseEvent) -> bool
    mouse_release(event: QGraphicsSceneMouseEvent) -> bool
    mouse_double_click(event: QGraphicsSceneMouseEvent) -> bool
    key_press(event: QKeyEvent) -> bool
    deactivate() -> None           (called when another tool replaces it)

A tool returns True when it handled the event; the scene then does nothing more with it (no
selection change, no drag-move). False lets Qt's handling run, followed by the subclass's
``pressed``, ``moved`` and ``released`` hooks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent


class ToolScene(QGraphicsScene):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tool: Any = None

    def set_tool(self, tool: Any) -> None:
        """Make ``tool`` the first to see mouse and key events (None: only the scene's own)."""
        old, self._tool = self._tool, tool
        if old is not None and old is not tool and hasattr(old, "deactivate"):
            old.deactivate()

    @property
    def tool(self) -> Any:
        return self._tool

    # -- hooks for the subclass: run after Qt's own handling of an event no tool took ----------
    def pressed(self, event: QGraphicsSceneMouseEvent) -> None:
        pass

    def moved(self, event: QGraphicsSceneMouseEvent) -> None:
        pass

    def released(self, event: QGraphicsSceneMouseEvent) -> None:
        pass

    # -- Qt -------------------------------------------------------------------------------------
    def _offer(self, name: str, event: Any) -> bool:
        handler = getattr(self._tool, name, None) if self._tool is not None else None
        if handler is not None and handler(event):
            event.accept()
            return True
        return False

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._offer("mouse_press", event):
            super().mousePressEvent(event)
            self.pressed(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._offer("mouse_move", event):
            super().mouseMoveEvent(event)
            self.moved(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._offer("mouse_release", event):
            super().mouseReleaseEvent(event)
            self.released(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._offer("mouse_double_click", event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if not self._offer("key_press", event):
            super().keyPressEvent(event)
