"""The map view: zoom (Ctrl+wheel, Ctrl +/-), pan (middle-drag, Space-drag), fit to window and
rubber-band selection."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPixmapCache, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from srmtool.ui.canvas.scene import MapScene

HANDLES_MIN_SCALE = 0.3  # below this zoom arrows are too thin to click (see set_arrow_handles_shown)
MIN_SCALE = 0.05
MAX_SCALE = 8.0
ZOOM_STEP = 1.2
PIXMAP_CACHE_KB = 100 * 1024  # boxes are cached as device pixmaps; Qt's default 10 MB thrashes


class MapView(QGraphicsView):
    """Shows a MapScene. ``scale_changed`` carries the new zoom factor (1.0 = 100 %)."""

    scale_changed = Signal(float)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._map_scene = scene  # Qt does not own a view's scene: keep it alive with the view
        scene.defers_text = True  # show the window first, the Thai text a moment later
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

    def map_scene(self) -> MapScene:
        return self._map_scene

    def zoom(self) -> float:
        return self.transform().m11()

    # -- zoom -----------------------------------------------------------------------------------
    def set_zoom(self, factor: float) -> None:
        """Zoom to ``factor`` (clamped), keeping the view's centre where it is."""
        factor = min(MAX_SCALE, max(MIN_SCALE, factor))
        if factor == self.zoom():
            return
        centre = self.mapToScene(self.viewport().rect().center())
        self.resetTransform()
        self.scale(factor, factor)
        self.centerOn(centre)
        self._zoom_changed()

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
        """Show the whole map (never larger than 100 %)."""
        b = self.map_scene().layout().bounds
        rect = QRectF(b.x, b.y, b.w, b.h)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
            self.centerOn(rect.center())
        self._zoom_changed()

    def _zoom_changed(self) -> None:
        self.map_scene().set_arrow_handles_shown(self.zoom() >= HANDLES_MIN_SCALE)
        self.scale_changed.emit(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                factor = min(MAX_SCALE, max(MIN_SCALE, self.zoom() * ZOOM_STEP**steps))
                relative = factor / self.zoom()
                self.scale(relative, relative)  # anchored under the mouse
                self._zoom_changed()
            event.accept()
            return
        super().wheelEvent(event)

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

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        editing = self.scene() is not None and self.scene().focusItem() is not None
        if event.key() == Qt.Key.Key_Space and not editing:
            if not event.isAutoRepeat():
                self._space_down = True
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            event.key() == Qt.Key.Key_Equal and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.zoom_in()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
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
