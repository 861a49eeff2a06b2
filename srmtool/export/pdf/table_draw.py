"""Drawing the laid-out table pages (``pdf_table.layout_table``): grey header, cell text, and the
rules joined into as few strokes as possible."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from reportlab.pdfgen.canvas import Canvas

from srmtool.export.pdf.table import Box, TableFrame, TablePage, TableStyle
from srmtool.export.pdf.text import PdfText

_HEADER_GREY: Final = 0.88
_RULE_WIDTH: Final = 0.5


def draw_table_page(
    canvas: Canvas, text: PdfText, page: TablePage, header: list[Box], frame: TableFrame, style: TableStyle
) -> None:
    """Header (from ``header_boxes``), cells and rules of one page (the caller adds the title block
    and footer)."""
    header = [replace(box, top=box.top + page.top) for box in header]
    head_bottom = min(b.top - b.height for b in header)
    canvas.setFillGray(_HEADER_GREY)
    canvas.rect(frame.edges[0], head_bottom, frame.edges[-1] - frame.edges[0], page.top - head_bottom, 0, 1)
    canvas.setFillGray(0)
    for box in header:
        _draw_box(text, box, frame, style, style.size if box.bold else style.size * 0.8)
    for box in page.boxes:
        _draw_box(text, box, frame, style, style.size)
    _draw_rules(canvas, [*header, *page.boxes], frame)


def _draw_box(text: PdfText, box: Box, frame: TableFrame, style: TableStyle, size: float) -> None:
    if not box.lines:
        return
    x0, x1 = frame.edges[box.first] + style.pad_x, frame.edges[box.last + 1] - style.pad_x
    x = x0 if box.align == "left" else x1 if box.align == "right" else (x0 + x1) / 2
    used = 2 * style.pad + text.block_height(len(box.lines), size)
    top = box.top - (box.height - used) / 2 if box.align == "center" else box.top
    baseline = top - style.pad - text.ascent(size)  # a shrunk amount keeps its neighbours' baseline
    text.draw_lines(x, baseline, box.lines, size * box.scale, box.bold, box.align)


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Overlapping or touching intervals joined."""
    spans.sort()
    out = [spans[0]]
    for a, b in spans[1:]:
        last_a, last_b = out[-1]
        if a <= last_b + 0.01:
            out[-1] = (last_a, max(last_b, b))
        else:
            out.append((a, b))
    return out


def _draw_rules(canvas: Canvas, boxes: list[Box], frame: TableFrame) -> None:
    """Every box's edges, joined into as few strokes as possible, in one path."""
    across: dict[float, list[tuple[float, float]]] = {}
    down: dict[float, list[tuple[float, float]]] = {}
    edges = frame.edges
    for b in boxes:
        x0, x1 = round(edges[b.first], 2), round(edges[b.last + 1], 2)
        top, bottom = round(b.top, 2), round(b.top - b.height, 2)
        across.setdefault(top, []).append((x0, x1))
        across.setdefault(bottom, []).append((x0, x1))
        down.setdefault(x0, []).append((bottom, top))
        down.setdefault(x1, []).append((bottom, top))
    path = [f"{a:.2f} {y:.2f} m {b:.2f} {y:.2f} l" for y, spans in across.items() for a, b in _merged(spans)]
    path += [f"{x:.2f} {a:.2f} m {x:.2f} {b:.2f} l" for x, spans in down.items() for a, b in _merged(spans)]
    canvas.setLineWidth(_RULE_WIDTH)
    canvas._code.append(" ".join(path) + " S")
