"""The Mini SLM table laid out on PDF pages: ruled cells, merged objective cells, repeated header.

Every cell is wrapped once with measured widths (``PdfText.wrap_tokens``) and its lines are drawn
directly; no reportlab ``Paragraph`` or ``Table``. Layout comes first (``layout_table``, here),
drawing second (``pdf_table_draw.draw_table_page``), so the number of pages is known before the
first footer is drawn.

Guarantees: no line leaves its cell (a row taller than the space left on a page continues its
lines on the next page); the header is repeated on every page; consecutive rows of one objective
share one objective cell, and a group that crosses a page repeats its objective marked "(ต่อ)";
with ``keep_with_end`` the table's last row and its total row end a page with that much room left
under them (for the signatures), moving to the next page together when they must.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from srmtool.export.pdf.text import PdfText
from srmtool.model.numbers import to_thai_digits
from srmtool.model.types import Column

CONTINUED: Final = "(ต่อ)"
#: A row at most this share of a page's table height moves whole to the next page instead of splitting.
_KEEP_TOGETHER: Final = 1 / 3
_MIN_SCALE: Final = 0.6
#: Headings longer than this may be cut in print, to ``MAX_HEADER_SHARE`` of the page's height.
HEADING_CHARS: Final = 120
MAX_HEADER_SHARE: Final = 0.4
ELLIPSIS: Final = "…"


@dataclass(slots=True)
class Box:
    """One cell as drawn: columns ``first``…``last`` (inclusive), from ``top`` down ``height``."""

    first: int
    last: int
    top: float
    height: float
    lines: list[list[str]]
    align: str = "left"
    bold: bool = False
    scale: float = 1.0  # an amount a little too wide for its column is drawn smaller, not split


@dataclass(slots=True)
class TablePage:
    boxes: list[Box] = field(default_factory=list)
    top: float = 0.0  # the header's top edge
    bottom: float = 0.0  # the table's lowest edge on this page


@dataclass(frozen=True, slots=True)
class TableFrame:
    """Where the table goes: column edges, and the vertical space on the first and later pages."""

    edges: tuple[float, ...]
    first_top: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class TableStyle:
    size: float
    pad: float  # above the first line's marks and below the last line's descenders
    pad_x: float  # left and right of the text
    thai_digits: bool = False


@dataclass(frozen=True, slots=True)
class TableContent:
    """The table's text, already in the digits the reader asked for."""

    headings: list[str]
    objective_col: int | None  # index of the merged objective column, if the column set has one
    groups: list[tuple[str, list[list[str]]]]  # (objective text, rows of cell texts)
    aligns: list[str]  # per row cell: "left" or "right" (amounts)
    total: list[tuple[int, int, str, str]]  # (first col, last col, text, align) of the total row


def column_edges(columns: Sequence[Column], left: float, width: float) -> tuple[float, ...]:
    """Column edges proportional to the column set's widths, filling ``width`` from ``left``."""
    weights = [max(c.width, 1.0) for c in columns] or [1.0]
    total = sum(weights)
    edges = [left]
    for w in weights:
        edges.append(edges[-1] + width * w / total)
    return tuple(edges)


class _Layout:
    def __init__(self, text: PdfText, frame: TableFrame, style: TableStyle, header_height: float) -> None:
        self.text, self.frame, self.style = text, frame, style
        self.header_height = header_height
        self.pages: list[TablePage] = []
        self.y = 0.0
        self.reserve = 0.0  # room kept free at the foot of the page (under the table's end)
        if frame.top - header_height - frame.bottom < self.cell_height(1):
            raise ValueError("the table header leaves no room for a row: use a smaller font or larger paper")
        self.new_page()

    # -- geometry -----------------------------------------------------------------------
    def cell_height(self, lines: int) -> float:
        return 2 * self.style.pad + self.text.block_height(max(lines, 1), self.style.size)

    def lines_fitting(self, height: float) -> int:
        one = self.cell_height(1)
        if height + 1e-6 < one:
            return 0
        return 1 + int((height - one + 1e-6) // self.text.line_height(self.style.size))

    def room(self) -> float:
        return self.y - self.frame.bottom

    def end_room(self) -> float:
        """Room for what ends the table on this page (``reserve`` kept free under it)."""
        return self.room() - self.reserve

    def body(self) -> float:
        """The height rows have on a page after the first."""
        return self.frame.top - self.header_height - self.frame.bottom

    def page_is_empty(self) -> bool:
        return not self.pages[-1].boxes

    def new_page(self) -> None:
        top = self.frame.top if self.pages else self.frame.first_top
        self.pages.append(TablePage(top=top))
        self.y = top - self.header_height

    def close_page(self) -> None:
        self.pages[-1].bottom = self.y

    def break_page(self) -> None:
        self.close_page()
        self.new_page()

    def width(self, first: int, last: int) -> float:
        edges = self.frame.edges
        return edges[last + 1] - edges[first] - 2 * self.style.pad_x

    def wrap(self, text: str, first: int, last: int, bold: bool = False) -> list[list[str]]:
        return self.text.wrap_tokens(text, self.style.size, self.width(first, last), bold)

    def amount(self, text: str, first: int, last: int, bold: bool = False) -> tuple[list[list[str]], float]:
        """Lines and scale of a right-aligned cell: one word wider than the column (1,303,260 in a
        narrow budget column) shrinks to fit, down to ``_MIN_SCALE``, rather than break."""
        room = self.width(first, last)
        width = self.text.width(text, self.style.size, bold)
        if width > room and text and not any(c.isspace() for c in text) and width * _MIN_SCALE <= room:
            return [[text]], room / width
        return self.wrap(text, first, last, bold), 1.0

    def add(self, box: Box) -> None:
        self.pages[-1].boxes.append(box)


class _Group:
    """Places one objective's rows, page by page, with its merged objective cell."""

    def __init__(self, layout: _Layout, content: TableContent, objective: str) -> None:
        self.layout, self.content, self.objective = layout, content, objective
        col = content.objective_col
        self.col = col
        self.stream: list[list[str]] = layout.wrap(objective, col, col) if col is not None else []
        self.top = layout.y
        self.bands: list[list[Box]] = []

    def rows(self, rows: list[list[str]], keep_last: float = 0.0) -> None:
        """Place the rows; the last one ends a page with ``keep_last`` of room under it."""
        lay = self.layout
        cols = [j for j in range(len(self.content.headings)) if j != self.col]
        aligns = self.content.aligns
        for r, cells in enumerate(rows):
            if r == len(rows) - 1:
                lay.reserve = keep_last
            fitted = [
                lay.amount(cells[j], j, j) if aligns[j] == "right" else (lay.wrap(cells[j], j, j), 1.0)
                for j in cols
            ]
            rest = [lines for lines, _ in fitted]
            scales = [scale for _, scale in fitted]
            need = max([1, *(len(x) for x in rest)])
            if not lay.page_is_empty() and self._moves_on(need, first=r == 0):
                self.page_break()
            while True:
                n = min(need, lay.lines_fitting(lay.room()))
                if n == need and lay.reserve:  # the row would end here: keep the reserve free
                    ending = lay.lines_fitting(lay.end_room())
                    if ending < need:  # fill this page, carry the rest (two lines or more) on
                        n = max(ending, need - 2)
                if n < 1:
                    self.page_break()
                    continue
                h = lay.cell_height(n)
                band = [
                    Box(j, j, lay.y, h, x[:n], aligns[j], scale=sc)
                    for j, x, sc in zip(cols, rest, scales, strict=True)
                ]
                for box in band:
                    lay.add(box)
                self.bands.append(band)
                lay.y -= h
                rest = [x[n:] for x in rest]
                need = max((len(x) for x in rest), default=0)
                if need == 0:
                    break
                self.page_break()

    def _moves_on(self, need: int, first: bool) -> bool:
        """Whether a row of ``need`` lines starts on the next page rather than here: when not even
        two of its lines fit, when it is short enough to keep whole, or (the group's first row) when
        its objective would not fit beside the space left."""
        lay = self.layout
        fits = lay.lines_fitting(lay.end_room())
        if fits >= need and not (first and fits < len(self.stream)):
            return False
        body = lay.body()
        short = lay.cell_height(need) <= _KEEP_TOGETHER * body
        return (
            fits < min(need, 2) or short or (first and fits < min(len(self.stream), lay.lines_fitting(body)))
        )

    def page_break(self) -> None:
        if self.bands:
            self.close(final=False)
            more = self.stream
            self.layout.break_page()
            if more:
                self.stream = [[CONTINUED], *more]
            elif self.col is not None:
                self.stream = self.layout.wrap(f"{self.objective} {CONTINUED}", self.col, self.col)
        else:
            self.layout.break_page()
        self.top = self.layout.y
        self.bands = []

    def close(self, final: bool = True) -> None:
        """Draw the objective cell beside this page's bands; at the group's end, grow the last band
        (over pages if it must) until the whole objective text has been drawn."""
        lay, col = self.layout, self.col
        if col is None:
            return
        while True:
            height = self.top - lay.y
            n = lay.lines_fitting(height)
            if final and n < len(self.stream) and self.bands:
                grow = max(0.0, min(lay.cell_height(len(self.stream)) - height, lay.end_room()))
                for box in self.bands[-1]:
                    box.height += grow
                lay.y -= grow
                height = self.top - lay.y
                n = lay.lines_fitting(height)
            lay.add(Box(col, col, self.top, height, self.stream[:n]))
            self.stream = self.stream[n:]
            if not (final and self.stream):
                return
            lay.break_page()  # the objective text is longer than a page: continue it
            self.top, self.stream = lay.y, [[CONTINUED], *self.stream]
            h = min(lay.cell_height(len(self.stream)), lay.room())
            band = [Box(j, j, lay.y, h, []) for j in range(len(self.content.headings)) if j != col]
            for box in band:
                lay.add(box)
            self.bands = [band]
            lay.y -= h


def layout_table(
    text: PdfText, content: TableContent, frame: TableFrame, style: TableStyle, keep_with_end: float = 0.0
) -> list[TablePage]:
    """Pages of cell boxes (the header is not among them: ``draw_table_page`` draws it).

    ``keep_with_end`` is room the last page must keep under the table (a signature block): the last
    row and the total row move on with it rather than leave it alone on a page. When a page cannot
    hold that room and a few lines of rows, it is not kept (the caller then starts a new page)."""
    header = header_boxes(text, content, frame, style)
    header_height = sum(b.height for b in header if b.first == 0)
    layout = _Layout(text, frame, style, header_height)
    total = _total_cells(layout, content)
    total_height = layout.cell_height(max(len(c[2]) for c in total)) if total else 0.0
    if layout.body() - keep_with_end - total_height < layout.cell_height(3):
        keep_with_end = 0.0
    for n, (objective, rows) in enumerate(content.groups, start=1):
        group = _Group(layout, content, objective)
        last = n == len(content.groups) and keep_with_end > 0
        group.rows(rows, keep_with_end + total_height if last else 0.0)
        group.close()
    layout.reserve = keep_with_end
    if total:
        _total_row(layout, total)
    layout.close_page()
    return layout.pages


_Cell = tuple[int, int, list[list[str]], float, str]  # (first col, last col, lines, scale, align)


def _total_cells(layout: _Layout, content: TableContent) -> list[_Cell]:
    return [
        (f, la, *(layout.amount(t, f, la, True) if a == "right" else (layout.wrap(t, f, la, True), 1.0)), a)
        for f, la, t, a in content.total
    ]


def _total_row(layout: _Layout, cells: list[_Cell]) -> None:
    need = max(len(c[2]) for c in cells)
    if layout.lines_fitting(layout.end_room()) < need and not layout.page_is_empty():
        layout.break_page()
    h = layout.cell_height(need)
    for first, last, lines, scale, align in cells:
        layout.add(Box(first, last, layout.y, h, lines, align, bold=True, scale=scale))
    layout.y -= h


def header_boxes(text: PdfText, content: TableContent, frame: TableFrame, style: TableStyle) -> list[Box]:
    """The header: the headings (bold, centred) over a row of column numbers; tops relative to 0.

    When the header would leave no room for a row because a heading is longer than
    ``HEADING_CHARS`` (a map may hold 100,000 characters there), such headings are cut to
    ``MAX_HEADER_SHARE`` of the page, ending in "…". A font too large for headings of ordinary
    length is left for the layout to refuse."""
    size, pad = style.size, style.pad
    edges = frame.edges
    lines = [
        text.wrap_tokens(h, size, edges[j + 1] - edges[j] - 2 * style.pad_x, bold=True)
        for j, h in enumerate(content.headings)
    ]
    h2 = 2 * pad + text.block_height(1, size * 0.8)
    body = frame.top - frame.bottom - h2 - 2 * pad  # what the headings may take, at most
    row = 2 * pad + text.block_height(1, size)
    if text.block_height(max([1, *(len(x) for x in lines)]), size) > body - row:
        normal = [len(x) for x, h in zip(lines, content.headings, strict=True) if len(h) <= HEADING_CHARS]
        share = 1 + int((body * MAX_HEADER_SHARE - text.block_height(1, size)) // text.line_height(size))
        most = max([1, share, *normal])
        lines = [
            _cut(x, most) if len(h) > HEADING_CHARS else x
            for x, h in zip(lines, content.headings, strict=True)
        ]
    h1 = 2 * pad + text.block_height(max([1, *(len(x) for x in lines)]), size)
    boxes = [Box(j, j, 0.0, h1, x, "center", True) for j, x in enumerate(lines)]
    for j in range(len(lines)):
        number = f"({j + 1})"
        boxes.append(Box(j, j, -h1, h2, [[digits(number, style.thai_digits)]], "center"))
    return boxes


def _cut(lines: list[list[str]], most: int) -> list[list[str]]:
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    return [*lines[: most - 1], [*last[:-1], ELLIPSIS] if len(last) > 1 else [*last, ELLIPSIS]]


def digits(value: str, thai: bool) -> str:
    """``value`` with Thai digits when ``thai``."""
    return to_thai_digits(value) if thai else value


__all__ = [
    "CONTINUED",
    "Box",
    "TableContent",
    "TableFrame",
    "TablePage",
    "TableStyle",
    "column_edges",
    "digits",
    "layout_table",
]
