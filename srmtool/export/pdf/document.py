"""``write_pdf`` (or ``pdf_bytes``): the route map on its first page(s), then the Mini SLM table, as
district plans print.

Table pages carry a title block (first table page only), the header on every page, the budget total
in figures and Thai words and an optional signature block, which keeps the last row and the total
with it. Every page, map pages included, has "หน้า x / y" at the same place at its foot: the table is
laid out before anything is drawn, so the count is known from the first page. The file is
written atomically: the PDF is built in memory and put in place by ``srmtool.atomic.replace_file``
(a temporary file in the same folder, renamed over the target), so an error never leaves a
half-written PDF.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Final

from reportlab import rl_config
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfgen.canvas import Canvas

from srmtool.atomic import replace_file
from srmtool.export.options import DEFAULT_FONT_SIZES, DEFAULT_SIGNATURES, Signature, map_signatures
from srmtool.export.pdf.map_geometry import page_frame
from srmtool.export.pdf.table import (
    Box,
    TableFrame,
    TablePage,
    TableStyle,
    column_edges,
    digits,
    header_boxes,
    layout_table,
)
from srmtool.export.pdf.table_content import table_content
from srmtool.export.pdf.table_draw import draw_table_page
from srmtool.export.pdf.text import PdfText, new_canvas
from srmtool.model.types import RouteMap

PAPERS: Final = {"A4": landscape(A4), "A3": landscape(A3)}
_MARGIN: Final = 28.0  # about 1 cm
_FOOTER: Final = 30.0  # space under the table for the page number
_DOTS: Final = "." * 48
#: Sarabun is a larger design than TH Sarabun, the office font whose sizes people know: 14 pt of
#: TH Sarabun matches about 10 pt of Sarabun, so ``font_size`` is read in TH Sarabun points.
SARABUN_SCALE: Final = 0.7

__all__ = ["DEFAULT_SIGNATURES", "PAPERS", "SARABUN_SCALE", "Signature", "pdf_bytes", "write_pdf"]


@dataclass(frozen=True, slots=True)
class _Options:
    page_size: tuple[float, float]
    size: float
    thai_digits: bool
    signatures: Sequence[Signature]


def pdf_bytes(
    route_map: RouteMap,
    *,
    paper: str = "A4",
    thai_digits: bool = False,
    font_size: float = DEFAULT_FONT_SIZES["pdf"],
    signatures: Sequence[Signature] | None = None,
) -> bytes:
    """The PDF's file, as ``write_pdf`` writes it. Raises ``ValueError`` for a bad option."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
    if not 4 <= font_size <= 48:
        raise ValueError(f"font_size must be between 4 and 48, not {font_size}")
    options = _Options(
        PAPERS[paper],
        font_size * SARABUN_SCALE,
        thai_digits,
        map_signatures(route_map) if signatures is None else signatures,
    )
    buffer = io.BytesIO()
    with _plain_streams():
        _build(route_map, buffer, options)
    return buffer.getvalue()


def write_pdf(
    route_map: RouteMap,
    path: str | os.PathLike[str],
    *,
    paper: str = "A4",
    thai_digits: bool = False,
    font_size: float = DEFAULT_FONT_SIZES["pdf"],
    signatures: Sequence[Signature] | None = None,
) -> None:
    """Write the map and its table as a PDF (A4 or A3 landscape).

    ``font_size`` is the table's body size in TH Sarabun points, as set in office documents (drawn
    with Sarabun at ``SARABUN_SCALE`` of it; the map page chooses its own sizes);
    ``signatures`` are (role, name, position) blocks; ``None`` prints the map's own signers, or
    blank ผู้เสนอแผน / ผู้อนุมัติแผน blocks when it has none (``map_signatures``), and an empty
    sequence prints none. Raises ``ValueError`` for a bad option and
    ``OSError`` when ``path`` cannot be written; the file at ``path`` is then unchanged.
    """
    data = pdf_bytes(
        route_map, paper=paper, thai_digits=thai_digits, font_size=font_size, signatures=signatures
    )
    replace_file(path, data)


@contextlib.contextmanager
def _plain_streams() -> Iterator[None]:
    """Skip reportlab's pure-Python ASCII85 pass over every stream (zlib alone is valid PDF and
    about a second faster on a long table)."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _build(route_map: RouteMap, target: io.BytesIO, options: _Options) -> None:
    meta = route_map.meta
    canvas = new_canvas(target, options.page_size, title=meta.title or "แผนที่ทางเดินยุทธศาสตร์")
    if meta.authors:
        canvas.setAuthor(", ".join(meta.authors))
    canvas.setSubject("แผนที่ทางเดินยุทธศาสตร์และตาราง 11 ช่อง (Mini SLM)")
    text = PdfText(canvas, options.size)
    numbers = _PageNumbers(text, options)
    table = _plan_table(text, route_map, options, numbers.top + 2.0)
    map_pages = _draw_map(canvas, text, route_map, options, numbers, table.page_count)
    _draw_table(canvas, text, options, table, numbers, map_pages)
    canvas.save()


class _PageNumbers:
    """ "หน้า x / y" drawn the same on every page: right-aligned to the table's edge, on the map
    footer's baseline, at the table's small size or the map footer's, whichever is larger."""

    def __init__(self, text: PdfText, options: _Options) -> None:
        self.text, self.options = text, options
        frame = page_frame(options.page_size)
        self.size = max(options.size * 0.8, 8.0 * frame.paper)
        self.right = options.page_size[0] - _MARGIN
        self.baseline = frame.footer_baseline
        self.top = self.baseline + text.ascent(self.size)  # the highest ink of the label

    def draw(self, number: int, total: int) -> float:
        """Draw the number; returns the x where its text begins."""
        label = digits(f"หน้า {number} / {total}", self.options.thai_digits)
        self.text.canvas.setFillGray(0)
        self.text.draw_line(self.right, self.baseline, label, self.size, align="right")
        return self.right - self.text.width(label, self.size)


def _draw_map(
    canvas: Canvas, text: PdfText, route_map: RouteMap, options: _Options, numbers: _PageNumbers, after: int
) -> int:
    """The map pages; ``after`` pages follow them."""
    from srmtool.export.pdf.map import draw_map_page

    return draw_map_page(
        canvas,
        text,
        route_map,
        page_size=options.page_size,
        thai_digits=options.thai_digits,
        page_number=lambda n, count: numbers.draw(n, count + after),
    )


def _title_lines(route_map: RouteMap) -> list[tuple[str, bool, float]]:
    """(text, bold, size factor) lines of the title block."""
    meta = route_map.meta
    lines = [(meta.title or "แผนที่ทางเดินยุทธศาสตร์", True, 1.25)]
    lines.append(
        ("ตาราง 11 ช่อง (Mini SLM)" if len(route_map.table.columns) == 11 else "ตารางแผนปฏิบัติการ", True, 1.0)
    )
    for value in (meta.organization, "  ".join(v for v in (meta.area, meta.period) if v)):
        if value:
            lines.append((value, False, 1.0))
    return lines


@dataclass(frozen=True, slots=True)
class _TablePlan:
    """The table pages laid out, nothing drawn yet."""

    title: list[tuple[list[str], bool, float, float]]
    frame: TableFrame
    style: TableStyle
    header: list[Box]
    pages: list[TablePage]
    title_page: bool  # the title block stands alone on a page before the table
    signature_height: float
    signatures_alone: bool  # no page could hold them under the last rows

    @property
    def page_count(self) -> int:
        return int(self.title_page or not self.pages) + len(self.pages) + int(self.signatures_alone)


def _plan_table(text: PdfText, route_map: RouteMap, options: _Options, floor: float) -> _TablePlan:
    """Lay the table out; the signatures may reach down to ``floor`` (beside the page number)."""
    width, height = options.page_size
    size, thai_digits = options.size, options.thai_digits
    content = table_content(route_map, thai_digits)
    inner = width - 2 * _MARGIN
    title = _wrapped_title(text, route_map, inner, size, thai_digits)
    title_height = sum(h for _, _, _, h in title) + size * 0.6
    frame = TableFrame(
        column_edges(route_map.table.columns, _MARGIN, inner),
        height - _MARGIN - title_height,
        height - _MARGIN,
        _MARGIN + _FOOTER,
    )
    style = TableStyle(
        size=size, pad=max(2.0, size * 0.3), pad_x=max(2.0, size * 0.4), thai_digits=thai_digits
    )
    header = header_boxes(text, content, frame, style) if content.headings else []
    header_height = sum(b.height for b in header if b.first == 0)
    one_row = 2 * style.pad + text.block_height(1, size)
    title_page = frame.first_top - header_height - frame.bottom < one_row  # no row fits under the title
    if title_page:
        frame = replace(frame, first_top=frame.top)
    signature_height = _signature_height(text, options)
    keep = max(0.0, signature_height - (frame.bottom - floor))
    pages = layout_table(text, content, frame, style, keep) if header else []
    alone = bool(pages) and signature_height > 0 and pages[-1].bottom - floor < signature_height
    return _TablePlan(title, frame, style, header, pages, title_page, signature_height, alone)


def _draw_table(
    canvas: Canvas, text: PdfText, options: _Options, plan: _TablePlan, numbers: _PageNumbers, before: int
) -> None:
    """The table pages, numbered on after the ``before`` (map) pages."""
    number, total = before, before + plan.page_count
    width, height = options.page_size
    inner = width - 2 * _MARGIN
    if plan.title_page or not plan.pages:
        _draw_title(text, plan.title, width / 2, height - _MARGIN)
        number += 1
        numbers.draw(number, total)
        canvas.showPage()
    for n, page in enumerate(plan.pages):
        if n == 0 and not plan.title_page:
            _draw_title(text, plan.title, width / 2, height - _MARGIN)
        draw_table_page(canvas, text, page, plan.header, plan.frame, plan.style)
        if n == len(plan.pages) - 1 and plan.signature_height and not plan.signatures_alone:
            _draw_signatures(text, options, page.bottom - options.size, inner)
        number += 1
        numbers.draw(number, total)
        canvas.showPage()
    if plan.signatures_alone:
        _draw_signatures(text, options, height - _MARGIN, inner)
        numbers.draw(total, total)
        canvas.showPage()


def _wrapped_title(
    text: PdfText, route_map: RouteMap, width: float, size: float, thai_digits: bool
) -> list[tuple[list[str], bool, float, float]]:
    """Title lines wrapped to the page: (tokens, bold, size, line advance)."""
    out = []
    for value, bold, factor in _title_lines(route_map):
        s = size * factor
        for line in text.wrap_tokens(digits(value, thai_digits), s, width, bold):
            out.append((line, bold, s, text.line_height(s)))
    return out


def _draw_title(
    text: PdfText, title: list[tuple[list[str], bool, float, float]], x: float, top: float
) -> None:
    y = top
    for tokens, bold, size, advance in title:
        text.draw_tokens(x, y - text.ascent(size), tokens, size, bold, "center")
        y -= advance


def _signature_lines(options: _Options) -> list[list[str]]:
    blocks = []
    for role, name, position in options.signatures:
        blocks.append(
            [
                f"ลงชื่อ {_DOTS} {role}",
                f"( {name} )" if name else f"( {_DOTS} )",
                f"ตำแหน่ง {position}" if position else f"ตำแหน่ง {_DOTS}",
            ]
        )
    return blocks


def _signature_height(text: PdfText, options: _Options) -> float:
    if not options.signatures:
        return 0.0
    rows = (len(options.signatures) + 1) // 2
    return options.size + rows * text.block_height(3, options.size) + (rows - 1) * 2 * options.size


def _draw_signatures(text: PdfText, options: _Options, top: float, inner: float) -> None:
    """Blocks two to a row, each centred in its half of the page."""
    size = options.size
    lh = text.line_height(size)
    y = top - size - text.ascent(size)
    blocks = _signature_lines(options)
    for i, lines in enumerate(blocks):
        x = _MARGIN + inner * (0.25 if i % 2 == 0 else 0.75)
        if i % 2 == 0 and len(blocks) == i + 1:
            x = _MARGIN + inner * 0.75  # a lone block stands on the right, as on signed plans
        for k, line in enumerate(lines):
            text.draw_line(x, y - k * lh, digits(line, options.thai_digits), size, align="center")
        if i % 2 == 1:
            y -= text.block_height(3, size) + 2 * size
