"""Reading filled-in progress forms back (``srmtool.model.progress.form``): untrusted input.

``read_form(path, route_map, period)`` checks the file as an import does (``safety``: size, zip
bombs, entities, encodings, cell counts, encrypted and old files) before openpyxl parses it, then
refuses — with ``ImportRefused``, in Thai and English — a workbook that is not one of our forms, a
form of another map or period, and a form with rows that are not the map's (a row id the map does
not have, a filled row without an id, a row listed twice). What it reads is values only: a cell
holding a formula is never evaluated nor taken; it is listed (``FormReading.formulas``) and left
out, as are values it cannot read (a status not in the list, a number that is none, a date that is
none), each named by its cell. A blank cell changes nothing: a form only adds or corrects.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.importer.errors import ImportRefused
from srmtool.importer.safety import check_workbook
from srmtool.model.edits.progress import parse_number
from srmtool.model.limits import MAX_AMOUNT, MAX_TEXT_CHARS
from srmtool.model.numbers import BUDDHIST_ERA_OFFSET, to_arabic_digits
from srmtool.model.plan import plan_of
from srmtool.model.progress import form
from srmtool.model.progress.periods import Period
from srmtool.model.progress.records import Status
from srmtool.model.types import RouteMap

_ROW_KEYS = [key for key, *_ in form.ROW_COLUMNS]
_MILESTONE_KEYS = [key for key, *_ in form.MILESTONE_COLUMNS]


@dataclass
class FormRow:
    """What a form says about one table row (None / "": the cell was blank)."""

    row_id: str
    sheet_row: int
    status: Status | None = None
    result: str = ""
    value: Decimal | None = None
    spent: Decimal | None = None
    note: str = ""
    by: str = ""
    at: dt.date | None = None

    @property
    def empty(self) -> bool:
        return (self.status, self.result, self.value, self.spent, self.note, self.by, self.at) == (
            None, "", None, None, "", "", None,
        )  # fmt: skip


@dataclass
class FormReading:
    """A form read: its rows and milestones, and what was left out, by cell ("I7: …")."""

    name: str
    rows: list[FormRow] = field(default_factory=list)
    milestones: dict[str, bool] = field(default_factory=dict)
    formulas: list[str] = field(default_factory=list)  # cells holding a formula, left out
    unread: list[tuple[str, str, str]] = field(default_factory=list)  # (cell, Thai reason, English reason)


def _cell_name(ws: Worksheet, row: int, column: int) -> str:
    return f"{ws.title}!{get_column_letter(column)}{row}"


def _open(path: Path) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(path, data_only=False)
    except Exception as exc:  # any damage openpyxl finds: one readable message
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        raise ImportRefused("corrupt", name=path.name, reason=reason) from None


def _meta(workbook: Any, name: str) -> dict[str, str]:
    if form.META_SHEET not in workbook.sheetnames or form.ROWS_SHEET not in workbook.sheetnames:
        raise ImportRefused("form_not_form", name=name)
    ws = workbook[form.META_SHEET]
    found: dict[str, str] = {}
    for r in range(1, len(form.META_KEYS) + 3):
        key, value = ws.cell(r, 1).value, ws.cell(r, 2).value
        if isinstance(key, str) and key in form.META_KEYS:
            found[key] = value if isinstance(value, str) else "" if value is None else str(value)
    if found.get("format") != form.FORM_FORMAT:
        raise ImportRefused("form_not_form", name=name)
    if found.get("version", "") != str(form.FORM_VERSION):
        raise ImportRefused("form_version", name=name, version=found.get("version", ""))
    return found


def _same_map(meta: dict[str, str], route_map: RouteMap) -> bool:
    """The form's map is this one: the same id when both have one, else the same creation time
    when both have one, else the same title."""
    mine, theirs = form.map_id(route_map), meta.get("map_id", "")
    if mine and theirs:
        return mine == theirs
    created = route_map.meta.created
    if created and meta.get("map_created"):
        return created == meta["map_created"]
    return " ".join(route_map.meta.title.split()) == " ".join(meta.get("map_title", "").split())


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text[:MAX_TEXT_CHARS]


def _number(value: object) -> Decimal | None:
    """A number from a cell; raises ValueError for text that is none."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("a true/false cell")
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
        if not number.is_finite():
            raise ValueError("not a finite number")
    else:
        found = parse_number(str(value))
        if found is None:
            return None
        number = found
    if abs(number) > MAX_AMOUNT:
        raise ValueError("too large")
    return number


def _date(value: object) -> dt.date | None:
    """A date from a cell: a date value, ISO text, or d/m/yyyy with a Buddhist Era year."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = to_arabic_digits(str(value)).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    parts = text.replace("-", "/").replace(".", "/").split("/")
    if len(parts) == 3 and all(p.strip().isdigit() for p in parts):
        day, month, year = (int(p) for p in parts)
        if year > 2400:
            year -= BUDDHIST_ERA_OFFSET
        return dt.date(year, month, day)
    raise ValueError("not a date")


def _formula(cell: Any) -> bool:
    return getattr(cell, "data_type", None) == "f" or (
        isinstance(cell.value, str) and cell.value.startswith("=")
    )


def _filled_rows(ws: Worksheet, width: int) -> dict[int, dict[int, Any]]:
    """The cells holding something at or under the first data row, by sheet row and column
    (only cells that exist: a style far down the sheet costs nothing)."""
    rows: dict[int, dict[int, Any]] = {}
    for (r, c), cell in ws._cells.items():
        if r >= form.FIRST_DATA_ROW and c <= width and cell.value is not None and _text(cell.value) != "":
            rows.setdefault(r, {})[c] = cell
    return dict(sorted(rows.items()))


def _read_rows(ws: Worksheet, reading: FormReading, route_map: RouteMap, name: str) -> None:
    known = {r.id for r in route_map.table.rows}
    seen: dict[str, int] = {}
    for r, cells in _filled_rows(ws, len(_ROW_KEYS)).items():
        first = cells.get(1)
        row_id = _text(first.value) if first is not None else ""
        if not row_id:
            raise ImportRefused("form_row_without_id", name=name, row=r)
        if row_id not in known:
            raise ImportRefused("form_unknown_row", name=name, row=r, id=row_id)
        if row_id in seen:
            raise ImportRefused("form_row_twice", name=name, row=r, first=seen[row_id], id=row_id)
        seen[row_id] = r
        entry = FormRow(row_id, r)
        for c, (key, _, _, open_) in enumerate(form.ROW_COLUMNS, start=1):
            cell = cells.get(c)
            if not open_ or cell is None:
                continue
            where = _cell_name(ws, r, c)
            if _formula(cell):
                reading.formulas.append(where)
                continue
            _put(entry, key, cell.value, where, reading)
        reading.rows.append(entry)


def _put(entry: FormRow, key: str, value: object, where: str, reading: FormReading) -> None:
    try:
        if key == "status":
            text = _text(value)
            status = form.status_from(text) if text else None
            if text and status is None:
                raise ValueError("status")
            entry.status = status
        elif key in ("value", "spent"):
            number = _number(value)
            if key == "spent" and number is not None and number < 0:
                raise ValueError("negative")
            setattr(entry, key, number)
        elif key == "at":
            entry.at = _date(value)
        else:
            setattr(entry, key, _text(value))
    except ValueError:
        th, en = _REASONS[key]
        reading.unread.append((where, th, en))


_REASONS = {
    "status": ("สถานะไม่อยู่ในรายการ", "a status not in the list"),
    "value": ("ไม่ใช่ตัวเลข", "not a number"),
    "spent": ("ไม่ใช่จำนวนเงิน (ตัวเลขไม่ติดลบ)", "not an amount (a number not below zero)"),
    "at": ("ไม่ใช่วันที่", "not a date"),
}


def _read_milestones(workbook: Any, reading: FormReading, route_map: RouteMap, name: str) -> None:
    if form.MILESTONES_SHEET not in workbook.sheetnames:
        return
    ws = workbook[form.MILESTONES_SHEET]
    known = {m.id for m in plan_of(route_map).milestones}
    column = len(_MILESTONE_KEYS)
    for r, cells in _filled_rows(ws, column).items():
        first = cells.get(1)
        milestone_id = _text(first.value) if first is not None else ""
        if not milestone_id:
            raise ImportRefused("form_row_without_id", name=name, row=r)
        if milestone_id not in known:
            raise ImportRefused("form_unknown_milestone", name=name, row=r, id=milestone_id)
        cell = cells.get(column)
        if cell is None:
            continue
        where = _cell_name(ws, r, column)
        if _formula(cell):
            reading.formulas.append(where)
            continue
        answer = _text(cell.value)
        if answer in form.DONE_LABELS:
            reading.milestones[milestone_id] = form.DONE_LABELS[answer]
        else:
            reading.unread.append(
                (
                    where,
                    "ผลต้องเป็น “ทำแล้ว” หรือ “ยังไม่ได้ทำ”",
                    "the answer must be “ทำแล้ว” (done) or “ยังไม่ได้ทำ” (not done)",
                )
            )


def read_form(path: str | os.PathLike[str], route_map: RouteMap, period: Period) -> FormReading:
    """The filled form at ``path`` for ``route_map`` and ``period``; raises ``ImportRefused``."""
    p = Path(path)
    check_workbook(p)
    workbook = _open(p)
    meta = _meta(workbook, p.name)
    if not _same_map(meta, route_map):
        raise ImportRefused("form_other_map", name=p.name, title=meta.get("map_title", ""))
    if meta.get("period") != period.id:
        raise ImportRefused("form_other_period", name=p.name, period=meta.get("period", ""), wanted=period.id)
    reading = FormReading(p.name)
    _read_rows(workbook[form.ROWS_SHEET], reading, route_map, p.name)
    _read_milestones(workbook, reading, route_map, p.name)
    return reading
