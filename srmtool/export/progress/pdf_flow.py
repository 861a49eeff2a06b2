"""Blocks down the pages of a report: headings, lines of text, ruled tables (the map PDF's own
table layout, ``srmtool.export.pdf.table``), signature blocks. Everything is laid out first and
drawn after, so "หน้า x / y" is right on every page.

A table that does not fit where the flow stands starts on a new page when not even its header and
a row fit; otherwise it starts there and runs on over pages with its header repeated. ``on_cells``
lets a table draw under its cells (a status column's colours) before their text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from srmtool.export.pdf.table import (
    Box,
    TableContent,
    TableFrame,
    TablePage,
    TableStyle,
    header_boxes,
    layout_table,
)
from srmtool.export.pdf.table_draw import draw_table_page

Canvas = Any
PdfText = Any
Draw = Callable[[], None]
CellPainter = Callable[[Canvas, Box, TableFrame, TableStyle], None]

MARGIN: Final = 28.0
FOOTER: Final = 30.0
_DOTS: Final = "." * 48


@dataclass
class Flow:
    """Pages of draw steps for one canvas of ``page_size``; ``size`` is the body text size."""

    text: PdfText
    page_size: tuple[float, float]
    size: float
    pages: list[list[Draw]] = field(default_factory=lambda: [[]])

    def __post_init__(self) -> None:
        self.y = self.top

    @property
    def top(self) -> float:
        return self.page_size[1] - MARGIN

    @property
    def bottom(self) -> float:
        return MARGIN + FOOTER

    @property
    def left(self) -> float:
        return MARGIN

    @property
    def width(self) -> float:
        return self.page_size[0] - 2 * MARGIN

    def new_page(self) -> None:
        if self.pages[-1] or len(self.pages) == 0:
            self.pages.append([])
        self.y = self.top

    def room(self) -> float:
        return self.y - self.bottom

    def space(self, height: float) -> None:
        self.y -= height

    def lines(
        self,
        value: str,
        size: float | None = None,
        bold: bool = False,
        align: str = "left",
        colour: str = "#000000",
    ) -> None:
        """A paragraph wrapped to the page width (between Thai words); moves on a page when it
        does not fit."""
        size = size or self.size
        wrapped = self.text.wrap_tokens(value, size, self.width, bold)
        step = self.text.line_height(size)
        for tokens in wrapped:
            if self.room() < self.text.block_height(1, size):
                self.new_page()
            baseline = self.y - self.text.ascent(size)
            x = (
                self.left
                if align == "left"
                else self.left + self.width / 2
                if align == "center"
                else self.left + self.width
            )

            def draw(tokens: list[str] = tokens, x: float = x, baseline: float = baseline) -> None:
                self.text.canvas.setFillColor(colour)
                self.text.draw_tokens(x, baseline, tokens, size, bold, align)

            self.pages[-1].append(draw)
            self.y -= step

    def table(
        self,
        content: TableContent,
        weights: Sequence[float],
        on_cells: CellPainter | None = None,
        size: float | None = None,
        title: str = "",
    ) -> None:
        """A ruled table across the page, columns in proportion to ``weights``, under a bold
        ``title`` kept with it. A table that would run over pages but fits on a page of its own
        starts on a new page."""
        size = size or self.size
        total = sum(weights)
        edges = [self.left]
        for w in weights:
            edges.append(edges[-1] + self.width * w / total)
        style = TableStyle(size=size, pad=max(2.0, size * 0.3), pad_x=max(2.0, size * 0.4))
        title_size = self.size * 1.1
        title_lines = self.text.wrap_tokens(title, title_size, self.width, True) if title else []
        title_height = len(title_lines) * self.text.line_height(title_size)
        probe = TableFrame(tuple(edges), self.top, self.top, self.bottom)
        header = header_boxes(self.text, content, probe, style)
        header_height = sum(b.height for b in header if b.first == 0)
        one_row = 2 * style.pad + self.text.block_height(2, size)
        if self.room() < title_height + header_height + one_row:
            self.new_page()
        frame = TableFrame(tuple(edges), self.y - title_height, self.top, self.bottom)
        pages = layout_table(self.text, content, frame, style)
        if len(pages) > 1 and self.y < self.top:  # would a fresh page hold it whole?
            fresh = TableFrame(tuple(edges), self.top - title_height, self.top, self.bottom)
            whole = layout_table(self.text, content, fresh, style)
            if len(whole) == 1:
                self.new_page()
                frame, pages = fresh, whole
        if title_lines:
            self.lines(title, title_size, bold=True)
        for n, page in enumerate(pages):
            if n:
                self.new_page()
            self.pages[-1].append(self._page_drawer(page, header, frame, style, on_cells))
        self.y = pages[-1].bottom - size * 0.8

    def _page_drawer(
        self,
        page: TablePage,
        header: list[Box],
        frame: TableFrame,
        style: TableStyle,
        on_cells: CellPainter | None,
    ) -> Draw:
        def draw() -> None:
            if on_cells is not None:
                for box in page.boxes:
                    on_cells(self.text.canvas, box, frame, style)
            self.text.canvas.setFillGray(0)
            draw_table_page(self.text.canvas, self.text, page, header, frame, style)

        return draw

    def signatures(self, blocks: Sequence[tuple[str, str, str]], digits: Callable[[str], str]) -> None:
        """Signature blocks, two to a row ("ลงชื่อ …… role", "( name )", "ตำแหน่ง …"), kept together."""
        if not blocks:
            return
        size = self.size
        lh = self.text.line_height(size)
        rows = (len(blocks) + 1) // 2
        need = size + rows * self.text.block_height(3, size) + (rows - 1) * 2 * size
        if self.room() < need:
            self.new_page()
        y = self.y - size - self.text.ascent(size)
        for i, (role, name, position) in enumerate(blocks):
            x = self.left + self.width * (0.25 if i % 2 == 0 else 0.75)
            if i % 2 == 0 and i == len(blocks) - 1:
                x = self.left + self.width * 0.75  # a lone block stands on the right
            lines = [
                f"ลงชื่อ {_DOTS} {role}",
                f"( {name} )" if name else f"( {_DOTS} )",
                f"ตำแหน่ง {position}" if position else f"ตำแหน่ง {_DOTS}",
            ]
            for k, line in enumerate(lines):

                def draw(x: float = x, y: float = y - k * lh, line: str = line) -> None:
                    self.text.canvas.setFillGray(0)
                    self.text.draw_line(x, y, digits(line), size, align="center")

                self.pages[-1].append(draw)
            if i % 2 == 1 or i == len(blocks) - 1:
                y -= self.text.block_height(3, size) + 2 * size
        self.y = y

    def add(self, draw: Draw) -> None:
        """A draw step on the current page (at a place the caller worked out)."""
        self.pages[-1].append(draw)

    def render(
        self, canvas: Canvas, number: Callable[[int, int], object], first: int = 0, total: int | None = None
    ) -> None:
        """Draw every page, numbered from ``first + 1`` of ``total`` (default: these pages)."""
        count = total if total is not None else first + len(self.pages)
        for n, steps in enumerate(self.pages, start=first + 1):
            for step in steps:
                step()
            number(n, count)
            canvas.showPage()
