"""Reading and writing `.srm` files (DESIGN.md §3).

- ``load_map`` / ``loads_map`` return a complete ``RouteMap`` or raise ``MapFileError`` (naming the
  file and the place, in Thai and English); they never execute anything from the file and never
  return a half-read map. Links, rows and stakeholder ids that point nowhere still load.
- ``dumps_map`` gives the canonical bytes: UTF-8, 2-space indent, a trailing newline, known keys in
  the order of DESIGN §3 followed by unknown keys sorted by name, lists in the map's order, numbers
  rounded to 2 decimals and written without ``.0`` when whole. Saving a loaded map and loading it
  again gives the same bytes. Nothing is stamped: ``meta.modified`` is set by an operation.
- ``save_map`` replaces the file atomically and keeps the previous version as ``NAME.srm.bak``; at
  no instant is the file missing or partly written, and a failed save leaves it untouched.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import math
import os
import re
import stat
from collections.abc import Iterator
from typing import Any, Final

from pydantic import BaseModel, ValidationError
from pydantic_core import to_json

from srmtool.model.errors import MapFileError
from srmtool.model.plan import PLAN_KEY, SIGNERS_KEY, STYLE_KEY
from srmtool.model.srmfile.additive import canonical_plan, canonical_signers, canonical_style
from srmtool.model.srmfile.jsontext import check_depth, check_encodable, decode_text, parse_json
from srmtool.model.srmfile.progress_file import PROGRESS_FIELD, canonical_progress
from srmtool.model.srmfile.validate import (
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
    FileProblem,
    check_counts,
    check_header,
    check_map_structure,
    problem_from_validation,
)
from srmtool.model.srmfile.writing import BACKUP_SUFFIX, backup_path, write_atomically
from srmtool.model.types import RouteMap

__all__ = [
    "BACKUP_SUFFIX",
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
    "backup_path",
    "dumps_map",
    "load_map",
    "loads_map",
    "save_map",
]

# A \uD800-\uDFFF escape: half of a surrogate pair, which may stand alone (not storable as UTF-8).
_SURROGATE_ESCAPE_RE: Final = re.compile(rb"\\u[dD][89a-fA-F]")


# -- loading --------------------------------------------------------------------------------------


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Building tens of thousands of objects triggers needless full collections; pause them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _error(origin: str, problem: FileProblem) -> MapFileError:
    return MapFileError(origin, problem.where, problem.message_en, problem.message_th)


def loads_map(data: bytes, origin: str = "<memory>") -> RouteMap:
    """The map in ``data`` (the bytes of a `.srm` file); ``origin`` names it in error messages."""
    try:
        with _gc_paused():
            return _loads(data)
    except FileProblem as problem:
        raise _error(origin, problem) from None
    except RecursionError:
        raise MapFileError(origin, "", "the data is nested too deeply", "ข้อมูลซ้อนกันลึกเกินไป") from None


def _loads(data: bytes) -> RouteMap:
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    text = decode_text(data)
    depth = check_depth(data)
    raw = parse_json(text)
    if _SURROGATE_ESCAPE_RE.search(data):
        check_encodable(raw)
    check_header(raw)
    check_counts(raw)
    try:
        route_map = RouteMap.model_validate(raw, strict=True)
    except ValidationError as exc:
        raise problem_from_validation(exc) from None
    # No text can pass its limit when the whole file is shorter than it.
    check_map_structure(route_map, texts=len(text) > MAX_TEXT_CHARS)
    if _may_outgrow(len(data), depth):
        _check_saved_size(route_map)
    return route_map


def _may_outgrow(size: int, depth: int) -> bool:
    """Whether a file of ``size`` bytes nested ``depth`` deep could be written out larger than
    ``MAX_FILE_BYTES``. Written out, each value gains at most a line break, two spaces per level
    and a space after its key, and a number at most 4.5 times its length ("1E15" becomes
    1000000000000000.0), so the file grows at most ``2 × depth + 7`` times."""
    return size * (2 * depth + 7) + 1 > MAX_FILE_BYTES


def _check_saved_size(route_map: RouteMap) -> None:
    """Refuse a map whose saved form would pass ``MAX_FILE_BYTES``: it could not be saved."""
    size = len(to_json(_plain(route_map), indent=2)) + 1
    if size > MAX_FILE_BYTES:
        raise FileProblem(
            "",
            f"the map would be too large to save ({size:,} bytes once written out; the limit is"
            f" {MAX_FILE_BYTES:,})",
            f"แผนที่นี้ใหญ่เกินกว่าจะบันทึกได้ (เมื่อบันทึกจะมีขนาด {size:,} ไบต์ เกินขีดจำกัด {MAX_FILE_BYTES:,} ไบต์)",
        )


def _too_large(size: int) -> FileProblem:
    return FileProblem(
        "",
        f"the file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})",
        f"ไฟล์ใหญ่เกินไป ({size:,} ไบต์ เกินขีดจำกัด {MAX_FILE_BYTES:,} ไบต์)",
    )


def _read_error(origin: str, exc: OSError) -> MapFileError:
    if isinstance(exc, FileNotFoundError):
        en, th = "file not found", "ไม่พบไฟล์นี้"
    elif isinstance(exc, IsADirectoryError):
        en, th = "this is a folder, not a file", "ชื่อนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์"
    elif isinstance(exc, PermissionError):
        en, th = "no permission to read this file", "ไม่มีสิทธิ์อ่านไฟล์นี้"
    else:
        reason = exc.strerror or str(exc)
        en, th = f"cannot read the file: {reason}", f"อ่านไฟล์ไม่ได้: {reason}"
    return MapFileError(origin, "", en, th)


def load_map(path: str | os.PathLike[str]) -> RouteMap:
    """Read the `.srm` file at ``path``; see ``loads_map``. The size is checked before reading."""
    origin = os.fspath(path)
    try:
        info = os.stat(origin)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise MapFileError(origin, "", "this is not a regular file", "ชื่อนี้ไม่ใช่ไฟล์ปกติ")
        if info.st_size > MAX_FILE_BYTES:
            raise _error(origin, _too_large(info.st_size))
        with open(origin, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat
    except OSError as exc:
        raise _read_error(origin, exc) from None
    except ValueError as exc:  # e.g. a NUL character in the path
        raise MapFileError(origin, "", f"cannot read the file: {exc}", "อ่านไฟล์ไม่ได้: ชื่อไฟล์ไม่ถูกต้อง") from None
    return loads_map(data, origin)


# -- writing --------------------------------------------------------------------------------------


def _number(value: float, where: str) -> float | int:
    """2 decimals; whole numbers as ints so that load → save is stable byte for byte."""
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise FileProblem(where, f"{value!r} is not a finite number", f"{value!r} ไม่ใช่ตัวเลขที่มีค่าจำกัด")
    rounded = round(value, 2)
    whole = int(rounded)
    return whole if whole == rounded else rounded


def _check_extra(value: Any, where: str) -> None:
    """Unknown keys' values must be plain JSON (they came from a file, or a script put them there)."""
    if value is None or isinstance(value, str | bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise FileProblem(where, f"{value} is not a finite number", f"{value} ไม่ใช่ตัวเลขที่มีค่าจำกัด")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_extra(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise FileProblem(where, f"the key {key!r} is not text", f"คีย์ {key!r} ไม่ใช่ข้อความ")
            _check_extra(item, f"{where}.{key}")
    else:
        name = type(value).__name__
        raise FileProblem(where, f"a {name} cannot be stored in JSON", f"ข้อมูลชนิด {name} เก็บเป็น JSON ไม่ได้")


def _ordered(model: BaseModel, dumped: dict[str, Any], where: str) -> dict[str, Any]:
    """``dumped`` (``model.model_dump()``) with the unknown keys after the known ones, sorted by name."""
    extra = model.__pydantic_extra__
    if not extra:
        return dumped
    out = {name: dumped[name] for name in type(model).model_fields}
    for key in sorted(extra):
        _check_extra(extra[key], where + key)
        out[key] = dumped[key]
    return out


def _plain(route_map: RouteMap) -> dict[str, Any]:
    """The map as JSON-ready data in the file's order (DESIGN §3 = the models' field order).

    ``model_dump`` does the bulk in compiled code; here only unknown keys are sorted and the
    coordinates and widths rounded.
    """
    out = _ordered(route_map, route_map.model_dump(), "")
    if PLAN_KEY in out:
        out[PLAN_KEY] = canonical_plan(out[PLAN_KEY])
    if SIGNERS_KEY in out:
        out[SIGNERS_KEY] = canonical_signers(out[SIGNERS_KEY])
    if PROGRESS_FIELD in out:
        progress = canonical_progress(out[PROGRESS_FIELD])
        if progress is None:  # nothing left in it: the map saves as one without follow-up
            del out[PROGRESS_FIELD]
        else:
            out[PROGRESS_FIELD] = progress
    out["meta"] = _ordered(route_map.meta, out["meta"], "meta.")
    for key, models in (
        ("perspectives", route_map.perspectives),
        ("links", route_map.links),
        ("stakeholders", route_map.stakeholders),
    ):
        dumped = out[key]
        for i, model in enumerate(models):
            if model.__pydantic_extra__:
                dumped[i] = _ordered(model, dumped[i], f"{key}[{i}].")
    objectives = out["objectives"]
    for i, objective in enumerate(route_map.objectives):
        dumped = objectives[i]
        dumped["x"] = _number(objective.x, f"objectives[{i}].x")
        dumped["y"] = _number(objective.y, f"objectives[{i}].y")
        if objective.__pydantic_extra__:
            objectives[i] = _ordered(objective, dumped, f"objectives[{i}].")
    table = route_map.table
    out["table"] = dumped_table = _ordered(table, out["table"], "table.")
    if STYLE_KEY in dumped_table:
        dumped_table[STYLE_KEY] = canonical_style(dumped_table[STYLE_KEY])
    columns = dumped_table["columns"]
    for i, column in enumerate(table.columns):
        columns[i]["width"] = _number(column.width, f"table.columns[{i}].width")
        if column.__pydantic_extra__:
            columns[i] = _ordered(column, columns[i], f"table.columns[{i}].")
    rows = dumped_table["rows"]
    for i, row in enumerate(table.rows):
        if row.__pydantic_extra__:
            rows[i] = _ordered(row, rows[i], f"table.rows[{i}].")
    return out


def dumps_map(route_map: RouteMap) -> bytes:
    """The canonical bytes of ``route_map``; raises ``MapFileError`` for a map that would not load back."""
    try:
        check_map_structure(route_map)
        with _gc_paused():
            plain = _plain(route_map)
        # pydantic's serializer writes what json.dumps(indent=2, ensure_ascii=False) writes, 6× faster.
        data = to_json(plain, indent=2) + b"\n"
    except FileProblem as problem:
        raise MapFileError(
            "<memory>", problem.where, f"cannot save: {problem.message_en}", f"บันทึกไม่ได้: {problem.message_th}"
        ) from None
    except (TypeError, ValueError, RecursionError) as exc:  # PydanticSerializationError is a ValueError
        raise MapFileError(
            "<memory>",
            "",
            f"cannot save: the map holds data that JSON cannot store ({exc})",
            "บันทึกไม่ได้: แผนที่มีข้อมูลที่เก็บเป็น JSON ไม่ได้",
        ) from None
    if len(data) > MAX_FILE_BYTES:
        big = _too_large(len(data))
        raise MapFileError("<memory>", "", f"cannot save: {big.message_en}", f"บันทึกไม่ได้: {big.message_th}")
    return data


def save_map(route_map: RouteMap, path: str | os.PathLike[str]) -> None:
    """Write ``route_map`` to ``path`` atomically, keeping the previous file as ``path.bak``.

    Raises ``MapFileError`` (and leaves the file on disk as it was, with no temporary file behind)
    when the map cannot be stored or the file cannot be written. A symbolic link is followed: the
    file it points to is replaced. See ``srmtool.model.srmfile.writing``.
    """
    origin = os.fspath(path)
    try:
        data = dumps_map(route_map)
    except MapFileError as exc:
        raise MapFileError(origin, exc.where, exc.message_en, exc.message_th) from None
    write_atomically(origin, data)
