"""Copy and paste of objectives: within a map and between maps, with their links and table rows,
fresh ids and codes, free places, and refusal of clipboard text that is not ours."""

from __future__ import annotations

import json
from importlib.resources import as_file
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srmtool.model import Column, Link, Objective, RouteMap, Row, Stakeholder, Table, load_map
from srmtool.model.clipboard import (
    CLIPBOARD_FORMAT,
    MAX_CLIPBOARD_BYTES,
    ClipboardError,
    can_paste,
    copy_objectives,
    paste_objectives,
)
from srmtool.model.layout import BOX_GAP, BOX_HEIGHT, BOX_WIDTH, Rect, compute_layout
from srmtool.resources_path import resource

HEAD = '{"format": "srmtool-clipboard", "version": 1, '
THAI_LONG = "คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอบูรณาการแผนงานควบคุมโรคไข้เลือดออกร่วมกับองค์กรปกครองส่วนท้องถิ่นทุกแห่ง"


def load_example(name: str) -> RouteMap:
    with as_file(resource("examples", name)) as path:
        return load_map(path)


def with_pasted(route_map: RouteMap, pasted: tuple[list[Objective], list[Link], list[Row]]) -> RouteMap:
    objectives, links, rows = pasted
    out = route_map.model_copy(deep=True)
    out.objectives.extend(objectives)
    out.links.extend(links)
    out.table.rows.extend(rows)
    out.touch()
    return out


def assert_placed_clear(after: RouteMap, new_ids: set[str]) -> None:
    """Pasted boxes are drawn where they say and cover no other box."""
    layout = compute_layout(after)
    for oid in new_ids:
        o = after.objective(oid)
        assert o is not None and layout.boxes[oid] == Rect(o.x, o.y, BOX_WIDTH, BOX_HEIGHT)
    for a, b in combinations(after.objectives, 2):
        if a.id in new_ids or b.id in new_ids:
            assert not layout.boxes[a.id].intersects(layout.boxes[b.id], gap=BOX_GAP / 2 - 0.5), (a.id, b.id)


def test_copy_holds_the_objectives_their_links_and_rows_only() -> None:
    m = load_example("dengue_tambon.srm")
    ids = ["o1", "o4", "o9", "o13"]
    text = copy_objectives(m, [*ids, "ไม่มีอยู่"])
    assert can_paste(text)
    data = json.loads(text)
    assert data["format"] == CLIPBOARD_FORMAT and data["version"] == 1
    assert [o["id"] for o in data["objectives"]] == ids
    inside = {(lk.source, lk.target) for lk in m.links if lk.source in ids and lk.target in ids}
    assert {(lk["source"], lk["target"]) for lk in data["links"]} == inside
    assert len(data["rows"]) == sum(len(m.rows_of(i)) for i in ids) > 0
    assert [c["key"] for c in data["columns"]] == [c.key for c in m.table.columns]
    first = m.objective("o1")
    assert first is not None and data["objectives"][0]["text"] == first.text


def test_paste_into_the_same_map_makes_new_ids_codes_and_places() -> None:
    m = load_example("dengue_tambon.srm")
    ids = ["o1", "o4", "o9", "o13"]
    objectives, links, rows = paste_objectives(m, copy_objectives(m, ids))
    old_ids = {o.id for o in m.objectives} | {r.id for r in m.table.rows}
    old_codes = {o.code for o in m.objectives}
    assert len(objectives) == 4
    assert not {o.id for o in objectives} & old_ids and not {r.id for r in rows} & old_ids
    assert not {o.code for o in objectives} & old_codes
    for new, old_id in zip(objectives, ids, strict=True):
        old = m.objective(old_id)
        assert old is not None
        assert (new.text, new.perspective, new.notes, new.key_route) == (
            old.text,
            old.perspective,
            old.notes,
            old.key_route,
        )
        assert new.stakeholders == old.stakeholders  # same map: the same partners
    new_of = {old: new.id for old, new in zip(ids, objectives, strict=True)}
    expected = {
        (new_of[lk.source], new_of[lk.target]) for lk in m.links if {lk.source, lk.target} <= set(ids)
    }
    assert {(lk.source, lk.target) for lk in links} == expected
    assert [r.cells for r in rows] == [r.cells for i in ids for r in m.rows_of(i)]
    assert {r.objective for r in rows} == {o.id for o in objectives}
    assert_placed_clear(with_pasted(m, (objectives, links, rows)), {o.id for o in objectives})


def test_pasting_twice_gives_distinct_ids_and_codes() -> None:
    m = load_example("district_ncd.srm")
    text = copy_objectives(m, [o.id for o in m.objectives[:10]])
    first = paste_objectives(m, text)
    once = with_pasted(m, first)
    second = paste_objectives(once, text)
    twice = with_pasted(once, second)
    ids = [o.id for o in twice.objectives] + [r.id for r in twice.table.rows]
    assert len(ids) == len(set(ids))
    codes = [o.code for o in twice.objectives]
    assert len(codes) == len(set(codes))
    assert_placed_clear(twice, {o.id for o in first[0] + second[0]})


def test_paste_between_maps_keeps_only_cells_and_partners_the_target_knows() -> None:
    source = load_example("dengue_tambon.srm")
    target = load_example("district_ncd.srm")
    target.table.columns = [c for c in target.table.columns if c.key not in ("budget", "period")]
    renamed = target.table.columns[2]
    old_key = renamed.key
    renamed.key = "ช่องที่สาม"  # another template: a different key under the same heading
    partner = source.stakeholders[0]
    target.stakeholders.append(Stakeholder(id="ภาคีใหม่", name=partner.name, kind="อปท."))
    ids = [o.id for o in source.objectives if partner.id in o.stakeholders]
    assert ids
    objectives, _, rows = paste_objectives(target, copy_objectives(source, ids))
    allowed = {c.key for c in target.table.columns}
    assert rows and all(set(r.cells) <= allowed for r in rows)
    assert all("budget" not in r.cells and "period" not in r.cells for r in rows)
    copied = [r for i in ids for r in source.rows_of(i)]
    assert [r.cells.get("ช่องที่สาม") for r in rows] == [r.cells.get(old_key) for r in copied]
    for o in objectives:
        assert "ภาคีใหม่" in o.stakeholders  # matched by the partner's name
        assert set(o.stakeholders) <= {s.id for s in target.stakeholders}
    assert_placed_clear(with_pasted(target, (objectives, [], rows)), {o.id for o in objectives})


def test_paste_at_a_point_in_an_empty_map() -> None:
    source = RouteMap(
        objectives=[
            Objective(id="a", code="ก1", perspective="process", text=THAI_LONG, x=400, y=800),
            Objective(id="b", code="ก2", perspective="process", text="ทีมงานเข้มแข็ง", x=650, y=800),
        ],
        links=[Link(source="a", target="b"), Link(source="a", target="a")],
    )
    empty = RouteMap()
    layout = compute_layout(empty)
    band = layout.bands["process"]
    objectives, links, _ = paste_objectives(
        empty, copy_objectives(source, ["a", "b"]), at=(500.0, band.y + 40)
    )
    assert [(o.x, o.y) for o in objectives] == [(500.0, band.y + 40), (750.0, band.y + 40)]
    assert [o.text for o in objectives] == [THAI_LONG, "ทีมงานเข้มแข็ง"]
    assert [o.code for o in objectives] == ["ก1", "ก2"]
    assert [(lk.source, lk.target) for lk in links] == [(objectives[0].id, objectives[1].id)]


def test_copying_nothing_pastes_nothing() -> None:
    m = load_example("dengue_tambon.srm")
    assert paste_objectives(m, copy_objectives(m, [])) == ([], [], [])


def valid_text() -> str:
    m = RouteMap(
        objectives=[Objective(id="o1", code="ป1", perspective="people", text=THAI_LONG)],
        table=Table(columns=[Column(key="indicator", label="ตัวชี้วัด")]),
    )
    return copy_objectives(m, ["o1"])


def mutated(change: str) -> str:
    data = json.loads(valid_text())
    damage = {  # each a small, readable damage to a valid clipboard
        "version 2": lambda d: d.update(version=2),
        "version 0": lambda d: d.update(version=0),
        "version text": lambda d: d.update(version="1"),
        "no objectives": lambda d: d.pop("objectives"),
        "objectives not a list": lambda d: d.update(objectives={"o1": 1}),
        "dx text": lambda d: d["objectives"][0].update(dx="10"),
        "dx bool": lambda d: d["objectives"][0].update(dx=True),
        "dx huge": lambda d: d["objectives"][0].update(dx=1e300),
        "key route text": lambda d: d["objectives"][0].update(key_route="ใช่"),
        "bad perspective": lambda d: d["objectives"][0].update(perspective="ผู้บริหาร"),
        "empty id": lambda d: d["objectives"][0].update(id=""),
        "duplicate id": lambda d: d["objectives"].append(dict(d["objectives"][0])),
        "link to nowhere": lambda d: d.update(links=[{"source": "o1", "target": "o99"}]),
        "row of nowhere": lambda d: d.update(rows=[{"objective": "o99", "cells": {}}]),
        "cell not text": lambda d: d.update(rows=[{"objective": "o1", "cells": {"indicator": 5}}]),
        "format": lambda d: d.update(format="srmtool-map"),
    }
    damage[change](data)
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    "change",
    [
        "version 2",
        "version 0",
        "version text",
        "no objectives",
        "objectives not a list",
        "dx text",
        "dx bool",
        "dx huge",
        "key route text",
        "bad perspective",
        "empty id",
        "duplicate id",
        "link to nowhere",
        "row of nowhere",
        "cell not text",
        "format",
    ],
)
def test_damaged_clipboards_are_refused_in_both_languages(change: str) -> None:
    with pytest.raises(ClipboardError) as caught:
        paste_objectives(RouteMap(), mutated(change))
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.message_en and error.message("en").startswith("Cannot paste")
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in error.message("th"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n",
        "ข้อความธรรมดาที่ผู้ใช้คัดลอกมาจากไลน์",
        "__import__('os').system('echo hacked')",
        "[]",
        "null",
        '{"format": "srmtool-clipboard"',
        HEAD + '"objectives": [], "left": NaN}',
        HEAD + '"objectives": [], "left": 1e999}',
        HEAD + '"objectives": [{"id": "\\ud800", "perspective": "people"}]}',
        "\ud800",
        "[" * 10_000 + "]" * 10_000,
        " " * (MAX_CLIPBOARD_BYTES + 1),
        HEAD + '"objectives": [], "x": "' + "ก" * 2_000_000 + '"}',
    ],
    ids=lambda t: repr(t[:30]),
)
def test_text_that_is_not_a_clipboard_is_refused(text: str) -> None:
    with pytest.raises(ClipboardError):
        paste_objectives(RouteMap(), text)
    assert not can_paste(text)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_garbled_clipboards_paste_or_are_refused(data: st.DataObject) -> None:
    text = valid_text()
    cut = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.text(max_size=5))
    garbled = text[:cut] + insert + text[cut + data.draw(st.integers(0, 5)) :]
    m = load_example("dengue_tambon.srm")
    try:
        objectives, links, rows = paste_objectives(m, garbled)
    except ClipboardError as error:
        assert error.message("th") and error.message("en")
        return
    assert_placed_clear(with_pasted(m, (objectives, links, rows)), {o.id for o in objectives})
