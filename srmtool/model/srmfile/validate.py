"""The checks a `.srm` file must pass before it becomes a map, and a map before it is saved
(DESIGN.md §3); the limits themselves are in ``srmtool.model.limits``.

Every check raises :class:`FileProblem` carrying the place in the file and a Thai and an English
message; ``srmtool.model.srmfile.codec`` turns it into a ``MapFileError`` that also names the file.
References that point nowhere (a link, a table row, a stakeholder id) are *not* checked here: such a
map loads, and ``check_map`` reports them.
"""

from __future__ import annotations

import json
from typing import Any, Final

from pydantic import ValidationError

from srmtool.model.limits import (
    MAX_CODE_CHARS,
    MAX_COLUMN_WIDTH,
    MAX_COLUMNS,
    MAX_COORDINATE,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_ID_CHARS,
    MAX_LINKS,
    MAX_OBJECTIVES,
    MAX_ROWS,
    MAX_STAKEHOLDERS,
    MAX_TEXT_CHARS,
)
from srmtool.model.srmfile.additive import check_additive
from srmtool.model.srmfile.problem import FileProblem
from srmtool.model.types import FORMAT, MAX_VOTES, PERSPECTIVE_IDS, VERSION, VOTES_FIELD, RouteMap

__all__ = [
    "MAX_CODE_CHARS",
    "MAX_COLUMN_WIDTH",
    "MAX_COLUMNS",
    "MAX_COORDINATE",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_ID_CHARS",
    "MAX_LINKS",
    "MAX_OBJECTIVES",
    "MAX_ROWS",
    "MAX_STAKEHOLDERS",
    "MAX_TEXT_CHARS",
    "FileProblem",
    "check_counts",
    "check_header",
    "check_map_structure",
    "json_path",
    "problem_from_validation",
]

#: How long each list may be, by its place in the file, with the Thai and English names of its items.
LIST_LIMITS: Final[tuple[tuple[str, int, str, str], ...]] = (
    ("objectives", MAX_OBJECTIVES, "เป้าประสงค์", "objectives"),
    ("links", MAX_LINKS, "เส้นเชื่อม", "links"),
    ("stakeholders", MAX_STAKEHOLDERS, "ภาคี", "stakeholders"),
    ("table.columns", MAX_COLUMNS, "คอลัมน์", "columns"),
    ("table.rows", MAX_ROWS, "แถวในตาราง", "table rows"),
)


# -- JSON to a map --------------------------------------------------------------------------------


def check_header(data: Any) -> None:
    """``format`` and ``version`` first: a newer file gets a 'newer version' message, not type errors."""
    if not isinstance(data, dict):
        raise FileProblem(
            "",
            "this is not an srmtool map (the top level must be a JSON object)",
            "ไฟล์นี้ไม่ใช่แผนที่ของ srmtool (ข้อมูลชั้นนอกสุดต้องเป็นอ็อบเจกต์ JSON)",
        )
    if "format" not in data:
        raise FileProblem(
            "format",
            'this is not an srmtool map (no "format" key)',
            'ไฟล์นี้ไม่ใช่แผนที่ของ srmtool (ไม่มีคีย์ "format")',
        )
    if data["format"] != FORMAT:
        shown = json.dumps(data["format"], ensure_ascii=False)[:80]
        raise FileProblem(
            "format",
            f'this is not an srmtool map ("format" is {shown}, not "{FORMAT}")',
            f'ไฟล์นี้ไม่ใช่แผนที่ของ srmtool ("format" เป็น {shown} ไม่ใช่ "{FORMAT}")',
        )
    if "version" not in data:
        raise FileProblem(
            "version",
            'the "version" key (the file format version) is missing',
            'ไม่มีคีย์ "version" (รุ่นของรูปแบบไฟล์)',
        )
    version = data["version"]
    if type(version) is not int:
        shown = json.dumps(version, ensure_ascii=False)[:80]
        raise FileProblem(
            "version",
            f'"version" must be a whole number, not {shown}',
            f'"version" ต้องเป็นจำนวนเต็ม ไม่ใช่ {shown}',
        )
    if version > VERSION:
        raise FileProblem(
            "version",
            f"this file was made by a newer srmtool, version {version}; this one reads version {VERSION}."
            " Please update srmtool.",
            f"ไฟล์นี้สร้างด้วย srmtool รุ่นที่ใหม่กว่า (รูปแบบไฟล์รุ่น {version}) "
            f"โปรแกรมนี้อ่านได้ถึงรุ่น {VERSION} กรุณาอัปเดต srmtool",
        )
    if version < 1:
        raise FileProblem(
            "version", f"{version} is not a valid format version", f"รุ่นของรูปแบบไฟล์ {version} ไม่ถูกต้อง"
        )


def _too_many(where: str, count: int, limit: int, name_th: str, name_en: str) -> FileProblem:
    return FileProblem(
        where,
        f"too many {name_en} ({count:,}; the limit is {limit:,})",
        f"มี{name_th}มากเกินไป ({count:,} รายการ เกินขีดจำกัด {limit:,})",
    )


def _raw_list(data: Any, path: str) -> Any:
    for key in path.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data


def check_counts(data: dict[str, Any]) -> None:
    """List lengths, checked on the raw data so that a huge list is refused before it is converted."""
    for path, limit, name_th, name_en in LIST_LIMITS:
        items = _raw_list(data, path)
        if isinstance(items, list) and len(items) > limit:
            raise _too_many(path, len(items), limit, name_th, name_en)


def json_path(loc: tuple[int | str, ...]) -> str:
    """``("objectives", 4, "perspective")`` → ``objectives[4].perspective``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_TYPE_MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "missing": ("a required key is missing", "ขาดคีย์ที่ต้องมี"),
    "string_type": ("must be text (a JSON string)", "ต้องเป็นข้อความ (สตริง JSON)"),
    "float_type": ("must be a number", "ต้องเป็นตัวเลข"),
    "int_type": ("must be a whole number", "ต้องเป็นจำนวนเต็ม"),
    "bool_type": ("must be true or false", "ต้องเป็น true หรือ false"),
    "list_type": ("must be a list (a JSON array)", "ต้องเป็นรายการ (อาร์เรย์ JSON)"),
    "dict_type": ("must be an object (a JSON object)", "ต้องเป็นอ็อบเจกต์ JSON"),
    "model_type": ("must be an object (a JSON object)", "ต้องเป็นอ็อบเจกต์ JSON"),
    "model_attributes_type": ("must be an object (a JSON object)", "ต้องเป็นอ็อบเจกต์ JSON"),
}


def problem_from_validation(exc: ValidationError) -> FileProblem:
    """The first fault pydantic found, as a place in the file and a Thai and an English message."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = json_path(tuple(first["loc"]))
    more_en = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    more_th = f" (และปัญหาอื่นอีก {len(errors) - 1} จุด)" if len(errors) > 1 else ""
    kind = first["type"]
    if kind == "literal_error" and first["loc"][-1:] in (("perspective",), ("id",)):
        shown = json.dumps(first["input"], ensure_ascii=False)[:80]
        ids = ", ".join(PERSPECTIVE_IDS)
        en = f"unknown perspective id {shown}; it must be one of {ids}"
        th = f"ไม่รู้จักรหัสระดับ (perspective) {shown} ต้องเป็นหนึ่งใน {ids}"
    elif kind in _TYPE_MESSAGES:
        en, th = _TYPE_MESSAGES[kind]
    else:
        en, th = str(first["msg"]), "ข้อมูลไม่ถูกต้อง"
    return FileProblem(where, en + more_en, th + more_th)


def _duplicate(where: str, value: str, first_at: str, kind_en: str, kind_th: str) -> FileProblem:
    shown = json.dumps(value, ensure_ascii=False)
    return FileProblem(
        where,
        f"duplicate {kind_en} {shown} (already used at {first_at})",
        f"{kind_th} {shown} ซ้ำ (ใช้ไปแล้วที่ {first_at})",
    )


def _check_ids(ids: list[str], where: str, field: str, kind_en: str, kind_th: str) -> None:
    seen: dict[str, int] = {}
    for i, value in enumerate(ids):
        if not value or len(value) > MAX_ID_CHARS:
            raise FileProblem(
                f"{where}[{i}].{field}",
                f"the {kind_en} must be 1 to {MAX_ID_CHARS} characters long",
                f"{kind_th}ต้องยาว 1 ถึง {MAX_ID_CHARS} ตัวอักษร",
            )
        j = seen.setdefault(value, i)
        if j != i:
            raise _duplicate(f"{where}[{i}].{field}", value, f"{where}[{j}]", kind_en, kind_th)


def _long_text(where: str, length: int, limit: int = MAX_TEXT_CHARS) -> FileProblem:
    return FileProblem(
        where,
        f"the text is too long ({length:,} characters; the limit is {limit:,})",
        f"ข้อความยาวเกินไป ({length:,} ตัวอักษร เกินขีดจำกัด {limit:,} ตัวอักษร)",
    )


def _check_sizes(route_map: RouteMap) -> None:
    """The limits that a short file can break too: codes, and the lists inside an objective or a row."""
    for i, o in enumerate(route_map.objectives):
        if len(o.code) > MAX_CODE_CHARS:
            raise _long_text(f"objectives[{i}].code", len(o.code), MAX_CODE_CHARS)
        if len(o.stakeholders) > MAX_STAKEHOLDERS:
            raise _too_many(
                f"objectives[{i}].stakeholders", len(o.stakeholders), MAX_STAKEHOLDERS, "ภาคี", "stakeholders"
            )
    for i, r in enumerate(route_map.table.rows):
        if len(r.cells) > MAX_COLUMNS:
            raise _too_many(f"table.rows[{i}].cells", len(r.cells), MAX_COLUMNS, "ช่อง", "cells")


def _check_texts(route_map: RouteMap) -> None:
    """``MAX_TEXT_CHARS`` for every text (which no file shorter than that can break)."""
    limit = MAX_TEXT_CHARS
    meta = route_map.meta
    for name in ("title", "organization", "area", "period", "created", "modified"):
        if len(getattr(meta, name)) > limit:
            raise _long_text(f"meta.{name}", len(getattr(meta, name)))
    for i, author in enumerate(meta.authors):
        if len(author) > limit:
            raise _long_text(f"meta.authors[{i}]", len(author))
    if len(route_map.destination) > limit:
        raise _long_text("destination", len(route_map.destination))
    for i, p in enumerate(route_map.perspectives):
        if len(p.label) > limit:
            raise _long_text(f"perspectives[{i}].label", len(p.label))
    for i, o in enumerate(route_map.objectives):
        if len(o.text) > limit or len(o.notes) > limit:
            name = "text" if len(o.text) > limit else "notes"
            raise _long_text(f"objectives[{i}].{name}", len(getattr(o, name)))
    for i, s in enumerate(route_map.stakeholders):
        for name in ("name", "kind", "role"):
            if len(getattr(s, name)) > limit:
                raise _long_text(f"stakeholders[{i}].{name}", len(getattr(s, name)))
    for i, c in enumerate(route_map.table.columns):
        if len(c.label) > limit:
            raise _long_text(f"table.columns[{i}].label", len(c.label))
    for i, r in enumerate(route_map.table.rows):
        if r.cells and max(map(len, r.cells.values())) > limit:
            key = next(k for k, v in r.cells.items() if len(v) > limit)
            raise _long_text(f"table.rows[{i}].cells.{key}", len(r.cells[key]))


def _check_numbers(route_map: RouteMap) -> None:
    bound = MAX_COORDINATE
    for i, o in enumerate(route_map.objectives):
        if not (-bound <= o.x <= bound and -bound <= o.y <= bound):  # also false for NaN
            raise FileProblem(
                f"objectives[{i}]",
                f"the position ({o.x}, {o.y}) is outside ±{bound:,.0f}",
                f"ตำแหน่ง ({o.x}, {o.y}) อยู่นอกช่วง ±{bound:,.0f}",
            )
        if o.model_extra and VOTES_FIELD in o.model_extra:
            _check_votes(o.model_extra[VOTES_FIELD], f"objectives[{i}].{VOTES_FIELD}")
    for i, c in enumerate(route_map.table.columns):
        if not 0 <= c.width <= MAX_COLUMN_WIDTH:
            raise FileProblem(
                f"table.columns[{i}].width",
                f"the column width must be between 0 and {MAX_COLUMN_WIDTH:,}",
                f"ความกว้างคอลัมน์ต้องอยู่ระหว่าง 0 ถึง {MAX_COLUMN_WIDTH:,}",
            )


def _check_votes(value: Any, where: str) -> None:
    """Dot votes are a whole number from 0 to ``MAX_VOTES``; anything else is refused like any other
    bad value (not clamped: a vote count that is wrong says the file was edited by hand or damaged)."""
    if type(value) is not int or not 0 <= value <= MAX_VOTES:
        shown = json.dumps(value, ensure_ascii=False)[:80]
        raise FileProblem(
            where,
            f"the number of votes must be a whole number from 0 to {MAX_VOTES:,}, not {shown}",
            f"จำนวนโหวตต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง {MAX_VOTES:,} ไม่ใช่ {shown}",
        )


def check_map_structure(route_map: RouteMap, *, texts: bool = True) -> None:
    """What the types cannot say: the four perspectives, unique ids, limits. Loading and saving
    check the same, so a map that loads can be saved.

    ``texts=False`` skips the ``MAX_TEXT_CHARS`` scan of every text (the caller knows no text can
    be that long, because the whole file is shorter); every other limit is still checked.
    """
    perspectives = route_map.perspectives
    ids = [p.id for p in perspectives]
    if ids != list(PERSPECTIVE_IDS):
        expected = ", ".join(PERSPECTIVE_IDS)
        if len(ids) != len(PERSPECTIVE_IDS):
            raise FileProblem(
                "perspectives",
                f"there must be exactly 4 perspectives ({expected}, in that order); found {len(ids)}",
                f"ต้องมีระดับ (perspectives) 4 ระดับพอดี คือ {expected} ตามลำดับ แต่พบ {len(ids)} ระดับ",
            )
        i = next(i for i, (got, want) in enumerate(zip(ids, PERSPECTIVE_IDS, strict=True)) if got != want)
        raise FileProblem(
            f"perspectives[{i}].id",
            f'perspective {i + 1} must be "{PERSPECTIVE_IDS[i]}", not "{ids[i]}" (order: {expected})',
            f'ระดับที่ {i + 1} ต้องเป็น "{PERSPECTIVE_IDS[i]}" ไม่ใช่ "{ids[i]}" (ลำดับคือ {expected})',
        )
    table = route_map.table
    counts = {
        "objectives": len(route_map.objectives),
        "links": len(route_map.links),
        "stakeholders": len(route_map.stakeholders),
        "table.columns": len(table.columns),
        "table.rows": len(table.rows),
    }
    for path, limit, name_th, name_en in LIST_LIMITS:
        if counts[path] > limit:
            raise _too_many(path, counts[path], limit, name_th, name_en)
    _check_ids([o.id for o in route_map.objectives], "objectives", "id", "objective id", "รหัสเป้าประสงค์")
    _check_ids([s.id for s in route_map.stakeholders], "stakeholders", "id", "stakeholder id", "รหัสภาคี")
    _check_ids([c.key for c in table.columns], "table.columns", "key", "column key", "คีย์คอลัมน์")
    _check_ids([r.id for r in table.rows], "table.rows", "id", "row id", "รหัสแถว")
    _check_numbers(route_map)
    _check_sizes(route_map)
    if texts:
        _check_texts(route_map)
    check_additive(route_map)
