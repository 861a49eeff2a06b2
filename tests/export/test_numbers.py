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


@pytest.mark.parametrize(
    ("text", "total", "unread"),
    [
        ("๕,๐๐๐\n\n๕,๐๐๐", Decimal("10000"), ()),  # the cell: two amounts, a blank line between
        ("5,000.-\n3,600 บาท\n-", Decimal("8600"), ()),
        (
            "ค่าอาหารกลางวัน ๕๐ คน ๆ ละ ๑๐๐ บาท เป็นเงิน ๕,๐๐๐ บาท\nค่าอาหารว่าง 50 คน x 25 บาท x 2 มื้อ = 2,500 บาท",
            Decimal("7500"),
            (),
        ),
        ("ค่าป้ายไวนิล 1,500\nค่าวัสดุ 2,000 บาท (สองพันบาทถ้วน)", Decimal("3500"), ()),
        ("5,000\n5,000\nรวม 10,000 บาท", Decimal("10000"), ()),  # the cell's own total is not added
        ("รวมเป็นเงิน ๑๒,๕๐๐ บาท", Decimal("12500"), ()),  # only a total: it is the amount
        ("10,000 (งบ สปสช.)", Decimal("10000"), ()),
        ("ไม่ใช้งบประมาณ\n-", None, ()),
        ("ใช้งบปกติของ รพ.สต. ในการตรวจ HbA1c", None, ()),  # digits inside a Latin word are no number
        ("ค่าอาหาร 50 คน x 100 บาท", None, ("ค่าอาหาร 50 คน x 100 บาท",)),  # no result: unread
        ("2,000\n1,000-2,000", Decimal("2000"), ("1,000-2,000",)),
        ("อบรม อสม. ๕๐ คน\nงบปี 2567", None, ("อบรม อสม. ๕๐ คน", "งบปี 2567")),
        ("", None, ()),
    ],
)
def test_budget_cells_of_several_lines_are_summed_and_what_is_not_read_is_said(
    text: str, total: Decimal | None, unread: tuple[str, ...]
) -> None:
    cell = numbers.budget_cell(text)
    assert cell.total == total and numbers.budget_amount(text) == total
    assert cell.unread == unread


def test_each_line_says_what_it_is() -> None:
    cell = numbers.budget_cell("ค่าอาหาร\n๕,๐๐๐\n\nรวม ๕,๐๐๐\n50 คน x 20")
    assert [(line.kind, line.amount) for line in cell.lines] == [
        ("detail", None),
        ("amount", Decimal("5000")),
        ("blank", None),
        ("total", Decimal("5000")),
        ("unread", None),
    ]
    assert cell.stated_total == Decimal("5000") and cell.amounts == (Decimal("5000"),)


def test_a_table_total_is_the_sum_of_its_cells() -> None:
    assert numbers.budget_total(["๕,๐๐๐\n\n๕,๐๐๐", "-", "", "ค่าป้าย 1,234.50"]) == Decimal("11234.50")
    assert numbers.budget_total([]) == Decimal(0)
