"""Canvas tools: small objects that get the scene's mouse and key events first.

The scene calls the active tool's method for each event before its own handling
(``MapScene.set_tool(tool)``); a method returns True when it handled the event, and then the
scene does nothing more with it. A tool changes the map only through the document's verbs.

- ``SelectTool`` (the default): the scene selects and drags boxes itself; the tool adds the
  connection handles of the box under the mouse (``handles``) and drawing a link from them,
  double-click to edit a box, the destination (on the banner) or a level's label (on its label
  column) in place, double-click on a band's empty area for a new box there, workshop capture,
  and Esc to unselect the band or the banner. (Delete and F2 are the map view's actions,
  ``MapView.key_actions``.)
- ``LinkTool``: a press anywhere on a box starts a link (``link_mode.LinkModeTool`` builds on it).
- ``AddObjectiveTool``: a click on a band's empty area opens a new box there (then as capture).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSceneMouseEvent

from srmtool.model.layout import BOX_HEIGHT, BOX_WIDTH, edge_point
from srmtool.ui.canvas.capture import CaptureController
from srmtool.ui.canvas.handles import event_zoom, handle_at
from srmtool.ui.canvas.inline_edit import InlineEditor, edit_objective, open_editor
from srmtool.ui.canvas.map_text_edit import edit_destination, edit_label

if TYPE_CHECKING:
    from srmtool.ui.canvas.scene import MapScene

RUBBER_Z = 900.0  # above boxes, below an open editor
RUBBER_COLOR = QColor("#2f6fd6")
ARROW_HEAD = 12.0


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

    def deactivate(self) -> None:
        """Another tool replaces this one: drop any gesture under way."""


def delete_selection(scene: MapScene) -> bool:
    """Delete the selected boxes and arrows as one undo step (their links and table rows go with
    them). False when nothing was selected."""
    ids = scene.selected_objective_ids()
    gone = set(ids)
    links = [lk for lk in scene.selected_links() if lk[0] not in gone and lk[1] not in gone]
    if not ids and not links:
        return False
    scene.document.delete(ids, links)
    return True


def edit_selected(scene: MapScene) -> bool:
    """Open the in-place editor on the selected box (the first, if several); with no box selected,
    on the destination when the banner is selected, or on the selected level's label."""
    ids = scene.selected_objective_ids()
    if ids:
        return edit_objective(scene, ids[0]) is not None
    editor: InlineEditor | None = None
    if scene.areas.banner_selected:
        editor = edit_destination(scene)
    elif scene.selected_band is not None:
        editor = edit_label(scene, scene.selected_band)
    return editor is not None


class RubberArrow(QGraphicsPathItem):
    """The temporary arrow drawn while a link is being dragged: dashed while it points at nothing
    that can take the link, solid when it would land on a box."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(RUBBER_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.set_valid(False)

    def set_valid(self, valid: bool) -> None:
        pen = QPen(RUBBER_COLOR, 3.0 if valid else 2.5)  # screen pixels, at any zoom
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.SolidLine if valid else Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)

    def set_line(self, start: QPointF, end: QPointF, head: float = ARROW_HEAD) -> None:
        """The line and an open head ``head`` scene units long (the arrows' own length at the zoom)."""
        path = QPainterPath(start)
        path.lineTo(end)
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
        for side in (-0.45, 0.45):
            path.moveTo(end)
            path.lineTo(end.x() - head * math.cos(angle + side), end.y() - head * math.sin(angle + side))
        self.setPath(path)


class LinkDrag:
    """One link gesture: ``start`` on a box, ``move`` with the mouse, ``finish`` over the target.

    Finishing over another box that is not linked yet calls ``Document.add_link`` (one undo step);
    finishing anywhere else, or ``cancel`` (Esc), adds nothing. After a cancel the rest of the
    mouse gesture is still swallowed (``swallowing``) until the button is released.
    """

    def __init__(self, scene: MapScene) -> None:
        self._scene = scene
        self._source: str | None = None
        self._arrow: RubberArrow | None = None
        self.swallowing = False

    @property
    def active(self) -> bool:
        return self._source is not None

    @property
    def source(self) -> str | None:
        """The objective the link under way starts from."""
        return self._source

    def start(self, source: str, pos: QPointF) -> None:
        self.cancel()
        self._source = source
        self.swallowing = True
        self._arrow = RubberArrow()
        self._scene.addItem(self._arrow)
        self.move(pos)

    def move(self, pos: QPointF) -> None:
        if self._source is None or self._arrow is None:
            return
        boxes = self._scene.layout().boxes
        source = boxes.get(self._source)
        if source is None:
            self.cancel()
            return
        target = self._target_at(pos)
        end = (pos.x(), pos.y())
        if target is not None and target in boxes:
            end = edge_point(boxes[target], source.center)
        start = edge_point(source, end if target is not None else (pos.x(), pos.y()))
        self._arrow.set_valid(target is not None)
        self._arrow.set_line(QPointF(*start), QPointF(*end), self._scene.arrow_head_length())

    def finish(self, pos: QPointF) -> bool:
        """Add the link if the mouse is over a box that can take it; True if a link was added."""
        source, target = self._source, self._target_at(pos)
        self.cancel()
        self.swallowing = False
        if source is None or target is None:
            return False
        return self._scene.document.add_link(source, target)

    def cancel(self) -> None:
        if self._arrow is not None:
            self._scene.removeItem(self._arrow)
            self._arrow = None
        self._source = None

    def _target_at(self, pos: QPointF) -> str | None:
        box = self._scene.box_at(pos)
        if box is None or self._source is None:
            return None
        target = str(box.objective_id)
        return target if self._scene.document.can_link(self._source, target) else None


class _LinkGestures(Tool):
    """Shared by the tools that draw links: routes the mouse to a ``LinkDrag`` while one runs."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.link = LinkDrag(scene)

    def starts_link(self, pos: QPointF, zoom: float) -> str | None:
        """The objective a left press at ``pos`` (the view at ``zoom``) draws a link from, if it does."""
        raise NotImplementedError

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or self._on_editor(event.scenePos()):
            return False
        source = self.starts_link(event.scenePos(), event_zoom(event))
        if source is None:
            return False
        self.link.start(source, event.scenePos())
        event.accept()
        return True

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.link.active:
            self.link.move(event.scenePos())
        if self.link.swallowing:
            event.accept()
        return self.link.swallowing

    def mouse_release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if not self.link.swallowing:
            return False
        self.link.finish(event.scenePos())
        event.accept()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if self.link.active and event.key() == Qt.Key.Key_Escape:
            self.link.cancel()
            return True
        return False

    def deactivate(self) -> None:
        self.link.cancel()
        self.link.swallowing = False

    def _on_editor(self, pos: QPointF) -> bool:
        editor = open_editor(self.scene)
        return editor is not None and editor.sceneBoundingRect().contains(pos)


class SelectTool(_LinkGestures):
    """The default tool. Owns the scene's ``CaptureController`` (``capture``)."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self.capture = CaptureController(scene)
        self._link_cursor = False  # the views show the link cursor over an edge handle

    def starts_link(self, pos: QPointF, zoom: float) -> str | None:
        """The box whose connection handle is at ``pos``: a press there draws a link, never moves."""
        found = handle_at(self.scene, pos, zoom)
        return None if found is None or found[1] is None else str(found[0].objective_id)

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        self.scene.link_handles.show(None)  # a drag or a link starts: the handles would be in the way
        return super().mouse_press(event)

    def mouse_move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.buttons() == Qt.MouseButton.NoButton and not self.link.active:
            self._hover(event.scenePos(), event_zoom(event))
        return super().mouse_move(event)

    def _hover(self, pos: QPointF, zoom: float) -> None:
        """Show the handles of the box under the mouse, the one it is on lit and a cross cursor."""
        found = None if self.scene.editing else handle_at(self.scene, pos, zoom)
        box, handle = found if found is not None else (None, None)
        self.scene.link_handles.show(box, handle)
        self._show_link_cursor(handle is not None)

    def deactivate(self) -> None:
        super().deactivate()
        self.scene.link_handles.show(None)
        self._show_link_cursor(False)

    def _show_link_cursor(self, on: bool) -> None:
        if on == self._link_cursor:
            return
        self._link_cursor = on
        for view in self.scene.views():
            if on:
                view.viewport().setCursor(Qt.CursorShape.CrossCursor)
            else:
                view.viewport().unsetCursor()

    def mouse_double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or self._on_editor(event.scenePos()):
            return False
        pos = event.scenePos()
        box = self.scene.box_at(pos)
        band = self.scene.band_under(pos) if box is None else None
        label = self.scene.label_at(pos) if box is None else None
        if box is not None:
            if edit_objective(self.scene, box.objective_id) is None:
                return False
        elif self.scene.areas.on_banner(pos):
            self.scene.areas.banner_selected = True
            edit_destination(self.scene)
        elif label is not None:
            self.scene.selected_band = label
            edit_label(self.scene, label)
        elif band is not None:  # empty band area: a new box there
            self.scene.selected_band = band
            self.capture.start(band, "", (pos.x() - BOX_WIDTH / 2, pos.y() - BOX_HEIGHT / 2))
        else:
            return False
        event.accept()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if open_editor(self.scene) is not None:
            return False  # the editor gets every key
        handled = super().key_press(event) or self._command_key(event) or self.capture.key_press(event)
        if handled:
            event.accept()
        return handled

    def _command_key(self, event: QKeyEvent) -> bool:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if plain and event.key() == Qt.Key.Key_Escape and self.scene.selected_band is not None:
            self.scene.selected_band = None  # typing no longer adds objectives there
            return True
        if plain and event.key() == Qt.Key.Key_Escape and self.scene.areas.banner_selected:
            self.scene.areas.banner_selected = False
            return True
        return False


class LinkTool(_LinkGestures):
    """Draw links: a left press anywhere on a box starts one. Other events go to the scene."""

    def starts_link(self, pos: QPointF, zoom: float) -> str | None:
        box = self.scene.box_at(pos)
        return None if box is None else str(box.objective_id)


class AddObjectiveTool(Tool):
    """Add objectives: a left click on a band's empty area opens the editor of a new box at the
    nearest free place; Enter adds it and goes on as workshop capture in that band."""

    def __init__(self, scene: MapScene, capture: CaptureController | None = None) -> None:
        self.scene = scene
        self.capture = capture or CaptureController(scene)

    def mouse_press(self, event: QGraphicsSceneMouseEvent) -> bool:
        pos = event.scenePos()
        if event.button() != Qt.MouseButton.LeftButton or self.scene.box_at(pos) is not None:
            return False
        editor = open_editor(self.scene)
        if editor is not None and editor.sceneBoundingRect().contains(pos):
            return False
        band = self.scene.band_under(pos)
        if band is None:
            return False
        self.scene.selected_band = band
        self.capture.start(band, "", (pos.x() - BOX_WIDTH / 2, pos.y() - BOX_HEIGHT / 2))
        event.accept()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if open_editor(self.scene) is not None or not self.capture.key_press(event):
            return False
        event.accept()
        return True
