"""The map behind an exported workbook, kept in a hidden sheet so that the workbook imports back to
the same map (``srmtool.importer.own``), even after an office renamed its column headings.

The sheet ``MAP_DATA_SHEET`` is hidden ("veryHidden": Excel lists it nowhere, and neither program
prints it) and holds, in column A, one value per row:

- A1 ``FORMAT`` ("srmtool-workbook"), A2 the data's version (1), A3 the title of the table sheet;
- A4 onward: the map as its compact `.srm` JSON text, cut into cells of at most ``CHUNK`` characters
  (a cell holds 32,767), to be joined in order.

The table's cells are the sheet's own: the map stored here keeps, of each row's cells, only those
that hold a digit (so that an import can tell "๘๐" printed in Thai digits from what was typed, and
an amount printed as a number from its text) or that a spreadsheet gives back otherwise than typed
(space around the text, a carriage return); every other cell is read from the table sheet, where
the office may have edited it. Everything else — ids, codes, levels, positions, links, partners,
the plan's fields, the signers, the column keys and widths — is the map's as exported.
"""

from __future__ import annotations

import re
from typing import Any, Final

from openpyxl import Workbook
from pydantic_core import to_json

from srmtool.model.types import RouteMap

MAP_DATA_SHEET: Final = "_srmtool"
FORMAT: Final = "srmtool-workbook"
DATA_VERSION: Final = 1
#: Characters per cell of the JSON text (a cell holds 32,767; Excel counts UTF-16 units).
CHUNK: Final = 16_000
_DIGIT = re.compile(r"[0-9๐-๙]")


def _as_read(text: str) -> str:
    """A text as a spreadsheet reader gives it back: line ends as \\n, no space around it or at
    the ends of its lines (``srmtool.importer.grid.cell_text``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def _kept(text: object) -> bool:
    return isinstance(text, str) and (_DIGIT.search(text) is not None or _as_read(text) != text)


def skeleton(route_map: RouteMap) -> bytes:
    """The map's JSON with each row's cells cut down to those the sheet cannot give back as typed
    (compact, UTF-8)."""
    data: dict[str, Any] = route_map.model_dump()
    for row in data["table"]["rows"]:
        row["cells"] = {k: v for k, v in row["cells"].items() if _kept(v)}
    return to_json(data)


def add_map_data(workbook: Workbook, route_map: RouteMap, table_sheet: str) -> None:
    """Add the hidden map sheet to ``workbook`` (its last sheet), naming ``table_sheet``. A map holding
    what JSON cannot store gets none: the workbook still prints. (The import checks the kept map
    as it checks any `.srm` file.)"""
    try:
        text = skeleton(route_map).decode("utf-8")
    except ValueError:  # a value JSON cannot hold, put in by a script: the import reads the sheet
        return
    ws = workbook.create_sheet(MAP_DATA_SHEET)
    ws.sheet_state = "veryHidden"
    values: list[object] = [FORMAT, DATA_VERSION, table_sheet]
    values += [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]
    for r, value in enumerate(values, 1):
        cell = ws.cell(r, 1, value)
        if isinstance(value, str) and value.startswith("="):  # a piece of JSON text, never a formula
            cell.data_type = "s"
