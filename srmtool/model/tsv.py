"""Tab-separated text as spreadsheets put it on the clipboard: Excel, LibreOffice Calc, Google
Sheets, and tables copied from LINE or Word.

Cells are separated by tabs, rows by CRLF (Excel), LF (LibreOffice on Linux, LINE) or CR, and
Excel ends the last row with one too. A cell that holds a line break or a tab is written in double
quotes with its quotes doubled (``"ข้อ 1\\nข้อ 2"``). Reading is forgiving where Python's ``csv``
module is not: a cell that starts with a quote is a quoted cell only when a closing quote ends
it (at a tab, a line break or the end); otherwise it is plain text, so ``"บ้านสะอาด" ปี 2568``
pasted from LINE keeps its quotes (``csv`` makes it ``บ้านสะอาด ปี 2568``), and a lone quote
never swallows the rest of the block.
"""

from __future__ import annotations

import re

Grid = list[list[str]]

_ENDS = "\t\r\n"
_END = re.compile("[\t\r\n]")


def parse_cells(text: str) -> Grid:
    """The rows of cells in ``text``: a rectangle (short rows padded with empty cells), line breaks
    inside cells as ``\\n``, trailing empty rows (a final line break) dropped. Empty text gives no
    rows."""
    text = text.replace("\x00", "")
    rows: Grid = []
    row: list[str] = []
    at, size = 0, len(text)
    while at <= size:
        cell, at = _read_cell(text, at)
        row.append(cell)
        if at >= size:
            rows.append(row)
            break
        end = text[at]
        at += 2 if text.startswith("\r\n", at) else 1
        if end != "\t":
            rows.append(row)
            row = []
            if at >= size:
                break
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _read_cell(text: str, start: int) -> tuple[str, int]:
    """The cell at ``start`` and the index of what ends it (a tab, a line break or the end)."""
    if text.startswith('"', start):
        parts: list[str] = []
        at = start + 1
        while True:
            close = text.find('"', at)
            if close < 0:
                break  # never closed: plain text
            parts.append(text[at:close])
            if text.startswith('"', close + 1):
                parts.append('"')
                at = close + 2
                continue
            if close + 1 == len(text) or text[close + 1] in _ENDS:
                cell = "".join(parts).replace("\r\n", "\n").replace("\r", "\n")
                return cell, close + 1
            break  # text after the closing quote: plain text
    found = _END.search(text, start)
    end = found.start() if found is not None else len(text)
    return text[start:end], end


def _quoted(cell: str) -> str:
    if any(c in cell for c in _ENDS) or cell.startswith('"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def format_cells(grid: Grid) -> str:
    """``grid`` as Excel writes it (rows end with CRLF, line breaks inside cells are LF), without
    the final line break, so that one cell is just its text, ready for any text box."""
    return "\r\n".join("\t".join(_quoted(cell) for cell in row) for row in grid)
