"""The bundled district action plan (``district_action_plan_2567.srm``): the plan the README and the
exports show for an office's action plan — six measures, several amounts per cell, the heading
block, Small Success at 3/6/9/12 months and two signers — in canonical form and clean."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from srmtool.export import write_xlsx
from srmtool.importer import import_xlsx
from srmtool.model import check_map, dumps_map, load_map
from srmtool.model.numbers import baht_text, budget_cell, budget_total
from srmtool.model.plan import digit_style, group_heading, plan_of, signers_of, table_style
from srmtool.model.templates import builtin_template
from srmtool.resources_path import resource

PLAN = Path(str(resource("examples", "district_action_plan_2567.srm")))


def test_it_is_canonical_and_checks_clean() -> None:
    m = load_map(PLAN)
    assert dumps_map(m) == PLAN.read_bytes()
    assert check_map(m) == []


def test_six_measures_with_their_rows_and_several_amounts_per_cell() -> None:
    m = load_map(PLAN)
    style = table_style(m)
    assert style == builtin_template("action_plan").style
    headings = [group_heading(style, n, o.text) for n, o in enumerate(m.objectives, 1)]
    assert [h[: len("มาตรการที่ ๑")] for h in headings] == [f"มาตรการที่ {d}" for d in "๑๒๓๔๕๖"]
    assert all(m.rows_of(o.id) for o in m.objectives)
    cells = [budget_cell(r.cells.get("budget", "")) for r in m.table.rows]
    assert sum(len(c.amounts) > 1 for c in cells) >= 4 and not any(c.unread for c in cells)
    total = budget_total(r.cells.get("budget", "") for r in m.table.rows)
    assert total == Decimal("311450")
    assert baht_text(total) == "สามแสนหนึ่งหมื่นหนึ่งพันสี่ร้อยห้าสิบบาทถ้วน"


def test_the_heading_block_small_success_and_signers_are_whole() -> None:
    m = load_map(PLAN)
    plan = plan_of(m)
    assert plan.programme and plan.project and plan.office
    assert len(plan.objectives) == 3 and len(plan.indicators) == 3 and len(plan.rationale) == 3
    assert all(plan.milestones_at(months) for months in (3, 6, 9, 12))
    assert [s.role for s in signers_of(m)] == ["ผู้เสนอแผน", "ผู้อนุมัติแผน"]
    assert all(s.name and s.position for s in signers_of(m))
    assert digit_style(m) == "thai" and "๒๕๖๗" in m.meta.period


def test_its_excel_export_imports_back_to_the_same_plan(tmp_path: Path) -> None:
    m = load_map(PLAN)
    write_xlsx(m, tmp_path / "แผน.xlsx")
    assert dumps_map(import_xlsx(tmp_path / "แผน.xlsx").route_map) == PLAN.read_bytes()
