"""The export dialog's fields: format, file, page and text options, signers, and its buttons.

Only the options the chosen format uses are enabled: paper, size and Thai digits for Excel and PDF,
the font name for Excel (the PDF always embeds the bundled Sarabun), the signers for PDF. Each format
keeps its own font size (Excel 16, PDF 14 by default, in TH Sarabun points).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from srmtool.export.options import KINDS, MAX_FONT_SIZE, MIN_FONT_SIZE, PAPERS
from srmtool.ui.export.choices import FONTS, ExportChoices
from srmtool.ui.export.signatures import SignatureTable
from srmtool.ui.follow_language import follow_language

#: Which options each format uses.
USES: dict[str, frozenset[str]] = {
    "xlsx": frozenset({"paper", "font", "size", "digits"}),
    "pdf": frozenset({"paper", "size", "digits", "signatures"}),
    "png": frozenset(),
    "svg": frozenset(),
}


class ExportForm(QWidget):
    """The fields of the export dialog, filled from and read back as ``ExportChoices``."""

    #: The chosen format changed; carries its kind ("xlsx", "pdf", "png" or "svg").
    kind_changed = Signal(str)

    def __init__(self, choices: ExportChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes = dict(choices.font_sizes)
        self._kind = choices.kind
        self.kind_buttons = {kind: QRadioButton(self) for kind in KINDS}
        self._kind_group = QButtonGroup(self)
        for kind, button in self.kind_buttons.items():
            button.setObjectName(f"kind_{kind}")
            self._kind_group.addButton(button)
            button.toggled.connect(self._on_kind_toggled)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path")
        self.browse_button = QPushButton(self)
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("paper")
        for paper in PAPERS:
            self.paper_combo.addItem("", paper)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(choices.paper)))
        self.font_combo = QComboBox(self)
        self.font_combo.setObjectName("font")
        self.font_combo.setEditable(True)
        self.font_combo.addItems(FONTS)
        self.font_combo.setCurrentText(choices.font)
        self.size_spin = QDoubleSpinBox(self)
        self.size_spin.setObjectName("font_size")
        self.size_spin.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.size_spin.setDecimals(1)
        self.size_spin.setSingleStep(1.0)
        self.digits_check = QCheckBox(self)
        self.digits_check.setObjectName("thai_digits")
        self.digits_check.setChecked(choices.thai_digits)
        self.signatures = SignatureTable(choices.signatures, self)
        self.open_check = QCheckBox(self)
        self.open_check.setObjectName("open_folder")
        self.open_check.setChecked(choices.open_folder)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: no count is known while a writer runs
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.path_edit.textChanged.connect(self._update_enabled)
        self._labels: dict[str, QLabel] = {}
        self._build()
        self.size_spin.setValue(self._sizes.get(choices.kind, MIN_FONT_SIZE))
        self.kind_buttons[choices.kind].setChecked(True)
        self._update_enabled()
        follow_language(self)

    def _label(self, key: str, buddy: QWidget) -> QLabel:
        label = self._labels[key] = QLabel(self)
        label.setBuddy(buddy)
        return label

    def _build(self) -> None:
        kinds = QHBoxLayout()
        for button in self.kind_buttons.values():
            kinds.addWidget(button)
        kinds.addStretch(1)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        top = QFormLayout()
        top.addRow(self._label("format", self.kind_buttons["xlsx"]), kinds)
        top.addRow(self._label("file", self.path_edit), path_row)

        self.page_box = QGroupBox(self)
        size_row = QHBoxLayout()
        size_row.addWidget(self.font_combo, 1)
        size_row.addWidget(self._label("size", self.size_spin))
        size_row.addWidget(self.size_spin)
        page = QFormLayout(self.page_box)
        page.addRow(self._label("paper", self.paper_combo), self.paper_combo)
        page.addRow(self._label("font", self.font_combo), size_row)
        page.addRow("", self.digits_check)

        self.signature_box = QGroupBox(self)
        QVBoxLayout(self.signature_box).addWidget(self.signatures)

        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.page_box)
        layout.addWidget(self.signature_box, 1)
        layout.addWidget(self.open_check)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        names = {
            "xlsx": self.tr("Excel"),
            "pdf": self.tr("PDF"),
            "png": self.tr("PNG picture"),
            "svg": self.tr("SVG drawing"),
        }
        for kind, button in self.kind_buttons.items():
            button.setText(names[kind])
        texts = {
            "format": self.tr("Format:"),
            "file": self.tr("&File:"),
            "paper": self.tr("&Paper:"),
            "font": self.tr("F&ont:"),
            "size": self.tr("&Size (pt):"),
        }
        for key, label in self._labels.items():
            label.setText(texts[key])
        self.browse_button.setText(self.tr("&Browse…"))
        self.paper_combo.setItemText(0, self.tr("A4 landscape"))
        self.paper_combo.setItemText(1, self.tr("A3 landscape"))
        self.font_combo.setToolTip(
            self.tr("The Excel cells' font; the PDF always uses the bundled Sarabun font")
        )
        self.size_spin.setToolTip(self.tr("Table text size in TH Sarabun points"))
        self.digits_check.setText(self.tr("&Thai digits (๑๒๓)"))
        self.page_box.setTitle(self.tr("Page and Text"))
        self.signature_box.setTitle(self.tr("Signatures under the PDF table"))
        self.open_check.setText(self.tr("&Open the folder when done"))
        self.export_button.setText(self.tr("&Export"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.signatures.retranslate()

    def file_filter(self, kind: str) -> str:
        return {
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
            "png": self.tr("PNG pictures (*.png)"),
            "svg": self.tr("SVG drawings (*.svg)"),
        }[kind]

    # -- values -----------------------------------------------------------------------------------

    def kind(self) -> str:
        return self._kind

    def set_kind(self, kind: str) -> None:
        self.kind_buttons[kind].setChecked(True)

    def path_text(self) -> str:
        return self.path_edit.text().strip()

    def set_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))

    def choices(self, path: Path) -> ExportChoices:
        """The form's values, to be written to ``path``."""
        sizes = dict(self._sizes)
        if self._kind in sizes:
            sizes[self._kind] = self.size_spin.value()
        return ExportChoices(
            kind=self._kind,
            path=path,
            paper=str(self.paper_combo.currentData()),
            font=" ".join(self.font_combo.currentText().split()),
            font_sizes=sizes,
            thai_digits=self.digits_check.isChecked(),
            signatures=self.signatures.signatures(),
            open_folder=self.open_check.isChecked(),
        )

    def set_busy(self, busy: bool) -> None:
        """While a file is written nothing can be changed and the bar moves."""
        for widget in (
            self.path_edit,
            self.browse_button,
            self.page_box,
            self.signature_box,
            self.open_check,
        ):
            widget.setEnabled(not busy)
        for button in self.kind_buttons.values():
            button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        if not busy:
            self._update_enabled()

    @Slot(bool)
    def _on_kind_toggled(self, checked: bool) -> None:
        if not checked:
            return
        kind = next(k for k, b in self.kind_buttons.items() if b.isChecked())
        if self._kind in self._sizes:
            self._sizes[self._kind] = self.size_spin.value()
        self._kind = kind
        if kind in self._sizes:
            self.size_spin.setValue(self._sizes[kind])
        self._update_enabled()
        self.kind_changed.emit(kind)

    @Slot()
    def _update_enabled(self) -> None:
        uses = USES[self._kind]
        self.page_box.setEnabled(bool(uses))
        self.paper_combo.setEnabled("paper" in uses)
        self.font_combo.setEnabled("font" in uses)
        self.size_spin.setEnabled("size" in uses)
        self.digits_check.setEnabled("digits" in uses)
        for key in ("paper", "font", "size"):
            self._labels[key].setEnabled(key in uses)
        self.signature_box.setEnabled("signatures" in uses)
        self.export_button.setEnabled(bool(self.path_text()))
