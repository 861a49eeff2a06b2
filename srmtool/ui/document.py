"""The open map: one ``RouteMap``, its undo stack, and the signals every view updates from.

Gesture → plan (``srmtool.model.edits``: which operations it means) → ``Document.edit`` (one undo
step) → operations → typed change records → signals → views. ``edit`` is the one way the map
changes; the verbs below (``add_objective``, ``move_objectives`` …) are a plan and an undo text
handed to it. Each record becomes exactly one signal, emitted right after its operation applied
(on do, undo and redo alike), so a view reading the map in a slot sees it as the signal says.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack

from srmtool.model import changes as records
from srmtool.model import edits
from srmtool.model.changes import Change, moves_boxes
from srmtool.model.checks import Finding, check_map
from srmtool.model.layout import MapLayout, compute_layout
from srmtool.model.limits import MAX_TEXT_CHARS, clip_text
from srmtool.model.operations import (
    AddLink,
    AddObjective,
    Applied,
    Batch,
    Operation,
    OperationError,
    RemoveLink,
    SetObjectiveText,
    apply_all,
)
from srmtool.model.srmfile.codec import load_map, save_map
from srmtool.model.templates import default_columns
from srmtool.model.types import PERSPECTIVE_IDS, Link, Objective, RouteMap, Row, Table, now_iso
from srmtool.ui.undo_command import MirrorHook, OperationCommand, SharedCommand
from srmtool.ui.undo_texts import delete_text

# The signals that say the map changed, in the order of ``srmtool.model.changes`` (and ``reset``).
CHANGE_SIGNALS: Final = (
    "objective_added",
    "objective_removed",
    "objective_changed",
    "link_added",
    "link_removed",
    "row_added",
    "row_removed",
    "row_changed",
    "row_moved",
    "columns_changed",
    "stakeholder_added",
    "stakeholder_removed",
    "stakeholder_changed",
    "map_changed",
    "reset",
)


class Document(QObject):
    """One map being edited. Read ``route_map``; change it only through ``edit`` (or a verb)."""

    # One signal per change record (srmtool.model.changes); tuples are of str.
    objective_added = Signal(str)  # objective id
    objective_removed = Signal(str)
    objective_changed = Signal(str, tuple)  # objective id, the fields that changed ("text", "x" …)
    link_added = Signal(str, str)  # source id, target id
    link_removed = Signal(str, str)
    row_added = Signal(str)  # row id
    row_removed = Signal(str)
    row_changed = Signal(str, tuple)  # row id, keys of the cells that changed ("objective": its objective)
    row_moved = Signal(str, int)  # row id, its new position in the table
    columns_changed = Signal()  # the column set: keys, order, labels, widths
    stakeholder_added = Signal(str)  # stakeholder id
    stakeholder_removed = Signal(str)
    stakeholder_changed = Signal(str, tuple)  # stakeholder id, the fields that changed ("name" …)
    map_changed = Signal(str)  # the map field: "destination", "meta.title", "label.people" …
    reset = Signal()  # the whole map was replaced; views rebuild from route_map
    edited = Signal()  # once after the change signals of one edit, undo or redo (views may batch)
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
        self._findings_timer.timeout.connect(self._announce_findings)
        self._findings_held = False
        self._mirror: MirrorHook | None = None  # the map is shared with other laptops (ui.share)
        self._changed_elsewhere = False  # changes that came from the mirror since the last save

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
        return not self._undo.isClean() or self._changed_elsewhere

    def findings(self) -> list[Finding]:
        """``check_map`` of the current map, computed once per change."""
        if self._findings is None:
            self._findings = check_map(self._map)
        return list(self._findings)

    def known_findings(self) -> list[Finding] | None:
        """What views show: ``findings()``, or None while the findings are held and not yet known
        (the window's first frames are painted before the checks run; ``findings_changed`` follows
        once they may)."""
        if self._findings_held and self._findings is None:
            return None
        return self.findings()

    def hold_findings(self) -> None:
        """Keep ``findings_changed`` back, and ``known_findings`` None, until ``release_findings``."""
        self._findings_held = True

    def release_findings(self) -> None:
        """End ``hold_findings``: ``findings_changed`` is emitted on the next event-loop turn."""
        if self._findings_held:
            self._findings_held = False
            self._findings_timer.start()

    @Slot()
    def _announce_findings(self) -> None:
        if not self._findings_held:
            self.findings_changed.emit()

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
        stamped = [
            f"meta.{k}"
            for k, was in zip(("created", "modified"), old, strict=True)
            if getattr(meta, k) != was
        ]
        stamps = tuple(records.MapFieldChanged(name) for name in stamped)
        self._changed(stamps)
        for name in stamped:
            self.map_changed.emit(name)
        if self._mirror is not None:
            self._mirror.publish(stamps, undoable=False)
        self._set_path(target)
        self._undo.setClean()
        self._set_changed_elsewhere(False)

    def replace(self, route_map: RouteMap, path: Path | str | None = None) -> None:
        """Put another map in this document (New, Open): no undo history, clean, views rebuild."""
        self._undo.clear()
        self._map = route_map
        self._changed(None)
        self.reset.emit()
        self._set_path(Path(path) if path is not None else None)
        self._undo.setClean()
        self._set_changed_elsewhere(False)

    # -- a shared map (srmtool.ui.share) ---------------------------------------------------------

    @property
    def mirror(self) -> MirrorHook | None:
        return self._mirror

    def set_mirror(self, mirror: MirrorHook | None) -> None:
        """Share the map through ``mirror`` from now on (None: no longer). Each edit's change
        records are then published to it as one step, and Undo and Redo are the mirror's (each
        person's own); the undo history so far is dropped (its steps were not published), the
        map's unsaved state is kept."""
        modified = self.is_modified
        self._undo.clear()
        self._mirror = mirror
        self._set_changed_elsewhere(modified)

    def apply_remote(self, operations: Sequence[Operation]) -> None:
        """Apply the changes of other laptops (the mirror's operations, in order): every record
        emits its signal as for an edit; nothing goes on the undo stack; the map counts as
        changed until saved. An operation the map refuses is left out."""
        changed = False
        try:
            for op in operations:
                try:
                    changed = bool(apply_all(self._map, (op,), self._announce).changes) or changed
                except OperationError:
                    continue
        finally:
            if operations:
                self.edited.emit()
        if changed:
            self._set_changed_elsewhere(True)

    def _set_changed_elsewhere(self, on: bool) -> None:
        before = self.is_modified
        self._changed_elsewhere = on
        if self.is_modified != before:
            self.modified_changed.emit(self.is_modified)

    def _set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit()

    # -- the one way the map changes -------------------------------------------------------------

    def edit(
        self, operations: Operation | Sequence[Operation], text: str, merge_key: str | None = None
    ) -> None:
        """Apply ``operations`` (in order) as ONE undo step named ``text``, emitting the signal of each
        change as it happens. All or nothing: a refused operation raises ``OperationError`` with the
        map as it was and nothing pushed (views saw the changes before it, and their undoing). A
        step that changes nothing is not pushed. Consecutive steps of one operation each with the
        same ``merge_key`` merge into one (typing into one objective's text)."""
        ops = tuple(operations) if isinstance(operations, list | tuple) else (operations,)
        if not ops:
            return
        forward = ops[0] if len(ops) == 1 else Batch(ops)
        try:
            applied = apply_all(self._map, (forward,), self._announce)
        finally:
            self.edited.emit()
        if not applied.changes:
            return
        if self._mirror is not None:
            steps = self._mirror.publish(applied.changes, undoable=True)
            self._undo.push(SharedCommand(self._mirror, steps, text, merge_key))
        else:
            self._undo.push(OperationCommand(self._run, forward, _only(applied.inverse), text, merge_key))

    def _run(self, operation: Operation) -> Operation:
        """Apply now, with signals; the inverse. For the undo commands ``edit`` pushes."""
        try:
            return _only(apply_all(self._map, (operation,), self._announce).inverse)
        finally:
            self.edited.emit()

    def _announce(self, applied: Applied) -> None:
        self._changed(applied.changes)
        for change in applied.changes:
            self._emit(change)

    def _emit(self, change: Change) -> None:
        """The one signal of ``change``."""
        match change:
            case records.ObjectiveAdded():
                self.objective_added.emit(change.objective_id)
            case records.ObjectiveRemoved():
                self.objective_removed.emit(change.objective_id)
            case records.ObjectiveChanged():
                self.objective_changed.emit(change.objective_id, change.fields)
            case records.LinkAdded():
                self.link_added.emit(change.source, change.target)
            case records.LinkRemoved():
                self.link_removed.emit(change.source, change.target)
            case records.RowAdded():
                self.row_added.emit(change.row_id)
            case records.RowRemoved():
                self.row_removed.emit(change.row_id)
            case records.RowChanged():
                self.row_changed.emit(change.row_id, change.keys)
            case records.RowMoved():
                self.row_moved.emit(change.row_id, change.index)
            case records.ColumnsChanged():
                self.columns_changed.emit()
            case records.StakeholderAdded():
                self.stakeholder_added.emit(change.stakeholder_id)
            case records.StakeholderRemoved():
                self.stakeholder_removed.emit(change.stakeholder_id)
            case records.StakeholderChanged():
                self.stakeholder_changed.emit(change.stakeholder_id, change.fields)
            case records.MapFieldChanged():
                self.map_changed.emit(change.name)

    def _changed(self, changes: tuple[Change, ...] | None) -> None:
        """Forget what the changes make stale (None: everything, a new map)."""
        if changes is None or changes:
            self._findings = None
            self._findings_timer.start()
        if changes is None or moves_boxes(changes):
            self._layout = None

    @Slot(bool)
    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # -- verbs: a plan (srmtool.model.edits) and its undo text, handed to edit ----------------------

    def add_objective(
        self, perspective: str, text: str = "", x: float | None = None, y: float | None = None
    ) -> str:
        """A new objective with the level's next free code, at (x, y) or the nearest free place
        (the first free place of the band when no place is given); it never overlaps a box."""
        if perspective not in PERSPECTIVE_IDS:
            raise ValueError(f"unknown perspective {perspective!r}")
        m = self._map
        px, py = edits.place_box(m, perspective, x, y, self.layout())
        oid = m.new_id("o")
        text = clip_text(text, MAX_TEXT_CHARS)
        obj = Objective(id=oid, code=m.new_code(perspective), perspective=perspective, text=text, x=px, y=py)
        self.edit(
            edits.keep_lower_bands(m, [AddObjective(obj)]),
            QCoreApplication.translate("Document", "Add objective"),
        )
        return oid

    def move_objectives(self, moves: dict[str, tuple[float, float]]) -> None:
        """New top-left corners; a box whose centre lands in another band takes that band's
        perspective (its code stays). Nothing is pushed when nothing moves."""
        operations = edits.move_operations(self._map, moves)
        if not operations:
            return
        n = len(operations)
        text = (
            QCoreApplication.translate("Document", "Move objective")
            if n == 1
            else QCoreApplication.translate("Document", "Move %n objectives", None, n)
        )
        self.edit(edits.keep_lower_bands(self._map, operations), text)

    def set_positions(self, positions: dict[str, tuple[float, float]], text: str) -> None:
        """Place boxes at new top-left corners as one step, perspectives unchanged (tidy layout)."""
        self.edit(edits.position_operations(self._map, positions), text)

    def set_objective_text(self, objective_id: str, text: str) -> None:
        """Consecutive text edits of one objective merge into one undo step. Text past
        ``MAX_TEXT_CHARS`` is left out (the editors take no more)."""
        text = clip_text(text, MAX_TEXT_CHARS)
        obj = self._map.objective(objective_id)
        if obj is None or obj.text == text:
            return
        op = SetObjectiveText(objective_id, text)
        self.edit(op, QCoreApplication.translate("Document", "Edit text"), merge_key=objective_id)

    def set_key_route(self, ids: Iterable[str], on: bool) -> None:
        self.edit(
            edits.key_route_operations(self._map, ids, on),
            QCoreApplication.translate("Document", "Mark key route")
            if on
            else QCoreApplication.translate("Document", "Clear key route"),
        )

    def add_link(self, source: str, target: str) -> bool:
        """Draw a link from cause to effect; False (nothing pushed) for a self-link, a duplicate or
        an objective that does not exist."""
        if not self.can_link(source, target):
            return False
        self.edit(AddLink(source, target), QCoreApplication.translate("Document", "Add link"))
        return True

    def can_link(self, source: str, target: str) -> bool:
        """Whether ``add_link(source, target)`` would draw a link (for feedback while dragging)."""
        m = self._map
        if source == target or m.objective(source) is None or m.objective(target) is None:
            return False
        return not m.has_link(source, target)

    def remove_link(self, source: str, target: str) -> None:
        if self._map.has_link(source, target):
            self.edit(RemoveLink(source, target), QCoreApplication.translate("Document", "Remove link"))

    def delete(self, objective_ids: Iterable[str], links: Iterable[tuple[str, str]] = ()) -> None:
        """Delete objectives (with their links and table rows) and links as one step; undo puts
        every one back at its old place."""
        links = list(links)
        operations = edits.delete_operations(self._map, objective_ids, links)
        if operations:
            self.edit(operations, delete_text(edits.delete_summary(self._map, operations, links)))

    def paste(self, objectives: list[Objective], links: list[Link], rows: Sequence[Row] = ()) -> list[str]:
        """Add copies of objectives, links and the copies' table rows as one step; returns the ids
        of the copies (a copy keeps its id and code unless the map uses them already)."""
        operations, ids = edits.paste_operations(self._map, objectives, links, rows)
        self.edit(
            edits.keep_lower_bands(self._map, operations), QCoreApplication.translate("Document", "Paste")
        )
        return ids


def _only(inverse: Operation) -> Operation:
    """The inverse of one operation out of ``apply_all``'s batch of one (a batch stays a batch)."""
    if isinstance(inverse, Batch) and len(inverse.operations) == 1:
        return inverse.operations[0]
    return inverse
