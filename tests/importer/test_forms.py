"""Fill-in forms: written with the fixed columns locked and a status list, read back filled in; and
forms tampered with (another map, another period, extra rows, formulas) or hostile files refused."""

from __future__ import annotations

import time
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from import_workbooks import entity_bomb, many_cells, zip_bomb
from openpyxl import load_workbook

from srmtool.export.progress.form_xlsx import form_xlsx_bytes
from srmtool.importer import ImportRefused
from srmtool.importer.forms import read_form
from srmtool.model import load_map
from srmtool.model.edits.progress import collected_operations
from srmtool.model.operations import apply_all
from srmtool.model.progress import form, period_from_id, report_of
from srmtool.model.types import RouteMap
from srmtool.resources_path import resource

NCD = Path(str(resource("examples", "district_ncd.srm")))
Q1 = period_from_id("2568-Q1")
Q2 = period_from_id("2568-Q2")
assert Q1 is not None and Q2 is not None
ROWS = form.ROWS_SHEET
FIRST = form.FIRST_DATA_ROW


def plan_map() -> RouteMap:
    route_map = load_map(NCD)
    route_map.__pydantic_extra__ = {
        "plan": {"milestones": [{"id": "ms1", "months": 3, "text": "มีคำสั่งแต่งตั้งคณะทำงานระดับอำเภอ"}]},
        "progress": {"fiscal_year": 2568, "rows": {"r2": {"2568-Q1": {"status": "late", "note": "ฝนตก"}}}},
    }
    return route_map


def _form(tmp_path: Path, route_map: RouteMap | None = None, name: str = "แบบรายงาน.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(form_xlsx_bytes(route_map or plan_map(), Q1))
    return path


def _column(key: str) -> int:
    return next(i for i, (k, *_) in enumerate(form.ROW_COLUMNS, start=1) if k == key)


def _fill(
    path: Path, cells: dict[tuple[int, str], object], milestones: dict[int, object] | None = None
) -> Path:
    workbook = load_workbook(path)
    ws = workbook[ROWS]
    for (row, key), value in cells.items():
        ws.cell(FIRST + row, _column(key)).value = value
    for row, value in (milestones or {}).items():
        workbook[form.MILESTONES_SHEET].cell(FIRST + row, 4).value = value
    workbook.save(path)
    return path


def test_the_form_locks_the_fixed_columns_offers_the_statuses_and_says_what_it_is_for(tmp_path: Path) -> None:
    route_map = plan_map()
    workbook = load_workbook(_form(tmp_path, route_map))
    assert workbook.sheetnames == [ROWS, form.MILESTONES_SHEET, form.META_SHEET]
    ws = workbook[ROWS]
    assert ws.protection.sheet
    first = FIRST
    assert [ws.cell(first + n, 1).value for n in range(len(route_map.table.rows))] == [
        r.id for r in route_map.table.rows
    ]
    for key, _, _, open_ in form.ROW_COLUMNS:
        cell = ws.cell(first, _column(key))
        assert cell.protection.locked is (not open_), key
        if not open_:
            assert cell.fill.fgColor.rgb.endswith("D9D9D9"), key
    validation = ws.data_validations.dataValidation[0]
    assert validation.type == "list" and all(label in validation.formula1 for label in form.status_labels())
    letter = ws.cell(first, _column("status")).column_letter
    assert f"{letter}{first}" in str(validation.sqref)
    assert ws.cell(first + 1, _column("status")).value == "ล่าช้า"  # what was reported is filled in
    assert ws.cell(first + 1, _column("note")).value == "ฝนตก"
    meta = workbook[form.META_SHEET]
    assert meta.sheet_state == "veryHidden"
    recorded = {meta.cell(r, 1).value: meta.cell(r, 2).value for r in range(1, 8)}
    assert recorded["format"] == form.FORM_FORMAT and recorded["period"] == "2568-Q1"
    assert recorded["map_created"] == route_map.meta.created and recorded["map_title"] == route_map.meta.title


def test_a_filled_form_reads_back_and_changes_just_what_was_filled(tmp_path: Path) -> None:
    route_map = plan_map()
    path = _fill(
        _form(tmp_path, route_map),
        {
            (0, "status"): "ตามแผน",
            (0, "result"): "คัดกรองแล้ว 1,250 คน",
            (0, "value"): 1250,
            (0, "spent"): "๑๒,๕๐๐",
            (0, "by"): "นายธนากร ศรีวงศ์",
            (0, "at"): "15/1/2568",
            (1, "spent"): 8000.5,
            (4, "status"): "Done",
            (5, "status"): "6",
        },
        {0: "ทำแล้ว"},
    )
    reading = read_form(path, route_map, Q1)
    assert reading.formulas == [] and reading.unread == []
    first = next(r for r in reading.rows if r.row_id == "r1")
    assert (first.status, first.value, first.spent, first.at) == ("on_track", 1250, 12500, date(2025, 1, 15))
    assert reading.milestones == {"ms1": True}
    rows = [
        (r.row_id, {k: getattr(r, k) for k in ("status", "result", "value", "spent", "note", "by", "at")})
        for r in reading.rows
    ]
    operations, changes = collected_operations(
        route_map, "2568-Q1", rows, reading.milestones, date(2025, 1, 20)
    )
    apply_all(route_map, operations)
    assert {(c.item_id, c.field) for c in changes} == {
        ("r1", "status"), ("r1", "result"), ("r1", "value"), ("r1", "spent"), ("r1", "by"), ("r1", "at"),
        ("r2", "spent"), ("r5", "status"), ("r6", "status"), ("ms1", "done"),
    }  # fmt: skip
    r2 = report_of(route_map, "r2", "2568-Q1")
    assert r2 is not None and (r2.status, r2.note, r2.spent) == (
        "late",
        "ฝนตก",
        Decimal("8000.5"),
    )  # kept + new
    assert r2.at == date(2025, 1, 20)  # changed without a date of its own: dated the day it came in
    assert report_of(route_map, "r6", "2568-Q1").status == "cancelled"  # type: ignore[union-attr]
    again = read_form(path, route_map, Q1)  # the same form twice changes nothing more
    rows = [
        (r.row_id, {k: getattr(r, k) for k in ("status", "result", "value", "spent", "note", "by", "at")})
        for r in again.rows
    ]
    assert collected_operations(route_map, "2568-Q1", rows, again.milestones)[1] == []


def test_formulas_and_unreadable_values_are_left_out_and_named(tmp_path: Path) -> None:
    route_map = plan_map()
    path = _fill(
        _form(tmp_path, route_map),
        {
            (0, "spent"): "=SUM(E6:E8)",
            (1, "status"): "เกือบเสร็จ",
            (2, "value"): "สิบห้า",
            (3, "at"): "พรุ่งนี้",
            (4, "spent"): -5,
            (5, "status"): "เสร็จแล้ว",
        },
    )
    reading = read_form(path, route_map, Q1)
    spent, status, value, at = (f"{ROWS}!{letter}" for letter in ("I", "F", "H", "L"))
    assert reading.formulas == [f"{spent}{FIRST}"]
    assert [cell for cell, _, _ in reading.unread] == [
        f"{status}{FIRST + 1}",
        f"{value}{FIRST + 2}",
        f"{at}{FIRST + 3}",
        f"{spent}{FIRST + 4}",
    ]
    assert all(th and en and th != en for _, th, en in reading.unread)
    assert next(r for r in reading.rows if r.row_id == "r6").status == "done"  # the rest is read


def test_a_form_of_another_map_is_refused(tmp_path: Path) -> None:
    other = plan_map()
    other.meta.created = "2023-05-01T09:00:00+07:00"
    other.meta.title = "แผนที่ทางเดินยุทธศาสตร์ อำเภออื่น"
    path = _form(tmp_path, other)
    with pytest.raises(ImportRefused) as refused:
        read_form(path, plan_map(), Q1)
    assert refused.value.key == "form_other_map" and "อำเภออื่น" in refused.value.message("th")


def test_the_maps_own_id_decides_when_both_have_one(tmp_path: Path) -> None:
    route_map = plan_map()
    route_map.meta.__pydantic_extra__ = {"id": "m-1f3a"}
    path = _form(tmp_path, route_map)
    assert read_form(path, route_map, Q1).rows  # the same id
    renamed = plan_map()
    renamed.meta.__pydantic_extra__ = {"id": "m-9999"}  # same title and creation time, another map
    with pytest.raises(ImportRefused) as refused:
        read_form(path, renamed, Q1)
    assert refused.value.key == "form_other_map"


def test_a_form_of_another_period_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_form(_form(tmp_path), plan_map(), Q2)
    assert refused.value.key == "form_other_period"
    assert "2568-Q1" in refused.value.message("en") and "2568-Q2" in refused.value.message("th")


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({(30, "row"): "r99", (30, "status"): "ตามแผน"}, "form_unknown_row"),
        ({(30, "status"): "ตามแผน", (30, "result"): "เพิ่มแถวเอง"}, "form_row_without_id"),
        ({(2, "row"): "r1"}, "form_row_twice"),
        ({(0, "row"): "r404"}, "form_unknown_row"),
    ],
)
def test_rows_that_are_not_the_maps_are_refused(
    tmp_path: Path, change: dict[tuple[int, str], object], key: str
) -> None:
    path = _fill(_form(tmp_path), change)
    with pytest.raises(ImportRefused) as refused:
        read_form(path, plan_map(), Q1)
    assert refused.value.key == key
    assert refused.value.message("th") != refused.value.message("en")


def test_an_extra_milestone_is_refused(tmp_path: Path) -> None:
    path = _form(tmp_path)
    workbook = load_workbook(path)
    workbook[form.MILESTONES_SHEET].cell(FIRST + 3, 1).value = "ms7"
    workbook.save(path)
    with pytest.raises(ImportRefused) as refused:
        read_form(path, plan_map(), Q1)
    assert refused.value.key == "form_unknown_milestone"


def test_a_workbook_that_is_not_a_form_is_refused(tmp_path: Path) -> None:
    from srmtool.export.xlsx.workbook import xlsx_bytes

    path = tmp_path / "ตาราง.xlsx"
    path.write_bytes(xlsx_bytes(plan_map()))
    with pytest.raises(ImportRefused) as refused:
        read_form(path, plan_map(), Q1)
    assert refused.value.key == "form_not_form"


def test_a_form_with_its_record_sheet_changed_is_refused(tmp_path: Path) -> None:
    path = _form(tmp_path)
    workbook = load_workbook(path)
    workbook[form.META_SHEET].cell(2, 2).value = "9"
    workbook.save(path)
    with pytest.raises(ImportRefused) as refused:
        read_form(path, plan_map(), Q1)
    assert refused.value.key == "form_version"


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda p: entity_bomb(p), "unsafe_xml"),
        (lambda p: zip_bomb(p), "zip_bomb"),
        (lambda p: many_cells(p, 200_010), "too_many_cells"),
        (lambda p: p.write_bytes(b"PK\x03\x04 not really a zip") and p, "corrupt"),
        (lambda p: p.write_bytes("แบบรายงาน".encode()) and p, "not_xlsx"),
    ],
)
def test_hostile_files_are_refused_quickly_before_they_are_parsed(
    tmp_path: Path, make: object, key: str
) -> None:
    path = tmp_path / "แบบรายงาน.xlsx"
    made = make(path)  # type: ignore[operator]
    start = time.monotonic()
    with pytest.raises(ImportRefused) as refused:
        read_form(made if isinstance(made, Path) else path, plan_map(), Q1)
    assert time.monotonic() - start < 5.0
    assert refused.value.key == key


def test_a_password_protected_form_says_so(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = _form(tmp_path)
    locked = tmp_path / "มีรหัสผ่าน.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("รหัส1234", target)
    with pytest.raises(ImportRefused) as refused:
        read_form(locked, plan_map(), Q1)
    assert refused.value.key == "encrypted"


def test_a_style_far_down_the_sheet_costs_nothing(tmp_path: Path) -> None:
    path = _form(tmp_path)
    workbook = load_workbook(path)
    workbook[ROWS].cell(900_000, 3).number_format = "0.00"  # a style, no value
    workbook.save(path)
    start = time.monotonic()
    assert len(read_form(path, plan_map(), Q1).rows) == 23
    assert time.monotonic() - start < 5.0


def test_the_form_survives_a_round_trip_through_a_zip_rewrite(tmp_path: Path) -> None:
    """A form re-saved by another program (members rewritten in another order) still reads."""
    path = _form(tmp_path)
    rewritten = tmp_path / "บันทึกใหม่.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
        for info in reversed(source.infolist()):
            target.writestr(info.filename, source.read(info.filename))
    assert len(read_form(rewritten, plan_map(), Q1).rows) == 23
