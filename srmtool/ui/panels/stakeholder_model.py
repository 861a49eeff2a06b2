"""The map's stakeholders (ภาคี) as a table model: name, kind, role (editable in place) and how many
objectives each is assigned to. ``setData`` applies one ``SetStakeholderField`` undo step and returns;
rows update from the Document's signals (the model mirrors the stakeholder ids, to tell Qt which
row came or went)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from typing_extensions import override

from srmtool.model.limits import MAX_TEXT_CHARS, clip_text
from srmtool.model.operations import OperationError, SetStakeholderField, StakeholderField
from srmtool.model.types import Stakeholder
from srmtool.ui.document import Document

NAME, KIND, ROLE, ASSIGNED = range(4)
FIELDS: tuple[StakeholderField, ...] = ("name", "kind", "role")
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def header_text(column: int) -> str:
    headers = (
        QCoreApplication.translate("Panels", "Name"),
        QCoreApplication.translate("Panels", "Kind"),
        QCoreApplication.translate("Panels", "Role"),
        QCoreApplication.translate("Panels", "Obj."),
    )
    return headers[column]


class StakeholderModel(QAbstractTableModel):
    """One row per stakeholder in map order; column ``ASSIGNED`` counts their objectives."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._ids = [s.id for s in document.route_map.stakeholders]  # what Qt was told the rows are
        document.stakeholder_added.connect(self._on_added)
        document.stakeholder_removed.connect(self._on_removed)
        document.stakeholder_changed.connect(self._on_changed)
        document.reset.connect(self._reset)
        document.objective_changed.connect(self._on_objective_changed)
        document.objective_removed.connect(self._counts_changed)
        document.objective_added.connect(self._counts_changed)

    def stakeholder(self, row: int) -> Stakeholder | None:
        if not 0 <= row < len(self._ids):
            return None
        return self._document.route_map.stakeholder(self._ids[row])

    def row_of(self, stakeholder_id: str) -> int:
        """The row showing that stakeholder, -1 when none does."""
        return self._ids.index(stakeholder_id) if stakeholder_id in self._ids else -1

    def assigned_count(self, stakeholder_id: str) -> int:
        return sum(1 for o in self._document.route_map.objectives if stakeholder_id in o.stakeholders)

    @override
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    @override
    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        stakeholder = self.stakeholder(index.row())
        if stakeholder is None or not index.isValid():
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if column == ASSIGNED:
                return self.assigned_count(stakeholder.id) if role != Qt.ItemDataRole.ToolTipRole else None
            return str(getattr(stakeholder, FIELDS[column]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ASSIGNED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 4:
            if role == Qt.ItemDataRole.DisplayRole:
                return header_text(section)
            if role == Qt.ItemDataRole.ToolTipRole and section == ASSIGNED:
                return QCoreApplication.translate(
                    "Panels", "Number of objectives this stakeholder is assigned to"
                )
        return None

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() != ASSIGNED:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    @override
    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        stakeholder = self.stakeholder(index.row())
        if role != Qt.ItemDataRole.EditRole or stakeholder is None or index.column() == ASSIGNED:
            return False
        name = FIELDS[index.column()]
        text = clip_text(str(value).strip(), MAX_TEXT_CHARS)
        if getattr(stakeholder, name) == text:
            return False
        try:
            self._document.edit(
                SetStakeholderField(stakeholder.id, name, text),
                QCoreApplication.translate("Panels", "Edit stakeholder"),
            )
        except OperationError:
            return False
        return True

    @Slot()
    def _reset(self) -> None:
        self.beginResetModel()
        self._ids = [s.id for s in self._document.route_map.stakeholders]
        self.endResetModel()

    @Slot(str)
    def _on_added(self, stakeholder_id: str) -> None:
        ids = [s.id for s in self._document.route_map.stakeholders]
        row = min(ids.index(stakeholder_id), len(self._ids))
        self.beginInsertRows(_ROOT, row, row)
        self._ids.insert(row, stakeholder_id)
        self.endInsertRows()

    @Slot(str)
    def _on_removed(self, stakeholder_id: str) -> None:
        row = self.row_of(stakeholder_id)
        if row < 0:
            return
        self.beginRemoveRows(_ROOT, row, row)
        del self._ids[row]
        self.endRemoveRows()

    @Slot(str, tuple)
    def _on_changed(self, stakeholder_id: str, fields: tuple[str, ...]) -> None:
        row = self.row_of(stakeholder_id)
        for name in fields:
            if row >= 0 and name in FIELDS:
                cell = self.index(row, FIELDS.index(name))
                self.dataChanged.emit(cell, cell)

    @Slot(str, tuple)
    def _on_objective_changed(self, _objective_id: str, fields: tuple[str, ...]) -> None:
        if "stakeholders" in fields:
            self._counts_changed()

    @Slot(str)
    def _counts_changed(self, _objective_id: str = "") -> None:
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, ASSIGNED), self.index(rows - 1, ASSIGNED))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
