"""Cells of the Excel export: safe text, fonts and borders, and row heights for wrapped Thai text.

Two facts shape this module:
- openpyxl stores any string that starts with ``=`` as a live formula, and Excel and LibreOffice turn
  text starting with ``=``, ``+``, ``-`` or ``@`` into a formula when the cell is edited. ``put_text``
  stores such text as a plain string with ``quotePrefix`` set, so neither happens; text that starts
  with a tab or a carriage return gets the same (a copy to CSV or another program may drop them and
  leave a formula in front).
- LibreOffice does not grow a row for wrapped text, so every row gets an explicit height computed
  here: the text is wrapped between Thai words (``thai.wrap``) at the column's width, measured with
  the advance widths of TH SarabunPSK (which Laksaman, its free twin, shares).
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Final
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from srmtool.export.thai import wrap
from srmtool.model.numbers import to_thai_digits

#: Text a spreadsheet would read as a formula when the cell is opened or edited.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")

#: Excel keeps at most this many characters in a cell.
MAX_CELL_CHARS: Final = 32_767

#: Excel refuses rows taller than this (points).
MAX_ROW_HEIGHT: Final = 409.0

#: Distance between wrapped lines as a multiple of the font size. LibreOffice spaces lines by the
#: font's ascent + descent: 1.665 em measured on its print with Laksaman (what it falls back to for
#: TH SarabunPSK when that is not installed), 1.655 em for TH SarabunPSK itself.
LINE_PITCH: Final = 1.67
#: Room left below the last line, as a multiple of the font size: the first baseline sits 1.35 em
#: below the cell's top, so ``lines × LINE_PITCH`` already holds the text; this covers the border
#: and the spreadsheet's rounding of the height to whole pixels.
ROW_PADDING: Final = 0.3

# Advance widths in em of TH SarabunPSK by kind of character, as LibreOffice lays out Laksaman (its
# metric twin): measured on a printed sheet.
_THAI_MARKS: Final = frozenset(
    "\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "".join(map(chr, range(0x0E47, 0x0E4F)))
)
_WIDE_THAI: Final = frozenset("ฒณญฌฆฑมฬฝฟพษหผฮ")
_THAI_VOWELS: Final = frozenset("ะาำเแโใไๅๆ")
_EM_THAI_WIDE: Final = 0.66
_EM_THAI: Final = 0.55
_EM_THAI_VOWEL: Final = 0.41
_EM_THAI_DIGIT: Final = 0.62
_EM_DIGIT: Final = 0.50
_EM_UPPER: Final = 0.59
_EM_LOWER: Final = 0.48
_EM_SPACE: Final = 0.30
_EM_PUNCT: Final = 0.37
_EM_OTHER: Final = 0.70
#: Headroom for fonts a little wider than TH SarabunPSK and for rounding in the spreadsheet program:
#: a row one line too tall looks fine, a row one line too short hides text.
_SAFETY: Final = 1.04
_BOLD: Final = 1.06
#: Part of a cell's width our wrapping fills when counting its lines.
_FILL: Final = 1.0
#: A cell of at least this many wrapped lines gets one spare line: the spreadsheet breaks Thai with
#: its own dictionary and, in a narrow column, may need a line more than our wrapping (measured: at
#: most one, on cells of three lines or more). Never more than one, so tall rows stay tight.
_SPARE_FROM: Final = 3

#: One Excel width unit is the width of "0" in the workbook's default font (Calibri 11: 7 pixels),
#: plus 5 pixels of cell margin per column; a pixel is 0.75 pt.
_PX_PER_UNIT: Final = 7.0
_PX_MARGIN: Final = 5.0
#: Space the spreadsheet keeps free inside a cell on the left and right (points).
_CELL_INSET: Final = 4.0


@lru_cache(maxsize=65_536)
def char_em(ch: str) -> float:
    """The advance of one character in em; Thai vowel and tone marks take none."""
    if ch in _THAI_MARKS or ch in "\u200b\u200c\u200d\ufeff":
        return 0.0
    code = ord(ch)
    if 0x0E01 <= code <= 0x0E2E:
        return _EM_THAI_WIDE if ch in _WIDE_THAI else _EM_THAI
    if ch in _THAI_VOWELS:
        return _EM_THAI_VOWEL
    if 0x0E50 <= code <= 0x0E59:
        return _EM_THAI_DIGIT
    if ch.isdigit():
        return _EM_DIGIT
    if ch.isspace():
        return _EM_SPACE
    if "A" <= ch <= "Z":
        return _EM_UPPER
    if "a" <= ch <= "z":
        return _EM_LOWER
    if code < 0x80 or 0x2010 <= code <= 0x2027:
        return _EM_PUNCT
    if 0x0E00 <= code <= 0x0E7F:
        return _EM_THAI
    return _EM_OTHER


@lru_cache(maxsize=200_000)
def text_em(token: str) -> float:
    """The width of ``token`` in em, with the safety headroom included."""
    return sum(char_em(ch) for ch in token) * _SAFETY


def column_points(width: float) -> float:
    """Room for text, in points, inside a column ``width`` Excel units wide."""
    return max(1.0, (width * _PX_PER_UNIT + _PX_MARGIN) * 0.75 - _CELL_INSET)


def line_count(text: str, width: float, font_size: float, bold: bool = False) -> int:
    """Lines ``text`` takes when wrapped between words in a cell ``width`` Excel units wide."""
    if not text:
        return 1
    scale = font_size * (_BOLD if bold else 1.0)
    # The spreadsheet breaks Thai with its own dictionary, which may end a line a word earlier than
    # ours does; filling only part of the width leaves room for that.
    room = column_points(width) * _FILL / scale  # in em
    lines = len(wrap(text, text_em, room))
    return max(1, lines + (1 if lines >= _SPARE_FROM else 0))


def lines_height(lines: int, font_size: float) -> float:
    """Row height in points that shows ``lines`` lines of ``font_size`` text without clipping."""
    return (lines * LINE_PITCH + ROW_PADDING) * font_size


def clamp_height(height: float) -> float:
    return round(min(MAX_ROW_HEIGHT, height), 2)


@dataclass(frozen=True)
class Look:
    """Fonts, borders and the digit style shared by every sheet of one workbook."""

    font_name: str
    font_size: float
    thai_digits: bool

    def font(self, *, bold: bool = False, size: float | None = None) -> Font:
        return Font(name=self.font_name, size=size or self.font_size, bold=bold)

    def show(self, text: str) -> str:
        """Text as it is printed: Thai digits in Thai-digit mode, unprintable characters removed."""
        text = clean_text(text)
        return to_thai_digits(text) if self.thai_digits else text

    def number_label(self, n: int) -> str | int:
        return to_thai_digits(str(n)) if self.thai_digits else n


def clean_text(text: str) -> str:
    """Text a cell can hold: no control characters Excel refuses, at most ``MAX_CELL_CHARS``."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned[:MAX_CELL_CHARS]


THIN: Final = Side(style="thin", color="000000")
BOX: Final = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL: Final = PatternFill("solid", fgColor="E7EEF7")
WRAP_TOP: Final = Alignment(wrap_text=True, vertical="top")
WRAP_TOP_RIGHT: Final = Alignment(wrap_text=True, vertical="top", horizontal="right")
WRAP_CENTER: Final = Alignment(wrap_text=True, vertical="center", horizontal="center")
WRAP_TOP_CENTER: Final = Alignment(wrap_text=True, vertical="top", horizontal="center")


def put_text(cell: Cell, text: str) -> None:
    """Store ``text`` (already passed through ``Look.show``) as a plain string, never a formula."""
    cell.value = text
    if text.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def style_cells(
    cells: Iterable[Cell], font: Font, alignment: Alignment, fill: PatternFill | None = None
) -> None:
    """Give ``cells`` one font, alignment, thin box border and optional fill.

    The style is registered with the workbook once per (font, alignment, fill) objects and its index
    array copied to every other cell: setting each attribute on each cell re-hashes the style
    objects and takes most of the time for a thousand-row table. Each cell keeps its own number
    format and ``quotePrefix``.
    """
    template: StyleArray | None = None
    for cell in cells:
        if template is None:
            template = _registered_style(cell, font, alignment, fill)
        own = cell._style
        cell._style = copy(template)
        if own is not None:
            cell._style.numFmtId = own.numFmtId
            cell._style.quotePrefix = own.quotePrefix


# workbook -> {(id(font), id(alignment), id(fill)): (style indices, the objects kept alive)}
_STYLES: WeakKeyDictionary[Workbook, dict[tuple[int, int, int], tuple[StyleArray, tuple[object, ...]]]] = (
    WeakKeyDictionary()
)


def _registered_style(cell: Cell, font: Font, alignment: Alignment, fill: PatternFill | None) -> StyleArray:
    """The style indices of font + alignment + box border (+ fill) in ``cell``'s workbook."""
    known = _STYLES.setdefault(cell.parent.parent, {})
    key = (id(font), id(alignment), id(fill))
    found = known.get(key)
    if found is None:
        own = cell._style
        cell.font = font
        cell.alignment = alignment
        cell.border = BOX
        if fill is not None:
            cell.fill = fill
        style = copy(cell._style)
        style.numFmtId, style.quotePrefix = 0, 0
        cell._style = own if own is not None else cell._style
        found = known[key] = (style, (font, alignment, fill))
    return found[0]


def merge(ws: Worksheet, start_row: int, start_column: int, end_row: int, end_column: int) -> None:
    """Merge a range whose cells are already styled (``style_cells``).

    ``Worksheet.merge_cells`` also rewrites the border of every edge cell of the range, a few
    milliseconds each that took a third of a thousand-row export; our cells have their borders.
    """
    ws.merged_cells.add(
        MergedCellRange(
            ws, CellRange(min_row=start_row, min_col=start_column, max_row=end_row, max_col=end_column).coord
        )
    )
