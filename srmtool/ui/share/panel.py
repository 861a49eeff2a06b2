"""The Session panel: the state of the session, the room code, and who is connected."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from srmtool.export.thai import with_break_marks
from srmtool.ui.follow_language import follow_language
from srmtool.ui.share.presence import Person


class SessionPanel(QWidget):
    """Read by the share feature; ``show_code`` and ``leave`` are its two buttons."""

    show_code = Signal()
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.code = QLabel(self)
        font = QFont()
        font.setPointSize(20)
        font.setBold(True)
        self.code.setFont(font)
        layout.addWidget(self.code)
        self.people_title = QLabel(self)
        layout.addWidget(self.people_title)
        self.people = QListWidget(self)
        layout.addWidget(self.people)
        row = QHBoxLayout()
        self.code_button = QPushButton(self)
        self.leave_button = QPushButton(self)
        self.code_button.clicked.connect(self.show_code)
        self.leave_button.clicked.connect(self.leave)
        row.addWidget(self.code_button)
        row.addWidget(self.leave_button)
        layout.addLayout(row)
        self._state_text = ""
        follow_language(self)

    def retranslate(self) -> None:
        self.people_title.setText(self.tr("In the room:"))
        self.code_button.setText(self.tr("Show Room Code"))
        self.leave_button.setText(self.tr("Leave"))

    def set_state(self, text: str, code: str = "", hosting: bool = False) -> None:
        self.state.setText(with_break_marks(text))
        self.code.setText(code)
        self.code.setVisible(bool(code))
        self.code_button.setVisible(hosting)

    def set_people(self, me: str, others: list[Person]) -> None:
        self.people.clear()
        mine = QListWidgetItem(self.tr("%1 (you)").replace("%1", me))
        self.people.addItem(mine)
        for person in others:
            item = QListWidgetItem(f"● {person.name}")
            item.setForeground(QColor(person.colour))
            self.people.addItem(item)
