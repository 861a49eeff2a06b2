"""One set of limits: what a file may hold is checked the same way on load and on save, so a map
that loads can always be saved, and a refusal quotes the limit that applies."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from srmfile_samples import thai_map

from srmtool.model import MapFileError, dumps_map, loads_map
from srmtool.model.limits import (
    MAX_CODE_CHARS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ID_CHARS,
    MAX_STAKEHOLDERS,
    MAX_TEXT_CHARS,
)
from srmtool.model.types import RouteMap, Stakeholder


def _compact(route_map: RouteMap) -> bytes:
    """The map as a small file (no indentation), as another program might write it."""
    return json.dumps(route_map.model_dump(), ensure_ascii=False, separators=(",", ":")).encode()


def test_a_short_file_with_a_300_character_code_is_refused_on_load_quoting_its_limit() -> None:
    m = thai_map()
    m.objectives[1].code = "ภ" * 300
    data = _compact(m)
    assert len(data) < MAX_TEXT_CHARS  # short enough that the text scan used to be skipped
    with pytest.raises(MapFileError) as info:
        loads_map(data)
    err = info.value
    assert err.where == "objectives[1].code"
    assert f"{MAX_CODE_CHARS:,}" in err.message_en and f"{MAX_CODE_CHARS:,}" in err.message_th
    assert "100,000" not in err.message_en and "100000" not in err.message_en
    assert "300" in err.message_en


def test_save_quotes_the_code_limit_not_the_text_limit() -> None:
    m = thai_map()
    m.objectives[0].code = "ป" * (MAX_CODE_CHARS + 1)
    with pytest.raises(MapFileError) as info:
        dumps_map(m)
    assert info.value.where == "objectives[0].code"
    assert f"the limit is {MAX_CODE_CHARS:,}" in info.value.message_en
    assert f"เกินขีดจำกัด {MAX_CODE_CHARS:,}" in info.value.message_th


def test_a_code_at_the_limit_loads_and_saves() -> None:
    m = thai_map()
    m.objectives[0].code = "ป" * MAX_CODE_CHARS
    again = loads_map(_compact(m))
    assert loads_map(dumps_map(again)).objectives[0].code == "ป" * MAX_CODE_CHARS


def _long_code(m: RouteMap) -> None:
    m.objectives[2].code = "ก" * (MAX_CODE_CHARS + 44)


def _many_cells(m: RouteMap) -> None:
    m.table.rows[0].cells = {f"c{i}": "x" for i in range(MAX_COLUMNS + 1)}


def _many_partners(m: RouteMap) -> None:
    m.objectives[0].stakeholders = ["s"] * (MAX_STAKEHOLDERS + 1)


def _long_text(m: RouteMap) -> None:
    m.objectives[3].notes = "น้ำ" * (MAX_TEXT_CHARS // 3 + 1)


def _long_id(m: RouteMap) -> None:
    m.stakeholders.append(Stakeholder(id="ภ" * (MAX_ID_CHARS + 1), name="วัด"))


def _long_cell(m: RouteMap) -> None:
    m.table.rows[1].cells["budget"] = "๑" * (MAX_TEXT_CHARS + 1)


@pytest.mark.parametrize(
    ("mutate", "where", "limit"),
    [
        (_long_code, "objectives[2].code", MAX_CODE_CHARS),
        (_many_cells, "table.rows[0].cells", MAX_COLUMNS),
        (_many_partners, "objectives[0].stakeholders", MAX_STAKEHOLDERS),
        (_long_text, "objectives[3].notes", MAX_TEXT_CHARS),
        (_long_id, "stakeholders[2].id", MAX_ID_CHARS),
        (_long_cell, "table.rows[1].cells.budget", MAX_TEXT_CHARS),
    ],
)
def test_load_refuses_exactly_what_save_refuses(
    mutate: Callable[[RouteMap], None], where: str, limit: int
) -> None:
    m = thai_map()
    mutate(m)
    with pytest.raises(MapFileError) as saving:
        dumps_map(m)
    with pytest.raises(MapFileError) as loading:
        loads_map(_compact(m))
    assert saving.value.where == loading.value.where == where
    assert saving.value.message_en == f"cannot save: {loading.value.message_en}"
    assert saving.value.message_th == f"บันทึกไม่ได้: {loading.value.message_th}"
    assert f"{limit:,}" in loading.value.message_en and f"{limit:,}" in loading.value.message_th


def _deep_list(depth: int, width: int) -> Any:
    value: Any = [0] * width
    for _ in range(depth - 1):
        value = [value]
    return value


def test_a_file_whose_saved_form_would_be_too_large_is_refused_on_load() -> None:
    # Compact numbers deep in an unknown key: each "0," becomes a line of 60-odd characters.
    doc = json.loads(dumps_map(thai_map()))
    width = 400_000
    doc["zz"] = _deep_list(30, width)
    data = json.dumps(doc, separators=(",", ":")).encode()
    assert len(data) < MAX_FILE_BYTES // 10
    with pytest.raises(MapFileError) as info:
        loads_map(data)
    assert "too large to save" in info.value.message_en
    assert f"{MAX_FILE_BYTES:,}" in info.value.message_en and f"{MAX_FILE_BYTES:,}" in info.value.message_th
    # Not as deep, the same numbers fit; what loads saves, and loads again.
    doc["zz"] = _deep_list(3, width)
    smaller = loads_map(json.dumps(doc, separators=(",", ":")).encode())
    saved = dumps_map(smaller)
    assert len(saved) <= MAX_FILE_BYTES
    assert loads_map(saved).model_extra == {"zz": _deep_list(3, width)}


def test_a_paste_that_would_pass_a_limit_is_refused_quoting_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from srmtool.model import clipboard
    from srmtool.model.clipboard import ClipboardTooMuch, copy_objectives, paste_objectives

    m = thai_map()
    data = copy_objectives(m, [o.id for o in m.objectives])
    assert len(paste_objectives(m, data)[0]) == len(m.objectives)  # room enough
    monkeypatch.setattr(clipboard, "MAX_OBJECTIVES", len(m.objectives) * 2 - 1)
    with pytest.raises(ClipboardTooMuch) as info:
        paste_objectives(m, data)
    assert f"the limit is {len(m.objectives) * 2 - 1:,}" in info.value.message_en
    assert "เกินขีดจำกัด" in info.value.message_th
