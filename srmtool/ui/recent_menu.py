"""File → Open Recent: the recent files (``files.RecentFiles``), filled each time the menu opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from srmtool.ui.files import FileActions


class RecentMenu(QMenu):
    """Numbered recent maps, then "Clear the List" (``clear_action``, from the action table)."""

    def __init__(self, files: FileActions, clear_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.clear_action = clear_action
        clear_action.triggered.connect(self._clear)
        self.aboutToShow.connect(self.fill)

    @Slot()
    def fill(self) -> None:
        self.clear()
        paths = self.files.recent.paths()
        for number, path in enumerate(paths, start=1):
            action = self.addAction(f"&{number} {path.name}" if number < 10 else path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if paths:
            self.addSeparator()
        self.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(paths))

    def open_recent(self, path: Path) -> None:
        if not path.exists():
            self.files.show_error(
                self.tr("Cannot open the map"), self.tr("{path}: the file is gone").format(path=path)
            )
            self.files.recent.remove(path)
            return
        self.files.open_path(path)

    @Slot()
    def _clear(self) -> None:
        self.files.recent.clear()
