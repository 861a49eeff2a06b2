"""The plan's own fields as additive keys of the `.srm` file (``srmtool.model.plan``): old files open
unchanged and save byte for byte, a key is written only when it holds something, in one order,
unknown keys inside survive, and a bad value is refused naming its place in Thai and English."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from srmtool.model import MapFileError, dumps_map, load_map, loads_map
from srmtool.model.limits import MAX_SIGNERS, MAX_TEXT_CHARS
from srmtool.model.plan import (
    ColumnGroup,
    Milestone,
    Signer,
    TableStyle,
    column_group_spans,
    count_digit_runs,
    digit_style,
    group_heading,
    guess_digits,
    plan_of,
    saved_digits,
    signers_of,
    table_style,
)
from srmtool.model.templates import builtin_template
from srmtool.model.types import RouteMap
from srmtool.resources_path import resource

DENGUE = Path(str(resource("examples", "dengue_tambon.srm")))
NCD = Path(str(resource("examples", "district_ncd.srm")))

PLAN: dict[str, Any] = {
    "programme": "แผนงานที่ ๓ การพัฒนาคุณภาพชีวิตระดับอำเภอ",
    "project": "โครงการพัฒนาระบบการแพทย์ปฐมภูมิและเครือข่ายบริการสุขภาพ",
    "objectives": ["เพื่อลดอัตราป่วยด้วยโรคไข้เลือดออก", "เพื่อให้ชุมชนมีส่วนร่วมในการจัดการสิ่งแวดล้อม"],
    "indicators": ["อัตราป่วยด้วยโรคไข้เลือดออกไม่เกิน ๕๐ ต่อแสนประชากร"],
    "rationale": [
        "โรคไข้เลือดออกยังคงเป็นปัญหาสาธารณสุขที่สำคัญของอำเภอนาคำใต้ในช่วงฤดูฝนของทุกปี",
        "คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอจึงเห็นควรจัดทำแผนนี้",
    ],
    "office": "สำนักงานสาธารณสุขอำเภอนาคำใต้",
    "milestones": [
        {"id": "ms1", "months": 3, "text": "มีคำสั่งแต่งตั้งคณะทำงานระดับอำเภอ"},
        {"id": "ms2", "months": 6, "text": "ค่า HI ไม่เกินร้อยละ ๑๐ ทุกหมู่บ้าน"},
        {"id": "ms3", "months": 12, "text": "สรุปผลการดำเนินงานเสนอ พชอ."},
    ],
}
SIGNERS = [
    {"role": "ผู้เสนอแผน", "name": "นางสาวสมใจ ใจดี", "position": "นักวิชาการสาธารณสุขชำนาญการ"},
    {"role": "ผู้อนุมัติแผน", "name": "นายอนุมัติ ตั้งใจ", "position": "นายอำเภอนาคำใต้"},
]
STYLE = {
    "grouping": "heading",
    "group_prefix": "มาตรการที่",
    "column_groups": [{"label": "งบประมาณ", "columns": ["budget_detail", "budget"]}],
    "map_page": False,
}


def _doc(path: Path = DENGUE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_bytes())
    return data


def _bytes(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _with_plan(doc: dict[str, Any] | None = None) -> dict[str, Any]:
    doc = doc or _doc()
    doc["plan"] = copy.deepcopy(PLAN)
    doc["signers"] = copy.deepcopy(SIGNERS)
    doc["meta"]["digits"] = "thai"
    doc["table"]["style"] = copy.deepcopy(STYLE)
    return doc


@pytest.mark.parametrize("path", [DENGUE, NCD])
def test_the_examples_have_none_of_these_keys_and_save_byte_identically(path: Path) -> None:
    route_map = load_map(path)
    assert plan_of(route_map).is_empty and signers_of(route_map) == ()
    assert saved_digits(route_map) is None and table_style(route_map) == TableStyle()
    assert dumps_map(route_map) == path.read_bytes()


def test_a_full_plan_loads_reads_as_typed_values_and_saves_byte_identically() -> None:
    data = _bytes(_with_plan())
    route_map = loads_map(data)
    assert dumps_map(route_map) == data  # the keys are written in the file's order already
    plan = plan_of(route_map)
    assert plan.programme.startswith("แผนงานที่ ๓") and plan.office == "สำนักงานสาธารณสุขอำเภอนาคำใต้"
    assert plan.objectives[1] == "เพื่อให้ชุมชนมีส่วนร่วมในการจัดการสิ่งแวดล้อม" and len(plan.rationale) == 2
    assert [m.id for m in plan.milestones_at(6)] == ["ms2"] and plan.milestones_at(9) == ()
    assert plan.milestone_months() == (3, 6, 9, 12)
    assert signers_of(route_map) == (
        Signer("ผู้เสนอแผน", "นางสาวสมใจ ใจดี", "นักวิชาการสาธารณสุขชำนาญการ"),
        Signer("ผู้อนุมัติแผน", "นายอนุมัติ ตั้งใจ", "นายอำเภอนาคำใต้"),
    )
    assert digit_style(route_map) == "thai"
    style = table_style(route_map)
    assert style.grouping == "heading" and not style.map_page
    assert style.column_groups == (ColumnGroup("งบประมาณ", ("budget_detail", "budget")),)
    text = data.decode()
    assert text.index('"table"') < text.index('"plan"') < text.index('"signers"')  # after the known keys


def test_keys_in_another_order_are_written_in_the_file_order_and_then_stay() -> None:
    doc = _with_plan()
    doc["plan"] = dict(reversed(list(doc["plan"].items())))
    doc["plan"]["milestones"][0] = dict(reversed(list(doc["plan"]["milestones"][0].items())))
    doc["signers"][0] = {"position": "ผอ.", "role": "ผู้เสนอแผน", "name": "นายก"}
    doc["table"]["style"] = dict(reversed(list(STYLE.items())))
    once = dumps_map(loads_map(_bytes(doc)))
    assert once == dumps_map(loads_map(once))
    written = json.loads(once)
    assert list(written["plan"]) == list(PLAN)
    assert list(written["plan"]["milestones"][0]) == ["id", "months", "text"]
    assert list(written["signers"][0]) == ["role", "name", "position"]
    assert list(written["table"]["style"]) == list(STYLE)


def test_unknown_keys_inside_the_plan_keys_survive() -> None:
    doc = _with_plan()
    doc["plan"]["budget_year"] = 2567
    doc["plan"]["milestones"][1]["done"] = {"2567-03": True}
    doc["signers"][1]["date"] = "๓๐ กันยายน ๒๕๖๖"
    doc["table"]["style"]["zebra"] = True
    doc["table"]["style"]["column_groups"][0]["colour"] = "#ddeeff"
    route_map = loads_map(_bytes(doc))
    again = json.loads(dumps_map(route_map))
    assert again["plan"]["budget_year"] == 2567 and list(again["plan"])[-1] == "budget_year"
    assert again["plan"]["milestones"][1]["done"] == {"2567-03": True}
    assert again["signers"][1]["date"] == "๓๐ กันยายน ๒๕๖๖"
    assert again["table"]["style"]["zebra"] is True
    assert again["table"]["style"]["column_groups"][0]["colour"] == "#ddeeff"
    # the typed view carries them, so an edit that rebuilds an item keeps them
    assert plan_of(route_map).milestones[1].extra == (("done", {"2567-03": True}),)
    assert signers_of(route_map)[1].extra == (("date", "๓๐ กันยายน ๒๕๖๖"),)


MS0 = "plan.milestones[0]"
BAD: dict[str, tuple[str, Any, str]] = {
    # name: (where, value put there, the place the message names)
    "plan not an object": ("plan", ["แผนงาน"], "plan"),
    "programme not text": ("plan.programme", 3, "plan.programme"),
    "objectives not a list": ("plan.objectives", "เพื่อลดอัตราป่วย", "plan.objectives"),
    "an objective not text": ("plan.objectives", ["เพื่อลดอัตราป่วย", None], "plan.objectives[1]"),
    "rationale too long": ("plan.rationale", ["ก" * (MAX_TEXT_CHARS + 1)], "plan.rationale[0]"),
    "milestones not a list": ("plan.milestones", {"3": "มีคำสั่ง"}, "plan.milestones"),
    "a milestone without an id": (
        "plan.milestones",
        [{"months": 3, "text": "มีคำสั่ง"}],
        "plan.milestones[0].id",
    ),
    "a milestone with an empty id": ("plan.milestones", [{"id": "", "months": 3}], "plan.milestones[0].id"),
    "months as text": ("plan.milestones", [{"id": "ms1", "months": "๓"}], "plan.milestones[0].months"),
    "months as a bool": ("plan.milestones", [{"id": "ms1", "months": True}], "plan.milestones[0].months"),
    "months zero": ("plan.milestones", [{"id": "ms1", "months": 0}], "plan.milestones[0].months"),
    "milestone text a number": (
        "plan.milestones",
        [{"id": "m", "months": 3, "text": 5}],
        "plan.milestones[0].text",
    ),
    "two milestones one id": (
        "plan.milestones",
        [{"id": "ms1", "months": 3}, {"id": "ms1", "months": 6}],
        "plan.milestones[1].id",
    ),
    "signers not a list": ("signers", {"role": "ผู้เสนอแผน"}, "signers"),
    "a signer not an object": ("signers", ["นางสาวสมใจ ใจดี"], "signers[0]"),
    "a signer's name a number": ("signers", [{"role": "ผู้เสนอแผน", "name": 1}], "signers[0].name"),
    "too many signers": ("signers", [{"role": "ผู้ลงนาม"}] * (MAX_SIGNERS + 1), "signers"),
    "digits unknown": ("meta.digits", "roman", "meta.digits"),
    "digits null": ("meta.digits", None, "meta.digits"),
    "style not an object": ("table.style", "heading", "table.style"),
    "grouping unknown": ("table.style", {"grouping": "merge"}, "table.style.grouping"),
    "map page as text": ("table.style", {"map_page": "no"}, "table.style.map_page"),
    "a group's column not a key": (
        "table.style",
        {"column_groups": [{"label": "งบประมาณ", "columns": ["budget", 4]}]},
        "table.style.column_groups[0].columns[1]",
    ),
}


def _put(doc: dict[str, Any], where: str, value: Any) -> None:
    parts = where.split(".")
    target = doc
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_value_is_refused_naming_its_place(name: str) -> None:
    where, value, place = BAD[name]
    doc = _with_plan()
    _put(doc, where, value)
    with pytest.raises(MapFileError) as info:
        loads_map(_bytes(doc), "แผนอำเภอ.srm")
    error = info.value
    assert error.where == place, error
    assert error.message_th and error.message_en and error.message_th != error.message_en
    assert "แผนอำเภอ.srm" in error.message("th") and place in error.message("en")


@pytest.mark.parametrize("name", ["two milestones one id", "digits unknown", "grouping unknown"])
def test_a_map_holding_a_bad_value_is_not_saved(name: str) -> None:
    where, value, place = BAD[name]
    route_map = loads_map(_bytes(_with_plan()))
    extra: dict[str, Any]
    if where.startswith("plan."):
        extra = route_map.model_extra["plan"]  # type: ignore[index]
        extra[where[5:]] = value
    elif where.startswith("meta."):
        route_map.meta.model_extra[where[5:]] = value  # type: ignore[index]
    else:
        route_map.table.model_extra[where[6:]] = value  # type: ignore[index]
    with pytest.raises(MapFileError) as info:
        dumps_map(route_map)
    assert info.value.where == place and info.value.message_en.startswith("cannot save")


def test_the_action_plan_template_carries_its_style_and_the_mini_slm_none() -> None:
    action = builtin_template("action_plan")
    assert action.style.grouping == "heading" and action.style.map_page is False
    assert action.style.group_prefix == "มาตรการที่"
    assert action.style.column_groups == (ColumnGroup("งบประมาณ", ("budget_detail", "budget")),)
    slm = builtin_template("mini_slm_11")
    assert slm.style == TableStyle()
    # a new Mini SLM map has no style key at all; a new action plan has it
    assert "style" not in json.loads(dumps_map(RouteMap(table=slm.fresh_table())))["table"]
    action_map = RouteMap(table=action.fresh_table())
    written = json.loads(dumps_map(action_map))["table"]["style"]
    assert written == STYLE
    assert table_style(loads_map(dumps_map(action_map))) == action.style


def test_column_groups_head_the_neighbouring_columns_the_table_has() -> None:
    route_map = RouteMap(table=builtin_template("action_plan").fresh_table())
    keys = [c.key for c in route_map.table.columns]
    assert column_group_spans(route_map) == [("งบประมาณ", keys.index("budget_detail"), keys.index("budget"))]
    route_map.table.columns = [c for c in route_map.table.columns if c.key != "budget_detail"]
    assert column_group_spans(route_map) == []  # one column left: no group heading
    route_map = RouteMap(table=builtin_template("action_plan").fresh_table())
    cols = route_map.table.columns
    cols.insert(3, cols.pop(1))  # activity between budget_detail and budget: not neighbours
    assert column_group_spans(route_map) == []


def test_group_headings_number_measures_unless_typed_numbered() -> None:
    style = builtin_template("action_plan").style
    assert group_heading(style, 2, "พัฒนาศักยภาพ อสม.") == "มาตรการที่ 2 พัฒนาศักยภาพ อสม."
    assert group_heading(style, 1, "มาตรการที่ ๑ ส่งเสริมความรอบรู้") == "มาตรการที่ ๑ ส่งเสริมความรอบรู้"
    assert group_heading(style, 3, "มาตรการ ๓ สร้างกระแส") == "มาตรการ ๓ สร้างกระแส"
    assert group_heading(TableStyle(), 4, "ประชาชน\nมีสุขภาพดี") == "ประชาชน มีสุขภาพดี"


def test_digits_are_guessed_from_numbers_typed_and_not_from_latin_words() -> None:
    assert count_digit_runs("HbA1c ไม่เกิน ๗ ร้อยละ 40 COVID-19 H5N1") == (1, 1)
    route_map = load_map(DENGUE)
    assert guess_digits(route_map) == "arabic"
    for row in route_map.table.rows:
        row.cells = {k: v.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) for k, v in row.cells.items()}
    route_map.meta.period = "๒๕๖๗"
    assert guess_digits(route_map) == "thai"
    assert guess_digits(RouteMap()) == "arabic"  # no numbers at all
    route_map.meta.model_extra["digits"] = "arabic"  # type: ignore[index]
    assert digit_style(route_map) == "arabic"  # the saved choice wins over the guess


def test_readers_never_fail_on_values_a_script_put_in_by_hand() -> None:
    route_map = RouteMap()
    route_map.__pydantic_extra__ = {"plan": ["ไม่ใช่อ็อบเจกต์"], "signers": "นายก"}
    route_map.table.__pydantic_extra__ = {"style": {"grouping": "แถว", "map_page": "ไม่"}}
    assert plan_of(route_map).is_empty and signers_of(route_map) == ()
    assert table_style(route_map) == TableStyle()
    route_map.__pydantic_extra__ = {"plan": {"milestones": [{"id": "ms1", "months": "3"}, 5]}}
    assert plan_of(route_map).milestones == ()
    assert Milestone("ms1", 3).text == ""
