"""The signature blocks printed under the PDF table: a small table of role, name and position."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from srmtool.export.options import Signature
from srmtool.ui.export.choices import ROLES
from srmtool.ui.follow_language import follow_language

ROLE, NAME, POSITION = range(3)
Index = QModelIndex | QPersistentModelIndex


class _RoleDelegate(QStyledItemDelegate):
    """The role cell offers the usual roles in an editable list; any text may be typed."""

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(True)
        box.addItems(ROLES)
        return box

    @override
    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)


class SignatureTable(QWidget):
    """Rows of (role, name, position); Add and Remove change the rows. An empty name or position
    prints as a dotted line to sign or fill in by hand."""

    def __init__(self, signatures: Sequence[Signature], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("signature_table")
        self.table.setItemDelegateForColumn(ROLE, _RoleDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(POSITION, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add_signature")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("remove_signature")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_rows)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.set_signatures(signatures)
        follow_language(self)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Name"), self.tr("Position")])
        self.add_button.setText(self.tr("Add Signer"))
        self.remove_button.setText(self.tr("Remove"))
        self.table.setToolTip(self.tr("Printed under the table; an empty name or position is a dotted line"))

    def set_signatures(self, signatures: Sequence[Signature]) -> None:
        self.table.setRowCount(0)
        for signature in signatures:
            self._append(signature)
        self._update_buttons()

    def signatures(self) -> list[Signature]:
        """The rows in order; rows left wholly empty are dropped."""
        out = []
        for row in range(self.table.rowCount()):
            role, name, position = (self._text(row, column) for column in (ROLE, NAME, POSITION))
            if role or name or position:
                out.append((role, name, position))
        return out

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return " ".join(item.text().split()) if item is not None else ""

    def _append(self, signature: Signature, row: int | None = None) -> int:
        row = self.table.rowCount() if row is None else row
        self.table.insertRow(row)
        for column, value in enumerate(signature):
            self.table.setItem(row, column, QTableWidgetItem(value))
        return row

    @Slot()
    def add_row(self) -> None:
        """A new row under the current one (printed in that order), with the first usual role not
        yet used, its name cell ready to type in."""
        used = {self._text(r, ROLE) for r in range(self.table.rowCount())}
        role = next((r for r in ROLES if r not in used), "")
        current = self.table.currentRow()
        row = self._append((role, "", ""), current + 1 if current >= 0 else None)
        self.table.setCurrentCell(row, NAME)
        item = self.table.item(row, NAME)
        if item is not None:
            self.table.editItem(item)

    @Slot()
    def remove_rows(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))
