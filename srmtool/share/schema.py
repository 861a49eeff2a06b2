"""How a map lives in a shared pycrdt ``Doc`` (README, "The shared document").

Root types, all keyed by id so that concurrent edits of different items never touch each other:

- ``objectives``: Map id → Map of the objective's keys. ``text`` and ``notes`` are ``Text``
  (concurrent typing merges character by character); every other key (``code``, ``perspective``,
  ``x``, ``y``, ``key_route``, ``stakeholders`` and any additive key) holds its value as JSON text,
  so the last writer wins per key. ``objective_order``: Array of ids, the list's order.
- ``rows``: Map id → Map: ``objective`` (JSON), ``cells`` (Map column key → ``Text``),
  ``cell_order`` (JSON list of keys) and additive keys (JSON). ``row_order``: Array of ids.
- ``stakeholders``: Map id → Map of JSON values (``name``, ``kind``, ``role``, additive keys);
  ``stakeholder_order``: Array of ids.
- ``links``: Array of JSON texts, one link entry (``source``, ``target``, additive keys) each.
- ``map``: Map field name → JSON: ``destination``, ``meta.<key>``, ``label.<level id>``, additive
  top-level keys by name, and ``table``: the column set with the table's additive keys.
- ``srm``: ``format`` = ``"srmtool-map"``, ``schema`` = ``"1"``.

An order Array may hold an id twice (two laptops moved a row at once) or an id with no entry: the
list is the first occurrence of each id that has a valid entry. Reading never trusts the Doc: an
entry that is not a valid map item is left out, texts are cut at the map's limits, in the same way
on every laptop, so all of them read the same map.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Final

from pycrdt import Array, Doc, Map, Text
from pydantic import BaseModel, ValidationError

from srmtool.model.limits import MAX_COORDINATE, MAX_ID_CHARS, MAX_TEXT_CHARS, clip_text
from srmtool.model.operations.mirror import progress_entries
from srmtool.model.plan import PLAN_KEY
from srmtool.model.progress.records import PROGRESS_KEY
from srmtool.model.srmfile.additive import check_map_field
from srmtool.model.srmfile.progress_file import check_progress
from srmtool.model.srmfile.validate import FileProblem
from srmtool.model.types import (
    DEFAULT_PERSPECTIVE_LABELS,
    OBJECTIVE_COLUMN,
    PERSPECTIVE_IDS,
    Column,
    Link,
    Meta,
    Objective,
    Perspective,
    RouteMap,
    Row,
    Stakeholder,
    Table,
)

FORMAT: Final = "srmtool-map"
SCHEMA: Final = "1"
TEXT_FIELDS: Final = ("text", "notes")  # objective keys held as Text
TABLE_FIELD: Final = "table"


@dataclass(frozen=True)
class Roots:
    objectives: Map[Any]
    objective_order: Array[Any]
    rows: Map[Any]
    row_order: Array[Any]
    stakeholders: Map[Any]
    stakeholder_order: Array[Any]
    links: Array[Any]
    fields: Map[Any]
    progress: Map[Any]
    header: Map[Any]

    @classmethod
    def of(cls, doc: Doc[Any]) -> Roots:
        return cls(
            objectives=doc.get("objectives", type=Map),
            objective_order=doc.get("objective_order", type=Array),
            rows=doc.get("rows", type=Map),
            row_order=doc.get("row_order", type=Array),
            stakeholders=doc.get("stakeholders", type=Map),
            stakeholder_order=doc.get("stakeholder_order", type=Array),
            links=doc.get("links", type=Array),
            fields=doc.get("map", type=Map),
            progress=doc.get("progress", type=Map),
            header=doc.get("srm", type=Map),
        )

    def all(self) -> tuple[Map[Any] | Array[Any], ...]:
        return (
            self.objectives,
            self.objective_order,
            self.rows,
            self.row_order,
            self.stakeholders,
            self.stakeholder_order,
            self.links,
            self.fields,
            self.progress,
            self.header,
        )


# -- values ---------------------------------------------------------------------------------------


def new_doc() -> Doc[Any]:
    """A Doc for a shared map. Deleted items are kept (no garbage collection): undo brings them
    back, and Yrs reads them when it reports a replaced value (with them collected it can fail)."""
    return Doc(skip_gc=True)


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


_BAD: Final = object()


def from_json(text: object) -> object:
    """The value of a JSON text from the Doc, or ``_BAD`` for anything else."""
    if not isinstance(text, str) or len(text) > 4 * MAX_TEXT_CHARS:
        return _BAD
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _BAD


def set_text(target: Text, new: str) -> None:
    """Make ``target`` read ``new`` by replacing only the part between their common start and end
    (so that a neighbour's typing elsewhere in the same text survives). Text indices are UTF-8."""
    old = str(target)
    if old == new:
        return
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    at = len(old[:start].encode())
    gone = len(old[start : len(old) - end].encode())
    if gone:
        del target[at : at + gone]
    inserted = new[start : len(new) - end]
    if inserted:
        target.insert(at, inserted)


def _text_of(value: object) -> str | None:
    return str(value) if isinstance(value, Text) else None


def _valid(model: type[BaseModel], raw: dict[str, Any]) -> Any:
    try:
        return model.model_validate(raw, strict=True)
    except (ValidationError, ValueError, TypeError):
        return None


def _valid_id(item_id: object) -> bool:
    return isinstance(item_id, str) and 0 < len(item_id) <= MAX_ID_CHARS


def _coordinate(value: object) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(max(-MAX_COORDINATE, min(MAX_COORDINATE, value)))
    return value


# -- objectives -----------------------------------------------------------------------------------


def objective_values(objective: Objective, fields: tuple[str, ...] | None = None) -> dict[str, object]:
    """The Doc's keys of ``objective`` (all, or ``fields``): texts as str, the rest as values; a
    named additive key the objective does not have maps to ``_BAD`` (remove it)."""
    entry = objective.model_dump()
    entry.pop("id")
    names = tuple(entry) if fields is None else fields
    return {name: entry.get(name, _BAD) for name in names if name != "id"}


def write_objective(roots: Roots, objective: Objective, fields: tuple[str, ...] | None = None) -> None:
    values = objective_values(objective, fields)
    item = roots.objectives.get(objective.id)
    if not isinstance(item, Map) or fields is None:
        roots.objectives[objective.id] = Map(
            {k: Text(str(v)) if k in TEXT_FIELDS else to_json(v) for k, v in values.items()}
        )
        return
    for name, value in values.items():
        if value is _BAD:
            item.pop(name, None)
        elif name in TEXT_FIELDS and isinstance(value, str):
            text = item.get(name)
            if isinstance(text, Text):
                set_text(text, value)
            else:
                item[name] = Text(value)
        else:
            item[name] = to_json(value)


def read_objective(item_id: str, item: object) -> Objective | None:
    if not isinstance(item, Map) or not _valid_id(item_id):
        return None
    raw: dict[str, Any] = {"id": item_id}
    for key, value in item.items():
        if key in TEXT_FIELDS:
            text = _text_of(value)
            if text is None:
                return None
            raw[key] = clip_text(text, MAX_TEXT_CHARS)
        else:
            parsed = from_json(value)
            if parsed is _BAD or key == "id":
                return None
            raw[key] = _coordinate(parsed) if key in ("x", "y") else parsed
    return _valid(Objective, raw)  # type: ignore[no-any-return]


# -- rows -----------------------------------------------------------------------------------------


def write_row(roots: Roots, row: Row, keys: tuple[str, ...] | None = None) -> None:
    item = roots.rows.get(row.id)
    extra = dict(row.model_extra or {})
    if not isinstance(item, Map) or keys is None:
        entry: dict[str, Any] = {
            "objective": to_json(row.objective),
            "cells": Map({k: Text(v) for k, v in row.cells.items()}),
            "cell_order": to_json(list(row.cells)),
        }
        entry.update({k: to_json(v) for k, v in extra.items()})
        roots.rows[row.id] = Map(entry)
        return
    cells = item.get("cells")
    if not isinstance(cells, Map):
        item["cells"] = cells = Map()
    for key in keys:
        if key == OBJECTIVE_COLUMN:
            item["objective"] = to_json(row.objective)
        elif key not in row.cells:
            cells.pop(key, None)
        else:
            text = cells.get(key)
            if isinstance(text, Text):
                set_text(text, row.cells[key])
            else:
                cells[key] = Text(row.cells[key])
    order = to_json(list(row.cells))
    if item.get("cell_order") != order:
        item["cell_order"] = order


def read_row(item_id: str, item: object) -> Row | None:
    if not isinstance(item, Map) or not _valid_id(item_id):
        return None
    raw: dict[str, Any] = {"id": item_id}
    cells: dict[str, str] = {}
    order: object = []
    for key, value in item.items():
        if key == "cells":
            if not isinstance(value, Map):
                return None
            for cell_key, text in value.items():
                cell = _text_of(text)
                if cell is not None:
                    cells[cell_key] = clip_text(cell, MAX_TEXT_CHARS)
        elif key == "cell_order":
            order = from_json(value)
        else:
            parsed = from_json(value)
            if parsed is _BAD or key == "id":
                return None
            raw[key] = parsed
    listed = [k for k in order if isinstance(k, str) and k in cells] if isinstance(order, list) else []
    ordered = list(dict.fromkeys(listed))
    ordered += sorted(k for k in cells if k not in set(ordered))
    raw["cells"] = {k: cells[k] for k in ordered}
    return _valid(Row, raw)  # type: ignore[no-any-return]


# -- stakeholders ---------------------------------------------------------------------------------


def write_stakeholder(roots: Roots, stakeholder: Stakeholder, fields: tuple[str, ...] | None = None) -> None:
    entry = stakeholder.model_dump()
    entry.pop("id")
    item = roots.stakeholders.get(stakeholder.id)
    if not isinstance(item, Map) or fields is None:
        roots.stakeholders[stakeholder.id] = Map({k: to_json(v) for k, v in entry.items()})
        return
    for name in fields:
        if name in entry:
            item[name] = to_json(entry[name])
        else:
            item.pop(name, None)


def read_stakeholder(item_id: str, item: object) -> Stakeholder | None:
    if not isinstance(item, Map) or not _valid_id(item_id):
        return None
    raw: dict[str, Any] = {"id": item_id}
    for key, value in item.items():
        parsed = from_json(value)
        if parsed is _BAD or key == "id":
            return None
        raw[key] = clip_text(parsed, MAX_TEXT_CHARS) if isinstance(parsed, str) else parsed
    return _valid(Stakeholder, raw)  # type: ignore[no-any-return]


# -- links ----------------------------------------------------------------------------------------


def link_json(link: Link) -> str:
    return to_json(link.model_dump())


def read_link(value: object) -> Link | None:
    raw = from_json(value)
    if not isinstance(raw, dict):
        return None
    return _valid(Link, raw)  # type: ignore[no-any-return]


# -- map fields -----------------------------------------------------------------------------------


def field_names(route_map: RouteMap) -> list[str]:
    """Every map field the Doc holds for ``route_map``: the plan's keys one by one (``plan`` itself
    only marks that there is one), the table's additive keys one by one beside its columns."""
    names = ["destination", *(f"meta.{k}" for k in route_map.meta.model_dump())]
    names += [f"label.{p.id}" for p in route_map.perspectives]
    extra = route_map.model_extra or {}
    names += sorted(k for k in extra if k != PROGRESS_KEY)
    plan = extra.get(PLAN_KEY)
    if isinstance(plan, dict):
        names += [f"{PLAN_KEY}.{k}" for k in sorted(plan)]
    names += [f"{TABLE_FIELD}.{k}" for k in sorted(route_map.table.model_extra or {})]
    return [*names, TABLE_FIELD]


def plan_part(name: str) -> bool:
    """Whether ``name`` is the plan or one of its keys (held key by key: ``plan.programme`` …)."""
    return name == PLAN_KEY or name.startswith(f"{PLAN_KEY}.")


def model_field(route_map: RouteMap, name: str) -> object:
    """The value of the map field ``name`` in ``route_map``; ``_BAD`` when the map has no such key."""
    if name == "destination":
        return route_map.destination
    if name == TABLE_FIELD:
        return {"columns": route_map.table.model_dump()["columns"]}
    if name.startswith(f"{TABLE_FIELD}."):
        return (route_map.table.model_extra or {}).get(name[6:], _BAD)
    extra = route_map.model_extra or {}
    if name == PLAN_KEY and isinstance(extra.get(PLAN_KEY), dict):
        return {}  # a plan object: its keys are fields of their own
    if name.startswith(f"{PLAN_KEY}."):
        plan = extra.get(PLAN_KEY)
        return plan.get(name[len(PLAN_KEY) + 1 :], _BAD) if isinstance(plan, dict) else _BAD
    if name.startswith("label."):
        return next((p.label for p in route_map.perspectives if p.id == name[6:]), _BAD)
    if name.startswith("meta."):
        return route_map.meta.model_dump().get(name[5:], _BAD)
    return (route_map.model_extra or {}).get(name, _BAD)


def field_default(name: str) -> object:
    """What a known field reads as when the Doc's value is missing or not valid."""
    if name == "destination" or (name.startswith("meta.") and name[5:] in Meta.model_fields):
        return [] if name == "meta.authors" else ""
    if name.startswith("label.") and name[6:] in PERSPECTIVE_IDS:
        return DEFAULT_PERSPECTIVE_LABELS[name[6:]]
    if name == TABLE_FIELD:
        return {"columns": []}
    return _BAD


def read_field(name: str, raw: object) -> object:
    """The map field ``name`` from its Doc value (None: absent); ``_BAD`` for a field that is
    not there (or a name no map field has)."""
    value = _BAD if raw is None else from_json(raw)
    default = field_default(name)
    if name == TABLE_FIELD:
        return value if _table(value) is not None else default
    if default is not _BAD:  # a known field: the right type, or its default
        if name == "meta.authors":
            ok = isinstance(value, list) and all(isinstance(a, str) for a in value)
        else:
            ok = isinstance(value, str)
        return (clip_text(value, MAX_TEXT_CHARS) if isinstance(value, str) else value) if ok else default
    if value is _BAD:
        return _BAD
    prefix, dot, key = name.partition(".")
    if dot:
        if prefix not in ("meta", TABLE_FIELD, PLAN_KEY) or not key.isidentifier():
            return _BAD
    elif not name.isidentifier() or name in RouteMap.model_fields or name == PROGRESS_KEY:
        return _BAD
    try:
        check_map_field(name, value)  # what a file could not hold is not taken either
    except (FileProblem, ValueError, TypeError):
        return _BAD
    return value


def _table(value: object) -> Table | None:
    if not isinstance(value, dict) or not isinstance(value.get("columns"), list):
        return None
    table: Table | None = _valid(Table, {**value, "rows": []})
    return table


def table_from(value: object) -> tuple[tuple[Column, ...], dict[str, Any]] | None:
    table = _table(value)
    if table is None:
        return None
    return tuple(table.columns), dict(table.model_extra or {})


def is_bad(value: object) -> bool:
    return value is _BAD


# -- the whole map --------------------------------------------------------------------------------


def write_map(roots: Roots, route_map: RouteMap) -> None:
    """Put the whole of ``route_map`` into an empty Doc (call inside one transaction)."""
    roots.header["format"] = FORMAT
    roots.header["schema"] = SCHEMA
    for objective in route_map.objectives:
        write_objective(roots, objective)
    roots.objective_order.extend([o.id for o in route_map.objectives])
    for row in route_map.table.rows:
        write_row(roots, row)
    roots.row_order.extend([r.id for r in route_map.table.rows])
    for stakeholder in route_map.stakeholders:
        write_stakeholder(roots, stakeholder)
    roots.stakeholder_order.extend([s.id for s in route_map.stakeholders])
    roots.links.extend([link_json(lk) for lk in route_map.links])
    write_progress(roots, route_map)
    for name in field_names(route_map):
        roots.fields[name] = to_json(model_field(route_map, name))


def first_ids(order: Array[Any], present: set[str] | dict[str, Any]) -> list[str]:
    """The ids of an order Array: the first occurrence of each that has an entry."""
    seen: set[str] = set()
    out: list[str] = []
    for item_id in order.to_py() or []:
        if isinstance(item_id, str) and item_id in present and item_id not in seen:
            seen.add(item_id)
            out.append(item_id)
    return out


def read_map(roots: Roots) -> RouteMap:
    """The map the Doc holds, read as every laptop reads it."""
    objectives = {k: o for k, v in roots.objectives.items() if (o := read_objective(k, v)) is not None}
    rows = {k: r for k, v in roots.rows.items() if (r := read_row(k, v)) is not None}
    people = {k: s for k, v in roots.stakeholders.items() if (s := read_stakeholder(k, v)) is not None}
    links = [lk for v in roots.links.to_py() or [] if (lk := read_link(v)) is not None]
    route_map = RouteMap(
        objectives=[objectives[i] for i in first_ids(roots.objective_order, objectives)],
        links=links,
        stakeholders=[people[i] for i in first_ids(roots.stakeholder_order, people)],
        table=Table(rows=[rows[i] for i in first_ids(roots.row_order, rows)]),
    )
    route_map.perspectives = [Perspective(id=p, label=DEFAULT_PERSPECTIVE_LABELS[p]) for p in PERSPECTIVE_IDS]
    for name, raw in roots.fields.items():
        if not plan_part(name):
            apply_field(route_map, name, read_field(name, raw))
    plan = read_plan(roots)
    if plan is not _BAD:
        apply_field(route_map, PLAN_KEY, plan)
    progress = read_progress(roots)
    if progress is not None:
        apply_field(route_map, PROGRESS_KEY, progress)
    for name in ("destination", TABLE_FIELD, *(f"label.{p}" for p in PERSPECTIVE_IDS)):
        if name not in roots.fields:
            apply_field(route_map, name, field_default(name))
    return route_map


def read_plan(roots: Roots) -> object:
    """The plan the Doc holds (``_BAD``: none): ``plan`` marks a plan object (``{}``) or holds a
    plan that is not one; each ``plan.<key>`` is one of its keys."""
    keys: dict[str, object] = {}
    marker: object = _BAD
    for name, raw in roots.fields.items():
        if name == PLAN_KEY:
            marker = read_field(name, raw)
        elif name.startswith(f"{PLAN_KEY}."):
            value = read_field(name, raw)
            if value is not _BAD:
                keys[name[len(PLAN_KEY) + 1 :]] = value
    if isinstance(marker, dict):
        plan: object = {**marker, **keys}
    elif marker is not _BAD:
        return marker
    elif keys:
        plan = keys
    else:
        return _BAD
    try:
        check_map_field(PLAN_KEY, plan)
    except (FileProblem, ValueError, TypeError):
        return _BAD
    return plan


def model_plan(route_map: RouteMap) -> object:
    return (route_map.model_extra or {}).get(PLAN_KEY, _BAD)


def write_plan(roots: Roots, route_map: RouteMap) -> None:
    """Bring the Doc's plan entries to the map's plan (each key its own entry)."""
    plan = model_plan(route_map)
    wanted: dict[str, str] = {}
    if isinstance(plan, dict):
        wanted[PLAN_KEY] = to_json({})
        wanted.update((f"{PLAN_KEY}.{k}", to_json(v)) for k, v in plan.items())
    elif plan is not _BAD:
        wanted[PLAN_KEY] = to_json(plan)
    for name in [k for k in roots.fields.keys() if plan_part(str(k)) and k not in wanted]:  # noqa: SIM118
        del roots.fields[name]
    for name, text in wanted.items():
        if roots.fields.get(name) != text:
            roots.fields[name] = text


# -- the follow-up records ------------------------------------------------------------------------


def progress_key(entry: tuple[str, ...]) -> str:
    """The Doc's key of one follow-up entry: ``["rows","r2","2568-Q1"]``, ``["periods"]``."""
    return to_json(list(entry))


def model_progress(route_map: RouteMap) -> dict[tuple[str, ...], object]:
    return progress_entries((route_map.model_extra or {}).get(PROGRESS_KEY))


def write_progress_entry(roots: Roots, route_map: RouteMap, entry: tuple[str, ...]) -> None:
    value = model_progress(route_map).get(entry, _BAD)
    key = progress_key(entry)
    if value is _BAD:
        roots.progress.pop(key, None)
    elif roots.progress.get(key) != (text := to_json(value)):
        roots.progress[key] = text


def write_progress(roots: Roots, route_map: RouteMap) -> None:
    """Bring every follow-up entry of the Doc to the map's."""
    wanted = {progress_key(k): to_json(v) for k, v in model_progress(route_map).items()}
    for key in [k for k in roots.progress.keys() if k not in wanted]:  # noqa: SIM118
        del roots.progress[key]
    for key, text in wanted.items():
        if roots.progress.get(key) != text:
            roots.progress[key] = text


def read_progress(roots: Roots) -> dict[str, Any] | None:
    """The follow-up records the Doc holds, entry by entry; an entry a file could not hold is left
    out (the same on every laptop)."""
    progress: dict[str, Any] = {}
    for key in sorted(str(k) for k in roots.progress.keys()):  # noqa: SIM118
        path, value = from_json(key), from_json(roots.progress.get(key))
        if value is _BAD or not isinstance(path, list) or not all(isinstance(p, str) for p in path):
            continue
        if len(path) == 3:
            part, item_id, period = path
            trial: dict[str, Any] = {part: {item_id: {period: value}}}
        elif len(path) == 1:
            trial = {path[0]: value}
        else:
            continue
        try:
            check_progress(trial)
        except (FileProblem, ValueError, TypeError):
            continue
        if len(path) == 3:
            node = progress.setdefault(part, {})
            if isinstance(node, dict):
                node.setdefault(item_id, {})[period] = value
        else:
            progress[path[0]] = value
    return progress or None


def apply_field(route_map: RouteMap, name: str, value: object) -> None:
    """Set a map field directly (building a map that is not shown yet)."""
    if value is _BAD:
        return
    if name == TABLE_FIELD:
        found = table_from(value)
        if found is not None:
            route_map.table.columns = list(found[0])
    elif name.startswith(f"{TABLE_FIELD}."):
        table_extra = route_map.table.__pydantic_extra__
        if table_extra is None:
            table_extra = route_map.table.__pydantic_extra__ = {}
        table_extra[name[6:]] = value
    elif name == "destination":
        route_map.destination = str(value)
    elif name.startswith("label."):
        for p in route_map.perspectives:
            if p.id == name[6:]:
                p.label = str(value)
    elif name.startswith("meta.") and name[5:] in Meta.model_fields:
        setattr(route_map.meta, name[5:], value)
    elif name.startswith("meta."):
        extra = route_map.meta.__pydantic_extra__
        if extra is None:
            extra = route_map.meta.__pydantic_extra__ = {}
        extra[name[5:]] = value
    else:
        extra = route_map.__pydantic_extra__
        if extra is None:
            extra = route_map.__pydantic_extra__ = {}
        extra[name] = value
