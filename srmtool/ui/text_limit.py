"""Inputs that take no more than the map may hold (``srmtool.model.limits``), so that nothing typed
or pasted makes a map that cannot be saved.

A ``QLineEdit`` gets ``setMaxLength`` (``limit_line``, ``LimitedLineDelegate`` in a view; Qt's
default, 32,767, would also cut a longer text that loaded). A multi-line editor is a
``LimitedPlainTextEdit``: typing stops at the limit and a paste, a drop or an input-method commit is
cut to what fits, with a tooltip that says so. The canvas's own text item uses ``room`` and
``fitting`` the same way. Qt counts UTF-16 units, never fewer than Python's characters, so the
model's limit always holds. Whatever reaches the document is clipped there once more
(``clip_text``), for paths no editor sees.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)
from typing_extensions import override

from srmtool.model.limits import MAX_TEXT_CHARS


def limit_line(edit: QLineEdit, limit: int) -> None:
    """At most ``limit`` characters in ``edit``."""
    edit.setMaxLength(limit)


class LimitedLineDelegate(QStyledItemDelegate):
    """The usual one-line cell editor of a view, taking at most ``limit`` characters."""

    def __init__(self, limit: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._limit = limit

    @override
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            limit_line(editor, self._limit)
        return editor


def room(document: QTextDocument, cursor: QTextCursor, limit: int) -> int:
    """How many characters can still go in at ``cursor`` (its selection would be replaced)."""
    length = document.characterCount() - 1  # a document always ends in one paragraph separator
    selected = cursor.selectionEnd() - cursor.selectionStart()
    return max(0, limit - (length - selected))


def adds_text(event: QKeyEvent) -> int:
    """How many characters the key press would type (a line break counts one; a shortcut, such as
    Ctrl+A, types none)."""
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier):
        return 0
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return 1
    text = event.text()
    return len(text) if text and (text.isprintable() or text == "\t") else 0


def fitting(text: str, space: int) -> str:
    """``text`` cut to ``space`` characters."""
    return text if len(text) <= space else text[:space]


def too_long_text(limit: int) -> str:
    """What an input says when text past its limit was left out."""
    return QCoreApplication.translate("TextLimit", "At most {limit} characters fit here").format(
        limit=f"{limit:,}"
    )


def say_full(widget: QWidget | None, limit: int, where: QPoint | None = None) -> None:
    """A tooltip at ``widget`` (or at the global point ``where``) saying how much fits."""
    if widget is None or not widget.isVisible():
        return
    point = where if where is not None else widget.mapToGlobal(QPoint(8, widget.height() // 2))
    QToolTip.showText(point, too_long_text(limit), widget)


class LimitedPlainTextEdit(QPlainTextEdit):
    """A plain multi-line text box that takes at most ``limit`` characters."""

    def __init__(self, parent: QWidget | None = None, limit: int = MAX_TEXT_CHARS) -> None:
        super().__init__(parent)
        self._limit = limit

    @property
    def limit(self) -> int:
        return self._limit

    def room(self) -> int:
        return room(self.document(), self.textCursor(), self._limit)

    def insert_line_break(self) -> None:
        """A line break at the cursor, when one fits."""
        if self.room() >= 1:
            self.insertPlainText("\n")
        else:
            say_full(self, self._limit)

    @override
    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste and drop: only the part that fits, as plain text."""
        text = source.text() if source.hasText() else ""
        space = self.room()
        if len(text) > space:
            say_full(self, self._limit)
            clipped = QMimeData()
            clipped.setText(fitting(text, space))
            source = clipped
        super().insertFromMimeData(source)

    @override
    def keyPressEvent(self, e: QKeyEvent) -> None:
        added = adds_text(e)
        if added and added > self.room():
            say_full(self, self._limit)
            e.accept()
            return
        super().keyPressEvent(e)

    @override
    def inputMethodEvent(self, e: QInputMethodEvent) -> None:
        commit = e.commitString()
        space = self.room()
        if len(commit) > space:
            say_full(self, self._limit)
            e.setCommitString(fitting(commit, space), e.replacementStart(), e.replacementLength())
        super().inputMethodEvent(e)
