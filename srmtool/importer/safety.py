"""Checks on an untrusted workbook, made before openpyxl parses anything.

A district office's file may come from anywhere, so ``check_workbook`` refuses, in bounded time and
memory: files over ``MAX_FILE_BYTES``; old binary ``.xls`` files (OLE2 signature) with a hint to save
them as ``.xlsx``; anything that is not a readable zip; zip bombs (judged from the central directory:
number of entries, total unpacked size, compression ratio of any member); XML with a DTD or entities
(entity bombs, external entities); and workbooks of more than ``MAX_CELLS`` cells, counted by a
streaming parse of every worksheet. openpyxl itself also parses through defusedxml when it is installed
(it is a dependency), which ``openpyxl.xml.DEFUSEDXML`` confirms.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import IO, Final

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

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
_CHUNK: Final = 64 * 1024


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


def _refuse_dtd(stream: IO[bytes], name: str) -> None:
    """Read a member through; refuse it when it declares a DTD or an entity (bounded by the zip check)."""
    tail = b""
    while chunk := stream.read(_CHUNK):
        window = tail + chunk
        if any(mark in window for mark in _DTD_MARKS):
            raise ImportRefused("unsafe_xml", name=name)
        tail = window[-16:]


def _count_cells(stream: IO[bytes], name: str, so_far: int) -> int:
    count = so_far
    for _, element in iterparse(stream, events=("end",), forbid_dtd=True):
        if element.tag.endswith("}c") or element.tag == "c":
            count += 1
            if count > MAX_CELLS:
                raise ImportRefused("too_many_cells", name=name, limit=MAX_CELLS)
        elif element.tag.endswith("}row") or element.tag.endswith("}sheetData"):
            element.clear()
    return count


def check_contents(path: Path, worksheets: list[str]) -> int:
    """Refuse unsafe XML in any member and more than ``MAX_CELLS`` cells; returns the cell count."""
    name = _name(path)
    cells = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    with archive.open(info) as stream:
                        _refuse_dtd(stream, name)
            for member in worksheets:
                with archive.open(member) as stream:
                    cells = _count_cells(stream, name, cells)
    except ImportRefused:
        raise
    except DefusedXmlException:
        raise ImportRefused("unsafe_xml", name=name) from None
    except (zipfile.BadZipFile, EOFError, ValueError, KeyError, SyntaxError) as exc:
        # A ParseError is a SyntaxError; zlib errors arrive as zipfile.BadZipFile or ValueError.
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ImportRefused("corrupt", name=name, reason=reason) from None
    except Exception as exc:  # zlib.error and other damage inside a member
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ImportRefused("corrupt", name=name, reason=reason) from None
    return cells


def check_workbook(path: str | os.PathLike[str]) -> int:
    """Every check above, cheapest first; returns the number of cells. Raises ``ImportRefused``."""
    p = Path(path)
    check_file(p)
    worksheets = check_zip(p)
    return check_contents(p, worksheets)
