"""The desktop clipboard for objectives: srmtool's own type for pasting, plain text for other programs.

Copy puts ``srmtool.model.clipboard.copy_objectives`` text under ``OBJECTIVES_MIME`` and one
``code text`` line per objective as plain text. Paste reads only ``OBJECTIVES_MIME``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from srmtool.model.clipboard import CLIPBOARD_MIME, copy_objectives, paste_objectives
from srmtool.model.types import RouteMap
from srmtool.ui.document import Document

OBJECTIVES_MIME = CLIPBOARD_MIME  # one name for the type, kept by the model with the format it names


def plain_text(route_map: RouteMap, ids: Sequence[str]) -> str:
    """The objectives for other programs: one ``code text`` line each."""
    lines = []
    for objective_id in ids:
        objective = route_map.objective(objective_id)
        if objective is not None:
            lines.append(" ".join(part for part in (objective.code, objective.text.strip()) if part))
    return "\n".join(lines)


def copy_to_clipboard(route_map: RouteMap, ids: Sequence[str]) -> bool:
    """Put objectives ``ids`` (with the links and table rows among them) on the clipboard."""
    if not ids:
        return False
    mime = QMimeData()
    mime.setData(OBJECTIVES_MIME, copy_objectives(route_map, ids).encode("utf-8"))
    mime.setText(plain_text(route_map, ids))
    QGuiApplication.clipboard().setMimeData(mime)
    return True


def can_paste() -> bool:
    mime = QGuiApplication.clipboard().mimeData()
    return mime is not None and mime.hasFormat(OBJECTIVES_MIME)


def paste_from_clipboard(document: Document, at: tuple[float, float]) -> list[str]:
    """Add copies of the clipboard's objectives with their top-left group corner near ``at``, as one
    undo step; the new ids. Raises ``ClipboardError`` for clipboard data that cannot be read."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None or not mime.hasFormat(OBJECTIVES_MIME):
        return []
    data = bytes(mime.data(OBJECTIVES_MIME).data()).decode("utf-8", errors="replace")
    objectives, links, rows = paste_objectives(document.route_map, data, at)
    return document.paste(objectives, links, rows) if objectives else []
