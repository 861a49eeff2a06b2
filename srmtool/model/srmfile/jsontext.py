"""From the bytes of a `.srm` file to JSON data: UTF-8 only, a nesting limit checked before parsing,
no NaN or Infinity, and parser errors with their line and column (DESIGN.md §3)."""

from __future__ import annotations

import json
from itertools import accumulate
from typing import Any, Final

from pydantic_core import to_json

from srmtool.model.srmfile.validate import MAX_DEPTH, FileProblem

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


def check_depth(data: bytes) -> int:
    """The nesting depth of ``data``; refuses more than ``MAX_DEPTH``."""
    depth = nesting_depth(data)
    if depth > MAX_DEPTH:
        raise FileProblem(
            "",
            f"the data is nested too deeply ({depth} levels; the limit is {MAX_DEPTH})",
            f"ข้อมูลซ้อนกันลึกเกินไป ({depth} ชั้น เกินขีดจำกัด {MAX_DEPTH} ชั้น)",
        )
    return depth


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
