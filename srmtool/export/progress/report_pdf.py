"""``progress_pdf_bytes``: the progress report of one period as a PDF, as it goes to the
provincial office.

Pages: the map with every objective ringed in its status colour and a badge (state, rows done of
total), the states' legend at its foot; a summary page (rows and objectives by status, budget and
spent per budget source, with totals and percentages); then per objective its rows with status,
result against target, spent against budget and notes, with the totals; the Small Success
milestones; the signature blocks. Thai is set as in the map's PDF (Sarabun embedded, shaped,
broken between words), dates in the Buddhist Era, "หน้า x / y" on every page.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from srmtool.export.options import DEFAULT_FONT_SIZES, Signature
from srmtool.export.pdf.document import PAPERS, SARABUN_SCALE, _plain_streams
from srmtool.export.pdf.map_geometry import page_frame
from srmtool.export.pdf.table import Box, TableContent, TableFrame, TableStyle
from srmtool.export.pdf.text import PdfText, new_canvas
from srmtool.export.progress import texts
from srmtool.export.progress.look import look
from srmtool.export.progress.pdf_flow import MARGIN, CellPainter, Flow
from srmtool.export.progress.pdf_marks import ProgressOverlay, draw_swatch
from srmtool.model.plan import digit_style, signers_of
from srmtool.model.progress.figures import ProgressFigures, progress_figures
from srmtool.model.progress.periods import Period
from srmtool.model.progress.records import STATES, state_label
from srmtool.model.types import RouteMap

Canvas = Any  # reportlab ships no type information


def progress_pdf_bytes(
    route_map: RouteMap,
    period: Period,
    *,
    paper: str = "A4",
    thai_digits: bool | None = None,
    font_size: float = DEFAULT_FONT_SIZES["pdf"],
    signatures: Sequence[Signature] | None = None,
    today: date | None = None,
) -> bytes:
    """The report's file. ``thai_digits`` None: the map's own digit style. Raises ``ValueError``
    for a bad option."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
    if not 4 <= font_size <= 48:
        raise ValueError(f"font_size must be between 4 and 48, not {font_size}")
    thai = digit_style(route_map) == "thai" if thai_digits is None else thai_digits
    if signatures is None:
        signatures = (
            tuple((s.role, s.name, s.position) for s in signers_of(route_map)) or texts.REPORT_SIGNATURES
        )
    blocks = tuple(signatures)
    buffer = io.BytesIO()
    with _plain_streams():
        _build(route_map, period, buffer, PAPERS[paper], font_size * SARABUN_SCALE, thai, blocks, today)
    return buffer.getvalue()


def _build(
    route_map: RouteMap,
    period: Period,
    target: io.BytesIO,
    page_size: tuple[float, float],
    size: float,
    thai: bool,
    signatures: tuple[Signature, ...],
    today: date | None,
) -> None:
    meta = route_map.meta
    canvas = new_canvas(target, page_size, title=f"{texts.TITLE} {period.label('th')} {meta.title}".strip())
    canvas.setSubject(f"{texts.TITLE} {period.label('th')}")
    text = PdfText(canvas, size)
    figures = progress_figures(route_map, period)
    flow = Flow(text, page_size, size)
    _summary(flow, route_map, figures, thai, today)
    flow.new_page()
    _details(flow, figures, thai)
    _milestones(flow, figures, thai)
    flow.signatures(signatures, lambda s: texts.digits(s, thai))
    numbers = _Numbers(text, page_size, size, thai)
    from srmtool.export.pdf.map import draw_map_page

    shown = route_map.model_copy(
        update={"meta": meta.model_copy(update={"period": f"{texts.TITLE} {texts.period_line(period)}"})}
    )
    overlay = ProgressOverlay(route_map, period.id, thai)
    map_pages = draw_map_page(
        canvas,
        text,
        shown,
        page_size=page_size,
        thai_digits=thai,
        page_number=lambda n, count: numbers.draw(n, count + len(flow.pages)),
        overlay=overlay,
    )
    flow.render(canvas, numbers.draw, first=map_pages)
    canvas.save()


class _Numbers:
    """ "หน้า x / y" at the foot of every page, where the map PDF puts it."""

    def __init__(self, text: PdfText, page_size: tuple[float, float], size: float, thai: bool) -> None:
        frame = page_frame(page_size)
        self.text, self.thai = text, thai
        self.size = max(size * 0.8, 8.0 * frame.paper)
        self.right = page_size[0] - MARGIN
        self.baseline = frame.footer_baseline

    def draw(self, number: int, total: int) -> float:
        label = texts.digits(f"หน้า {number} / {total}", self.thai)
        self.text.canvas.setFillGray(0)
        self.text.draw_line(self.right, self.baseline, label, self.size, align="right")
        return float(self.right - self.text.width(label, self.size))


def _heading_block(flow: Flow, route_map: RouteMap, period: Period, thai: bool, today: date | None) -> None:
    meta = route_map.meta
    d = texts.digitizer(thai)
    flow.lines(d(texts.TITLE), flow.size * 1.35, bold=True, align="center")
    if meta.title:
        flow.lines(d(meta.title), flow.size * 1.1, bold=True, align="center")
    flow.lines(d(texts.period_line(period)), align="center")
    for value in (meta.organization, "  ".join(v for v in (meta.area, meta.period) if v)):
        if value:
            flow.lines(d(value), align="center", colour="#333333")
    flow.lines(d(texts.as_of(today)), flow.size * 0.9, align="center", colour="#333333")
    flow.space(flow.size * 0.8)


def _summary(
    flow: Flow, route_map: RouteMap, figures: ProgressFigures, thai: bool, today: date | None
) -> None:
    d = texts.digitizer(thai)
    _heading_block(flow, route_map, figures.period, thai, today)
    rows = figures.counts
    objectives = figures.objective_counts
    total_rows = sum(rows.values())
    body = []
    for state in STATES:
        share = f"{rows[state] * 100 / total_rows:.1f}" if total_rows else "-"
        body.append([state_label(state), d(str(rows[state])), d(share), d(str(objectives[state]))])
    total = [
        (0, 0, texts.TOTAL, "right"),
        (1, 1, d(str(total_rows)), "right"),
        (2, 2, d("100.0") if total_rows else "-", "right"),
        (3, 3, d(str(sum(objectives.values()))), "right"),
    ]
    content = TableContent(
        list(texts.SUMMARY_HEADINGS), None, [("", body)], ["left", "right", "right", "right"], total
    )
    labels = {state_label(s): s for s in STATES}
    flow.table(content, (30, 14, 14, 14), on_cells=_status_painter(0, labels), title="สรุปตามสถานะ")
    body = [
        [
            d(texts.source_name(s.source)),
            d(str(s.rows)),
            d(texts.amount(s.budget)),
            d(texts.amount(s.spent)),
            d(texts.percent(s.spent_share)),
        ]
        for s in figures.sources
    ]
    total = [
        (0, 0, texts.TOTAL, "right"),
        (1, 1, d(str(len(figures.rows))), "right"),
        (2, 2, d(texts.amount(figures.budget)), "right"),
        (3, 3, d(texts.amount(figures.spent)), "right"),
        (4, 4, d(texts.percent(figures.spent_share)), "right"),
    ]
    aligns = ["left", "right", "right", "right", "right"]
    flow.table(
        TableContent(list(texts.SOURCE_HEADINGS), None, [("", body)] if body else [], aligns, total),
        (34, 10, 14, 14, 8),
        title="งบประมาณตามแหล่งงบประมาณ",
    )
    note = texts.unread_note(figures)
    if note:
        flow.lines(d(note), flow.size * 0.9, colour="#333333")


def _details(flow: Flow, figures: ProgressFigures, thai: bool) -> None:
    d = texts.digitizer(thai)
    groups = []
    for objective in figures.objectives:
        p = objective.progress
        head = objective.label
        if p.state is not None:
            head += f"\n(สถานะ: {state_label(p.state)} · เสร็จ {p.done}/{p.total})"
        rows = [
            [
                "",
                d(texts.row_title(r)),
                d(r.target),
                d(texts.result_text(r)),
                state_label(r.state),
                d(texts.amount(r.budget) if r.budget is not None else r.budget_text or "-"),
                d(texts.amount(r.spent)),
                d(texts.percent(r.spent_share)),
                d(texts.note_text(r)),
            ]
            for r in objective.rows
        ]
        groups.append((d(head), rows))
    total = [
        (0, 4, texts.TOTAL, "right"),
        (5, 5, d(texts.amount(figures.budget)), "right"),
        (6, 6, d(texts.amount(figures.spent)), "right"),
        (7, 7, d(texts.percent(figures.spent_share)), "right"),
        (8, 8, "", "left"),
    ]
    aligns = ["left", "left", "left", "left", "right", "right", "right", "right", "left"]
    content = TableContent(list(texts.DETAIL_HEADINGS), 0, groups, aligns, total)
    labels = {state_label(s): s for s in STATES}
    title = d(f"ผลการดำเนินงานรายเป้าประสงค์ {figures.period.label('th')}")
    flow.table(
        content, texts.DETAIL_WEIGHTS, on_cells=_status_painter(texts.STATUS_COLUMN, labels), title=title
    )


def _milestones(flow: Flow, figures: ProgressFigures, thai: bool) -> None:
    if not figures.milestones:
        return
    d = texts.digitizer(thai)
    body = [
        [d(str(m.months)), d(m.text), texts.milestone_answer(m), d(texts.milestone_source(m, figures.period))]
        for m in figures.milestones
    ]
    aligns = ["right", "left", "right", "left"]
    content = TableContent(list(texts.MILESTONE_HEADINGS), None, [("", body)], aligns, [])
    painter = _status_painter(2, texts.MILESTONE_STATES)
    flow.table(content, (8, 56, 14, 16), on_cells=painter, title="ขั้นความสำเร็จ (Small Success)")


def _status_painter(column: int, labels: Mapping[str, str]) -> CellPainter:
    """Paints a status cell in its state's light colour, with the state's swatch beside the text
    (at the left of right-aligned text, at the right of left-aligned text)."""

    def paint(canvas: Canvas, box: Box, frame: TableFrame, style: TableStyle) -> None:
        if box.first != column or box.last != column or not box.lines:
            return
        state = labels.get("".join("".join(line) for line in box.lines).strip())
        if state is None:
            return
        left, right = frame.edges[column], frame.edges[column + 1]
        canvas.setFillColor(look(state).tint)
        canvas.rect(left, box.top - box.height, right - left, box.height, stroke=0, fill=1)
        swatch = style.size * 1.05
        x = left + style.pad_x if box.align == "right" else right - style.pad_x - swatch
        top = box.top - style.pad - (style.size * 1.23 - swatch) / 2 - style.size * 0.1
        draw_swatch(canvas, state, x, top - swatch, swatch)
        canvas.setFillGray(0)

    return paint
