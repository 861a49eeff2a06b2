"""Numbers as Thai documents print them: amounts, Thai digits, baht in words, Buddhist Era dates."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# What may surround a number in a budget cell: the currency, "-" closing a whole amount ("5,000.-").
_AMOUNT_DECOR = re.compile(r"^(?:฿\s*)?(?P<n>.*?)\s*(?:\.-|-)?\s*(?:บาท)?\s*(?:\.-)?$")

THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
BUDDHIST_ERA_OFFSET = 543


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def parse_amount(text: str) -> Decimal | None:
    """The amount in a budget cell, or ``None`` when the cell is not just a number.

    Accepts Thai or Arabic digits, thousands commas, a trailing "บาท", "-" or ".-", a leading ฿:
    "12,500", "๑๒,๕๐๐", "12500 บาท", "1,234.50", "5,000.-". Ranges, words and empty cells give
    ``None``; so do negative amounts (a budget is never below zero).
    """
    cleaned = to_arabic_digits(text).strip()
    match = _AMOUNT_DECOR.match(cleaned)
    if match is None:
        return None
    number = match.group("n").replace(" ", "")
    if not _AMOUNT.fullmatch(number):
        return None
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None


def format_amount(value: Decimal, thai_digits: bool = False) -> str:
    """ "12,500", "1,234.50"; satang only when there are some."""
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.0f}" if rounded == rounded.to_integral_value() else f"{rounded:,.2f}"
    return to_thai_digits(text) if thai_digits else text


def baht_text(value: Decimal) -> str:
    """The amount in Thai words as on signed plans: 10000 → "หนึ่งหมื่นบาทถ้วน"."""
    from pythainlp.util import bahttext

    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return str(bahttext(float(rounded)))


def thai_date(value: date | datetime | str | None = None, thai_digits: bool = False) -> str:
    """A date in the Buddhist Era: "23 พฤศจิกายน 2569". ``None`` means today; ISO text is accepted
    (an unreadable text gives today, since a print must not fail over its date line)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            value = None
    if value is None:
        value = date.today()
    text = f"{value.day} {THAI_MONTHS[value.month - 1]} {value.year + BUDDHIST_ERA_OFFSET}"
    return to_thai_digits(text) if thai_digits else text
