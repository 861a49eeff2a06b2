"""A column heading far too long for a page (a valid map may hold 100,000 characters there) is cut
with "…" in the PDF instead of stopping the export."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from srmtool.export.pdf.document import write_pdf
from srmtool.export.pdf.table import ELLIPSIS, MAX_HEADER_SHARE
from srmtool.model import load_map
from srmtool.resources_path import resource


def test_a_heading_longer_than_a_page_is_cut_and_the_rows_still_print(tmp_path: Path) -> None:
    m = load_map(resource("examples", "dengue_tambon.srm"))
    budget = next(c for c in m.table.columns if c.key == "budget")
    budget.label = "งบประมาณที่ได้รับจากกองทุนหลักประกันสุขภาพระดับท้องถิ่น " * 1200  # 70,000 characters
    first_cell = m.table.rows[0].cells["activity"]
    path = tmp_path / "หัวยาว.pdf"
    write_pdf(m, path, signatures=())
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[1]  # the first table page, after the map
        text = page.extract_text(use_text_flow=True) or ""
        assert ELLIPSIS in text
        assert first_cell.split()[0][:6] in text.replace("\n", "")
        heading = [w for w in page.extract_words() if "งบประมาณ" in w["text"]]
        assert heading and max(w["bottom"] for w in heading) < page.height * (MAX_HEADER_SHARE + 0.2)
