"""Small route maps and environments shared by the command-line tests."""

from __future__ import annotations

import os

import pytest

from srmtool.model.templates import default_columns
from srmtool.model.types import Link, Meta, Objective, RouteMap, Stakeholder, Table

LONG_THAI = (
    "ประชาชนทุกหลังคาเรือนในตำบลร่วมกันจัดการแหล่งเพาะพันธุ์ยุงลายในบ้านและชุมชนของตนเองทุกสัปดาห์"
    "อย่างต่อเนื่องจนค่าดัชนีลูกน้ำยุงลายต่ำกว่าเกณฑ์ที่กระทรวงสาธารณสุขกำหนดไว้ตลอดทั้งปี"
)


def clean_map() -> RouteMap:
    """A small map with every level filled, linked bottom-up, and no error finding."""
    return RouteMap(
        meta=Meta(
            title="แผนที่ทางเดินยุทธศาสตร์ควบคุมโรคไข้เลือดออก ตำบลบ้านทดสอบ",
            organization="โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านทดสอบ",
            area="ตำบลบ้านทดสอบ อำเภอเมือง",
            period="2568–2570",
        ),
        destination="ตำบลบ้านทดสอบปลอดโรคไข้เลือดออกด้วยพลังของชุมชน",
        objectives=[
            Objective(id="o1", code="ป1", perspective="people", text=LONG_THAI, key_route=True, x=40, y=20),
            Objective(
                id="o2",
                code="ภ1",
                perspective="stakeholder",
                key_route=True,
                x=40,
                y=200,
                text="องค์การบริหารส่วนตำบลและกองทุนหลักประกันสุขภาพสนับสนุนงบประมาณ",
                stakeholders=["s1"],
            ),
            Objective(
                id="o3",
                code="ก1",
                perspective="process",
                key_route=True,
                x=40,
                y=380,
                text="มีระบบเฝ้าระวังและแจ้งเตือนการระบาดที่รวดเร็ว",
            ),
            Objective(
                id="o4",
                code="พ1",
                perspective="foundation",
                key_route=True,
                x=40,
                y=560,
                text="อสม. มีทักษะการสำรวจลูกน้ำยุงลายและใช้แอปพลิเคชันรายงานผล",
            ),
        ],
        links=[
            Link(source="o4", target="o3"),
            Link(source="o3", target="o2"),
            Link(source="o2", target="o1"),
        ],
        stakeholders=[
            Stakeholder(id="s1", name="องค์การบริหารส่วนตำบลบ้านทดสอบ", kind="อปท.", role="สนับสนุนงบประมาณ")
        ],
        table=Table(columns=default_columns()),
    )


def broken_map() -> RouteMap:
    """The clean map with a loop of links and an empty objective: at least one error finding."""
    route_map = clean_map()
    route_map.links.append(Link(source="o1", target="o4"))
    route_map.objectives[2].text = ""
    route_map.touch()
    return route_map


def thai_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "th_TH.UTF-8")


def subprocess_env(lang: str = "en_US.UTF-8") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["LANG"] = lang
    env["PYTHONIOENCODING"] = "utf-8"
    return env
