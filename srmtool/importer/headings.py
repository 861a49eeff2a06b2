"""Matching a sheet's column headings to the map's column keys.

People type headings in Thai or English, with brackets, numbering, line breaks and small variations.
``normalise`` reduces a heading to its letters and digits (NFC, lower case, Thai digits as Arabic,
numbering such as "(1)" or "๑." dropped); ``match_heading`` then tries the exact synonyms in
``SYNONYMS``, then containment of a synonym (the longest wins, so "แหล่งงบประมาณ" is the budget
source, not the budget), then a close spelling (difflib ratio) for typos.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Final

from srmtool.model.numbers import to_arabic_digits

#: Not a table column: the objective's level (perspective), when a sheet has one.
LEVEL_KEY: Final = "_level"

#: Heading synonyms per column key, as people write them (normalised when compared).
SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "objective": (
        "เป้าประสงค์",
        "เป้าประสงค์ยุทธศาสตร์",
        "เป้าประสงค์เชิงยุทธศาสตร์",
        "เป้าประสงค์จากแผนที่",
        "วัตถุประสงค์",
        "วัตถุประสงค์เชิงกลยุทธ์",
        "objective",
        "objectives",
        "strategic objective",
        "goal",
        "goals",
    ),
    "indicator": (
        "ตัวชี้วัด",
        "ตัวชี้วัด (KPI)",
        "ตัวชี้วัดความสำเร็จ",
        "ตัวชี้วัดผลสำเร็จ",
        "KPI",
        "KPIs",
        "indicator",
        "indicators",
        "indicator (KPI)",
        "key performance indicator",
    ),
    "target": (
        "ค่าเป้าหมาย",
        "เป้าหมาย",
        "ค่าเป้าหมายตัวชี้วัด",
        "เกณฑ์เป้าหมาย",
        "target",
        "targets",
        "target value",
        "target values",
    ),
    "technical_measure": (
        "มาตรการทางวิชาการ",
        "มาตรการวิชาการ",
        "technical measure",
        "technical measures",
    ),
    "social_measure": ("มาตรการทางสังคม", "มาตรการสังคม", "social measure", "social measures"),
    "activity": (
        "กิจกรรมสำคัญ",
        "กิจกรรมหลัก",
        "กิจกรรม",
        "แนวทาง/กิจกรรมหลัก",
        "แนวทางกิจกรรม",
        "โครงการ/กิจกรรม",
        "โครงการ",
        "key activity",
        "key activities",
        "activity",
        "activities",
        "main activity",
        "main activities",
        "approach / main activity",
    ),
    "target_group": (
        "กลุ่มเป้าหมาย",
        "กลุ่มเป้าหมาย/จำนวน",
        "target group",
        "target groups",
        "beneficiaries",
    ),
    "period": (
        "ระยะเวลา",
        "ระยะเวลาดำเนินการ",
        "ช่วงเวลา",
        "ช่วงเวลาดำเนินการ",
        "ห้วงเวลา",
        "ระยะเวลาดำเนินงาน",
        "timeframe",
        "time frame",
        "timeline",
        "period",
        "time period",
        "implementation period",
        "duration",
        "schedule",
    ),
    "budget": (
        "งบประมาณ",
        "งบประมาณ (บาท)",
        "งบประมาณ / จำนวน",
        "จำนวนเงิน",
        "จำนวนเงิน (บาท)",
        "จำนวน",
        "จำนวน (บาท)",
        "budget",
        "budget (baht)",
        "amount",
        "amount (baht)",
    ),
    "budget_detail": (
        "งบประมาณ / รายละเอียด",
        "รายละเอียดงบประมาณ",
        "รายละเอียด",
        "budget details",
        "budget detail",
        "budget / details",
    ),
    "budget_source": (
        "แหล่งงบประมาณ",
        "แหล่งงบ",
        "แหล่งเงิน",
        "แหล่งที่มาของงบประมาณ",
        "budget source",
        "source of budget",
        "funding source",
        "source of funds",
    ),
    "responsible": (
        "ผู้รับผิดชอบ",
        "ผู้รับผิดชอบ / ภาคี",
        "ผู้รับผิดชอบหลัก",
        "หน่วยงานรับผิดชอบ",
        "หน่วยงานที่รับผิดชอบ",
        "ภาคีเครือข่าย",
        "responsible",
        "responsible / partners",
        "responsible person",
        "responsibility",
        "owner",
        "person in charge",
    ),
    LEVEL_KEY: ("มุมมอง", "ระดับ", "perspective", "level"),
}

#: Below this score a heading matches nothing (exact 1.0, containment ≥ 0.6, spelling ≥ 0.72).
THRESHOLD: Final = 0.6
_MIN_CONTAINED: Final = 4
_CLOSE: Final = 0.8

_NUMBERING = re.compile(r"^\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2}\s*[.)]|\[\s*\d{1,2}\s*\])\s*")


def normalise(text: str) -> str:
    """Letters and digits only: NFC, lower case, Thai digits as Arabic, leading numbering dropped."""
    text = to_arabic_digits(unicodedata.normalize("NFC", text)).strip().lower()
    text = _NUMBERING.sub("", text)
    # Letters, marks (Thai vowels and tones) and digits; no spaces, punctuation or symbols.
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LMN")


_EXACT: Final[dict[str, str]] = {normalise(s): key for key, words in SYNONYMS.items() for s in words}
_BY_LENGTH: Final[list[tuple[str, str]]] = sorted(
    ((normalise(s), key) for key, words in SYNONYMS.items() for s in words), key=lambda p: -len(p[0])
)


def one_line(text: str) -> str:
    """A heading typed over several lines as one line. A break between two Thai letters was only
    wrapping (Thai writes words without spaces), so it is dropped; other breaks become a space."""
    out = ""
    for line in (" ".join(part.split()) for part in text.splitlines()):
        if not line:
            continue
        if out and not (_is_thai(out[-1]) and _is_thai(line[0])):
            out += " "
        out += line
    return out


def _is_thai(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e5b"


def match_heading(text: str) -> tuple[str, float] | None:
    """``(key, score)`` of the column a heading names, or ``None`` when it names none of ours."""
    norm = normalise(text)
    if not norm:
        return None
    key = _EXACT.get(norm)
    if key is not None:
        return key, 1.0
    for synonym, key in _BY_LENGTH:
        # Containment only for headings, not sentences: the synonym is a good part of the text.
        if len(synonym) >= _MIN_CONTAINED and synonym in norm and len(norm) <= 3 * len(synonym):
            return key, 0.6 + 0.35 * len(synonym) / len(norm)
    best: tuple[str, float] | None = None
    for synonym, key in _BY_LENGTH:
        if len(synonym) < _MIN_CONTAINED or abs(len(synonym) - len(norm)) > 3:
            continue
        ratio = difflib.SequenceMatcher(None, norm, synonym).ratio()
        if ratio >= _CLOSE and (best is None or ratio * 0.9 > best[1]):
            best = (key, ratio * 0.9)
    return best


def is_numbering(cells: list[str]) -> bool:
    """A row that only numbers the columns: "(1)" … "(11)", "๑" … "๑๑", "1." … — increasing."""
    numbers: list[int] = []
    for cell in cells:
        if not cell.strip():
            continue
        digits = re.sub(r"[\s().\[\]]", "", to_arabic_digits(cell))
        if not digits.isdigit() or len(digits) > 2:
            return False
        numbers.append(int(digits))
    return len(numbers) >= 2 and all(b > a for a, b in zip(numbers, numbers[1:], strict=False))


def synonym_table() -> list[tuple[str, tuple[str, ...]]]:
    """The synonyms per key, for reports and documentation."""
    return list(SYNONYMS.items())
