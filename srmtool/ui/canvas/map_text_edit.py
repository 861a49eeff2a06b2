"""Editing the map's own texts in place: the destination in the banner, a level's label in its
band's label column.

The same ``InlineEditor`` as a box's (multi-line, Thai wrapped as it is typed; Enter keeps,
Shift+Enter starts a new line, Esc drops, a click elsewhere keeps), over the place the text is
drawn, in the font it is drawn in. A kept text that differs is one undo step
(``srmtool.model.edits.map_fields``), nothing when it does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF

from srmtool.model.edits.map_fields import DESTINATION, field_value, text_field_operations
from srmtool.ui.canvas.inline_edit import InlineEditor
from srmtool.ui.canvas.items import PAD, banner_font, label_font

if TYPE_CHECKING:
    from srmtool.ui.canvas.scene import MapScene

#: Room below the banner's text for a destination longer than the banner shows.
MIN_EDITOR_HEIGHT = 60.0


def _store(scene: MapScene, name: str, text: str) -> None:
    operations = text_field_operations(scene.document.route_map, {name: text})
    if not operations:
        return
    if name == DESTINATION:
        undo_text = QCoreApplication.translate("MapTextEdit", "Edit destination")
    else:
        undo_text = QCoreApplication.translate("MapTextEdit", "Rename level")
    scene.document.edit(operations, undo_text)


def _open(
    scene: MapScene, name: str, rect: QRectF, inset: tuple[float, float], *, label: bool
) -> InlineEditor:
    editor = InlineEditor(
        rect,
        field_value(scene.document.route_map, name),
        font=label_font() if label else banner_font(),
        inset=inset,
    )
    editor.committed.connect(lambda text, _advance: _store(scene, name, text))
    editor.start(scene)
    return editor


def edit_destination(scene: MapScene) -> InlineEditor:
    """Open the editor of the destination over the banner's text."""
    scene.layout()
    area = scene.areas.banner.text_rect()
    rect = QRectF(area.x() - PAD, area.y(), area.width() + 2 * PAD, max(area.height(), MIN_EDITOR_HEIGHT))
    return _open(scene, DESTINATION, rect, (PAD, 0.0), label=False)


def edit_label(scene: MapScene, perspective_id: str) -> InlineEditor:
    """Open the editor of a level's label over its label column."""
    scene.layout()
    area = scene.areas.bands[perspective_id].label_rect()
    rect = QRectF(area.x(), area.y(), area.width(), min(area.height(), 140.0))
    return _open(scene, f"label.{perspective_id}", rect, (PAD, PAD), label=True)
