"""The map's areas behind the boxes: the destination banner and the four bands, with what is
selected among them (a band: typing adds objectives to it; the banner: F2 edits the destination)
and the levels dragged boxes would join.

``MapAreas`` owns those items for its scene; the scene sets their rects from the layout and their
texts from the map, and asks it what lies at a point.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtWidgets import QGraphicsScene

from srmtool.model.layout import MapLayout
from srmtool.model.types import PERSPECTIVE_IDS, RouteMap
from srmtool.ui.canvas.items import BandItem, BannerItem


class MapAreas(QObject):
    """The banner and the bands of one scene, and their selection."""

    #: the selected band's perspective id, or None
    selected_band_changed = Signal(object)
    #: the banner was selected (True) or unselected
    banner_selected_changed = Signal(bool)
    #: while boxes are dragged: the level they would join if dropped now (a perspective id), or
    #: None when they would stay in their own
    drop_target_changed = Signal(object)

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self.banner = BannerItem("", "")
        self.bands: dict[str, BandItem] = {}
        self._selected_band: str | None = None
        self._banner_selected = False
        self._drop_targets: frozenset[str] = frozenset()
        scene.addItem(self.banner)
        for i, pid in enumerate(PERSPECTIVE_IDS):
            band = self.bands[pid] = BandItem(pid, i, "")
            scene.addItem(band)

    def place(self, layout: MapLayout) -> None:
        self.banner.set_rect(layout.banner)
        for pid, band in self.bands.items():
            band.set_rect(layout.bands[pid])

    def show_texts(self, route_map: RouteMap, title: str, hint: str) -> None:
        self.banner.set_text(title, route_map.destination, hint)
        for pid, band in self.bands.items():
            band.set_label(route_map.perspective_label(pid))

    def repaint(self) -> None:
        self.banner.update()
        for band in self.bands.values():
            band.update()

    # -- what lies at a point ---------------------------------------------------------------------
    def band_under(self, layout: MapLayout, pos: QPointF) -> str | None:
        """The perspective whose band (label column included) holds ``pos``, or None off the bands
        (the banner, or beside or below the map)."""
        for pid, band in layout.bands.items():
            if band.contains(pos.x(), pos.y()):
                return pid
        return None

    def label_at(self, pos: QPointF) -> str | None:
        """The perspective whose label column holds ``pos``, or None."""
        for pid, band in self.bands.items():
            if band.label_rect().contains(pos):
                return pid
        return None

    def on_banner(self, pos: QPointF) -> bool:
        return self.banner.boundingRect().contains(pos)

    # -- selection --------------------------------------------------------------------------------
    @property
    def selected_band(self) -> str | None:
        return self._selected_band

    @selected_band.setter
    def selected_band(self, perspective_id: str | None) -> None:
        if perspective_id == self._selected_band:
            return
        self._selected_band = perspective_id
        for pid, band in self.bands.items():
            band.set_selected(pid == perspective_id)
        self.selected_band_changed.emit(perspective_id)

    @property
    def banner_selected(self) -> bool:
        return self._banner_selected

    @banner_selected.setter
    def banner_selected(self, on: bool) -> None:
        if on != self._banner_selected:
            self._banner_selected = on
            self.banner.set_selected(on)
            self.banner_selected_changed.emit(on)

    def set_drop_targets(self, perspective_ids: Iterable[str]) -> None:
        """Highlight the levels dragged boxes would join (none: the drag ended, or they stay)."""
        targets = frozenset(perspective_ids)
        if targets == self._drop_targets:
            return
        self._drop_targets = targets
        for pid, band in self.bands.items():
            band.set_drop_target(pid in targets)
        self.drop_target_changed.emit(next((p for p in PERSPECTIVE_IDS if p in targets), None))
