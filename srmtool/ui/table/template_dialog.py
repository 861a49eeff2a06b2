"""Choose a column template for a new map: the built-in ones first, then the user's own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from srmtool.model.checks.text import short
from srmtool.model.templates import Template
from srmtool.ui.follow_language import follow_language

LABELS_SHOWN = 90  # characters of a template's column labels shown under its name


class TemplateDialog(QDialog):
    """A list of templates named in the interface language; ``chosen()`` after OK."""

    def __init__(
        self, builtin: list[Template], own: list[Template], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._templates = [*builtin, *own]
        self._own_from = len(builtin)
        self._lang = lang
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._list = QListWidget(self)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self._hint)
        layout.addWidget(self._list, 1)
        layout.addWidget(self._buttons)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.resize(520, 360)
        follow_language(self)
        self._list.setCurrentRow(0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New Map from Template"))
        self._hint.setText(self.tr("The new map's table gets the columns of the template you choose."))
        current = max(0, self._list.currentRow())
        self._list.clear()
        for i, template in enumerate(self._templates):
            name = template.display_name(self._lang)
            if i >= self._own_from:
                name = self.tr("{name} (yours)").format(name=name)
            # The name, then its columns (a name may say how many there are: "Mini SLM, 11 columns").
            labels = " · ".join(c.label for c in template.columns)
            item = QListWidgetItem(f"{name}\n{short(labels, LABELS_SHOWN)}", self._list)
            item.setToolTip(labels)
            item.setData(Qt.ItemDataRole.UserRole, i)
        self._list.setCurrentRow(current)

    def select(self, row: int) -> None:
        self._list.setCurrentRow(row)

    def chosen(self) -> Template | None:
        row = self._list.currentRow()
        return self._templates[row] if 0 <= row < len(self._templates) else None
