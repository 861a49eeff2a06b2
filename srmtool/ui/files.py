"""File handling for the main window: New, Open, Save, Save As, recent files, unsaved changes.

``FileActions`` owns every question the window asks about files, each in one small method that a test
may replace (``ask_save_changes``, ``ask_open_path``, ``ask_save_path``, ``ask_overwrite_changed``,
``ask_open_backup``, ``show_error``). Failures are shown as a message in the user's language, never a
traceback, and lose nothing: a failed Open keeps the current map (and offers ``NAME.srm.bak`` when
that loads), a failed Save keeps the map and its unsaved mark, and Save asks before writing over a
file that another program changed since this window read or wrote it (``disk_stamp``).
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from srmtool.model.errors import MapFileError
from srmtool.model.srmfile.codec import backup_path, load_map
from srmtool.model.templates import default_columns
from srmtool.model.types import Meta, RouteMap, Table, now_iso
from srmtool.ui.disk_state import DiskStamp
from srmtool.ui.document import Document
from srmtool.ui.folders import documents_folder, safe_stem

#: The stamp of a file whose state on disk is not known: any existing file differs from it.
UNKNOWN_STAMP: Final = DiskStamp(-1, -1, "")
RECENT_KEY: Final = "recent_files"
RECENT_LIMIT: Final = 8
SRM_SUFFIX: Final = ".srm"


class Choice(Enum):
    """The answer to "save your changes?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Conflict(Enum):
    """The answer to "the file changed on disk since it was opened; save over it?"."""

    OVERWRITE = "overwrite"
    SAVE_AS = "save_as"
    CANCEL = "cancel"


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file (the same path, or links to one file)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.absolute() == b.absolute()


def fresh_map() -> RouteMap:
    """A new map: the four levels, no objectives, the default Mini SLM columns, created/modified set."""
    stamp = now_iso()
    return RouteMap(meta=Meta(created=stamp, modified=stamp), table=Table(columns=default_columns()))


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (added when the name lacks it, in any letter case)."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def error_text(exc: BaseException, lang: str, path: Path | str) -> str:
    """What went wrong, for a person: the MapFileError's own message, else the system's reason."""
    if isinstance(exc, MapFileError):
        return exc.message(lang)
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        return f"{os.fspath(path)}: {reason}"
    return f"{os.fspath(path)}: {' '.join(str(exc).split()) or type(exc).__name__}"


class RecentFiles:
    """The recently used map files, newest first, kept in ``settings`` under ``recent_files``."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        value = self._settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        if not isinstance(value, list):
            return []
        return [Path(v) for v in value if isinstance(v, str) and v][:RECENT_LIMIT]

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(RECENT_KEY, [str(p) for p in paths[:RECENT_LIMIT]])
        self._settings.sync()

    def add(self, path: Path) -> None:
        path = path.absolute()
        self._store([path, *(p for p in self.paths() if p != path)])

    def remove(self, path: Path) -> None:
        self._store([p for p in self.paths() if p != path.absolute()])

    def clear(self) -> None:
        self._store([])


class FileActions(QObject):
    """The File menu's work for one window and its document."""

    #: A file was opened or saved under a new name (the recent list changed).
    recent_changed = Signal()
    #: Something to tell the user briefly, e.g. in the status bar.
    status = Signal(str)

    def __init__(self, window: QWidget, document: Document, recent: RecentFiles, lang: str) -> None:
        super().__init__(window)
        self._window = window
        self.document = document
        self.recent = recent
        self.lang = lang
        #: The document's file as this window last read or wrote it (None: no file).
        self.disk_stamp: DiskStamp | None = DiskStamp.of(document.path) if document.path else None
        #: What the title shows for a map with no file yet that came from somewhere (a backup).
        self.untitled_label: str | None = None
        self._suggested: Path | None = None  # where Save As proposes to save such a map
        self._origin_folder: Path | None = None  # the folder of the file a new map came from

    # -- questions (tests replace these) ------------------------------------------------------

    def ask_save_changes(self) -> Choice:
        """Save, discard or cancel, for the unsaved changes of the current map."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Unsaved changes"),
            self.tr("The map “{name}” has changes that are not saved. Save them?").format(name=self.name()),
            buttons.Save | buttons.Discard | buttons.Cancel,
            self._window,
        )
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        return {buttons.Save: Choice.SAVE, buttons.Discard: Choice.DISCARD}.get(
            buttons(answer), Choice.CANCEL
        )

    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Open Map"),
            self._open_folder(),
            self.tr("Route maps (*.srm);;All files (*)"),
        )
        return Path(name) if name else None

    def ask_save_path(self, title: str, suffix: str, file_filter: str) -> Path | None:
        suggested = str(self.suggested_path(suffix))
        name, _ = QFileDialog.getSaveFileName(self._window, title, suggested, file_filter)
        return Path(name) if name else None

    def ask_overwrite_changed(self, path: Path) -> Conflict:
        """Overwrite, save as another file, or cancel, when ``path`` changed since it was read."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("File changed on disk"), "", parent=self._window)
        box.setText(
            self.tr(
                "“{name}” was changed by another program (or another srmtool window) after you opened it."
            ).format(name=path.name)
        )
        box.setInformativeText(
            self.tr(
                "Saving over it replaces those changes with this map; the other version is kept as "
                "“{backup}”. Save as another file to keep both."
            ).format(backup=Path(backup_path(path)).name)
        )
        role = QMessageBox.ButtonRole
        overwrite = box.addButton(self.tr("&Overwrite"), role.DestructiveRole)
        save_as = box.addButton(self.tr("Save &As…"), role.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        if clicked is overwrite:
            return Conflict.OVERWRITE
        return Conflict.SAVE_AS if clicked is save_as else Conflict.CANCEL

    def ask_open_backup(self, path: Path, error: str, backup: Path) -> bool:
        """True to open the backup ``backup`` of the unreadable ``path`` (``error`` says why)."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Cannot open the map"),
            error,
            buttons.Open | buttons.Cancel,
            self._window,
        )
        box.setInformativeText(
            self.tr(
                "The previous version “{backup}” can be read. Open it instead? It opens as a new, "
                "unsaved map, so the damaged file is replaced only if you choose to save over it."
            ).format(backup=backup.name)
        )
        box.setDefaultButton(buttons.Open)
        return buttons(box.exec()) == buttons.Open

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self._window, title, text)

    # -- helpers --------------------------------------------------------------------------------

    def name(self) -> str:
        """The file name shown in the title, or "Untitled"."""
        path = self.document.path
        if path is not None:
            return path.name
        return self.untitled_label or self.tr("Untitled")

    def suggested_path(self, suffix: str) -> Path:
        """Where Save As proposes to save: the map's own file; else, named after the map's title, in
        the folder of the file it came from (an imported workbook, a backup) or the user's
        Documents folder — never the program's own folder."""
        path = self.document.path or self._suggested
        if path is not None:
            return path.parent / (path.stem + suffix)
        folder = self._origin_folder or documents_folder()
        return folder / (safe_stem(self.document.route_map.meta.title, self.tr("map")) + suffix)

    def _open_folder(self) -> str:
        path = self.document.path or self._suggested
        if path is not None:
            return str(path.parent)
        recent = self.recent.paths()
        return str(recent[0].parent) if recent else str(self._origin_folder or documents_folder())

    # -- the menu's verbs -----------------------------------------------------------------------

    def may_discard(self) -> bool:
        """True when the current map may be replaced or closed (saved, discarded, or unchanged)."""
        if not self.document.is_modified:
            return True
        choice = self.ask_save_changes()
        if choice is Choice.SAVE:
            return self.save()
        return choice is Choice.DISCARD

    @Slot()
    def new_map(self) -> bool:
        if not self.may_discard():
            return False
        self._forget_origin()
        self.document.replace(fresh_map(), None)
        return True

    @Slot()
    def open_map(self) -> bool:
        """Ask for a file (after the unsaved-changes question) and open it."""
        if not self.may_discard():
            return False
        path = self.ask_open_path()
        return path is not None and self.open_path(path, ask=False)

    def open_path(self, path: Path, *, ask: bool = True) -> bool:
        """Open ``path`` in this window. A file that cannot be read is reported and nothing changes."""
        if ask and not self.may_discard():
            return False
        stamp = DiskStamp.of(path)  # before reading: a change in between is asked about, not missed
        try:
            route_map = load_map(path)
        except Exception as exc:  # any unreadable file is reported, never raised
            return self._offer_backup(path, error_text(exc, self.lang, path))
        self._forget_origin()
        self.document.replace(route_map, path.absolute())
        self.disk_stamp = stamp
        self.recent.add(path)
        self.recent_changed.emit()
        return True

    def _offer_backup(self, path: Path, error: str) -> bool:
        """After ``path`` failed to load: open its readable ``.bak`` as an unsaved map if the user
        wants, else just report ``error``. True when the backup was opened."""
        backup = Path(backup_path(path))
        try:
            backup_map = load_map(backup) if backup.is_file() else None
        except Exception:  # an unreadable backup is simply not offered
            backup_map = None
        if backup_map is None:
            self.show_error(self.tr("Cannot open the map"), error)
            return False
        if not self.ask_open_backup(path, error, backup):
            return False
        label = self.tr("{name} (from backup)").format(name=path.name)
        self.adopt(backup_map, None, label=label, suggested=path.absolute())
        return True

    def adopt(
        self,
        route_map: RouteMap,
        path: Path | None,
        *,
        label: str | None = None,
        disk: DiskStamp | None = None,
        suggested: Path | None = None,
        folder: Path | None = None,
    ) -> None:
        """Put a map that came from elsewhere (a backup, a recovery file, an imported workbook) in
        the document as unsaved changes. With ``path`` Save writes there, after asking if the file
        differs from ``disk`` (asking always when ``disk`` is unknown); without, Save asks for a name
        near ``suggested``, or for one made from the map's title in ``folder``."""
        self._forget_origin()
        self.untitled_label = label if path is None else None
        self._suggested = suggested
        self._origin_folder = folder
        self.document.replace(route_map, path)
        self.disk_stamp = (disk or UNKNOWN_STAMP) if path is not None else None
        self.document.undo_stack.resetClean()  # unsaved until saved, even with no edit

    def _forget_origin(self) -> None:
        self.disk_stamp = None
        self.untitled_label = None
        self._suggested = None
        self._origin_folder = None

    @Slot()
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    @Slot()
    def save_as(self) -> bool:
        path = self.ask_save_path(
            self.tr("Save Map As"), SRM_SUFFIX, self.tr("Route maps (*.srm);;All files (*)")
        )
        return path is not None and self._save_to(with_suffix(path, SRM_SUFFIX))

    def changed_on_disk(self, path: Path) -> bool:
        """True when saving to ``path`` would replace changes another program made to the
        document's own file after this window read or wrote it."""
        current = self.document.path
        if current is None or self.disk_stamp is None or not same_file(path, current):
            return False
        return self.disk_stamp.differs_from(path)

    def _save_to(self, path: Path) -> bool:
        if self.changed_on_disk(path):
            answer = self.ask_overwrite_changed(path)
            if answer is Conflict.SAVE_AS:
                return self.save_as()
            if answer is not Conflict.OVERWRITE:
                return False
        try:
            self.document.save(path)
        except Exception as exc:  # the map stays open and marked unsaved
            self.show_error(self.tr("Cannot save the map"), error_text(exc, self.lang, path))
            return False
        self.disk_stamp = DiskStamp.of(path)
        self.untitled_label = None
        self._suggested = None
        self.recent.add(path)
        self.recent_changed.emit()
        self.status.emit(self.tr("Saved {path}").format(path=os.fspath(path)))
        return True
