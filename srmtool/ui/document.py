"""The open map: one ``RouteMap``, its undo stack, and the signals every view updates from.

Gesture → verb (``add_objective``, ``move_objectives`` …) → undo command → model operation →
signal → views. Nothing outside this module and ``commands`` changes the map. Every signal is
emitted after the map changed, on do, undo and redo alike, and carries ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack

from srmtool.model.checks import Finding, check_map
from srmtool.model.layout import MapLayout, compute_layout
from srmtool.model.operations import (
    AddLink,
    AddObjective,
    Batch,
    MoveObjective,
    MoveRow,
    Operation,
    OperationError,
    RemoveLink,
    RemoveObjective,
    SetObjectiveField,
)
from srmtool.model.srmfile.codec import load_map, save_map
from srmtool.model.templates import default_columns
from srmtool.model.types import PERSPECTIVE_IDS, Link, Objective, RouteMap, Row, Table, now_iso
from srmtool.ui import undo_command as commands
from srmtool.ui.undo_command import OperationCommand


class Document(QObject):
    """One map being edited. Read ``route_map``; change it only through the verbs or ``apply``."""

    objective_added = Signal(str)  # objective id
    objective_removed = Signal(str)
    objective_changed = Signal(str)  # any field: text, code, x/y, perspective, key_route, notes …
    link_added = Signal(str, str)  # source id, target id
    link_removed = Signal(str, str)
    row_added = Signal(str)  # row id
    row_removed = Signal(str)
    row_changed = Signal(str)
    rows_moved = Signal()
    columns_changed = Signal()
    stakeholders_changed = Signal()
    map_changed = Signal()  # destination, meta, level labels
    reset = Signal()  # the whole map was replaced; views rebuild from route_map
    findings_changed = Signal()  # once after a burst of changes (next event-loop turn)
    modified_changed = Signal(bool)
    path_changed = Signal()

    def __init__(
        self, route_map: RouteMap | None = None, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._map = route_map if route_map is not None else RouteMap(table=Table(columns=default_columns()))
        self._path = Path(path) if path is not None else None
        self._findings: list[Finding] | None = None
        self._layout: MapLayout | None = None
        self._undo = QUndoStack(self)
        self._undo.cleanChanged.connect(self._on_clean_changed)
        self._findings_timer = QTimer(self)
        self._findings_timer.setSingleShot(True)
        self._findings_timer.setInterval(0)
        self._findings_timer.timeout.connect(self.findings_changed)

    @classmethod
    def open(cls, path: Path | str, parent: QObject | None = None) -> Document:
        """The document of the `.srm` file at ``path``; raises ``MapFileError``."""
        return cls(load_map(path), Path(path), parent)

    # -- state ------------------------------------------------------------------------------------

    @property
    def route_map(self) -> RouteMap:
        return self._map

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo

    @property
    def is_modified(self) -> bool:
        return not self._undo.isClean()

    def findings(self) -> list[Finding]:
        """``check_map`` of the current map, computed once per change."""
        if self._findings is None:
            self._findings = check_map(self._map)
        return list(self._findings)

    def layout(self) -> MapLayout:
        """``compute_layout`` of the current map, computed once per change."""
        if self._layout is None:
            self._layout = compute_layout(self._map)
        return self._layout

    def objective_ids_in_band(self, perspective: str) -> list[str]:
        """Ids of the objectives of one level, in map order."""
        return [o.id for o in self._map.objectives_in(perspective)]

    # -- files ------------------------------------------------------------------------------------

    def save(self, path: Path | str | None = None) -> None:
        """Write the map (atomically, keeping ``.bak``) to ``path`` or the document's own path,
        stamping ``meta.modified`` (and ``meta.created`` when empty); the document becomes clean.
        On failure it raises (``MapFileError``, ``ValueError`` without any path) and stays as it was."""
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("the document has no file yet")
        meta = self._map.meta
        old = (meta.created, meta.modified)
        stamp = now_iso()
        meta.modified = stamp
        meta.created = meta.created or stamp
        try:
            save_map(self._map, target)
        except BaseException:
            meta.created, meta.modified = old
            raise
        self._changed()
        self.map_changed.emit()
        self._set_path(target)
        self._undo.setClean()

    def replace(self, route_map: RouteMap, path: Path | str | None = None) -> None:
        """Put another map in this document (New, Open): no undo history, clean, views rebuild."""
        self._undo.clear()
        self._map = route_map
        self._changed()
        self.reset.emit()
        self._set_path(Path(path) if path is not None else None)
        self._undo.setClean()

    def _set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit()

    # -- applying operations ----------------------------------------------------------------------

    def apply(self, operation: Operation, text: str) -> None:
        """One undo step running ``operation``; raises ``OperationError`` (nothing pushed) if refused."""
        self._push([operation], text)

    def perform(self, operation: Operation) -> Operation:
        """Apply one operation now and emit its signals; returns the inverse. For undo commands: any
        other caller would change the map behind the undo stack's back."""
        if isinstance(operation, Batch):
            inverses: list[Operation] = []
            try:
                for op in operation.operations:
                    inverses.append(self.perform(op))
            except OperationError:
                for inverse in reversed(inverses):  # all or nothing, as Batch.apply
                    self.perform(inverse)
                raise
            return Batch(tuple(reversed(inverses)))
        before = _Before.of(self._map, operation)
        inverse = operation.apply(self._map)
        self._changed()
        _announce(self, operation, before)
        return inverse

    def _push(self, operations: Sequence[Operation], text: str, merge_key: str | None = None) -> None:
        steps: list[tuple[Operation, Operation]] = []
        try:
            for op in operations:
                steps.append((op, self.perform(op)))
        except OperationError:
            for _, inverse in reversed(steps):
                self.perform(inverse)
            raise
        self._undo.push(OperationCommand(self, steps, text, merge_key))

    def _changed(self) -> None:
        self._findings = None
        self._layout = None
        self._findings_timer.start()

    @Slot(bool)
    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # -- verbs: each is one undo step -------------------------------------------------------------

    def add_objective(
        self, perspective: str, text: str = "", x: float | None = None, y: float | None = None
    ) -> str:
        """A new objective with the level's next free code, at (x, y) or the nearest free place
        (the first free place of the band when no place is given); it never overlaps a box."""
        if perspective not in PERSPECTIVE_IDS:
            raise ValueError(f"unknown perspective {perspective!r}")
        m = self._map
        px, py = commands.place_box(m, perspective, x, y, self.layout())
        oid = m.new_id("o")
        obj = Objective(id=oid, code=m.new_code(perspective), perspective=perspective, text=text, x=px, y=py)
        self._push(
            commands.keep_lower_bands(m, [AddObjective(obj)]),
            QCoreApplication.translate("Document", "Add objective"),
        )
        return oid

    def move_objectives(self, moves: dict[str, tuple[float, float]]) -> None:
        """New top-left corners; a box whose centre lands in another band takes that band's
        perspective (its code stays). Nothing is pushed when nothing moves."""
        operations = commands.move_operations(self._map, moves)
        if not operations:
            return
        n = len(operations)
        text = (
            QCoreApplication.translate("Document", "Move objective")
            if n == 1
            else QCoreApplication.translate("Document", "Move %n objectives", None, n)
        )
        self._push(commands.keep_lower_bands(self._map, operations), text)

    def set_positions(self, positions: dict[str, tuple[float, float]], text: str) -> None:
        """Place boxes at new top-left corners as one step, perspectives unchanged (tidy layout)."""
        operations: list[Operation] = []
        for oid, (x, y) in positions.items():
            obj = self._map.objective(oid)
            if obj is not None and (obj.x, obj.y) != (float(x), float(y)):
                operations.append(MoveObjective(oid, float(x), float(y)))
        if operations:
            self._push(operations, text)

    def set_objective_text(self, objective_id: str, text: str) -> None:
        """Consecutive text edits of one objective merge into one undo step."""
        obj = self._map.objective(objective_id)
        if obj is None or obj.text == text:
            return
        op = SetObjectiveField(objective_id, "text", text)
        self._push([op], QCoreApplication.translate("Document", "Edit text"), merge_key=objective_id)

    def set_objective_field(self, objective_id: str, name: str, value: object) -> None:
        """Set ``code``, ``text``, ``notes``, ``key_route``, ``stakeholders`` or an added field such
        as ``votes``; raises ``OperationError`` for a field or value that cannot be set."""
        if name == "text" and isinstance(value, str):
            self.set_objective_text(objective_id, value)
            return
        obj = self._map.objective(objective_id)
        if obj is not None and getattr(obj, name, None) == value:
            return
        self._push([SetObjectiveField(objective_id, name, value)], _field_text(name))

    def set_key_route(self, ids: Iterable[str], on: bool) -> None:
        operations = commands.key_route_operations(self._map, ids, on)
        if operations:
            self._push(
                operations,
                QCoreApplication.translate("Document", "Mark key route")
                if on
                else QCoreApplication.translate("Document", "Clear key route"),
            )

    def add_link(self, source: str, target: str) -> bool:
        """Draw a link from cause to effect; False (nothing pushed) for a self-link, a duplicate or
        an objective that does not exist."""
        if not self.can_link(source, target):
            return False
        self._push([AddLink(source, target)], QCoreApplication.translate("Document", "Add link"))
        return True

    def can_link(self, source: str, target: str) -> bool:
        """Whether ``add_link(source, target)`` would draw a link (for feedback while dragging)."""
        m = self._map
        if source == target or m.objective(source) is None or m.objective(target) is None:
            return False
        return not m.has_link(source, target)

    def remove_link(self, source: str, target: str) -> None:
        if self._map.has_link(source, target):
            self._push([RemoveLink(source, target)], QCoreApplication.translate("Document", "Remove link"))

    def delete(self, objective_ids: Iterable[str], links: Iterable[tuple[str, str]] = ()) -> None:
        """Delete objectives (with their links and table rows) and links as one step; undo puts
        every one back at its old place."""
        operations = commands.delete_operations(self._map, objective_ids, links)
        if operations:
            self._push(operations, commands.delete_text(self._map, operations, links))

    def paste(self, objectives: list[Objective], links: list[Link], rows: Sequence[Row] = ()) -> list[str]:
        """Add copies of objectives, links and the copies' table rows as one step; returns the ids
        of the copies (a copy keeps its id and code unless the map uses them already)."""
        operations, ids = commands.paste_operations(self._map, objectives, links, rows)
        if operations:
            self._push(
                commands.keep_lower_bands(self._map, operations),
                QCoreApplication.translate("Document", "Paste"),
            )
        return ids


def _field_text(name: str) -> str:
    if name == "code":
        return QCoreApplication.translate("Document", "Edit code")
    if name == "notes":
        return QCoreApplication.translate("Document", "Edit notes")
    if name == "key_route":
        return QCoreApplication.translate("Document", "Change key route")
    if name == "stakeholders":
        return QCoreApplication.translate("Document", "Change stakeholders")
    return QCoreApplication.translate("Document", "Edit objective")


@dataclass(frozen=True)
class _Before:
    """What the signals of an operation need to know about the map before it applies."""

    existed: bool = False  # the operation's first id (objective or row) was in the map
    links: tuple[tuple[str, str], ...] = ()  # links a RemoveObjective takes with it
    rows: tuple[str, ...] = ()  # table rows a RemoveObjective takes with it
    named: frozenset[str] = frozenset()  # objectives that listed the stakeholder

    @classmethod
    def of(cls, m: RouteMap, op: Operation) -> _Before:
        key = op.ids()[0] if op.ids() else ""
        if op.topic == "objective":
            if isinstance(op, RemoveObjective) and m.objective(key) is not None:
                links = tuple((lk.source, lk.target) for lk in m.links_of(key))
                return cls(True, links, tuple(r.id for r in m.rows_of(key)))
            return cls(m.objective(key) is not None)
        if op.topic == "row":
            return cls(m.row(key) is not None)
        if op.topic == "stakeholder":
            return cls(named=frozenset(o.id for o in m.objectives if key in o.stakeholders))
        return cls()


def _announce(doc: Document, op: Operation, before: _Before) -> None:
    """Emit the signals of ``op``, which has just applied: removals of links and rows before the
    removal of their objective, additions of an objective before its links and rows."""
    key = op.ids()[0] if op.ids() else ""
    m = doc.route_map
    if op.topic == "objective":
        exists = m.objective(key) is not None
        if before.existed and not exists:
            for source, target in before.links:
                doc.link_removed.emit(source, target)
            for row_id in before.rows:
                doc.row_removed.emit(row_id)
            doc.objective_removed.emit(key)
        elif exists and not before.existed:
            doc.objective_added.emit(key)
            if isinstance(op, AddObjective):  # a removal undone puts its links and rows back
                for _, link in sorted(op.links, key=lambda p: p[0]):
                    doc.link_added.emit(link.source, link.target)
                for _, row in sorted(op.rows, key=lambda p: p[0]):
                    doc.row_added.emit(row.id)
        else:
            doc.objective_changed.emit(key)
    elif op.topic == "link":
        source, target = op.ids()
        (doc.link_added if m.has_link(source, target) else doc.link_removed).emit(source, target)
    elif op.topic == "row":
        if isinstance(op, MoveRow):
            doc.rows_moved.emit()
        elif (m.row(key) is not None) == before.existed:
            doc.row_changed.emit(key)
        else:
            (doc.row_removed if before.existed else doc.row_added).emit(key)
    elif op.topic == "column":
        doc.columns_changed.emit()
    elif op.topic == "stakeholder":
        doc.stakeholders_changed.emit()
        now = {o.id for o in m.objectives if key in o.stakeholders}
        for oid in sorted(before.named ^ now, key=lambda i: (i not in now, i)):
            doc.objective_changed.emit(oid)
    else:
        doc.map_changed.emit()
