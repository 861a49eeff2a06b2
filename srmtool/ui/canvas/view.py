"""The map view: zoom (Ctrl+wheel, Ctrl +/-), pan (middle-drag, Space-drag), fit to window and
rubber-band selection, and the map's own keys.

The view holds the actions of the map itself (``key_actions``: zoom and fit, Delete and F2, made from
the one action table); the window shows them in its menus and toolbar. Delete and F2 work only while
the view has the keyboard focus, so the table and the panels keep those keys for their own work.

The view scrolls over the scene's ``view_rect()`` (the map, and an open in-place editor) plus
``MARGIN`` pixels on screen, so a fitted map sits clear of the edges with no scroll bar. After
Fit to Window the view stays fitted (as the map grows, or the window is resized) until the user
zooms; while a box is being edited it only scrolls, and fits again once the editing ends.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmapCache,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from srmtool.ui import actions
from srmtool.ui.canvas.scene import MapScene
from srmtool.ui.canvas.tools import delete_selection, edit_selected

HANDLES_MIN_SCALE = 0.3  # below this zoom a big map's arrows take no clicks (see set_arrow_handles_shown)
FEW_ARROWS_MIN_SCALE = 0.15  # ... and a map's with no more than FEW_ARROWS
FEW_ARROWS = 1_500
MIN_SCALE = 0.05
MAX_SCALE = 8.0
ZOOM_STEP = 1.2
MARGIN = 16.0  # screen pixels around the map
PIXMAP_CACHE_KB = 100 * 1024  # boxes are cached as device pixmaps; Qt's default 10 MB thrashes


class MapView(QGraphicsView):
    """Shows a MapScene. ``scale_changed`` carries the new zoom factor (1.0 = 100 %);
    ``menu_requested`` the scene point and the screen point of a right click (or the menu key),
    for whoever offers the map's context menus."""

    scale_changed = Signal(float)
    menu_requested = Signal(QPointF, QPoint)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._map_scene = scene  # Qt does not own a view's scene: keep it alive with the view
        scene.defers_text = True  # show the window first, the Thai text a moment later
        scene.show_hints()  # an empty banner says how to write the destination
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        # Only what lies wholly inside the band: an arrow merely crossing it is not picked up (and
        # then deleted along with the boxes).
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.ContainsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._space_down = False
        self._fitted = False
        self._refit_due = False
        scene.view_rect_changed.connect(self._on_view_rect_changed)
        self._update_scene_rect()
        self.key_actions = actions.create_actions(self, actions.names_held_by("map", "map_focus"))
        for action in self.key_actions.values():
            self.addAction(action)
        for name, slot in (
            ("zoom_in", self.zoom_in),
            ("zoom_out", self.zoom_out),
            ("zoom_reset", self.zoom_reset),
            ("fit", self.fit),
            ("delete", self.delete_selection),
            ("rename", self.edit_selected),
        ):
            self.key_actions[name].triggered.connect(slot)

    def map_scene(self) -> MapScene:
        return self._map_scene

    def zoom(self) -> float:
        return self.transform().m11()

    @property
    def fitted(self) -> bool:
        """The view shows the whole map (Fit to Window) and keeps doing so until the user zooms."""
        return self._fitted

    # -- zoom -----------------------------------------------------------------------------------
    def set_zoom(self, factor: float) -> None:
        """Zoom to ``factor`` (clamped), keeping the view's centre where it is."""
        factor = min(MAX_SCALE, max(MIN_SCALE, factor))
        self._fitted = False
        if factor == self.zoom():
            return
        centre = self.mapToScene(self.viewport().rect().center())
        self.resetTransform()
        self.scale(factor, factor)
        self._zoom_changed()
        self.centerOn(centre)

    @Slot()
    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    @Slot()
    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    @Slot()
    def fit(self) -> None:
        """Show the whole map with ``MARGIN`` pixels around it and no scroll bar (never larger
        than 100 %)."""
        rect = self.map_scene().view_rect()
        room = self.maximumViewportSize()  # the viewport without scroll bars
        width, height = room.width() - 2 * MARGIN - 1, room.height() - 2 * MARGIN - 1
        self._fitted = True
        if rect.isEmpty() or width <= 0 or height <= 0:
            return
        factor = max(MIN_SCALE, min(1.0, width / rect.width(), height / rect.height()))
        self.resetTransform()
        self.scale(factor, factor)
        self._zoom_changed()
        self.centerOn(rect.center())

    def _zoom_changed(self) -> None:
        self._update_scene_rect()
        few = len(self.map_scene().arrows()) <= FEW_ARROWS
        self.map_scene().set_arrow_handles_shown(
            self.zoom() >= (FEW_ARROWS_MIN_SCALE if few else HANDLES_MIN_SCALE)
        )
        self.map_scene().set_view_scale(self.zoom())
        self.scale_changed.emit(self.zoom())

    def _update_scene_rect(self) -> None:
        margin = MARGIN / self.zoom()
        self.setSceneRect(self.map_scene().view_rect().adjusted(-margin, -margin, margin, margin))

    @Slot()
    def _on_view_rect_changed(self) -> None:
        self._update_scene_rect()
        self._refit_soon()

    def _refit_soon(self) -> None:
        """Fit again on the next turn of the event loop if the view is fitted and no box is being
        edited then (Enter closes one editor and opens the next: no fit in between)."""
        if self._fitted and not self._refit_due:
            self._refit_due = True
            QTimer.singleShot(0, self, self._refit)

    @Slot()
    def _refit(self) -> None:
        self._refit_due = False
        if self._fitted and not self.map_scene().editing:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._refit_soon()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                factor = min(MAX_SCALE, max(MIN_SCALE, self.zoom() * ZOOM_STEP**steps))
                relative = factor / self.zoom()
                self._fitted = False
                self.scale(relative, relative)  # anchored under the mouse
                self._zoom_changed()
            event.accept()
            return
        super().wheelEvent(event)

    # -- the selection ------------------------------------------------------------------------------
    @Slot()
    def delete_selection(self) -> bool:
        """Delete the selected boxes and arrows as one undo step (False when none are selected)."""
        return delete_selection(self.map_scene())

    @Slot()
    def edit_selected(self) -> bool:
        """Open the in-place editor on the selected box (the first in map order, if several)."""
        return edit_selected(self.map_scene())

    # -- pan --------------------------------------------------------------------------------------
    def _start_pan(self, pos: QPoint) -> None:
        self._pan_from = pos
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def _stop_pan(self) -> None:
        self._pan_from = None
        if self._space_down:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_down
        ):
            self._start_pan(event.position().toPoint())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._pan_from is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._pan_from is not None and event.button() in (
            Qt.MouseButton.MiddleButton,
            Qt.MouseButton.LeftButton,
        ):
            self._stop_pan()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            where = event.pos()
        else:  # the menu key: at the selection's first box, or the middle of the view
            ids = self.map_scene().selected_objective_ids()
            box = self.map_scene().box(ids[0]) if ids else None
            centre = box.sceneBoundingRect().center() if box is not None else None
            where = self.mapFromScene(centre) if centre is not None else self.viewport().rect().center()
        self.menu_requested.emit(self.mapToScene(where), self.viewport().mapToGlobal(where))
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        self.map_scene().link_handles.show(None)  # no handles left on a box the mouse has left
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        editing = self.scene() is not None and self.scene().focusItem() is not None
        if event.key() == Qt.Key.Key_Space and not editing:
            if not event.isAutoRepeat():
                self._space_down = True
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Space and self._space_down:
            if not event.isAutoRepeat():
                self._space_down = False
                if self._pan_from is None:
                    self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)
