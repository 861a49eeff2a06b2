"""The Edit and Map menus' verbs on the map: copy, cut, paste, delete, select all, rename, add an
objective or a link, the key route, tidy and check. Each turns what is selected into a plan of the
model (``srmtool.model.edits``) and one Document edit, and says in the status bar when there is
nothing to do.

Paste takes objectives copied in srmtool; or plain text (a room's notes from LINE, a list from a
word processor) into the selected level, one objective per line; and never does nothing silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from srmtool.model.checks import Finding
from srmtool.model.clipboard import ClipboardError, ClipboardTooMuch
from srmtool.model.edits import cause_and_effect, keep_lower_bands
from srmtool.model.edits.lines import TooManyLines, line_objective_operations
from srmtool.model.layout import BOX_HEIGHT, BOX_WIDTH
from srmtool.model.types import PERSPECTIVE_IDS
from srmtool.ui.desktop_clipboard import OBJECTIVES_MIME, copy_to_clipboard, paste_from_clipboard

if TYPE_CHECKING:
    from srmtool.ui.canvas.link_mode import LinkModeTool
    from srmtool.ui.map_details import MapDetailsDialog
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
        """Paste what the clipboard holds: srmtool's objectives near the middle of the view, or its
        plain text into the selected level, one objective per line; the new ids. When there is
        nothing to paste, or nowhere to paste it, the status bar says so."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(OBJECTIVES_MIME):
            return self._paste_objectives()
        text = mime.text() if mime is not None and mime.hasText() else ""
        translate = QCoreApplication.translate
        if not text.strip():
            self._window.status_message(
                translate("MainWindow", "Nothing to paste: the clipboard holds no text")
            )
            return []
        band = self._window.scene.selected_band
        focus = QApplication.focusWidget()
        on_map = focus is None or focus is self._window.view or self._window.view.isAncestorOf(focus)
        if band is None or not on_map:
            self._window.status_message(
                translate(
                    "MainWindow",
                    "To paste text as objectives, click an empty part of a level first, then paste",
                )
            )
            return []
        return self.paste_lines(band, text)

    def paste_lines(self, band: str, text: str) -> list[str]:
        """One new objective per non-empty line of ``text`` in level ``band``, as one undo step."""
        window = self._window
        translate = QCoreApplication.translate
        route_map = window.document.route_map
        try:
            operations, ids = line_objective_operations(route_map, band, text)
        except TooManyLines as exc:
            window.status_message(
                translate(
                    "MainWindow", "The text has {lines} lines; at most {limit} can be pasted at once"
                ).format(lines=exc.lines, limit=exc.limit)
            )
            return []
        n = len(ids)  # lupdate skips a count written as len(…)
        if n == 1:
            undo_text = translate("MainWindow", "Paste 1 objective")
            done = translate("MainWindow", "1 objective pasted into {level}")
        else:
            undo_text = translate("MainWindow", "Paste %n objectives", None, n)
            done = translate("MainWindow", "%n objectives pasted into {level}", None, n)
        window.document.edit(keep_lower_bands(route_map, operations), undo_text)
        window.selection.select(ids)
        window.status_message(done.format(level=route_map.perspective_label(band)))
        return ids

    def _paste_objectives(self) -> list[str]:
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
    def map_details(self) -> MapDetailsDialog:
        """Open Map → Map Details… (title, organisation, area, period, authors, signers …)."""
        from srmtool.ui.map_details import show_map_details

        return show_map_details(self._window)

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
        """Link two selected objectives: cause (lower level, or left in one level) → effect. With
        any other selection, start the Add Link mode (click the cause, then the effect; with one
        objective selected it is the cause already). True when a link was added."""
        ids = self._window.selection.objectives
        if len(ids) != 2:
            self.start_link_mode(ids[0] if len(ids) == 1 else None)
            return False
        source, target = cause_and_effect(self._window.document.route_map, *ids)
        if not self._window.document.add_link(source, target):
            self._window.status_message(
                QCoreApplication.translate("MainWindow", "These objectives are already linked")
            )
            return False
        return True

    def start_link_mode(self, source: str | None = None) -> LinkModeTool:
        """Put the map in the Add Link mode until Esc; the status bar says what to click."""
        from srmtool.ui.canvas.link_mode import LinkModeTool

        window = self._window
        previous = window.scene.tool
        if isinstance(previous, LinkModeTool):  # Add Link again while the mode is on: start afresh
            previous = window.select_tool

        def say(text: str) -> None:
            if text:
                window.statusBar().showMessage(text)
            else:
                window.statusBar().clearMessage()

        def end() -> None:
            if window.scene.tool is tool:
                window.scene.set_tool(previous)

        tool = LinkModeTool(window.scene, say, end)
        window.scene.set_tool(tool)
        window.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        tool.begin(source)
        return tool

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
