"""One writer per kind of output: a function from the map to the file's bytes.

``writer(kind, options)`` gives it; ``srmtool.export.output.write_whole`` puts its bytes on disk
whole or not at all. Excel and PDF are made here (their libraries load on first use). PNG and SVG are
drawn by the editor's canvas, which needs Qt and so may not live in this package: the front end that
owns Qt hands their writers in as ``pictures`` (the editor from ``srmtool.ui.render``, the command
line through its editor door, ``srmtool.cli.editor``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from srmtool.export.options import KINDS, PICTURE_KINDS, ExportOptions
from srmtool.model.types import RouteMap

#: Makes one output of a map: the whole file's bytes. Raises on failure; never touches the disk.
Writer = Callable[[RouteMap], bytes]


def writer(kind: str, options: ExportOptions, pictures: Mapping[str, Writer] | None = None) -> Writer:
    """The writer of ``kind`` with ``options``.

    Raises ``ImportError`` when this installation lacks a library the kind needs, ``LookupError`` for
    a picture kind that ``pictures`` does not hold, and ``ValueError`` for a kind not in ``KINDS``.
    """
    if kind == "xlsx":
        from srmtool.export.xlsx.workbook import xlsx_bytes

        size = options.font_size_for("xlsx")
        return lambda m: xlsx_bytes(
            m, paper=options.paper, thai_digits=options.thai_digits, font=options.font, font_size=size
        )
    if kind == "pdf":
        from srmtool.export.pdf.document import pdf_bytes

        size = options.font_size_for("pdf")
        return lambda m: pdf_bytes(
            m,
            paper=options.paper,
            thai_digits=options.thai_digits,
            font_size=size,
            signatures=options.signatures_for(m),
        )
    if kind in PICTURE_KINDS:
        if pictures is None or kind not in pictures:
            raise LookupError(f"no {kind} writer was handed in: pictures are drawn by the editor's canvas")
        return pictures[kind]
    raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
