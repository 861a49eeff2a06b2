"""The two dialogs of a session: Share in the Room… (the room code and a QR code large enough to
read from the back of the room) and Join a Session… (the sessions heard on the network, or an
address and a code typed in)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from srmtool.export.thai import with_break_marks
from srmtool.share.discovery import Found
from srmtool.share.net import normal_code

translate = QCoreApplication.translate
MAX_NAME: Final = 40


def qr_pixmap(text: str, size: int) -> QPixmap:
    """A QR code of ``text`` about ``size`` pixels wide (segno draws it, Qt shows the PNG)."""
    import segno

    code = segno.make(text, error="m")
    width = code.symbol_size(scale=1, border=2)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(2, size // width), border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


def room_url(host: str, port: int, code: str) -> str:
    return f"srmtool://{host}:{port}/{code}"


@dataclass(frozen=True)
class Address:
    host: str
    port: int
    code: str


def parse_address(text: str, code: str, default_port: int) -> Address | None:
    """``192.168.1.5:8765``, ``192.168.1.5`` or ``srmtool://192.168.1.5:8765/CODE`` (whose code wins
    over ``code``); None when it is not an address."""
    text = text.strip()
    for scheme in ("srmtool://", "ws://"):
        if text.lower().startswith(scheme):
            text = text[len(scheme) :]
    host_port, _, path = text.partition("/")
    if path.strip("/"):
        code = path.strip("/")
    if host_port.count(":") == 1:
        host, port_text = host_port.split(":")
    elif "]:" in host_port:  # [IPv6]:port
        host, port_text = host_port.rsplit("]:", 1)
    else:
        host, port_text = host_port, ""
    host = host.strip().strip("[]")
    if not host or any(ch.isspace() for ch in host):
        return None
    try:
        port = int(port_text) if port_text else default_port
    except ValueError:
        return None
    if not 0 < port < 65536:
        return None
    return Address(host, port, normal_code(code))


class ShareDialog(QDialog):
    """Shows the room code, the addresses and a QR code; ``leave`` asks to close the room."""

    leave = Signal()

    def __init__(self, parent: QWidget, code: str, hosts: list[str], port: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ShareDialog", "Share in the Room"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            with_break_marks(
                translate(
                    "ShareDialog",
                    "The others choose File → Join a Session… on their laptops, on this network, and type"
                    " this room code:",
                )
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code_label = QLabel(" ".join((code[: len(code) // 2], code[len(code) // 2 :])), self)
        big = QFont()
        big.setPointSize(54)
        big.setBold(True)
        big.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 6)
        self.code_label.setFont(big)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code_label)
        shown = [h for h in hosts if h != "127.0.0.1"] or hosts
        where = "\n".join(f"{h}:{port}" for h in shown)
        address = QLabel(translate("ShareDialog", "Address of this laptop:") + "\n" + where, self)
        address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        medium = QFont()
        medium.setPointSize(16)
        address.setFont(medium)
        layout.addWidget(address)
        self.qr_text = room_url(shown[0], port, code) if shown else ""
        self.qr = QLabel(self)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if self.qr_text:
            self.qr.setPixmap(qr_pixmap(self.qr_text, 320))
        layout.addWidget(self.qr)
        note = QLabel(
            with_break_marks(
                translate(
                    "ShareDialog",
                    "Only people with the code can read or edit the map. The connection is not encrypted:"
                    " on an open hotspot anyone nearby can read what is sent.",
                )
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.stop_button = buttons.addButton(
            translate("ShareDialog", "Stop Sharing"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.stop_button.clicked.connect(self._stop)
        layout.addWidget(buttons)

    @Slot()
    def _stop(self) -> None:
        self.leave.emit()
        self.accept()


class JoinDialog(QDialog):
    """Asks for a session: one heard on the network, or an address typed in; and the code."""

    def __init__(self, parent: QWidget, name: str, default_port: int) -> None:
        super().__init__(parent)
        self.default_port = default_port
        self.setWindowTitle(translate("ShareDialog", "Join a Session"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("ShareDialog", "Sessions on this network:"), self))
        self.sessions = QListWidget(self)
        self.sessions.setMinimumHeight(120)
        self.sessions.currentItemChanged.connect(self._picked)
        layout.addWidget(self.sessions)
        self.none_heard = QLabel(translate("ShareDialog", "(none heard yet: you can type the address)"), self)
        layout.addWidget(self.none_heard)
        form = QFormLayout()
        self.address = QLineEdit(self)
        self.address.setPlaceholderText("192.168.1.5:8765")
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("ABC 234")
        self.code.setMaxLength(40)
        self.name = QLineEdit(name, self)
        self.name.setMaxLength(MAX_NAME)
        form.addRow(translate("ShareDialog", "Address:"), self.address)
        form.addRow(translate("ShareDialog", "Room code:"), self.code)
        form.addRow(translate("ShareDialog", "Your name:"), self.name)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b03a2e")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.join_button = buttons.addButton(
            translate("ShareDialog", "Join"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.chosen: Address | None = None
        self.address.setFocus()

    def show_sessions(self, found: list[Found]) -> None:
        current = self.sessions.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.sessions.clear()
        for session in found:
            item = QListWidgetItem(f"{session.title or session.name} — {session.host}:{session.port}")
            item.setData(Qt.ItemDataRole.UserRole, f"{session.host}:{session.port}")
            self.sessions.addItem(item)
            if item.data(Qt.ItemDataRole.UserRole) == keep:
                self.sessions.setCurrentItem(item)
        self.none_heard.setVisible(not found)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _picked(self, item: QListWidgetItem | None, _before: QListWidgetItem | None) -> None:
        if item is not None:
            self.address.setText(str(item.data(Qt.ItemDataRole.UserRole)))
            self.code.setFocus()

    @Slot()
    def _try_accept(self) -> None:
        chosen = parse_address(self.address.text(), self.code.text(), self.default_port)
        if chosen is None:
            self.problem.setText(
                with_break_marks(translate("ShareDialog", "Type the address shown on the host's screen."))
            )
            return
        if len(chosen.code) < 4:
            self.problem.setText(
                with_break_marks(translate("ShareDialog", "Type the room code shown on the host's screen."))
            )
            return
        self.chosen = chosen
        self.accept()


class NameDialog(QDialog):
    """The name the others see for this laptop."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ShareDialog", "Share in the Room"))
        layout = QVBoxLayout(self)
        text = QLabel(
            with_break_marks(translate("ShareDialog", "Your name, as the others in the room will see it:")),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.name = QLineEdit(name, self)
        self.name.setMaxLength(MAX_NAME)
        layout.addWidget(self.name)
        buttons = QDialogButtonBox(self)
        buttons.addButton(translate("ShareDialog", "Start Sharing"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
