"""Our own Excel export imports back to the same table, objectives, levels and links."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from srmtool.export import write_xlsx
from srmtool.export.xlsx.map_data import MAP_DATA_SHEET
from srmtool.importer import import_xlsx
from srmtool.model import dumps_map, load_map
from srmtool.model.numbers import parse_amount, to_arabic_digits, to_thai_digits
from srmtool.model.types import BUDGET_COLUMN, RouteMap
from srmtool.resources_path import resource


def _example(name: str) -> RouteMap:
    with resource("examples", f"{name}.srm").open("rb") as handle:
        data = handle.read()
    path = Path(f"/tmp/srmtool-round-trip-{name}.srm")
    path.write_bytes(data)
    return load_map(path)


def _cells(route_map: RouteMap, arabic: bool = False) -> list[dict[str, object]]:
    """Each row's cells, budgets as amounts (the export writes them as numbers); ``arabic``: all
    digits as Arabic (a Thai-digit export prints every digit in Thai)."""
    out: list[dict[str, object]] = []
    for row in route_map.table.rows:
        cells: dict[str, object] = {
            k: to_arabic_digits(v) if arabic else v for k, v in row.cells.items() if v
        }
        if BUDGET_COLUMN in cells:
            amount = parse_amount(str(cells[BUDGET_COLUMN]))
            cells[BUDGET_COLUMN] = amount if amount is not None else cells[BUDGET_COLUMN]
        objective = route_map.objective(row.objective)
        assert objective is not None
        text = to_arabic_digits(objective.text) if arabic else objective.text
        cells["objective"] = (objective.code, text, objective.perspective)
        out.append(cells)
    return out


def _objectives(route_map: RouteMap, arabic: bool = False) -> list[tuple[str, str, str, bool]]:
    return sorted(
        (o.code, to_arabic_digits(o.text) if arabic else o.text, o.perspective, o.key_route)
        for o in route_map.objectives
    )


def _links(route_map: RouteMap) -> set[tuple[str, str]]:
    code = {o.id: o.code for o in route_map.objectives}
    return {(code[lk.source], code[lk.target]) for lk in route_map.links}


@pytest.mark.parametrize("name", ["dengue_tambon", "district_ncd"])
@pytest.mark.parametrize("thai_digits", [False, True])
def test_export_then_import_gives_the_same_table(tmp_path: Path, name: str, thai_digits: bool) -> None:
    original = _example(name)
    path = tmp_path / f"{name}.xlsx"
    write_xlsx(original, path, thai_digits=thai_digits)
    result = import_xlsx(path)
    back = result.route_map
    columns = [(c.key, c.label, c.width) for c in back.table.columns]
    assert columns == [(c.key, c.label, c.width) for c in original.table.columns]
    assert _cells(back, thai_digits) == _cells(original, thai_digits)
    assert _objectives(back, thai_digits) == _objectives(original, thai_digits)
    assert _links(back) == _links(original)
    assert back.meta == original.meta  # from the map the workbook keeps, digits as typed
    assert result.report.map_data and result.report.objectives_sheet == ""
    assert [why for _, why, _ in result.report.skipped] == ["numbering", "total", "total_words"]
    assert dumps_map(back) == dumps_map(original)  # the same map, byte for byte


@pytest.mark.parametrize("thai_digits", [False, True])
def test_without_its_kept_map_the_workbook_still_gives_the_table(tmp_path: Path, thai_digits: bool) -> None:
    """The objectives sheet and the table alone (a workbook of an older srmtool)."""
    original = _example("district_ncd")
    path = tmp_path / "เก่า.xlsx"
    write_xlsx(original, path, thai_digits=thai_digits)
    book = openpyxl.load_workbook(path)
    del book[MAP_DATA_SHEET]
    book.save(path)
    result = import_xlsx(path)
    back = result.route_map
    assert _cells(back, thai_digits) == _cells(original, thai_digits)
    assert _objectives(back, thai_digits) == _objectives(original, thai_digits)
    assert _links(back) == _links(original)
    for field in ("title", "organization", "area", "period"):
        shown = getattr(original.meta, field)
        assert getattr(back.meta, field) == (to_thai_digits(shown) if thai_digits else shown)
    assert result.report.objectives_sheet == "เป้าประสงค์" and not result.report.map_data


def test_import_export_import_is_stable(tmp_path: Path) -> None:
    first = import_xlsx(_write(_example("district_ncd"), tmp_path / "a.xlsx")).route_map
    second = import_xlsx(_write(first, tmp_path / "b.xlsx")).route_map
    assert [r.cells for r in second.table.rows] == [r.cells for r in first.table.rows]
    assert _objectives(second) == _objectives(first)


def _write(route_map: RouteMap, path: Path) -> Path:
    write_xlsx(route_map, path)
    return path
