"""The stakeholder × objective matrix: one row per objective, grouped under its level's label, one
column per stakeholder, a check mark where the objective names the stakeholder. Clicking a cell (or
Space on it) toggles that assignment as one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from srmtool.model.edits import toggle_operations
from srmtool.model.types import PERSPECTIVE_IDS
from srmtool.ui.canvas.text import thai_layout_text
from srmtool.ui.document import Document
from srmtool.ui.follow_language import follow_language

CHECK = "✓"
STAKEHOLDER_COLUMN_WIDTH = 104
OBJECTIVE_COLUMN_WIDTH = 380
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_Entry = tuple[str, str]  # ("level", perspective id) or ("objective", objective id)
# The objective fields a row shows: its code and text, and which stakeholders it names.
_SHOWN = frozenset({"code", "text", "stakeholders"})


def _check_font() -> QFont:
    font = QFont()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.3)
    return font


class MatrixModel(QAbstractTableModel):
    """Rows: a heading row per level, then its objectives (map order). Column 0 is the objective
    (its code and text); column ``1 + i`` is the map's ``i``-th stakeholder."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows: list[_Entry] = self._entries()
        for signal in (
            document.reset,
            document.stakeholder_added,
            document.stakeholder_removed,
            document.stakeholder_changed,  # a name decides its column's header height
            document.objective_added,
            document.objective_removed,
        ):
            signal.connect(self._reset)
        document.map_changed.connect(self._map_changed)
        document.objective_changed.connect(self._objective_changed)

    def _entries(self) -> list[_Entry]:
        route_map = self._document.route_map
        rows: list[_Entry] = []
        for pid in PERSPECTIVE_IDS:
            rows.append(("level", pid))
            rows.extend(("objective", o.id) for o in route_map.objectives_in(pid))
        return rows

    def entry(self, row: int) -> _Entry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, objective_id: str) -> int:
        return (
            self._rows.index(("objective", objective_id)) if ("objective", objective_id) in self._rows else -1
        )

    def row_of_level(self, perspective_id: str) -> int:
        """The row of a level's heading."""
        return self._rows.index(("level", perspective_id))

    def stakeholder_id(self, column: int) -> str | None:
        items = self._document.route_map.stakeholders
        return items[column - 1].id if 1 <= column <= len(items) else None

    @override
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 1 + len(self._document.route_map.stakeholders)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row())
        if entry is None or not index.isValid():
            return None
        kind, key = entry
        route_map = self._document.route_map
        if kind == "level":
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return route_map.perspective_label(key)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#e8eef5"))
            return None
        objective = route_map.objective(key)
        if objective is None:
            return None
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{objective.code}  {thai_layout_text(objective.text)}".strip()
            if role == Qt.ItemDataRole.ToolTipRole:
                return objective.text
            return None
        sid = self.stakeholder_id(index.column())
        on = sid is not None and sid in objective.stakeholders
        if role == Qt.ItemDataRole.DisplayRole:
            return CHECK if on else ""
        if role == Qt.ItemDataRole.FontRole and on:
            return _check_font()
        if role == Qt.ItemDataRole.ForegroundRole and on:
            return QBrush(QColor("#1b5e20"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return QCoreApplication.translate("Panels", "assigned") if on else ""
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return (
                QCoreApplication.translate("Panels", "Objective")
                if role == Qt.ItemDataRole.DisplayRole
                else None
            )
        sid = self.stakeholder_id(section)
        stakeholder = self._document.route_map.stakeholder(sid) if sid else None
        if stakeholder is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return thai_layout_text(stakeholder.name or stakeholder.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(t for t in (stakeholder.name, stakeholder.kind, stakeholder.role) if t)
        return None

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        entry = self.entry(index.row())
        if entry is None or entry[0] == "level":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def toggle(self, index: _Index) -> bool:
        """Assign or unassign the cell's stakeholder to its objective (one undo step)."""
        entry = self.entry(index.row())
        sid = self.stakeholder_id(index.column())
        if entry is None or entry[0] != "objective" or sid is None:
            return False
        objective = self._document.route_map.objective(entry[1])
        if objective is None:
            return False
        text = (
            QCoreApplication.translate("Panels", "Unassign stakeholders")
            if sid in objective.stakeholders
            else QCoreApplication.translate("Panels", "Assign stakeholders")
        )
        self._document.edit(toggle_operations(self._document.route_map, objective.id, sid), text)
        return True

    @Slot()
    def _reset(self, *_args: object) -> None:
        self.beginResetModel()
        self._rows = self._entries()
        self.endResetModel()

    @Slot(str)
    def _map_changed(self, name: str) -> None:
        if name.startswith("label."):
            self._reset()  # a level's heading row

    @Slot(str, tuple)
    def _objective_changed(self, objective_id: str, fields: tuple[str, ...]) -> None:
        """Moving a box changes nothing here; another level regroups the rows; other edits
        update the objective's row."""
        if "perspective" in fields:
            self._reset()
            return
        if _SHOWN.isdisjoint(fields):
            return
        row = self.row_of(objective_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))


class MatrixView(QTableView):
    """The matrix with level headings spanning the whole row; a click toggles a cell."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrix_view")
        self.matrix = MatrixModel(document, self)
        self.setModel(self.matrix)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(STAKEHOLDER_COLUMN_WIDTH)
        # Long partner names (องค์การบริหารส่วนตำบล…) wrap onto up to four lines instead of being cut.
        wrap = int(Qt.AlignmentFlag.AlignCenter.value) | int(Qt.TextFlag.TextWordWrap.value)
        header.setDefaultAlignment(Qt.AlignmentFlag(wrap))
        self.clicked.connect(self.matrix.toggle)
        self.matrix.modelReset.connect(self._arrange)
        self.matrix.dataChanged.connect(lambda first, *_: self._fit_row(first.row()))
        self._arrange()

    @Slot()
    def _arrange(self) -> None:
        self.clearSpans()
        columns = self.matrix.columnCount()
        for row in range(self.matrix.rowCount()):
            entry = self.matrix.entry(row)
            if entry is not None and entry[0] == "level" and columns > 1:
                self.setSpan(row, 0, 1, columns)
        self.setColumnWidth(0, OBJECTIVE_COLUMN_WIDTH)
        for row in range(self.matrix.rowCount()):
            self._fit_row(row)
        self._fit_header()

    def _fit_row(self, row: int) -> None:
        """Row height from the objective column alone (the check marks are one line): measuring
        every cell, as ``resizeRowsToContents`` does, takes about a second for 300 objectives."""
        metrics = self.fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignLeft.value) | int(Qt.TextFlag.TextWordWrap.value)
        text = str(self.matrix.index(row, 0).data() or "")
        box = metrics.boundingRect(QRect(0, 0, OBJECTIVE_COLUMN_WIDTH - 10, 10_000), flags, text)
        self.setRowHeight(row, max(box.height(), metrics.lineSpacing()) + 8)

    def _fit_header(self) -> None:
        """Make the header tall enough for the longest wrapped stakeholder name (at most six lines)."""
        metrics = self.horizontalHeader().fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignCenter.value) | int(Qt.TextFlag.TextWordWrap.value)
        tallest = metrics.lineSpacing()
        for column in range(1, self.matrix.columnCount()):
            text = str(self.matrix.headerData(column, Qt.Orientation.Horizontal) or "")
            box = metrics.boundingRect(QRect(0, 0, STAKEHOLDER_COLUMN_WIDTH - 10, 10_000), flags, text)
            tallest = max(tallest, box.height())
        self.horizontalHeader().setFixedHeight(min(tallest, metrics.lineSpacing() * 6) + 12)

    def preferred_width(self) -> int:
        """Wide enough for every column, plus the scroll bar and frame."""
        columns = OBJECTIVE_COLUMN_WIDTH + STAKEHOLDER_COLUMN_WIDTH * (self.matrix.columnCount() - 1)
        return columns + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth() + 4

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            self.matrix.toggle(self.currentIndex())
            return
        super().keyPressEvent(event)


class MatrixDialog(QDialog):
    """A window beside the editor holding the matrix; it follows the map while it stays open."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrix_dialog")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.view = MatrixView(document, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        screen = self.screen().availableGeometry() if self.screen() is not None else QRect(0, 0, 1280, 800)
        self.resize(
            min(self.view.preferred_width() + 24, int(screen.width() * 0.9)), min(720, screen.height() - 80)
        )
        follow_language(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Stakeholders × objectives"))
        self.hint.setText(
            self.tr("✓ = the stakeholder is assigned to the objective. Click a cell to change it.")
        )
        self.view.matrix.retranslate()
