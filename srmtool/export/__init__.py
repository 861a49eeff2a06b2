"""Exports of a route map (Excel, PDF): plain functions of the model, no Qt.

``write_xlsx(route_map, path, **options)`` and ``write_pdf(route_map, path, **options)`` are loaded
on first use, so importing this package stays cheap (openpyxl, reportlab and the Thai segmenter
load only when an export runs).

What the two front ends (the command line and the editor's export dialog) share lives here too:
``options`` (``ExportOptions``, the kinds, papers and font limits), ``writers`` (one writer per kind;
the PNG and SVG writers need Qt and are handed in by the front end that has it), ``output`` (the one
whole-or-nothing ``write_whole``) and ``messages`` (what both say when a file cannot be written).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from srmtool.export.pdf.document import write_pdf
    from srmtool.export.xlsx.workbook import write_xlsx

__all__ = ["write_pdf", "write_xlsx"]


def __getattr__(name: str) -> Any:
    if name == "write_xlsx":
        from srmtool.export.xlsx.workbook import write_xlsx

        return write_xlsx
    if name == "write_pdf":
        from srmtool.export.pdf.document import write_pdf

        return write_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
