"""What is selected in one window: objectives and links on the map, rows in the table.

One ``Selection`` per window (``MainWindow.selection``; a scene on its own makes its own). The
canvas and the table write to it, each saying only what it owns:

- the map writes objectives and links (``select``); the rows become every row of those objectives;
- the table writes rows (``select_rows``); the objectives become the rows' objectives, no links.

A write that leaves the writer's part as it was changes nothing and says nothing, so a view that
follows ``changed`` and then reports its own state back ends the round there. Everything else (the
panels, presentation mode, the window's actions) only listens.

``changed`` carries the new ``Selected`` and is never emitted inside another ``changed``: a write made
by a listener is announced once every listener has heard the one before, so the last ids each
listener hears are the current ones. ``close`` (the window closing) ends it all at once: no signal
afterwards, later writes are ignored, so nothing reaches views that are being destroyed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from srmtool.ui.document import Document

Link = tuple[str, str]


@dataclass(frozen=True)
class Selected:
    """Selected ids: objectives and links in the map's order, rows in the table's order; only ids the
    map has."""

    objectives: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    rows: tuple[str, ...] = ()

    @property
    def objective(self) -> str | None:
        """The one selected objective, None when none or several are."""
        return self.objectives[0] if len(self.objectives) == 1 else None

    def __bool__(self) -> bool:
        return bool(self.objectives or self.links or self.rows)


NOTHING = Selected()


class Selection(QObject):
    """The selection of one window over ``document``'s map (see the module's description)."""

    #: Selected: the new ids, only when they differ from the ones before.
    changed = Signal(object)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._ids = NOTHING
        self._closed = False
        self._announcing = False
        self._again = False
        document.reset.connect(self._on_reset)

    # -- reading ------------------------------------------------------------------------------------

    @property
    def ids(self) -> Selected:
        return self._ids

    @property
    def objectives(self) -> tuple[str, ...]:
        return self._ids.objectives

    @property
    def links(self) -> tuple[Link, ...]:
        return self._ids.links

    @property
    def rows(self) -> tuple[str, ...]:
        return self._ids.rows

    @property
    def closed(self) -> bool:
        return self._closed

    # -- writing ------------------------------------------------------------------------------------

    def select(self, objectives: Iterable[str] = (), links: Iterable[Link] = ()) -> bool:
        """The map's selection: exactly these objectives and links (ids the map lacks are left out),
        with every table row of those objectives. True when the selection changed."""
        route_map = self._document.route_map
        wanted = set(objectives)
        found = tuple(o.id for o in route_map.objectives if o.id in wanted)
        chosen = set(links)
        arrows = tuple(k for lk in route_map.links if (k := (lk.source, lk.target)) in chosen)
        if (found, arrows) == (self._ids.objectives, self._ids.links):
            return False
        owners = set(found)
        rows = tuple(r.id for r in route_map.table.rows if r.objective in owners)
        return self._set(Selected(found, arrows, rows))

    def select_rows(self, rows: Iterable[str]) -> bool:
        """The table's selection: exactly these rows (ids the map lacks are left out), with their
        objectives and no links. True when the selection changed."""
        route_map = self._document.route_map
        wanted = set(rows)
        found = tuple(r for r in route_map.table.rows if r.id in wanted)
        ids = tuple(r.id for r in found)
        if ids == self._ids.rows:
            return False
        owners = {r.objective for r in found}
        objectives = tuple(o.id for o in route_map.objectives if o.id in owners)
        return self._set(Selected(objectives, (), ids))

    def clear(self) -> bool:
        return self._set(NOTHING)

    def close(self) -> None:
        """Stop for good (the window is closing): no more ``changed``, later writes ignored."""
        if self._closed:
            return
        self._closed = True
        self._ids = NOTHING
        self.blockSignals(True)
        self._document.reset.disconnect(self._on_reset)

    # -- inside ---------------------------------------------------------------------------------------

    def _set(self, ids: Selected) -> bool:
        if self._closed or ids == self._ids:
            return False
        self._ids = ids
        if self._announcing:  # a listener wrote: announce it after this round
            self._again = True
            return True
        self._announcing = True
        try:
            again = True
            while again:
                self._again = False
                self.changed.emit(self._ids)
                again = self._again
        finally:
            self._announcing = False
        return True

    @Slot()
    def _on_reset(self) -> None:
        self.clear()
