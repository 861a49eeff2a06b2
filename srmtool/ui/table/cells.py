"""Table cells: wrapped Thai text (measured and drawn from caches) and the multi-line cell editor.

Qt breaks Thai between words only where libthai is installed, so cell text is broken at the word
boundaries that ``thai_layout_text`` marks (as on the canvas). The lines are made here, greedily from
cached word widths, and drawn one by one, so the height measured is the height drawn. Finding the
words of one long Thai cell still costs about 0.3 ms, so a 1,000-row table is not measured when it
opens: ``CellText.estimate`` guesses a height from the text's length, and the view measures exactly
the rows in sight first and the rest a few at a time while the program is idle.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QPlainTextEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget
from typing_extensions import override

from srmtool.ui.canvas.text import request_segmenter, segmenter_ready, thai_layout_text
from srmtool.ui.follow_language import follow_language
from srmtool.ui.text_limit import LimitedPlainTextEdit

PAD_X = 5
PAD_Y = 4
#: Thai marks drawn above or below a letter: they take no width of their own.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200b]")
_CACHE_LIMIT = 60_000
ZWSP = "\u200b"
#: Pieces a line may break after: a run up to a break mark (``\x00`` stands for U+200B) or a
#: space, with the spaces that follow it.
_TOKENS = re.compile("[^\x00 ]*[ ]*\x00?")
#: A letter with the marks above and below it: never cut apart.
_CLUSTERS = re.compile(".[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*", re.DOTALL)


class CellText:
    """Break marks, heights and drawn layouts of cell texts in one font, cached."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        metrics = QFontMetricsF(self.font)
        self.line_step = metrics.lineSpacing()
        self._char_width = max(1.0, metrics.averageCharWidth())
        self._marked: dict[str, str] = {}
        self._metrics = metrics
        self.ascent = metrics.ascent()
        self._lines: dict[tuple[str, int], list[str]] = {}
        self._advances: dict[str, float] = {}

    def marked(self, text: str) -> str:
        """``text`` with break marks; ``text`` itself until the segmenter is loaded (loading it here
        would keep the canvas from hearing ``notifier().ready``; the view relayouts then)."""
        if not segmenter_ready():
            request_segmenter()
            return text
        found = self._marked.get(text)
        if found is None:
            if len(self._marked) > _CACHE_LIMIT:
                self._marked.clear()
            found = self._marked[text] = thai_layout_text(text) if text else text
        return found

    def forget(self) -> None:
        """Drop every cached line break (the segmenter has just loaded)."""
        self._marked.clear()
        self._lines.clear()

    def lines_to_height(self, lines: int) -> int:
        return math.ceil(max(1, lines) * self.line_step) + 2 * PAD_Y

    def estimate(self, text: str, width: int) -> int:
        """A quick guess of ``height(text, width)`` from the text's length (no layout)."""
        known = self._lines.get((text, width))
        if known is not None:
            return self.lines_to_height(len(known))
        room = max(1.0, width - 2 * PAD_X)
        lines = 0
        for part in text.split("\n"):
            advance = len(_MARKS.sub("", part)) * self._char_width * 1.1
            lines += max(1, math.ceil(advance / room))
        return self.lines_to_height(lines)

    def height(self, text: str, width: int) -> int:
        """The pixel height ``text`` needs in a cell ``width`` pixels wide, padding included."""
        return self.lines_to_height(len(self.lines(text, width)))

    def lines(self, text: str, width: int) -> list[str]:
        """The lines ``text`` is drawn in, ``width`` pixels wide: broken between words (at the
        break marks and spaces), inside a word only when the word alone is wider than the cell."""
        key = (text, width)
        found = self._lines.get(key)
        if found is None:
            if len(self._lines) > _CACHE_LIMIT:
                self._lines.clear()
            room = max(1.0, width - 2.0 * PAD_X)
            found = []
            for paragraph in self.marked(text).split("\n"):
                found.extend(self._wrap(paragraph, room))
            if segmenter_ready():
                self._lines[key] = found
        return found

    def advance(self, piece: str) -> float:
        found = self._advances.get(piece)
        if found is None:
            if len(self._advances) > _CACHE_LIMIT:
                self._advances.clear()
            found = self._advances[piece] = self._metrics.horizontalAdvance(piece)
        return found

    def _wrap(self, paragraph: str, room: float) -> list[str]:
        lines: list[str] = []
        line = ""
        used = 0.0
        for token in _TOKENS.findall(paragraph.replace(ZWSP, "\x00")):
            token = token.replace("\x00", "")
            if not token:
                continue
            ink = self.advance(token.rstrip())
            if line and used + ink > room:
                lines.append(line.rstrip())
                line, used = "", 0.0
            if not line and ink > room:  # one word wider than the cell: cut between letters
                for cluster in _CLUSTERS.findall(token):
                    width = self.advance(cluster)
                    if line and used + width > room:
                        lines.append(line.rstrip())
                        line, used = "", 0.0
                    line += cluster
                    used += width
                continue
            line += token
            used += self.advance(token)
        lines.append(line.rstrip())
        return lines


class CellEditor(LimitedPlainTextEdit):
    """Multi-line cell editor of at most ``MAX_TEXT_CHARS``: Enter keeps the text, Shift+Enter or
    Alt+Enter starts a new line (Esc, handled by the delegate, drops the change)."""

    commit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QPlainTextEdit.Shape.Box)
        follow_language(self)

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Enter keeps the text · Shift+Enter starts a new line · Esc cancels"))
        self.setToolTip(self.placeholderText())

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier):
                self.insert_line_break()
            else:
                self.commit.emit()
            event.accept()
            return
        super().keyPressEvent(event)


_Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    """Draws wrapped cell text from ``CellText`` and a line above each objective's group of rows;
    edits with ``CellEditor``. ``move_after_commit`` fires once Enter has kept an editor's text
    (the view moves to the cell below)."""

    move_after_commit = Signal()

    def __init__(self, texts: CellText, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.group_starts: set[int] = set()  # Qt rows that start an objective's group (the view sets)

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        # The model's text: Qt's display text turns line breaks into U+2028, which would join lines.
        value = index.data(Qt.ItemDataRole.DisplayRole)
        text = "" if value is None else str(value)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        rect = opt.rect
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        painter.save()
        role = palette.ColorRole.HighlightedText if selected else palette.ColorRole.Text
        painter.setPen(palette.color(role))
        alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
        horizontal = (
            Qt.AlignmentFlag.AlignRight
            if alignment is not None and (Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight)
            else Qt.AlignmentFlag.AlignLeft
        )
        if text:
            painter.setClipRect(rect)
            painter.setFont(self.texts.font)
            y = rect.top() + PAD_Y + self.texts.ascent
            right = rect.right() - PAD_X
            for line in self.texts.lines(text, rect.width()):
                x = (
                    right - self.texts.advance(line)
                    if horizontal == Qt.AlignmentFlag.AlignRight
                    else rect.left() + PAD_X
                )
                painter.drawText(QPointF(x, y), line)
                y += self.texts.line_step
        if index.row() in self.group_starts and index.row() > 0:
            painter.setClipping(False)
            painter.setPen(QPen(QColor(90, 90, 90), 2))
            painter.drawLine(rect.topLeft(), rect.topRight())
        painter.restore()

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = CellEditor(parent)
        editor.setFont(self.texts.font)
        editor.commit.connect(lambda: self._commit(editor))
        return editor

    def _commit(self, editor: CellEditor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        self.move_after_commit.emit()

    @override
    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, CellEditor):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setPlainText(str(value) if value is not None else "")
            editor.selectAll()

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, CellEditor):
            text = editor.toPlainText()
            if text != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, text, Qt.ItemDataRole.EditRole)

    @override
    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _Index) -> None:
        """The cell's rectangle, at least four lines tall and 220 pixels wide, inside the view."""
        rect = option.rect
        rect.setHeight(max(rect.height(), self.texts.lines_to_height(4)))
        rect.setWidth(max(rect.width(), 220))
        parent = editor.parentWidget()
        if parent is not None and rect.bottom() > parent.height():
            rect.moveBottom(max(rect.height(), parent.height()) - 1)
        editor.setGeometry(rect)
