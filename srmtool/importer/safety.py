"""Checks on an untrusted workbook, made before openpyxl parses anything.

A district office's file may come from anywhere, so ``check_workbook`` refuses, in bounded time and
memory: files over ``MAX_FILE_BYTES``; password-protected workbooks (an OLE2 file holding an
``EncryptedPackage``) with a hint to save them without a password; old binary ``.xls`` files (the
other OLE2 files) with a hint to save them as ``.xlsx``; anything that is not a readable zip; zip
bombs (judged from the central directory: number of entries, total unpacked size, compression ratio
of any member); XML parts that are not UTF-8 (a UTF-16 part would hide its markup from the byte scan
below); XML with a DTD or entities (entity bombs, external entities); and workbooks of more than
``MAX_CELLS`` cells, counted by a streaming scan of every part: the cells of the worksheets, and every
cell of the ranges openpyxl fills in cell by cell as it loads (merged ranges, hyperlinks and comments
over a range: one ``<mergeCell ref="A1:XFD1048576"/>`` would be 17 billion cells). openpyxl itself also
parses through defusedxml when it is installed (it is a dependency), which ``openpyxl.xml.DEFUSEDXML``
confirms.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
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
#: Longest unfinished tag carried from one chunk to the next (no real tag comes near it).
MAX_TAG_BYTES: Final = 1024 * 1024
#: The start of a cell element, with or without a namespace prefix: <c r="A1"> <x:c> <c/>.
_CELL_TAG: Final = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
#: The start of a formula element: <f>SUM(A1:A3)</f> <f t="shared" si="0"/>.
_FORMULA_TAG: Final = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
#: Elements whose ``ref`` range openpyxl fills in cell by cell while it loads.
_RANGE_TAG: Final = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:mergeCell|hyperlink|comment)\b[^>]*>")
_REF: Final = re.compile(rb"""\sref\s*=\s*(["'])(.*?)\1""", re.S)
_CELL_REF: Final = re.compile(rb"^\$?([A-Za-z]{0,3})\$?(\d{0,7})$")
_XML_DECLARATION: Final = re.compile(rb"""^<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_UTF8_NAMES: Final = frozenset({b"utf-8", b"utf8", b"us-ascii", b"ascii"})
_UTF8_BOM: Final = b"\xef\xbb\xbf"
#: Byte-order marks of the encodings whose markup is not plain ASCII bytes.
_WIDE_BOMS: Final = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
SHEET_ROWS: Final = 1_048_576
SHEET_COLUMNS: Final = 16_384


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
    if head.startswith(OLE2_SIGNATURE) and _is_encrypted(path):
        raise ImportRefused("encrypted", name=name)
    if head.startswith(OLE2_SIGNATURE) or (
        path.suffix.lower() == ".xls" and not head.startswith(ZIP_SIGNATURE)
    ):
        raise ImportRefused("xls", name=name)
    if not head.startswith(ZIP_SIGNATURE):
        raise ImportRefused("not_xlsx", name=name)


def _is_encrypted(path: Path) -> bool:
    """Whether the OLE2 file at ``path`` is an encrypted Office document: Excel and LibreOffice
    store a password-protected workbook as an ``EncryptedPackage`` stream in one."""
    import olefile  # read only for OLE2 files

    try:
        with olefile.OleFileIO(str(path)) as ole:
            return bool(ole.exists("EncryptedPackage"))
    except Exception:  # a damaged OLE2 file: whatever it is, the .xls message covers it
        return False


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


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def range_cells(ref: bytes) -> int:
    """How many cells openpyxl makes for a ``ref`` (``A1:B3``, ``$A$1``, ``A:C``, ``2:5``, several
    separated by spaces), clipped to a sheet's size; 1 for a piece it could not read either."""
    total = 0
    for piece in ref.split():
        corners: list[tuple[int | None, int | None]] = []
        for corner in piece.split(b":")[:2]:
            match = _CELL_REF.match(corner)
            if match is None or not (match.group(1) or match.group(2)):
                corners = []
                break
            letters, digits = match.groups()
            corners.append((_column_number(letters) if letters else None, int(digits) if digits else None))
        if not corners:
            total += 1
            continue
        (c1, r1), (c2, r2) = corners[0], corners[-1]
        columns = abs((c2 or SHEET_COLUMNS) - (c1 or 1)) + 1 if c1 or c2 else SHEET_COLUMNS
        rows = abs((r2 or SHEET_ROWS) - (r1 or 1)) + 1 if r1 or r2 else SHEET_ROWS
        total += min(columns, SHEET_COLUMNS) * min(rows, SHEET_ROWS)
    return total


def _check_encoding(head: bytes, name: str) -> None:
    """Refuse a part that is not UTF-8: its markup would not be the ASCII bytes the scan looks for."""
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            raise ImportRefused("not_utf8", name=name, encoding=encoding)
    if head.startswith(_UTF8_BOM):
        head = head[len(_UTF8_BOM) :]
    if b"\x00" in head[:4]:
        raise ImportRefused("not_utf8", name=name, encoding="UTF-16")
    declared = _XML_DECLARATION.match(head)
    if declared and declared.group(1).strip().lower() not in _UTF8_NAMES:
        shown = declared.group(1).decode("ascii", "replace")[:40]
        raise ImportRefused("not_utf8", name=name, encoding=shown)


@dataclass
class Scan:
    """What the scan counted: cells (with those of the ranges openpyxl fills in), and formulas."""

    cells: int = 0
    formulas: int = 0


def _scan(stream: IO[bytes], name: str, scan: Scan, sheet: bool) -> None:
    """Read a member through (its size is bounded by ``check_zip``) and add to ``scan``: its
    ``<c>`` and ``<f>`` elements when it is a worksheet (``sheet``), and the cells of the ranges
    openpyxl fills in. Refuse a part that is not UTF-8, a DTD or an entity, more than
    ``MAX_CELLS`` cells.

    Counting tags in the bytes is exact once a DTD is refused: "<" inside text is escaped, so it
    appears only where a tag starts. A tag cut by the end of a chunk is carried to the next, so
    every tag is seen whole. It is many times faster than an XML parse."""
    tail = b""
    first = True
    while True:
        chunk = stream.read(_CHUNK)
        if first:
            _check_encoding(chunk, name)
            first = False
        buffer = tail + chunk
        cut = buffer.rfind(b"<") if chunk else -1
        if cut < 0 or buffer.find(b">", cut) >= 0:
            cut = len(buffer)
        body, tail = buffer[:cut], buffer[cut:]
        if len(tail) > MAX_TAG_BYTES:
            raise ImportRefused("corrupt", name=name, reason=f"a tag longer than {MAX_TAG_BYTES // 1024} KB")
        if b"\x00" in body:
            raise ImportRefused("not_utf8", name=name, encoding="UTF-16")
        if any(mark in body for mark in _DTD_MARKS):
            raise ImportRefused("unsafe_xml", name=name)
        if sheet:
            scan.cells += sum(1 for _ in _CELL_TAG.finditer(body))
            scan.formulas += sum(1 for _ in _FORMULA_TAG.finditer(body))
        for tag in _RANGE_TAG.finditer(body):
            ref = _REF.search(tag.group())
            scan.cells += range_cells(ref.group(2)) if ref else 1
        if scan.cells > MAX_CELLS:
            raise ImportRefused("too_many_cells", name=name, limit=MAX_CELLS)
        if not chunk:
            return


def check_contents(path: Path, worksheets: list[str]) -> Scan:
    """Refuse XML that is not UTF-8 or unsafe in any member, and more than ``MAX_CELLS`` cells
    (those of the worksheets and of the ranges openpyxl fills in); returns what was counted."""
    name = _name(path)
    scan = Scan()
    sheets = set(worksheets)
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    with archive.open(info) as stream:
                        _scan(stream, name, scan, info.filename in sheets)
    except ImportRefused:
        raise
    except Exception as exc:  # damage inside a member: zlib errors, CRC mismatches, truncation
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ImportRefused("corrupt", name=name, reason=reason) from None
    return scan


def check_workbook(path: str | os.PathLike[str]) -> Scan:
    """Every check above, cheapest first; returns the counts. Raises ``ImportRefused``."""
    p = Path(path)
    check_file(p)
    worksheets = check_zip(p)
    return check_contents(p, worksheets)
