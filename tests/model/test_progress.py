"""Follow-up records in the `.srm` file (``progress``): byte-stable round trips, one order however
a file was written, clear refusals naming the place in Thai and English, the limits; the periods
of the fiscal year; the status an objective is given from its rows; the edits' plans."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from srmtool.model import MapFileError, dumps_map, load_map, loads_map
from srmtool.model.edits import (
    clear_operations,
    delete_operations,
    field_operations,
    forget_reports,
    parse_number,
    status_operations,
)
from srmtool.model.limits import MAX_PERIODS
from srmtool.model.operations import SetReport, apply_all
from srmtool.model.progress import (
    current_period,
    fiscal_year,
    has_progress,
    map_progress,
    milestone_done,
    objective_progress,
    parse_period,
    period_from_id,
    periods_of,
    report_of,
    scheme_periods,
    worst,
)
from srmtool.resources_path import resource

NCD = Path(str(resource("examples", "district_ncd.srm")))

PROGRESS: dict[str, Any] = {
    "periods": "quarters",
    "fiscal_year": 2568,
    "rows": {
        "r1": {
            "2568-Q1": {
                "status": "on_track",
                "result": "คัดกรองแล้ว 1,250 คน",
                "value": 1250,
                "spent": 30000,
                "note": "ติดตามต่อเนื่องทุกเดือน",
                "by": "นางสาวอรุณี แสงจันทร์",
                "at": "2025-01-06",
            },
            "2568-Q2": {"status": "late", "spent": 52500.5, "note": "เจ้าหน้าที่ย้าย", "at": "2025-04-03"},
        },
        "r2": {"2568-Q1": {"status": "done", "spent": 15000, "x-newer": {"photos": 3}}},
    },
    "milestones": {"ms1": {"2568-Q1": True}, "ms2": {"2568-Q2": False}},
}
PLAN = {
    "milestones": [
        {"id": "ms1", "months": 3, "text": "มีคำสั่งแต่งตั้งคณะทำงานระดับอำเภอ"},
        {"id": "ms2", "months": 6, "text": "กลุ่มเสี่ยงได้รับการคัดกรองร้อยละ ๕๐"},
        {"id": "ms3", "months": 12, "text": "สรุปผลการดำเนินงานเสนอ พชอ."},
    ]
}


def _doc(progress: Any = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(NCD.read_bytes())
    data["plan"] = copy.deepcopy(PLAN)
    data["progress"] = copy.deepcopy(PROGRESS if progress is None else progress)
    return data


def _bytes(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


# -- the file ---------------------------------------------------------------------------------


def test_the_examples_have_no_follow_up_and_stay_byte_identical() -> None:
    route_map = load_map(NCD)
    assert not has_progress(route_map)
    assert dumps_map(route_map) == NCD.read_bytes()


def test_progress_round_trips_byte_for_byte_and_reads_as_typed_values() -> None:
    data = _bytes(_doc())
    route_map = loads_map(data)
    assert dumps_map(route_map) == data  # written in the file's order already
    report = report_of(route_map, "r1", "2568-Q2")
    assert report is not None and report.status == "late" and report.spent == Decimal("52500.5")
    assert report.at == date(2025, 4, 3) and report.note == "เจ้าหน้าที่ย้าย"
    first = report_of(route_map, "r1", "2568-Q1")
    assert first is not None and first.value == 1250 and first.by == "นางสาวอรุณี แสงจันทร์"
    assert report_of(route_map, "r3", "2568-Q1") is None
    assert has_progress(route_map)
    text = data.decode()
    assert text.index('"plan"') < text.index('"progress"')  # unknown keys sorted, after the known ones
    assert '"x-newer": {' in text  # a newer release's key inside a report survives


def test_any_order_is_written_in_one_order_that_then_stays() -> None:
    doc = _doc()
    progress = doc["progress"]
    progress["rows"] = {"r10": {"2568-Q3": {"status": "on_track"}}, **progress["rows"]}
    progress["rows"]["r1"] = dict(reversed(list(progress["rows"]["r1"].items())))
    progress["rows"]["r1"]["2568-Q1"] = dict(reversed(list(progress["rows"]["r1"]["2568-Q1"].items())))
    doc["progress"] = dict(reversed(list(progress.items())))
    once = dumps_map(loads_map(_bytes(doc)))
    assert once == dumps_map(loads_map(once))
    saved = json.loads(once)["progress"]
    assert list(saved) == ["periods", "fiscal_year", "rows", "milestones"]
    assert list(saved["rows"]) == ["r1", "r2", "r10"]  # r2 before r10
    assert list(saved["rows"]["r1"]) == ["2568-Q1", "2568-Q2"]  # in time order
    assert list(saved["rows"]["r1"]["2568-Q1"]) == ["status", "result", "value", "spent", "note", "by", "at"]


def test_periods_are_written_in_time_order_not_by_name() -> None:
    doc = _doc({"periods": "months", "rows": {"r1": {"2568-M12": {}, "2568-M3": {}, "2567-M9": {}}}})
    saved = json.loads(dumps_map(loads_map(_bytes(doc))))["progress"]
    assert list(saved["rows"]["r1"]) == ["2567-M9", "2568-M3", "2568-M12"]


def test_what_is_left_empty_is_not_written() -> None:
    doc = _doc({"rows": {"r1": {}}, "milestones": {}})
    assert "progress" not in json.loads(dumps_map(loads_map(_bytes(doc))))
    doc = _doc({"periods": "months", "rows": {"r1": {}}})
    assert json.loads(dumps_map(loads_map(_bytes(doc))))["progress"] == {"periods": "months"}


BAD: list[tuple[Any, str, str]] = [
    ([], "progress", "must be an object"),
    ({"periods": "weekly"}, "progress.periods", "quarters"),
    ({"fiscal_year": 2025}, "progress.fiscal_year", "Buddhist Era"),
    ({"fiscal_year": "2568"}, "progress.fiscal_year", "Buddhist Era"),
    ({"rows": []}, "progress.rows", "must be an object"),
    ({"rows": {"r1": {"ไตรมาส 1": {}}}}, "progress.rows.r1.ไตรมาส 1", "not a reporting period"),
    ({"rows": {"r1": {"2568-Q1": "done"}}}, "progress.rows.r1.2568-Q1", "must be an object"),
    ({"rows": {"r1": {"2568-Q1": {"status": "เสร็จ"}}}}, "progress.rows.r1.2568-Q1.status", "one of"),
    ({"rows": {"r1": {"2568-Q1": {"spent": -1}}}}, "progress.rows.r1.2568-Q1.spent", "from 0"),
    ({"rows": {"r1": {"2568-Q1": {"spent": "5,000"}}}}, "progress.rows.r1.2568-Q1.spent", "number"),
    ({"rows": {"r1": {"2568-Q1": {"spent": True}}}}, "progress.rows.r1.2568-Q1.spent", "number"),
    ({"rows": {"r1": {"2568-Q1": {"value": 1e16}}}}, "progress.rows.r1.2568-Q1.value", "number"),
    ({"rows": {"r1": {"2568-Q1": {"note": 5}}}}, "progress.rows.r1.2568-Q1.note", "must be text"),
    ({"rows": {"r1": {"2568-Q1": {"at": "6/1/2568"}}}}, "progress.rows.r1.2568-Q1.at", "YYYY-MM-DD"),
    ({"rows": {"r1": {"2568-Q1": {"at": "2025-02-30"}}}}, "progress.rows.r1.2568-Q1.at", "YYYY-MM-DD"),
    ({"milestones": {"ms1": {"2568-Q1": "ทำแล้ว"}}}, "progress.milestones.ms1.2568-Q1", "true"),
    ({"rows": {"": {"2568-Q1": {}}}}, "progress.rows.", "row id"),
]


@pytest.mark.parametrize(("progress", "where", "english"), BAD)
def test_a_bad_value_is_refused_naming_its_place_in_both_languages(
    progress: Any, where: str, english: str
) -> None:
    with pytest.raises(MapFileError) as caught:
        loads_map(_bytes(_doc(progress)), "อำเภอนาคำใต้.srm")
    error = caught.value
    assert error.where == where
    assert english in error.message_en
    assert error.message_th and error.message_th != error.message_en
    assert "อำเภอนาคำใต้.srm" in error.message("th")


def test_too_many_periods_for_one_row_are_refused() -> None:
    periods = {f"{2400 + n // 4}-Q{n % 4 + 1}": {"status": "done"} for n in range(MAX_PERIODS + 1)}
    with pytest.raises(MapFileError) as caught:
        loads_map(_bytes(_doc({"rows": {"r1": periods}})))
    assert caught.value.where == "progress.rows.r1" and f"{MAX_PERIODS:,}" in caught.value.message_en


def test_a_failed_load_leaves_nothing_half_read(tmp_path: Path) -> None:
    path = tmp_path / "เสีย.srm"
    path.write_bytes(_bytes(_doc({"rows": {"r1": {"2568-Q1": {"status": 3}}}})))
    with pytest.raises(MapFileError):
        load_map(path)


# -- periods ----------------------------------------------------------------------------------


def test_the_fiscal_year_runs_october_to_september_with_buddhist_era_labels() -> None:
    q1, q2, q3, q4 = scheme_periods(2568, "quarters")
    assert q1.id == "2568-Q1" and q1.label("th") == "ไตรมาส 1/2568" and q1.label("en") == "Quarter 1/2568"
    assert (q1.start, q1.end) == (date(2024, 10, 1), date(2024, 12, 31))
    assert q1.span("th") == "ต.ค.–ธ.ค. 2567" and q2.span("th") == "ม.ค.–มี.ค. 2568"
    assert (q4.start, q4.end) == (date(2025, 7, 1), date(2025, 9, 30))
    rounds = scheme_periods(2568, "months")
    assert [p.id for p in rounds] == ["2568-M3", "2568-M6", "2568-M9", "2568-M12"]
    assert rounds[1].label("th") == "รอบ 6 เดือน/2568" and rounds[1].start == date(2024, 10, 1)
    assert rounds[1].end == date(2025, 3, 31) and rounds[1].span("th") == "ต.ค. 2567–มี.ค. 2568"
    assert q3.is_past(date(2025, 7, 1)) and not q3.is_past(date(2025, 6, 30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2568-Q2", "2568-Q2"),
        ("Q3", "2568-Q3"),
        ("q1/2567", "2567-Q1"),
        ("ไตรมาส 1/2568", "2568-Q1"),
        ("ไตรมาสที่ ๔", "2568-Q4"),
        ("2/2569", "2569-Q2"),
        ("6 เดือน", "2568-M6"),
        ("รอบ 9 เดือน/2568", "2568-M9"),
        ("M12", "2568-M12"),
        ("๒๕๖๘-Q1", "2568-Q1"),
    ],
)
def test_a_period_is_found_from_what_people_write(text: str, expected: str) -> None:
    found = parse_period(text, 2568)
    assert found is not None and found.id == expected


@pytest.mark.parametrize("text", ["", "ไตรมาส 5", "2568-Q9", "สิ้นปี", "13 เดือน", "1999-Q1"])
def test_what_names_no_period_is_none(text: str) -> None:
    assert parse_period(text, 2568) is None


def test_in_the_rounds_scheme_a_number_is_the_round() -> None:
    found = parse_period("2/2568", 2568, "months")
    assert found is not None and found.id == "2568-M6"


def test_the_fiscal_year_is_saved_else_read_from_the_period_else_today() -> None:
    route_map = loads_map(_bytes(_doc()))
    assert fiscal_year(route_map) == 2568  # saved
    route_map = load_map(NCD)  # "ปีงบประมาณ 2568–2571"
    assert fiscal_year(route_map, date(2026, 11, 2)) == 2570  # this year is among them
    assert fiscal_year(route_map, date(2030, 1, 1)) == 2568  # outside: the first named
    route_map.meta.period = ""
    route_map.meta.title = ""
    assert fiscal_year(route_map, date(2025, 10, 1)) == 2569  # October starts the next year
    assert fiscal_year(route_map, date(2025, 9, 30)) == 2568


def test_the_periods_offered_are_the_years_four_and_every_one_recorded() -> None:
    doc = _doc()
    doc["progress"]["rows"]["r3"] = {"2567-Q4": {"status": "done"}, "2568-M6": {"status": "late"}}
    route_map = loads_map(_bytes(doc))
    assert [p.id for p in periods_of(route_map)] == [
        "2567-Q4",
        "2568-Q1",
        "2568-M6",
        "2568-Q2",
        "2568-Q3",
        "2568-Q4",
    ]
    assert current_period(route_map, date(2025, 4, 20)).id == "2568-Q2"  # the quarter just closed
    assert current_period(route_map, date(2024, 11, 1)).id == "2568-Q1"  # none closed yet


def test_a_milestone_ticked_done_stays_done_until_a_later_period_says_otherwise() -> None:
    route_map = loads_map(_bytes(_doc()))
    q = {p.number: p for p in scheme_periods(2568, "quarters")}
    assert milestone_done(route_map, "ms1", q[1]) == (True, "2568-Q1")
    assert milestone_done(route_map, "ms1", q[3]) == (True, "2568-Q1")  # carried on
    assert milestone_done(route_map, "ms2", q[1]) == (None, None)  # nothing said yet
    assert milestone_done(route_map, "ms2", q[4]) == (False, "2568-Q2")
    assert milestone_done(route_map, "ms3", q[4]) == (None, None)


# -- the status of an objective ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("states", "expected"),
    [
        ([], None),
        (["on_track", "done"], "on_track"),
        (["done", "done"], "done"),
        (["on_track", "no_report"], "no_report"),  # a missing report is never "on track"
        (["not_started", "no_report"], "no_report"),
        (["on_track", "not_started"], "not_started"),
        (["no_report", "at_risk"], "at_risk"),
        (["at_risk", "late", "done"], "late"),
        (["cancelled", "done"], "done"),  # cancelled rows are left out
        (["cancelled", "cancelled"], "cancelled"),
        (["cancelled", "no_report"], "no_report"),
    ],
)
def test_the_worst_row_wins(states: list[Any], expected: str | None) -> None:
    assert worst(states) == expected


def test_an_objective_shows_its_rows_and_counts_done_of_total() -> None:
    route_map = loads_map(_bytes(_doc()))
    rows = {r.id: r.objective for r in route_map.table.rows}
    assert rows["r1"] == rows["r2"] == "o2"
    q1 = objective_progress(route_map, "o2", "2568-Q1")
    assert (q1.state, q1.done, q1.total, q1.badge) == ("on_track", 1, 2, "1/2")  # r1 on track, r2 done
    q2 = objective_progress(route_map, "o2", "2568-Q2")
    assert (q2.state, q2.done) == ("late", 0)  # r1 late, r2 no report: late is worse
    q3 = objective_progress(route_map, "o2", "2568-Q3")
    assert q3.state == "no_report" and dict(q3.counts) == {"no_report": 2}
    everything = map_progress(route_map, "2568-Q1")
    assert set(everything) == {o.id for o in route_map.objectives}
    without_rows = [o.id for o in route_map.objectives if not route_map.rows_of(o.id)]
    assert without_rows and all(everything[oid].state is None for oid in without_rows)


# -- plans of the gestures ------------------------------------------------------------------


def test_a_status_keyed_in_keeps_the_rest_of_the_report_and_stamps_it() -> None:
    route_map = loads_map(_bytes(_doc()))
    before = dumps_map(route_map)
    ops = status_operations(
        route_map, ["r1", "r3", "r404"], "2568-Q1", "at_risk", "นายธนากร", date(2025, 1, 9)
    )
    assert len(ops) == 2  # the unknown row is passed over
    undo = apply_all(route_map, ops).inverse
    r1 = report_of(route_map, "r1", "2568-Q1")
    assert r1 is not None and r1.status == "at_risk" and r1.result == "คัดกรองแล้ว 1,250 คน"
    assert r1.by == "นายธนากร" and r1.at == date(2025, 1, 9)
    r3 = report_of(route_map, "r3", "2568-Q1")
    assert r3 is not None and r3.status == "at_risk"
    assert status_operations(route_map, ["r1"], "2568-Q1", "at_risk") == []  # nothing to change
    undo.apply(route_map)
    assert dumps_map(route_map) == before


def test_typed_numbers_are_read_as_amounts() -> None:
    assert parse_number("12,500") == Decimal("12500") and parse_number("๑๒,๕๐๐") == Decimal("12500")
    assert (
        parse_number(" ") is None
        and parse_number("-3") == Decimal(-3)
        and parse_number("45.5%") == Decimal("45.5")
    )
    for bad in ("ห้าพัน", "5,000–8,000", "1e20"):
        with pytest.raises(ValueError):
            parse_number(bad)


def test_a_field_typed_sets_it_and_an_empty_one_takes_it_away() -> None:
    route_map = load_map(NCD)
    before = dumps_map(route_map)
    ops = field_operations(route_map, "r5", "2568-Q2", "spent", "๘,๕๐๐", "อรุณี", date(2025, 4, 1))
    undo = apply_all(route_map, ops).inverse
    report = report_of(route_map, "r5", "2568-Q2")
    assert report is not None and report.spent == 8500 and report.status is None  # no status: no report yet
    assert report.state == "no_report"
    with pytest.raises(ValueError):
        field_operations(route_map, "r5", "2568-Q2", "spent", "-5")
    apply_all(route_map, field_operations(route_map, "r5", "2568-Q2", "spent", ""))
    assert report_of(route_map, "r5", "2568-Q2") is None  # only a stamp was left: no report
    undo_all = apply_all(route_map, clear_operations(route_map, ["r5"], "2568-Q2")).inverse
    undo_all.apply(route_map)
    undo.apply(route_map)  # the first edit, undone on a map already back where it started
    assert dumps_map(route_map) == before


def test_deleting_rows_forgets_their_reports_and_undo_brings_both_back() -> None:
    route_map = loads_map(_bytes(_doc()))
    before = dumps_map(route_map)
    assert len(forget_reports(route_map, ["r1", "r2", "r3"])) == 3  # r1: two periods, r2: one
    undo = apply_all(route_map, delete_operations(route_map, ["o2"])).inverse
    assert report_of(route_map, "r1", "2568-Q1") is None and route_map.row("r1") is None
    assert "rows" not in json.loads(dumps_map(route_map))["progress"]
    undo.apply(route_map)
    assert dumps_map(route_map) == before


def test_a_report_set_and_removed_again_saves_as_a_map_without_follow_up() -> None:
    route_map = load_map(NCD)
    SetReport("r1", "2568-Q1", {"status": "done"}).apply(route_map).inverse.apply(route_map)
    assert dumps_map(route_map) == NCD.read_bytes()


def test_period_ids_of_another_kind_are_kept_but_not_named() -> None:
    assert period_from_id("2568-H1") is None and period_from_id("2568-Q1") is not None
    route_map = loads_map(_bytes(_doc({"rows": {"r1": {"2568-H1": {"status": "done"}}}})))
    assert "2568-H1" in dumps_map(route_map).decode()
    assert all(p.id != "2568-H1" for p in periods_of(route_map))
