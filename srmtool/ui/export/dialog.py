"""File → Export as Excel / PDF / PNG / SVG: one dialog for the four formats.

The dialog asks for the format, the file, and the options that format has (paper, font, Thai digits,
signature blocks), remembers them (``export_choices``), and writes through ``srmtool.export`` as
``srmtool export`` does: the same options, writers and whole-or-nothing output (the folder is tried
first, the file appears whole or not at all), and a failure is told in the user's language with the
same sentences (``srmtool.export.messages``; a file held open by Excel has its own reason).

Excel and PDF are written on a worker thread from a deep copy of the map, so a long table never
freezes the window and later edits cannot reach the file being written; PNG and SVG are drawn by Qt's
scene, which belongs to the GUI thread, so they run there under a busy cursor (they take well under
a second). When the file is written the status bar names it and, if asked, its folder is opened.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout, QWidget
from typing_extensions import override

from srmtool.export.messages import reason, say
from srmtool.export.options import map_signatures
from srmtool.export.output import write_whole
from srmtool.export.writers import writer
from srmtool.model.plan import signers_of
from srmtool.model.types import RouteMap
from srmtool.ui.export.choices import (
    ExportChoices,
    default_path,
    remember,
    remembered,
    with_kind_suffix,
)
from srmtool.ui.export.form import ExportForm
from srmtool.ui.follow_language import follow_language
from srmtool.ui.render import PICTURE_WRITERS

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow

#: Formats written on a worker thread (plain Python writers; PNG/SVG need the GUI thread).
THREADED = frozenset({"xlsx", "pdf"})


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(os.fspath(folder)))


def show_export_dialog(window: MainWindow, kind: str) -> ExportDialog:
    """Open the dialog (window-modal, without blocking) with ``kind`` chosen."""
    dialog = ExportDialog(window, kind)
    dialog.open()
    return dialog


class _Job(QThread):
    """Runs one write on a worker thread; ``error`` is what it raised, if anything."""

    def __init__(self, work: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._work = work
        self.error: BaseException | None = None

    @override
    def run(self) -> None:
        try:
            self._work()
        except Exception as exc:  # handed to the GUI thread and shown there
            self.error = exc


class ExportDialog(QDialog):
    """The export dialog of one window. Export writes the file; the dialog closes when it is written
    and stays open after a failure so that the path can be changed."""

    #: An export ended: True when the file was written.
    export_finished = Signal(bool)

    def __init__(self, window: MainWindow, kind: str) -> None:
        super().__init__(window)
        self.setObjectName("export_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._window = window
        self._map_path = window.document.path
        choices = remembered(window.settings, kind, self._map_path)
        if signers_of(window.document.route_map):  # the map's own signers come first
            choices.signatures = list(map_signatures(window.document.route_map))
        self.form = ExportForm(choices, self)
        self.form.set_path(self._default_path(kind, choices))
        self.form.kind_changed.connect(self._kind_changed)
        self.form.export_button.clicked.connect(self.start)
        self.form.cancel_button.clicked.connect(self.reject)
        self.form.browse_button.clicked.connect(self._browse)
        self._job: _Job | None = None
        self._choices = choices
        self._busy = False
        QVBoxLayout(self).addWidget(self.form)
        follow_language(self)
        self.resize(max(self.sizeHint().width(), 760), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export"))
        self.form.retranslate()

    # -- questions (tests replace these) ------------------------------------------------------------

    def ask_path(self, current: Path, kind: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export To"),
            os.fspath(current),
            self.form.file_filter(kind),
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked once, when Export is pressed
        )
        return Path(name) if name else None

    def ask_overwrite(self, path: Path) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Replace the File?"),
            self.tr("“{name}” already exists in {folder}. Replace it?").format(
                name=path.name, folder=os.fspath(path.parent)
            ),
            buttons.Yes | buttons.No,
            buttons.No,
        )
        return answer == buttons.Yes

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self, title, text)

    # -- the form ---------------------------------------------------------------------------------

    def _default_path(self, kind: str, choices: ExportChoices) -> Path:
        title = self._window.document.route_map.meta.title
        return default_path(kind, self._map_path, title, self.tr("map"), choices.folder)

    @Slot(str)
    def _kind_changed(self, kind: str) -> None:
        text = self.form.path_text()
        if text:
            self.form.set_path(with_kind_suffix(Path(text), kind))

    @Slot()
    def _browse(self) -> None:
        kind = self.form.kind()
        chosen = self.ask_path(self.target_path(), kind)
        if chosen is not None:
            self.form.set_path(
                with_kind_suffix(chosen, kind) if chosen.suffix.lower() != f".{kind}" else chosen
            )

    def target_path(self) -> Path:
        """The file named in the form: absolute, with the format's suffix."""
        kind = self.form.kind()
        path = Path(self.form.path_text()).expanduser()
        if not path.is_absolute():
            path = self._default_path(kind, self.form.choices(Path())).parent / path
        return path if path.suffix.lower() == f".{kind}" else with_kind_suffix(path, kind)

    # -- running ----------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    @Slot()
    def start(self) -> None:
        """Check the path, remember the choices and write the file (on a worker for Excel and PDF)."""
        if self._busy or not self.form.path_text():
            return
        path = self.target_path()
        self.form.set_path(path)
        if path.exists() and not path.is_dir() and not self.ask_overwrite(path):
            return
        choices = self.form.choices(path)
        remember(self._window.settings, choices, self._map_path)
        try:
            write = writer(choices.kind, choices.options(), PICTURE_WRITERS)
        except ImportError as exc:
            detail = " ".join(str(exc).split())
            lang = self._window.lang
            self.show_error(
                self.tr("Cannot Export"),
                say(lang, "export_unavailable", path=os.fspath(path), kind=choices.kind, reason=detail),
            )
            return
        route_map = self._window.document.route_map.model_copy(deep=True)
        self._set_busy(True, path)
        self._choices = choices

        def work(route_map: RouteMap = route_map) -> None:
            write_whole(route_map, path, write)

        self._job = _Job(work, self)
        if choices.kind in THREADED:
            self._job.finished.connect(self._job_done)
            self._job.start()
        else:  # drawn by Qt's scene: on this thread, once the busy state has been painted
            QTimer.singleShot(0, self._run_here)

    @Slot()
    def _run_here(self) -> None:
        if self._job is not None:
            self._job.run()
            self._job_done()

    @Slot()
    def _job_done(self) -> None:
        job, choices = self._job, self._choices
        self._job = None
        if job is None:
            return
        job.wait()
        self._set_busy(False, choices.path)
        if job.error is not None:
            lang = self._window.lang
            text = say(
                lang, "export_cannot_write", path=os.fspath(choices.path), reason=reason(lang, job.error)
            )
            self.show_error(self.tr("Cannot Export"), f"{text}\n\n{say(lang, 'export_nothing_written')}")
            self._window.statusBar().clearMessage()
            self.export_finished.emit(False)
            return
        self._window.statusBar().showMessage(
            self.tr("Exported {path}").format(path=os.fspath(choices.path)), 10000
        )
        if choices.open_folder and not open_folder(choices.path.parent):
            # A desktop without a file manager (or none set up for folders): say where it went.
            self._window.statusBar().showMessage(
                self.tr("Exported {path}. This desktop cannot open folders: find it in {folder}").format(
                    path=os.fspath(choices.path), folder=os.fspath(choices.path.parent)
                ),
                20000,
            )
        self.export_finished.emit(True)
        self.accept()

    def _set_busy(self, busy: bool, path: Path) -> None:
        self._busy = busy
        self.form.set_busy(busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self._window.statusBar().showMessage(self.tr("Exporting {path}…").format(path=os.fspath(path)))
        else:
            QGuiApplication.restoreOverrideCursor()

    @override
    def reject(self) -> None:
        if not self._busy:  # a file half made is never left: the export runs to its end
            super().reject()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
