"""The main window: the map canvas in the centre, menus and toolbar around it.

The window holds one ``Document`` for its whole life; New and Open replace the map inside it
(``Document.replace``), so the canvas, the undo actions and the title follow through the document's
signals. Menus, texts and shortcuts come from ``actions.py``; file work from ``files.py``. What is
selected lives in one ``Selection`` (``selection.py``): the map and the table write it, the panels,
presentation mode and the Edit actions follow it, and closing the window ends it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QToolBar, QWidget
from typing_extensions import override

from srmtool.i18n import system_language
from srmtool.ui import actions, window_layout
from srmtool.ui.canvas.scene import MapScene
from srmtool.ui.canvas.tools import SelectTool
from srmtool.ui.canvas.view import MapView
from srmtool.ui.document import Document
from srmtool.ui.files import FileActions, RecentFiles, fresh_map
from srmtool.ui.follow_language import follow_language
from srmtool.ui.map_menus import MapMenus
from srmtool.ui.map_verbs import MapVerbs
from srmtool.ui.recent_menu import RecentMenu
from srmtool.ui.selection import Selection
from srmtool.ui.startup import StartupSequence
from srmtool.ui.status import MapStatus

if TYPE_CHECKING:
    from srmtool.ui.panels.findings import FindingsPanel
    from srmtool.ui.panels.properties import PropertiesPanel
    from srmtool.ui.panels.stakeholders import StakeholdersPanel
    from srmtool.ui.presentation.mode import Presentation
    from srmtool.ui.recovery.feature import Autosaver
    from srmtool.ui.share.feature import ShareFeature
    from srmtool.ui.table.panel import TableFeature

APP_NAME = "srmtool"
SEVERITY_ORDER = ("error", "warning", "info")


def default_settings() -> QSettings:
    return QSettings("srmtool", "srmtool")


class MainWindow(QMainWindow):
    """One map in one window. ``settings`` hold the recent files and the user's choices (a test
    passes its own).

    The features around the canvas (the table, the panels, presentation mode, the export and import
    dialogs, autosave, the language menu) each have an ``install(window)`` that builds their widgets
    and connects their actions from the action table; they reach the window only through
    ``named_actions``, ``menus``, ``submenus``, ``add_dock`` and the public attributes below.
    """

    # The features' handles, each set by its ``install`` before ``__init__`` returns.
    table: TableFeature
    properties: PropertiesPanel
    stakeholders: StakeholdersPanel
    findings: FindingsPanel
    presentation: Presentation
    autosaver: Autosaver
    share: ShareFeature

    def __init__(
        self,
        document: Document | None = None,
        *,
        settings: QSettings | None = None,
        lang: str | None = None,
        parent: QWidget | None = None,
        staged: bool = False,
    ) -> None:
        """``staged``: the window is the program's first, about to be shown: it paints the map before
        loading the Thai segmenter and running the checks (``startup.StartupSequence``)."""
        super().__init__(parent)
        self.lang = lang or system_language()
        self.settings = settings if settings is not None else default_settings()
        self.document = document if document is not None else Document(fresh_map())
        self.document.setParent(self)
        self.selection = Selection(self.document, self)
        self.scene = MapScene(self.document, self, selection=self.selection)
        self.select_tool = SelectTool(self.scene)
        self.scene.set_tool(self.select_tool)
        self.view = MapView(self.scene)
        self.startup = StartupSequence(self.document, self.view.viewport(), self) if staged else None
        self.setCentralWidget(self.view)
        self.files = FileActions(self, self.document, RecentFiles(self.settings), self.lang)

        self.named_actions = actions.create_actions(self, actions.names_held_by("window"))
        self.named_actions.update(self.view.key_actions)  # the map's own, held by the view
        stack = self.document.undo_stack
        self.named_actions["undo"] = actions.dress(
            stack.createUndoAction(self, self.tr("Undo")), "undo", self, keep_text=True
        )
        self.named_actions["redo"] = actions.dress(
            stack.createRedoAction(self, self.tr("Redo")), "redo", self, keep_text=True
        )
        self.verbs = MapVerbs(self)
        self.map_menus = MapMenus(self)
        self._connect_actions()
        self.menus: dict[str, QMenu] = {}
        self.submenus: dict[str, QMenu] = {
            "recent": RecentMenu(self.files, self.named_actions["clear_recent"], self),
            "panels": QMenu(self),
            "language": QMenu(self),
        }
        self.docks: dict[str, QDockWidget] = {}
        self._dock_titles: dict[str, Callable[[], str]] = {}
        self._build_menus()
        self._build_toolbar()
        self._findings_label = QLabel(self)
        self.statusBar().addPermanentWidget(self._findings_label)
        self.map_status = MapStatus(self.statusBar(), self.scene, self.view)

        self.document.modified_changed.connect(self._update_title)
        self.document.path_changed.connect(self._update_title)
        self.document.reset.connect(self._on_reset)
        self.document.findings_changed.connect(self._show_findings_count)
        self.selection.changed.connect(self._update_edit_actions)
        self.scene.selected_band_changed.connect(lambda _band: self._update_edit_actions())
        self.scene.banner_selected_changed.connect(lambda _on: self._update_edit_actions())
        self.files.status.connect(self.status_message)
        QGuiApplication.clipboard().dataChanged.connect(self._update_edit_actions)
        self._shown = False
        self.setAcceptDrops(True)
        window_layout.fit_to_screen(self)
        self._update_title()
        self._update_edit_actions()
        self._show_findings_count()
        follow_language(self)

        from srmtool.ui.features import install_all

        install_all(self)
        window_layout.restore_layout(self, self.settings)

    # -- construction ----------------------------------------------------------------------------

    def _connect_actions(self) -> None:
        a, files, verbs = self.named_actions, self.files, self.verbs
        slots = {
            "new": files.new_map,
            "open": files.open_map,
            "save": files.save,
            "save_as": files.save_as,
            "quit": self.close,
            "cut": verbs.cut,
            "copy": verbs.copy,
            "paste": verbs.paste,
            "select_all": verbs.select_all,
            "full_screen": self._toggle_full_screen,
            "add_objective": verbs.add_objective,
            "add_link": verbs.add_link,
            "map_details": verbs.map_details,
            "key_route": verbs.toggle_key_route,
            "tidy": verbs.tidy,
            "check": verbs.check,
        }
        for name, slot in slots.items():
            a[name].triggered.connect(slot)
        a["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        a["full_screen"].setCheckable(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, _title, names in actions.MENUS:
            menu = self.menus[key] = bar.addMenu("")
            menu.setObjectName(f"{key}_menu")
            for name in names:
                if not name:
                    menu.addSeparator()
                elif name in self.submenus:
                    self.submenus[name].setObjectName(f"{name}_menu")
                    menu.addMenu(self.submenus[name])
                else:
                    menu.addAction(self.named_actions[name])

    def _build_toolbar(self) -> None:
        bar = self.toolbar = QToolBar(self)
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonFollowStyle)
        for name in actions.TOOLBAR:
            if name:
                bar.addAction(self.named_actions[name])
            else:
                bar.addSeparator()
        self.addToolBar(bar)

    # -- title, status, enabled actions --------------------------------------------------------

    def title_text(self) -> str:
        """What the title bar shows: the file name, ``*`` when unsaved, the program's name."""
        mark = "*" if self.document.is_modified else ""
        return f"{self.files.name()}{mark} — {APP_NAME}"

    @Slot()
    def _update_title(self) -> None:
        self.setWindowTitle(self.title_text())

    @Slot()
    def _on_reset(self) -> None:
        self._update_title()
        self._update_edit_actions()
        self.view.fit()

    @Slot(str)
    def status_message(self, text: str) -> None:
        """Say ``text`` in the status bar for a few seconds."""
        self.statusBar().showMessage(text, 5000)

    @Slot()
    def _update_edit_actions(self) -> None:
        ids, links = self.selection.objectives, self.selection.links
        editable = not self.scene.presenting  # the map on the wall takes no edits
        self.named_actions["cut"].setEnabled(bool(ids))
        self.named_actions["copy"].setEnabled(bool(ids))
        self.named_actions["delete"].setEnabled(editable and bool(ids or links))
        areas = self.scene.areas  # F2 edits the destination or a level's name when they are selected
        self.named_actions["rename"].setEnabled(
            editable and bool(ids or areas.banner_selected or areas.selected_band)
        )
        self.named_actions["add_link"].setEnabled(editable)  # two selected: linked; else the mode
        self.named_actions["key_route"].setEnabled(bool(ids))
        self.named_actions["paste"].setEnabled(editable)  # it says so when there is nothing to paste

    @Slot()
    def _show_findings_count(self) -> None:
        findings = self.document.known_findings()
        if findings is None:  # not checked yet: the first frames come first
            self._findings_label.clear()
            return
        counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER}
        labels = {"error": self.tr("Errors: %n", "", counts["error"]),
                  "warning": self.tr("Warnings: %n", "", counts["warning"]),
                  "info": self.tr("Notes: %n", "", counts["info"])}  # fmt: skip
        parts = [labels[s] for s in SEVERITY_ORDER if counts[s]]
        self._findings_label.setText(" · ".join(parts) if parts else self.tr("No problems found"))

    # -- panels and language --------------------------------------------------------------------

    def add_dock(
        self, name: str, title: Callable[[], str], widget: QWidget, area: Qt.DockWidgetArea
    ) -> QDockWidget:
        """Put ``widget`` in a dock panel named ``name`` (its title from ``title()``, asked again when
        the language changes) and its show/hide toggle in View → Panels."""
        dock = QDockWidget(title(), self)
        dock.setObjectName(f"{name}_dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock
        self._dock_titles[name] = title
        self.submenus["panels"].addAction(dock.toggleViewAction())
        return dock

    def retranslate(self) -> None:
        """Set every text the window owns in the current language (after a translator changes)."""
        for name, action in self.named_actions.items():
            if name not in ("undo", "redo"):
                actions.dress(action, name, self)
        for key, title, _names in actions.MENUS:
            self.menus[key].setTitle(actions.translate(title))
        for key, menu in self.submenus.items():
            menu.setTitle(actions.translate(actions.SUBMENU_TEXT[key]))
        self.toolbar.setWindowTitle(self.tr("Main"))
        for name, dock in self.docks.items():
            dock.setWindowTitle(self._dock_titles[name]())
        self._show_findings_count()
        self._update_title()

    # -- View ------------------------------------------------------------------------------------

    @Slot(bool)
    def _toggle_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    # -- closing ---------------------------------------------------------------------------------

    @staticmethod
    def _dropped_map(event: QDragEnterEvent | QDropEvent) -> Path | None:
        """The one local .srm file being dragged, if that is what it is."""
        urls = event.mimeData().urls() if event.mimeData() is not None else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() == ".srm" else None

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_map(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_map(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files.open_path(path)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # fit once the window has its real size
            self._shown = True
            QTimer.singleShot(0, self.view, self.view.fit)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.may_discard():
            if self.presentation.active:
                self.presentation.leave()  # keep the working layout, not the presentation's bare one
            self.table.modes.set_mode("both")  # nor the map or the table alone
            window_layout.save_layout(self, self.settings)
            self.selection.close()  # nothing selected reaches the views as they are destroyed
            event.accept()
        else:
            event.ignore()
