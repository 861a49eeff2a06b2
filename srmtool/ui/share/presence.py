"""Who else is in the session, and what each of them has selected, shown lightly on the map.

Each person's presence (pycrdt awareness, relayed by the room) is a small dict a peer sends:
``{"name": str, "color": "#rrggbb", "objectives": [ids], "rows": [ids]}``. It is untrusted:
only strings of bounded length are used, colours must be ``#rrggbb``, at most a few hundred ids.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any, Final

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from srmtool.ui.canvas.scene import MapScene

#: Colours of people in the room, light enough not to hide the map's own selection.
PALETTE: Final = ("#e67e22", "#16a085", "#8e44ad", "#c0392b", "#2980b9", "#d35400", "#27ae60", "#7f8c8d")
MAX_NAME: Final = 40
MAX_IDS: Final = 500
_COLOUR: Final = re.compile(r"#[0-9a-fA-F]{6}")


def colour_for(name: str) -> str:
    return PALETTE[zlib.crc32(name.encode()) % len(PALETTE)]


@dataclass(frozen=True)
class Person:
    client: int
    name: str
    colour: str
    objectives: tuple[str, ...]
    rows: tuple[str, ...]


def _ids(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(v for v in value[:MAX_IDS] if isinstance(v, str) and len(v) <= 256)


def people(states: dict[int, Any]) -> list[Person]:
    """The others in the room from their presence states, by name; what is not valid is dropped."""
    found: list[Person] = []
    for client, state in states.items():
        if not isinstance(state, dict) or not isinstance(state.get("name"), str):
            continue
        name = " ".join(state["name"].split())[:MAX_NAME] or "?"
        colour = state.get("color")
        colour = colour if isinstance(colour, str) and _COLOUR.fullmatch(colour) else colour_for(name)
        found.append(
            Person(int(client), name, colour, _ids(state.get("objectives")), _ids(state.get("rows")))
        )
    return sorted(found, key=lambda p: (p.name, p.client))


class OthersOnMap(QObject):
    """Draws a coloured outline and a name tag around each box another person has selected. The
    marks are children of the boxes (they move with them) and take no clicks."""

    MARK_Z: Final = -1.0  # under the box's own painting

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self._scene = scene
        self._people: list[Person] = []
        self._marks: list[QGraphicsItem] = []
        document = scene.document
        document.reset.connect(self._redraw)
        document.objective_added.connect(self._redraw)
        document.objective_removed.connect(self._redraw)

    def show_people(self, people_now: list[Person]) -> None:
        self._people = people_now
        self._redraw()

    @property
    def marked(self) -> dict[str, list[str]]:
        """Objective id → the names of the people who have it selected (for tests)."""
        out: dict[str, list[str]] = {}
        for person in self._people:
            for oid in person.objectives:
                if self._scene.box(oid) is not None:
                    out.setdefault(oid, []).append(person.name)
        return out

    @Slot()
    def _redraw(self, *_args: object) -> None:
        for mark in self._marks:
            # A box the scene rebuilt took its marks with it.
            if shiboken6.isValid(mark) and mark.scene() is not None:
                self._scene.removeItem(mark)
        self._marks.clear()
        stacked: dict[str, int] = {}
        for person in self._people:
            for oid in person.objectives:
                box = self._scene.box(oid)
                if box is None:
                    continue
                n = stacked.get(oid, 0)
                stacked[oid] = n + 1
                self._mark(box, person, n)

    def _mark(self, box: QGraphicsItem, person: Person, n: int) -> None:
        colour = QColor(person.colour)
        rect = box.boundingRect().adjusted(-4 - 4 * n, -4 - 4 * n, 4 + 4 * n, 4 + 4 * n)
        outline = QGraphicsRectItem(rect)
        outline.setParentItem(box)
        pen = QPen(colour, 2.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        outline.setPen(pen)
        outline.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        outline.setZValue(self.MARK_Z)
        outline.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        tag = QGraphicsSimpleTextItem(person.name)
        tag.setParentItem(box)
        font = QFont()
        font.setPointSize(9)
        font.setBold(True)
        tag.setFont(font)
        tag.setBrush(colour)
        # Readable at any zoom: the name keeps its size on screen, just above the box's corner.
        tag.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        tag.setPos(QRectF(rect).left(), rect.top())
        tag.setTransform(QTransform.fromTranslate(0, -tag.boundingRect().height() * (1 + n)))
        tag.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._marks += [outline, tag]
