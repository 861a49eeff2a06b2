"""Every kind of bad `.srm` file gives a MapFileError naming the file and the place, in Thai and English."""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from srmfile_samples import thai_map

from srmtool.model import MapFileError, dumps_map, load_map, loads_map
from srmtool.model.srmfile import codec as srmfile
from srmtool.model.srmfile.codec import (
    MAX_COLUMNS,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_ID_CHARS,
    MAX_OBJECTIVES,
    MAX_TEXT_CHARS,
)

Doc = dict[str, Any]


def good_doc() -> Doc:
    doc: Doc = json.loads(dumps_map(thai_map()))
    return doc


def encode(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def is_thai(text: str) -> bool:
    return sum("\u0e01" <= c <= "\u0e5b" for c in text) >= 5


def refused(path: Path) -> MapFileError:
    """Load ``path``, which must fail in the documented way; return the error."""
    with pytest.raises(MapFileError) as info:
        load_map(path)
    err = info.value
    assert err.path == str(path)
    assert str(path) in err.message("en") and str(path) in err.message("th")
    assert is_thai(err.message_th), err.message_th
    assert not is_thai(re.sub(r'"[^"]*"', "", err.message_en)), err.message_en  # quoted values aside
    assert err.message_th != err.message_en
    if err.where:
        assert err.where in err.message("en") and err.where in err.message("th")
    return err


def refused_bytes(tmp_path: Path, data: bytes, name: str = "แผนที่เสีย.srm") -> MapFileError:
    path = tmp_path / name
    path.write_bytes(data)
    return refused(path)


# -- not UTF-8 JSON text --------------------------------------------------------------------------


def test_text_that_is_not_json(tmp_path: Path) -> None:
    err = refused_bytes(tmp_path, "นี่คือบันทึกการประชุม ไม่ใช่ไฟล์แผนที่".encode())
    assert err.where == "line 1, column 1"
    assert "not valid JSON" in err.message_en
    assert "ไม่ใช่ JSON ที่ถูกต้อง" in err.message_th


def test_json_error_names_line_and_column(tmp_path: Path) -> None:
    err = refused_bytes(tmp_path, b'{\n  "format": "srmtool-map",\n  "version": 1\n  "destination": "x"\n}\n')
    assert err.where == "line 4, column 3"
    assert "delimiter" in err.message_en
    assert "บรรทัด 4" in err.message_th


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    err = refused_bytes(tmp_path, data)
    assert "empty" in err.message_en
    assert "ว่างเปล่า" in err.message_th


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.97])
def test_truncated_file(tmp_path: Path, fraction: float) -> None:
    data = dumps_map(thai_map())
    err = refused_bytes(tmp_path, data[: int(len(data) * fraction)].decode("utf-8", "ignore").encode())
    assert "ends too early" in err.message_en
    assert "ไฟล์จบกลางคัน" in err.message_th
    assert err.where.startswith("line ")


def test_binary_garbage(tmp_path: Path) -> None:
    rng = random.Random(11)
    err = refused_bytes(tmp_path, b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4000)))
    assert "not UTF-8 JSON text" in err.message_en
    assert "ไฟล์นี้ไม่ใช่ข้อความ JSON แบบ UTF-8" in err.message_th


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(tmp_path: Path, encoding: str) -> None:
    data = json.dumps(good_doc(), ensure_ascii=False).encode(encoding)
    err = refused_bytes(tmp_path, data)
    assert "not UTF-8 JSON text" in err.message_en
    assert "UTF-8" in err.message_th and "ไม่ใช่ข้อความ JSON" in err.message_th


def test_thai_legacy_encoding_is_refused(tmp_path: Path) -> None:
    """TIS-620 (Windows-874) files from old Thai tools are not UTF-8."""
    data = encode(good_doc()).decode("utf-8").encode("tis-620", errors="ignore")
    err = refused_bytes(tmp_path, data)
    assert "not UTF-8" in err.message_en
    assert err.where.startswith("line ")


def test_nul_bytes(tmp_path: Path) -> None:
    data = encode(good_doc())
    err = refused_bytes(tmp_path, data[:50] + b"\x00" + data[50:])
    assert "NUL" in err.message_en


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_numbers(tmp_path: Path, literal: str) -> None:
    text = encode(good_doc()).decode().replace('"x": 40', f'"x": {literal}', 1)
    err = refused_bytes(tmp_path, text.encode())
    assert literal in err.message_en


def test_lone_surrogate_escape(tmp_path: Path) -> None:
    text = encode(good_doc()).decode().replace('"code": "ป1"', '"code": "ป\\ud800"', 1)
    err = refused_bytes(tmp_path, text.encode())
    assert "surrogate" in err.message_en


def test_paired_surrogate_escape_is_fine() -> None:
    text = encode(good_doc()).decode().replace('"code": "ป1"', '"code": "ป\\ud83d\\ude00"', 1)
    assert loads_map(text.encode()).objectives[0].code == "ป😀"


def test_extra_data_after_the_document(tmp_path: Path) -> None:
    err = refused_bytes(tmp_path, encode(good_doc()) + b'\n{"format": "srmtool-map"}\n')
    assert "Extra data" in err.message_en
    assert "มีข้อมูลเกิน" in err.message_th


# -- limits ----------------------------------------------------------------------------------------


def test_sixty_megabyte_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ใหญ่มาก.srm"
    with open(path, "wb") as f:
        f.truncate(60 * 1024 * 1024)  # sparse: no 60 MB written
    assert path.stat().st_size > MAX_FILE_BYTES

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(srmfile, "open", no_reading, raising=False)
    start = time.perf_counter()
    err = refused(path)
    assert time.perf_counter() - start < 1.0
    assert "too large" in err.message_en
    assert "ใหญ่เกินไป" in err.message_th


def test_too_large_bytes_in_memory() -> None:
    with pytest.raises(MapFileError, match="too large"):
        loads_map(b" " * (MAX_FILE_BYTES + 1))


@pytest.mark.parametrize("opening", [b"[", b'{"a":'])
def test_two_hundred_thousand_levels_are_refused_quickly(tmp_path: Path, opening: bytes) -> None:
    start = time.perf_counter()
    err = refused_bytes(tmp_path, opening * 200_000)
    assert time.perf_counter() - start < 2.0
    assert "nested too deeply" in err.message_en
    assert "ซ้อนกันลึกเกินไป" in err.message_th


def test_deep_nesting_closed_properly_is_refused(tmp_path: Path) -> None:
    doc = good_doc()
    doc["zz"] = None
    text = encode(doc).decode().replace('"zz": null', '"zz": ' + "[" * 100_000 + "]" * 100_000)
    err = refused_bytes(tmp_path, text.encode())
    assert "100001 levels" in err.message_en


def _nested(levels: int) -> Any:
    value: Any = "ก้นบึ้ง [ไม่นับ] {ไม่นับ}"
    for _ in range(levels):
        value = [value]
    return value


def test_depth_limit_is_exact() -> None:
    doc = good_doc()
    doc["zz"] = _nested(MAX_DEPTH - 1)  # the top-level object is one level
    assert loads_map(encode(doc)).__pydantic_extra__ == {"zz": _nested(MAX_DEPTH - 1)}
    doc["zz"] = _nested(MAX_DEPTH)
    with pytest.raises(MapFileError, match="nested too deeply"):
        loads_map(encode(doc))


def test_too_many_objectives(tmp_path: Path) -> None:
    doc = good_doc()
    doc["objectives"] = [{"id": f"o{i}", "perspective": "people"} for i in range(MAX_OBJECTIVES + 1)]
    err = refused_bytes(tmp_path, json.dumps(doc).encode())
    assert err.where == "objectives"
    assert "too many objectives" in err.message_en
    assert "มากเกินไป" in err.message_th


def test_too_many_columns(tmp_path: Path) -> None:
    doc = good_doc()
    doc["table"]["columns"] = [{"key": f"c{i}", "label": "ช่อง"} for i in range(MAX_COLUMNS + 1)]
    err = refused_bytes(tmp_path, encode(doc))
    assert err.where == "table.columns"


def test_text_too_long(tmp_path: Path) -> None:
    doc = good_doc()
    doc["objectives"][1]["text"] = "ก" * (MAX_TEXT_CHARS + 1)
    err = refused_bytes(tmp_path, encode(doc))
    assert err.where == "objectives[1].text"
    assert "too long" in err.message_en
    assert "ยาวเกินไป" in err.message_th


def test_cell_too_long(tmp_path: Path) -> None:
    doc = good_doc()
    doc["table"]["rows"][2]["cells"]["period"] = "ปี" * MAX_TEXT_CHARS
    err = refused_bytes(tmp_path, encode(doc))
    assert err.where == "table.rows[2].cells.period"


def test_id_too_long(tmp_path: Path) -> None:
    doc = good_doc()
    doc["stakeholders"][1]["id"] = "ภ" * (MAX_ID_CHARS + 1)
    err = refused_bytes(tmp_path, encode(doc))
    assert err.where == "stakeholders[1].id"


def test_position_far_outside_the_map(tmp_path: Path) -> None:
    doc = good_doc()
    doc["objectives"][3]["y"] = 1e12
    err = refused_bytes(tmp_path, encode(doc))
    assert err.where == "objectives[3]"


# -- structure -------------------------------------------------------------------------------------

Mutation = Callable[[Doc], None]


def _set(path: str, value: Any) -> Mutation:
    def mutate(doc: Doc) -> None:
        *parents, last = path.split("/")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _delete(path: str) -> Mutation:
    def mutate(doc: Doc) -> None:
        *parents, last = path.split("/")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[int(last) if isinstance(node, list) else last]

    return mutate


STRUCTURE_CASES: list[tuple[str, Mutation, str, str]] = [
    ("wrong format", _set("format", "srmtool-template"), "format", "not an srmtool map"),
    ("format as number", _set("format", 1), "format", "not an srmtool map"),
    ("no format", _delete("format"), "format", 'no "format" key'),
    ("newer version", _set("version", 2), "version", "newer srmtool, version 2; this one reads version 1"),
    ("version as string", _set("version", "1"), "version", "whole number"),
    ("version as float", _set("version", 1.5), "version", "whole number"),
    ("version as bool", _set("version", True), "version", "whole number"),
    ("version zero", _set("version", 0), "version", "not a valid format version"),
    ("no version", _delete("version"), "version", "missing"),
    ("objective without id", _delete("objectives/1/id"), "objectives[1].id", "required key is missing"),
    (
        "objective without perspective",
        _delete("objectives/0/perspective"),
        "objectives[0].perspective",
        "missing",
    ),
    ("link without target", _delete("links/2/target"), "links[2].target", "required key is missing"),
    ("row without objective", _delete("table/rows/1/objective"), "table.rows[1].objective", "missing"),
    ("column without key", _delete("table/columns/3/key"), "table.columns[3].key", "missing"),
    ("stakeholder without id", _delete("stakeholders/0/id"), "stakeholders[0].id", "missing"),
    ("perspective without label", _delete("perspectives/1/label"), "perspectives[1].label", "missing"),
    ("x as text", _set("objectives/2/x", "12"), "objectives[2].x", "must be a number"),
    ("x as bool", _set("objectives/2/x", True), "objectives[2].x", "must be a number"),
    ("key_route as text", _set("objectives/0/key_route", "ใช่"), "objectives[0].key_route", "true or false"),
    ("text as number", _set("objectives/3/text", 5), "objectives[3].text", "must be text"),
    ("objectives not a list", _set("objectives", {"o1": {}}), "objectives", "must be a list"),
    ("meta not an object", _set("meta", ["ชื่อแผน"]), "meta", "must be an object"),
    ("author as number", _set("meta/authors/1", 7), "meta.authors[1]", "must be text"),
    (
        "cell as number",
        _set("table/rows/0/cells/budget", 25000),
        "table.rows[0].cells.budget",
        "must be text",
    ),
    ("rows not a list", _set("table/rows", {}), "table.rows", "must be a list"),
    ("table not an object", _set("table", "ตาราง"), "table", "must be an object"),
    ("destination as list", _set("destination", ["วิสัยทัศน์"]), "destination", "must be text"),
    ("id as number", _set("objectives/1/id", 2), "objectives[1].id", "must be text"),
    ("empty objective id", _set("objectives/1/id", ""), "objectives[1].id", "1 to 256 characters"),
    ("unknown perspective", _set("objectives/2/perspective", "ชุมชน"), "objectives[2].perspective", '"ชุมชน"'),
    ("dup objective id", _set("objectives/3/id", "o1"), "objectives[3].id", 'duplicate objective id "o1"'),
    ("dup stakeholder id", _set("stakeholders/1/id", "s1"), "stakeholders[1].id", "duplicate stakeholder id"),
    ("dup row id", _set("table/rows/2/id", "r1"), "table.rows[2].id", 'duplicate row id "r1"'),
    (
        "dup column key",
        _set("table/columns/5/key", "indicator"),
        "table.columns[5].key",
        "duplicate column key",
    ),
    ("three perspectives", _delete("perspectives/3"), "perspectives", "found 3"),
    ("no perspectives", _set("perspectives", []), "perspectives", "exactly 4"),
    (
        "unknown perspective in list",
        _set("perspectives/1/id", "partners"),
        "perspectives[1].id",
        '"partners"',
    ),
]


@pytest.mark.parametrize(
    ("mutate", "where", "fragment"), [c[1:] for c in STRUCTURE_CASES], ids=[c[0] for c in STRUCTURE_CASES]
)
def test_structure_errors(tmp_path: Path, mutate: Mutation, where: str, fragment: str) -> None:
    doc = good_doc()
    mutate(doc)
    err = refused_bytes(tmp_path, encode(doc))
    assert err.where == where
    assert fragment in err.message_en


def test_newer_version_message_in_thai(tmp_path: Path) -> None:
    doc = good_doc()
    doc["version"] = 3
    doc["something_new"] = {"ข้อมูลใหม่": True}
    err = refused_bytes(tmp_path, encode(doc))
    assert "รุ่นที่ใหม่กว่า" in err.message_th and "3" in err.message_th


def test_perspectives_out_of_order(tmp_path: Path) -> None:
    doc = good_doc()
    doc["perspectives"][1], doc["perspectives"][2] = doc["perspectives"][2], doc["perspectives"][1]
    err = refused_bytes(tmp_path, encode(doc))
    assert err.where == "perspectives[1].id"
    assert '"stakeholder"' in err.message_en
    assert "ระดับที่ 2" in err.message_th


def test_perspectives_duplicated(tmp_path: Path) -> None:
    doc = good_doc()
    doc["perspectives"][3] = dict(doc["perspectives"][0])
    err = refused_bytes(tmp_path, encode(doc))
    assert err.where == "perspectives[3].id"


def test_five_perspectives(tmp_path: Path) -> None:
    doc = good_doc()
    doc["perspectives"].append({"id": "people", "label": "ประชาชนอีกครั้ง"})
    err = refused_bytes(tmp_path, encode(doc))
    assert err.where == "perspectives"
    assert "found 5" in err.message_en


def test_several_problems_are_counted(tmp_path: Path) -> None:
    doc = good_doc()
    doc["objectives"][0]["x"] = "ซ้าย"
    doc["objectives"][1]["y"] = "บน"
    err = refused_bytes(tmp_path, encode(doc))
    assert err.where == "objectives[0].x"
    assert "1 more" in err.message_en and "อีก 1 จุด" in err.message_th


def test_top_level_not_an_object(tmp_path: Path) -> None:
    err = refused_bytes(tmp_path, b'["srmtool-map", 1]')
    assert "not an srmtool map" in err.message_en


# -- the file itself --------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    err = refused(tmp_path / "ไม่มีไฟล์นี้.srm")
    assert "not found" in err.message_en and "ไม่พบไฟล์" in err.message_th


def test_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "โฟลเดอร์.srm"
    folder.mkdir()
    err = refused(folder)
    assert "folder" in err.message_en and "โฟลเดอร์" in err.message_th


def test_a_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "ท่อ.srm"
    os.mkfifo(fifo)
    err = refused(fifo)
    assert "not a regular file" in err.message_en


def test_no_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ลับ.srm"
    path.write_bytes(dumps_map(thai_map()))
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anyway: make the open itself fail

            def denied(*args: object, **kwargs: object) -> None:
                raise PermissionError(13, "Permission denied", str(path))

            monkeypatch.setattr(srmfile, "open", denied, raising=False)
        err = refused(path)
    finally:
        path.chmod(0o644)
    assert "no permission to read" in err.message_en
    assert "ไม่มีสิทธิ์อ่าน" in err.message_th


def test_an_error_late_in_the_file_returns_no_map(tmp_path: Path) -> None:
    doc = good_doc()
    doc["table"]["rows"][-1]["cells"]["budget"] = None
    with pytest.raises(MapFileError) as info:
        result = load_map(_write(tmp_path, encode(doc)))
        raise AssertionError(f"returned {result!r}")
    assert info.value.where == "table.rows[2].cells.budget"


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "ท้ายไฟล์เสีย.srm"
    path.write_bytes(data)
    return path


def test_loads_map_names_its_origin() -> None:
    with pytest.raises(MapFileError) as info:
        loads_map(b"{", origin="แนบจากไลน์.srm")
    assert info.value.path == "แนบจากไลน์.srm"
    assert info.value.message("th").startswith("แนบจากไลน์.srm")
