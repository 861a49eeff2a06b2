"""Budget amounts, Thai digits, baht in words and Buddhist Era dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from srmtool.model import numbers


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("12,500", Decimal("12500")),
        ("๑๒,๕๐๐", Decimal("12500")),
        ("12500 บาท", Decimal("12500")),
        ("1,234.50", Decimal("1234.50")),
        ("5,000.-", Decimal("5000")),
        ("฿ 300", Decimal("300")),
        ("  ๒๐๐ บาท ", Decimal("200")),
    ],
)
def test_amounts_people_type_are_read(text: str, amount: Decimal) -> None:
    assert numbers.parse_amount(text) == amount


@pytest.mark.parametrize("text", ["", "ไม่ใช้งบประมาณ", "100-200", "1,23", "-5", "งบ อบต. 5,000", "12,500 / ปี"])
def test_text_that_is_not_one_amount_stays_text(text: str) -> None:
    assert numbers.parse_amount(text) is None


def test_amounts_are_printed_with_separators_and_optional_thai_digits() -> None:
    assert numbers.format_amount(Decimal("12500")) == "12,500"
    assert numbers.format_amount(Decimal("1234.5")) == "1,234.50"
    assert numbers.format_amount(Decimal("1234567"), thai_digits=True) == "๑,๒๓๔,๕๖๗"
    assert numbers.to_arabic_digits(numbers.to_thai_digits("ป1 2569")) == "ป1 2569"


def test_baht_in_words_as_on_signed_plans() -> None:
    assert numbers.baht_text(Decimal("10000")) == "หนึ่งหมื่นบาทถ้วน"
    assert numbers.baht_text(Decimal("21")) == "ยี่สิบเอ็ดบาทถ้วน"
    assert numbers.baht_text(Decimal("12500.50")) == "หนึ่งหมื่นสองพันห้าร้อยบาทห้าสิบสตางค์"


def test_dates_in_the_buddhist_era() -> None:
    assert numbers.thai_date(date(2026, 11, 23)) == "23 พฤศจิกายน 2569"
    assert numbers.thai_date("2025-01-05T09:00:00+07:00", thai_digits=True) == "๕ มกราคม ๒๕๖๘"
    assert numbers.thai_date("ไม่ใช่วันที่").endswith(str(date.today().year + 543))
