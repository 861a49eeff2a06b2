"""The plain map objects, fresh ids and codes, look-ups, column templates and the shared geometry."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from srmtool.model.layout import (
    BAND_PAD,
    BOX_GAP,
    BOX_HEIGHT,
    BOX_WIDTH,
    Rect,
    arrow_line,
    compute_layout,
    edge_point,
    free_slot,
)
from srmtool.model.operations import AddObjective, AddRow, RemoveObjective, RemoveRow, SetRowObjective
from srmtool.model.templates import (
    BUILTIN_TEMPLATE_IDS,
    TemplateError,
    builtin_template,
    builtin_templates,
    default_columns,
    load_template,
    save_template,
)
from srmtool.model.types import (
    FORMAT,
    PERSPECTIVE_IDS,
    VERSION,
    Column,
    Link,
    Objective,
    RouteMap,
    Row,
    Stakeholder,
)

# -- the map --------------------------------------------------------------------------------


def test_a_new_map_has_four_levels_in_order_with_thai_labels() -> None:
    m = RouteMap()
    assert [p.id for p in m.perspectives] == ["people", "stakeholder", "process", "foundation"]
    assert [p.label for p in m.perspectives] == ["ประชาชน", "ภาคี", "กระบวนการ", "พื้นฐาน"]
    assert list(PERSPECTIVE_IDS) == [p.id for p in m.perspectives]
    assert (m.format, m.version) == (FORMAT, VERSION) == ("srmtool-map", 1)
    assert m.objectives == [] and m.links == [] and m.stakeholders == [] and m.table.rows == []
    assert m.destination == "" and m.meta.title == "" and m.meta.authors == []
    other = RouteMap()
    other.perspectives[0].label = "ประชาชน/ผู้รับบริการ"
    other.meta.authors.append("ทีมอำเภอ")
    assert m.perspectives[0].label == "ประชาชน" and m.meta.authors == []  # no shared defaults


def test_unknown_keys_are_kept() -> None:
    o = Objective.model_validate(
        {"id": "o1", "perspective": "people", "text": "ประชาชนมีสุขภาพดี", "votes": 12, "สี": "เขียว"}
    )
    assert o.model_dump()["votes"] == 12 and o.model_dump()["สี"] == "เขียว"


def test_perspective_labels_fall_back_to_the_defaults() -> None:
    m = RouteMap()
    m.perspectives[1].label = "ภาคีเครือข่าย"
    assert m.perspective_label("stakeholder") == "ภาคีเครือข่าย"
    m.perspectives = m.perspectives[:2]
    assert m.perspective_label("foundation") == "พื้นฐาน"
    assert m.perspective_label("sky") == "sky"


def _map_with_items() -> RouteMap:
    m = RouteMap()
    m.objectives = [
        Objective(id="o1", code="ป1", perspective="people", text="ประชาชนปลอดโรคไข้เลือดออก"),
        Objective(id="o2", code="ป3", perspective="people", text="ผู้สูงอายุได้รับวัคซีนครบ"),
        Objective(id="o3", code="ก1", perspective="process", text="มีระบบเฝ้าระวังโรค"),
    ]
    m.stakeholders = [Stakeholder(id="s4", name="อสม.")]
    m.table.rows = [Row(id="r1", objective="o1"), Row(id="r2", objective="o3")]
    m.links = [Link(source="o3", target="o1")]
    return m


def test_new_id_is_unused_by_objectives_stakeholders_and_rows() -> None:
    m = _map_with_items()
    used = {"o1", "o2", "o3", "s4", "r1", "r2"}
    fresh = m.new_id("o")
    assert fresh.startswith("o") and fresh not in used
    m.objectives.append(Objective(id=fresh, perspective="process", text="ใหม่"))
    second = m.new_id("o")
    assert second not in used | {fresh}
    for prefix in ("s", "r"):
        made = m.new_id(prefix)
        assert made.startswith(prefix) and made not in used | {fresh}
    # many additions in a row never repeat an id
    seen: set[str] = set()
    for _ in range(50):
        oid = m.new_id("o")
        assert oid not in seen
        seen.add(oid)
        m.objectives.append(Objective(id=oid, perspective="foundation", text="เป้าประสงค์"))


def test_new_code_takes_the_first_free_number_of_the_level() -> None:
    m = _map_with_items()
    assert m.new_code("people") == "ป2"  # ป1 and ป3 are taken
    assert m.new_code("stakeholder") == "ภ1"
    assert m.new_code("process") == "ก2"
    assert m.new_code("foundation") == "พ1"
    m.objectives.append(Objective(id="o9", code="ป2", perspective="people", text="ใหม่"))
    assert m.new_code("people") == "ป4"


def test_look_ups_follow_operations_and_direct_edits() -> None:
    m = _map_with_items()
    assert m.objective("o3") is m.objectives[2]
    assert m.row("r2") is m.table.rows[1]
    RemoveObjective("o3").apply(m)
    assert m.objective("o3") is None and m.row("r2") is None
    assert m.links_of("o1") == []
    AddObjective(Objective(id="o3", code="ก9", perspective="process", text="กลับมาใหม่")).apply(m)
    found = m.objective("o3")
    assert found is not None and found.code == "ก9"
    AddRow(Row(id="r7", objective="o3", cells={"activity": "อบรม"})).apply(m)
    assert m.row("r7") is not None and [r.id for r in m.rows_of("o3")] == ["r7"]
    SetRowObjective("r7", "o2").apply(m)
    assert [r.id for r in m.rows_of("o2")] == ["r7"] and m.rows_of("o3") == []
    RemoveRow("r7").apply(m)
    assert m.row("r7") is None
    # a script that edits the lists by hand: an added item is found, a renamed one is not
    m.table.rows.append(Row(id="r8", objective="o1"))
    assert m.row("r8") is m.table.rows[-1]
    first = m.objectives[0]
    assert m.objective(first.id) is first
    first.id = "o8"
    assert m.objective("o1") is None
    assert m.objective("o8") is first
    # replacing an item by hand needs touch(), as RouteMap.touch says
    m.objectives[0] = Objective(id="o1", code="ป9", perspective="people", text="แทนที่ด้วยมือ")
    m.touch()
    assert m.objective("o1") is m.objectives[0]
    assert m.objective("o8") is None


def test_small_look_ups() -> None:
    m = _map_with_items()
    m.table.columns = default_columns()
    assert m.stakeholder("s4") is m.stakeholders[0] and m.stakeholder("s5") is None
    col = m.column("budget")
    assert col is not None and col.label == "งบประมาณ (บาท)"
    assert m.column("nothing") is None
    assert [o.id for o in m.objectives_in("people")] == ["o1", "o2"]
    assert m.has_link("o3", "o1") and not m.has_link("o1", "o3")
    assert [(lk.source, lk.target) for lk in m.links_of("o3")] == [("o3", "o1")]


# -- column templates -----------------------------------------------------------------------


def test_both_builtin_templates_load_with_the_objective_first() -> None:
    templates = builtin_templates()
    assert [t.id for t in templates] == list(BUILTIN_TEMPLATE_IDS) == ["mini_slm_11", "action_plan"]
    mini, plan = templates
    assert [c.key for c in mini.columns] == [
        "objective",
        "indicator",
        "target",
        "technical_measure",
        "social_measure",
        "activity",
        "target_group",
        "period",
        "budget",
        "budget_source",
        "responsible",
    ]
    assert mini.columns[1].label == "ตัวชี้วัด" and mini.name == "Mini SLM 11 ช่อง"
    assert plan.columns[0].key == "objective" and plan.columns[1].label == "แนวทาง/กิจกรรมหลัก"
    assert mini.name_en and plan.name_en
    assert all(c.width > 0 for t in templates for c in t.columns)
    fresh = default_columns()
    fresh[1].label = "เปลี่ยนแล้ว"
    assert builtin_template().columns[1].label == "ตัวชี้วัด"  # fresh copies every time
    with pytest.raises(TemplateError):
        builtin_template("ไม่มีแม่แบบนี้")


def test_save_and_load_a_template_keeps_thai_labels(tmp_path: Path) -> None:
    columns = [
        Column(key="objective", label="เป้าประสงค์เชิงยุทธศาสตร์", width=30),
        Column(key="project", label="ชื่อโครงการ/กิจกรรมที่เสนอขอรับการสนับสนุนจากกองทุน", width=40),
        Column(key="budget", label="งบประมาณ (บาท)", width=14.5),
    ]
    path = tmp_path / "แม่แบบของอำเภอ.json"
    save_template(path, "district", "แม่แบบแผนปฏิบัติการอำเภอเมือง", columns)
    assert "ชื่อโครงการ" in path.read_text(encoding="utf-8")  # readable Thai, not \\u escapes
    loaded = load_template(path)
    assert loaded.id == "district" and loaded.name == "แม่แบบแผนปฏิบัติการอำเภอเมือง"
    assert [c.model_dump() for c in loaded.columns] == [c.model_dump() for c in columns]


def test_save_template_refuses_a_set_it_could_not_read_back(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    with pytest.raises(TemplateError):
        save_template(path, "bad", "ไม่มีเป้าประสงค์", [Column(key="activity", label="กิจกรรม")])
    assert not path.exists()


BAD_TEMPLATES: dict[str, bytes] = {
    "not json": "{ไม่ใช่ JSON".encode(),
    "not utf-8": '{"columns": [{"key": "objective", "label": "เป้าประสงค์"}]}'.encode("cp874"),
    "a list": b"[]",
    "no columns": json.dumps({"id": "x", "name": "ว่าง"}).encode(),
    "columns not a list": json.dumps({"columns": {"objective": "เป้าประสงค์"}}).encode(),
    "empty columns": json.dumps({"columns": []}).encode(),
    "column without a key": json.dumps({"columns": [{"label": "เป้าประสงค์"}]}).encode(),
    "column that is a string": json.dumps({"columns": ["objective"]}).encode(),
    "repeated key": json.dumps(
        {"columns": [{"key": "objective", "label": "ก"}, {"key": "budget"}, {"key": "budget"}]}
    ).encode(),
    "objective not first": json.dumps(
        {"columns": [{"key": "activity", "label": "กิจกรรม"}, {"key": "objective", "label": "เป้าประสงค์"}]},
        ensure_ascii=False,
    ).encode(),
    "too deep": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("name", list(BAD_TEMPLATES))
def test_bad_template_files_give_template_error_naming_the_file(name: str, tmp_path: Path) -> None:
    path = tmp_path / "แม่แบบเสีย.json"
    path.write_bytes(BAD_TEMPLATES[name])
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    assert "แม่แบบเสีย.json" in str(caught.value)


def test_a_missing_template_file_gives_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError):
        load_template(tmp_path / "ไม่มีไฟล์นี้.json")


# -- geometry -------------------------------------------------------------------------------


def _geometry_map() -> RouteMap:
    m = RouteMap()
    placed = [
        ("o1", "people", 170.0, 140.0),
        ("o2", "people", 420.0, 140.0),
        ("o3", "stakeholder", 170.0, 400.0),
        ("o4", "process", 600.0, 5.0),  # y far above its band
        ("o5", "process", 40.0, 700.0),  # x inside the label column
        ("o6", "foundation", 900.0, 2400.0),  # far below: the band grows
    ]
    for oid, level, x, y in placed:
        m.objectives.append(
            Objective(id=oid, perspective=level, text="เป้าประสงค์ที่ทดสอบตำแหน่ง", x=x, y=y)  # type: ignore[arg-type]
        )
    return m


def _inside(box: Rect, band: Rect) -> bool:
    return band.x <= box.x and box.right <= band.right and band.y <= box.y and box.bottom <= band.bottom


def test_boxes_stay_inside_their_bands_and_bands_do_not_overlap() -> None:
    m = _geometry_map()
    layout = compute_layout(m)
    for o in m.objectives:
        assert _inside(layout.boxes[o.id], layout.bands[o.perspective]), o.id
    bands = [layout.bands[pid] for pid in PERSPECTIVE_IDS]
    assert layout.banner.bottom <= bands[0].y
    for upper, lower in itertools.pairwise(bands):
        assert upper.bottom <= lower.y
    assert layout.bounds.bottom >= bands[-1].bottom
    assert all(layout.bounds.right >= b.right for b in layout.boxes.values())
    assert layout.band_at(layout.bands["process"].y + 1) == "process"
    assert layout.band_at(layout.bounds.bottom + 500) == "foundation"


def test_a_box_above_its_band_is_clamped_to_the_band_top() -> None:
    m = _geometry_map()
    layout = compute_layout(m)
    band = layout.bands["process"]
    box = layout.boxes["o4"]
    assert box.y == band.y + BAND_PAD
    assert box.x == 600.0
    assert layout.boxes["o5"].x > 40.0  # out of the label column
    assert layout.boxes["o6"].y == 2400.0  # below its band's top: kept, the band grows
    assert (box.w, box.h) == (BOX_WIDTH, BOX_HEIGHT)


def test_free_slot_never_overlaps_even_after_sixty_additions_in_one_band() -> None:
    m = _geometry_map()
    for i in range(60):
        x, y = free_slot(m, "process")
        oid = m.new_id("o")
        AddObjective(
            Objective(
                id=oid, code=m.new_code("process"), perspective="process", text=f"งานที่ {i + 1}", x=x, y=y
            )
        ).apply(m)
        layout = compute_layout(m)
        assert (layout.boxes[oid].x, layout.boxes[oid].y) == (x, y)  # placed where it was offered
        assert _inside(layout.boxes[oid], layout.bands["process"])
    layout = compute_layout(m)
    boxes = list(layout.boxes.items())
    assert len(boxes) == 66
    for (a, ra), (b, rb) in itertools.combinations(boxes, 2):
        assert not ra.intersects(rb), (a, b)
    for o in m.objectives:
        assert _inside(layout.boxes[o.id], layout.bands[o.perspective]), o.id


def _on_border(point: tuple[float, float], box: Rect) -> bool:
    x, y = point
    eps = 1e-6
    on_vertical = (abs(x - box.x) < eps or abs(x - box.right) < eps) and box.y - eps <= y <= box.bottom + eps
    on_horizontal = (
        abs(y - box.y) < eps or abs(y - box.bottom) < eps
    ) and box.x - eps <= x <= box.right + eps
    return on_vertical or on_horizontal


@pytest.mark.parametrize(
    ("target_x", "target_y"),
    [(170.0, 140.0), (600.0, 600.0), (1000.0, 420.0), (180.0, 900.0), (-300.0, 430.0), (470.0, 440.0)],
)
def test_arrow_line_ends_on_the_borders_of_both_boxes(target_x: float, target_y: float) -> None:
    source = Rect(420.0, 400.0, BOX_WIDTH, BOX_HEIGHT)
    target = Rect(target_x, target_y, BOX_WIDTH, BOX_HEIGHT)
    start, end = arrow_line(source, target)
    assert _on_border(start, source)
    assert _on_border(end, target)
    if source.intersects(target):
        return
    # the arrow points from the cause toward the effect
    sx, sy = source.center
    tx, ty = target.center
    assert (end[0] - start[0]) * (tx - sx) + (end[1] - start[1]) * (ty - sy) >= 0


def test_edge_point_of_a_point_at_the_centre_is_the_centre() -> None:
    box = Rect(100.0, 100.0, BOX_WIDTH, BOX_HEIGHT)
    assert edge_point(box, box.center) == box.center


def test_free_slot_lines_a_new_box_up_with_the_row_its_band_already_has() -> None:
    """Boxes people placed off the grid: a new one joins their row, then starts a row right under it."""
    m = RouteMap()
    for i, x in enumerate((295.0, 545.0, 795.0)):
        AddObjective(
            Objective(id=f"p{i}", code=f"ก{i + 1}", perspective="process", text="ติดตามประเมินผล", x=x, y=785.0)
        ).apply(m)
    assert free_slot(m, "process") == (1045.0, 785.0)
    AddObjective(
        Objective(id="p3", code="ก4", perspective="process", text="สื่อสารความเสี่ยง", x=1045.0, y=785.0)
    ).apply(m)
    x, y = free_slot(m, "process")
    assert (x, y) == (295.0, 785.0 + BOX_HEIGHT + BOX_GAP)
