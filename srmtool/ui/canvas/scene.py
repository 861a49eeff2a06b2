"""The map scene: items built from the document's route map, updated only from its signals.

Gesture → document verb → model → signal → items. During a drag Qt moves the boxes and their
arrows follow; on release the scene calls ``document.move_objectives`` once for everything that
moved. When the signals come back the boxes are already where the layout puts them (no-op), or
snap into their band.

Tools plug in with ``set_tool`` and see every mouse and key event first (``tool_scene``).

Selection: the scene writes which boxes and arrows the user selected to its ``Selection`` and
follows that selection back (whoever wrote it: the table, a finding, an undo; ``selecting``), so the
items, the table and the panels always show one selection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from srmtool.model import graph
from srmtool.model.changes import PLACEMENT_FIELDS
from srmtool.model.layout import MapLayout
from srmtool.model.types import VOTES_FIELD, objective_votes
from srmtool.ui.canvas import text
from srmtool.ui.canvas.after_undo import AfterUndo
from srmtool.ui.canvas.areas import MapAreas
from srmtool.ui.canvas.arrows import Arrow, ArrowHandle, ArrowLayer
from srmtool.ui.canvas.drag import BoxDrag
from srmtool.ui.canvas.handles import LinkHandles
from srmtool.ui.canvas.items import BoxItem, finding_badges
from srmtool.ui.canvas.selecting import selected_items, show_selection
from srmtool.ui.canvas.tool_scene import ToolScene
from srmtool.ui.selection import Selected, Selection

if TYPE_CHECKING:
    from srmtool.ui.document import Document

SCENE_MARGIN = 40.0
# The objective fields a box shows (besides its votes).
_SHOWN = frozenset({"code", "text", "key_route"})


class MapScene(ToolScene):
    """Boxes keyed by objective id, one arrow layer, the bands and the banner (``areas``, whose
    signals the scene passes on: ``selected_band_changed``, ``banner_selected_changed``,
    ``drop_target_changed``)."""

    #: ``view_rect()`` changed: the map's bounds, or an in-place editor opened or closed
    view_rect_changed = Signal()

    def __init__(self, document: Document, parent: Any = None, *, selection: Selection | None = None) -> None:
        super().__init__(parent)
        self._document = document
        #: the window's selection, or the scene's own when it stands alone (tests, exports)
        self._selection = selection if selection is not None else Selection(document, self)
        self._boxes: dict[str, BoxItem] = {}
        self.areas = MapAreas(self)
        self.selected_band_changed = self.areas.selected_band_changed
        self.banner_selected_changed = self.areas.banner_selected_changed
        self.drop_target_changed = self.areas.drop_target_changed
        self.link_handles = LinkHandles(self)
        self._arrow_layer = ArrowLayer()
        self._drag = BoxDrag(self, document, self._arrow_layer)
        self._bounds = QRectF()
        self._editor_rect: QRectF | None = None
        self._relayout_due = False
        self._highlighted: str | None = None
        self._presenting = False
        #: Set by a view: paint boxes without Thai text until the segmenter has loaded (it loads on
        #: the next turn of the event loop), so the window shows without waiting for it.
        self.defers_text = False
        self._shows_hints = False
        self.addItem(self._arrow_layer)
        document.objective_added.connect(self._on_objective_added)
        document.objective_removed.connect(self._on_objective_removed)
        document.objective_changed.connect(self._on_objective_changed)
        document.link_added.connect(self._on_link_added)
        document.link_removed.connect(self._on_link_removed)
        document.map_changed.connect(self._on_map_changed)
        document.findings_changed.connect(self._on_findings_changed)
        document.reset.connect(self._rebuild)
        self.selectionChanged.connect(self._report_selection)
        self._selection.changed.connect(self._follow_selection)
        text.notifier().ready.connect(self._on_text_ready)
        self._after_undo = AfterUndo(self)
        self._rebuild()

    # -- public -------------------------------------------------------------------------------
    @property
    def document(self) -> Document:
        return self._document

    @property
    def selection(self) -> Selection:
        return self._selection

    def box(self, objective_id: str) -> BoxItem | None:
        return self._boxes.get(objective_id)

    def boxes(self) -> list[BoxItem]:
        return list(self._boxes.values())

    def arrow(self, source: str, target: str) -> Arrow | None:
        return self._arrow_layer.arrows.get((source, target))

    def arrows(self) -> list[Arrow]:
        return list(self._arrow_layer.arrows.values())

    def layout(self) -> MapLayout:
        """The document's geometry (``Document.layout``, the one copy); brings the items up to date
        first when a change is due."""
        if self._relayout_due:
            self._relayout()
        return self._document.layout()

    def view_rect(self) -> QRectF:
        """What a view should let the user scroll over: the map's bounds, and while an in-place
        editor is open, that editor too (a new box may open below its band). Views add their
        own margin around it."""
        self.layout()
        if self._editor_rect is None:
            return QRectF(self._bounds)
        return self._bounds.united(self._editor_rect)

    @property
    def editing(self) -> bool:
        """An in-place editor is open."""
        return self._editor_rect is not None

    def set_editor_rect(self, rect: QRectF | None) -> None:
        """The open in-place editor's scene rect, None once it closed (``InlineEditor`` calls this)."""
        self._editor_rect = QRectF(rect) if rect is not None else None
        self.view_rect_changed.emit()

    def selected_objective_ids(self) -> list[str]:
        """The selected objectives, in map order."""
        return list(self._selection.objectives)

    def selected_links(self) -> list[tuple[str, str]]:
        return list(self._selection.links)

    def select_objectives(self, ids: Iterable[str]) -> None:
        """Select exactly these objectives (unknown ids are ignored), no arrows."""
        self._selection.select(ids)

    def band_at(self, scene_pos: QPointF) -> str | None:
        """The perspective whose band holds ``scene_pos`` (nearest band below the banner), or
        None on the banner."""
        lay = self.layout()
        if scene_pos.y() < lay.banner.bottom:
            return None
        return str(lay.band_at(scene_pos.y()))

    def band_under(self, scene_pos: QPointF) -> str | None:
        """The band holding ``scene_pos``, or None off the bands (``MapAreas.band_under``)."""
        return self.areas.band_under(self.layout(), scene_pos)

    def label_at(self, scene_pos: QPointF) -> str | None:
        """The perspective whose label column holds ``scene_pos``, or None."""
        self.layout()
        return self.areas.label_at(scene_pos)

    def box_at(self, scene_pos: QPointF) -> BoxItem | None:
        for item in self.items(scene_pos):
            if isinstance(item, BoxItem):
                return item
        return None

    @property
    def selected_band(self) -> str | None:
        """The selected band: typing adds objectives to it."""
        return self.areas.selected_band

    @selected_band.setter
    def selected_band(self, perspective_id: str | None) -> None:
        self.areas.selected_band = perspective_id

    def show_hints(self) -> None:
        """Called by a view: an empty banner says how to write the destination (a picture never does)."""
        self._shows_hints = True
        self._show_map_texts()

    def set_view_scale(self, zoom: float) -> None:
        """The zoom the map is shown at (the view tells): arrows stay readable when it is small."""
        self._arrow_layer.set_scale(zoom)

    def arrow_head_length(self) -> float:
        """How long arrow heads are drawn now, in scene units."""
        return self._arrow_layer.head_length

    def highlight_routes(self, objective_id: str | None) -> None:
        """Show the routes through an objective (its causes and effects, transitively) and dim
        everything else; None shows the whole map again."""
        self._highlighted = objective_id if objective_id in self._boxes else None
        if self._highlighted is None:
            lit: set[str] | None = None
        else:
            lit = graph.related(self._document.route_map, self._highlighted)
        for oid, box in self._boxes.items():
            box.set_dimmed(lit is not None and oid not in lit)
        self._arrow_layer.restyle_all()

    @property
    def presenting(self) -> bool:
        """Presentation mode: boxes show large text and no findings badges."""
        return self._presenting

    def set_presenting(self, on: bool) -> None:
        self._presenting = on
        for box in self._boxes.values():
            box.set_presenting(on)

    @property
    def highlighted(self) -> str | None:
        return self._highlighted

    def set_arrow_handles_shown(self, shown: bool) -> None:
        """Arrows take clicks or not (``ArrowLayer.set_handles_shown``; the view asks by zoom)."""
        self._arrow_layer.set_handles_shown(shown)

    # -- building --------------------------------------------------------------------------------
    @Slot()
    def _rebuild(self) -> None:
        collecting = gc.isenabled()
        gc.disable()  # thousands of new wrappers would trigger full collections over the whole map
        try:
            self._build_items()
        finally:
            if collecting:
                gc.enable()
        self._relayout()
        QTimer.singleShot(0, self, self._on_findings_changed)  # checking a big map takes a while

    def _build_items(self) -> None:
        self.clearSelection()
        self.link_handles.show(None)
        for box in self._boxes.values():
            self.removeItem(box)
        for arrow in self._arrow_layer.arrows.values():
            if arrow.handle is not None:
                self.removeItem(arrow.handle)
        self._boxes.clear()
        self._arrow_layer.clear()
        self._highlighted = None
        route_map = self._document.route_map
        for objective in route_map.objectives:
            if objective.id not in self._boxes:
                self._add_box(objective.id)
        for link in route_map.links:
            self._add_arrow(link.source, link.target)
        self._show_map_texts()

    def _add_box(self, objective_id: str) -> None:
        objective = self._document.route_map.objective(objective_id)
        if objective is None or objective_id in self._boxes:
            return
        box = BoxItem(objective.id, objective.code, objective.text, objective.key_route)
        box.set_votes(objective_votes(objective))
        box.set_presenting(self._presenting)
        rect = self._document.layout().boxes.get(objective_id)
        if rect is None:
            box.setPos(objective.x, objective.y)
        else:
            box.setPos(rect.x, rect.y)
        self._boxes[objective_id] = box
        self.addItem(box)

    def _add_arrow(self, source: str, target: str) -> None:
        src, tgt = self._boxes.get(source), self._boxes.get(target)
        if src is None or tgt is None or source == target or (source, target) in self._arrow_layer.arrows:
            return  # dangling links and self-links are the checks' business
        self.addItem(self._arrow_layer.connect(src, tgt))

    def _remove_arrow(self, source: str, target: str) -> None:
        arrow = self._arrow_layer.remove((source, target))
        if arrow is not None and arrow.handle is not None:
            self.removeItem(arrow.handle)

    def _schedule_relayout(self) -> None:
        if not self._relayout_due:
            self._relayout_due = True
            QTimer.singleShot(0, self, self._relayout_if_due)

    @Slot()
    def _relayout_if_due(self) -> None:
        if self._relayout_due:
            self._relayout()

    def _relayout(self) -> None:
        """Put every item where model.layout says (moving only what is elsewhere)."""
        self._relayout_due = False
        lay = self._document.layout()
        self.areas.place(lay)
        for oid, rect in lay.boxes.items():
            box = self._boxes.get(oid)
            if box is not None:
                pos = box.pos()
                if pos.x() != rect.x or pos.y() != rect.y:
                    box.setPos(rect.x, rect.y)
        b = lay.bounds
        bounds = QRectF(b.x, b.y, b.w, b.h)
        self._arrow_layer.set_bounds(bounds)
        self.setSceneRect(bounds.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))
        if bounds != self._bounds:
            self._bounds = bounds
            self.view_rect_changed.emit()

    # -- document signals -----------------------------------------------------------------------
    @Slot(str)
    def _on_objective_added(self, objective_id: str) -> None:
        self._add_box(objective_id)
        for link in self._document.route_map.links_of(objective_id):
            self._add_arrow(link.source, link.target)
        self._schedule_relayout()

    @Slot(str)
    def _on_objective_removed(self, objective_id: str) -> None:
        box = self._boxes.pop(objective_id, None)
        if box is None:
            return
        for arrow in list(box.arrows):
            self._remove_arrow(*arrow.link)
        self.link_handles.forget(box)
        self.removeItem(box)
        if self._highlighted == objective_id:
            self.highlight_routes(None)
        self._schedule_relayout()

    @Slot(str, tuple)
    def _on_objective_changed(self, objective_id: str, fields: tuple[str, ...]) -> None:
        objective = self._document.route_map.objective(objective_id)
        box = self._boxes.get(objective_id)
        if objective is None or box is None:
            return
        if _SHOWN.intersection(fields):
            was_key = box.key_route
            box.set_content(objective.code, objective.text, objective.key_route)
            if was_key != box.key_route:
                for arrow in box.arrows:
                    self._arrow_layer.restyle(arrow)
        if VOTES_FIELD in fields:
            box.set_votes(objective_votes(objective))
        if not PLACEMENT_FIELDS.isdisjoint(fields):
            self._schedule_relayout()

    @Slot(str, str)
    def _on_link_added(self, source: str, target: str) -> None:
        self._add_arrow(source, target)
        if self._highlighted is not None:
            self.highlight_routes(self._highlighted)

    @Slot(str, str)
    def _on_link_removed(self, source: str, target: str) -> None:
        self._remove_arrow(source, target)
        if self._highlighted is not None:
            self.highlight_routes(self._highlighted)

    def retranslate(self) -> None:
        """Re-read the banner's title in the current language (the window calls this on a switch)."""
        self._show_map_texts()

    @Slot(str)
    def _on_map_changed(self, name: str) -> None:
        if name == "destination" or name.startswith("label."):
            self._show_map_texts()

    def _show_map_texts(self) -> None:
        hint = self.tr("Double-click here to write the destination") if self._shows_hints else ""
        self.areas.show_texts(self._document.route_map, self.tr("Destination"), hint)

    @Slot()
    def _on_findings_changed(self) -> None:
        findings = self._document.known_findings()
        if findings is None:
            return  # not checked yet; findings_changed follows
        badges = finding_badges(findings)
        for oid, box in self._boxes.items():
            box.set_badge(*badges.get(oid, (None, "")))

    @Slot()
    def _on_text_ready(self) -> None:
        for box in self._boxes.values():
            box.update()
        self.areas.repaint()

    # -- selection ---------------------------------------------------------------------------------
    @Slot()
    def _report_selection(self) -> None:
        """Items were selected or unselected (a click, the rubber band, a box removed): say so."""
        self._selection.select(*selected_items(self))

    @Slot(object)
    def _follow_selection(self, ids: Selected) -> None:
        """Show ``ids`` and light the routes through a lone selected objective."""
        show_selection(self, ids)
        if ids.objectives or ids.links:
            self.areas.banner_selected = False
        if ids.objective != self._highlighted:
            self.highlight_routes(ids.objective)
        self._report_selection()  # what could not be selected (a hidden arrow) is not selected

    # -- gestures no tool took (tool_scene) ------------------------------------------------------
    def pressed(self, event: QGraphicsSceneMouseEvent) -> None:
        pos = event.scenePos()
        hit = next((it for it in self.items(pos) if isinstance(it, BoxItem | ArrowHandle)), None)
        self.selected_band = None if hit is not None else self.band_under(pos)
        self.areas.banner_selected = hit is None and self.areas.on_banner(pos)
        self.link_handles.show(None)
        self._drag.press()

    def moved(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and isinstance(self.mouseGrabberItem(), BoxItem):
            self._drag.dragging(self._boxes)

    def released(self, event: QGraphicsSceneMouseEvent) -> None:
        self._drag.release(self._boxes)
