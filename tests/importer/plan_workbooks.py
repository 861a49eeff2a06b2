"""District action plans as offices type them in Excel, built with openpyxl for the import tests.

The layout of the plans signed in the districts: a title, the heading block (แผนงาน, โครงการ,
วัตถุประสงค์ของโครงการ as a numbered list, ตัวชี้วัด, หลักการและเหตุผล), the table with งบประมาณ merged over
รายละเอียด | จำนวน, measures as full-width rows "มาตรการที่ ๑ …", activities as multi-line cells,
budget cells with several amounts, a total in figures and words, then ระดับขั้นความสำเร็จ
(Small Success), the responsible office and the signature blocks. Thai digits throughout.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Final

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

TITLE: Final = "แผนปฏิบัติการพัฒนาคุณภาพชีวิตระดับอำเภอ (พชอ.) อำเภอนาคำใต้ จังหวัดอุดรธานี ประจำปีงบประมาณ ๒๕๖๗"
PROGRAMME: Final = "แผนงานที่ ๓ การพัฒนาคุณภาพชีวิตประชาชนระดับอำเภอ"
PROJECT: Final = "โครงการพัฒนาระบบการแพทย์ปฐมภูมิและเครือข่ายบริการสุขภาพ (หลักของกระทรวง)"
OBJECTIVES: Final = (
    "เพื่อลดอัตราป่วยและอัตราตายด้วยโรคไม่ติดต่อเรื้อรังของประชาชนในอำเภอนาคำใต้",
    "เพื่อให้ภาคีเครือข่ายทุกภาคส่วนมีส่วนร่วมในการดูแลสุขภาพของชุมชนอย่างต่อเนื่อง",
)
INDICATORS: Final = ("ผู้ป่วยเบาหวานควบคุมระดับน้ำตาลได้ดี (HbA1c < ๗) ไม่น้อยกว่าร้อยละ ๔๐",)
RATIONALE: Final = (
    "โรคเบาหวานและความดันโลหิตสูงเป็นปัญหาสุขภาพอันดับหนึ่งของอำเภอนาคำใต้ ผู้ป่วยรายใหม่เพิ่มขึ้นทุกปี"
    "และผู้ป่วยจำนวนมากยังควบคุมโรคไม่ได้",
    "คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอจึงเห็นควรจัดทำแผนนี้ร่วมกับองค์กรปกครองส่วนท้องถิ่นทุกแห่ง",
)
OFFICE: Final = "สำนักงานสาธารณสุขอำเภอนาคำใต้"
MEASURES: Final = (
    "มาตรการที่ ๑ ส่งเสริมความรอบรู้ด้านสุขภาพของประชาชนกลุ่มเสี่ยง",
    "มาตรการที่ ๒ พัฒนาระบบบริการคลินิกโรคไม่ติดต่อเรื้อรังคุณภาพ",
    "มาตรการที่ ๓ สร้างการมีส่วนร่วมของภาคีเครือข่ายในชุมชน",
)
ACTIVITY_1: Final = (
    "๑. อบรมเชิงปฏิบัติการแกนนำสุขภาพประจำครอบครัว\n"
    "๑.๑ ประชุมชี้แจงแนวทางการดำเนินงาน\n"
    "๑.๒ อบรมการปรับเปลี่ยนพฤติกรรมสุขภาพ ๓อ. ๒ส."
)
SMALL_SUCCESS: Final = {
    3: ("มีคำสั่งแต่งตั้งคณะทำงานระดับอำเภอ", "มีแผนปฏิบัติการผ่านความเห็นชอบของ พชอ."),
    6: ("แกนนำสุขภาพได้รับการอบรมครบร้อยละ ๑๐๐",),
    9: ("ผู้ป่วยเบาหวานได้รับการตรวจ HbA1c ร้อยละ ๘๐",),
    12: ("สรุปและคืนข้อมูลผลการดำเนินงานแก่ พชอ.",),
}
SIGNERS: Final = (
    ("ผู้เสนอแผน", "นางสาวปิ่นทอง ศรีสุข", "สาธารณสุขอำเภอนาคำใต้"),
    ("ผู้อนุมัติแผน", "นายสมหวัง ดั่งใจ", "นายอำเภอนาคำใต้ ประธานคณะกรรมการ พชอ."),
)
#: The plan's budget: ๕,๐๐๐ + ๕,๐๐๐ (one cell), ๓,๖๐๐ + ๒,๔๐๐ (split over two sheet rows), ๑๕,๐๐๐ …
TOTAL: Final = Decimal("10000") + Decimal("3600") + Decimal("2400") + Decimal("15000") + Decimal("8000")


def _merge(ws: Worksheet, ref: str, value: object) -> None:
    ws[ref.split(":")[0]] = value
    ws.merge_cells(ref)


def district_plan(path: Path) -> Path:
    """The plan of the issue: heading block, three measures, a budget split over two rows, the
    total, Small Success as a four-column table, the office and two stacked signature blocks."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "แผน พชอ. ๒๕๖๗"
    _merge(ws, "A1:F1", TITLE)
    ws["A3"], ws["B3"] = "แผนงาน", PROGRAMME
    ws["A4"], ws["B4"] = "โครงการ", PROJECT
    ws["A5"] = "วัตถุประสงค์ของโครงการ"
    ws["B6"] = f"๑. {OBJECTIVES[0]}"
    ws["B7"] = f"๒. {OBJECTIVES[1]}"
    ws["A8"], ws["B8"] = "ตัวชี้วัด", INDICATORS[0]
    ws["A9"] = "หลักการและเหตุผล"
    _merge(ws, "A10:F10", RATIONALE[0])
    _merge(ws, "A11:F11", RATIONALE[1])
    for col, text in zip(
        "ABEF", ("แนวทาง/กิจกรรมหลัก", "ช่วงเวลาดำเนินการ", "แหล่งงบประมาณ", "ผู้รับผิดชอบ"), strict=True
    ):
        _merge(ws, f"{col}13:{col}14", text)
    _merge(ws, "C13:D13", "งบประมาณ")
    ws["C14"], ws["D14"] = "รายละเอียด", "จำนวน"
    _merge(ws, "A15:F15", MEASURES[0])
    ws.append(
        (
            ACTIVITY_1,
            "ต.ค. ๒๕๖๖ – ธ.ค. ๒๕๖๖",
            "ค่าอาหารกลางวัน ๕๐ คน x ๑ มื้อ x ๑๐๐ บาท\n\nค่าอาหารว่าง ๕๐ คน x ๒ มื้อ x ๕๐ บาท",
            "๕,๐๐๐\n\n๕,๐๐๐",
            "กองทุนหลักประกันสุขภาพ อบต.",
            "สสอ.นาคำใต้",
        )
    )  # row 16
    # an activity whose budget is split over two sheet rows: its other cells merged down
    _merge(ws, "A17:A18", "๒. คัดกรองความเสี่ยงเบาหวานและความดันโลหิตสูงในชุมชน")
    _merge(ws, "B17:B18", "ม.ค. – มี.ค. ๒๕๖๗")
    ws["C17"], ws["D17"] = "ค่าแถบตรวจน้ำตาลในเลือด", "๓,๖๐๐"
    ws["C18"], ws["D18"] = "ค่าวัสดุสำนักงาน", "๒,๔๐๐.-"
    _merge(ws, "E17:E18", "งบ สปสช.")
    _merge(ws, "F17:F18", "รพ.สต. ทุกแห่ง")
    _merge(ws, "A19:F19", MEASURES[1])
    ws.append(("๑. พัฒนาคลินิก NCD คุณภาพ", "ตลอดปีงบประมาณ", "ค่าตอบแทนวิทยากร", 15000, "เงินบำรุง รพ.", "รพ.นาคำใต้"))
    _merge(ws, "A21:F21", MEASURES[2])
    ws.append(
        ("๑. ประชุม พชอ. ทุกไตรมาส", "ไตรมาส ๑–๔", "ค่าอาหารว่างและเครื่องดื่ม", "๘,๐๐๐", "งบ อบต.", "สสอ.นาคำใต้")
    )
    _merge(ws, "A23:C23", "รวมงบประมาณ")
    ws["D23"] = "๓๙,๐๐๐"
    _merge(ws, "A24:F24", "(สามหมื่นเก้าพันบาทถ้วน)")
    _merge(ws, "A26:F26", "ระดับขั้นความสำเร็จ (Small Success)")
    for col, months in zip("ABCD", (3, 6, 9, 12), strict=True):
        ws[f"{col}27"] = f"{'๓๖๙'[months // 3 - 1] if months < 12 else '๑๒'} เดือน"
        ws[f"{col}28"] = "\n".join(f"- {item}" for item in SMALL_SUCCESS[months])
    ws["A30"], ws["B30"] = "หน่วยงานรับผิดชอบ", OFFICE
    row = 32
    for role, name, position in SIGNERS:
        ws[f"C{row}"] = f"ลงชื่อ ........................................ {role}"
        ws[f"C{row + 1}"] = f"({name})"
        ws[f"C{row + 2}"] = f"ตำแหน่ง {position}"
        row += 4
    wb.save(path)
    return path


def district_plan_variant(path: Path) -> Path:
    """Another office's hand: labels and values in one cell, measures typed in the first column
    only (not merged), a subtotal under each measure, a grand total that does not match its rows,
    Small Success as labelled lines, signature blocks side by side, Arabic digits."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    ws["A1"] = "แผนปฏิบัติการ พชอ. อำเภอนาคำใต้ ปีงบประมาณ 2567"
    ws["A2"] = f"แผนงาน : {PROGRAMME}"
    ws["A3"] = f"โครงการ : {PROJECT}"
    ws["A4"] = f"วัตถุประสงค์ : 1) {OBJECTIVES[0]}"
    ws["A5"] = f"2) {OBJECTIVES[1]}"
    ws["A6"] = "หน่วยงานรับผิดชอบ : สำนักงานสาธารณสุขอำเภอนาคำใต้"
    headings = (
        "แนวทาง/กิจกรรมหลัก",
        "ช่วงเวลาดำเนินการ",
        "รายละเอียดงบประมาณ",
        "จำนวนเงิน (บาท)",
        "แหล่งงบประมาณ",
        "ผู้รับผิดชอบ",
    )
    for c, text in enumerate(headings, 1):
        ws.cell(8, c, text)
    ws["A9"] = "มาตรการที่ 1 ลดเสี่ยง ลดโรค"
    ws.append(
        (
            "อบรม อสม. เชิงปฏิบัติการ",
            "พ.ย. 2566",
            "ค่าอาหาร 5,000 บาท\nค่าวิทยากร 3,600 บาท",
            "8,600",
            "กองทุนฯ",
            "รพ.สต.",
        )
    )
    ws.append(("", "", "", "", "", ""))  # a blank row between activities
    ws.append(("รวมมาตรการที่ 1", "", "", "8,600", "", ""))
    ws["A13"] = "มาตรการที่ 2 ชุมชนจัดการตนเอง"
    ws.append(
        (
            "ประกวดหมู่บ้านปรับเปลี่ยนพฤติกรรม",
            "ก.ค. 2567",
            "รางวัล 3 รางวัล",
            "ค่าอาหาร 50 คน x 100 บาท",
            "งบ อบต.",
            "อบต.",
        )
    )
    ws.append(("รวมทั้งสิ้น", "", "", "12,000", "", ""))
    ws["A17"] = "ระดับขั้นความสำเร็จ"
    ws["A18"] = "3 เดือน : มีคำสั่งแต่งตั้งคณะทำงาน"
    ws["A19"] = "6 เดือน : อสม. ได้รับการอบรมครบ"
    ws["A20"] = "12 เดือน : อัตราป่วยลดลงร้อยละ 5"
    ws["A22"], ws["D22"] = (
        "ลงชื่อ ......................... ผู้เสนอแผน",
        "ลงชื่อ ......................... ผู้อนุมัติแผน",
    )
    ws["A23"], ws["D23"] = "(นางสาวปิ่นทอง ศรีสุข)", "(.........................)"
    ws["A24"], ws["D24"] = "สาธารณสุขอำเภอนาคำใต้", "นายอำเภอนาคำใต้"
    wb.save(path)
    return path
