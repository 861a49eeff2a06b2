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
import secrets
import shutil
import stat
from collections.abc import Iterator
from typing import Any, Final

from pydantic import BaseModel, ValidationError
from pydantic_core import to_json

from srmtool.model.errors import MapFileError
from srmtool.model.srmfile_validate import (
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
    check_depth,
    check_encodable,
    check_header,
    check_map_structure,
    decode_text,
    parse_json,
    problem_from_validation,
)
from srmtool.model.types import RouteMap

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "BACKUP_SUFFIX",
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

BACKUP_SUFFIX: Final = ".bak"
# A \uD800-\uDFFF escape: half of a surrogate pair, which may stand alone (not storable as UTF-8).
_SURROGATE_ESCAPE_RE: Final = re.compile(rb"\\u[dD][89a-fA-F]")
_TEMP_SUFFIX: Final = ".tmp"


def backup_path(path: str | os.PathLike[str]) -> str:
    """Where ``save_map`` keeps the previous version of ``path``: ``NAME.srm.bak``."""
    return os.fspath(path) + BACKUP_SUFFIX


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
    check_depth(data)
    raw = parse_json(text)
    if _SURROGATE_ESCAPE_RE.search(data):
        check_encodable(raw)
    check_header(raw)
    check_counts(raw)
    try:
        route_map = RouteMap.model_validate(raw, strict=True)
    except ValidationError as exc:
        raise problem_from_validation(exc) from None
    # No string can pass the limit when the whole text is shorter than it.
    check_map_structure(route_map, lengths=len(text) > MAX_TEXT_CHARS)
    return route_map


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


def _save_error(origin: str, exc: OSError, backup: str | None = None) -> MapFileError:
    code = exc.errno
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        en, th = "no permission to write in this folder", "ไม่มีสิทธิ์เขียนไฟล์ในโฟลเดอร์นี้"
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        en, th = "the disk is full", "พื้นที่ดิสก์เต็ม"
    elif code == errno.EROFS:
        en, th = "the disk or folder is read-only", "ดิสก์หรือโฟลเดอร์นี้อ่านได้อย่างเดียว"
    elif isinstance(exc, IsADirectoryError):
        en, th = "this name is a folder, not a file", "ชื่อนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์"
    elif isinstance(exc, FileNotFoundError | NotADirectoryError):
        en, th = "the folder does not exist", "ไม่พบโฟลเดอร์ที่จะบันทึก"
    else:
        reason = exc.strerror or str(exc)
        en, th = reason, reason
    if backup is not None:
        name = os.path.basename(backup)
        en = f"could not keep the previous version as {name} ({en})"
        th = f"เก็บฉบับก่อนหน้าเป็น {name} ไม่ได้ ({th})"
    return MapFileError(
        origin,
        "",
        f"cannot save: {en}; the file on disk is unchanged",
        f"บันทึกไม่ได้: {th} ไฟล์บนดิสก์ยังเป็นฉบับเดิม",
    )


def _temp_name(folder: str, name: str) -> str:
    return os.path.join(folder, f".{name}.{secrets.token_hex(6)}{_TEMP_SUFFIX}")


def _is_temp_of(entry: str, name: str) -> bool:
    prefix = f".{name}."
    if not (entry.startswith(prefix) and entry.endswith(_TEMP_SUFFIX)):
        return False
    token = entry[len(prefix) : -len(_TEMP_SUFFIX)]
    return len(token) == 12 and all(c in "0123456789abcdef" for c in token)


def _remove_stale_temps(folder: str, name: str) -> None:
    """Delete temporary files a crashed save of ``name`` left behind.

    A save in progress holds an exclusive lock on its temporary file, so only abandoned ones go.
    """
    try:
        entries = [e for e in os.listdir(folder) if _is_temp_of(e, name)]
    except OSError:
        return
    for entry in entries:
        full = os.path.join(folder, entry)
        with contextlib.suppress(OSError):
            if fcntl is None:
                os.unlink(full)  # fails while another process has it open
                continue
            fd = os.open(full, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                os.unlink(full)
            finally:
                os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _keep_backup(target: str, folder: str, name: str) -> None:
    """Make ``target.bak`` a copy of ``target`` without ever moving ``target`` away."""
    bak = backup_path(target)
    temp = _temp_name(folder, name)
    try:
        try:
            os.link(target, temp)
        except OSError:  # no hard links here (FAT, some network shares): copy instead
            shutil.copy2(target, temp)
            fd = os.open(temp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        os.replace(temp, bak)
        # When the backup already was this very file (a save was killed just after making it),
        # rename does nothing and leaves the temporary name behind.
        if os.path.lexists(temp):
            os.unlink(temp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _sync_folder(folder: str) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def save_map(route_map: RouteMap, path: str | os.PathLike[str]) -> None:
    """Write ``route_map`` to ``path`` atomically, keeping the previous file as ``path.bak``.

    Raises ``MapFileError`` (and leaves the file on disk as it was, with no temporary file behind)
    when the map cannot be stored or the file cannot be written. A symbolic link is followed: the
    file it points to is replaced.
    """
    origin = os.fspath(path)
    try:
        data = dumps_map(route_map)
    except MapFileError as exc:
        raise MapFileError(origin, exc.where, exc.message_en, exc.message_th) from None
    try:
        target = os.path.realpath(origin)
        folder, name = os.path.split(target)
        try:
            old: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            old = None
        if old is not None and stat.S_ISDIR(old.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), origin)
        if old is not None and not stat.S_ISREG(old.st_mode):
            raise MapFileError(
                origin,
                "",
                "cannot save: this is not a regular file; the file on disk is unchanged",
                "บันทึกไม่ได้: ชื่อนี้ไม่ใช่ไฟล์ปกติ ไฟล์บนดิสก์ยังเป็นฉบับเดิม",
            )
    except OSError as exc:
        raise _save_error(origin, exc) from None
    except ValueError as exc:  # a NUL character in the path
        raise MapFileError(origin, "", f"cannot save: {exc}", "บันทึกไม่ได้: ชื่อไฟล์ไม่ถูกต้อง") from None
    _remove_stale_temps(folder, name)
    temp = _temp_name(folder, name)
    fd = -1
    stage_backup = False
    try:
        # 0o666 lets the umask decide a new file's mode, as for any other new file.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)  # tells other saves this temp file is in use
        if old is not None and hasattr(os, "fchmod"):
            os.fchmod(fd, stat.S_IMODE(old.st_mode))
        _write_all(fd, data)
        os.fsync(fd)
        if old is not None:
            stage_backup = True
            _keep_backup(target, folder, name)
            stage_backup = False
        if fcntl is None:  # Windows cannot rename an open file
            os.close(fd)
            fd = -1
        os.replace(temp, target)
    except BaseException as exc:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
            fd = -1
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _save_error(origin, exc, backup_path(origin) if stage_backup else None) from None
        raise
    if fd >= 0:
        with contextlib.suppress(OSError):
            os.close(fd)
    _sync_folder(folder)
