"""The stakeholders panel: the map's partners (ภาคี) in an editable table, with add, remove, assign
to and unassign from the objectives selected on the map, and the stakeholder × objective matrix.
Each button is one undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSize, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from srmtool.model.edits import assign_operations
from srmtool.model.limits import MAX_TEXT_CHARS
from srmtool.model.operations import AddStakeholder, RemoveStakeholder
from srmtool.model.types import Stakeholder
from srmtool.ui import actions
from srmtool.ui.document import Document
from srmtool.ui.follow_language import follow_language
from srmtool.ui.panels.matrix import MatrixDialog
from srmtool.ui.panels.stakeholder_model import ASSIGNED, KIND, NAME, ROLE, StakeholderModel
from srmtool.ui.selection import Selection
from srmtool.ui.text_limit import LimitedLineDelegate


class StakeholdersPanel(QWidget):
    """Edits ``document``'s stakeholders; assigning works on the objectives in ``selection``."""

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stakeholders_panel")
        self._document = document
        self._selection = selection
        self.model = StakeholderModel(document, self)
        self.table = QTableView(self)
        self.table.setObjectName("stakeholder_table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(LimitedLineDelegate(MAX_TEXT_CHARS, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ASSIGNED, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(40)
        self.table.verticalHeader().hide()
        # Delete in the table removes the selected stakeholders (the map's Delete works only in the
        # map; a name being typed keeps the key, its editor has the focus then).
        self.remove_key = QAction(self.table)
        self.remove_key.setObjectName("remove_stakeholders")
        self.remove_key.setShortcuts(actions.key_sequences("delete"))
        self.remove_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_key.triggered.connect(self.remove_selected)
        self.table.addAction(self.remove_key)
        self.matrix_dialog: MatrixDialog | None = None

        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.assign_button = QPushButton(self)
        self.unassign_button = QPushButton(self)
        self.matrix_button = QPushButton(self)
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.remove_button, 0, 1)
        buttons.addWidget(self.assign_button, 1, 0)
        buttons.addWidget(self.unassign_button, 1, 1)
        buttons.addWidget(self.matrix_button, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_stakeholder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.assign_button.clicked.connect(lambda: self.assign_selected(True))
        self.unassign_button.clicked.connect(lambda: self.assign_selected(False))
        self.matrix_button.clicked.connect(self.show_matrix)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_buttons)
            signal.connect(self._fit_columns)
        selection.changed.connect(self._update_buttons)
        follow_language(self)
        self._fit_columns()

    # -- language ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&Add"))
        self.add_button.setToolTip(self.tr("Add a stakeholder (partner) to the map"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected stakeholders from the map"))
        self.assign_button.setText(self.tr("Assign"))
        self.assign_button.setToolTip(
            self.tr("Assign the selected stakeholders to the objectives selected on the map")
        )
        self.unassign_button.setText(self.tr("Unassign"))
        self.unassign_button.setToolTip(
            self.tr("Take the selected stakeholders off the objectives selected on the map")
        )
        self.matrix_button.setText(self.tr("Stakeholder × objective &matrix…"))
        self.model.retranslate()
        if self.matrix_dialog is not None:
            self.matrix_dialog.retranslate()

    @override
    def sizeHint(self) -> QSize:
        return QSize(360, 560)  # the dock's first size: room for the map beside it

    # -- state ------------------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """Ids of the stakeholders selected in the table, in map order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [s.id for r in rows if (s := self.model.stakeholder(r)) is not None]

    def select(self, stakeholder_id: str) -> None:
        row = self.model.row_of(stakeholder_id)
        if row >= 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            index = self.model.index(row, NAME)
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)

    @Slot()
    def _fit_columns(self) -> None:
        """The name gets most room, the kind a modest width (full texts in their tooltips), the role
        what is left."""
        for column, widest in ((NAME, 150), (KIND, 90)):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(max(self.table.columnWidth(column), 60), widest))

    @Slot()
    def _update_buttons(self) -> None:
        chosen = bool(self.selected_ids())
        objectives = bool(self._selection.objectives)
        self.remove_button.setEnabled(chosen)
        self.assign_button.setEnabled(chosen and objectives)
        self.unassign_button.setEnabled(chosen and objectives)

    # -- verbs --------------------------------------------------------------------------------------

    @Slot()
    def add_stakeholder(self) -> str:
        """A new stakeholder at the end of the list, its name open for typing; its id."""
        route_map = self._document.route_map
        stakeholder = Stakeholder(id=route_map.new_id("s"), name=self.tr("New stakeholder"))
        self._document.edit(AddStakeholder(stakeholder), self.tr("Add stakeholder"))
        self.select(stakeholder.id)
        row = self.model.row_of(stakeholder.id)
        if self.isVisible():
            self.table.edit(self.model.index(row, NAME))
        return stakeholder.id

    @Slot()
    def remove_selected(self) -> bool:
        """Remove the selected stakeholders (asking first when objectives name them); one undo step."""
        ids = self.selected_ids()
        if not ids:
            return False
        assigned = sum(self.model.assigned_count(i) for i in ids)
        if assigned and not self.ask_remove_assigned(ids, assigned):
            return False
        self._document.edit(
            [RemoveStakeholder(i) for i in ids],
            self.tr("Remove %n stakeholders", "", len(ids))
            if len(ids) > 1
            else self.tr("Remove stakeholder"),
        )
        return True

    def ask_remove_assigned(self, ids: list[str], assigned: int) -> bool:
        """Whether to remove stakeholders that objectives name (tests replace this)."""
        names = ", ".join(s.name or s.id for i in ids if (s := self._document.route_map.stakeholder(i)))
        answer = QMessageBox.question(
            self,
            self.tr("Remove stakeholder"),
            (
                self.tr(
                    "{names} is assigned to %n objectives. Remove it and its assignments?",
                    "",
                    assigned,
                )
                if len(ids) == 1
                else self.tr(
                    "{names} are assigned to %n objectives. Remove them and their assignments?",
                    "",
                    assigned,
                )
            ).format(names=names)
            + "\n\n"
            + self.tr("Undo brings the assignments back."),
        )
        return answer == QMessageBox.StandardButton.Yes

    def assign_selected(self, on: bool) -> bool:
        """Assign (``on``) or unassign the selected stakeholders to the selected objectives."""
        return assign(self._document, list(self._selection.objectives), self.selected_ids(), on)

    @Slot()
    def show_matrix(self) -> MatrixDialog:
        if self.matrix_dialog is None:
            self.matrix_dialog = MatrixDialog(self._document, self.window())
        self.matrix_dialog.show()
        self.matrix_dialog.raise_()
        self.matrix_dialog.activateWindow()
        return self.matrix_dialog


def assign(document: Document, objective_ids: list[str], stakeholder_ids: list[str], on: bool) -> bool:
    """Add (``on``) or take away these stakeholders on these objectives as one undo step; False when
    nothing would change."""
    operations = assign_operations(document.route_map, objective_ids, stakeholder_ids, on)
    if not operations:
        return False
    text = (
        QCoreApplication.translate("Panels", "Assign stakeholders")
        if on
        else QCoreApplication.translate("Panels", "Unassign stakeholders")
    )
    document.edit(operations, text)
    return True
