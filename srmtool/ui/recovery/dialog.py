"""The question after a crash: which autosaved maps to recover, discard, or keep for later.

``ask_recovery(parent, entries)`` shows the dialog and returns a ``Decision``; the caller acts on it
(``recovery.offer_recovery``), so a test replaces this one function and never blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from srmtool.ui.follow_language import follow_language
from srmtool.ui.recovery.store import RecoveryEntry

translate = QCoreApplication.translate  # the name lupdate finds, with the context spelt out

CONTEXT = "RecoveryDialog"


@dataclass
class Decision:
    """What the user chose: the entry to recover into the window (or None) and those to delete.
    Entries in neither stay in the recovery folder and are offered again at the next start."""

    recover: RecoveryEntry | None = None
    discard: list[RecoveryEntry] = field(default_factory=list)


def age_text(saved: datetime, now: datetime) -> str:
    """How long ago ``saved`` was, in words: "just now", "5 minutes ago", "2 hours ago" …"""
    minutes = max(0, int((now - saved).total_seconds() // 60))
    hours, days = minutes // 60, minutes // (60 * 24)
    # One source text for "1" and one for more: without an English .qm, "%n minute(s)" shows as is.
    if minutes < 1:
        return translate("RecoveryDialog", "just now")
    if minutes < 60:
        return (
            translate("RecoveryDialog", "1 minute ago")
            if minutes == 1
            else translate("RecoveryDialog", "%n minutes ago", "", minutes)
        )
    if hours < 48:
        return (
            translate("RecoveryDialog", "1 hour ago")
            if hours == 1
            else translate("RecoveryDialog", "%n hours ago", "", hours)
        )
    return translate("RecoveryDialog", "%n days ago", "", days)


def saved_text(saved: datetime, now: datetime) -> str:
    """Local date and time of ``saved`` and how long ago it was: "2025-03-01 14:05 (5 minutes ago)"."""
    local = saved.astimezone().strftime("%Y-%m-%d %H:%M")
    return translate("RecoveryDialog", "{time} ({age})").format(time=local, age=age_text(saved, now))


class RecoveryDialog(QDialog):
    """Lists ``entries`` (newest first) with what and when; Recover, Discard or Decide Later."""

    def __init__(self, entries: list[RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.decision = Decision()
        self._now = datetime.now(UTC)
        self._entries = list(entries)
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self._list = QTreeWidget(self)
        self._list.setRootIsDecorated(False)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setAllColumnsShowFocus(True)
        self._list.itemDoubleClicked.connect(self.recover_selected)
        self._list.itemSelectionChanged.connect(self._update_buttons)
        self._note = QLabel(self)
        self._note.setWordWrap(True)
        self._buttons = QDialogButtonBox(self)
        role = QDialogButtonBox.ButtonRole
        self._recover = QPushButton(self)
        self._discard = QPushButton(self)
        self._later = QPushButton(self)
        self._buttons.addButton(self._recover, role.AcceptRole)
        self._buttons.addButton(self._discard, role.DestructiveRole)
        self._buttons.addButton(self._later, role.RejectRole)
        self._recover.setDefault(True)
        self._recover.clicked.connect(self.recover_selected)
        self._discard.clicked.connect(self.discard_selected)
        self._later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self._intro, self._list, self._note, self._buttons):
            layout.addWidget(widget)
        self.resize(860, 360)
        self._fill()
        follow_language(self)

    def _fill(self) -> None:
        self._list.clear()
        self._items: list[QTreeWidgetItem] = []
        for entry in self._entries:
            item = QTreeWidgetItem(self._list)
            item.setData(0, Qt.ItemDataRole.UserRole, entry.run_id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._items.append(item)
        if self._items:
            self._list.setCurrentItem(self._items[0])

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Recover Unsaved Maps"))
        self._intro.setText(
            self.tr(
                "srmtool did not close properly (a crash, a forced stop or a power cut). "
                "These maps had changes that were saved automatically:"
            )
        )
        self._note.setText(
            self.tr(
                "Recover opens the selected map in this window as unsaved changes; save it to keep it. "
                "Maps you neither recover nor discard are offered again the next time srmtool starts."
            )
        )
        self._list.setHeaderLabels(
            [self.tr("Map"), self.tr("Objectives"), self.tr("Original file"), self.tr("Saved")]
        )
        for item, entry in zip(self._items, self._entries, strict=True):
            item.setText(0, entry.display_name or self.tr("Untitled map"))
            item.setText(1, str(entry.objectives))
            item.setText(2, str(entry.original) if entry.original else self.tr("never saved to a file"))
            item.setText(3, saved_text(entry.saved, self._now))
            item.setToolTip(2, item.text(2))
        header = self._list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._recover.setText(self.tr("&Recover"))
        self._discard.setText(self.tr("&Discard…"))
        self._later.setText(self.tr("Decide &Later"))
        self._update_buttons()

    def selected(self) -> RecoveryEntry | None:
        item = self._list.currentItem()
        if item is None or not item.isSelected():
            return None
        run_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((e for e in self._entries if e.run_id == run_id), None)

    @Slot()
    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self._recover.setEnabled(has)
        self._discard.setEnabled(has)

    @Slot()
    def recover_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.decision.recover = entry
            self.accept()

    def confirm_discard(self, entry: RecoveryEntry) -> bool:
        """Ask before deleting an autosaved map for good (a test replaces this)."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Discard Map"),
            self.tr("Delete the autosaved copy of “{name}”? Its unsaved changes are lost.").format(
                name=entry.display_name or self.tr("Untitled map")
            ),
            buttons.Discard | buttons.Cancel,
            buttons.Cancel,
        )
        return answer == buttons.Discard

    @Slot()
    def discard_selected(self) -> None:
        entry = self.selected()
        if entry is None or not self.confirm_discard(entry):
            return
        self.decision.discard.append(entry)
        self._entries.remove(entry)
        self._fill()
        self.retranslate()
        if not self._entries:
            self.accept()


def ask_recovery(parent: QWidget | None, entries: list[RecoveryEntry]) -> Decision:
    """Show the recovery dialog for ``entries`` and return what the user decided."""
    dialog = RecoveryDialog(entries, parent)
    dialog.exec()
    decision = dialog.decision
    dialog.deleteLater()
    return decision
