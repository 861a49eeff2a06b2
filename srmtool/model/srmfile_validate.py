"""The checks a `.srm` file must pass before it becomes a map (DESIGN.md §3), and their limits.

Every check raises :class:`FileProblem` carrying the place in the file and a Thai and an English
message; ``srmtool.model.srmfile`` turns it into a ``MapFileError`` that also names the file.
References that point nowhere (a link, a table row, a stakeholder id) are *not* checked here: such a
map loads, and ``check_map`` reports them.
"""

from __future__ import annotations

import json
from itertools import accumulate
from typing import Any, Final

from pydantic import ValidationError
from pydantic_core import to_json

from srmtool.model.types import FORMAT, PERSPECTIVE_IDS, VERSION, RouteMap

#: A file larger than this is refused from its size alone, without reading it.
MAX_FILE_BYTES: Final = 20 * 1024 * 1024
#: Deepest nesting of JSON arrays and objects (a map needs 5; unknown keys may add a few).
MAX_DEPTH: Final = 64
MAX_OBJECTIVES: Final = 20_000
MAX_LINKS: Final = 100_000
MAX_STAKEHOLDERS: Final = 10_000
MAX_ROWS: Final = 50_000
MAX_COLUMNS: Final = 200
#: Longest id, column key or code, in characters.
MAX_ID_CHARS: Final = 256
#: Longest text of any other kind (objective text, notes, a table cell, a label), in characters.
MAX_TEXT_CHARS: Final = 100_000
#: Largest distance of a box from the origin, in scene units.
MAX_COORDINATE: Final = 1_000_000.0
#: Widest table column, in Excel character widths.
MAX_COLUMN_WIDTH: Final = 10_000

#: What each top-level list may hold at most, with the Thai and English names of its items.
COUNT_LIMITS: Final[dict[str, tuple[int, str, str]]] = {
    "objectives": (MAX_OBJECTIVES, "เป้าประสงค์", "objectives"),
    "links": (MAX_LINKS, "เส้นเชื่อม", "links"),
    "stakeholders": (MAX_STAKEHOLDERS, "ภาคี", "stakeholders"),
}


class FileProblem(Exception):
    """Something wrong at ``where`` in the file; the file name is added by the caller."""

    def __init__(self, where: str, message_en: str, message_th: str) -> None:
        super().__init__(message_en)
        self.where = where
        self.message_en = message_en
        self.message_th = message_th


# -- bytes to JSON --------------------------------------------------------------------------------

_UTF8_BOM: Final = b"\xef\xbb\xbf"
_NOT_UTF8_TH: Final = "ไฟล์นี้ไม่ใช่ข้อความ JSON แบบ UTF-8"
_NOT_UTF8_EN: Final = "this file is not UTF-8 JSON text"


def _line_col(data: bytes | str, pos: int) -> str:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, pos) + 1  # type: ignore[arg-type]
    col = pos - (data.rfind(newline, 0, pos) + 1) + 1  # type: ignore[arg-type]
    return f"line {line}, column {col}"


def decode_text(data: bytes) -> str:
    """The file's text: UTF-8 (a UTF-8 byte-order mark is allowed), no NUL bytes, not empty."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem(
            "",
            f"{_NOT_UTF8_EN} (it is UTF-16; save it as UTF-8)",
            f"{_NOT_UTF8_TH} (เป็น UTF-16 ต้องบันทึกเป็น UTF-8)",
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        raise FileProblem(
            _line_col(data, nul),
            f"{_NOT_UTF8_EN} (it contains NUL bytes: UTF-16 or a binary file)",
            f"{_NOT_UTF8_TH} (มีไบต์ NUL อยู่ในไฟล์ อาจเป็น UTF-16 หรือไฟล์ไบนารี)",
        )
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(
            _line_col(data, exc.start),
            f"{_NOT_UTF8_EN} (byte {exc.start} is not UTF-8)",
            f"{_NOT_UTF8_TH} (ไบต์ที่ {exc.start} ไม่ใช่ UTF-8)",
        ) from None
    if not text.strip():
        raise FileProblem("", "the file is empty", "ไฟล์ว่างเปล่า ไม่มีข้อมูลแผนที่")
    return text


# Bytes that matter for nesting: brackets, and the quotes that start and end strings.
_KEEP: Final = frozenset(b'"[]{}')
_DELETE: Final = bytes(b for b in range(256) if b not in _KEEP)
_DEPTH_STEP: Final = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def nesting_depth(data: bytes) -> int:
    """How deep arrays and objects nest in the JSON text ``data``, without parsing it.

    A few linear C-speed passes: drop escaped backslashes and quotes, keep only quotes and brackets,
    drop the brackets inside string literals, then follow the rest. Exact for valid JSON; for broken
    JSON the parser reports the fault afterwards. (UTF-8 multi-byte sequences never contain these
    ASCII bytes.)
    """
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")  # escaped backslashes, then quotes
    # Taking out two neighbouring quotes keeps every other byte inside or outside a string as it
    # was; what stays between the remaining quotes (odd pieces) is inside strings.
    marks = data.translate(None, _DELETE).replace(b'""', b"")
    if b'"' in marks:
        marks = b"".join(marks.split(b'"')[::2])
    return max(accumulate(map(_DEPTH_STEP.__getitem__, marks)), default=0)


def check_depth(data: bytes) -> None:
    depth = nesting_depth(data)
    if depth > MAX_DEPTH:
        raise FileProblem(
            "",
            f"the data is nested too deeply ({depth} levels; the limit is {MAX_DEPTH})",
            f"ข้อมูลซ้อนกันลึกเกินไป ({depth} ชั้น เกินขีดจำกัด {MAX_DEPTH} ชั้น)",
        )


class _NotFinite(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotFinite(name)


def _finite_float(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        raise _NotFinite(literal)
    return value


# Thai for the messages of Python's JSON parser, by their beginning.
_JSON_MESSAGES_TH: Final = (
    ("Expecting value", "ต้องมีค่าตรงนี้"),
    ("Expecting ',' delimiter", "ขาดเครื่องหมายจุลภาค (,)"),
    ("Expecting ':' delimiter", "ขาดเครื่องหมายทวิภาค (:)"),
    ("Expecting property name enclosed in double quotes", 'ชื่อคีย์ต้องอยู่ในเครื่องหมายคำพูด (")'),
    ("Unterminated string", "ข้อความในเครื่องหมายคำพูดไม่มีเครื่องหมายปิด"),
    ("Invalid control character", "มีอักขระควบคุมอยู่ในข้อความ"),
    ("Invalid \\escape", "ลำดับ \\ ในข้อความไม่ถูกต้อง"),
    ("Invalid \\uXXXX escape", "รหัส \\uXXXX ในข้อความไม่ถูกต้อง"),
    ("Extra data", "มีข้อมูลเกินหลังจบเอกสาร JSON"),
)


def parse_json(text: str) -> Any:
    """``json.loads`` with NaN and Infinity refused and errors as :class:`FileProblem`."""
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        at_end = not text[exc.pos :].strip() and exc.msg != "Extra data"
        cut_string = exc.msg.startswith("Unterminated string") and '"' not in text[exc.pos + 1 :]
        if at_end or cut_string:
            raise FileProblem(
                where,
                f"the file ends too early; it may have been cut off or not fully saved ({exc.msg})",
                "ไฟล์จบกลางคัน อาจถูกตัดหรือบันทึกไม่ครบ",
            ) from None
        reason_th = next((th for en, th in _JSON_MESSAGES_TH if exc.msg.startswith(en)), exc.msg)
        raise FileProblem(
            where,
            f"this is not valid JSON: {exc.msg}",
            f"ไฟล์นี้ไม่ใช่ JSON ที่ถูกต้อง ({where.replace('line', 'บรรทัด').replace('column', 'คอลัมน์')}): "
            f"{reason_th}",
        ) from None
    except _NotFinite as exc:
        raise FileProblem(
            "",
            f"the number {exc} is not allowed; numbers must be finite",
            f"ใช้ตัวเลข {exc} ไม่ได้ ตัวเลขในไฟล์ต้องเป็นค่าจำกัด",
        ) from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer with too many digits
        raise FileProblem("", f"this is not valid JSON: {exc}", "ไฟล์นี้ไม่ใช่ JSON ที่ถูกต้อง") from None


def check_encodable(raw: Any) -> None:
    """Refuse text that cannot be written back as UTF-8: a lone half of a surrogate pair (\\uD800)."""
    try:
        to_json(raw)
    except ValueError:
        raise FileProblem(
            "",
            "the file holds a \\u escape for half a character (a lone surrogate), which cannot be saved",
            "ไฟล์มีรหัส \\u ของอักขระที่ไม่สมบูรณ์ (surrogate เดี่ยว) ซึ่งบันทึกกลับไม่ได้",
        ) from None


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
        f"too many {name_en} ({count}; the limit is {limit})",
        f"มี{name_th}มากเกินไป ({count} รายการ เกินขีดจำกัด {limit})",
    )


def check_counts(data: dict[str, Any]) -> None:
    """List lengths, checked on the raw data so that a huge list is refused before it is converted."""
    for key, (limit, name_th, name_en) in COUNT_LIMITS.items():
        items = data.get(key)
        if isinstance(items, list) and len(items) > limit:
            raise _too_many(key, len(items), limit, name_th, name_en)
    table = data.get("table")
    if isinstance(table, dict):
        for key, limit, name_th, name_en in (
            ("columns", MAX_COLUMNS, "คอลัมน์", "columns"),
            ("rows", MAX_ROWS, "แถวในตาราง", "table rows"),
        ):
            items = table.get(key)
            if isinstance(items, list) and len(items) > limit:
                raise _too_many(f"table.{key}", len(items), limit, name_th, name_en)


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


def _long_text(where: str, length: int) -> FileProblem:
    return FileProblem(
        where,
        f"the text is too long ({length} characters; the limit is {MAX_TEXT_CHARS})",
        f"ข้อความยาวเกินไป ({length} ตัวอักษร เกินขีดจำกัด {MAX_TEXT_CHARS})",
    )


def _check_lengths(route_map: RouteMap) -> None:
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
        if len(o.text) > limit or len(o.notes) > limit or len(o.code) > MAX_ID_CHARS:
            name = "code" if len(o.code) > MAX_ID_CHARS else "text" if len(o.text) > limit else "notes"
            raise _long_text(f"objectives[{i}].{name}", len(getattr(o, name)))
        if len(o.stakeholders) > MAX_STAKEHOLDERS:
            raise _too_many(
                f"objectives[{i}].stakeholders", len(o.stakeholders), MAX_STAKEHOLDERS, "ภาคี", "stakeholders"
            )
    for i, s in enumerate(route_map.stakeholders):
        for name in ("name", "kind", "role"):
            if len(getattr(s, name)) > limit:
                raise _long_text(f"stakeholders[{i}].{name}", len(getattr(s, name)))
    for i, c in enumerate(route_map.table.columns):
        if len(c.label) > limit:
            raise _long_text(f"table.columns[{i}].label", len(c.label))
    for i, r in enumerate(route_map.table.rows):
        if len(r.cells) > MAX_COLUMNS:
            raise _too_many(f"table.rows[{i}].cells", len(r.cells), MAX_COLUMNS, "ช่อง", "cells")
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
    for i, c in enumerate(route_map.table.columns):
        if not 0 <= c.width <= MAX_COLUMN_WIDTH:
            raise FileProblem(
                f"table.columns[{i}].width",
                f"the column width must be between 0 and {MAX_COLUMN_WIDTH:,}",
                f"ความกว้างคอลัมน์ต้องอยู่ระหว่าง 0 ถึง {MAX_COLUMN_WIDTH:,}",
            )


def check_map_structure(route_map: RouteMap, *, lengths: bool = True) -> None:
    """What the types cannot say: the four perspectives, unique ids, limits.

    ``lengths=False`` skips the per-string length scan (the caller knows no string can be too long,
    e.g. because the whole file is shorter than the limit).
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
    counts = {
        "objectives": len(route_map.objectives),
        "links": len(route_map.links),
        "stakeholders": len(route_map.stakeholders),
    }
    for key, (limit, name_th, name_en) in COUNT_LIMITS.items():
        if counts[key] > limit:
            raise _too_many(key, counts[key], limit, name_th, name_en)
    table = route_map.table
    if len(table.columns) > MAX_COLUMNS:
        raise _too_many("table.columns", len(table.columns), MAX_COLUMNS, "คอลัมน์", "columns")
    if len(table.rows) > MAX_ROWS:
        raise _too_many("table.rows", len(table.rows), MAX_ROWS, "แถวในตาราง", "table rows")
    _check_ids([o.id for o in route_map.objectives], "objectives", "id", "objective id", "รหัสเป้าประสงค์")
    _check_ids([s.id for s in route_map.stakeholders], "stakeholders", "id", "stakeholder id", "รหัสภาคี")
    _check_ids([c.key for c in table.columns], "table.columns", "key", "column key", "คีย์คอลัมน์")
    _check_ids([r.id for r in table.rows], "table.rows", "id", "row id", "รหัสแถว")
    _check_numbers(route_map)
    if lengths:
        _check_lengths(route_map)
