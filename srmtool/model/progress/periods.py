"""Reporting periods of the follow-up: the Thai fiscal year's quarters, or the Small Success rounds.

The fiscal year (ปีงบประมาณ) runs from October to September and is named by the Buddhist Era year
it ends in: fiscal year 2568 is 1 October 2567 to 30 September 2568 (2024-10-01 to 2025-09-30).
A map reports either by quarter (``"quarters"``, the default: ไตรมาส 1/2568 is October to December)
or by the Small Success rounds at 3, 6, 9 and 12 months (``"months"``: รอบ 6 เดือน/2568 is October to
March, counted from the start of the year). A period's id, the key its records are filed under,
is ``"2568-Q1"`` … ``"2568-Q4"`` or ``"2568-M3"`` … ``"2568-M12"``; records under ids of another
scheme or year stay in the file and are shown with the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal, TypeAlias

from srmtool.model.numbers import BUDDHIST_ERA_OFFSET, THAI_MONTHS, to_arabic_digits

Scheme: TypeAlias = Literal["quarters", "months"]
SCHEMES: Final[tuple[Scheme, ...]] = ("quarters", "months")
DEFAULT_SCHEME: Final[Scheme] = "quarters"
#: The Small Success rounds, in months from the start of the fiscal year.
ROUND_MONTHS: Final = (3, 6, 9, 12)
#: Fiscal years a map may name (Buddhist Era).
MIN_YEAR: Final = 2400
MAX_YEAR: Final = 2800
#: The shape of a period id: a Buddhist Era year, a letter (Q quarter, M months) and a number.
PERIOD_ID: Final = re.compile(r"^(\d{4})-([A-Z])(\d{1,2})$")
SHORT_MONTHS: Final = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
_EN_MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_start(fiscal_year: int, months_in: int) -> date:
    """The first day of the month ``months_in`` months after the start of ``fiscal_year``."""
    year = fiscal_year - BUDDHIST_ERA_OFFSET - 1
    month = 10 + months_in
    year += (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period: quarter ``number`` (``kind`` "Q") or the first ``number`` months
    (``kind`` "M") of ``fiscal_year``. Ordered by time (then kind)."""

    fiscal_year: int
    end_month: int  # months from the start of the fiscal year to the period's end (3, 6 …)
    kind: str
    number: int

    @property
    def id(self) -> str:
        return f"{self.fiscal_year}-{self.kind}{self.number}"

    @property
    def start_month(self) -> int:
        """Months from the start of the year to the period's start (0 for the rounds)."""
        return self.end_month - 3 if self.kind == "Q" else 0

    @property
    def start(self) -> date:
        return _month_start(self.fiscal_year, self.start_month)

    @property
    def end(self) -> date:
        """The period's last day."""
        return _month_start(self.fiscal_year, self.end_month) - timedelta(days=1)

    def is_past(self, today: date) -> bool:
        return self.end < today

    def label(self, lang: str = "th") -> str:
        """ "ไตรมาส 1/2568", "รอบ 6 เดือน/2568" (English: "Quarter 1/2568", "6 months/2568")."""
        if self.kind == "Q":
            return (
                f"ไตรมาส {self.number}/{self.fiscal_year}"
                if lang == "th"
                else f"Quarter {self.number}/{self.fiscal_year}"
            )
        if self.kind == "M":
            return (
                f"รอบ {self.number} เดือน/{self.fiscal_year}"
                if lang == "th"
                else f"{self.number} months/{self.fiscal_year}"
            )
        return self.id

    def span(self, lang: str = "th") -> str:
        """ "ต.ค.–ธ.ค. 2567", "ต.ค. 2567–มี.ค. 2568" (English with B.E. years too)."""
        start, end = self.start, self.end
        names = SHORT_MONTHS if lang == "th" else _EN_MONTHS
        y0, y1 = start.year + BUDDHIST_ERA_OFFSET, end.year + BUDDHIST_ERA_OFFSET
        first, last = names[start.month - 1], names[end.month - 1]
        if y0 == y1:
            return f"{first}–{last} {y1}"
        return f"{first} {y0}–{last} {y1}"

    def end_text(self) -> str:
        """The last day in Thai: "31 ธันวาคม 2567"."""
        end = self.end
        return f"{end.day} {THAI_MONTHS[end.month - 1]} {end.year + BUDDHIST_ERA_OFFSET}"


def period_from_id(period_id: str) -> Period | None:
    """The period an id names (``"2568-Q2"``, ``"2568-M6"``), or None for an id of another shape
    (a newer release's period kind: kept in the file, listed by its id)."""
    match = PERIOD_ID.match(period_id)
    if match is None:
        return None
    year, kind, number = int(match.group(1)), match.group(2), int(match.group(3))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if kind == "Q" and 1 <= number <= 4:
        return Period(year, 3 * number, "Q", number)
    if kind == "M" and 1 <= number <= 12:
        return Period(year, number, "M", number)
    return None


def scheme_periods(fiscal_year: int, scheme: Scheme) -> tuple[Period, ...]:
    """The four periods of a fiscal year in ``scheme``."""
    if scheme == "months":
        return tuple(Period(fiscal_year, n, "M", n) for n in ROUND_MONTHS)
    return tuple(Period(fiscal_year, 3 * n, "Q", n) for n in range(1, 5))


def fiscal_year_of(day: date) -> int:
    """The fiscal year (B.E.) ``day`` falls in: October starts the next one."""
    return day.year + BUDDHIST_ERA_OFFSET + (1 if day.month >= 10 else 0)


def period_sort_key(period_id: str) -> tuple[int, int, str, int, str]:
    """Chronological order of period ids; ids of another shape after them, by name."""
    period = period_from_id(period_id)
    if period is None:
        return (MAX_YEAR + 1, 0, "", 0, period_id)
    return (period.fiscal_year, period.end_month, period.kind, period.number, "")


_YEAR: Final = re.compile(r"(?<!\d)(2[45]\d\d)(?!\d)")
_Q: Final = re.compile(r"^(?:ไตรมาส(?:ที่)?|quarter|q)\s*([1-4])(?:\s*[/ ]\s*(\d{4}))?$", re.IGNORECASE)
_M: Final = re.compile(
    r"^(?:รอบ\s*)?(?:m\s*)?(\d{1,2})\s*(?:เดือน|months?|m)?(?:\s*[/ ]\s*(\d{4}))?$", re.IGNORECASE
)
_NUMBER_YEAR: Final = re.compile(r"^([1-9]\d?)\s*/\s*(\d{4})$")


def parse_period(text: str, fiscal_year: int, scheme: Scheme = DEFAULT_SCHEME) -> Period | None:
    """The period a user names: an id (``2568-Q1``), ``Q1``, ``ไตรมาส 1/2568``, ``ไตรมาส ๒``,
    ``6 เดือน``, ``รอบ 6 เดือน/2568``, ``M6``, or ``2/2568`` (the second period of ``scheme``:
    quarter 2, or the 6-month round); without a year, of ``fiscal_year``. None when it names none."""
    plain = " ".join(to_arabic_digits(text).split())
    by_id = period_from_id(plain.upper())
    if by_id is not None:
        return by_id
    found = _Q.match(plain)
    if found:
        year = int(found.group(2)) if found.group(2) else fiscal_year
        return period_from_id(f"{year}-Q{found.group(1)}")
    found = _NUMBER_YEAR.match(plain)
    if found:
        n, year = int(found.group(1)), int(found.group(2))
        if scheme == "months":
            return period_from_id(f"{year}-M{ROUND_MONTHS[n - 1]}") if 1 <= n <= 4 else None
        return period_from_id(f"{year}-Q{n}")
    found = _M.match(plain)
    if found and (plain.lower().startswith(("m", "รอบ")) or "เดือน" in plain or "month" in plain.lower()):
        year = int(found.group(2)) if found.group(2) else fiscal_year
        return period_from_id(f"{year}-M{int(found.group(1))}")
    return None


def years_named(text: str) -> list[int]:
    """Buddhist Era years (2400–2599) written in ``text`` (Thai digits too), in order."""
    return [int(y) for y in _YEAR.findall(to_arabic_digits(text))]
