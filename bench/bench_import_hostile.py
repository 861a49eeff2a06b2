"""Time and memory of refusing hostile workbooks (run by hand, not by the test suite).

    .venv/bin/python bench/bench_import_hostile.py [--runs 5]

Each workbook is imported in a fresh process; printed are the refusal's key and the medians of the
time of ``import_xlsx``, of what it allocates (tracemalloc's peak, in a second run) and of the
process's peak resident size with Python and the importer loaded (``ru_maxrss``). Target: every refusal well
under a second and a few tens of MB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {
    "[Content_Types].xml": _CONTENT_TYPES,
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    f'package/2006/relationships"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    f'spreadsheetml/2006/main" xmlns:r="{_REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
    "</sheets></workbook>",
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{_REL}/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>',
}
SHEET_START = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_END = "</sheetData></worksheet>"


def handmade(path: Path, sheet: str | bytes, extra: dict[str, bytes] | None = None) -> Path:
    """A minimal .xlsx around the worksheet part ``sheet``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in _PARTS.items():
            z.writestr(name, text)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def inline_row(r: int, texts: list[str]) -> str:
    cells = "".join(
        f'<c r="{chr(64 + i)}{r}" t="inlineStr"><is><t>{t}</t></is></c>' for i, t in enumerate(texts, 1)
    )
    return f'<row r="{r}">{cells}</row>'


def many_cells(path: Path, count: int) -> Path:
    rows = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{chr(64 + i)}{r}"><v>1</v></c>' for i in range(1, 11)) + "</row>"
        for r in range(1, count // 10 + 2)
    )
    return handmade(path, SHEET_START + rows + SHEET_END)


def entity_bomb(path: Path) -> Path:
    lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    doctype = f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "lol">{lol}]>'
    return handmade(path, doctype + SHEET_START + inline_row(1, ["&l9;"]) + SHEET_END)


def zip_bomb(path: Path) -> Path:
    return handmade(path, SHEET_START + SHEET_END, {"xl/media/pad.bin": b"\0" * (8 * 1024 * 1024)})


def thai_table(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["เป้าประสงค์", "ตัวชี้วัด", "กิจกรรมสำคัญ", "งบประมาณ (บาท)"])
    for n in range(1, 21):
        sheet.append([f"ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย {n}", "ค่า HI ไม่เกิน ๑๐", "รณรงค์ทุกวันศุกร์", 5000])
    book.save(path)
    return path


HEAD = inline_row(1, ["เป้าประสงค์", "ตัวชี้วัด"]) + inline_row(2, ["ประชาชนมีสุขภาพดี", "ร้อยละ ๘๐"])

MEASURE = """
import json, resource, sys, time, tracemalloc
from srmtool.importer import ImportRefused, import_xlsx

def attempt():
    try:
        import_xlsx(sys.argv[1])
        return "imported"
    except ImportRefused as exc:
        return exc.key
    except MemoryError:
        return "MemoryError"

start = time.perf_counter()
key = attempt()
seconds = time.perf_counter() - start
tracemalloc.start()  # a second time, for the memory it allocates (tracemalloc slows it down)
attempt()
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps([key, seconds, peak / 1024 / 1024, rss / 1024]))
"""


def _ranges(tail: str) -> Callable[[Path], Path]:
    return lambda p: handmade(
        p, SHEET_START + HEAD + SHEET_END.replace("</worksheet>", tail + "</worksheet>")
    )


def _utf16(path: Path) -> Path:
    rows = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{chr(65 + i)}{r}"><v>{r}</v></c>' for i in range(10)) + "</row>"
        for r in range(3, 30_003)
    )
    xml = '<?xml version="1.0" encoding="UTF-16"?>' + SHEET_START + HEAD + rows + SHEET_END
    return handmade(path, xml.encode("utf-16"))


def _encrypted(path: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-untyped]

    plain = thai_table(path.with_name("plain.xlsx"))
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("รหัส1234", target)
    return path


CASES: list[tuple[str, Callable[[Path], Path]]] = [
    (
        '<mergeCell ref="A1:XFD1048576"/>',
        _ranges('<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    ),
    (
        '<mergeCell ref="A1:Z200000"/>',
        _ranges('<mergeCells count="1"><mergeCell ref="A1:Z200000"/></mergeCells>'),
    ),
    (
        '<hyperlink ref="A1:XFD1048576"/>',
        _ranges('<hyperlinks><hyperlink ref="A1:XFD1048576"/></hyperlinks>'),
    ),
    ("UTF-16 worksheet, 300,000 cells", _utf16),
    (
        "one value at XFD1048576",
        lambda p: handmade(
            p, SHEET_START + HEAD + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' + SHEET_END
        ),
    ),
    ("200,001 cells", lambda p: many_cells(p, 200_001)),
    ("entity bomb", entity_bomb),
    ("zip bomb", zip_bomb),
    ("password-protected .xlsx", _encrypted),
    ("a real table (accepted)", thai_table),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="srmtool-hostile-"))
    print(f"median of {args.runs} runs, each in a fresh process (time, allocated, process peak):")
    for i, (name, make) in enumerate(CASES):
        path = make(folder / f"case{i}.xlsx")
        results = []
        for _ in range(args.runs):
            done = subprocess.run(
                [sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, timeout=300
            )
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        keys = {r[0] for r in results}
        seconds = statistics.median(r[1] for r in results)
        peak = statistics.median(r[2] for r in results)
        rss = statistics.median(r[3] for r in results)
        size = path.stat().st_size / 1024
        shown = ", ".join(sorted(keys))
        print(f"  {name:34} {size:6.0f} KB  {shown:15} {seconds * 1000:7.1f} ms {peak:7.1f} MB {rss:6.0f} MB")


if __name__ == "__main__":
    main()
