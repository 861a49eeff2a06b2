"""Map → Action Plan…: a dialog of three tabs — the heading block (แผนงาน, โครงการ, objectives,
indicators, rationale, responsible office, the digits the plan prints), Small Success, and the
signers — that prints above and below the table.

A dialog rather than a panel: these fields are written once or twice a year, are long (paragraphs
of rationale) and are read together, like the Columns dialog, while the window's panels are for
the workshop's moment-to-moment work. The dialog edits a copy; OK applies what changed as ONE undo
step through ``Document.edit`` (``srmtool.model.edits.plan``: one ``SetMapField`` per key that
changed; nothing changed, no step); Cancel changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from srmtool.model.edits import digits_operations, plan_operations, signer_operations
from srmtool.model.limits import MAX_SIGNERS, MAX_TEXT_CHARS, clip_text
from srmtool.model.operations import Operation, OperationError
from srmtool.model.plan import DigitStyle, Plan, Signer, guess_digits, plan_of, saved_digits, signers_of
from srmtool.model.types import RouteMap
from srmtool.ui.export.signatures import SignatureTable
from srmtool.ui.follow_language import follow_language
from srmtool.ui.plan.milestones import MilestoneBoxes, lines
from srmtool.ui.text_limit import LimitedPlainTextEdit, limit_line

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow

# The digits choice: not chosen (guessed from the text), Thai, Arabic.
_DIGITS: tuple[DigitStyle | None, ...] = (None, "thai", "arabic")


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by an empty line; the lines of one paragraph joined by a space."""
    out: list[str] = []
    for block in text.replace("\r", "").split("\n\n"):
        joined = " ".join(block.split())
        if joined:
            out.append(joined)
    return out


class PlanDialog(QDialog):
    """Edit a copy of the map's plan fields; ``operations()`` after OK."""

    def __init__(self, route_map: RouteMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_dialog")
        self._map = route_map
        plan = plan_of(route_map)
        self._plan = plan
        self.tabs = QTabWidget(self)
        heading = QWidget(self.tabs)
        self.programme = QLineEdit(plan.programme, heading)
        self.project = QLineEdit(plan.project, heading)
        self.office = QLineEdit(plan.office, heading)
        for edit in (self.programme, self.project, self.office):
            limit_line(edit, MAX_TEXT_CHARS)
            edit.setCursorPosition(0)  # a long text shows its beginning
        self.objectives = self._box(heading, "\n".join(plan.objectives), 4)
        self.indicators = self._box(heading, "\n".join(plan.indicators), 3)
        self.rationale = self._box(heading, "\n\n".join(plan.rationale), 6)
        self.digits = QComboBox(heading)
        self.digits.setObjectName("plan_digits")
        self._captions = [QLabel(heading) for _ in range(7)]
        form = QFormLayout(heading)
        fields = (self.programme, self.project, self.objectives, self.indicators, self.rationale)
        for caption, field in zip(self._captions, (*fields, self.office, self.digits), strict=True):
            caption.setBuddy(field)
            form.addRow(caption, field)
        self.milestones = MilestoneBoxes(plan, self.tabs)
        signers = QWidget(self.tabs)
        self.signers = SignatureTable([(s.role, s.name, s.position) for s in signers_of(route_map)], signers)
        self._signers_hint = QLabel(signers)
        self._signers_hint.setWordWrap(True)
        signers_layout = QVBoxLayout(signers)
        signers_layout.addWidget(self._signers_hint)
        signers_layout.addWidget(self.signers, 1)
        self.tabs.addTab(heading, "")
        self.tabs.addTab(self.milestones, "")
        self.tabs.addTab(signers, "")
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._buttons)
        follow_language(self)
        self.digits.setCurrentIndex(_DIGITS.index(saved_digits(route_map)))
        self.resize(760, 640)

    def _box(self, parent: QWidget, text: str, rows: int) -> LimitedPlainTextEdit:
        box = LimitedPlainTextEdit(parent)
        box.setPlainText(text)
        box.setMinimumHeight(box.fontMetrics().lineSpacing() * rows + 12)
        return box

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Action Plan"))
        self.tabs.setTabText(0, self.tr("&Heading"))
        self.tabs.setTabText(1, self.tr("&Small Success"))
        self.tabs.setTabText(2, self.tr("Si&gners"))
        captions = (
            self.tr("P&rogramme:"),
            self.tr("&Project:"),
            self.tr("&Objectives:"),
            self.tr("&Indicators:"),
            self.tr("R&ationale:"),
            self.tr("Responsible o&ffice:"),
            self.tr("&Digits:"),
        )
        for caption, text in zip(self._captions, captions, strict=True):
            caption.setText(text)
        self.objectives.setPlaceholderText(self.tr("One objective per line; they are numbered when printed"))
        self.indicators.setPlaceholderText(self.tr("One indicator per line"))
        self.rationale.setPlaceholderText(self.tr("Paragraphs, with an empty line between them"))
        guessed = self.tr("Thai digits") if guess_digits(self._map) == "thai" else self.tr("Arabic digits")
        current = max(0, self.digits.currentIndex())
        self.digits.clear()
        self.digits.addItems(
            [
                self.tr("As the plan is typed (now {style})").format(style=guessed),
                self.tr("Thai digits (๑๒๓)"),
                self.tr("Arabic digits (123)"),
            ]
        )
        self.digits.setCurrentIndex(current)
        self._signers_hint.setText(
            self.tr(
                "The signature blocks printed under the table, in this order. An export can print "
                "others for once (the export dialog, srmtool export --signature)."
            )
        )

    # -- what the dialog holds -----------------------------------------------------------------------

    def plan(self) -> Plan:
        return Plan(
            programme=self.programme.text(),
            project=self.project.text(),
            objectives=tuple(lines(self.objectives.toPlainText())),
            indicators=tuple(lines(self.indicators.toPlainText())),
            rationale=tuple(paragraphs(self.rationale.toPlainText())),
            office=self.office.text(),
            milestones=self.milestones.milestones(),
        )

    def signer_rows(self) -> list[Signer]:
        old = signers_of(self._map)
        out: list[Signer] = []
        for n, (role, name, position) in enumerate(self.signers.signatures()[:MAX_SIGNERS]):
            extra = old[n].extra if n < len(old) else ()  # keys of a newer release stay with the row
            out.append(Signer(clip_text(role), clip_text(name), clip_text(position), extra))
        return out

    def digit_choice(self) -> DigitStyle | None:
        return _DIGITS[max(0, self.digits.currentIndex())]

    def operations(self) -> list[Operation]:
        """What OK applies: one operation per key that changed."""
        return [
            *plan_operations(self._map, self.plan()),
            *signer_operations(self._map, self.signer_rows()),
            *digits_operations(self._map, self.digit_choice()),
        ]


def edit_plan(window: MainWindow) -> bool:
    """Show the dialog on the window's map; True when OK changed something (one undo step)."""
    dialog = PlanDialog(window.document.route_map, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return apply(window, dialog)


def apply(window: MainWindow, dialog: PlanDialog) -> bool:
    operations = dialog.operations()
    if not operations:
        return False
    try:
        window.document.edit(operations, QCoreApplication.translate("PlanDialog", "Edit Action Plan"))
    except OperationError:
        return False  # nothing was changed (a value the file could not hold)
    return True
