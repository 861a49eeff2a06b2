"""Thai text on the canvas: break marks, the bundled Sarabun font and wrapped box text.

Qt breaks Thai lines between words only where libthai is installed (most Linux desktops), and
mid-word elsewhere (Windows, macOS, minimal Linux). So box text is laid out with U+200B at every
word boundary found by the export module's Thai segmenter, which makes the wrapping the same on
every system. The segmenter is loaded on the first call of ``thai_layout_text``, never at import:
loading it takes longer than starting a bare window. So a window paints first without box text,
asks for the segmenter (``request_segmenter``) and fills the text in when ``notifier().ready``
fires; a picture rendered off screen loads it at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

from srmtool.ui.fonts import box_family

ZWSP = "\u200b"
ELLIPSIS = "\u2026"
BODY_PIXEL_SIZE = 14
CODE_PIXEL_SIZE = 13


@lru_cache(maxsize=8192)
def thai_layout_text(text: str) -> str:
    """``text`` with U+200B at each Thai word boundary, for Qt's line breaking. Removing every
    U+200B gives ``text`` back. The first call loads the segmenter."""
    if not text:
        return text
    from srmtool.export import thai  # lazy: loads the segmenter on first use

    marked = thai.with_break_marks(text)
    if thai.segmenter_loaded():  # text without Thai letters is marked without loading it
        _set_ready()
    return marked


def load_segmenter() -> None:
    """Load the segmenter now (a no-op once loaded)."""
    from srmtool.export.thai import with_break_marks

    with_break_marks("ก")
    _set_ready()


def _set_ready() -> None:
    global _ready
    _ready = True


_ready = False


def segmenter_ready() -> bool:
    """Whether ``thai_layout_text`` is cheap now (the segmenter is loaded)."""
    return _ready


class _Notifier(QObject):
    ready = Signal()  # the segmenter has been loaded; text can be laid out now

    def __init__(self) -> None:
        super().__init__()
        self._asked = False
        self._loaded = False
        self._deferred = False

    def request(self) -> None:
        if not self._asked and not _ready:
            self._asked = True
            if not self._deferred:
                QTimer.singleShot(0, self, self._load)

    def defer(self) -> None:
        """Requests wait for ``load_now`` (a window's first frame is painted before the load)."""
        self._deferred = True

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            load_segmenter()
            self.ready.emit()

    def load_now(self) -> None:
        """Load the segmenter now and emit ``ready`` (once, whoever asked first); ends ``defer``."""
        self._asked = True
        self._deferred = False
        self._load()


@lru_cache(maxsize=1)
def notifier() -> _Notifier:
    """The object whose ``ready`` signal says the segmenter is loaded (needs a QCoreApplication)."""
    return _Notifier()


def request_segmenter() -> None:
    """Load the segmenter on the next turn of the event loop (once), then emit ``notifier().ready``."""
    notifier().request()


@dataclass(frozen=True)
class BoxFonts:
    body: QFont
    code: QFont
    line_step: float  # Sarabun has no U+200B glyph: a fallback font would make lines taller
    ascent: float


@lru_cache(maxsize=1)
def box_fonts() -> BoxFonts:
    """The fonts of box text (needs a QGuiApplication)."""
    family = box_family()
    body = QFont(family)
    body.setPixelSize(BODY_PIXEL_SIZE)
    code = QFont(family)
    code.setPixelSize(CODE_PIXEL_SIZE)
    code.setBold(True)
    metrics = QFontMetricsF(body)
    return BoxFonts(body=body, code=code, line_step=metrics.lineSpacing(), ascent=metrics.ascent())


def wrapped_layout(text: str, font: QFont, x: float, top: float, width: float, bottom: float) -> QTextLayout:
    """A laid-out QTextLayout of ``text`` (break marks already in it) in the column ``x`` ..
    ``x + width`` from ``top``; lines that would pass ``bottom`` are cut, and the last line that
    fits ends with an ellipsis. Lines are stepped by the font's line spacing."""
    step = QFontMetricsF(font).lineSpacing()
    lines = _break_lines(text, font, width)
    room = max(1, int((bottom - top) // step))
    if len(lines) > room:
        rest = text[lines[room - 1][0] :].replace(ZWSP, "")
        metrics = QFontMetricsF(font)
        last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        if not last.endswith(ELLIPSIS):
            last += ELLIPSIS
        text = text[: lines[room - 1][0]] + last
    layout = QTextLayout(text, font)
    layout.setTextOption(_wrap_option())
    layout.setCacheEnabled(True)
    layout.beginLayout()
    y = top
    for _ in range(room):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(x, y))
        y += step
    while True:  # anything left (a last line that wrapped again) is not drawn
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setNumColumns(0)
        line.setPosition(QPointF(x, -1e6))
    layout.endLayout()
    return layout


def break_lines(text: str, font: QFont, width: float) -> list[str]:
    """The lines Qt makes of ``text`` in ``width`` (break marks kept), for tests and checks."""
    return [text[start : start + length] for start, length in _break_lines(text, font, width)]


def _break_lines(text: str, font: QFont, width: float) -> list[tuple[int, int]]:
    layout = QTextLayout(text, font)
    layout.setTextOption(_wrap_option())
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    return spans


def _wrap_option() -> QTextOption:
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option
