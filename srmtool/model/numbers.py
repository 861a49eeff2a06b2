"""Numbers as Thai documents print them: amounts, Thai digits, baht in words, Buddhist Era dates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

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


# -- budget cells of several lines ----------------------------------------------------------------

BudgetKind = Literal["amount", "total", "detail", "blank", "unread"]

#: Where a line says what it comes to: "… = 2,500 บาท", "… เป็นเงิน 3,600 บาท".
_RESULT = re.compile(r"(?:=|เป็นเงิน|คิดเป็นเงิน|จำนวนเงิน)\s*")
#: A multiplication without its result ("50 คน x 100 บาท") is no amount of its own.
_TIMES = re.compile(r"(?<![A-Za-z])[xX×*](?![A-Za-z])|คูณ")
_TRAILING = re.compile(r"(?:^|(?<=[\s:(]))(?P<n>฿?\s*\d[\d,]*(?:\.\d+)?\s*(?:บาท)?\s*(?:\.-|-)?\s*(?:บาท)?)$")
#: Words in brackets with no digit ("(ห้าพันบาทถ้วน)", "(งบ สปสช.)") say nothing about the amount.
_WORDS_IN_BRACKETS = re.compile(r"\s*\([^()\d]*\)\s*$")
_NOTHING = re.compile(r"^[-–—.\s]+$")
_YEAR_BEFORE = re.compile(r"(?:ปี|พ\.ศ\.|ปีงบประมาณ|ปีงบ)\s*$")
#: A number of its own; digits inside a Latin word (HbA1c, H5N1) are none.
_A_NUMBER = re.compile(r"(?<![A-Za-z])[0-9]+(?![A-Za-z])")


@dataclass(frozen=True)
class BudgetLine:
    """One line of a budget cell: ``kind`` "amount" (it comes to ``amount``), "total" (a "รวม …"
    line stating the cell's total), "detail" (words, or "-"), "blank", or "unread" (it holds a
    number that is not an amount srmtool can read, such as "50 คน x 100 บาท" or a range)."""

    text: str
    kind: BudgetKind
    amount: Decimal | None = None


@dataclass(frozen=True)
class BudgetCell:
    """A budget cell read line by line (``budget_cell``)."""

    lines: tuple[BudgetLine, ...]

    @property
    def amounts(self) -> tuple[Decimal, ...]:
        return tuple(line.amount for line in self.lines if line.kind == "amount" and line.amount is not None)

    @property
    def stated_total(self) -> Decimal | None:
        """The amount of the cell's own "รวม …" line (the last one), if it has one."""
        found = [line.amount for line in self.lines if line.kind == "total"]
        return found[-1] if found else None

    @property
    def total(self) -> Decimal | None:
        """What the row costs: the sum of its amounts; the stated total when it has none; None
        when the cell holds no amount at all (empty, "-", words)."""
        amounts = self.amounts
        return sum(amounts, Decimal(0)) if amounts else self.stated_total

    @property
    def unread(self) -> tuple[str, ...]:
        """The lines that hold a number but no amount srmtool can read (left out of the total)."""
        return tuple(line.text for line in self.lines if line.kind == "unread")


def _read_line(line: str) -> BudgetLine:
    text = " ".join(line.split())
    if not text:
        return BudgetLine(line, "blank")
    plain = to_arabic_digits(text)
    if _NOTHING.match(plain):
        return BudgetLine(line, "detail")
    whole = parse_amount(plain)
    if whole is not None:
        return BudgetLine(line, "amount", whole)
    body = _WORDS_IN_BRACKETS.sub("", plain)
    kind: BudgetKind = "total" if body.startswith("รวม") else "amount"
    amount = parse_amount(body) if body != plain else None
    results = list(_RESULT.finditer(body))
    if amount is None and results:
        amount = parse_amount(body[results[-1].end() :])
    elif amount is None and not _TIMES.search(body):
        found = _TRAILING.search(body)
        if found and not _YEAR_BEFORE.search(body[: found.start()]):
            amount = parse_amount(found.group("n"))
    if amount is not None:
        return BudgetLine(line, kind, amount)
    return BudgetLine(line, "unread" if _A_NUMBER.search(plain) else "detail")


def budget_cell(text: str) -> BudgetCell:
    """A budget cell's lines, each read: an amount alone ("5,000", "๕,๐๐๐", "5,000.-", "12,500 บาท"),
    an amount after its detail ("ค่าอาหารว่าง 5,000 บาท", "… 50 คน x 25 บาท x 2 มื้อ = 2,500 บาท",
    "… เป็นเงิน 3,600 บาท"), a "รวม 10,000" line, words or "-" (no amount), or a number that is not
    an amount. The printers, the checks and the import sum the same amounts from here."""
    return BudgetCell(tuple(_read_line(line) for line in text.split("\n")))


def budget_amount(text: str) -> Decimal | None:
    """The amount a budget cell comes to (``BudgetCell.total``)."""
    return budget_cell(text).total


def budget_total(cells: Iterable[str]) -> Decimal:
    """The total of a table's budget cells (each ``budget_amount``; cells with none add nothing)."""
    total = Decimal(0)
    for text in cells:
        amount = budget_amount(text)
        if amount is not None:
            total += amount
    return total
