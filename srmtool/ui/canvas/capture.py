"""Workshop capture: type objectives into a band as people call them out.

With a band selected (``MapScene.selected_band``), typing a character opens an editor for a new
box at the band's first free place, already holding that character. Enter adds the objective
(``Document.add_objective`` with its text: one undo step per objective) and opens the next empty
box in the same band. Esc stops capture, adding what was typed in the open box (one undo step)
so that typed text is never lost; Esc or Enter on an empty box stops without adding anything.
Tab / Shift+Tab move the band selection down / up (people → stakeholder → process →
foundation), carrying an open capture to the new band.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from typing_extensions import override

from srmtool.model.edits import place_box
from srmtool.model.layout import BOX_HEIGHT, BOX_WIDTH
from srmtool.model.types import PERSPECTIVE_IDS
from srmtool.ui.canvas.inline_edit import InlineEditor, open_editor

if TYPE_CHECKING:
    from srmtool.ui.canvas.scene import MapScene

_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def starts_text(event: QKeyEvent) -> bool:
    """A key that types something visible (Thai or not), not a shortcut."""
    text = event.text()
    return (
        not (event.modifiers() & _COMMAND_MODIFIERS)
        and bool(text)
        and text.isprintable()
        and not text.isspace()
    )


class CaptureController(QObject):
    """Keyboard capture of new objectives in the selected band of one scene.

    Tab never reaches ``QGraphicsScene.keyPressEvent`` (the scene's ``event`` turns it into focus
    navigation), so the controller watches the scene's key presses for Tab / Shift+Tab itself,
    while the scene's tool is one that forwards typing to it (its ``capture`` is this controller).
    """

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self._scene = scene
        self._editor: InlineEditor | None = None
        self._band: str | None = None  # the band of the open editor
        scene.installEventFilter(self)

    @property
    def editor(self) -> InlineEditor | None:
        """The open editor of a new box, if capture is running."""
        if self._editor is not None and self._editor.finished:
            self._editor = None
        return self._editor

    def key_press(self, event: QKeyEvent) -> bool:
        """Start a new box when a band is selected and the key types text."""
        band = self._scene.selected_band
        if band is None or not starts_text(event):
            return False
        self.start(band, event.text())
        return True

    def start(self, band: str, text: str = "", at: tuple[float, float] | None = None) -> InlineEditor:
        """Open an editor for a new objective in ``band``: at the free place nearest to the
        top-left ``at``, or at the band's first free place."""
        current = self.editor
        if current is not None:
            current.commit(advance=False)
        route_map = self._scene.document.route_map
        ask_x, ask_y = at if at is not None else (None, None)
        x, y = place_box(route_map, band, ask_x, ask_y, self._scene.layout())
        editor = InlineEditor(
            QRectF(x, y, BOX_WIDTH, BOX_HEIGHT), text, route_map.new_code(band), escape_commits=True
        )
        place = (x, y) if at is not None else None  # None: wherever the band's first free place is then

        def add(text: str, advance: bool) -> None:
            self._add(band, place, text, advance)

        editor.committed.connect(add)
        self._editor, self._band = editor, band
        editor.start(self._scene)
        return editor

    def move_band(self, step: int) -> bool:
        """Select the band ``step`` levels down (negative: up), stopping at the first and last.
        An open capture commits its text and continues, empty, in the new band; an open edit of
        an existing box only commits."""
        current = self.editor
        other = open_editor(self._scene)
        if current is None and other is not None:
            other.commit()  # editing an existing box: Tab finishes the edit
            return True
        band = self._band if current is not None else self._scene.selected_band
        if band is None:
            return False
        ids = [str(p) for p in PERSPECTIVE_IDS]
        new_band = ids[max(0, min(len(ids) - 1, ids.index(band) + step))]
        if current is not None:
            current.commit(advance=False)
        self._scene.selected_band = new_band
        if current is not None:
            self.start(new_band)
        return True

    def _add(self, band: str, place: tuple[float, float] | None, text: str, advance: bool) -> None:
        """One committed new box: one undo step, and the next empty box after Enter."""
        if not text:
            return
        x, y = place or (None, None)
        self._scene.document.add_objective(band, text, x, y)
        if advance:
            self.start(band)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if getattr(self._scene.tool, "capture", None) is not self:
            return False
        key = event.key()
        if key not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or event.modifiers() & _COMMAND_MODIFIERS:
            return False
        back = key == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if not self.move_band(-1 if back else 1):
            return False
        event.accept()
        return True
