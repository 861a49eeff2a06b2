"""Checks on an untrusted workbook, made before openpyxl parses anything.

A district office's file may come from anywhere, so ``check_workbook`` refuses, in bounded time and
memory: files over ``MAX_FILE_BYTES``; old binary ``.xls`` files (OLE2 signature) with a hint to save
them as ``.xlsx``; anything that is not a readable zip; zip bombs (judged from the central directory:
number of entries, total unpacked size, compression ratio of any member); XML with a DTD or entities
(entity bombs, external entities); and workbooks of more than ``MAX_CELLS`` cells, counted by a
streaming scan of every worksheet. openpyxl itself also parses through defusedxml when it is installed
(it is a dependency), which ``openpyxl.xml.DEFUSEDXML`` confirms.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from typing import IO, Final

from srmtool.importer.errors import ImportRefused

MAX_FILE_BYTES: Final = 50 * 1024 * 1024
MAX_CELLS: Final = 200_000
MAX_ENTRIES: Final = 2_000
MAX_UNPACKED_BYTES: Final = 400 * 1024 * 1024
#: Real workbooks compress 5-20 times; a member packed much tighter is a bomb.
MAX_RATIO: Final = 200
#: Members this small may have any ratio (a few KB of repeated styles is normal).
RATIO_FLOOR_BYTES: Final = 1024 * 1024

OLE2_SIGNATURE: Final = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_SIGNATURE: Final = b"PK"
_DTD_MARKS: Final = (b"<!DOCTYPE", b"<!ENTITY")
_CHUNK: Final = 256 * 1024
_TAIL: Final = 64
#: The start of a cell element, with or without a namespace prefix: <c r="A1"> <x:c> <c/>.
_CELL_TAG: Final = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")


def _name(path: Path) -> str:
    return path.name


def check_file(path: Path) -> None:
    """Size and signature: refuse what is missing, too large, ``.xls`` or not a zip."""
    name = _name(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise ImportRefused("missing", name=name) from None
    except OSError as exc:
        raise ImportRefused("unreadable", name=name, reason=exc.strerror or type(exc).__name__) from None
    if size > MAX_FILE_BYTES:
        raise ImportRefused(
            "too_large", name=name, size=f"{size / 1024 / 1024:.0f}", limit=MAX_FILE_BYTES // 1024 // 1024
        )
    if head.startswith(OLE2_SIGNATURE) or (
        path.suffix.lower() == ".xls" and not head.startswith(ZIP_SIGNATURE)
    ):
        raise ImportRefused("xls", name=name)
    if not head.startswith(ZIP_SIGNATURE):
        raise ImportRefused("not_xlsx", name=name)


def check_zip(path: Path) -> list[str]:
    """The central directory: refuse bombs and broken zips; returns the worksheet members' names."""
    name = _name(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise ImportRefused("zip_bomb", name=name, reason=f"{len(infos)} entries")
            total = sum(info.file_size for info in infos)
            if total > MAX_UNPACKED_BYTES:
                raise ImportRefused("zip_bomb", name=name, reason=f"{total / 1024 / 1024:.0f} MB")
            for info in infos:
                packed = max(1, info.compress_size)
                if info.file_size > RATIO_FLOOR_BYTES and info.file_size / packed > MAX_RATIO:
                    raise ImportRefused(
                        "zip_bomb", name=name, reason=f"{info.filename} ×{info.file_size // packed}"
                    )
            names = {info.filename for info in infos}
    except zipfile.BadZipFile as exc:
        raise ImportRefused("corrupt", name=name, reason=str(exc)) from None
    except OSError as exc:
        raise ImportRefused("unreadable", name=name, reason=exc.strerror or type(exc).__name__) from None
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise ImportRefused("not_xlsx", name=name)
    return sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))


def _scan(stream: IO[bytes], name: str, cells: int | None) -> int:
    """Read a member through (its size is bounded by ``check_zip``); refuse a DTD or an entity and,
    when ``cells`` is a count so far, more than ``MAX_CELLS`` cells. Returns the new count.

    Counting ``<c`` tags in the bytes is exact once a DTD is refused: "<" inside text is escaped,
    so it appears only where a tag starts. It is many times faster than an XML parse."""
    count = cells or 0
    tail = b""
    while True:
        chunk = stream.read(_CHUNK)
        buffer = tail + chunk
        if any(mark in buffer for mark in _DTD_MARKS):
            raise ImportRefused("unsafe_xml", name=name)
        # Matches starting in the last _TAIL bytes are counted with the next chunk.
        limit = len(buffer) if not chunk else max(0, len(buffer) - _TAIL)
        if cells is not None:
            count += sum(1 for m in _CELL_TAG.finditer(buffer, 0, len(buffer)) if m.start() < limit)
            if count > MAX_CELLS:
                raise ImportRefused("too_many_cells", name=name, limit=MAX_CELLS)
        if not chunk:
            return count
        tail = buffer[limit:]


def check_contents(path: Path, worksheets: list[str]) -> int:
    """Refuse unsafe XML in any member and more than ``MAX_CELLS`` cells; returns the cell count."""
    name = _name(path)
    cells = 0
    sheets = set(worksheets)
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    with archive.open(info) as stream:
                        counted = _scan(stream, name, cells if info.filename in sheets else None)
                    cells = counted if info.filename in sheets else cells
    except ImportRefused:
        raise
    except Exception as exc:  # damage inside a member: zlib errors, CRC mismatches, truncation
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ImportRefused("corrupt", name=name, reason=reason) from None
    return cells


def check_workbook(path: str | os.PathLike[str]) -> int:
    """Every check above, cheapest first; returns the number of cells. Raises ``ImportRefused``."""
    p = Path(path)
    check_file(p)
    worksheets = check_zip(p)
    return check_contents(p, worksheets)
