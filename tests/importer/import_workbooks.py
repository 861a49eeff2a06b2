"""Workbooks as district offices type them, built with openpyxl for the import tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook

LONG_THAI = (
    "ผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลไม่ได้ทุกรายได้รับการเยี่ยมบ้านโดยทีมหมอครอบครัวร่วมกับอาสาสมัคร"
    "สาธารณสุขประจำหมู่บ้านอย่างน้อยเดือนละหนึ่งครั้งเพื่อทบทวนการกินยาและการควบคุมอาหาร"
)
SLM_HEADINGS = (
    "เป้าประสงค์",
    "ตัวชี้วัด (KPI)",
    "ค่าเป้าหมาย",
    "มาตรการ\nทางวิชาการ",
    "มาตรการทางสังคม",
    "กิจกรรมสำคัญ",
    "กลุ่มเป้าหมาย",
    "ระยะเวลา",
    "งบประมาณ (บาท)",
    "แหล่งงบประมาณ",
    "ผู้รับผิดชอบ",
)


def thai_table(path: Path) -> Path:
    """Title rows, Thai headings, a "(1)"…"(11)" row, objectives merged down and blank below,
    Thai-digit and "5,000.-" budgets, a multi-line cell, a total row and the total in words."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "แผนงาน"
    ws["A1"] = "แผนปฏิบัติการป้องกันควบคุมโรคไข้เลือดออก ปีงบประมาณ ๒๕๖๘"
    ws.merge_cells("A1:K1")
    ws["A2"] = "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านดอนหอม"
    ws.merge_cells("A2:K2")
    for c, text in enumerate(SLM_HEADINGS, 1):
        ws.cell(4, c, text)
        ws.cell(5, c, f"({c})")
    rows = [
        (
            "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลาย",
            "ค่า HI",
            "≤ 10",
            "3 เก็บ 3 โรค",
            "วันศุกร์เก็บบ้าน",
            "รณรงค์ Big Cleaning Day\nเดือนละ 1 ครั้ง",
            "ครัวเรือน",
            "พ.ค.–ก.ย. ๒๕๖๘",
            "๑๒,๕๐๐",
            "กองทุนฯ",
            "อสม.",
        ),
        (
            "",
            "ร้อยละบ้านสะอาด",
            "ร้อยละ 80",
            "สำรวจทุก 7 วัน",
            "ป้ายบ้านสะอาด",
            "ประกวดหมู่บ้าน",
            "11 หมู่บ้าน",
            "มิ.ย.–ต.ค.",
            "5,000.-",
            "กองทุนฯ",
            "อบต.",
        ),
        (
            "อสม. สำรวจลูกน้ำทุกสัปดาห์",
            "ร้อยละหมู่บ้านที่ส่งรายงาน",
            "ร้อยละ 100",
            "แบบสำรวจ",
            "",
            LONG_THAI,
            "อสม. 120 คน",
            "ตลอดปี",
            8000,
            "งบ รพ.สต.",
            "รพ.สต.",
        ),
        (
            "",
            "ความครบถ้วนของข้อมูล",
            "ร้อยละ 90",
            "",
            "",
            "ประชุมคืนข้อมูล",
            "อสม.",
            "ทุกไตรมาส",
            "ไม่ใช้งบประมาณ",
            "-",
            "รพ.สต.",
        ),
    ]
    for r, values in enumerate(rows, 6):
        for c, value in enumerate(values, 1):
            if value != "":
                ws.cell(r, c, value)
    ws.merge_cells("A6:A7")  # the first objective merged down; the second left blank below
    ws["A10"] = "รวมทั้งสิ้น"
    ws.merge_cells("A10:H10")
    ws["I10"] = 25500
    ws["A11"] = "(สองหมื่นห้าพันห้าร้อยบาทถ้วน)"
    ws.merge_cells("A11:K11")
    wb.save(path)
    return path


def english_table(path: Path) -> Path:
    """English headings, Thai-digit column numbers above them, an unmatched Remarks column."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Plan"
    headings = (
        "Objective",
        "KPI",
        "Target",
        "Key activities",
        "Timeframe",
        "Budget",
        "Responsible",
        "Remarks",
    )
    for c, text in enumerate(headings, 1):
        ws.cell(1, c, "๑๒๓๔๕๖๗๘"[c - 1])
        ws.cell(2, c, text)
    ws.append(("ภาคีร่วมลงทุนป้องกันโรค", "จำนวนโครงการ", "2", "เสนอโครงการต่อกองทุน", "Q1", "1,200", "อบต.", "ด่วน"))
    ws.append(("ภาคีร่วมลงทุนป้องกันโรค", "ร้อยละผู้เข้าร่วม", "80%", "ประชุมภาคี", "Q2", 3500.5, "สสอ.", ""))
    ws.append(("Total", "", "", "", "", 4700.5, "", ""))
    wb.save(path)
    return path


def action_plan(path: Path) -> Path:
    """A district action plan: งบประมาณ merged over รายละเอียด / จำนวน, a level column."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "แผนปฏิบัติการ"
    ws["A1"] = "แผนปฏิบัติการ สำนักงานสาธารณสุขอำเภอนาคำใต้ ปีงบประมาณ ๒๕๖๘"
    ws.merge_cells("A1:H1")
    top = (
        "มุมมอง",
        "เป้าประสงค์",
        "แนวทาง/กิจกรรมหลัก",
        "ช่วงเวลาดำเนินการ",
        "งบประมาณ",
        "",
        "แหล่งงบประมาณ",
        "ผู้รับผิดชอบ",
    )
    for c, text in enumerate(top, 1):
        if text:
            ws.cell(3, c, text)
    ws["E4"], ws["F4"] = "รายละเอียด", "จำนวน"
    ws.merge_cells("E3:F3")
    for col in "ABCDGH":
        ws.merge_cells(f"{col}3:{col}4")
    ws.append(
        (
            "ประชาชน",
            "ประชาชนลดหวานมันเค็ม",
            "คลินิก DPAC",
            "ต.ค.–ธ.ค.",
            "ค่าอาหารว่าง 50 คน",
            "๒,๕๐๐",
            "สปสช.",
            "รพ.",
        )
    )
    ws.append(("", "", "เยี่ยมบ้าน", "ม.ค.–มี.ค.", "ค่าเดินทาง", "1,000", "สปสช.", "รพ.สต."))
    ws.append(("ภาคี", "อปท. สนับสนุนงบประมาณ", "ทำ MOU", "ต.ค.", "-", "", "", "สสอ."))
    ws.merge_cells("A5:A6")
    ws.merge_cells("B5:B6")
    ws.append(("รวม", "", "", "", "", 3500, "", ""))
    wb.save(path)
    return path


def notes_first(path: Path) -> Path:
    """An explanation sheet before the data sheet."""
    wb = Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "คำชี้แจง"
    notes["A1"] = "คำชี้แจงการกรอกตาราง"
    notes["A2"] = "เป้าประสงค์ หมายถึง เป้าประสงค์จากแผนที่ทางเดินยุทธศาสตร์"
    notes["A3"] = "ตัวชี้วัด หมายถึง สิ่งที่ใช้วัดความสำเร็จ"
    data = wb.create_sheet("ตาราง")
    data.append(("เป้าประสงค์", "ตัวชี้วัด", "กิจกรรมสำคัญ", "งบประมาณ"))
    data.append(("พื้นฐาน: ระบบข้อมูลดี", "ข้อมูลครบ", "อบรมบันทึกข้อมูล", "๓,๐๐๐"))
    wb.save(path)
    return path


# -- hostile files, written by hand ------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_START = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_END = "</sheetData></worksheet>"


def handmade(path: Path, sheet_xml: str, extra: dict[str, bytes] | None = None) -> Path:
    """A minimal .xlsx zip around ``sheet_xml`` (the worksheet part), written member by member."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def inline_row(r: int, texts: list[str]) -> str:
    cells = "".join(
        f'<c r="{chr(64 + i)}{r}" t="inlineStr"><is><t>{t}</t></is></c>' for i, t in enumerate(texts, 1)
    )
    return f'<row r="{r}">{cells}</row>'


def entity_bomb(path: Path) -> Path:
    lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    doctype = f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "lol">{lol}]>'
    body = inline_row(1, ["เป้าประสงค์", "ตัวชี้วัด"]) + inline_row(2, ["&l9;", "x"])
    return handmade(path, doctype + SHEET_START + body + SHEET_END)


def external_entity(path: Path) -> Path:
    doctype = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    body = inline_row(1, ["เป้าประสงค์", "ตัวชี้วัด"]) + inline_row(2, ["&xxe;", "x"])
    return handmade(path, doctype + SHEET_START + body + SHEET_END)


def many_cells(path: Path, count: int) -> Path:
    rows = []
    per_row = 10
    for r in range(1, count // per_row + 2):
        cells = "".join(f'<c r="{chr(64 + i)}{r}"><v>1</v></c>' for i in range(1, per_row + 1))
        rows.append(f'<row r="{r}">{cells}</row>')
    return handmade(path, SHEET_START + "".join(rows) + SHEET_END)


def zip_bomb(path: Path) -> Path:
    """A member that unpacks about 2,000 times larger than it is packed."""
    return handmade(path, SHEET_START + SHEET_END, {"xl/media/pad.bin": b"\0" * (8 * 1024 * 1024)})
