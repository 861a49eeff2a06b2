"""The `.srm` file round trip: canonical bytes, unknown keys kept, Thai text intact."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from srmfile_samples import LONG_THAI, thai_map, with_unknown_keys

from srmtool.model import dumps_map, load_map, loads_map, save_map
from srmtool.model.srmfile.codec import backup_path
from srmtool.model.types import PERSPECTIVE_IDS, Column, Link, Objective, RouteMap, Row, Stakeholder

TOP_ORDER = [
    "format",
    "version",
    "meta",
    "destination",
    "perspectives",
    "objectives",
    "links",
    "stakeholders",
    "table",
]


def test_save_then_load_gives_the_same_map(tmp_path: Path) -> None:
    m = thai_map()
    path = tmp_path / "แผนที่ อำเภอเมือง.srm"
    save_map(m, path)
    loaded = load_map(path)
    assert loaded == m
    assert loaded.objectives[0].text == LONG_THAI
    assert loaded.objectives[2].notes == 'บรรทัดแรก\nบรรทัดที่สอง "อ้างอิง" \\ ทับ'


def test_second_save_is_byte_identical(tmp_path: Path) -> None:
    first = tmp_path / "ก.srm"
    second = tmp_path / "ข.srm"
    save_map(thai_map(), first)
    save_map(load_map(first), second)
    assert first.read_bytes() == second.read_bytes()
    save_map(load_map(first), first)  # saving over itself changes nothing either
    assert first.read_bytes() == second.read_bytes()


def test_two_saves_of_one_map_are_identical_and_nothing_is_stamped(tmp_path: Path) -> None:
    m = thai_map()
    save_map(m, tmp_path / "a.srm")
    save_map(m, tmp_path / "b.srm")
    assert (tmp_path / "a.srm").read_bytes() == (tmp_path / "b.srm").read_bytes()
    assert load_map(tmp_path / "a.srm").meta.modified == "2025-02-01T16:05:00+07:00"


def test_canonical_text_layout() -> None:
    data = dumps_map(thai_map())
    text = data.decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.startswith('{\n  "format": "srmtool-map",\n  "version": 1,\n  "meta": {\n    "title": ')
    assert "ประชาชนในตำบล" in text  # raw UTF-8, not \u escapes
    assert "\\u0e" not in text
    doc = json.loads(text)
    assert list(doc) == TOP_ORDER
    assert list(doc["meta"]) == ["title", "organization", "area", "period", "authors", "created", "modified"]
    assert list(doc["objectives"][0]) == [
        "id",
        "code",
        "perspective",
        "text",
        "x",
        "y",
        "key_route",
        "notes",
        "stakeholders",
    ]
    assert list(doc["links"][0]) == ["source", "target"]
    assert list(doc["stakeholders"][0]) == ["id", "name", "kind", "role"]
    assert list(doc["table"]) == ["columns", "rows"]
    assert list(doc["table"]["columns"][0]) == ["key", "label", "width"]
    assert list(doc["table"]["rows"][0]) == ["id", "objective", "cells"]
    assert list(doc["table"]["rows"][0]["cells"]) == ["indicator", "budget", "target"]  # the map's order
    assert [o["id"] for o in doc["objectives"]] == ["o1", "o2", "o3", "o4"]


def test_numbers_are_written_short_and_stay_stable() -> None:
    m = thai_map()
    m.objectives[0].x = 120.0
    m.objectives[0].y = 33.333333
    m.objectives[1].x = -0.0
    m.objectives[1].y = 1e-9
    m.table.columns[1].width = 30.0
    m.table.columns[2].width = 12.5
    text = dumps_map(m).decode("utf-8")
    assert '"x": 120,' in text
    assert '"y": 33.33,' in text
    assert '"x": 0,' in text
    assert '"y": 0,' in text
    assert '"width": 30\n' in text
    assert '"width": 12.5\n' in text
    assert ".0," not in text and ".0\n" not in text
    once = loads_map(dumps_map(m))
    assert dumps_map(once) == dumps_map(loads_map(dumps_map(once)))
    assert once.objectives[0].y == 33.33


def test_unknown_keys_survive_at_every_level() -> None:
    doc = with_unknown_keys(json.loads(dumps_map(thai_map())))
    m = loads_map(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    again = json.loads(dumps_map(m))
    assert again == doc
    # known keys first in DESIGN order, then unknown keys sorted by name
    assert list(again) == [*TOP_ORDER, "a_top", "zz_top"]
    assert list(again["objectives"][0])[-2:] == ["aa_tag", "priority"]
    assert list(again["meta"])[-1] == "reviewer"
    assert again["zz_top"] == {"ระดับ": "บนสุด", "list": [1, 2.5, None, True]}
    assert again["table"]["caption"] == "ตาราง 11 ช่อง"
    assert again["table"]["columns"][1]["align"] == "left"
    assert again["table"]["rows"][0]["approved"] is False
    assert again["perspectives"][0]["color"] == "#ffcc00"
    assert again["links"][0]["label"] == "ส่งผลต่อ"
    assert again["stakeholders"][0]["phone"] == "0 4321 0000"
    assert dumps_map(loads_map(dumps_map(m))) == dumps_map(m)


def test_utf8_byte_order_mark_is_accepted() -> None:
    data = dumps_map(thai_map())
    assert loads_map(b"\xef\xbb\xbf" + data) == thai_map()


def test_dangling_references_load(tmp_path: Path) -> None:
    m = thai_map()
    m.links.append(Link(source="o4", target="ไม่มีอยู่"))
    m.table.rows.append(Row(id="r9", objective="เป้าที่ถูกลบไปแล้ว"))
    m.objectives[0].stakeholders.append("ภาคีที่ไม่มี")
    path = tmp_path / "อ้างอิงลอย.srm"
    save_map(m, path)
    loaded = load_map(path)
    assert loaded.links[-1].target == "ไม่มีอยู่"
    assert loaded.table.rows[-1].objective == "เป้าที่ถูกลบไปแล้ว"
    assert loaded.objectives[0].stakeholders == ["ภาคีที่ไม่มี"]


def test_minimal_file_gets_defaults() -> None:
    m = loads_map(b'{"format": "srmtool-map", "version": 1}')
    assert [p.id for p in m.perspectives] == list(PERSPECTIVE_IDS)
    assert m.objectives == [] and m.table.rows == []


def test_backup_holds_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "แผน.srm"
    old = thai_map()
    save_map(old, path)
    assert not Path(backup_path(path)).exists()  # nothing to back up on the first save
    new = thai_map()
    new.destination = "ชุมชนปลอดลูกน้ำยุงลาย ภายในปี 2569"
    save_map(new, path)
    assert load_map(backup_path(path)) == old
    assert load_map(path) == new
    save_map(old, path)
    assert load_map(backup_path(path)) == new


def test_save_through_a_symbolic_link_replaces_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "จริง.srm"
    link = tmp_path / "ลิงก์.srm"
    save_map(thai_map(), real)
    link.symlink_to(real)
    m = thai_map()
    m.destination = "เปลี่ยนผ่านลิงก์"
    save_map(m, link)
    assert link.is_symlink()
    assert load_map(real).destination == "เปลี่ยนผ่านลิงก์"


# -- generated maps -------------------------------------------------------------------------------

THAI_LETTERS = [chr(c) for c in range(0x0E01, 0x0E2F)]  # ก … ฮ
THAI_MARKS = [chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))]  # ั ิ ี … ่ ้ ๊ ๋ ์
THAI_VOWELS = ["เ", "แ", "โ", "ใ", "ไ", "า", "ำ", "ะ"]
THAI_DIGITS = [chr(c) for c in range(0x0E50, 0x0E5A)]
ALPHABET = (
    THAI_LETTERS + THAI_MARKS + THAI_VOWELS + THAI_DIGITS + [" ", "\n", "\t", '"', "\\", "a", "Z", "7", "/"]
)

texts = st.text(alphabet=ALPHABET, max_size=60)
ids = st.text(alphabet=THAI_LETTERS + ["o", "1", "_"], min_size=1, max_size=6)
coords = st.integers(-500_000, 500_000).map(lambda n: n / 4)  # quarter units: exact after rounding


@st.composite
def route_maps(draw: st.DrawFn) -> RouteMap:
    m = RouteMap()
    m.destination = draw(texts)
    m.meta.title = draw(texts)
    m.meta.authors = draw(st.lists(texts, max_size=3))
    for p in m.perspectives:
        p.label = draw(texts)
    objective_ids = draw(st.lists(ids, max_size=8, unique=True))
    for oid in objective_ids:
        m.objectives.append(
            Objective(
                id=oid,
                code=draw(st.text(alphabet=THAI_LETTERS + THAI_DIGITS, max_size=4)),
                perspective=draw(st.sampled_from(PERSPECTIVE_IDS)),
                text=draw(texts),
                x=draw(coords),
                y=draw(coords),
                key_route=draw(st.booleans()),
                notes=draw(texts),
                stakeholders=draw(st.lists(ids, max_size=3)),
            )
        )
    refs = st.sampled_from(objective_ids) if objective_ids else ids
    m.links = [Link(source=draw(refs), target=draw(ids | refs)) for _ in range(draw(st.integers(0, 8)))]
    m.stakeholders = [
        Stakeholder(id=sid, name=draw(texts), kind=draw(texts), role=draw(texts))
        for sid in draw(st.lists(ids, max_size=4, unique=True))
    ]
    keys = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    m.table.columns = [Column(key=k, label=draw(texts), width=draw(st.integers(0, 80)) / 2) for k in keys]
    m.table.rows = [
        Row(
            id=rid,
            objective=draw(refs),
            cells={k: draw(texts) for k in draw(st.lists(st.sampled_from(keys)))},
        )
        for rid in draw(st.lists(ids, max_size=5, unique=True))
    ]
    return m


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(route_maps())
def test_generated_thai_maps_round_trip(m: RouteMap) -> None:
    data = dumps_map(m)
    loaded = loads_map(data)
    assert loaded == m
    assert dumps_map(loaded) == data


def test_odd_unknown_key_names_stay_plain_data() -> None:
    """Keys that look like Python internals are just data: nothing runs, nothing breaks."""
    for key in [
        "__class__",
        "__dict__",
        "model_config",
        "__pydantic_extra__",
        "_objective_index",
        "touch",
        "",
    ]:
        doc = json.loads(dumps_map(thai_map()))
        doc[key] = {"ค่า": 1}
        doc["objectives"][0][key] = ["ค่า"]
        m = loads_map(json.dumps(doc, ensure_ascii=False).encode())
        assert m.objective("o1") is m.objectives[0]
        again = json.loads(dumps_map(m))
        assert again[key] == {"ค่า": 1}
        assert again["objectives"][0][key] == ["ค่า"]
