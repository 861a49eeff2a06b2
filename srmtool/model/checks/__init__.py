"""What the checks report about a map (DESIGN.md §4): findings with a code, a severity, the ids
involved and a message in Thai and English.

Severities: ``error`` for what makes the plan wrong on paper (references that point nowhere,
loops of arrows, duplicate codes or links, objectives without text); ``warning`` for what a
freshly captured, still incomplete workshop map usually lacks; ``info`` for hints. Codes are
stable: scripts and the command line rely on them.

``ids`` names the objectives, rows, stakeholders (and, for a dangling reference, the missing id)
that a finding is about; for a link they are its source and target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from srmtool.model.checks import budget as checks_budget
from srmtool.model.checks import items as checks_items
from srmtool.model.checks import links as checks_links
from srmtool.model.checks import progress as checks_progress
from srmtool.model.checks.text import SEVERITIES, Refs
from srmtool.model.graph import objective_graph
from srmtool.model.plan import table_style
from srmtool.model.types import RouteMap

#: Every check: code -> (severity, Thai description, English description), in the order the checks
#: run. Codes never change meaning; scripts and the command line rely on them.
_TABLE: Final[dict[str, tuple[str, str, str]]] = {
    # errors: the plan is wrong on paper
    "link-cycle": (
        "error",
        "ลูกศรวนเป็นวง ผลย้อนกลับมาเป็นเหตุ",
        "Links form a loop: an effect leads back to its cause",
    ),
    "self-link": ("error", "ลูกศรชี้เข้าหาเป้าประสงค์ตัวเอง", "A link from an objective to itself"),
    "duplicate-link": ("error", "ลูกศรเส้นเดียวกันซ้ำกัน", "The same link appears more than once"),
    "link-missing-objective": (
        "error",
        "ลูกศรอ้างถึงเป้าประสงค์ที่ไม่มีในแผนที่",
        "A link refers to an objective that does not exist",
    ),
    "row-missing-objective": (
        "error",
        "แถวในตารางอ้างถึงเป้าประสงค์ที่ไม่มีในแผนที่",
        "A table row refers to an objective that does not exist",
    ),
    "missing-stakeholder": (
        "error",
        "เป้าประสงค์อ้างถึงภาคีที่ไม่มีในรายชื่อภาคี",
        "An objective refers to a stakeholder that does not exist",
    ),
    "empty-text": ("error", "เป้าประสงค์ยังไม่มีข้อความ", "An objective has no text"),
    "duplicate-code": ("error", "รหัสเป้าประสงค์ซ้ำกัน", "Several objectives share one code"),
    "duplicate-id": ("error", "รหัสอ้างอิงภายใน (id) ซ้ำกัน", "Several items share one internal id"),
    "table-objective-column": (
        "error",
        "คอลัมน์แรกของตารางไม่ใช่เป้าประสงค์",
        "The table's first column is not the objective",
    ),
    "duplicate-column": ("error", "คอลัมน์ในตารางซ้ำกัน", "A table column appears more than once"),
    # warnings: what an unfinished map still lacks
    "downward-link": ("warning", "ลูกศรชี้ลงไปยังระดับที่ต่ำกว่า", "A link points down to a lower level"),
    "no-route-to-people": (
        "warning",
        "เป้าประสงค์ไม่มีเส้นทางขึ้นไปถึงระดับประชาชน",
        "An objective has no route up to the People level",
    ),
    "people-without-cause": (
        "warning",
        "เป้าประสงค์ระดับประชาชนที่ยังไม่มีเป้าประสงค์ใดนำไปสู่",
        "A People-level objective that nothing leads to",
    ),
    "key-route-split": ("warning", "เส้นทางหลักขาดตอนเป็นหลายส่วน", "The key route falls apart into pieces"),
    "key-route-without-people": (
        "warning",
        "เส้นทางหลักยังไม่ถึงระดับประชาชน",
        "The key route does not reach the People level",
    ),
    "missing-code": ("warning", "เป้าประสงค์ยังไม่มีรหัส", "An objective has no code"),
    "duplicate-text": ("warning", "เป้าประสงค์ข้อความซ้ำกัน", "Several objectives have the same text"),
    "empty-level": ("warning", "ระดับที่ยังไม่มีเป้าประสงค์", "A level has no objectives"),
    "no-destination": ("warning", "ยังไม่ได้กำหนดจุดหมายปลายทาง", "The map has no destination"),
    "budget-unread": (
        "warning",
        "ช่องงบประมาณมีตัวเลขที่อ่านเป็นจำนวนเงินไม่ได้ จึงไม่นับรวมในยอดรวม",
        "A budget cell holds a number not read as an amount, left out of the total",
    ),
    # hints
    "key-route-without-row": (
        "info",
        "เป้าประสงค์บนเส้นทางหลักที่ยังไม่มีแถวในตาราง",
        "A key-route objective has no table row",
    ),
    "empty-row": ("info", "แถวในตารางที่ยังไม่ได้กรอกข้อมูล", "A table row with every cell empty"),
    "rows-apart": (
        "info",
        "แถวของเป้าประสงค์เดียวกันไม่อยู่ติดกันในตาราง",
        "Rows of one objective are not next to each other",
    ),
    "unassigned-stakeholder": (
        "info",
        "ภาคีที่ยังไม่ได้รับบทบาทในเป้าประสงค์ใด",
        "A stakeholder assigned to no objective",
    ),
    # follow-up (only once the map holds a progress report)
    "over-budget": (
        "warning",
        "แถวที่ใช้งบประมาณไปแล้วเกินงบประมาณที่ตั้งไว้",
        "A table row has spent more than its budget",
    ),
    "progress-missing": (
        "info",
        "แถวที่ยังไม่มีรายงานผลของรอบการรายงานที่สิ้นสุดแล้ว",
        "A table row has no progress report for a period that has ended",
    ),
    "late-without-note": (
        "info",
        "แถวที่รายงานว่าล่าช้าแต่ไม่มีหมายเหตุ",
        "A table row reported late without a note",
    ),
}

#: Every check code and its severity.
CHECKS: Final[dict[str, str]] = {code: sev for code, (sev, _, _) in _TABLE.items()}
#: A one-line description of every check (Thai, English), for the command line and the docs.
CHECK_DESCRIPTIONS: Final[dict[str, tuple[str, str]]] = {
    code: (th, en) for code, (_, th, en) in _TABLE.items()
}


@dataclass(frozen=True)
class Finding:
    """One thing the checks report. ``severity`` is ``error``, ``warning`` or ``info``."""

    code: str
    severity: str
    ids: tuple[str, ...]
    message_th: str
    message_en: str

    def message(self, lang: str = "en") -> str:
        """The message in ``"th"`` or, for any other language, English."""
        return self.message_th if lang == "th" else self.message_en


def _sort_key(f: Finding) -> tuple[int, str, tuple[str, ...], str]:
    return (SEVERITIES.index(f.severity), f.code, f.ids, f.message_en)


#: What a route map lacks but a plan that is not one does not need (``plan_only``).
ROUTE_MAP_ONLY: Final = frozenset(
    {
        "no-destination",
        "empty-level",
        "no-route-to-people",
        "people-without-cause",
        "key-route-without-people",
    }
)


def plan_only(route_map: RouteMap) -> bool:
    """Whether the map is an action plan that is not (yet) a route map: its column set prints no
    map page (``table.style.map_page`` false, as the action-plan template's) and it has no links.
    Its measures are groups of rows, not boxes on a map, so the route-map warnings
    (``ROUTE_MAP_ONLY``) are not reported; drawing a first link brings them back."""
    return not route_map.links and not table_style(route_map).map_page


def check_map(route_map: RouteMap, *, today: date | None = None) -> list[Finding]:
    """Every finding about the map, errors first, then by code, then by ids (deterministic).
    ``today`` (default: today) decides which reporting periods have ended."""
    graph = objective_graph(route_map)
    refs = Refs(route_map)
    raw = [
        *checks_items.run(route_map, refs),
        *checks_budget.run(route_map, refs),
        *checks_links.run(route_map, graph, refs),
        *checks_progress.run(route_map, refs, today),
    ]
    if plan_only(route_map):
        raw = [r for r in raw if r[0] not in ROUTE_MAP_ONLY]
    findings = [Finding(code, CHECKS[code], ids, th, en) for code, ids, th, en in raw]
    findings.sort(key=_sort_key)
    return findings
