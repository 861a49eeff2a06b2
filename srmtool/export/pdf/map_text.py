"""Fitting Thai text into a rectangle of the map page: wrap, shrink step by step, and shorten with
an ellipsis only when even the smallest size does not fit. Nothing ever runs outside its rectangle.

A text may start with a bold prefix on its first line (an objective's code, the banner's heading).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from srmtool.export import thai

if TYPE_CHECKING:
    from srmtool.export.pdf.text import PdfText

ELLIPSIS = "…"
SIZE_STEP = 0.5


@dataclass(frozen=True)
class FittedText:
    """Lines to draw at one size. ``prefix`` (bold) starts line 0 when not empty; otherwise the
    first ``bold_head`` lines are drawn bold (a prefix too long to share a line). ``shortened`` says
    the last line was cut and ends with an ellipsis."""

    size: float
    lines: tuple[str, ...]
    prefix: str = ""
    bold_head: int = 0
    bold: bool = False
    shortened: bool = False


def max_lines(text: PdfText, size: float, height: float) -> int:
    """How many lines of ``size`` fit in ``height``."""
    room = height - text.ascent(size) - text.descent(size)
    if room < -1e-9:
        return 0
    return 1 + int((room + 1e-9) // text.line_height(size))


def _wrap(text: PdfText, body: str, prefix: str, size: float, width: float, bold: bool) -> FittedText:
    """``body`` wrapped at ``size``, the bold ``prefix`` on line 0 when it fits there."""
    if not prefix:
        return FittedText(size, tuple(text.wrap(body, size, width, bold=bold)), bold=bold)
    # Measure the prefix as body text and leave room for the bold glyphs being wider.
    extra = max(0.0, text.width(prefix, size, bold=True) - text.width(prefix, size, bold=bold))
    joined = f"{prefix} {body}" if body else prefix
    lines = text.wrap(joined, size, max(width - extra, 1.0), bold=bold)
    if lines and lines[0].startswith(prefix):
        return FittedText(size, tuple(lines), prefix=prefix, bold=bold)
    own = text.wrap(prefix, size, width, bold=True)
    rest = text.wrap(body, size, width, bold=bold) if body else []
    return FittedText(size, tuple(own + rest), bold_head=len(own), bold=bold)


def fit_text(
    text: PdfText,
    body: str,
    width: float,
    height: float,
    *,
    start: float,
    minimum: float,
    prefix: str = "",
    bold: bool = False,
    whole_words: bool = False,
) -> FittedText:
    """The largest size from ``start`` down to ``minimum`` (in ``SIZE_STEP`` steps) at which the
    wrapped text fits ``width`` × ``height``; at ``minimum`` the lines that fit, the last one
    shortened with an ellipsis. Every line fits ``width``. ``whole_words`` first lowers ``start``
    until the longest word fits a line (a short label reads better smaller than split)."""
    if whole_words and body.strip():
        longest = max(text.width(w, 1.0, bold=bold) for w in thai.words(body))
        if longest > 0:
            start = min(start, max(minimum, SIZE_STEP * math.floor(width / longest / SIZE_STEP)))
    sizes = [start]
    while sizes[-1] - SIZE_STEP >= minimum - 1e-9:
        sizes.append(round(sizes[-1] - SIZE_STEP, 3))
    lo, hi = 0, len(sizes) - 1  # binary search: fewer lines fit as the size grows
    best: FittedText | None = None
    while lo <= hi:
        mid = (lo + hi) // 2
        fitted = _wrap(text, body, prefix, sizes[mid], width, bold)
        if len(fitted.lines) <= max_lines(text, sizes[mid], height):
            best, hi = fitted, mid - 1
        else:
            lo = mid + 1
    if best is not None:
        return best
    fitted = _wrap(text, body, prefix, sizes[-1], width, bold)
    n = max(1, max_lines(text, fitted.size, height))
    head = fitted.lines[: n - 1]
    last = fitted.lines[n - 1] if n - 1 < len(fitted.lines) else ""
    parts = thai.clusters(last)
    while True:
        candidate = "".join(parts).rstrip() + ELLIPSIS
        trial = replace(fitted, lines=(*head, candidate), shortened=True)
        if n == 1 and trial.prefix and not candidate.startswith(trial.prefix):
            trial = replace(trial, prefix="", bold_head=1)
        if not parts or line_width(text, trial, n - 1) <= width:
            return trial
        parts.pop()


def _bold_line(fitted: FittedText, index: int) -> bool:
    return fitted.bold or index < fitted.bold_head


def line_width(text: PdfText, fitted: FittedText, index: int) -> float:
    """The drawn width of line ``index`` (the bold prefix included)."""
    line = fitted.lines[index]
    size = fitted.size
    if index == 0 and fitted.prefix:
        rest = line[len(fitted.prefix) :].lstrip()
        gap = text.width(" ", size, bold=fitted.bold) if rest else 0.0
        return text.width(fitted.prefix, size, bold=True) + gap + text.width(rest, size, bold=fitted.bold)
    return text.width(line, size, bold=_bold_line(fitted, index))


def draw_fitted(
    text: PdfText,
    fitted: FittedText,
    x: float,
    top: float,
    width: float,
    height: float,
    *,
    center: bool = False,
) -> None:
    """Draw ``fitted`` in the page rectangle whose top-left is (``x``, ``top``) (PDF points, y up),
    the block centred vertically; lines left-aligned or centred."""
    size = fitted.size
    block = text.block_height(len(fitted.lines), size)
    baseline = top - (height - block) / 2 - text.ascent(size)
    for i, line in enumerate(fitted.lines):
        left = x + (width - line_width(text, fitted, i)) / 2 if center else x
        if i == 0 and fitted.prefix:
            text.draw_line(left, baseline, fitted.prefix, size, bold=True)
            rest = line[len(fitted.prefix) :].lstrip()
            if rest:
                gap = text.width(" ", size, bold=fitted.bold)
                left += text.width(fitted.prefix, size, bold=True) + gap
                text.draw_line(left, baseline, rest, size, bold=fitted.bold)
        elif line:
            text.draw_line(left, baseline, line, size, bold=_bold_line(fitted, i))
        baseline -= text.line_height(size)
