"""Bringing existing work in: 11-column tables and action plans from Excel (no Qt).

``import_xlsx(path, sheet=None) -> ImportResult`` reads a workbook typed by hand (or written by our
own export) into a new map and an ``ImportReport``; it raises ``ImportRefused`` (with Thai and
English messages) for an unsafe, broken or table-less file. Nothing is written anywhere.
"""

from __future__ import annotations

from srmtool.importer.errors import ImportRefused
from srmtool.importer.headings import SYNONYMS, match_heading, normalise
from srmtool.importer.report import ColumnReport, ImportReport
from srmtool.importer.workbook import ImportResult, import_xlsx

__all__ = [
    "SYNONYMS",
    "ColumnReport",
    "ImportRefused",
    "ImportReport",
    "ImportResult",
    "import_xlsx",
    "match_heading",
    "normalise",
]
