"""File → Import from Excel…: a hand-typed 11-column table or action plan becomes a new map.

The import runs first (with a busy cursor); only when it succeeded is the user asked about unsaved
changes of the open map, which is then replaced by the imported one. The imported map has no file
yet and counts as unsaved, so closing the window asks to save it. A report of what went to which
column and what was skipped is shown afterwards; a refused or damaged workbook shows its message and
leaves the open map as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from srmtool.ui.folders import documents_folder
from srmtool.ui.follow_language import follow_language

translate = QCoreApplication.translate  # the name lupdate finds, with the context spelt out

if TYPE_CHECKING:
    from srmtool.importer import ImportReport
    from srmtool.ui.window import MainWindow

CONTEXT = "ImportDialog"


def install(window: MainWindow) -> None:
    """Connect File → Import from Excel… of ``window``."""
    window.named_actions["import_xlsx"].triggered.connect(lambda: import_from_excel(window))


# -- questions (tests replace these) --------------------------------------------------------------


def ask_import_path(window: MainWindow) -> Path | None:
    """The workbook to import, or None when the user cancels."""
    folder = window.document.path.parent if window.document.path is not None else documents_folder()
    name, _ = QFileDialog.getOpenFileName(
        window,
        translate("ImportDialog", "Import from Excel"),
        str(folder),
        translate("ImportDialog", "Excel workbooks (*.xlsx);;All files (*)"),
    )
    return Path(name) if name else None


def show_report(window: MainWindow, report: ImportReport) -> ImportReportDialog:
    """Show what the import did (window-modal, without blocking)."""
    dialog = ImportReportDialog(window, report)
    dialog.open()
    return dialog


# -- the verb -------------------------------------------------------------------------------------


def import_from_excel(window: MainWindow, path: Path | None = None) -> bool:
    """Ask for a workbook (unless ``path`` is given), import it and put it in the window.

    Returns True when the window now holds the imported map."""
    path = path or ask_import_path(window)
    if path is None:
        return False
    from srmtool.importer import ImportRefused, import_xlsx  # openpyxl: loaded when used, not at start-up

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = import_xlsx(path)
    except ImportRefused as exc:
        message = exc.message(window.lang)
    except Exception as exc:  # never a traceback: one line the user can pass on
        message = translate("ImportDialog", "The workbook cannot be imported: {reason}").format(
            reason=" ".join(f"{type(exc).__name__}: {exc}".split())
        )
    else:
        message = ""
    finally:
        QGuiApplication.restoreOverrideCursor()
    if message:
        window.files.show_error(translate("ImportDialog", "Cannot import the table"), message)
        return False
    if not window.files.may_discard():
        return False
    # Unsaved until saved; Save proposes the map's title in the workbook's folder.
    window.files.adopt(result.route_map, None, folder=path.absolute().parent)
    window.view.fit()
    done = translate("ImportDialog", "Imported {rows} rows from {name}")
    window.statusBar().showMessage(done.format(rows=result.report.rows, name=path.name), 8000)
    show_report(window, result.report)
    return True


class ImportReportDialog(QDialog):
    """The import's report: a summary line and the full mapping, in the window's language."""

    def __init__(self, window: MainWindow, report: ImportReport) -> None:
        super().__init__(window)
        self.setObjectName("import_report_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._window = window
        self.report = report
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.details.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        self.details.setFont(font)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        follow_language(self)
        self.resize(720, 520)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import Report"))
        self.summary.setText(
            self.tr(
                "The table from “{file}” is now an unsaved map: {rows} rows, {objectives} objectives."
            ).format(file=self.report.file, rows=self.report.rows, objectives=self.report.objectives)
        )
        self.details.setPlainText(self.report.render(self._window.lang))
