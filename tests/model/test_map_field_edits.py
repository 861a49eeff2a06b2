"""The plans of editing the map's own fields and of pasting lines as objectives (srmtool.model.edits
map_fields and lines), without Qt: what changes, what is left out, undo to the exact bytes."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from srmtool.model import dumps_map, load_map
from srmtool.model.edits import keep_lower_bands
from srmtool.model.edits.lines import (
    MAX_PASTED_LINES,
    TooManyLines,
    line_objective_operations,
    objective_lines,
)
from srmtool.model.edits.map_fields import (
    MapDetails,
    clean_field_text,
    details_of,
    details_operations,
    fiscal_year,
    period_suggestions,
    text_field_operations,
)
from srmtool.model.layout import compute_layout
from srmtool.model.operations import AddObjective, SetMapField, apply_all
from srmtool.model.plan import SIGNERS_KEY, Signer, signers_of
from srmtool.model.types import RouteMap
from srmtool.resources_path import resource

DESTINATION = (
    "ภายในปี 2570 ประชาชนตำบลบ้านนามีสุขภาวะที่ดี ปลอดจากโรคไข้เลือดออก\nด้วยการมีส่วนร่วมของชุมชนและภาคีเครือข่ายอย่างยั่งยืน"
)
LONG_THAI = (
    "อาสาสมัครสาธารณสุขประจำหมู่บ้านร่วมกับผู้นำชุมชนออกสำรวจและทำลายแหล่งเพาะพันธุ์ยุงลาย"
    "ในบ้านวัดโรงเรียนและศูนย์พัฒนาเด็กเล็กทุกสัปดาห์ตลอดฤดูฝนอย่างต่อเนื่อง"
)


@pytest.fixture
def dengue() -> RouteMap:
    return load_map(Path(str(resource("examples", "dengue_tambon.srm"))))


@pytest.fixture
def blank() -> RouteMap:
    return RouteMap()


# -- map fields -------------------------------------------------------------------------------------


def test_a_text_field_is_stored_trimmed_line_by_line() -> None:
    assert clean_field_text("  ภายในปี 2570  \n\n  ประชาชนสุขภาพดี \n ") == "ภายในปี 2570\n\nประชาชนสุขภาพดี"
    assert clean_field_text("\u200bปลอด\u200bโรค ") == "ปลอดโรค"


def test_only_the_fields_that_change_become_operations_and_undo_restores_the_bytes(
    blank: RouteMap,
) -> None:
    before = dumps_map(blank)
    operations = text_field_operations(
        blank,
        {
            "destination": f"  {DESTINATION}  ",
            "meta.title": "แผนที่ทางเดินยุทธศาสตร์ ควบคุมโรคไข้เลือดออก ตำบลบ้านนา",
            "meta.area": "",  # unchanged: no operation
            "label.foundation": "พื้นฐานองค์กร",
            "label.people": "   ",  # a level keeps a name
        },
    )
    assert [op.name for op in operations if isinstance(op, SetMapField)] == [
        "destination",
        "meta.title",
        "label.foundation",
    ]
    applied = apply_all(blank, operations)
    assert blank.destination == DESTINATION
    assert blank.perspective_label("foundation") == "พื้นฐานองค์กร"
    assert blank.perspective_label("people") == "ประชาชน"
    assert text_field_operations(blank, {"destination": DESTINATION}) == []
    applied.inverse.apply(blank)
    assert dumps_map(blank) == before


def test_an_unknown_field_is_refused(blank: RouteMap) -> None:
    with pytest.raises(ValueError):
        text_field_operations(blank, {"meta.created": "2026"})


def test_details_edit_texts_authors_and_signers_in_one_plan(dengue: RouteMap) -> None:
    before = dumps_map(dengue)
    start = details_of(dengue)
    assert start.texts["meta.period"] == dengue.meta.period
    signers = [
        Signer("ผู้เสนอแผน", " นางสาวสมศรี ใจดี ", "นักวิชาการสาธารณสุขชำนาญการ"),
        Signer("", "", ""),  # an empty block is dropped
        Signer("ผู้อนุมัติแผน", "นายสมชาย รักษ์ถิ่น", "สาธารณสุขอำเภอ"),
    ]
    details = MapDetails(
        texts={**start.texts, "meta.period": "ปีงบประมาณ 2569–2571"},
        authors=["ทีมสุขภาพตำบลบ้านนา", "  ", "รพ.สต.บ้านนา"],
        signers=signers,
    )
    operations = details_operations(dengue, details)
    names = [op.name for op in operations if isinstance(op, SetMapField)]
    assert names == ["meta.period", "meta.authors", SIGNERS_KEY]
    applied = apply_all(dengue, operations)
    assert dengue.meta.period == "ปีงบประมาณ 2569–2571"
    assert dengue.meta.authors == ["ทีมสุขภาพตำบลบ้านนา", "รพ.สต.บ้านนา"]
    assert [(s.role, s.name) for s in signers_of(dengue)] == [
        ("ผู้เสนอแผน", "นางสาวสมศรี ใจดี"),
        ("ผู้อนุมัติแผน", "นายสมชาย รักษ์ถิ่น"),
    ]
    assert details_operations(dengue, details) == []  # the same again changes nothing
    applied.inverse.apply(dengue)
    assert dumps_map(dengue) == before


def test_the_fiscal_year_starts_in_october_in_the_buddhist_era() -> None:
    assert fiscal_year(date(2026, 9, 30)) == 2569
    assert fiscal_year(date(2026, 10, 1)) == 2570
    suggestions = period_suggestions(date(2026, 12, 3))
    assert suggestions[0] == "ปีงบประมาณ 2570"
    assert "ปีงบประมาณ 2570–2573" in suggestions


# -- pasting lines as objectives ---------------------------------------------------------------------


def test_lines_are_trimmed_list_marks_dropped_and_empty_lines_skipped() -> None:
    text = (
        "  1. ประชาชนกำจัดลูกน้ำยุงลายทุกสัปดาห์  \r\n\r\n"
        "- อสม.สำรวจบ้านทุกหลังคาเรือน\n"
        "•\tโรงเรียนจัดกิจกรรมวันศุกร์ปลอดลูกน้ำ\n"
        "   \n"
        "๒) เทศบาลสนับสนุนงบประมาณ\n"
        "2570 เป็นปีเป้าหมาย\n"  # a number that is not a list mark stays
    )
    assert objective_lines(text) == [
        "ประชาชนกำจัดลูกน้ำยุงลายทุกสัปดาห์",
        "อสม.สำรวจบ้านทุกหลังคาเรือน",
        "โรงเรียนจัดกิจกรรมวันศุกร์ปลอดลูกน้ำ",
        "เทศบาลสนับสนุนงบประมาณ",
        "2570 เป็นปีเป้าหมาย",
    ]


def test_each_line_becomes_an_objective_of_the_level_with_its_own_code_and_free_place(
    dengue: RouteMap,
) -> None:
    before = dumps_map(dengue)
    codes_before = {o.code for o in dengue.objectives}
    text = f"ผู้นำชุมชนประกาศนโยบาย\n\n  {LONG_THAI}  \nวัดใช้เสียงตามสายประชาสัมพันธ์\n"
    operations, ids = line_objective_operations(dengue, "stakeholder", text)
    assert dumps_map(dengue) == before  # planning changes nothing
    assert len(ids) == 3 and all(isinstance(op, AddObjective) for op in operations)
    applied = apply_all(dengue, keep_lower_bands(dengue, operations))
    added = [dengue.objective(i) for i in ids]
    assert [o.text for o in added if o] == ["ผู้นำชุมชนประกาศนโยบาย", LONG_THAI, "วัดใช้เสียงตามสายประชาสัมพันธ์"]
    assert all(o is not None and o.perspective == "stakeholder" for o in added)
    codes = [o.code for o in added if o]
    assert len(set(codes)) == 3 and not set(codes) & codes_before
    assert all(code.startswith("ภ") for code in codes)
    layout = compute_layout(dengue)
    for (a, ra), (b, rb) in itertools.combinations(layout.boxes.items(), 2):
        assert not ra.intersects(rb), (a, b)
    applied.inverse.apply(dengue)
    assert dumps_map(dengue) == before


def test_text_without_lines_plans_nothing_and_too_many_lines_are_refused(blank: RouteMap) -> None:
    assert line_objective_operations(blank, "people", " \n\t\n") == ([], [])
    with pytest.raises(TooManyLines) as refused:
        line_objective_operations(blank, "people", "ประชาชน\n" * (MAX_PASTED_LINES + 1))
    assert refused.value.limit == MAX_PASTED_LINES
    with pytest.raises(ValueError):
        line_objective_operations(blank, "ชุมชน", "ประชาชน")
