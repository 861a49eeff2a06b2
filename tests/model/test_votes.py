"""Dot votes as an additive ``votes`` key of an objective's file entry: old files load unchanged,
a map nobody voted on saves byte for byte as before, bad counts are refused with the place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from srmtool.model import MapFileError, dumps_map, load_map, loads_map
from srmtool.model.operations import SetVotes
from srmtool.model.types import MAX_VOTES, objective_votes
from srmtool.resources_path import resource

DENGUE = Path(str(resource("examples", "dengue_tambon.srm")))


def _with_votes(value: Any) -> bytes:
    doc = json.loads(DENGUE.read_bytes())
    doc["objectives"][2]["votes"] = value
    doc["objectives"][2]["text"] = "ผู้มีไข้สงสัยไข้เลือดออกไปพบเจ้าหน้าที่เร็วไม่ซื้อยาแก้ปวดกลุ่มเอ็นเสดกินเองโดยเด็ดขาด"
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def test_a_map_without_votes_saves_byte_identically_and_reads_as_zero_votes() -> None:
    original = DENGUE.read_bytes()
    route_map = load_map(DENGUE)
    assert all(objective_votes(o) == 0 for o in route_map.objectives)
    assert dumps_map(route_map) == original


def test_votes_survive_a_save_and_a_load_and_clearing_them_restores_the_old_bytes() -> None:
    route_map = load_map(DENGUE)
    target = route_map.objectives[4]
    inverse = SetVotes(target.id, 7).apply(route_map).inverse
    data = dumps_map(route_map)
    assert b'"votes": 7' in data
    again = loads_map(data)
    assert objective_votes(again.objectives[4]) == 7
    assert [objective_votes(o) for o in again.objectives].count(0) == len(again.objectives) - 1
    inverse.apply(route_map)
    assert dumps_map(route_map) == DENGUE.read_bytes()


@pytest.mark.parametrize("value", [-1, 2.5, "สามคะแนน", True, None, [1], MAX_VOTES + 1])
def test_a_bad_vote_count_is_refused_naming_its_place(value: Any) -> None:
    with pytest.raises(MapFileError) as info:
        loads_map(_with_votes(value), "แผนที่.srm")
    error = info.value
    assert error.where == "objectives[2].votes"
    assert "โหวต" in error.message_th and "votes" in error.message_en


def test_zero_and_the_largest_count_load() -> None:
    assert objective_votes(loads_map(_with_votes(0)).objectives[2]) == 0
    assert objective_votes(loads_map(_with_votes(MAX_VOTES)).objectives[2]) == MAX_VOTES
