"""Thai text on a reportlab canvas: measured, wrapped between words, shaped, and copyable.

``PdfText`` writes PDF text operators for HarfBuzz-shaped tokens straight into the canvas's page
code (reportlab's shaped drawing needs ``rlbidi``, which is not on PyPI). Every token that shaping
changed is wrapped in an ``/ActualText`` span carrying its input text, and the fonts' ToUnicode maps
are fixed (see fonts.py), so copying or extracting text from the PDF returns what was drawn.

Each drawn line is a self-contained ``q BT … ET Q`` block: it uses the current fill colour and
leaves the canvas's own font and text state untouched. Draw all text through ``PdfText``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import IO, Any, Final

from reportlab.pdfgen.canvas import Canvas

from srmtool.export.fonts import BOLD, REGULAR, ThaiTTFont, register_fonts, utf16_hex
from srmtool.export.pdf.shape import Shaped, Shaper, shaper_for

#: Ink extent of Sarabun with stacked marks (ปั้น reaches 1.22 em) and descenders (ฎ, ญู: 0.33 em).
_ASCENT: Final = 1.23
_DESCENT: Final = 0.34
_LINE_HEIGHT: Final = 1.35

_RUNS = re.compile(r"\s+|\S+")
_Ops = list[tuple[int, str]]  # (font subset, text operators) for one token at one size


def _num(value: float) -> str:
    """A compact PDF number (reportlab's fp_str is slow without its C accelerator)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


def new_canvas(target: str | IO[bytes], page_size: tuple[float, float], *, title: str = "") -> Canvas:
    """A canvas whose initial font is the embedded Sarabun (so no unembedded Helvetica is listed)."""
    register_fonts()
    canvas = Canvas(target, pagesize=page_size, initialFontName=REGULAR, initialFontSize=12)
    if title:
        canvas.setTitle(title)
    canvas.setCreator("srmtool")
    return canvas


class PdfText:
    """Measures, wraps and draws Thai text on one canvas (create one per canvas)."""

    def __init__(self, canvas: Canvas, font_size_default: float = 14) -> None:
        regular, bold = register_fonts()
        self.canvas = canvas
        self.font_size_default = font_size_default
        self._fonts: tuple[ThaiTTFont, ThaiTTFont] = (regular, bold)
        self._shapers: tuple[Shaper, Shaper] = (shaper_for(regular), shaper_for(bold))
        self._doc: Any = canvas._doc
        self._ops_cache: dict[tuple[bool, float], dict[str, _Ops]] = {}
        self._width_cache: dict[tuple[bool, float], dict[str, float]] = {}
        self._font_names: dict[tuple[bool, int], str] = {}

    # -- metrics ------------------------------------------------------------------------
    def line_height(self, size: float) -> float:
        """Baseline-to-baseline distance."""
        return size * _LINE_HEIGHT

    def ascent(self, size: float) -> float:
        """Height above the baseline that covers the tallest stacked marks."""
        return size * _ASCENT

    def descent(self, size: float) -> float:
        """Depth below the baseline that covers the lowest marks and descenders (positive)."""
        return size * _DESCENT

    def block_height(self, lines: int, size: float) -> float:
        """Height of the ink of ``lines`` lines: ascent of the first to descent of the last."""
        if lines <= 0:
            return 0.0
        return self.ascent(size) + self.descent(size) + (lines - 1) * self.line_height(size)

    # -- measuring and wrapping ---------------------------------------------------------
    def token_width(self, token: str, size: float, bold: bool = False) -> float:
        return self._shapers[bold].shape(token).advance * size / 1000.0

    def tokens_width(self, tokens: Sequence[str], size: float, bold: bool = False) -> float:
        shape = self._shapers[bold].shape
        return sum(shape(t).advance for t in tokens) * size / 1000.0

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return self.tokens_width(_RUNS.findall(text), size, bold)

    def wrap_tokens(self, text: str, size: float, max_width: float, bold: bool = False) -> list[list[str]]:
        """Lines of tokens, breaking only between Thai words (srmtool.export.thai.wrap_tokens)."""
        from srmtool.export.thai import wrap_tokens

        return wrap_tokens(text, self._measure(size, bold), max_width)

    def _measure(self, size: float, bold: bool) -> Callable[[str], float]:
        """A token width function for this size and weight, remembering every width it gives."""
        key = (bold, size)
        widths = self._width_cache.get(key)
        if widths is None:
            widths = self._width_cache[key] = {}
        shape = self._shapers[bold].shape
        scale = size / 1000.0

        def measure(token: str) -> float:
            width = widths.get(token)
            if width is None:
                width = widths[token] = shape(token).advance * scale
            return width

        return measure

    def wrap(self, text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
        return ["".join(line) for line in self.wrap_tokens(text, size, max_width, bold)]

    # -- drawing --------------------------------------------------------------------------
    def draw_line(
        self, x: float, y: float, text: str, size: float, bold: bool = False, align: str = "left"
    ) -> None:
        """Draw one line with its baseline at ``y``; ``align`` left|center|right relative to ``x``."""
        self.draw_tokens(x, y, _RUNS.findall(text), size, bold, align)

    def draw_tokens(
        self,
        x: float,
        y: float,
        tokens: Sequence[str],
        size: float,
        bold: bool = False,
        align: str = "left",
    ) -> None:
        """Draw tokens (as from ``wrap_tokens``) on one line; see ``draw_line``."""
        self.draw_lines(x, y, [tokens], size, bold, align)

    def draw_lines(
        self,
        x: float,
        y: float,
        lines: Sequence[Sequence[str]],
        size: float,
        bold: bool = False,
        align: str = "left",
    ) -> None:
        """Draw lines of tokens, the first baseline at ``y``, each next ``line_height`` lower, in
        one text block (faster than one ``draw_tokens`` per line)."""
        code = ["q BT"]
        current = -1
        step = self.line_height(size)
        for tokens in lines:
            if tokens:
                current = self._emit(code, x, y, tokens, size, bold, align, current)
            y -= step
        code.append("ET Q")
        self.canvas._code.append(" ".join(code))

    def _emit(
        self,
        code: list[str],
        x: float,
        y: float,
        tokens: Sequence[str],
        size: float,
        bold: bool,
        align: str,
        current: int,
    ) -> int:
        """Append one line's operators to ``code``; returns the font subset left selected."""
        if align != "left":
            w = self.tokens_width(tokens, size, bold)
            x -= w / 2 if align == "center" else w
        code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        cache = self._ops_for(bold, size)
        for token in tokens:
            found = cache.get(token)
            if found is None:
                found = cache[token] = self._make_ops(token, size, bold)
            for subset, ops in found:
                if subset != current:
                    current = subset
                    code.append(f"{self._font_name(bold, subset)} {_num(size)} Tf")
                code.append(ops)
        return current

    def _font_name(self, bold: bool, subset: int) -> str:
        key = (bold, subset)
        name = self._font_names.get(key)
        if name is None:
            name = self._font_names[key] = self._fonts[bold].getSubsetInternalName(subset, self._doc)
        return name

    def _ops_for(self, bold: bool, size: float) -> dict[str, _Ops]:
        """The operators already made for tokens at this weight and size."""
        key = (bold, size)
        found = self._ops_cache.get(key)
        if found is None:
            found = self._ops_cache[key] = {}
        return found

    def _make_ops(self, token: str, size: float, bold: bool) -> _Ops:
        shaped = self._shapers[bold].shape(token)
        pieces = self._fonts[bold].splitString(shaped.glyphs, self._doc)
        escape = self.canvas._escape
        if shaped.positions is None:
            return [(subset, f"({escape(codes)}) Tj") for subset, codes in pieces]
        out = [
            (subset, _positioned(shaped, start, codes, size, escape))
            for subset, codes, start in _starts(pieces)
        ]
        first_subset, first_ops = out[0]
        out[0] = (first_subset, f"/Span <</ActualText <FEFF{utf16_hex(token)}>>> BDC {first_ops}")
        last_subset, last_ops = out[-1]
        out[-1] = (last_subset, f"{last_ops} EMC")
        return out


def _starts(pieces: list[tuple[int, bytes]]) -> list[tuple[int, bytes, int]]:
    """Each (subset, codes) piece with the index of its first glyph in the token."""
    out, start = [], 0
    for subset, codes in pieces:
        out.append((subset, codes, start))
        start += len(codes)
    return out


def _positioned(shaped: Shaped, start: int, codes: bytes, size: float, escape: Any) -> str:
    """TJ/Ts operators placing glyphs ``start…`` of a shaped token by HarfBuzz's offsets."""
    pos = shaped.positions
    assert pos is not None
    ops: list[str] = []
    array: list[str] = []
    rise = 0.0
    for j, code in enumerate(codes):
        g = start + j
        r = size * pos.y_offset[g] / 1000.0
        if r != rise:
            if array:
                ops.append(f"[{' '.join(array)}] TJ")
                array = []
            ops.append(f"{_num(r)} Ts")
            rise = r
        if pos.x_offset[g]:
            array.append(_num(-pos.x_offset[g]))
        array.append(f"({escape(bytes((code,)))})")
        kern = pos.width[g] - pos.x_advance[g] + pos.x_offset[g]
        if kern:
            array.append(_num(kern))
    if array:
        ops.append(f"[{' '.join(array)}] TJ")
    if rise:
        ops.append("0 Ts")
    return " ".join(ops)


__all__ = ["BOLD", "REGULAR", "PdfText", "new_canvas"]
