"""What an export can be asked for, shared by the command line and the editor's export dialog.

The kinds of output, the papers, the font-size limits and defaults, and ``ExportOptions``: one set of
options for every kind, each writer reading the ones it uses. Pure data: importing this module loads
neither openpyxl, reportlab nor Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from srmtool.model.plan import signers_of
from srmtool.model.types import RouteMap

#: Every kind of output, in the order the front ends offer them.
KINDS: Final = ("xlsx", "pdf", "png", "svg")
#: What ``srmtool export FILE`` writes when no output is named.
DEFAULT_KINDS: Final = ("xlsx", "pdf")
#: The pictures of the map: drawn by the editor's canvas, so they need Qt; the front end that owns Qt
#: hands their writers in (``srmtool.export.writers.writer``).
PICTURE_KINDS: Final = ("png", "svg")
#: Paper sizes for Excel and PDF, landscape either way.
PAPERS: Final = ("A4", "A3")
#: The table's text size, in TH Sarabun points, that either front end accepts.
MIN_FONT_SIZE: Final = 6.0
MAX_FONT_SIZE: Final = 48.0
#: Each kind's own table text size (TH Sarabun points), as on Thai government documents.
DEFAULT_FONT_SIZES: Final = {"xlsx": 16.0, "pdf": 14.0}
#: The Excel cells' font (the PDF always embeds the bundled Sarabun).
DEFAULT_FONT: Final = "TH SarabunPSK"

Signature = tuple[str, str, str]  # (role, name, position) of a block under the PDF table
#: What the PDF prints when no signers are given: blank proposer and approver blocks.
DEFAULT_SIGNATURES: Final[tuple[Signature, ...]] = (("ผู้เสนอแผน", "", ""), ("ผู้อนุมัติแผน", "", ""))


def map_signatures(route_map: RouteMap) -> tuple[Signature, ...]:
    """The signature blocks a map prints unless an export is told otherwise: the map's own signers
    (its ``signers`` key, edited in the editor's Plan dialog), else blank proposer and approver
    blocks (``DEFAULT_SIGNATURES``)."""
    return tuple((s.role, s.name, s.position) for s in signers_of(route_map)) or DEFAULT_SIGNATURES


def font_size_allowed(size: float) -> bool:
    """Whether ``size`` is a table text size the front ends accept."""
    return MIN_FONT_SIZE <= size <= MAX_FONT_SIZE


@dataclass(frozen=True)
class ExportOptions:
    """How the outputs of one export look.

    ``paper`` and ``thai_digits`` are for Excel and PDF, ``font`` for Excel only, ``signatures`` for
    the PDF only (an empty tuple prints none; None, the default, prints the map's own,
    ``map_signatures``); ``font_size`` is the table's text size in TH Sarabun
    points, or None for each kind's own (``DEFAULT_FONT_SIZES``). Raises ``ValueError`` for a paper
    not in ``PAPERS`` or a size outside ``MIN_FONT_SIZE``–``MAX_FONT_SIZE``.
    """

    paper: str = "A4"
    thai_digits: bool = False
    font: str = DEFAULT_FONT
    font_size: float | None = None
    signatures: tuple[Signature, ...] | None = None

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {self.paper!r}")
        if self.font_size is not None and not font_size_allowed(self.font_size):
            raise ValueError(
                f"font_size must be between {MIN_FONT_SIZE:g} and {MAX_FONT_SIZE:g}, not {self.font_size:g}"
            )

    def signatures_for(self, route_map: RouteMap) -> tuple[Signature, ...]:
        """The signature blocks an export of ``route_map`` prints with these options."""
        return map_signatures(route_map) if self.signatures is None else self.signatures

    def font_size_for(self, kind: str) -> float:
        """The table text size ``kind`` is written with."""
        return self.font_size if self.font_size is not None else DEFAULT_FONT_SIZES[kind]
