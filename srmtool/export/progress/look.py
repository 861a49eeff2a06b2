"""How a follow-up state looks, the same on the canvas, on paper and in Excel: a colour, the colour
of text on it, a symbol drawn as vector shapes, and a character for places that only take text.

The colours are the Okabe–Ito set, told apart by the common kinds of colour blindness and strong
enough for a washed-out projector; the state is never told by colour alone: the symbol and the
name go with it. "No report" is drawn white with a dashed outline and a question mark, so that it
never passes for "on track".

Symbols are shapes in a unit square (x right, y down, 0–1); ``glyph(symbol)`` lists them, for the
canvas (QPainterPath) and the PDF (reportlab paths) to draw alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from srmtool.model.progress.records import STATES, state_label

Shape = tuple[Literal["stroke", "fill", "ring", "disc", "dot"], tuple[tuple[float, float], ...]]


@dataclass(frozen=True)
class StateLook:
    colour: str  # fill of the badge, the ring around a box, the Excel cell
    ink: str  # text and symbol on ``colour``
    tint: str  # a light wash of the colour, for table cells and backgrounds
    symbol: str  # a name in ``GLYPHS``
    char: str  # the symbol as one character (Excel cells, plain text)
    dashed: bool = False  # drawn with a dashed outline (no report)


LOOKS: Final[dict[str, StateLook]] = {
    "done": StateLook("#0072B2", "#ffffff", "#d6e8f5", "check", "✓"),
    "on_track": StateLook("#009E73", "#ffffff", "#d3f0e6", "disc", "●"),
    "at_risk": StateLook("#E69F00", "#111111", "#fbeccb", "triangle", "▲"),
    "late": StateLook("#D55E00", "#ffffff", "#f7dccb", "cross", "✕"),
    "not_started": StateLook("#BBBBBB", "#111111", "#eeeeee", "ring", "○"),
    "cancelled": StateLook("#555555", "#ffffff", "#dddddd", "dash", "–"),
    "no_report": StateLook("#ffffff", "#333333", "#ffffff", "question", "?", dashed=True),
}
assert set(LOOKS) == set(STATES)

#: The outline drawn around a white ("no report") badge or ring.
OUTLINE: Final = "#333333"

GLYPHS: Final[dict[str, tuple[Shape, ...]]] = {
    "check": (("stroke", ((0.18, 0.55), (0.42, 0.78), (0.84, 0.25))),),
    "disc": (("disc", ((0.5, 0.5), (0.34, 0.34))),),
    "triangle": (("fill", ((0.5, 0.1), (0.92, 0.86), (0.08, 0.86))),),
    "cross": (("stroke", ((0.22, 0.22), (0.78, 0.78))), ("stroke", ((0.78, 0.22), (0.22, 0.78)))),
    "ring": (("ring", ((0.5, 0.5), (0.3, 0.3))),),
    "dash": (("stroke", ((0.2, 0.5), (0.8, 0.5))),),
    "question": (
        (
            "stroke",
            ((0.3, 0.34), (0.36, 0.2), (0.5, 0.14), (0.64, 0.2), (0.68, 0.34), (0.5, 0.5), (0.5, 0.64)),
        ),
        ("dot", ((0.5, 0.84), (0.08, 0.08))),
    ),
}
#: Stroke width of a symbol's lines, as a share of the symbol's size.
GLYPH_STROKE: Final = 0.16


def look(state: str) -> StateLook:
    return LOOKS.get(state, LOOKS["no_report"])


def glyph(symbol: str) -> tuple[Shape, ...]:
    return GLYPHS.get(symbol, GLYPHS["question"])


def badge_text(state: str, done: int, total: int, lang: str = "th") -> str:
    """ "มีความเสี่ยง 1/3": the state's name and the rows done of those counted."""
    return f"{state_label(state, lang)} {done}/{total}"


def state_text(state: str, lang: str = "th") -> str:
    """ "▲ มีความเสี่ยง": the symbol and the name, for text-only places (Excel, tooltips)."""
    return f"{look(state).char} {state_label(state, lang)}"
