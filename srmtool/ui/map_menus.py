"""The map's context menus: a right click (or the menu key) on a box, an arrow, a level, the banner
or beside the map offers what applies there.

- a box: edit its text, draw a link from it, the key route, a table row for it, its details, copy,
  cut, delete;
- an arrow: delete it, select the two objectives it joins;
- a level: add an objective where it was clicked, paste text lines as its objectives, rename it,
  select its objectives;
- the banner: edit the destination, Map Details…;
- beside the map: Map Details…, tidy, fit.

A right click on something not selected selects it first (as file managers do), so that the menu's
verbs, which work on the selection, work on it. No menu while the map is presented, votes are
being cast or a link is being drawn: the right click is theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from srmtool.model.layout import BOX_HEIGHT, BOX_WIDTH
from srmtool.ui.canvas.arrows import ArrowHandle
from srmtool.ui.canvas.inline_edit import edit_objective
from srmtool.ui.canvas.items import BoxItem
from srmtool.ui.canvas.map_text_edit import edit_destination, edit_label

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow


class MapMenus(QObject):
    """The context menus of one window's map (``window.map_menus``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.last_menu: QMenu | None = None  # the menu shown last (tests trigger its actions)
        window.view.menu_requested.connect(self._on_requested)

    @Slot(QPointF, QPoint)
    def _on_requested(self, scene_pos: QPointF, screen_pos: QPoint) -> None:
        menu = self.menu_at(scene_pos)
        if menu is not None:
            menu.popup(screen_pos)

    def menu_at(self, pos: QPointF) -> QMenu | None:
        """The menu for what lies at scene point ``pos`` (selecting it first), or None when the
        map takes no menu now."""
        window = self._window
        scene = window.scene
        if scene.tool is not window.select_tool or scene.editing:
            return None
        menu = QMenu(window.view)
        menu.setObjectName("map_context_menu")
        hit = next((it for it in scene.items(pos) if isinstance(it, BoxItem | ArrowHandle)), None)
        if isinstance(hit, BoxItem):
            self._box_menu(menu, hit.objective_id)
        elif isinstance(hit, ArrowHandle):
            self._arrow_menu(menu, hit.link)
        elif scene.areas.on_banner(pos):
            self._banner_menu(menu)
        elif (band := scene.band_under(pos)) is not None:
            self._level_menu(menu, band, pos)
        else:
            window.selection.clear()
            scene.selected_band = None
            self._add_named(menu, "map_details", "", "tidy", "fit")
        if self.last_menu is not None:
            self.last_menu.deleteLater()
        self.last_menu = menu
        return menu

    # -- the menus ----------------------------------------------------------------------------------
    def _box_menu(self, menu: QMenu, objective_id: str) -> None:
        window = self._window
        if objective_id not in window.selection.objectives:
            window.selection.select([objective_id])
        objective = window.document.route_map.objective(objective_id)
        on_route = objective is not None and objective.key_route
        self._add(
            menu, "edit_text", self.tr("&Edit Text"), lambda: edit_objective(window.scene, objective_id)
        )
        self._add(menu, "link_from_here", self.tr("Draw a &Link from Here"),
                  lambda: window.verbs.start_link_mode(objective_id))  # fmt: skip
        route = self.tr("Take off the &Key Route") if on_route else self.tr("Put on the &Key Route")
        self._add(menu, "key_route_toggle", route, window.verbs.toggle_key_route)
        self._add_named(menu, "add_row")
        self._add(menu, "details", self.tr("Detail&s…"), self._show_properties)
        menu.addSeparator()
        self._add_named(menu, "cut", "copy", "delete")

    def _arrow_menu(self, menu: QMenu, link: tuple[str, str]) -> None:
        window = self._window
        if link not in window.selection.links:
            window.selection.select((), [link])
        self._add(menu, "delete_arrow", self.tr("&Delete Arrow"), lambda: window.document.delete((), [link]))
        self._add(
            menu, "select_ends", self.tr("&Select Its Two Objectives"), lambda: window.selection.select(link)
        )

    def _level_menu(self, menu: QMenu, band: str, pos: QPointF) -> None:
        window = self._window
        window.selection.clear()
        window.scene.selected_band = band
        at = (pos.x() - BOX_WIDTH / 2, pos.y() - BOX_HEIGHT / 2)
        self._add(menu, "add_objective_here", self.tr("Add &Objective Here"),
                  lambda: window.select_tool.capture.start(band, "", at))  # fmt: skip
        text = QGuiApplication.clipboard().text()
        paste = self._add(menu, "paste_lines", self.tr("&Paste Lines as Objectives"),
                          lambda: window.verbs.paste_lines(band, text))  # fmt: skip
        paste.setEnabled(bool(text.strip()))
        self._add(menu, "rename_level", self.tr("&Rename Level"), lambda: edit_label(window.scene, band))
        in_band = window.document.objective_ids_in_band
        select = self._add(menu, "select_level", self.tr("Select the Level's Objec&tives"),
                           lambda: window.selection.select(in_band(band)))  # fmt: skip
        select.setEnabled(bool(in_band(band)))

    def _banner_menu(self, menu: QMenu) -> None:
        window = self._window
        window.selection.clear()
        window.scene.selected_band = None
        window.scene.areas.banner_selected = True
        self._add(
            menu, "edit_destination", self.tr("&Edit Destination"), lambda: edit_destination(window.scene)
        )
        self._add_named(menu, "map_details")

    # -- pieces -------------------------------------------------------------------------------------
    def _add(self, menu: QMenu, name: str, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _add_named(self, menu: QMenu, *names: str) -> None:
        """The window's own actions (with their keys shown), ``""`` a separator."""
        for name in names:
            if not name:
                menu.addSeparator()
            elif name in self._window.named_actions:
                menu.addAction(self._window.named_actions[name])

    def _show_properties(self) -> None:
        dock = self._window.docks.get("properties")
        if dock is not None:
            dock.show()
            dock.raise_()
