"""Thai sample maps for the `.srm` file tests."""

from __future__ import annotations

import json
from typing import Any

from srmtool.model.templates import default_columns
from srmtool.model.types import Link, Objective, RouteMap, Row, Stakeholder

LONG_THAI = (
    "ประชาชนในตำบลร่วมกันจัดการแหล่งเพาะพันธุ์ยุงลายในครัวเรือนโรงเรียนและวัดทุกสัปดาห์"
    "โดยมีอาสาสมัครสาธารณสุขประจำหมู่บ้านเป็นผู้นำและองค์การบริหารส่วนตำบลสนับสนุนงบประมาณอย่างต่อเนื่อง"
)


def thai_map() -> RouteMap:
    """A small but complete map: every field used, Thai text with stacked marks, a long sentence."""
    m = RouteMap()
    m.meta.title = "แผนที่ทางเดินยุทธศาสตร์ การป้องกันควบคุมโรคไข้เลือดออก อำเภอเมือง"
    m.meta.organization = "สำนักงานสาธารณสุขอำเภอเมือง"
    m.meta.area = "ตำบลน้ำบ่อหลวง"
    m.meta.period = "2568–2570"
    m.meta.authors = ["นางสาวปี่ ชื่นใจ", "ทีมยุทธศาสตร์ สสอ."]
    m.meta.created = "2025-01-15T09:30:00+07:00"
    m.meta.modified = "2025-02-01T16:05:00+07:00"
    m.destination = "ประชาชนมีสุขภาวะที่ดี ชุมชนจัดการโรคไข้เลือดออกได้อย่างยั่งยืน ภายในปี 2570"
    m.perspectives[2].label = "กระบวนการบริหารจัดการ"
    m.stakeholders = [
        Stakeholder(id="s1", name="องค์การบริหารส่วนตำบล", kind="อปท.", role="สนับสนุนงบประมาณจากกองทุน"),
        Stakeholder(id="s2", name="อาสาสมัครสาธารณสุขประจำหมู่บ้าน", kind="อสม.", role="สำรวจลูกน้ำยุงลาย"),
    ]
    m.objectives = [
        Objective(id="o1", code="ป1", perspective="people", text=LONG_THAI, x=40, y=10.5, key_route=True),
        Objective(
            id="o2",
            code="ภ1",
            perspective="stakeholder",
            text="อปท. สนับสนุนงบประมาณและนโยบาย",
            x=300.25,
            y=0,
            stakeholders=["s1"],
        ),
        Objective(
            id="o3",
            code="ก1",
            perspective="process",
            text="ระบบเฝ้าระวังและแจ้งเตือนที่รวดเร็ว",
            notes='บรรทัดแรก\nบรรทัดที่สอง "อ้างอิง" \\ ทับ',
            x=-12.75,
            y=3,
            key_route=True,
            stakeholders=["s1", "s2"],
        ),
        Objective(id="o4", code="พ1", perspective="foundation", text="บุคลากรมีทักษะการวิเคราะห์ข้อมูล", x=0, y=0),
    ]
    m.links = [Link(source="o4", target="o3"), Link(source="o3", target="o2"), Link(source="o2", target="o1")]
    m.table.columns = default_columns()
    m.table.rows = [
        Row(
            id="r1",
            objective="o1",
            cells={"indicator": "ค่าดัชนีลูกน้ำยุงลาย (HI) น้อยกว่าร้อยละ 10", "budget": "25,000", "target": "≤ 10"},
        ),
        Row(id="r2", objective="o1", cells={"activity": "รณรงค์ทำลายแหล่งเพาะพันธุ์ทุกวันศุกร์"}),
        Row(
            id="r3", objective="o3", cells={"responsible": "รพ.สต. / อสม.", "period": "ต.ค. 2568 – ก.ย. 2569"}
        ),
    ]
    return m


def with_unknown_keys(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` (a map as JSON data) with keys this version does not know, at every level."""
    doc = json.loads(json.dumps(doc))
    doc["zz_top"] = {"ระดับ": "บนสุด", "list": [1, 2.5, None, True]}
    doc["a_top"] = "มาก่อน"
    doc["meta"]["reviewer"] = "ผู้ตรวจ"
    doc["perspectives"][0]["color"] = "#ffcc00"
    doc["objectives"][0]["priority"] = 1
    doc["objectives"][0]["aa_tag"] = ["เร่งด่วน"]
    doc["links"][0]["label"] = "ส่งผลต่อ"
    doc["stakeholders"][0]["phone"] = "0 4321 0000"
    doc["table"]["caption"] = "ตาราง 11 ช่อง"
    doc["table"]["columns"][1]["align"] = "left"
    doc["table"]["rows"][0]["approved"] = False
    return doc
