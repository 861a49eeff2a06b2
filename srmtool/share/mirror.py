"""One map and one shared ``Doc`` kept equal, in both directions, on one thread.

- Local edits: ``publish(changes)`` writes what the typed change records of an applied operation
  name (``srmtool.model.changes``) into the Doc, in one transaction of this laptop's origin (the
  only origin its undo manager tracks).
- Everything else that changes the Doc (another laptop's update, or this laptop's own undo)
  marks the items it touched; ``pull()`` then plans the model operations
  (``srmtool.model.operations.mirror``) that make the map what the Doc holds.

Between the two, ``read_map(doc)`` equals the map byte for byte (``dumps_map``): that is what
makes every laptop end with the same map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Final, Generic, TypeVar

from pycrdt import Array, ArrayEvent, Doc, Map, MapEvent, Subscription, UndoManager, get_state
from pydantic import BaseModel

from srmtool.model import changes as records
from srmtool.model.changes import Change
from srmtool.model.operations import (
    DropObjective,
    DropRow,
    DropStakeholder,
    Operation,
    PutColumns,
    PutObjective,
    PutProgress,
    PutRow,
    PutStakeholder,
    ReplaceLinks,
    SetMapField,
)
from srmtool.model.operations.mirror import progress_entries
from srmtool.model.plan import PLAN_KEY
from srmtool.model.types import Objective, RouteMap, Row, Stakeholder
from srmtool.share import schema
from srmtool.share.order import sync_order, unmoved
from srmtool.share.schema import Roots

LOCAL: Final = "srmtool-local"
REMOTE: Final = "srmtool-remote"

_Item = TypeVar("_Item", Objective, Row, Stakeholder)


@dataclass
class _Collection(Generic[_Item]):
    """One id-keyed list of the map (objectives, rows or stakeholders) and what the Doc holds of it."""

    items: Map[Any]
    order: Array[Any]
    read: Callable[[str, object], _Item | None]
    of_map: Callable[[RouteMap], list[_Item]]
    put: Callable[[_Item, int | None], Operation]
    drop: Callable[[str], Operation]
    entries: dict[str, _Item] = field(default_factory=dict)  # valid Doc entries, by id
    dirty: set[str] = field(default_factory=set)
    order_dirty: bool = False

    def refresh(self, item_id: str) -> None:
        entry = self.read(item_id, self.items.get(item_id))
        if entry is None:
            self.entries.pop(item_id, None)
        else:
            self.entries[item_id] = entry


def _same(a: BaseModel, b: BaseModel) -> bool:
    if a.model_dump() != b.model_dump():
        return False
    return not isinstance(a, Row) or not isinstance(b, Row) or list(a.cells) == list(b.cells)


class Mirror:
    """Keeps ``route_map`` and ``doc`` equal. Use on the thread that owns the Doc; every change
    of the map goes through ``publish`` (local) or ``pull`` (the Doc's)."""

    def __init__(self, doc: Doc[Any], route_map: RouteMap) -> None:
        self.doc = doc
        self.route_map = route_map
        self.roots = roots = Roots.of(doc)
        self._objectives: _Collection[Objective] = _Collection(
            roots.objectives,
            roots.objective_order,
            schema.read_objective,
            lambda m: m.objectives,
            PutObjective,
            DropObjective,
        )
        self._rows: _Collection[Row] = _Collection(
            roots.rows, roots.row_order, schema.read_row, lambda m: m.table.rows, PutRow, DropRow
        )
        self._stakeholders: _Collection[Stakeholder] = _Collection(
            roots.stakeholders,
            roots.stakeholder_order,
            schema.read_stakeholder,
            lambda m: m.stakeholders,
            PutStakeholder,
            DropStakeholder,
        )
        self._links_dirty = False
        self._progress_dirty = False
        self._fields_dirty: set[str] = set()
        self._publishing = False
        #: Set when updates came in since the last ``verify``.
        self.unverified = False
        #: Set when the Doc may have changed in ways its events did not tell (see ``verify``).
        self.stale = False
        self._waiting_for: dict[int, int] = {}  # client → clock that updates waiting in the Doc need
        self._subscriptions: list[tuple[Map[Any] | Array[Any], Subscription]] = []
        for collection in self._collections():
            self._watch(collection.items, self._on_items(collection))
            self._watch(collection.order, self._on_order(collection))
        self._watch(roots.links, self._on_links)
        self._watch(roots.fields, self._on_fields)
        self._watch(roots.progress, self._on_progress)
        self.undo_manager = UndoManager(scopes=list(roots.all()), capture_timeout_millis=0)
        self.undo_manager.include_origin(LOCAL)

    def _collections(self) -> tuple[_Collection[Any], ...]:
        return (self._objectives, self._rows, self._stakeholders)

    def _watch(self, shared: Map[Any] | Array[Any], callback: Callable[[list[Any]], None]) -> None:
        self._subscriptions.append((shared, shared.observe_deep(callback)))

    def close(self) -> None:
        """Stop following the Doc."""
        for shared, subscription in self._subscriptions:
            shared.unobserve(subscription)
        self._subscriptions.clear()

    # -- starting -------------------------------------------------------------------------------

    def start_from_map(self) -> None:
        """The host: put the whole map into the (empty) Doc. Not undoable."""
        self._publishing = True
        try:
            with self.doc.transaction(origin="srmtool-start"):
                schema.write_map(self.roots, self.route_map)
        finally:
            self._publishing = False
        self.refresh_all()

    def refresh_all(self) -> None:
        """Read every entry of the Doc again and mark everything to be pulled."""
        for collection in self._collections():
            collection.entries.clear()
            for item_id, item in collection.items.items():
                collection.dirty.add(item_id)
                entry = collection.read(item_id, item)
                if entry is not None:
                    collection.entries[item_id] = entry
            collection.dirty.update(i.id for i in collection.of_map(self.route_map))
            collection.order_dirty = True
        self._links_dirty = True
        self._progress_dirty = True
        self._fields_dirty.update(self.roots.fields.keys())
        self._fields_dirty.update(schema.field_names(self.route_map))

    # -- following the Doc ----------------------------------------------------------------------

    def _on_items(self, collection: _Collection[Any]) -> Callable[[list[Any]], None]:
        def changed(events: list[Any]) -> None:
            if self._publishing:
                return
            try:
                for event in events:
                    path = event.path
                    if path:
                        collection.dirty.add(str(path[0]))
                    elif isinstance(event, MapEvent):
                        collection.dirty.update(str(k) for k in getattr(event, "keys", {}))
                        collection.order_dirty = True
            except BaseException as exc:
                if isinstance(exc, KeyboardInterrupt | SystemExit):
                    raise
                self.stale = True

        return changed

    def _on_order(self, collection: _Collection[Any]) -> Callable[[list[Any]], None]:
        def changed(events: list[ArrayEvent]) -> None:
            if not self._publishing:
                collection.order_dirty = True

        return changed

    def _on_links(self, events: list[ArrayEvent]) -> None:
        if not self._publishing:
            self._links_dirty = True

    def _on_progress(self, events: list[Any]) -> None:
        if not self._publishing:
            self._progress_dirty = True

    def _on_fields(self, events: list[Any]) -> None:
        if self._publishing:
            return
        try:
            for event in events:
                if isinstance(event, MapEvent) and not getattr(event, "path", None):
                    self._fields_dirty.update(str(k) for k in getattr(event, "keys", {}))
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            self.stale = True

    def receive(self, update: bytes) -> None:
        """Apply another laptop's update to the Doc; the map follows on ``pull``.

        An update that arrives before one it builds on waits inside the Doc and is integrated
        later without telling the observers what it touched; while any waits, every arrival
        marks the whole Doc to be read again (updates through the room come in order, so this
        is for peers that send them out of order)."""
        with self.doc.transaction(origin=REMOTE):
            self.doc.apply_update(update)
        known = _state(self.doc.get_state())
        waiting = dict(self._waiting_for)
        for client, clock in _state(get_state(update)).items():
            waiting[client] = max(clock, waiting.get(client, 0))
        still = {c: k for c, k in waiting.items() if known.get(c, 0) < k}
        if self._waiting_for or still:
            self.refresh_all()
        self._waiting_for = still
        self.unverified = True

    def verify(self) -> None:
        """Mark the whole Doc to be read again on the next ``pull``. The Doc's events name what
        an update touched, except in corners of Yrs (an edit that lands in an item another
        laptop's undo brought back is integrated without an event): owners call this now and
        then after updates came in (the editor a second after, ``srmtool serve`` too), so such an
        edit shows at the latest then, on every laptop alike."""
        self.refresh_all()
        self.stale = False
        self.unverified = False

    @property
    def dirty(self) -> bool:
        """Whether the Doc changed since the last ``pull``."""
        return (
            self.stale
            or self._links_dirty
            or self._progress_dirty
            or bool(self._fields_dirty)
            or any(c.dirty or c.order_dirty for c in self._collections())
        )

    def pull(self) -> list[Operation]:
        """The operations that make the map what the Doc holds now (apply them in order, at
        once); marks everything as followed."""
        if self.stale:
            self.verify()
        operations: list[Operation] = []
        for collection in self._collections():
            operations += self._plan(collection)
        if self._links_dirty:
            self._links_dirty = False
            links = [lk for v in self.roots.links.to_py() or [] if (lk := schema.read_link(v)) is not None]
            if [lk.model_dump() for lk in links] != [lk.model_dump() for lk in self.route_map.links]:
                operations.append(ReplaceLinks(tuple(links)))
        if self._progress_dirty:
            self._progress_dirty = False
            target = schema.read_progress(self.roots)
            if progress_entries(target) != schema.model_progress(self.route_map):
                operations.append(PutProgress(target))
        names, self._fields_dirty = sorted(self._fields_dirty), set()
        for name in names:
            if not schema.plan_part(name):
                operations += self._plan_field(name)
        if any(schema.plan_part(name) for name in names):
            operations += self._plan_plan()
        return operations

    def _plan_plan(self) -> list[Operation]:
        """The plan as a whole: the Doc holds it key by key, the map as one object."""
        target, have = schema.read_plan(self.roots), schema.model_plan(self.route_map)
        if target == have and type(target) is type(have):
            return []
        return [SetMapField(PLAN_KEY, None if schema.is_bad(target) else target)]

    def _plan(self, collection: _Collection[_Item]) -> list[Operation]:
        dirty, collection.dirty = collection.dirty, set()
        if not dirty and not collection.order_dirty:
            return []
        for item_id in dirty:
            collection.refresh(item_id)
        current = collection.of_map(self.route_map)
        collection.order_dirty = False
        target = schema.first_ids(collection.order, collection.entries)
        present = {i.id: i for i in current}
        wanted = set(target)
        kept = [i.id for i in current if i.id in wanted]
        stay = unmoved(kept, target)
        operations: list[Operation] = [collection.drop(i) for i in present if i not in stay]
        for item_id in kept:
            entry = collection.entries[item_id]
            if item_id in stay and item_id in dirty and not _same(entry, present[item_id]):
                operations.append(collection.put(entry, None))
        for index, item_id in enumerate(target):
            if item_id not in stay:
                operations.append(collection.put(collection.entries[item_id], index))
        return operations

    def _plan_field(self, name: str) -> list[Operation]:
        value = schema.read_field(name, self.roots.fields.get(name))
        have = schema.model_field(self.route_map, name)
        if name == schema.TABLE_FIELD:
            found = schema.table_from(value)
            if found is None or value == have:
                return []
            return [PutColumns(found[0])]
        if schema.is_bad(value) and schema.is_bad(have):
            return []
        if schema.is_bad(value):
            if schema.field_default(name) is not schema._BAD or name.startswith("label."):
                return []
            return [SetMapField(name, None)]
        if value == have and type(value) is type(have):
            return []
        return [SetMapField(name, value, keep_null=value is None)]

    # -- local edits ----------------------------------------------------------------------------

    def publish(self, changes: Sequence[Change], undoable: bool = True) -> bool:
        """Write what ``changes`` name (records of operations already applied to the map) into the
        Doc as one transaction of this laptop; whether the undo manager took a new step (never
        for ``undoable`` False: a change no one undoes, such as a save's time stamp)."""
        if not changes:
            return False
        steps = len(self.undo_manager.undo_stack)
        self._publishing = True
        try:
            with self.doc.transaction(origin=LOCAL if undoable else "srmtool-stamp"):
                self._write(changes)
        finally:
            self._publishing = False
        return len(self.undo_manager.undo_stack) > steps

    def _write(self, changes: Iterable[Change]) -> None:
        m, roots = self.route_map, self.roots
        objectives: dict[str, tuple[str, ...] | None] = {}
        rows: dict[str, tuple[str, ...] | None] = {}
        people: dict[str, tuple[str, ...] | None] = {}
        orders: set[str] = set()
        links = False
        for change in changes:
            match change:
                case records.ObjectiveAdded() | records.ObjectiveRemoved():
                    objectives[change.objective_id] = None
                    orders.add("objectives")
                case records.ObjectiveChanged():
                    _merge(objectives, change.objective_id, change.fields)
                case records.RowAdded() | records.RowRemoved() | records.RowMoved():
                    rows[change.row_id] = None
                    orders.add("rows")
                case records.RowChanged():
                    _merge(rows, change.row_id, change.keys)
                case records.StakeholderAdded() | records.StakeholderRemoved():
                    people[change.stakeholder_id] = None
                    orders.add("stakeholders")
                case records.StakeholderChanged():
                    _merge(people, change.stakeholder_id, change.fields)
                case records.LinkAdded() | records.LinkRemoved():
                    links = True
                case records.ColumnsChanged():
                    self._write_field(schema.TABLE_FIELD)
                case records.MapFieldChanged():
                    self._write_field(change.name)
                case records.ProgressChanged():
                    entry = (change.part, change.item_id, change.period) if change.item_id else (change.part,)
                    schema.write_progress_entry(roots, m, entry)
                case _:  # a record this mirror does not know yet: compare everything
                    self._write_all()
                    return
        for oid, fields in objectives.items():
            obj = m.objective(oid)
            self._put(self._objectives, oid, obj, partial(schema.write_objective, roots, fields=fields))
        for rid, keys in rows.items():
            row = m.row(rid)
            self._put(self._rows, rid, row, partial(schema.write_row, roots, keys=keys))
        for sid, fields in people.items():
            st = m.stakeholder(sid)
            self._put(self._stakeholders, sid, st, partial(schema.write_stakeholder, roots, fields=fields))
        if "objectives" in orders:
            sync_order(roots.objective_order, [o.id for o in m.objectives])
        if "rows" in orders:
            sync_order(roots.row_order, [r.id for r in m.table.rows])
        if "stakeholders" in orders:
            sync_order(roots.stakeholder_order, [s.id for s in m.stakeholders])
        if links:
            self._write_links()

    def _put(
        self, collection: _Collection[Any], item_id: str, item: Any, write: Callable[[Any], None]
    ) -> None:
        if item is None:
            collection.items.pop(item_id, None)
            collection.entries.pop(item_id, None)
        else:
            write(item)
            collection.entries[item_id] = item.model_copy(deep=True)

    def _write_links(self) -> None:
        wanted = [schema.link_json(lk) for lk in self.route_map.links]
        sync_list(self.roots.links, wanted)

    def _write_field(self, name: str) -> None:
        if schema.plan_part(name):
            schema.write_plan(self.roots, self.route_map)
            return
        value = schema.model_field(self.route_map, name)
        if schema.is_bad(value):
            self.roots.fields.pop(name, None)
        else:
            text = schema.to_json(value)
            if self.roots.fields.get(name) != text:
                self.roots.fields[name] = text

    def _write_all(self) -> None:
        """Bring the Doc to the map wherever they differ (records this mirror does not know)."""
        m, roots = self.route_map, self.roots
        writers: tuple[tuple[_Collection[Any], Callable[[Any], None]], ...] = (
            (self._objectives, partial(schema.write_objective, roots)),
            (self._rows, partial(schema.write_row, roots)),
            (self._stakeholders, partial(schema.write_stakeholder, roots)),
        )
        for collection, write in writers:
            items = {i.id: i for i in collection.of_map(m)}
            for item_id in [str(k) for k in collection.items.keys() if k not in items]:  # noqa: SIM118
                self._put(collection, item_id, None, write)
            for item_id, item in items.items():
                entry = collection.entries.get(item_id)
                if entry is None or not _same(entry, item):
                    self._put(collection, item_id, item, write)
            sync_order(collection.order, list(items))
        self._write_links()
        schema.write_progress(roots, m)
        for name in {*schema.field_names(m), *roots.fields.keys()}:
            self._write_field(name)


def _var_uint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def _state(vector: bytes) -> dict[int, int]:
    """A Yjs state vector (lib0 encoding: a count, then client and clock pairs) as a dict."""
    out: dict[int, int] = {}
    try:
        count, at = _var_uint(vector, 0)
        for _ in range(count):
            client, at = _var_uint(vector, at)
            clock, at = _var_uint(vector, at)
            out[client] = clock
    except IndexError:
        pass
    return out


def _merge(touched: dict[str, tuple[str, ...] | None], item_id: str, names: tuple[str, ...]) -> None:
    if item_id in touched and touched[item_id] is None:
        return
    touched[item_id] = (*(touched.get(item_id) or ()), *names)


def sync_list(array: Array[Any], wanted: list[str]) -> None:
    """Make ``array`` hold ``wanted`` with as few removals and insertions as the diff needs."""
    import difflib

    have = [str(v) for v in array.to_py() or []]
    if have == wanted:
        return
    matcher = difflib.SequenceMatcher(None, have, wanted, autojunk=False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        if i2 > i1:
            del array[i1:i2]
        if j2 > j1:
            for offset, value in enumerate(wanted[j1:j2]):
                array.insert(i1 + offset, value)
