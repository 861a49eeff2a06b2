"""Editing a box's text in place, on the canvas.

An ``InlineEditor`` is a text item laid over a box, in the box's font (``box_fonts().body``),
that takes Thai input like any Qt text field. Enter commits, Shift+Enter starts a new line, Esc
cancels (or, for a new box, commits what was typed: typed text is never thrown away), and losing
focus to a click elsewhere commits. It never changes the map itself: it
reports the outcome through its signals once, and whoever opened it calls the document
(``edit_objective`` for an existing box, the workshop capture for a new one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QTextCursor,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyle, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from srmtool.model.limits import MAX_TEXT_CHARS, clip_text
from srmtool.ui.canvas.items import PAD, TEXT_TOP
from srmtool.ui.canvas.text import box_fonts
from srmtool.ui.text_limit import adds_text, fitting, room, say_full

if TYPE_CHECKING:
    from srmtool.ui.canvas.scene import MapScene

ZERO_WIDTH_SPACE = "\u200b"
EDITOR_Z = 1000.0  # above boxes, arrows and handles
CODE_BASELINE = 16.0  # as the box draws its code
BACKGROUND = QColor("#fffdf2")
BORDER = QColor("#2f6fd6")
CODE_COLOR = QColor("#111111")

_EDITOR_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
#: Focus leaving for these reasons comes back by itself (another window, a context menu), so the
#: edit stays open instead of committing.
_TEMPORARY_FOCUS_LOSS = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


def _is_ctrl_y(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier


def clean_text(text: str) -> str:
    """What an edit stores: no line-break marks, no surrounding blank space, at most
    ``MAX_TEXT_CHARS`` characters."""
    return clip_text(text.replace(ZERO_WIDTH_SPACE, "").strip(), MAX_TEXT_CHARS)


class InlineEditor(QGraphicsTextItem):
    """Plain-text editor over a box. Emits exactly one of ``committed`` or ``cancelled``, then
    removes itself from the scene.

    ``committed(text, advance)``: the cleaned text, and True when the user pressed Enter (go on
    to the next thing) rather than clicking away or pressing Esc.

    ``escape_commits``: Esc commits non-empty text (a new box, whose text exists nowhere else)
    instead of cancelling (an existing box, whose old text Esc restores).

    ``font`` and ``inset`` (the text's left and top within ``rect``) default to a box's; the banner
    and the level labels pass their own.
    """

    committed = Signal(str, bool)
    cancelled = Signal()

    def __init__(
        self,
        rect: QRectF,
        text: str,
        code: str = "",
        *,
        escape_commits: bool = False,
        font: QFont | None = None,
        inset: tuple[float, float] = (PAD, TEXT_TOP),
    ) -> None:
        super().__init__()
        self._escape_commits = escape_commits
        self._map_scene: MapScene | None = None
        left, top = inset
        # The text sits where the box draws its own; the code stays visible above it.
        self._box = QRectF(-left, -top, rect.width(), rect.height())
        self._code = code
        self._done = False
        self.document().setDocumentMargin(0.0)
        self.setFont(font if font is not None else box_fonts().body)
        self.setPlainText(text.replace(ZERO_WIDTH_SPACE, ""))
        self.setTextWidth(rect.width() - 2 * left)
        self.setPos(rect.x() + left, rect.y() + top)
        self.setZValue(EDITOR_Z)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)

    @property
    def finished(self) -> bool:
        return self._done

    def text(self) -> str:
        return clean_text(self.toPlainText())

    def start(self, scene: MapScene) -> None:
        """Show the editor in ``scene`` with the keyboard focus and scroll it into view."""
        self._map_scene = scene
        scene.addItem(self)
        scene.set_editor_rect(self.sceneBoundingRect())  # the view can scroll to it
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        for view in scene.views():
            view.ensureVisible(self.sceneBoundingRect(), 20, 20)

    def commit(self, advance: bool = False) -> None:
        self._finish(commit=True, advance=advance)

    def cancel(self) -> None:
        self._finish(commit=False, advance=False)

    def _finish(self, commit: bool, advance: bool) -> None:
        if self._done:
            return
        self._done = True
        text = self.text()
        scene = self.scene()
        if scene is not None:
            # Removing the focused item sends it a focus-out; ``_done`` makes that a no-op.
            scene.removeItem(self)
        if self._map_scene is not None:
            self._map_scene.set_editor_rect(None)
        if commit:
            self.committed.emit(text, advance)
        else:
            self.cancelled.emit()
        self.deleteLater()

    # -- Qt overrides -------------------------------------------------------------------------
    @override
    def boundingRect(self) -> QRectF:
        return super().boundingRect().united(self._box)

    @override
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        area = self.boundingRect()
        painter.fillRect(area, BACKGROUND)
        painter.setPen(QPen(BORDER, 2.0))
        painter.drawRect(area.adjusted(1.0, 1.0, -1.0, -1.0))
        if self._code:
            painter.setPen(CODE_COLOR)
            painter.setFont(box_fonts().code)
            painter.drawText(QPointF(0.0, CODE_BASELINE - TEXT_TOP), self._code)
        plain = QStyleOptionGraphicsItem(option)  # no dashed focus frame over our own border
        plain.state &= ~(QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected)
        super().paint(painter, plain, widget)  # type: ignore[arg-type]  # the stub omits None

    def _room(self) -> int:
        return room(self.document(), self.textCursor(), MAX_TEXT_CHARS)

    def _say_full(self) -> None:
        scene = self.scene()
        for view in scene.views() if scene is not None else []:
            where = view.mapToGlobal(view.mapFromScene(self.sceneBoundingRect().bottomLeft()))
            say_full(view, MAX_TEXT_CHARS, where)

    def _paste(self) -> None:
        """Ctrl+V: the clipboard's plain text, as much of it as fits."""
        text = QGuiApplication.clipboard().text()
        space = self._room()
        if len(text) > space:
            self._say_full()
        if text and space:
            self.prepareGeometryChange()
            self.textCursor().insertText(fitting(text, space))

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        new_line = enter and bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        typed = 1 if new_line else 0 if enter else adds_text(event)
        if typed > self._room():  # full: typing stops here
            self._say_full()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self._paste()
            event.accept()
            return
        if enter:
            if new_line:
                self.textCursor().insertText("\n")
            else:
                self.commit(advance=True)
            event.accept()
            return
        if _is_ctrl_y(event):  # the window's second Redo key: redo typing here, not a map edit
            self.document().redo()
            self.prepareGeometryChange()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            if self._escape_commits and self.text():
                self.commit(advance=False)
            else:
                self.cancel()
            event.accept()
            return
        self.prepareGeometryChange()  # the text may grow below the box
        super().keyPressEvent(event)

    @override
    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        commit = event.commitString()
        space = self._room()
        if len(commit) > space:
            self._say_full()
            event.setCommitString(fitting(commit, space), event.replacementStart(), event.replacementLength())
        super().inputMethodEvent(event)

    @override
    def sceneEvent(self, event: QEvent) -> bool:
        # Claim Enter, Esc and Paste before any window shortcut bound to them (full screen, paste).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.key() in _EDITOR_KEYS
                or _is_ctrl_y(event)
                or event.matches(QKeySequence.StandardKey.Paste)  # text into the box, not boxes
            )
        ):
            event.accept()
            return True
        return super().sceneEvent(event)

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() not in _TEMPORARY_FOCUS_LOSS:
            self.commit(advance=False)


def edit_objective(scene: MapScene, objective_id: str) -> InlineEditor | None:
    """Open an editor over an existing box. Enter or a click elsewhere stores the text as one
    undo step (``Document.set_objective_text``, which joins it to a directly preceding text edit
    of the same box), nothing when it did not change; Esc drops it."""
    document = scene.document
    objective = document.route_map.objective(objective_id)
    rect = scene.layout().boxes.get(objective_id)
    if objective is None or rect is None:
        return None
    editor = InlineEditor(QRectF(rect.x, rect.y, rect.w, rect.h), objective.text, objective.code)
    old = clean_text(objective.text)

    def store(text: str, _advance: bool) -> None:
        current = document.route_map.objective(objective_id)
        if current is not None and text != old:
            document.set_objective_text(objective_id, text)

    editor.committed.connect(store)
    editor.start(scene)
    return editor


def open_editor(scene: MapScene) -> InlineEditor | None:
    """The editor that has the keyboard focus in ``scene``, if any."""
    item = scene.focusItem()
    return item if isinstance(item, InlineEditor) and not item.finished else None
