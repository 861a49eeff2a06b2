"""The status bar's share of the canvas: the zoom, always shown on the right; while a band is
selected, a hint that typing adds an objective to it; while boxes are dragged into another level,
that they would move there."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QStatusBar

from srmtool.ui.canvas.scene import MapScene
from srmtool.ui.canvas.view import MapView


class MapStatus(QObject):
    """Shows ``view``'s zoom (from ``MapView.scale_changed``) and the band hint of ``scene``."""

    def __init__(self, bar: QStatusBar, scene: MapScene, view: MapView) -> None:
        super().__init__(bar)
        self._bar = bar
        self._scene = scene
        self._hint = ""
        self.zoom_label = QLabel(bar)
        self.zoom_label.setObjectName("zoom_label")
        bar.addPermanentWidget(self.zoom_label)
        view.scale_changed.connect(self._show_zoom)
        scene.selected_band_changed.connect(self._show_band_hint)
        scene.drop_target_changed.connect(self._show_drop_target)
        self._drop = ""
        self._show_zoom(view.zoom())

    @Slot(float)
    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(self.tr("{percent} %").format(percent=round(factor * 100)))

    @Slot(object)
    def _show_band_hint(self, band: str | None) -> None:
        if band is None:
            if self._hint and self._bar.currentMessage() == self._hint:
                self._bar.clearMessage()
            self._hint = ""
            return
        label = self._scene.document.route_map.perspective_label(band)
        self._hint = self.tr("Type to add an objective to {level}").format(level=label)
        self._bar.showMessage(self._hint)

    @Slot(object)
    def _show_drop_target(self, band: str | None) -> None:
        if band is None:
            if self._drop and self._bar.currentMessage() == self._drop:
                self._bar.clearMessage()
            self._drop = ""
            return
        label = self._scene.document.route_map.perspective_label(band)
        self._drop = self.tr("Drop here to move to the level {level}").format(level=label)
        self._bar.showMessage(self._drop)
