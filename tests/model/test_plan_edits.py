"""Editing the plan's own fields (``srmtool.model.edits.plan``): one operation per key that changes,
nothing for what stays, emptied fields leave the file, and undo gives back the exact bytes."""

from __future__ import annotations

from pathlib import Path

from srmtool.model import dumps_map, load_map
from srmtool.model.edits import (
    digits_operations,
    fresh_milestones,
    milestone_operations,
    plan_list_operations,
    plan_operations,
    plan_text_operations,
    signer_operations,
    style_operations,
)
from srmtool.model.operations import SetMapField, apply_all
from srmtool.model.plan import Milestone, Plan, Signer, TableStyle, plan_of, signers_of, table_style
from srmtool.model.templates import builtin_template
from srmtool.resources_path import resource

DENGUE = Path(str(resource("examples", "dengue_tambon.srm")))

FULL = Plan(
    programme="แผนงานที่ ๓ การพัฒนาคุณภาพชีวิตระดับอำเภอ",
    project="โครงการควบคุมโรคไข้เลือดออกแบบมีส่วนร่วม",
    objectives=("เพื่อลดอัตราป่วยด้วยโรคไข้เลือดออก", "   ", "เพื่อให้ชุมชนจัดการสิ่งแวดล้อมได้เอง"),
    indicators=("อัตราป่วยไม่เกิน ๕๐ ต่อแสนประชากร",),
    rationale=("โรคไข้เลือดออกยังคงเป็นปัญหาสาธารณสุขที่สำคัญของอำเภอ",),
    office="สำนักงานสาธารณสุขอำเภอนาคำใต้",
    milestones=(Milestone("ms1", 3, "มีคำสั่งแต่งตั้งคณะทำงาน"), Milestone("ms2", 6, " ")),
)


def test_a_whole_plan_is_one_operation_per_key_and_undoes_to_the_exact_bytes() -> None:
    route_map = load_map(DENGUE)
    operations = plan_operations(route_map, FULL)
    assert [op.name for op in operations if isinstance(op, SetMapField)] == [
        "plan.programme",
        "plan.project",
        "plan.objectives",
        "plan.indicators",
        "plan.rationale",
        "plan.office",
        "plan.milestones",
    ]
    applied = apply_all(route_map, operations)
    plan = plan_of(route_map)
    assert plan.objectives == (FULL.objectives[0], FULL.objectives[2])  # the blank entry is dropped
    assert plan.milestones == (Milestone("ms1", 3, "มีคำสั่งแต่งตั้งคณะทำงาน"),)  # no text: no milestone
    assert plan_operations(route_map, plan) == []  # nothing changes: nothing to do
    applied.inverse.apply(route_map)
    assert dumps_map(route_map) == DENGUE.read_bytes()


def test_emptying_every_field_by_hand_gives_back_a_file_without_a_plan() -> None:
    route_map = load_map(DENGUE)
    apply_all(route_map, plan_operations(route_map, FULL))
    assert b'"plan"' in dumps_map(route_map)
    apply_all(route_map, plan_operations(route_map, Plan()))
    assert dumps_map(route_map) == DENGUE.read_bytes()


def test_one_field_at_a_time() -> None:
    route_map = load_map(DENGUE)
    assert plan_text_operations(route_map, "office", "  ") == []  # absent and empty: nothing
    ops = plan_text_operations(route_map, "office", "สสอ.นาคำใต้")
    apply_all(route_map, ops)
    assert plan_text_operations(route_map, "office", "สสอ.นาคำใต้") == []
    assert plan_list_operations(route_map, "indicators", ["", " "]) == []
    assert plan_text_operations(route_map, "office", "") == [SetMapField("plan.office", None)]


def test_milestone_ids_are_fresh_and_kept_with_unknown_keys_through_an_edit() -> None:
    route_map = load_map(DENGUE)
    first = fresh_milestones(route_map, [(3, "มีคำสั่งแต่งตั้งคณะทำงาน"), (6, "ค่า HI ไม่เกินร้อยละ ๑๐")])
    assert [m.id for m in first] == ["ms1", "ms2"]
    apply_all(route_map, milestone_operations(route_map, first))
    route_map.model_extra["plan"]["milestones"][1]["done"] = ["2567-1"]  # type: ignore[index]
    more = fresh_milestones(route_map, [(12, "สรุปผลเสนอ พชอ.")])
    assert [m.id for m in more] == ["ms3"]
    kept = plan_of(route_map).milestones
    edited = (kept[1], Milestone(kept[0].id, 3, "แต่งตั้งคณะทำงานแล้ว"), *more)  # reordered, retyped
    apply_all(route_map, milestone_operations(route_map, edited))
    after = plan_of(route_map).milestones
    assert [m.id for m in after] == ["ms2", "ms1", "ms3"]
    assert after[0].extra == (("done", ["2567-1"]),) and after[1].text == "แต่งตั้งคณะทำงานแล้ว"


def test_signers_digits_and_style() -> None:
    route_map = load_map(DENGUE)
    signers = [
        Signer("ผู้เสนอแผน", "นางสาวสมใจ ใจดี", "ผอ.รพ.สต.บ้านนา"),
        Signer("", "", " "),  # an empty block is dropped
        Signer("ผู้อนุมัติแผน", "นายอนุมัติ ตั้งใจ", "นายก อบต.บ้านนา"),
    ]
    applied = apply_all(
        route_map,
        [
            *signer_operations(route_map, signers),
            *digits_operations(route_map, "thai"),
            *style_operations(route_map, builtin_template("action_plan").style),
        ],
    )
    assert [s.role for s in signers_of(route_map)] == ["ผู้เสนอแผน", "ผู้อนุมัติแผน"]
    assert signer_operations(route_map, signers_of(route_map)) == []
    assert digits_operations(route_map, "thai") == [] and table_style(route_map).grouping == "heading"
    assert style_operations(route_map, table_style(route_map)) == []
    assert signer_operations(route_map, []) == [SetMapField("signers", None)]
    assert digits_operations(route_map, None) == [SetMapField("meta.digits", None)]
    assert style_operations(route_map, TableStyle()) == [SetMapField("table.style", None)]
    applied.inverse.apply(route_map)
    assert dumps_map(route_map) == DENGUE.read_bytes()


def test_undo_of_a_key_added_to_an_empty_plan_object_keeps_the_empty_object() -> None:
    route_map = load_map(DENGUE)
    route_map.__pydantic_extra__ = {"plan": {}}
    before = dumps_map(route_map)
    undo = SetMapField("plan.office", "สสอ.นาคำใต้").apply(route_map).inverse
    undo.apply(route_map)
    assert dumps_map(route_map) == before and b'"plan": {}' in before
