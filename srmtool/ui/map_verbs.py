"""The Edit and Map menus' verbs on the map: copy, cut, paste, delete, select all, rename, add an
objective or a link, the key route, tidy and check. Each turns what is selected into a plan of the
model (``srmtool.model.edits``) and one Document edit, and says in the status bar when there is
nothing to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt, Slot

from srmtool.model.checks import Finding
from srmtool.model.clipboard import ClipboardError, ClipboardTooMuch
from srmtool.model.edits import cause_and_effect
from srmtool.model.layout import BOX_HEIGHT, BOX_WIDTH
from srmtool.model.types import PERSPECTIVE_IDS
from srmtool.ui.desktop_clipboard import copy_to_clipboard, paste_from_clipboard

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow


class MapVerbs(QObject):
    """The verbs of one window (``window.verbs``); the window's actions are connected to them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    # -- Edit -----------------------------------------------------------------------------------

    @Slot()
    def copy(self) -> bool:
        """Put the selected objectives (with the links and table rows among them) on the clipboard."""
        return copy_to_clipboard(self._window.document.route_map, list(self._window.selection.objectives))

    @Slot()
    def cut(self) -> bool:
        return self.copy() and self.delete()

    @Slot()
    def paste(self) -> list[str]:
        """Add copies of the objectives on the clipboard near the middle of the view; their new ids."""
        centre: QPointF = self._window.view.mapToScene(self._window.view.viewport().rect().center())
        try:
            ids = paste_from_clipboard(
                self._window.document, (centre.x() - BOX_WIDTH / 2, centre.y() - BOX_HEIGHT / 2)
            )
        except ClipboardTooMuch as exc:
            self._window.status_message(exc.message(self._window.lang))
            return []
        except ClipboardError:
            self._window.status_message(
                QCoreApplication.translate(
                    "MainWindow", "The clipboard holds no objectives this program can read"
                )
            )
            return []
        self._window.selection.select(ids)
        return ids

    @Slot()
    def delete(self) -> bool:
        return self._window.view.delete_selection()

    @Slot()
    def select_all(self) -> None:
        self._window.selection.select(o.id for o in self._window.document.route_map.objectives)

    @Slot()
    def rename(self) -> bool:
        return self._window.view.edit_selected()

    # -- Map ------------------------------------------------------------------------------------

    def _target_band(self) -> str:
        """Where a new objective goes: the selected band, else the first selected box's, else the top."""
        if self._window.scene.selected_band is not None:
            return self._window.scene.selected_band
        for objective_id in self._window.selection.objectives:
            objective = self._window.document.route_map.objective(objective_id)
            if objective is not None:
                return objective.perspective
        return PERSPECTIVE_IDS[0]

    @Slot()
    def add_objective(self) -> None:
        """Start typing a new objective in the chosen band (Enter adds it and starts the next)."""
        band = self._target_band()
        self._window.selection.clear()
        self._window.scene.selected_band = band
        self._window.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._window.select_tool.capture.start(band)

    @Slot()
    def add_link(self) -> bool:
        """Link two selected objectives: cause (lower level, or left in one level) → effect."""
        ids = self._window.selection.objectives
        if len(ids) != 2:
            self._window.status_message(
                QCoreApplication.translate(
                    "MainWindow", "Select two objectives, the cause and the effect, to link them"
                )
            )
            return False
        source, target = cause_and_effect(self._window.document.route_map, *ids)
        if not self._window.document.add_link(source, target):
            self._window.status_message(
                QCoreApplication.translate("MainWindow", "These objectives are already linked")
            )
            return False
        return True

    @Slot()
    def toggle_key_route(self) -> bool:
        """Put the selected objectives on the key route (one undo step), or take them all off it
        when every one of them is on it already. True when something changed."""
        ids = list(self._window.selection.objectives)
        if not ids:
            return False
        route_map = self._window.document.route_map
        on = not all((o := route_map.objective(i)) is not None and o.key_route for i in ids)
        self._window.document.set_key_route(ids, on)
        return True

    @Slot()
    def tidy(self) -> None:
        from srmtool.model.tidy import tidy_positions

        positions = tidy_positions(self._window.document.route_map)
        if positions:
            self._window.document.set_positions(
                positions, QCoreApplication.translate("MainWindow", "Tidy layout")
            )
        else:
            self._window.status_message(QCoreApplication.translate("MainWindow", "The map is already tidy"))

    @Slot()
    def check(self) -> list[Finding]:
        """Show what the checks find in the findings panel (it lists them live)."""
        dock = self._window.docks.get("findings")
        if dock is not None:
            dock.show()
            dock.raise_()
        return self._window.document.findings()
