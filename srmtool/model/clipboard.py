"""Copy and paste of objectives within a map and between maps, as a small JSON document.

The clipboard text holds the chosen objectives (text, perspective, code, notes, key route, partner
names), their places relative to the group, the links among them, and their table rows with the
column keys and headings. Pasting makes new ids and codes for the target map, finds a place where
no existing box is covered, and keeps table cells only for columns the target has.

Clipboard text comes from anywhere, so it is read like a `.srm` file: size and nesting limits, no
NaN, strict types, never evaluated. Anything wrong raises :class:`ClipboardError`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from srmtool.model.errors import ReadableError
from srmtool.model.layout import (
    BAND_PAD,
    BOX_GAP,
    BOX_HEIGHT,
    BOX_WIDTH,
    LABEL_WIDTH,
    MapLayout,
    Rect,
    compute_layout,
    first_free_place,
)
from srmtool.model.srmfile.jsontext import check_depth, check_encodable, parse_json
from srmtool.model.srmfile.validate import (
    MAX_COORDINATE,
    MAX_ID_CHARS,
    MAX_LINKS,
    MAX_OBJECTIVES,
    MAX_ROWS,
    MAX_TEXT_CHARS,
    FileProblem,
    problem_from_validation,
)
from srmtool.model.types import OBJECTIVE_COLUMN, Link, Objective, PerspectiveId, RouteMap, Row, Table

CLIPBOARD_FORMAT: Final = "srmtool-clipboard"
CLIPBOARD_VERSION: Final = 1
#: The MIME type a desktop clipboard can carry the text under (besides plain text).
CLIPBOARD_MIME: Final = "application/x-srmtool-clipboard+json"
MAX_CLIPBOARD_BYTES: Final = 5 * 1024 * 1024

_STEP_X: Final = BOX_WIDTH + BOX_GAP
_STEP_Y: Final = BOX_HEIGHT + BOX_GAP
_LEFT: Final = LABEL_WIDTH + BAND_PAD


class ClipboardError(ReadableError, ValueError):
    """Clipboard text that cannot be pasted; ``where`` is the place in it (see ``ReadableError``)."""

    def subject(self, lang: str) -> str:
        return "วางจากคลิปบอร์ดไม่ได้" if lang == "th" else "Cannot paste from the clipboard"


class ClipboardTooMuch(ClipboardError):
    """Readable clipboard data that would take the map past one of its limits."""


# -- the clipboard document -----------------------------------------------------------------------

_Id = Field(min_length=1, max_length=MAX_ID_CHARS)
_Coordinate = Field(0.0, ge=-MAX_COORDINATE, le=MAX_COORDINATE)


class _Entry(BaseModel):
    # defer_build: validators are built on the first copy or paste, not while the editor starts
    model_config = ConfigDict(extra="ignore", strict=True, defer_build=True)


class _Objective(_Entry):
    id: str = _Id
    code: str = Field("", max_length=MAX_ID_CHARS)
    perspective: PerspectiveId
    text: str = Field("", max_length=MAX_TEXT_CHARS)
    dx: float = _Coordinate  # from the group's left edge
    dy: float = _Coordinate  # from the top of the objective's band
    key_route: bool = False
    notes: str = Field("", max_length=MAX_TEXT_CHARS)
    stakeholders: list[str] = Field(default_factory=list, max_length=1000)


class _Link(_Entry):
    source: str = _Id
    target: str = _Id


class _Stakeholder(_Entry):
    id: str = _Id
    name: str = Field("", max_length=MAX_TEXT_CHARS)


class _Column(_Entry):
    key: str = _Id
    label: str = Field("", max_length=MAX_TEXT_CHARS)


class _Row(_Entry):
    objective: str = _Id
    cells: dict[str, str] = Field(default_factory=dict, max_length=1000)


class _Clipboard(_Entry):
    format: Literal["srmtool-clipboard"]
    version: int
    left: float = _Coordinate
    objectives: list[_Objective] = Field(max_length=MAX_OBJECTIVES)
    links: list[_Link] = Field(default_factory=list, max_length=MAX_LINKS)
    stakeholders: list[_Stakeholder] = Field(default_factory=list, max_length=MAX_OBJECTIVES)
    columns: list[_Column] = Field(default_factory=list, max_length=1000)
    rows: list[_Row] = Field(default_factory=list, max_length=MAX_ROWS)


def copy_objectives(route_map: RouteMap, ids: Iterable[str]) -> str:
    """The clipboard text for the objectives ``ids`` (unknown ids are left out), in map order."""
    wanted = set(ids)
    chosen = [o for o in route_map.objectives if o.id in wanted]
    chosen_ids = {o.id for o in chosen}
    layout = compute_layout(route_map)
    left = min((layout.boxes[o.id].x for o in chosen), default=_LEFT)
    links: list[dict[str, str]] = []
    for lk in route_map.links:
        pair = {"source": lk.source, "target": lk.target}
        if lk.source in chosen_ids and lk.target in chosen_ids and pair not in links:
            links.append(pair)
    partners = {sid for o in chosen for sid in o.stakeholders}
    document = {
        "format": CLIPBOARD_FORMAT,
        "version": CLIPBOARD_VERSION,
        "left": left,
        "objectives": [
            {
                "id": o.id,
                "code": o.code,
                "perspective": o.perspective,
                "text": o.text,
                "dx": layout.boxes[o.id].x - left,
                "dy": layout.boxes[o.id].y - layout.bands[o.perspective].y,
                "key_route": o.key_route,
                "notes": o.notes,
                "stakeholders": list(o.stakeholders),
            }
            for o in chosen
        ],
        "links": links,
        "stakeholders": [{"id": s.id, "name": s.name} for s in route_map.stakeholders if s.id in partners],
        "columns": [{"key": c.key, "label": c.label} for c in route_map.table.columns],
        "rows": [
            {"objective": r.objective, "cells": dict(r.cells)}
            for r in route_map.table.rows
            if r.objective in chosen_ids
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def _error(problem: FileProblem) -> ClipboardError:
    return ClipboardError(problem.where, problem.message_en, problem.message_th)


def _read(data: str) -> _Clipboard:
    """Check clipboard text and return its contents; raises :class:`ClipboardError`."""
    if len(data) > MAX_CLIPBOARD_BYTES:  # every character is at least one byte
        raise _too_large(len(data))
    try:
        raw = data.encode("utf-8")
    except UnicodeEncodeError:
        raise ClipboardError(
            "", "the text holds half a character (a lone surrogate)", "ข้อความมีอักขระที่ไม่สมบูรณ์"
        ) from None
    if len(raw) > MAX_CLIPBOARD_BYTES:
        raise _too_large(len(raw))
    if not data.strip():
        raise ClipboardError("", "the clipboard is empty", "คลิปบอร์ดว่างเปล่า")
    try:
        check_depth(raw)
        check_encodable(parsed := parse_json(data))
    except FileProblem as problem:
        if not problem.where:
            raise _error(problem) from None
        raise ClipboardError(  # the parser's words speak of a file
            problem.where,
            "the clipboard text is not valid JSON; copy the objectives again",
            "ข้อความในคลิปบอร์ดไม่ใช่ JSON ที่ถูกต้อง กรุณาคัดลอกเป้าประสงค์อีกครั้ง",
        ) from None
    if not isinstance(parsed, dict) or parsed.get("format") != CLIPBOARD_FORMAT:
        raise ClipboardError(
            "format",
            "this is not objectives copied from srmtool",
            "ข้อมูลนี้ไม่ใช่เป้าประสงค์ที่คัดลอกจาก srmtool",
        )
    version = parsed.get("version")
    if type(version) is int and version > CLIPBOARD_VERSION:
        raise ClipboardError(
            "version",
            f"this was copied from a newer srmtool (clipboard version {version}); please update srmtool",
            f"ข้อมูลนี้คัดลอกจาก srmtool รุ่นที่ใหม่กว่า (รุ่น {version}) กรุณาอัปเดต srmtool",
        )
    try:
        clip = _Clipboard.model_validate(parsed)
    except ValidationError as exc:
        raise _error(problem_from_validation(exc)) from None
    if clip.version < 1:
        raise ClipboardError(
            "version", f"{clip.version} is not a valid version", f"รุ่น {clip.version} ไม่ถูกต้อง"
        )
    _check_references(clip)
    return clip


def can_paste(data: str) -> bool:
    """Whether ``data`` is clipboard text that :func:`paste_objectives` accepts (for enabling Paste)."""
    try:
        _read(data)
    except ClipboardError:
        return False
    return True


def _too_large(size: int) -> ClipboardError:
    limit_mb = MAX_CLIPBOARD_BYTES // (1024 * 1024)
    return ClipboardError(
        "",
        f"the clipboard holds too much data ({size:,} bytes; the limit is {limit_mb} MB)",
        f"ข้อมูลในคลิปบอร์ดใหญ่เกินไป ({size:,} ไบต์ เกินขีดจำกัด {limit_mb} MB)",
    )


def _check_references(clip: _Clipboard) -> None:
    first: dict[str, int] = {}
    for i, o in enumerate(clip.objectives):
        if first.setdefault(o.id, i) != i:
            raise ClipboardError(
                f"objectives[{i}].id",
                f"the objective id {o.id!r} appears twice",
                f"รหัสเป้าประสงค์ {o.id!r} ซ้ำกัน",
            )
    refs = [(f"links[{i}].source", lk.source) for i, lk in enumerate(clip.links)]
    refs += [(f"links[{i}].target", lk.target) for i, lk in enumerate(clip.links)]
    refs += [(f"rows[{i}].objective", r.objective) for i, r in enumerate(clip.rows)]
    for where, ref in refs:
        if ref not in first:
            raise ClipboardError(
                where,
                f"{ref!r} is not one of the copied objectives",
                f"{ref!r} ไม่ใช่เป้าประสงค์ที่คัดลอกมา",
            )


# -- pasting --------------------------------------------------------------------------------------


def paste_objectives(
    route_map: RouteMap, data: str, at: tuple[float, float] | None = None
) -> tuple[list[Objective], list[Link], list[Row]]:
    """New objectives, links and table rows for ``route_map`` from clipboard text (the map itself
    is not changed). Ids and codes are fresh for the map; the boxes keep their arrangement and
    cover no existing box. ``at`` is where the group's top-left should go (a scene point; its
    height counts for the band it falls in), else near where the objectives were copied from.
    Raises :class:`ClipboardError` for text that is not a valid srmtool clipboard."""
    clip = _read(data)
    _check_room(route_map, clip)
    scratch = route_map.model_copy(
        update={
            "objectives": list(route_map.objectives),
            "table": Table(columns=route_map.table.columns, rows=list(route_map.table.rows)),
        }
    )
    scratch.touch()
    layout = compute_layout(route_map)
    spots = _place(route_map, layout, clip, at)
    partners = _partner_ids(route_map, clip)
    new_ids: dict[str, str] = {}
    objectives: list[Objective] = []
    for entry, (x, y) in zip(clip.objectives, spots, strict=True):
        o = Objective(
            id=scratch.new_id("o"),
            code=scratch.new_code(entry.perspective),
            perspective=entry.perspective,
            text=entry.text,
            x=x,
            y=y,
            key_route=entry.key_route,
            notes=entry.notes,
            stakeholders=list(dict.fromkeys(partners[s] for s in entry.stakeholders if s in partners)),
        )
        scratch.objectives.append(o)
        objectives.append(o)
        new_ids[entry.id] = o.id
    links: list[Link] = []
    for lk in clip.links:
        link = Link(source=new_ids[lk.source], target=new_ids[lk.target])
        if link.source != link.target and link not in links:
            links.append(link)
    columns = _column_keys(route_map, clip)
    rows: list[Row] = []
    for r in clip.rows:
        cells = {columns[k]: v for k, v in r.cells.items() if k in columns}
        row = Row(id=scratch.new_id("r"), objective=new_ids[r.objective], cells=cells)
        scratch.table.rows.append(row)
        rows.append(row)
    return objectives, links, rows


def _check_room(route_map: RouteMap, clip: _Clipboard) -> None:
    """Refuse a paste that would take the map past a limit (it could not be saved)."""
    for have, adding, limit, en, th in (
        (len(route_map.objectives), len(clip.objectives), MAX_OBJECTIVES, "objectives", "เป้าประสงค์"),
        (len(route_map.links), len(clip.links), MAX_LINKS, "links", "เส้นเชื่อม"),
        (len(route_map.table.rows), len(clip.rows), MAX_ROWS, "table rows", "แถวในตาราง"),
    ):
        if have + adding > limit:
            raise ClipboardTooMuch(
                "",
                f"the map would have too many {en} ({have + adding:,}; the limit is {limit:,})",
                f"แผนที่จะมี{th}มากเกินไป ({have + adding:,} รายการ เกินขีดจำกัด {limit:,})",
            )


def _partner_ids(route_map: RouteMap, clip: _Clipboard) -> dict[str, str]:
    """Copied partner id -> the target map's partner: the same id and name, else the same name."""
    by_name = {s.name.strip(): s.id for s in reversed(route_map.stakeholders) if s.name.strip()}
    found: dict[str, str] = {}
    for s in clip.stakeholders:
        same = route_map.stakeholder(s.id)
        if same is not None and same.name.strip() == s.name.strip():
            found[s.id] = s.id
        elif s.name.strip() in by_name:
            found[s.id] = by_name[s.name.strip()]
    return found


def _column_keys(route_map: RouteMap, clip: _Clipboard) -> dict[str, str]:
    """Copied column key -> the target's key: the same key, else a column with the same heading."""
    keys = {c.key for c in route_map.table.columns if c.key != OBJECTIVE_COLUMN}
    by_label = {c.label.strip(): c.key for c in reversed(route_map.table.columns) if c.key in keys}
    found = {k: k for k in keys}
    for c in clip.columns:
        if c.key not in keys and c.label.strip() in by_label:
            found[c.key] = by_label[c.label.strip()]
    return found


def _place(
    route_map: RouteMap, layout: MapLayout, clip: _Clipboard, at: tuple[float, float] | None
) -> list[tuple[float, float]]:
    """Top-left of each pasted box: the copied arrangement, shifted right (and down inside its
    band) by whole box steps until it covers no existing box and grows no band; else right of
    every box."""
    left = max(_LEFT, at[0] if at is not None else clip.left)
    at_band: str | None = None
    anchor = 0.0  # in the band ``at`` points into, the group's top goes to ``at``'s height
    if at is not None:
        at_band = layout.band_at(at[1])
        tops = [o.dy for o in clip.objectives if o.perspective == at_band]
        anchor = at[1] - min(tops, default=0.0)
    start: list[tuple[float, float]] = []
    for o in clip.objectives:
        band = layout.bands[o.perspective]
        y = (anchor if o.perspective == at_band else band.y) + o.dy
        start.append((left + o.dx, max(y, band.y + BAND_PAD)))
    bottoms = [layout.bands[o.perspective].bottom - BAND_PAD for o in clip.objectives]

    def inside(i: int, box: Rect) -> bool:
        return box.bottom <= bottoms[i]  # a taller band would move the bands below and their boxes

    shifts = (
        ((total - down) * _STEP_X, down * _STEP_Y) for total in range(40) for down in range(min(total, 2) + 1)
    )
    found = first_free_place(shifts, list(layout.boxes.values()), start, fits=inside)
    if found is None:
        right = max((b.right for b in layout.boxes.values()), default=_LEFT)
        found = (max(0.0, right + BOX_GAP - left), 0.0)
    return [(x + found[0], y + found[1]) for x, y in start]
