"""Turning a table read from a sheet into a map: columns, objectives, rows, title, layout.

Objectives come from the objective column, one per distinct text in order of appearance; a blank
cell (or one merged down) continues the objective above. An objective's level is, in order: what our
own export's objectives sheet says, the level column of the row, the code in front of the text
("ภ2 …"), else the process level. Budgets that are amounts ("๑๒,๕๐๐", "5,000.-", a number cell)
are stored as "12,500"; anything else is kept as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from srmtool.importer import plan_build
from srmtool.importer.grid import Grid
from srmtool.importer.headings import LEVEL_KEY, normalise, one_line
from srmtool.importer.plan_block import read_below, read_heading_block
from srmtool.importer.reader import SheetColumn, SheetTable
from srmtool.importer.report import ColumnReport, ImportReport
from srmtool.model.numbers import format_amount, parse_amount, to_arabic_digits
from srmtool.model.templates import Template, builtin_template
from srmtool.model.tidy import tidy_positions
from srmtool.model.types import (
    BUDGET_COLUMN,
    CODE_PREFIX,
    DEFAULT_PERSPECTIVE_LABELS,
    OBJECTIVE_COLUMN,
    PERSPECTIVE_IDS,
    Column,
    Link,
    Meta,
    Objective,
    PerspectiveId,
    RouteMap,
    Row,
    Table,
    now_iso,
)

DEFAULT_LEVEL: Final[PerspectiveId] = "process"
#: Keys only the 11-column table has; a sheet with none of them and an activity is an action plan.
_SLM_ONLY: Final = ("indicator", "target", "technical_measure", "social_measure", "target_group")
_CODE = re.compile(r"^(?P<code>[ปภกพ]\d{1,3})[\s.:)]\s*(?P<text>\S.*)$", re.S)
_PLACE = re.compile(r"^(?:พื้นที่\s+(?P<area>.*?))?\s*(?:ระยะเวลา\s+(?P<period>.*))?$", re.S)
_LEVEL_WORDS: Final[dict[str, PerspectiveId]] = {
    **{normalise(DEFAULT_PERSPECTIVE_LABELS[pid]): pid for pid in PERSPECTIVE_IDS},
    "people": "people",
    "stakeholder": "stakeholder",
    "stakeholders": "stakeholder",
    "partners": "stakeholder",
    "process": "process",
    "management": "process",
    "foundation": "foundation",
    "learning": "foundation",
    "ภาคีเครือข่าย": "stakeholder",
    "การบริหารจัดการ": "process",
    "องค์กร": "foundation",
    "การเรียนรู้": "foundation",
}


@dataclass
class KnownObjective:
    """An objective as our export's objectives sheet lists it."""

    code: str
    perspective: PerspectiveId
    text: str
    key_route: bool = False
    causes: list[str] = field(default_factory=list)  # codes of the objectives linked into it
    aliases: list[str] = field(default_factory=list)  # other texts that name it (a group's heading row)


def level_of(text: str, labels: dict[str, PerspectiveId] | None = None) -> PerspectiveId | None:
    """The perspective id a level cell names ("กระบวนการ", "Process", a map's own label)."""
    norm = normalise(text)
    if labels and norm in labels:
        return labels[norm]
    return _LEVEL_WORDS.get(norm)


def choose_template(keys: set[str]) -> Template:
    """The action-plan template for action-plan headings, else the Mini SLM 11 columns."""
    action = "budget_detail" in keys or ("activity" in keys and not keys & set(_SLM_ONLY))
    return builtin_template("action_plan" if action else "mini_slm_11")


def _label(col: SheetColumn, template: Template, two_rows: bool) -> str:
    known = next((c for c in template.columns if c.key == col.key), None)
    if known is not None and (two_rows and " / " in col.heading or not col.heading.strip()):
        return known.label
    text = one_line(col.heading)
    return re.sub(r"^\s*(?:\(\s*[\d๐-๙]{1,2}\s*\)|[\d๐-๙]{1,2}\s*[.)])\s*", "", text) or text


def _columns(table: SheetTable, grid: Grid, template: Template) -> tuple[list[Column], list[ColumnReport]]:
    widths = {c.key: c.width for c in template.columns}
    out: list[Column] = []
    reports: list[ColumnReport] = []
    taken = {c.key for c in table.columns if c.key}
    n = 0
    two_rows = len(table.heading_rows) > 1
    for col in table.columns:
        if col.key == LEVEL_KEY:
            reports.append(ColumnReport(col.index, col.heading, LEVEL_KEY, "", level=True))
            continue
        label = _label(col, template, two_rows)
        key = col.key
        if key is None:
            n += 1
            while f"extra_{n}" in taken:
                n += 1
            key = f"extra_{n}"
            label = label or f"คอลัมน์ {col.index}"
        width = grid.widths.get(col.index, widths.get(key, 20.0))
        column = Column(key=key, label=label, width=round(min(max(width, 4.0), 100.0), 2))
        reports.append(ColumnReport(col.index, col.heading, key, label, extra=col.key is None))
        out.append(column)
    if not any(c.key == OBJECTIVE_COLUMN for c in out):
        out.insert(0, template.columns[0].model_copy(deep=True))
    else:  # column 1 is always the objective
        out.sort(key=lambda c: c.key != OBJECTIVE_COLUMN)
    return out, reports


def budget_text(text: str, raw: object) -> str:
    """A budget cell as the table stores it: each line that is an amount as "12,500" (a cell may
    hold several), anything else as typed."""
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        return format_amount(Decimal(str(raw)))
    lines = []
    for line in text.split("\n"):
        amount = parse_amount(line)
        lines.append(format_amount(amount) if amount is not None else line)
    return "\n".join(lines)


#: The columns whose lines continue the row above when only they hold text of their own.
_BUDGET_KEYS: Final = frozenset({BUDGET_COLUMN, "budget_detail"})


def _continues(cells: dict[int, str], sheet_row: int, grid: Grid, col_key: dict[int, str]) -> bool:
    """Whether a sheet row only adds budget lines to the row above: it holds text of its own in
    budget columns only, and its other cells are empty or merged down from the row above (a budget
    split over two sheet rows)."""
    own = [i for i, v in cells.items() if v and (sheet_row, i) not in grid.covered]
    return bool(own) and all(col_key.get(i) in _BUDGET_KEYS for i in own)


def _join(row: Row, key: str, value: str) -> None:
    before = row.cells.get(key, "")
    row.cells[key] = f"{before}\n{value}" if before else value


def _meta(titles: list[str]) -> Meta:
    stamp = now_iso()
    meta = Meta(created=stamp, modified=stamp)
    for line in titles:
        place = _PLACE.match(line.strip())
        if place and (place.group("area") or place.group("period")) and not (meta.area or meta.period):
            meta.area = (place.group("area") or "").strip()
            meta.period = (place.group("period") or "").strip()
        elif not meta.title:
            meta.title = " ".join(line.split())
        elif not meta.organization:
            meta.organization = " ".join(line.split())
    return meta


class _Codes:
    """Fresh codes per level (ป1, ป2 …) that skip the codes the sheet already gave."""

    def __init__(self, used: set[str]) -> None:
        self.used = set(used)
        self.next: dict[str, int] = dict.fromkeys(PERSPECTIVE_IDS, 1)

    def new(self, perspective: str) -> str:
        prefix = CODE_PREFIX.get(perspective, "")
        while f"{prefix}{self.next[perspective]}" in self.used:
            self.next[perspective] += 1
        code = f"{prefix}{self.next[perspective]}"
        self.used.add(code)
        return code


class _Objectives:
    """The map's objectives as the rows name them, created in order of first appearance."""

    def __init__(self, known: list[KnownObjective]) -> None:
        self.items: list[Objective] = []
        self.by_text: dict[str, Objective] = {}
        self.by_code: dict[str, Objective] = {}
        self.by_cell: dict[str, Objective] = {}
        self.codes = _Codes({k.code for k in known})
        self.defaulted = False
        # Looked up with Arabic digits: a Thai-digit export prints "ป๑ …" for the code ป1.
        self.known = {to_arabic_digits(f"{k.code} {k.text}"): k for k in known}
        self.known.update((to_arabic_digits(k.text), k) for k in known)
        self.known.update((to_arabic_digits(alias), k) for k in known for alias in k.aliases)
        for k in known:  # our export lists every objective, with or without rows, level by level
            self._add(k.text, k.perspective, k.code).key_route = k.key_route

    def _add(self, text: str, perspective: PerspectiveId, code: str = "") -> Objective:
        code = code or self.codes.new(perspective)
        self.codes.used.add(code)
        o = Objective(id=f"o{len(self.items) + 1}", code=code, perspective=perspective, text=text)
        self.items.append(o)
        self.by_text.setdefault(text, o)
        self.by_code.setdefault(code, o)
        return o

    def named(self, text: str, level: PerspectiveId | None) -> Objective:
        """The objective a cell's text names, made when none does yet."""
        found = self.by_cell.get(text)
        if found is None:
            found = self.by_cell[text] = self._resolve(text, level)
        return found

    def _resolve(self, text: str, level: PerspectiveId | None) -> Objective:
        k = self.known.get(to_arabic_digits(text))
        if k is not None:
            return self.by_text[k.text]
        match = _CODE.match(text)
        if match and to_arabic_digits(match.group("code")) not in self.by_code:
            code, body = to_arabic_digits(match.group("code")), match.group("text").strip()
            if body in self.by_text:
                return self.by_text[body]
            prefix_level = next(pid for pid in PERSPECTIVE_IDS if CODE_PREFIX[pid] == code[0])
            return self._add(body, level or prefix_level, code)
        if text in self.by_text:
            return self.by_text[text]
        if level is None:
            level, self.defaulted = DEFAULT_LEVEL, True
        return self._add(text, level)

    def empty(self) -> Objective:
        """The one objective without text that rows without an objective go under."""
        found = self.by_cell.get("")
        if found is None:
            found = self.by_cell[""] = self._add("", DEFAULT_LEVEL)
        return found


def build_map(table: SheetTable, grid: Grid, known: list[KnownObjective], report: ImportReport) -> RouteMap:
    """The map holding ``table``'s rows; fills ``report`` with what went where."""
    keys = {c.key for c in table.columns if c.key}
    template = choose_template(keys)
    columns, report.columns = _columns(table, grid, template)
    report.template, report.template_name = template.id, (template.name, template.name_en)
    block, below = read_heading_block(table.above), read_below(table.below)
    route_map = RouteMap(meta=_meta(block.titles), table=Table(columns=columns))
    report.title = route_map.meta.title
    by_key = {c.key: c.index for c in table.columns if c.key}
    col_key = {r.index: r.key for r in report.columns if not r.level}
    objectives = _Objectives(known)
    current: Objective | None = None
    obj_col, level_col = by_key.get(OBJECTIVE_COLUMN), by_key.get(LEVEL_KEY)
    sections = sorted(table.sections)
    section_at = -1
    previous: Row | None = None
    sheet_rows: dict[str, int] = {}
    for sheet_row, cells in table.data:
        while section_at + 1 < len(sections) and sections[section_at + 1][0] < sheet_row:
            section_at += 1
            current, previous = objectives.named(sections[section_at][1], None), None
        text = cells.get(obj_col, "").strip() if obj_col else ""
        if not text and current is not None and obj_col and (sheet_row, obj_col) in grid.unknown:
            report.formula_objective_rows.append(sheet_row)
        if text:
            current = objectives.named(text, level_of(cells.get(level_col, "")) if level_col else None)
        target = current
        if target is None:
            target = objectives.empty()
            report.rows_without_objective.append(sheet_row)
        row_cells: dict[str, str] = {}
        for index, value in cells.items():
            key = col_key.get(index)
            if key is None or key == OBJECTIVE_COLUMN:
                continue
            if key == BUDGET_COLUMN:  # an amount merged down several rows counts once
                value = "" if (sheet_row, index) in grid.covered else value
                value = budget_text(value, grid.raw_numbers.get((sheet_row, index)))
            if value:
                row_cells[key] = value
        same_group = previous is not None and previous.objective == target.id
        if previous is not None and same_group and _continues(cells, sheet_row, grid, col_key):
            for key in sorted(_BUDGET_KEYS & row_cells.keys()):
                if (sheet_row, by_key.get(key, 0)) not in grid.covered:
                    _join(previous, key, row_cells[key])
            report.continued_rows.append(sheet_row)
            continue
        previous = Row(id=f"r{len(route_map.table.rows) + 1}", objective=target.id, cells=row_cells)
        route_map.table.rows.append(previous)
        sheet_rows[previous.id] = sheet_row
    route_map.objectives = objectives.items
    report.measures = len(sections)
    plan_build.table_style(route_map, template, table, {i: k for i, k in col_key.items() if k}, report)
    plan_build.budget_report(route_map, table, grid, sheet_rows, report)
    plan_build.plan_fields(route_map, block, below, report)
    plan_build.digit_style(route_map, grid)
    report.digits = str((route_map.meta.model_extra or {}).get("digits", ""))
    used = block.used | below.used
    report.skipped = [s for s in report.skipped if s[0] not in used]
    report.skipped += [
        (row, "below", " ".join(t for _, t in cells)[:80]) for row, cells in table.below if row not in used
    ]
    _links(route_map, known, objectives.by_code)
    _place(route_map)
    report.rows, report.objectives = len(route_map.table.rows), len(route_map.objectives)
    report.links = len(route_map.links)
    if objectives.defaulted:
        report.default_level = (DEFAULT_PERSPECTIVE_LABELS[DEFAULT_LEVEL], "Process")
    return route_map


def _links(route_map: RouteMap, known: list[KnownObjective], by_code: dict[str, Objective]) -> None:
    seen: set[tuple[str, str]] = set()
    for k in known:
        target = by_code.get(k.code)
        for cause in k.causes:
            source = by_code.get(cause)
            if source is None or target is None or (source.id, target.id) in seen:
                continue
            seen.add((source.id, target.id))
            route_map.links.append(Link(source=source.id, target=target.id))


def _place(route_map: RouteMap) -> None:
    """Boxes in tidy rows in their bands, so the imported map reads well on the canvas."""
    for objective, (x, y) in (
        (route_map.objective(oid), xy) for oid, xy in tidy_positions(route_map).items()
    ):
        if objective is not None:
            objective.x, objective.y = x, y
