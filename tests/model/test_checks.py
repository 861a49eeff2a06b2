"""The SRM checks: one small Thai map per finding code, the messages, and the order of findings."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srmtool.model import CHECKS, Finding, check_map
from srmtool.model.checks import CHECK_DESCRIPTIONS
from srmtool.model.checks.text import short
from srmtool.model.operations import RemoveObjective, RemoveRow
from srmtool.model.templates import default_columns
from srmtool.model.types import Column, Link, Objective, RouteMap, Row, Stakeholder

LONG_TEXT = (
    "ครูและนักเรียนในโรงเรียนทุกแห่งของตำบลมีความรู้ความเข้าใจเรื่องโรคไข้เลือดออก"
    "และร่วมกันทำลายแหล่งเพาะพันธุ์ยุงลายในโรงเรียนและบ้านของตนเองทุกสัปดาห์อย่างต่อเนื่อง"
)


def clean_map() -> RouteMap:
    """A complete, well-formed dengue map of a tambon: no findings at all."""
    m = RouteMap(destination="ตำบลบ้านใหม่ปลอดโรคไข้เลือดออกอย่างยั่งยืน ภายในปี 2570")
    m.meta.title = "แผนที่ทางเดินยุทธศาสตร์ การป้องกันควบคุมโรคไข้เลือดออก ตำบลบ้านใหม่"
    m.table.columns = default_columns()

    def add(oid: str, code: str, level: str, text: str, key: bool = False, who: tuple[str, ...] = ()) -> None:
        m.objectives.append(
            Objective(
                id=oid,
                code=code,
                perspective=level,  # type: ignore[arg-type]
                text=text,
                key_route=key,
                stakeholders=list(who),
            )
        )

    add("o1", "ป1", "people", "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลายในบ้านและชุมชนอย่างต่อเนื่อง", key=True)
    add("o2", "ภ1", "stakeholder", "อปท.และกองทุนหลักประกันสุขภาพสนับสนุนงบประมาณควบคุมโรค", True, ("s1",))
    add("o3", "ภ2", "stakeholder", "อสม.สำรวจลูกน้ำยุงลายทุกหลังคาเรือนทุกสัปดาห์", who=("s2",))
    add("o4", "ก1", "process", "มีระบบเฝ้าระวังและแจ้งเตือนการระบาดที่รวดเร็ว", key=True)
    add("o5", "ก2", "process", "มีมาตรการทางสังคมและธรรมนูญสุขภาพตำบล")
    add("o6", "พ1", "foundation", "บุคลากรและแกนนำมีทักษะการควบคุมโรค", key=True)
    add("o7", "พ2", "foundation", "มีระบบข้อมูลสารสนเทศที่ทันสมัยและใช้ร่วมกันได้")
    for source, target in [
        ("o6", "o4"),
        ("o7", "o4"),
        ("o7", "o5"),
        ("o4", "o2"),
        ("o4", "o3"),
        ("o5", "o3"),
        ("o2", "o3"),  # within one level: fine
        ("o2", "o1"),
        ("o3", "o1"),
    ]:
        m.links.append(Link(source=source, target=target))
    m.stakeholders = [
        Stakeholder(id="s1", name="องค์การบริหารส่วนตำบลบ้านใหม่", kind="อปท."),
        Stakeholder(id="s2", name="อาสาสมัครสาธารณสุขประจำหมู่บ้าน", kind="อสม."),
    ]
    m.table.rows = [
        Row(
            id="r1", objective="o1", cells={"indicator": "ค่า HI ไม่เกินร้อยละ 10", "activity": "รณรงค์ 5 ป. 1 ข."}
        ),
        Row(id="r2", objective="o2", cells={"activity": "จัดทำโครงการเสนอกองทุนฯ", "budget": "25,000"}),
        Row(id="r3", objective="o2", cells={"activity": "ประชุมคณะกรรมการกองทุนฯ"}),
        Row(id="r4", objective="o4", cells={"indicator": "รายงานผู้ป่วยภายใน 24 ชั่วโมง"}),
        Row(id="r5", objective="o6", cells={"activity": "อบรมทีม SRRT ตำบล"}),
    ]
    m.touch()
    return m


def _obj(m: RouteMap, oid: str) -> Objective:
    found = m.objective(oid)
    assert found is not None
    return found


# -- one builder per code: the clean map, changed so that exactly that finding appears ------


def _cycle(m: RouteMap) -> None:
    m.links.append(Link(source="o3", target="o2"))  # ภ1 → ภ2 exists: a loop within one level


def _self_link(m: RouteMap) -> None:
    m.links.append(Link(source="o5", target="o5"))


def _duplicate_link(m: RouteMap) -> None:
    m.links.append(Link(source="o6", target="o4"))


def _link_missing(m: RouteMap) -> None:
    m.links.append(Link(source="o7", target="o99"))


def _row_missing(m: RouteMap) -> None:
    m.table.rows.append(Row(id="r9", objective="o99", cells={"activity": "จัดซื้อทรายกำจัดลูกน้ำ"}))


def _missing_stakeholder(m: RouteMap) -> None:
    _obj(m, "o3").stakeholders.append("s9")


def _empty_text(m: RouteMap) -> None:
    _obj(m, "o5").text = "  \n "


def _duplicate_code(m: RouteMap) -> None:
    _obj(m, "o5").code = "ก1"


def _duplicate_id(m: RouteMap) -> None:
    m.stakeholders.append(Stakeholder(id="r1", name="โรงเรียนบ้านใหม่"))
    _obj(m, "o3").stakeholders.append("r1")


def _objective_column(m: RouteMap) -> None:
    cols = m.table.columns
    cols.insert(1, cols.pop(0))


def _duplicate_column(m: RouteMap) -> None:
    m.table.columns.append(Column(key="budget", label="งบประมาณ"))


def _downward(m: RouteMap) -> None:
    m.links.append(Link(source="o5", target="o6"))  # ก2 → พ1: nothing leads back from พ1 to ก2


def _no_route(m: RouteMap) -> None:
    m.objectives.append(Objective(id="o8", code="พ3", perspective="foundation", text=LONG_TEXT))


def _people_without_cause(m: RouteMap) -> None:
    m.objectives.append(
        Objective(id="o8", code="ป2", perspective="people", text="ผู้ป่วยไข้เลือดออกได้รับการรักษาทันเวลา")
    )


def _key_route_split(m: RouteMap) -> None:
    _obj(m, "o5").key_route = True  # ก2 links only to พ2 and ภ2, neither on the key route
    m.table.rows.append(Row(id="r6", objective="o5", cells={"activity": "ประชาคมหมู่บ้าน"}))


def _key_route_without_people(m: RouteMap) -> None:
    _obj(m, "o1").key_route = False


def _missing_code(m: RouteMap) -> None:
    _obj(m, "o5").code = " "


def _duplicate_text(m: RouteMap) -> None:
    _obj(m, "o5").text = "  มีระบบเฝ้าระวังและแจ้งเตือน\nการระบาดที่รวดเร็ว "  # ก1's text, spaced differently


def _empty_level(m: RouteMap) -> None:
    RemoveObjective("o6").apply(m)
    RemoveObjective("o7").apply(m)


def _no_destination(m: RouteMap) -> None:
    m.destination = "   "


def _budget_unread(m: RouteMap) -> None:
    m.table.rows[1].cells["budget"] = (
        "ค่าอาหารว่าง 50 คน x 25 บาท x 2 มื้อ = 2,500 บาท\n\nค่าอาหารกลางวัน ๕๐ คน x ๑๐๐ บาท"
    )


def _key_route_without_row(m: RouteMap) -> None:
    RemoveRow("r4").apply(m)


def _empty_row(m: RouteMap) -> None:
    m.table.rows.append(Row(id="r6", objective="o5", cells={"activity": "  ", "budget": ""}))


def _rows_apart(m: RouteMap) -> None:
    m.table.rows.append(Row(id="r6", objective="o1", cells={"activity": "ประกวดบ้านสะอาดปลอดลูกน้ำ"}))


def _unassigned(m: RouteMap) -> None:
    m.stakeholders.append(Stakeholder(id="s3", name="โรงเรียนบ้านใหม่", kind="โรงเรียน"))


def _followed(m: RouteMap) -> dict[str, dict[str, dict[str, object]]]:
    """Every row reported on track for every quarter of fiscal year 2567 (long over); the rows'
    reports (the same ones when called again)."""
    extra = m.__pydantic_extra__ = m.__pydantic_extra__ or {}
    if "progress" not in extra:
        rows = {r.id: {f"2567-Q{q}": {"status": "on_track"} for q in range(1, 5)} for r in m.table.rows}
        extra["progress"] = {"fiscal_year": 2567, "rows": rows}
    found: dict[str, dict[str, dict[str, object]]] = extra["progress"]["rows"]
    return found


def _progress_missing(m: RouteMap) -> None:
    _followed(m).get("r4", {}).pop("2567-Q3", None)


def _over_budget(m: RouteMap) -> None:
    _followed(m).setdefault("r2", {})["2567-Q2"] = {"status": "on_track", "spent": 25_500}  # budget 25,000


def _late_without_note(m: RouteMap) -> None:
    rows = _followed(m)
    rows.setdefault("r5", {})["2567-Q4"] = {"status": "late", "note": "  "}
    rows.setdefault("r1", {})["2567-Q4"] = {"status": "late", "note": "ฝนตกหนักทั้งเดือน เลื่อนการรณรงค์"}


#: code -> (how to break the clean map, the ids the finding names, words in its Thai message)
CASES: dict[str, tuple[Callable[[RouteMap], None], tuple[str, ...], tuple[str, ...]]] = {
    "link-cycle": (_cycle, ("o2", "o3"), ("วนเป็นวง", "ภ1 «", "ภ2 «")),
    "self-link": (_self_link, ("o5",), ("ก2 «มีมาตรการทางสังคม", "ตัวเอง")),
    "duplicate-link": (_duplicate_link, ("o6", "o4"), ("พ1 «", "ก1 «", "ซ้ำกัน 2 เส้น")),
    "link-missing-objective": (_link_missing, ("o7", "o99"), ("พ2 «", "«o99»", "ไม่มีในแผนที่")),
    "row-missing-objective": (_row_missing, ("r9", "o99"), ("แถวที่ 6", "«o99»")),
    "missing-stakeholder": (_missing_stakeholder, ("o3", "s9"), ("ภ2 «", "«s9»", "ภาคี")),
    "empty-text": (_empty_text, ("o5",), ("ก2", "ยังไม่มีข้อความ")),
    "duplicate-code": (_duplicate_code, ("o4", "o5"), ("รหัส ก1 ซ้ำกัน", "2 รายการ")),
    "duplicate-id": (_duplicate_id, ("r1",), ("«r1»", "ซ้ำ 2 ครั้ง")),
    "table-objective-column": (_objective_column, ("indicator",), ("«ตัวชี้วัด»", "คอลัมน์เป้าประสงค์")),
    "duplicate-column": (_duplicate_column, ("budget",), ("«budget»", "ซ้ำกัน 2 ครั้ง")),
    "downward-link": (_downward, ("o5", "o6"), ("ก2 «", "(ระดับกระบวนการ)", "ชี้ลงไปยัง พ1 «", "(ระดับพื้นฐาน)")),
    "no-route-to-people": (_no_route, ("o8",), ("พ3 «ครูและนักเรียน", "…»", "ไม่มีเส้นทางขึ้นไปถึงระดับประชาชน")),
    "people-without-cause": (_people_without_cause, ("o8",), ("ป2 «ผู้ป่วยไข้เลือดออก", "ไม่มีลูกศรชี้เข้า")),
    "key-route-split": (_key_route_split, ("o1", "o2", "o4", "o5", "o6"), ("2 ส่วน", "ป1, ภ1, ก1, พ1 | ก2")),
    "key-route-without-people": (_key_route_without_people, ("o2", "o4", "o6"), ("ระดับประชาชน",)),
    "missing-code": (_missing_code, ("o5",), ("«มีมาตรการทางสังคม", "ยังไม่มีรหัส")),
    "duplicate-text": (_duplicate_text, ("o4", "o5"), ("ก1 «", "ก2 «", "ข้อความเดียวกัน")),
    "empty-level": (_empty_level, ("foundation",), ("ระดับพื้นฐาน", "ยังไม่มีเป้าประสงค์")),
    "no-destination": (_no_destination, (), ("จุดหมายปลายทาง",)),
    "budget-unread": (
        _budget_unread,
        ("r2",),
        ("แถวที่ 2", "ภ1 «", "«ค่าอาหารกลางวัน ๕๐ คน x ๑๐๐ บาท»", "ไม่นับรวม"),
    ),
    "key-route-without-row": (_key_route_without_row, ("o4",), ("ก1 «", "เส้นทางหลัก", "ยังไม่มีแถว")),
    "empty-row": (_empty_row, ("r6",), ("แถวที่ 6", "ก2 «", "ยังไม่ได้กรอกข้อมูล")),
    "rows-apart": (_rows_apart, ("o1", "r1", "r6"), ("ป1 «", "แถวที่ 1, 6", "ติดกัน")),
    "unassigned-stakeholder": (_unassigned, ("s3",), ("«โรงเรียนบ้านใหม่»", "ยังไม่ได้รับบทบาท")),
    "progress-missing": (_progress_missing, ("r4", "o4"), ("แถวที่ 4", "ก1 «", "ไตรมาส 3/2567", "สิ้นสุดแล้ว")),
    "over-budget": (_over_budget, ("r2", "o2"), ("แถวที่ 2", "25,500 บาท", "ไตรมาส 2/2567", "25,000 บาท")),
    "late-without-note": (_late_without_note, ("r5", "o6"), ("แถวที่ 5", "«อบรมทีม SRRT ตำบล»", "ล่าช้า")),
}


def test_the_clean_map_has_no_findings() -> None:
    assert check_map(clean_map()) == []


def test_follow_up_checks_wait_for_the_first_report_and_for_a_period_to_end() -> None:
    from datetime import date

    m = clean_map()
    m.__pydantic_extra__ = {"progress": {"fiscal_year": 2568}}  # a setting, no report yet
    assert check_map(m, today=date(2026, 1, 1)) == []
    m.__pydantic_extra__ = {
        "progress": {"fiscal_year": 2568, "rows": {"r1": {"2568-Q1": {"status": "done"}}}}
    }
    assert check_map(m, today=date(2024, 12, 31)) == []  # Q1 has not ended yet
    found = check_map(m, today=date(2025, 1, 1))
    assert sorted(f.ids[0] for f in found) == ["r2", "r3", "r4", "r5"] and {f.code for f in found} == {
        "progress-missing"
    }
    found = check_map(m, today=date(2025, 7, 1))  # three quarters over
    assert (
        "ไตรมาส 1/2568, ไตรมาส 2/2568, ไตรมาส 3/2568" in next(f for f in found if f.ids[0] == "r2").message_th
    )
    assert "Quarter 2/2568" in next(f for f in found if f.ids[0] == "r1").message_en  # r1 reported only Q1


@pytest.mark.parametrize("code", list(CASES))
def test_each_check_reports_exactly_its_finding(code: str) -> None:
    breaker, ids, thai_words = CASES[code]
    m = clean_map()
    breaker(m)
    findings = check_map(m)
    assert [f.code for f in findings] == [code]
    finding = findings[0]
    assert finding.severity == CHECKS[code]
    assert finding.ids == ids
    for words in thai_words:
        assert words in finding.message_th
    assert finding.message("th") == finding.message_th
    assert finding.message("en") == finding.message_en
    assert finding.message_en and finding.message_en != finding.message_th
    assert not any("\u0e00" <= ch <= "\u0e7f" for ch in _without_quoted(finding.message_en))


def _without_quoted(text: str) -> str:
    """English messages quote Thai codes and texts; everything else is English."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    kept = "".join(out)
    for letter in "ปภกพ":  # objective codes such as ก1 name objectives in any language
        kept = kept.replace(letter, "")
    return kept


def test_every_check_code_is_exercised_and_described() -> None:
    assert set(CASES) == set(CHECKS)
    assert set(CHECK_DESCRIPTIONS) == set(CHECKS)
    assert set(CHECKS.values()) == {"error", "warning", "info"}
    for code, (th, en) in CHECK_DESCRIPTIONS.items():
        assert code == code.lower() and " " not in code and "_" not in code
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in th), code
        assert en.isascii(), code


def test_a_fresh_workshop_map_gives_warnings_not_errors() -> None:
    m = RouteMap()
    for i, level in enumerate(["people", "stakeholder", "process", "foundation", "process"]):
        m.objectives.append(
            Objective(id=f"o{i}", code=m.new_code(level), perspective=level, text=f"เป้าประสงค์ที่จับได้ข้อ {i + 1}")  # type: ignore[arg-type]
        )
    m.links.append(Link(source="o3", target="o2"))
    severities = {f.severity for f in check_map(m)}
    assert "error" not in severities
    assert "warning" in severities


def test_dense_loops_are_one_finding_per_component() -> None:
    m = clean_map()
    ids = [f"k{i}" for i in range(30)]
    for i, oid in enumerate(ids):
        m.objectives.append(
            Objective(id=oid, code=f"ก{i + 10}", perspective="process", text=f"งานย่อยที่ {i + 1}")
        )
        m.links.append(Link(source=oid, target="o2"))
    # every pair linked both ways: far too many simple cycles to list one by one
    m.links.extend(Link(source=a, target=b) for a in ids for b in ids if a != b)
    cycles = [f for f in check_map(m) if f.code == "link-cycle"]
    assert len(cycles) == 1
    assert cycles[0].ids == tuple(ids)
    assert "และอีก 24 รายการ" in cycles[0].message_th
    assert "and 24 more" in cycles[0].message_en


def test_two_separate_loops_are_two_findings() -> None:
    m = clean_map()
    m.links.append(Link(source="o3", target="o2"))
    m.links.append(Link(source="o5", target="o4"))
    m.links.append(Link(source="o4", target="o5"))
    cycles = [f.ids for f in check_map(m) if f.code == "link-cycle"]
    assert cycles == [("o2", "o3"), ("o4", "o5")]


def test_a_link_within_one_level_is_not_downward() -> None:
    m = clean_map()
    m.links.append(Link(source="o7", target="o6"))
    assert check_map(m) == []


def test_dangling_references_are_errors_and_load_nothing_into_the_graph() -> None:
    m = clean_map()
    m.links.append(Link(source="o404", target="o1"))
    m.links.append(Link(source="o404", target="o1"))
    codes = [(f.code, f.ids) for f in check_map(m)]
    assert codes == [("duplicate-link", ("o404", "o1")), ("link-missing-objective", ("o404", "o1"))]


def test_findings_come_errors_first_then_by_code_then_ids() -> None:
    m = clean_map()
    for breaker, _, _ in CASES.values():
        breaker(m)
    findings = check_map(m)
    rank = {"error": 0, "warning": 1, "info": 2}
    keys = [(rank[f.severity], f.code, f.ids) for f in findings]
    assert keys == sorted(keys)
    assert findings[0].severity == "error" and findings[-1].severity == "info"
    # a copy of the map gives equal findings in the same order
    again = m.model_copy(deep=True)
    assert check_map(again) == findings
    assert len({f.code for f in findings}) >= 15


def test_finding_is_frozen_and_speaks_both_languages() -> None:
    f = Finding("empty-text", "error", ("o1",), "เป้าประสงค์ ป1 ยังไม่มีข้อความ", "Objective ป1 has no text")
    assert f.message("th") == "เป้าประสงค์ ป1 ยังไม่มีข้อความ"
    assert f.message("en") == "Objective ป1 has no text"
    assert f.message("fr") == "Objective ป1 has no text"
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.code = "other"  # type: ignore[misc]


def test_long_thai_text_is_cut_between_whole_characters() -> None:
    text = short(LONG_TEXT)
    assert text.endswith("…")
    body = text[:-1]
    assert LONG_TEXT.startswith(body)
    follower = LONG_TEXT[len(body)]
    assert not ("\u0e31" <= follower <= "\u0e3a" or "\u0e47" <= follower <= "\u0e4e")  # no mark left behind
    assert body[-1] not in "เแโใไ"
    assert short("  ประชาชน\nมีสุขภาพดี ") == "ประชาชน มีสุขภาพดี"
    # a cut that would split a consonant from its tone mark moves past the mark
    assert short("ก" * 27 + "ที่ดี", 28) == "ก" * 27 + "ที่…"
    # a cut right after a leading vowel moves before it
    assert short("ก" * 27 + "เลือด", 28) == "ก" * 27 + "…"


def test_two_objectives_with_one_id_are_reported_not_fatal() -> None:
    m = clean_map()
    m.objectives.append(Objective(id="o4", code="ก7", perspective="process", text="เป้าประสงค์ที่ใช้ id ซ้ำ"))
    findings = check_map(m)
    assert [(f.code, f.ids) for f in findings if f.severity == "error"] == [("duplicate-id", ("o4",))]


ID_POOL = ["o1", "o2", "o3", "o4", "o5", "o404"]


@settings(max_examples=60, deadline=None)
@given(
    levels=st.lists(
        st.sampled_from(["people", "stakeholder", "process", "foundation"]), min_size=0, max_size=5
    ),
    links=st.lists(st.tuples(st.sampled_from(ID_POOL), st.sampled_from(ID_POOL)), max_size=12),
    rows=st.lists(st.sampled_from(ID_POOL), max_size=5),
    keys=st.lists(st.booleans(), min_size=5, max_size=5),
    texts=st.lists(
        st.sampled_from(["", "  ", "ประชาชนมีสุขภาพดี", "อสม.เข้มแข็ง", "ที่นี่ปี่น้ำ"]), min_size=5, max_size=5
    ),
)
def test_any_small_map_is_checked_without_failing(
    levels: list[str], links: list[tuple[str, str]], rows: list[str], keys: list[bool], texts: list[str]
) -> None:
    m = RouteMap()
    for i, level in enumerate(levels):
        m.objectives.append(
            Objective(id=f"o{i + 1}", code=f"ก{i % 3}", perspective=level, text=texts[i], key_route=keys[i])  # type: ignore[arg-type]
        )
    m.links = [Link(source=s, target=t) for s, t in links]
    m.table.rows = [Row(id=f"r{i}", objective=oid) for i, oid in enumerate(rows)]
    findings = check_map(m)
    rank = {"error": 0, "warning": 1, "info": 2}
    assert [(rank[f.severity], f.code, f.ids) for f in findings] == sorted(
        (rank[f.severity], f.code, f.ids) for f in findings
    )
    assert all(f.severity == CHECKS[f.code] and f.message_th and f.message_en for f in findings)
    existing = {o.id for o in m.objectives}
    dangling = {(s, t) for s, t in links if s not in existing or t not in existing}
    assert {f.ids for f in findings if f.code == "link-missing-objective"} == dangling
    lost_rows = {(f"r{i}", oid) for i, oid in enumerate(rows) if oid not in existing}
    assert {f.ids for f in findings if f.code == "row-missing-objective"} == lost_rows
    sound = nx.DiGraph([(s, t) for s, t in links if s != t and (s, t) not in dangling])
    has_loop = any(f.code == "link-cycle" for f in findings)
    assert has_loop == (not nx.is_directed_acyclic_graph(sound))


def test_an_action_plan_without_links_is_not_told_what_a_route_map_lacks() -> None:
    from srmtool.model.templates import builtin_template

    m = RouteMap(table=builtin_template("action_plan").fresh_table())
    m.objectives = [
        Objective(id="o1", code="ก1", perspective="process", text="มาตรการที่ ๑ ส่งเสริมความรอบรู้ด้านสุขภาพ"),
        Objective(id="o2", code="ก2", perspective="process", text="มาตรการที่ ๒ พัฒนาระบบบริการ"),
    ]
    m.table.rows = [
        Row(id="r1", objective="o1", cells={"activity": "อบรม อสม.", "budget": "๕,๐๐๐\n\n๕,๐๐๐"}),
        Row(id="r2", objective="o2", cells={"activity": "คัดกรองเบาหวาน", "budget": "50 คน x 20 บาท"}),
    ]
    assert [f.code for f in check_map(m)] == ["budget-unread"]  # and not empty-level, no-destination …
    m.links.append(Link(source="o1", target="o2"))  # a first link: it is becoming a route map
    codes = {f.code for f in check_map(m)}
    assert {"empty-level", "no-destination", "no-route-to-people"} <= codes
