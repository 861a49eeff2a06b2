"""Every named edit: what it does, that its inverse restores the exact previous file (the bytes of
``dumps_map``, cells in their places), that the inverse's inverse redoes it, and that a refused edit
raises OperationError and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from srmtool.model.operations import (
    AddColumn,
    AddLink,
    AddObjective,
    AddRow,
    AddStakeholder,
    Batch,
    DropObjective,
    DropRow,
    DropStakeholder,
    MoveColumn,
    MoveObjective,
    MoveRow,
    Operation,
    OperationError,
    PutColumns,
    PutObjective,
    PutProgress,
    PutRow,
    PutStakeholder,
    RemoveColumn,
    RemoveLink,
    RemoveObjective,
    RemoveRow,
    RemoveStakeholder,
    ReplaceColumns,
    ReplaceLinks,
    SetCell,
    SetColumn,
    SetKeyRoute,
    SetMapField,
    SetMilestoneDone,
    SetObjectiveCode,
    SetObjectiveExtra,
    SetObjectiveNotes,
    SetObjectiveStakeholders,
    SetObjectiveText,
    SetPerspective,
    SetProgressSetting,
    SetReport,
    SetRowObjective,
    SetStakeholderField,
    SetVotes,
    apply_all,
)
from srmtool.model.plan import digit_style, plan_of, signers_of, table_style
from srmtool.model.srmfile.codec import dumps_map
from srmtool.model.templates import builtin_template, default_columns
from srmtool.model.types import Column, Link, Objective, RouteMap, Row, Stakeholder

LONG_TEXT = (
    "ประชาชนทุกครัวเรือนในตำบลบ้านใหม่มีส่วนร่วมในการจัดการสิ่งแวดล้อมและกำจัดแหล่งเพาะพันธุ์"
    "ยุงลายอย่างต่อเนื่องตลอดทั้งปีโดยมีผู้นำชุมชนและอาสาสมัครสาธารณสุขเป็นแกนนำ"
)


def base_map() -> RouteMap:
    m = RouteMap(destination="ตำบลบ้านใหม่ปลอดโรคไข้เลือดออก ภายในปี 2570")
    m.meta.title = "แผนที่ทางเดินยุทธศาสตร์ ตำบลบ้านใหม่"
    m.meta.authors = ["นางสาวสมใจ ใจดี", "นายสมชาย รักษ์ถิ่น"]
    m.table.columns = default_columns()
    objectives: list[tuple[str, str, str, str, list[str]]] = [
        ("o1", "ป1", "people", LONG_TEXT, []),
        ("o2", "ภ1", "stakeholder", "อปท.และกองทุนหลักประกันสุขภาพสนับสนุนงบประมาณ", ["s1", "s2"]),
        ("o3", "ภ2", "stakeholder", "อสม.สำรวจลูกน้ำยุงลายทุกหลังคาเรือน", ["s1", "s2", "s3"]),
        ("o4", "ก1", "process", "มีระบบเฝ้าระวังและแจ้งเตือนการระบาดที่รวดเร็ว", []),
        ("o5", "ก2", "process", "มีมาตรการทางสังคมและธรรมนูญสุขภาพตำบล", ["s2"]),
        ("o6", "พ1", "foundation", "บุคลากรและแกนนำมีทักษะการควบคุมโรค", []),
        ("o7", "พ2", "foundation", "มีระบบข้อมูลสารสนเทศที่ทันสมัย", []),
    ]
    for i, (oid, code, level, text, who) in enumerate(objectives):
        m.objectives.append(
            Objective(
                id=oid,
                code=code,
                perspective=level,  # type: ignore[arg-type]
                text=text,
                x=170.0 + 250 * (i % 2),
                y=140.0 + 260 * i // 2,
                stakeholders=who,
                votes=i,  # an additive key from a newer release
            )
        )
    for source, target in [
        ("o6", "o4"),
        ("o4", "o2"),
        ("o7", "o5"),
        ("o4", "o3"),
        ("o2", "o1"),
        ("o3", "o1"),
        ("o7", "o4"),
        ("o5", "o3"),
    ]:
        m.links.append(Link(source=source, target=target))
    m.stakeholders = [
        Stakeholder(id="s1", name="องค์การบริหารส่วนตำบลบ้านใหม่", kind="อปท."),
        Stakeholder(id="s2", name="อาสาสมัครสาธารณสุขประจำหมู่บ้าน", kind="อสม.", role="สำรวจลูกน้ำ"),
        Stakeholder(id="s3", name="โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านใหม่", kind="รพ.สต."),
    ]
    m.table.rows = [
        Row(id="r1", objective="o1", cells={"indicator": "ค่า HI ไม่เกินร้อยละ 10", "budget": "5,000"}),
        Row(id="r2", objective="o4", cells={"activity": "ประชุมทีม SRRT ทุกเดือน", "budget": "12,000"}),
        Row(id="r3", objective="o2", cells={"activity": "เสนอโครงการต่อกองทุนฯ"}),
        Row(id="r4", objective="o4", cells={"activity": "รายงานผู้ป่วยภายใน 24 ชั่วโมง"}),
        Row(id="r5", objective="o6", cells={"activity": "อบรมแกนนำ", "budget": "20,000"}),
    ]
    m.__pydantic_extra__ = {"plan": {"project": "โครงการพัฒนาระบบการแพทย์ปฐมภูมิและเครือข่ายบริการสุขภาพ"}}
    m.touch()
    return m


def _get(m: RouteMap, oid: str) -> Objective:
    found = m.objective(oid)
    assert found is not None
    return found


def _ids(items: list[Any], attr: str = "id") -> list[str]:
    return [getattr(i, attr) for i in items]


Check = Callable[[RouteMap], None]

NEW_OBJECTIVE = Objective(id="o9", code="ก3", perspective="process", text="มีการติดตามและประเมินผลทุกไตรมาส")

#: name -> (the operation, what the map must look like after it)
CASES: dict[str, tuple[Operation, Check]] = {
    "add objective at an index": (
        AddObjective(NEW_OBJECTIVE, index=2),
        lambda m: _ids(m.objectives)[:3] == ["o1", "o2", "o9"] or pytest.fail("not inserted at 2"),
    ),
    "add objective at the end": (
        AddObjective(NEW_OBJECTIVE),
        lambda m: _ids(m.objectives)[-1] == "o9" or pytest.fail("not appended"),
    ),
    "remove objective with links and rows": (
        RemoveObjective("o4"),
        lambda m: (
            (
                m.objective("o4") is None
                and not m.links_of("o4")
                and not m.rows_of("o4")
                and _ids(m.table.rows) == ["r1", "r3", "r5"]
                and len(m.links) == 4
            )
            or pytest.fail("cascade incomplete")
        ),
    ),
    "move objective": (
        MoveObjective("o2", 512.5, 333.0),
        lambda m: (_get(m, "o2").x, _get(m, "o2").y) == (512.5, 333.0) or pytest.fail("not moved"),
    ),
    "set perspective and place": (
        SetPerspective("o5", "stakeholder", 700.0, 150.0),
        lambda m: (
            (_get(m, "o5").perspective, _get(m, "o5").x, _get(m, "o5").y) == ("stakeholder", 700.0, 150.0)
            or pytest.fail("not re-levelled")
        ),
    ),
    "set perspective only": (
        SetPerspective("o5", "foundation"),
        lambda m: _get(m, "o5").perspective == "foundation" or pytest.fail("not re-levelled"),
    ),
    "set text": (
        SetObjectiveText("o3", "อสม.และแกนนำครอบครัวร่วมกันทำลายแหล่งเพาะพันธุ์ยุงลาย"),
        lambda m: _get(m, "o3").text.startswith("อสม.และแกนนำ") or pytest.fail("text not set"),
    ),
    "set code": (
        SetObjectiveCode("o3", "ภ9"),
        lambda m: _get(m, "o3").code == "ภ9" or pytest.fail("code not set"),
    ),
    "set notes": (
        SetObjectiveNotes("o3", "ที่ประชุมเสนอให้เพิ่มบทบาทโรงเรียน"),
        lambda m: _get(m, "o3").notes == "ที่ประชุมเสนอให้เพิ่มบทบาทโรงเรียน" or pytest.fail("notes not set"),
    ),
    "set key route": (
        SetKeyRoute("o4", True),
        lambda m: _get(m, "o4").key_route is True or pytest.fail("key route not set"),
    ),
    "set stakeholders": (
        SetObjectiveStakeholders("o3", ("s3",)),
        lambda m: _get(m, "o3").stakeholders == ["s3"] or pytest.fail("stakeholders not set"),
    ),
    "set an additive field": (
        SetObjectiveExtra("o1", "priority", "สูง"),
        lambda m: _get(m, "o1").model_dump()["priority"] == "สูง" or pytest.fail("extra not set"),
    ),
    "set votes": (
        SetVotes("o2", 12),
        lambda m: _get(m, "o2").model_dump()["votes"] == 12 or pytest.fail("votes not set"),
    ),
    "take every vote back": (
        SetVotes("o4", 0),
        lambda m: "votes" not in _get(m, "o4").model_dump() or pytest.fail("votes key left"),
    ),
    "drop an additive field": (
        SetObjectiveExtra("o1", "votes", None),
        lambda m: "votes" not in _get(m, "o1").model_dump() or pytest.fail("extra not dropped"),
    ),
    "add link": (
        AddLink("o7", "o3", index=0),
        lambda m: (m.links[0].source, m.links[0].target) == ("o7", "o3") or pytest.fail("link not added"),
    ),
    "add link at the end": (
        AddLink("o6", "o5"),
        lambda m: m.has_link("o6", "o5") and m.links[-1].source == "o6" or pytest.fail("link not added"),
    ),
    "remove link": (
        RemoveLink("o4", "o3"),
        lambda m: not m.has_link("o4", "o3") and len(m.links) == 7 or pytest.fail("link not removed"),
    ),
    "add row": (
        AddRow(Row(id="r9", objective="o5", cells={"activity": "จัดทำธรรมนูญสุขภาพตำบล"}), index=1),
        lambda m: _ids(m.table.rows)[1] == "r9" or pytest.fail("row not inserted"),
    ),
    "remove row": (
        RemoveRow("r3"),
        lambda m: _ids(m.table.rows) == ["r1", "r2", "r4", "r5"] or pytest.fail("row not removed"),
    ),
    "move row down": (
        MoveRow("r1", 3),
        lambda m: _ids(m.table.rows) == ["r2", "r3", "r4", "r1", "r5"] or pytest.fail("row not moved"),
    ),
    "move row up": (
        MoveRow("r4", 0),
        lambda m: _ids(m.table.rows) == ["r4", "r1", "r2", "r3", "r5"] or pytest.fail("row not moved"),
    ),
    "set a cell": (
        SetCell("r2", "budget", "30,000"),
        lambda m: (
            m.row("r2") is not None
            and m.row("r2").cells["budget"] == "30,000"  # type: ignore[union-attr]
            or pytest.fail("cell not set")
        ),
    ),
    "set a new cell": (
        SetCell("r3", "target_group", "ครัวเรือนในหมู่ 1-12"),
        lambda m: (
            m.row("r3").cells.get("target_group") == "ครัวเรือนในหมู่ 1-12"  # type: ignore[union-attr]
            or pytest.fail("cell not set")
        ),
    ),
    "clear a cell": (
        SetCell("r1", "budget", None),
        lambda m: "budget" not in m.row("r1").cells or pytest.fail("cell not cleared"),  # type: ignore[union-attr]
    ),
    "clear a cell before another": (
        SetCell("r2", "activity", None),
        lambda m: list(m.row("r2").cells) == ["budget"] or pytest.fail("cell not cleared"),  # type: ignore[union-attr]
    ),
    "set a row's objective": (
        SetRowObjective("r3", "o3"),
        lambda m: m.row("r3").objective == "o3" or pytest.fail("row not moved to o3"),  # type: ignore[union-attr]
    ),
    "add column": (
        AddColumn(Column(key="kpi_note", label="หมายเหตุตัวชี้วัด", width=18), index=2),
        lambda m: _ids(m.table.columns, "key")[2] == "kpi_note" or pytest.fail("column not added"),
    ),
    "remove column with its cells": (
        RemoveColumn("budget"),
        lambda m: (
            m.column("budget") is None
            and not any("budget" in r.cells for r in m.table.rows)
            or pytest.fail("column or cells left")
        ),
    ),
    "remove a column whose cells come first in their rows": (
        RemoveColumn("activity"),
        lambda m: list(m.row("r2").cells) == ["budget"] or pytest.fail("cells left"),  # type: ignore[union-attr]
    ),
    "move column": (
        MoveColumn("budget", 1),
        lambda m: _ids(m.table.columns, "key")[:2] == ["objective", "budget"] or pytest.fail("not moved"),
    ),
    "move column to the end": (
        MoveColumn("indicator", 10),
        lambda m: _ids(m.table.columns, "key")[-1] == "indicator" or pytest.fail("not moved"),
    ),
    "set column label and width": (
        SetColumn("activity", label="กิจกรรมหลัก/โครงการ", width=40),
        lambda m: (
            (m.column("activity").label, m.column("activity").width)  # type: ignore[union-attr]
            == ("กิจกรรมหลัก/โครงการ", 40.0)
            or pytest.fail("column not set")
        ),
    ),
    "set column label only": (
        SetColumn("objective", label="เป้าประสงค์ (จากแผนที่)"),
        lambda m: (
            m.column("objective").label == "เป้าประสงค์ (จากแผนที่)"  # type: ignore[union-attr]
            and m.column("objective").width == 26  # type: ignore[union-attr]
            or pytest.fail("column not set")
        ),
    ),
    "replace columns with a template": (
        ReplaceColumns(builtin_template("action_plan").columns),
        lambda m: (
            _ids(m.table.columns, "key")[1] == "activity"
            and m.row("r2").cells["budget"] == "12,000"  # type: ignore[union-attr]
            or pytest.fail("columns not replaced or cells lost")
        ),
    ),
    "add stakeholder": (
        AddStakeholder(Stakeholder(id="s9", name="โรงเรียนบ้านใหม่", kind="โรงเรียน"), index=0),
        lambda m: _ids(m.stakeholders)[0] == "s9" or pytest.fail("stakeholder not added"),
    ),
    "remove stakeholder and its assignments": (
        RemoveStakeholder("s2"),
        lambda m: (
            m.stakeholder("s2") is None
            and _get(m, "o2").stakeholders == ["s1"]
            and _get(m, "o3").stakeholders == ["s1", "s3"]
            and _get(m, "o5").stakeholders == []
            or pytest.fail("assignments left")
        ),
    ),
    "set stakeholder role": (
        SetStakeholderField("s1", "role", "สนับสนุนงบประมาณและวัสดุอุปกรณ์"),
        lambda m: (
            m.stakeholder("s1").role == "สนับสนุนงบประมาณและวัสดุอุปกรณ์"  # type: ignore[union-attr]
            or pytest.fail("role not set")
        ),
    ),
    "set destination": (
        SetMapField("destination", "ประชาชนสุขภาพดี ชุมชนเข้มแข็ง ภายในปี 2571"),
        lambda m: m.destination.endswith("2571") or pytest.fail("destination not set"),
    ),
    "set meta title": (
        SetMapField("meta.title", "แผนที่ทางเดินยุทธศาสตร์ อำเภอเมือง"),
        lambda m: m.meta.title == "แผนที่ทางเดินยุทธศาสตร์ อำเภอเมือง" or pytest.fail("title not set"),
    ),
    "set meta authors": (
        SetMapField("meta.authors", ["ทีมสุขภาพอำเภอ"]),
        lambda m: m.meta.authors == ["ทีมสุขภาพอำเภอ"] or pytest.fail("authors not set"),
    ),
    "set a level label": (
        SetMapField("label.stakeholder", "ภาคีเครือข่าย"),
        lambda m: m.perspective_label("stakeholder") == "ภาคีเครือข่าย" or pytest.fail("label not set"),
    ),
    "set an additive map field": (
        SetMapField("plan", {"programme": "ควบคุมโรคไข้เลือดออก", "amounts": [5000, 12000]}),
        lambda m: m.model_dump()["plan"]["amounts"] == [5000, 12000] or pytest.fail("map extra not set"),
    ),
    "set an additive meta field": (
        SetMapField("meta.signers", ["ผู้อำนวยการ รพ.สต.บ้านใหม่"]),
        lambda m: m.meta.model_dump()["signers"] == ["ผู้อำนวยการ รพ.สต.บ้านใหม่"] or pytest.fail("not set"),
    ),
    "start the plan with its programme": (
        SetMapField("plan.programme", "แผนงานที่ ๓ การพัฒนาคุณภาพชีวิตระดับอำเภอ"),
        lambda m: plan_of(m).programme.startswith("แผนงานที่ ๓") or pytest.fail("programme not set"),
    ),
    "set the plan's objectives": (
        SetMapField("plan.objectives", ["เพื่อลดอัตราป่วยด้วยโรคไข้เลือดออก", "เพื่อให้ชุมชนมีส่วนร่วม"]),
        lambda m: len(plan_of(m).objectives) == 2 or pytest.fail("objectives not set"),
    ),
    "change one key of a plan with others": (
        SetMapField("plan.office", "สำนักงานสาธารณสุขอำเภอนาคำใต้"),
        lambda m: plan_of(m).office.startswith("สำนักงาน") or pytest.fail("office not set"),
    ),
    "remove the plan's last key": (
        SetMapField("plan.project", None),
        lambda m: "plan" not in m.model_dump() or pytest.fail("an empty plan left"),
    ),
    "set milestones": (
        SetMapField("plan.milestones", [{"id": "ms1", "months": 3, "text": "มีคำสั่งแต่งตั้งคณะทำงาน"}]),
        lambda m: [x.id for x in plan_of(m).milestones_at(3)] == ["ms1"] or pytest.fail("milestones not set"),
    ),
    "set the whole plan": (
        SetMapField("plan", {"project": "โครงการพัฒนาระบบการแพทย์ปฐมภูมิ", "programme": "แผนงานที่ ๓"}),
        lambda m: plan_of(m).programme == "แผนงานที่ ๓" or pytest.fail("plan not set"),
    ),
    "set signers": (
        SetMapField("signers", [{"role": "ผู้เสนอแผน", "name": "นางสาวสมใจ ใจดี", "position": "ผอ.รพ.สต."}]),
        lambda m: signers_of(m)[0].name == "นางสาวสมใจ ใจดี" or pytest.fail("signers not set"),
    ),
    "choose Thai digits": (
        SetMapField("meta.digits", "thai"),
        lambda m: digit_style(m) == "thai" or pytest.fail("digits not saved"),
    ),
    "set the table style": (
        SetMapField("table.style", {"grouping": "heading", "map_page": False}),
        lambda m: table_style(m).grouping == "heading" or pytest.fail("style not set"),
    ),
    "report a row's progress": (
        SetReport("r2", "2568-Q1", {"status": "on_track", "result": "ประชุมแล้ว 3 ครั้ง", "spent": 3000}),
        lambda m: (
            m.model_dump()["progress"]["rows"]["r2"]["2568-Q1"]["spent"] == 3000 or pytest.fail("no report")
        ),
    ),
    "report, then report another period and row": (
        Batch(
            (
                SetReport("r2", "2568-Q1", {"status": "late", "note": "ฝนตกหนัก เลื่อนการประชุม"}),
                SetReport("r2", "2568-Q2", {"status": "on_track", "at": "2025-04-02", "by": "นายสมชาย"}),
                SetReport("r5", "2568-Q1", {"status": "done", "spent": 19500.5, "x-later": [1, 2]}),
                SetReport("r2", "2568-Q1", None),
            )
        ),
        lambda m: sorted(m.model_dump()["progress"]["rows"]) == ["r2", "r5"] or pytest.fail("reports wrong"),
    ),
    "tick a milestone": (
        Batch(
            (
                SetMapField("plan.milestones", [{"id": "ms1", "months": 3, "text": "มีคำสั่งแต่งตั้งคณะทำงาน"}]),
                SetMilestoneDone("ms1", "2568-Q1", True),
                SetMilestoneDone("ms1", "2568-Q2", False),
            )
        ),
        lambda m: (
            m.model_dump()["progress"]["milestones"]["ms1"]["2568-Q1"] is True or pytest.fail("not ticked")
        ),
    ),
    "report by the Small Success rounds": (
        Batch((SetProgressSetting("periods", "months"), SetProgressSetting("fiscal_year", 2568))),
        lambda m: (
            m.model_dump()["progress"] == {"periods": "months", "fiscal_year": 2568} or pytest.fail("no")
        ),
    ),
    # -- the exact edits of a mirror (srmtool.share): no cascades, no refusal of links to nowhere
    "put a new objective": (
        PutObjective(NEW_OBJECTIVE, 1),
        lambda m: _ids(m.objectives)[1] == "o9" or pytest.fail("not inserted"),
    ),
    "put an objective over one": (
        PutObjective(Objective(id="o3", code="ภ9", perspective="people", text="ใหม่", alignment={"p": 1})),
        lambda m: (
            (_get(m, "o3").code, m.objectives.index(_get(m, "o3"))) == ("ภ9", 2)
            and m.objectives[2].model_extra == {"alignment": {"p": 1}}
            or pytest.fail("not replaced in place")
        ),
    ),
    "drop an objective, keeping its links and rows": (
        DropObjective("o4"),
        lambda m: (
            (m.objective("o4") is None and m.has_link("o6", "o4") and m.row("r2")) or pytest.fail("cascaded")
        ),
    ),
    "put a row with its cells in order": (
        PutRow(Row(id="r2", objective="o99", cells={"budget": "1", "activity": "ก"})),
        lambda m: list(m.row("r2").cells) == ["budget", "activity"] or pytest.fail("not put"),  # type: ignore[union-attr]
    ),
    "put a new row": (
        PutRow(Row(id="r9", objective="o1"), 0),
        lambda m: m.table.rows[0].id == "r9" or pytest.fail("not inserted"),
    ),
    "drop a row": (DropRow("r3"), lambda m: m.row("r3") is None or pytest.fail("not dropped")),
    "put a stakeholder": (
        PutStakeholder(Stakeholder(id="s2", name="อสม.")),
        lambda m: m.stakeholder("s2").name == "อสม." or pytest.fail("not put"),  # type: ignore[union-attr]
    ),
    "put a new stakeholder": (
        PutStakeholder(Stakeholder(id="s9", name="วัด"), 0),
        lambda m: m.stakeholders[0].id == "s9" or pytest.fail("not inserted"),
    ),
    "drop a stakeholder, keeping its assignments": (
        DropStakeholder("s1"),
        lambda m: (
            ("s1" in _get(m, "o2").stakeholders and m.stakeholder("s1") is None) or pytest.fail("cascaded")
        ),
    ),
    "replace the links": (
        ReplaceLinks(
            (Link(source="o3", target="o1"), Link(source="o1", target="o99"), Link(source="o3", target="o1"))
        ),
        lambda m: len(m.links) == 3 or pytest.fail("not replaced"),
    ),
    "put the follow-up records": (
        PutProgress({"rows": {"r2": {"2568-Q1": {"status": "late"}}}, "periods": "months"}),
        lambda m: m.model_dump()["progress"]["periods"] == "months" or pytest.fail("not put"),
    ),
    "put a column set a gesture refuses": (
        PutColumns((Column(key="budget", label="งบ"),)),
        lambda m: [c.key for c in m.table.columns] == ["budget"] or pytest.fail("not put"),
    ),
    "batch": (
        Batch(
            (
                AddObjective(NEW_OBJECTIVE, index=4),
                AddLink("o9", "o3"),
                AddRow(Row(id="r9", objective="o9", cells={"indicator": "ร้อยละ 100"})),
                RemoveObjective("o5"),
                MoveObjective("o9", 900.0, 660.0),
            )
        ),
        lambda m: (
            m.objective("o5") is None
            and m.has_link("o9", "o3")
            and m.rows_of("o9")[0].id == "r9"
            and _get(m, "o9").x == 900.0
            or pytest.fail("batch incomplete")
        ),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_apply_undo_redo_restores_exact_states(name: str) -> None:
    op, check = CASES[name]
    m = base_map()
    before = dumps_map(m)

    applied = op.apply(m)
    after = dumps_map(m)
    assert after != before
    assert applied.changes, "a change that says nothing"
    check(m)

    redo = applied.inverse.apply(m)  # undo
    assert dumps_map(m) == before
    assert redo.changes

    again = redo.inverse.apply(m)  # redo
    assert dumps_map(m) == after
    check(m)

    again.inverse.apply(m)  # undo once more
    assert dumps_map(m) == before


def test_apply_all_is_one_step() -> None:
    m = base_map()
    before = m.model_dump()
    inverse = apply_all(
        m, [SetCell("r1", "target", "ร้อยละ 90"), RemoveRow("r4"), RemoveLink("o6", "o4")]
    ).inverse
    assert m.row("r4") is None and not m.has_link("o6", "o4")
    assert m.row("r1").cells["target"] == "ร้อยละ 90"  # type: ignore[union-attr]
    inverse.apply(m)
    assert m.model_dump() == before


def test_undo_of_a_removed_objective_puts_links_and_rows_back_in_place() -> None:
    m = base_map()
    links_before = [(lk.source, lk.target) for lk in m.links]
    inverse = RemoveObjective("o4").apply(m).inverse
    assert isinstance(inverse, AddObjective)
    assert [i for i, _ in inverse.links] == [0, 1, 3, 6]  # in the middle of the list
    assert [(i, r.id) for i, r in inverse.rows] == [(1, "r2"), (3, "r4")]
    inverse.apply(m)
    assert [(lk.source, lk.target) for lk in m.links] == links_before
    assert _ids(m.table.rows) == ["r1", "r2", "r3", "r4", "r5"]
    assert _ids(m.objectives) == ["o1", "o2", "o3", "o4", "o5", "o6", "o7"]
    assert m.objective("o4") is not None and m.row("r4") is not None  # look-ups see the restored items


def test_undo_of_a_removed_stakeholder_restores_assignment_positions() -> None:
    m = base_map()
    inverse = RemoveStakeholder("s2").apply(m).inverse
    assert isinstance(inverse, AddStakeholder)
    assert inverse.assigned == (("o2", 1), ("o3", 1), ("o5", 0))
    inverse.apply(m)
    assert _get(m, "o3").stakeholders == ["s1", "s2", "s3"]
    assert _ids(m.stakeholders) == ["s1", "s2", "s3"]


def test_unknown_keys_survive_remove_and_undo() -> None:
    m = base_map()
    m.links[3] = Link(source="o4", target="o3", weight="สูง")  # type: ignore[call-arg]
    before = m.model_dump()
    RemoveObjective("o4").apply(m).inverse.apply(m)
    assert m.model_dump() == before
    RemoveLink("o4", "o3").apply(m).inverse.apply(m)
    assert m.model_dump() == before
    assert m.links[3].model_dump()["weight"] == "สูง"


def test_undo_of_a_template_switch_restores_a_map_without_columns() -> None:
    m = base_map()
    m.table.columns = []
    before = m.model_dump()
    inverse = ReplaceColumns(tuple(default_columns())).apply(m).inverse
    assert len(m.table.columns) == 11
    redo = inverse.apply(m).inverse
    assert m.model_dump() == before
    redo.apply(m)
    assert len(m.table.columns) == 11


def test_operations_do_not_share_objects_with_the_map() -> None:
    m = base_map()
    row = Row(id="r9", objective="o1", cells={"activity": "เดินรณรงค์"})
    AddRow(row).apply(m)
    row.cells["activity"] = "เปลี่ยนภายหลัง"
    assert m.row("r9").cells["activity"] == "เดินรณรงค์"  # type: ignore[union-attr]
    columns = default_columns()
    ReplaceColumns(tuple(columns)).apply(m)
    columns[1].label = "เปลี่ยนภายหลัง"
    assert m.table.columns[1].label == "ตัวชี้วัด"


# -- refusals -----------------------------------------------------------------------------

BAD_PERSPECTIVE = Objective.model_construct(id="o9", code="ฟ1", perspective="sky", text="ท้องฟ้า")

REFUSED: dict[str, Operation] = {
    "objective id in use": AddObjective(Objective(id="o3", perspective="people", text="ซ้ำ")),
    "empty objective id": AddObjective(Objective(id="", perspective="people", text="ไม่มีรหัส")),
    "unknown perspective": AddObjective(BAD_PERSPECTIVE),
    "remove unknown objective": RemoveObjective("o404"),
    "move unknown objective": MoveObjective("o404", 1.0, 2.0),
    "re-level unknown objective": SetPerspective("o404", "people"),
    "re-level to unknown level": SetPerspective("o3", "sky"),  # type: ignore[arg-type]
    "set text of unknown objective": SetObjectiveText("o404", "ข้อความ"),
    "set the id as an additive field": SetObjectiveExtra("o3", "id", "o8"),
    "set the perspective as an additive field": SetObjectiveExtra("o3", "perspective", "people"),
    "set x as an additive field": SetObjectiveExtra("o3", "x", 5.0),
    "additive field name with a space": SetObjectiveExtra("o3", "คะแนน โหวต", 3),
    "additive value JSON cannot store": SetObjectiveExtra("o3", "priority", {1, 2}),
    "additive number that is not finite": SetObjectiveExtra("o3", "priority", float("nan")),
    "text that is not text": SetObjectiveText("o3", 5),  # type: ignore[arg-type]
    "code that is not text": SetObjectiveCode("o3", None),  # type: ignore[arg-type]
    "notes that are not text": SetObjectiveNotes("o3", ["หมายเหตุ"]),  # type: ignore[arg-type]
    "key route that is not a bool": SetKeyRoute("o3", "ใช่"),  # type: ignore[arg-type]
    "stakeholders that are not a list": SetObjectiveStakeholders("o3", "s1"),  # type: ignore[arg-type]
    "stakeholders that are not ids": SetObjectiveStakeholders("o3", ("s1", 2)),  # type: ignore[arg-type]
    "votes below zero": SetVotes("o3", -1),
    "votes that are not whole": SetVotes("o3", 2.5),  # type: ignore[arg-type]
    "votes that are a bool": SetVotes("o3", True),
    "votes of an unknown objective": SetVotes("o404", 3),
    "link to itself": AddLink("o3", "o3"),
    "link from nowhere": AddLink("o404", "o3"),
    "link to nowhere": AddLink("o3", "o404"),
    "link twice": AddLink("o6", "o4"),
    "remove unknown link": RemoveLink("o1", "o7"),
    "row id in use": AddRow(Row(id="r2", objective="o1")),
    "empty row id": AddRow(Row(id="", objective="o1")),
    "remove unknown row": RemoveRow("r404"),
    "move unknown row": MoveRow("r404", 0),
    "move row before the start": MoveRow("r2", -1),
    "move row past the end": MoveRow("r2", 5),
    "set the objective column as a cell": SetCell("r1", "objective", "ข้อความอื่น"),
    "set a cell of an unknown row": SetCell("r404", "budget", "1,000"),
    "row to unknown objective": SetRowObjective("r1", "o404"),
    "unknown row to an objective": SetRowObjective("r404", "o1"),
    "column key in use": AddColumn(Column(key="budget", label="งบประมาณ")),
    "empty column key": AddColumn(Column(key="", label="ไม่มีชื่อ")),
    "column before the objective": AddColumn(Column(key="kpi_note", label="หมายเหตุ"), index=0),
    "remove the objective column": RemoveColumn("objective"),
    "remove unknown column": RemoveColumn("nothing"),
    "move the objective column": MoveColumn("objective", 3),
    "move a column to the front": MoveColumn("budget", 0),
    "move a column past the end": MoveColumn("budget", 11),
    "move unknown column": MoveColumn("nothing", 2),
    "set unknown column": SetColumn("nothing", label="ไม่มี"),
    "column too narrow": SetColumn("budget", width=0),
    "column too wide": SetColumn("budget", width=300),
    "columns not starting with the objective": ReplaceColumns(
        (Column(key="activity", label="กิจกรรม"), Column(key="objective", label="เป้าประสงค์"))
    ),
    "columns with a repeated key": ReplaceColumns(
        (
            Column(key="objective", label="เป้าประสงค์"),
            Column(key="budget", label="ก"),
            Column(key="budget", label="ข"),
        )
    ),
    "no columns": ReplaceColumns(()),
    "stakeholder id in use": AddStakeholder(Stakeholder(id="s1", name="ซ้ำ")),
    "stakeholder id of an objective": AddStakeholder(Stakeholder(id="o1", name="ซ้ำกับเป้าประสงค์")),
    "empty stakeholder id": AddStakeholder(Stakeholder(id="", name="ไม่มีรหัส")),
    "remove unknown stakeholder": RemoveStakeholder("s404"),
    "set unknown stakeholder": SetStakeholderField("s404", "name", "ไม่มี"),
    "set a stakeholder's id": SetStakeholderField("s1", "id", "s8"),
    "map field that is a known key": SetMapField("objectives", []),
    "map field name with a space": SetMapField("สี แผนที่", "แดง"),
    "destination that is not text": SetMapField("destination", 2570),
    "meta field that is no name": SetMapField("meta.งบ.ปี", "100"),
    "authors that are not a list": SetMapField("meta.authors", "ทีมอำเภอ"),
    "authors that are not names": SetMapField("meta.authors", ["ทีมอำเภอ", 5]),
    "label of an unknown level": SetMapField("label.sky", "ท้องฟ้า"),
    "plan that is a list": SetMapField("plan", ["แผนงาน"]),
    "plan objectives that are text": SetMapField("plan.objectives", "เพื่อลดอัตราป่วย"),
    "plan key that is no name": SetMapField("plan.งาน ปี", "2567"),
    "a known plan key set to null": SetMapField("plan.programme", None, keep_null=True),
    "milestones with one id twice": SetMapField(
        "plan.milestones", [{"id": "ms1", "months": 3}, {"id": "ms1", "months": 6}]
    ),
    "milestone in month 0": SetMapField("plan.milestones", [{"id": "ms1", "months": 0, "text": "เริ่ม"}]),
    "signers that are names": SetMapField("signers", ["นางสาวสมใจ ใจดี"]),
    "digits that are neither": SetMapField("meta.digits", "roman"),
    "table columns as an additive key": SetMapField("table.columns", []),
    "style with an unknown grouping": SetMapField("table.style", {"grouping": "merge"}),
    "batch failing at the end": Batch(
        (
            AddObjective(NEW_OBJECTIVE),
            AddLink("o9", "o3"),
            RemoveObjective("o4"),
            RemoveStakeholder("s2"),
            ReplaceColumns(tuple(builtin_template("action_plan").columns)),
            SetCell("r1", "budget", "9,999"),
            AddLink("o404", "o1"),
        )
    ),
    "a report of an unknown row": SetReport("r404", "2568-Q1", {"status": "done"}),
    "a report with an unknown status": SetReport("r1", "2568-Q1", {"status": "เสร็จ"}),
    "a report for a period that is none": SetReport("r1", "ไตรมาส 1", {"status": "done"}),
    "a report spending less than nothing": SetReport("r1", "2568-Q1", {"spent": -5}),
    "a report dated in Thai": SetReport("r1", "2568-Q1", {"status": "done", "at": "5 ม.ค. 2568"}),
    "a report that is no object": SetReport("r1", "2568-Q1", "done"),  # type: ignore[arg-type]
    "a tick of an unknown milestone": SetMilestoneDone("ms404", "2568-Q1", True),
    "a tick that is no bool": SetMilestoneDone("ms1", "2568-Q1", "ทำแล้ว"),  # type: ignore[arg-type]
    "an unknown reporting scheme": SetProgressSetting("periods", "weeks"),
    "a fiscal year of the common era": SetProgressSetting("fiscal_year", 2025),
    "an unknown follow-up setting": SetProgressSetting("rows", "x"),
    "batch failing in a nested batch": Batch(
        (
            SetMapField("destination", "เปลี่ยนแล้ว"),
            Batch((MoveRow("r5", 0), RemoveRow("r404"))),
        )
    ),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_operations_raise_and_change_nothing(name: str) -> None:
    m = base_map()
    before = m.model_dump()
    with pytest.raises(OperationError):
        REFUSED[name].apply(m)
    assert m.model_dump() == before
    assert m.objective("o4") is not None and m.row("r4") is not None


def test_a_link_cannot_be_restored_twice() -> None:
    m = base_map()
    undo = RemoveLink("o4", "o3").apply(m).inverse
    AddLink("o4", "o3").apply(m)
    before = m.model_dump()
    with pytest.raises(OperationError):
        undo.apply(m)
    assert m.model_dump() == before


def test_every_operation_is_exercised() -> None:
    import srmtool.model.operations as operations

    public = {
        name
        for name in operations.__all__
        if isinstance(value := getattr(operations, name), type)
        and hasattr(value, "apply")
        and value is not operations.Operation
    }
    assert {"AddObjective", "SetCell", "SetVotes", "Batch"} <= public
    used: set[str] = set()

    def collect(op: Operation) -> None:
        used.add(type(op).__name__)
        if isinstance(op, Batch):
            for inner in op.operations:
                collect(inner)

    for op, _ in CASES.values():
        collect(op)
    assert public <= used, public - used  # each kind is undone byte for byte above


def test_remove_stakeholder_listed_twice_restores_exactly() -> None:
    from srmtool.model import Objective, RouteMap, Stakeholder
    from srmtool.model.operations import AddStakeholder, RemoveStakeholder

    m = RouteMap()
    AddStakeholder(Stakeholder(id="s1", name="อสม. หมู่ 3")).apply(m)
    m.objectives.append(
        Objective(id="o1", perspective="stakeholder", text="อสม. สำรวจลูกน้ำ", stakeholders=["s1", "x", "s1"])
    )
    before = m.model_dump()
    inverse = RemoveStakeholder("s1").apply(m).inverse
    assert m.objectives[0].stakeholders == ["x"]
    inverse.apply(m)
    assert m.model_dump() == before
