"""Map → Map Details…: the map's own fields in one form — title, organisation, area, period
(ปีงบประมาณ, in the Buddhist Era), authors, the destination, the levels' names, and the signers the
exports print (role, name, position).

OK applies every change as one undo step (``srmtool.model.edits.map_fields.details_operations``);
Cancel, or OK with nothing changed, changes nothing. The form is window-modal and does not block.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from srmtool.model.edits.map_fields import (
    DESTINATION,
    LABEL_FIELDS,
    META_TEXT_FIELDS,
    MapDetails,
    details_of,
    details_operations,
    period_suggestions,
)
from srmtool.model.limits import MAX_TEXT_CHARS
from srmtool.model.plan import Signer
from srmtool.model.types import DEFAULT_PERSPECTIVE_LABELS, PERSPECTIVE_IDS, RouteMap
from srmtool.ui.export.signatures import SignatureTable
from srmtool.ui.follow_language import follow_language

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow


class MapDetailsDialog(QDialog):
    """The form, filled from ``route_map``; ``details()`` is what it holds now."""

    def __init__(self, route_map: RouteMap, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_details_dialog")
        self._start = details_of(route_map)
        self._signers = self._start.signers or ()
        texts = self._start.texts
        self.fields: dict[str, QLineEdit] = {}
        for name in ("meta.title", "meta.organization", "meta.area"):
            edit = self.fields[name] = QLineEdit(texts[name], self)
            edit.setObjectName(name.replace(".", "_"))
            edit.setMaxLength(MAX_TEXT_CHARS)
        self.period = QComboBox(self)
        self.period.setObjectName("meta_period")
        self.period.setEditable(True)
        self.period.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.period.addItems(period_suggestions(today or date.today()))
        self.period.setCurrentText(texts["meta.period"])
        self.authors = QPlainTextEdit("\n".join(self._start.authors or ()), self)
        self.authors.setObjectName("meta_authors")
        self.authors.setTabChangesFocus(True)
        self.destination = QPlainTextEdit(texts[DESTINATION], self)
        self.destination.setObjectName("destination")
        self.destination.setTabChangesFocus(True)
        for box in (self.authors, self.destination):
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 14)
        self.labels: dict[str, QLineEdit] = {}
        self._level_names: dict[str, QLabel] = {}
        levels = QGridLayout()
        for i, pid in enumerate(PERSPECTIVE_IDS):
            level = self.labels[pid] = QLineEdit(texts[f"label.{pid}"], self)
            level.setObjectName(f"label_{pid}")
            level.setPlaceholderText(DEFAULT_PERSPECTIVE_LABELS[pid])
            caption = self._level_names[pid] = QLabel(self)
            caption.setBuddy(level)
            levels.addWidget(caption, i // 2, (i % 2) * 2)
            levels.addWidget(level, i // 2, (i % 2) * 2 + 1)
        self.signers = SignatureTable([(s.role, s.name, s.position) for s in self._signers], self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._captions: list[QLabel] = []
        widget: QWidget
        for widget in (
            self.fields["meta.title"],
            self.fields["meta.organization"],
            self.fields["meta.area"],
            self.period,
            self.authors,
            self.destination,
        ):
            caption = QLabel(self)
            caption.setBuddy(widget)
            self._captions.append(caption)
            form.addRow(caption, widget)
        self._levels_box = QGroupBox(self)
        self._levels_box.setLayout(levels)
        self._signers_box = QGroupBox(self)
        signers_layout = QVBoxLayout(self._signers_box)
        signers_layout.addWidget(self.signers)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._levels_box)
        layout.addWidget(self._signers_box, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 640)
        follow_language(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Map Details"))
        captions = (
            self.tr("&Title"),
            self.tr("&Organisation"),
            self.tr("&Area"),
            self.tr("&Period (fiscal year, B.E.)"),
            self.tr("A&uthors (one per line)"),
            self.tr("&Destination"),
        )
        for caption, text in zip(self._captions, captions, strict=True):
            caption.setText(text)
        self.fields["meta.title"].setPlaceholderText(self.tr("e.g. the route map of dengue control, Ban Na"))
        self.fields["meta.organization"].setPlaceholderText(self.tr("e.g. the district health office"))
        self.fields["meta.area"].setPlaceholderText(self.tr("e.g. tambon, district, province"))
        line = self.period.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("e.g. ปีงบประมาณ 2569–2571"))
        self.destination.setPlaceholderText(
            self.tr("What the people of the area will have achieved, and by when")
        )
        self._levels_box.setTitle(self.tr("Names of the levels"))
        self._signers_box.setTitle(self.tr("Signers printed under the plan"))
        for pid, label in self._level_names.items():
            label.setText(DEFAULT_PERSPECTIVE_LABELS[pid])

    def details(self) -> MapDetails:
        """What the form holds (the planner cleans and compares it)."""
        texts: dict[str, str] = {
            name: self.fields[name].text() for name in META_TEXT_FIELDS if name in self.fields
        }
        texts["meta.period"] = self.period.currentText()
        texts[DESTINATION] = self.destination.toPlainText()
        for field, (pid, edit) in zip(LABEL_FIELDS, self.labels.items(), strict=True):
            assert field == f"label.{pid}"
            texts[field] = edit.text()
        return MapDetails(
            texts=texts, authors=self.authors.toPlainText().splitlines(), signers=self._rows_signers()
        )

    def _rows_signers(self) -> list[Signer]:
        """The signers' rows, keeping what a newer release stored with a block that is unchanged
        or still at its place."""
        kept = {(s.role, s.name, s.position): s for s in self._signers}
        out: list[Signer] = []
        for i, (role, name, position) in enumerate(self.signers.signatures()):
            same = kept.get((role, name, position))
            if same is None and i < len(self._signers):
                same = self._signers[i]
            out.append(
                replace(same, role=role, name=name, position=position)
                if same
                else Signer(role, name, position)
            )
        return out


def show_map_details(window: MainWindow) -> MapDetailsDialog:
    """Open the form on the window's map; OK applies it as one undo step."""
    dialog = MapDetailsDialog(window.document.route_map, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)

    @Slot()
    def apply() -> None:
        apply_details(window, dialog.details())

    dialog.accepted.connect(apply)
    dialog.open()
    return dialog


def apply_details(window: MainWindow, details: MapDetails) -> bool:
    """Every change ``details`` makes to the window's map, as one undo step; False when none."""
    operations = details_operations(window.document.route_map, details)
    if not operations:
        return False
    window.document.edit(operations, QCoreApplication.translate("MapDetails", "Edit map details"))
    return True
