"""The progress report's words and numbers as both printers write them (PDF and Excel): headings,
a row's result against its target, amounts, percentages, the milestones' answers. Thai, as the
reports go to the provincial office."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Final

from srmtool.model.numbers import BUDDHIST_ERA_OFFSET, format_amount, thai_date, to_thai_digits
from srmtool.model.progress.figures import MilestoneFigures, ProgressFigures, RowFigures
from srmtool.model.progress.periods import SHORT_MONTHS, Period, period_from_id

TITLE: Final = "รายงานผลการดำเนินงานตามแผน"
DETAIL_HEADINGS: Final = (
    "เป้าประสงค์",
    "กิจกรรม / ตัวชี้วัด",
    "ค่าเป้าหมาย",
    "ผลการดำเนินงาน",
    "สถานะ",
    "งบประมาณ (บาท)",
    "ใช้ไปแล้ว (บาท)",
    "ร้อยละ",
    "หมายเหตุ",
)
DETAIL_WEIGHTS: Final = (17.0, 20.0, 9.0, 15.0, 11.0, 9.0, 9.0, 6.0, 14.0)
STATUS_COLUMN: Final = 4
SUMMARY_HEADINGS: Final = ("สถานะ", "จำนวนกิจกรรม", "ร้อยละของกิจกรรม", "จำนวนเป้าประสงค์")
SOURCE_HEADINGS: Final = ("แหล่งงบประมาณ", "จำนวนกิจกรรม", "งบประมาณ (บาท)", "ใช้ไปแล้ว (บาท)", "ร้อยละ")
MILESTONE_HEADINGS: Final = ("เดือนที่", "ขั้นความสำเร็จ (Small Success)", "ผล", "หมายเหตุ")
NO_SOURCE: Final = "ไม่ระบุแหล่งงบประมาณ"
#: The signature blocks of a report when the map names no signers.
REPORT_SIGNATURES: Final = (("ผู้รายงาน", "", ""), ("ผู้รับรองรายงาน", "", ""))
#: A milestone's answer and the state whose colour and symbol it is printed with.
MILESTONE_STATES: Final = {
    "ทำแล้ว": "done",
    "ยังไม่ได้ทำ": "late",
    "ยังไม่รายงาน": "no_report",
    "ยังไม่ถึงกำหนด": "not_started",
}
TOTAL: Final = "รวมทั้งสิ้น"


def digits(value: str, thai: bool) -> str:
    return to_thai_digits(value) if thai else value


def digitizer(thai: bool) -> Callable[[str], str]:
    """``digits`` of one digit style, as a function of the text."""
    return to_thai_digits if thai else _same


def _same(value: str) -> str:
    return value


def amount(value: Decimal | None) -> str:
    return format_amount(value) if value is not None else "-"


def percent(value: Decimal | None) -> str:
    return f"{value:.1f}" if value is not None else "-"


def period_line(period: Period) -> str:
    """ "รอบการรายงาน ไตรมาส 1/2568 (ต.ค.–ธ.ค. 2567)"."""
    return f"รอบการรายงาน {period.label('th')} ({period.span('th')})"


def as_of(today: date | None) -> str:
    return f"ข้อมูล ณ วันที่ {thai_date(today)}"


def row_title(row: RowFigures) -> str:
    """The activity, and the indicator under it when the row has both."""
    if row.indicator and row.indicator != row.title:
        return f"{row.title}\nตัวชี้วัด: {row.indicator}"
    return row.title


def result_text(row: RowFigures) -> str:
    """The result as reported, with the number against the target when both are numbers."""
    report = row.report
    if report is None:
        return ""
    parts = [report.result] if report.result else []
    if report.value is not None:
        number = format_amount(report.value)
        if row.target_value is not None:
            parts.append(f"({number} จาก {format_amount(row.target_value)})")
        elif number not in report.result:
            parts.append(f"({number})")
    return " ".join(parts)


def short_date(day: date) -> str:
    """ "3 ม.ค. 2568"."""
    return f"{day.day} {SHORT_MONTHS[day.month - 1]} {day.year + BUDDHIST_ERA_OFFSET}"


def note_text(row: RowFigures) -> str:
    """The note, then who reported and when, each on a line of its own (a name is never cut)."""
    report = row.report
    if report is None:
        return ""
    parts = [report.note] if report.note else []
    if report.by:
        parts.append(f"รายงานโดย\n{report.by}")
    if report.at is not None:
        parts.append(f"เมื่อ {short_date(report.at)}")
    return "\n".join(parts)


def milestone_answer(item: MilestoneFigures) -> str:
    """One of ``MILESTONE_STATES``."""
    if item.done is None:
        return "ยังไม่รายงาน" if item.due else "ยังไม่ถึงกำหนด"
    return "ทำแล้ว" if item.done else "ยังไม่ได้ทำ"


def milestone_source(item: MilestoneFigures, period: Period) -> str:
    """Which report the answer comes from when it is an earlier period's, else ""."""
    if not item.as_of or item.as_of == period.id:
        return ""
    earlier = period_from_id(item.as_of)
    return f"ตามรายงาน {earlier.label('th') if earlier else item.as_of}"


def source_name(source: str) -> str:
    return source or NO_SOURCE


def unread_note(figures: ProgressFigures) -> str:
    """A line saying how many budgets the totals leave out, or ""."""
    n = figures.unread_budgets
    return f"หมายเหตุ: งบประมาณ {n} รายการเขียนไว้เป็นข้อความที่อ่านเป็นจำนวนเงินไม่ได้ จึงไม่รวมในยอดรวม" if n else ""
