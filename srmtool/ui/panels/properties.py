"""The properties panel: level, code, text, notes, key route and stakeholders of the one selected
objective. Every edit is one undo step through the Document; the panel shows the map again from the
Document's signals, never from what was typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QSize, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from srmtool.model.limits import MAX_CODE_CHARS
from srmtool.model.operations import (
    Operation,
    OperationError,
    SetObjectiveCode,
    SetObjectiveNotes,
    SetObjectiveStakeholders,
)
from srmtool.model.types import Objective
from srmtool.ui.canvas.text import thai_layout_text
from srmtool.ui.document import Document
from srmtool.ui.follow_language import follow_language
from srmtool.ui.panels.common import CommitTextEdit
from srmtool.ui.selection import Selection
from srmtool.ui.text_limit import limit_line

translate = QCoreApplication.translate  # the name lupdate finds, with the context spelt out
_ID_ROLE = Qt.ItemDataRole.UserRole
# The objective fields the panel shows.
_SHOWN = frozenset({"perspective", "code", "text", "notes", "key_route", "stakeholders"})


class PropertiesPanel(QWidget):
    """Follows ``selection``; with exactly one objective selected shows and edits it."""

    def __init__(self, document: Document, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("properties_panel")
        self._document = document
        self._selection = selection
        self._objective_id: str | None = None

        self._stack = QStackedWidget(self)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self._stack.addWidget(self.empty_label)
        self._stack.addWidget(self._build_form())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

        selection.changed.connect(self.refresh)
        document.objective_changed.connect(self._on_objective_changed)
        document.objective_removed.connect(self._on_objective_removed)
        for signal in (
            document.stakeholder_added,
            document.stakeholder_removed,
            document.stakeholder_changed,
        ):
            signal.connect(self._on_stakeholders_changed)
        document.map_changed.connect(self._on_map_changed)
        document.reset.connect(self.refresh)
        follow_language(self)
        self.refresh()

    def _build_form(self) -> QWidget:
        form = QWidget(self)
        layout = QVBoxLayout(form)
        layout.setContentsMargins(6, 6, 6, 6)
        self.level_label = QLabel(form)
        self.level_label.setObjectName("level_label")
        self.level_label.setWordWrap(True)
        layout.addWidget(self.level_label)

        row = QHBoxLayout()
        self.code_caption = QLabel(form)
        self.code_edit = QLineEdit(form)
        self.code_edit.setObjectName("code_edit")
        limit_line(self.code_edit, MAX_CODE_CHARS)
        self.code_edit.setMaximumWidth(120)
        self.code_caption.setBuddy(self.code_edit)
        self.key_route_box = QCheckBox(form)
        self.key_route_box.setObjectName("key_route_box")
        row.addWidget(self.code_caption)
        row.addWidget(self.code_edit)
        row.addSpacing(12)
        row.addWidget(self.key_route_box)
        row.addStretch(1)
        layout.addLayout(row)
        self.code_error = QLabel(form)
        self.code_error.setObjectName("code_error")
        self.code_error.setWordWrap(True)
        self.code_error.setStyleSheet("color: #b00020;")
        self.code_error.hide()
        layout.addWidget(self.code_error)

        self.text_caption = QLabel(form)
        self.text_edit = CommitTextEdit(form)
        self.text_edit.setObjectName("text_edit")
        self.notes_caption = QLabel(form)
        self.notes_edit = CommitTextEdit(form)
        self.notes_edit.setObjectName("notes_edit")
        self.stakeholders_caption = QLabel(form)
        self.stakeholder_list = QListWidget(form)
        self.stakeholder_list.setObjectName("stakeholder_list")
        self.stakeholder_list.setWordWrap(True)
        self.stakeholder_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.stakeholder_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lines = self.fontMetrics().lineSpacing()
        for caption, widget, stretch, rows in (
            # the least rows each shows, so that the findings below get room on a laptop
            (self.text_caption, self.text_edit, 2, 2),
            (self.notes_caption, self.notes_edit, 1, 1),
            (self.stakeholders_caption, self.stakeholder_list, 3, 2),
        ):
            widget.setMinimumHeight(lines * rows + 12)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget, stretch)

        self.code_edit.editingFinished.connect(self._commit_code)
        self.text_edit.committed.connect(self._commit_text)
        self.notes_edit.committed.connect(self._commit_notes)
        self.key_route_box.toggled.connect(self._commit_key_route)
        self.stakeholder_list.itemChanged.connect(self._commit_stakeholder)
        return form

    # -- language ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.code_caption.setText(self.tr("&Code:"))
        self.key_route_box.setText(self.tr("&Key route"))
        self.text_caption.setText(self.tr("&Text:"))
        self.notes_caption.setText(self.tr("&Notes:"))
        self.stakeholders_caption.setText(self.tr("&Stakeholders:"))
        self.text_edit.setToolTip(self.tr("Ctrl+Enter or leaving the box saves the text"))
        self.notes_edit.setToolTip(self.tr("Ctrl+Enter or leaving the box saves the notes"))
        self.refresh()

    @override
    def sizeHint(self) -> QSize:
        return QSize(360, 560)  # the dock's first size: room for the map beside it

    # -- showing ----------------------------------------------------------------------------------

    @property
    def objective_id(self) -> str | None:
        """The objective shown, None in the empty state."""
        return self._objective_id

    def _objective(self) -> Objective | None:
        if self._objective_id is None:
            return None
        return self._document.route_map.objective(self._objective_id)

    @Slot()
    def refresh(self) -> None:
        """Show the selected objective (saving what is still being typed for the one shown before)."""
        ids = self._selection.objectives
        wanted = self._selection.ids.objective
        if wanted != self._objective_id:
            self.commit_pending()
            self.code_error.hide()
        self._objective_id = wanted
        objective = self._objective()
        if objective is None:
            self._objective_id = None
            if len(ids) > 1:
                text = self.tr(
                    "%n objectives selected. Select one objective to see its properties.", "", len(ids)
                )
            else:
                text = self.tr("Select one objective on the map to see its properties.")
            self.empty_label.setText(text)
            self._stack.setCurrentIndex(0)
            return
        self._show(objective)
        self._stack.setCurrentIndex(1)

    def _show(self, objective: Objective) -> None:
        route_map = self._document.route_map
        level = route_map.perspective_label(objective.perspective)
        self.level_label.setText(self.tr("Level: <b>{level}</b>").format(level=level.replace("<", "&lt;")))
        if not self.code_edit.hasFocus() or not self.code_edit.isModified():
            self.code_edit.setText(objective.code)
            self.code_edit.setModified(False)
        for edit, value in ((self.text_edit, objective.text), (self.notes_edit, objective.notes)):
            if not (edit.hasFocus() and edit.pending):
                edit.set_text(value)
        with QSignalBlocker(self.key_route_box):
            self.key_route_box.setChecked(objective.key_route)
        with QSignalBlocker(self.stakeholder_list):
            current = self.stakeholder_list.currentRow()
            self.stakeholder_list.clear()
            for stakeholder in route_map.stakeholders:
                item = QListWidgetItem(
                    thai_layout_text(stakeholder.name or stakeholder.id), self.stakeholder_list
                )
                item.setData(_ID_ROLE, stakeholder.id)
                item.setToolTip(" · ".join(t for t in (stakeholder.kind, stakeholder.role) if t))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = stakeholder.id in objective.stakeholders
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if route_map.stakeholders:
                self.stakeholder_list.setCurrentRow(min(max(current, 0), len(route_map.stakeholders) - 1))

    @Slot(str, tuple)
    def _on_objective_changed(self, objective_id: str, fields: tuple[str, ...]) -> None:
        if objective_id == self._objective_id and not _SHOWN.isdisjoint(fields):
            self.refresh()

    @Slot(str)
    def _on_objective_removed(self, objective_id: str) -> None:
        if objective_id == self._objective_id:
            self.refresh()

    @Slot(str)
    def _on_stakeholders_changed(self, _stakeholder_id: str, _fields: tuple[str, ...] = ()) -> None:
        if self._objective_id is not None:
            self.refresh()  # the list of stakeholders to tick

    @Slot(str)
    def _on_map_changed(self, name: str) -> None:
        if name.startswith("label.") and self._objective_id is not None:
            self.refresh()  # the level's name

    # -- editing ----------------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Save text or notes still being typed (before the panel shows another objective)."""
        self.text_edit.commit()
        self.notes_edit.commit()
        if self.code_edit.isModified():
            self._commit_code()

    def _edit(self, operation: Operation, text: str) -> None:
        if self._objective() is None:
            return
        try:
            self._document.edit(operation, text)
        except OperationError:
            self.refresh()

    @Slot()
    def _commit_code(self) -> None:
        objective = self._objective()
        if objective is None or not self.code_edit.isModified():
            return
        self.code_edit.setModified(False)
        code = self.code_edit.text().strip()
        owner = next((o for o in self._document.route_map.objectives if o.code == code and code), None)
        if owner is not None and owner.id != objective.id:
            self.code_error.setText(
                self.tr("The code {code} is already used by another objective. Codes must be unique.").format(
                    code=code
                )
            )
            self.code_error.show()
            self.code_edit.setText(objective.code)
            return
        self.code_error.hide()
        if code != objective.code:
            self._edit(SetObjectiveCode(objective.id, code), translate("Document", "Edit code"))
        else:
            self.code_edit.setText(code)

    @Slot(str)
    def _commit_text(self, text: str) -> None:
        if self._objective_id is not None:
            self._document.set_objective_text(self._objective_id, text)

    @Slot(str)
    def _commit_notes(self, text: str) -> None:
        if self._objective_id is not None:
            self._edit(SetObjectiveNotes(self._objective_id, text), translate("Document", "Edit notes"))

    @Slot(bool)
    def _commit_key_route(self, on: bool) -> None:
        if self._objective_id is not None:
            self._document.set_key_route([self._objective_id], on)

    @Slot(QListWidgetItem)
    def _commit_stakeholder(self, item: QListWidgetItem) -> None:
        objective = self._objective()
        if objective is None:
            return
        sid = str(item.data(_ID_ROLE))
        on = item.checkState() == Qt.CheckState.Checked
        if on and sid not in objective.stakeholders:
            ids = (*objective.stakeholders, sid)
        elif not on and sid in objective.stakeholders:
            ids = tuple(s for s in objective.stakeholders if s != sid)
        else:
            return
        self._edit(SetObjectiveStakeholders(objective.id, ids), translate("Document", "Change stakeholders"))
