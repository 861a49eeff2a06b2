"""Pieces the side panels share: how an objective or a stakeholder is named in a panel, and a
multi-line text box that hands its text over once (focus-out or Ctrl+Enter), not per keystroke."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from srmtool.model.limits import MAX_TEXT_CHARS, clip_text
from srmtool.model.types import PERSPECTIVE_IDS, RouteMap
from srmtool.ui.text_limit import LimitedPlainTextEdit


def objective_label(route_map: RouteMap, objective_id: str) -> str:
    """The code people see (ป1 …), or the id when the objective has none."""
    objective = route_map.objective(objective_id)
    return objective.code if objective is not None and objective.code else objective_id


def item_label(route_map: RouteMap, item_id: str) -> str:
    """How a finding names one of its ids as the map shows it: an objective's code, a table row's
    number, a stakeholder's name, a level's label; else (an id that points nowhere) the id."""
    if route_map.objective(item_id) is not None:
        return objective_label(route_map, item_id)
    row = route_map.row(item_id)
    if row is not None:
        number = route_map.table.rows.index(row) + 1
        return QCoreApplication.translate("Panels", "row {number}").format(number=number)
    stakeholder = route_map.stakeholder(item_id)
    if stakeholder is not None and stakeholder.name:
        return stakeholder.name
    if item_id in PERSPECTIVE_IDS:
        return route_map.perspective_label(item_id)
    return item_id


class CommitTextEdit(LimitedPlainTextEdit):
    """A plain multi-line text box of at most ``limit`` characters. ``committed`` carries its text
    when the user leaves it or presses Ctrl+Enter after changing it; Esc puts back the last text
    set by ``set_text``."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, limit: int = MAX_TEXT_CHARS) -> None:
        super().__init__(parent, limit)
        self.setTabChangesFocus(True)
        self._shown = ""

    def set_text(self, text: str) -> None:
        """Show ``text`` as the unchanged value (no ``committed``)."""
        self._shown = text
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.document().setModified(False)

    @property
    def pending(self) -> bool:
        """The user typed something not yet committed."""
        return self.document().isModified() and self.toPlainText() != self._shown

    def commit(self) -> bool:
        """Emit ``committed`` if there is a change; True when it did."""
        if not self.pending:
            return False
        self._shown = clip_text(self.toPlainText(), self.limit)
        self.document().setModified(False)
        self.committed.emit(self._shown)
        return True

    @override
    def sizeHint(self) -> QSize:
        return QSize(240, self.fontMetrics().lineSpacing() * 4 + 12)  # grows with the panel

    @override
    def keyPressEvent(self, e: QKeyEvent) -> None:
        enter = e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            return
        if e.key() == Qt.Key.Key_Escape and self.pending:
            self.set_text(self._shown)
            return
        super().keyPressEvent(e)

    @override
    def focusOutEvent(self, e: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(e)
