"""The district action plan's own fields (DESIGN.md §7), read from the map as typed values.

They are additive keys of the `.srm` file, written only when they hold something, so a map that
has none saves as it always did (``srmtool.model.srmfile.additive`` checks and orders them):

- ``plan``: the heading block above the table and the Small Success milestones below it —
  ``{programme, project, objectives[], indicators[], rationale[], office, milestones[]}``, each key
  optional; ``milestones`` are ``{id, months, text}`` (ระดับขั้นความสำเร็จ at 3, 6, 9, 12 months),
  their ids stable so that follow-up can tick them per reporting period;
- ``signers``: the signature blocks the exports print, ``[{role, name, position}]``;
- ``meta.digits``: ``"thai"`` or ``"arabic"``, the digits every output prints; absent, it is guessed
  from how the map's text is typed (``digit_style``);
- ``table.style``: the column set's own properties (from its template) —
  ``{grouping, group_prefix, column_groups[{label, columns[]}], map_page}``.

The readers here never fail: a map that loaded has passed the checks, and a value a script put in
by hand that is not of the right shape reads as absent. Change the fields through
``srmtool.model.edits.plan`` (the operations, with undo), never by editing these values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal, TypeAlias

from srmtool.model.types import RouteMap

PLAN_KEY: Final = "plan"
SIGNERS_KEY: Final = "signers"
DIGITS_KEY: Final = "digits"  # in ``meta``
STYLE_KEY: Final = "style"  # in ``table``

#: The plan's keys in the order the file writes them.
PLAN_TEXT_KEYS: Final = ("programme", "project", "office")
PLAN_LIST_KEYS: Final = ("objectives", "indicators", "rationale")
MILESTONES_KEY: Final = "milestones"
PLAN_KEYS: Final = ("programme", "project", "objectives", "indicators", "rationale", "office", MILESTONES_KEY)
MILESTONE_KEYS: Final = ("id", "months", "text")
SIGNER_KEYS: Final = ("role", "name", "position")
STYLE_KEYS: Final = ("grouping", "group_prefix", "column_groups", "map_page")
COLUMN_GROUP_KEYS: Final = ("label", "columns")

#: The months of the Small Success steps on the office sheets.
SMALL_SUCCESS_MONTHS: Final = (3, 6, 9, 12)

DigitStyle: TypeAlias = Literal["thai", "arabic"]
DIGIT_STYLES: Final[tuple[DigitStyle, ...]] = ("thai", "arabic")
Grouping: TypeAlias = Literal["merged", "heading"]
GROUPINGS: Final[tuple[Grouping, ...]] = ("merged", "heading")

Extra: TypeAlias = tuple[tuple[str, Any], ...]


def _extra(raw: Mapping[str, Any], known: tuple[str, ...]) -> Extra:
    return tuple((k, v) for k, v in raw.items() if k not in known)


@dataclass(frozen=True)
class Milestone:
    """One Small Success item: what must be achieved ``months`` months into the plan."""

    id: str
    months: int
    text: str = ""
    extra: Extra = ()  # keys of a newer release, kept when the milestone is edited


@dataclass(frozen=True)
class Plan:
    """The heading block and the milestones; empty fields are "" and ()."""

    programme: str = ""  # แผนงาน
    project: str = ""  # โครงการ
    objectives: tuple[str, ...] = ()  # วัตถุประสงค์ของโครงการ, numbered when printed
    indicators: tuple[str, ...] = ()  # ตัวชี้วัด
    rationale: tuple[str, ...] = ()  # หลักการและเหตุผล, one entry per paragraph
    office: str = ""  # หน่วยงานรับผิดชอบ
    milestones: tuple[Milestone, ...] = ()

    def milestones_at(self, months: int) -> tuple[Milestone, ...]:
        return tuple(m for m in self.milestones if m.months == months)

    def milestone_months(self) -> tuple[int, ...]:
        """3, 6, 9, 12 and any other month a milestone falls on, in order."""
        return tuple(sorted(set(SMALL_SUCCESS_MONTHS) | {m.months for m in self.milestones}))

    @property
    def has_heading(self) -> bool:
        return any(getattr(self, key) for key in (*PLAN_TEXT_KEYS, *PLAN_LIST_KEYS))

    @property
    def is_empty(self) -> bool:
        return not self.has_heading and not self.milestones


@dataclass(frozen=True)
class Signer:
    """A signature block: "ลงชื่อ …… {role}", "({name})", position."""

    role: str
    name: str = ""
    position: str = ""
    extra: Extra = ()


@dataclass(frozen=True)
class ColumnGroup:
    """A heading printed over several neighbouring columns (งบประมาณ over รายละเอียด | จำนวน)."""

    label: str
    columns: tuple[str, ...]  # column keys
    extra: Extra = ()


@dataclass(frozen=True)
class TableStyle:
    """How a column set prints. ``grouping`` "merged": a group's rows share one merged objective
    cell (Mini SLM); "heading": each group is a full-width heading row above its rows and the
    objective is no column (the action plan), the row reading ``group_heading``. ``map_page``:
    whether a map page comes first unless the export says otherwise."""

    grouping: Grouping = "merged"
    group_prefix: str = ""  # "มาตรการที่": heading rows read "มาตรการที่ 1 …"
    column_groups: tuple[ColumnGroup, ...] = ()
    map_page: bool = True
    extra: Extra = ()

    @property
    def is_default(self) -> bool:
        return self == TableStyle()


# -- reading --------------------------------------------------------------------------------------


def _raw(model: Any, key: str) -> Any:
    return (getattr(model, "__pydantic_extra__", None) or {}).get(key)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _milestones(value: Any) -> tuple[Milestone, ...]:
    if not isinstance(value, list):
        return ()
    out: list[Milestone] = []
    for raw in value:
        if isinstance(raw, dict) and isinstance(raw.get("id"), str) and type(raw.get("months")) is int:
            text = _text(raw.get("text"))
            out.append(Milestone(raw["id"], raw["months"], text, _extra(raw, MILESTONE_KEYS)))
    return tuple(out)


def plan_of(route_map: RouteMap) -> Plan:
    """The map's plan fields (all empty for a map that has none)."""
    raw = _raw(route_map, PLAN_KEY)
    if not isinstance(raw, dict):
        return Plan()
    return Plan(
        programme=_text(raw.get("programme")),
        project=_text(raw.get("project")),
        objectives=_texts(raw.get("objectives")),
        indicators=_texts(raw.get("indicators")),
        rationale=_texts(raw.get("rationale")),
        office=_text(raw.get("office")),
        milestones=_milestones(raw.get(MILESTONES_KEY)),
    )


def signers_of(route_map: RouteMap) -> tuple[Signer, ...]:
    """The map's signers, in print order; () when it names none (the exports then print their
    default blank blocks)."""
    raw = _raw(route_map, SIGNERS_KEY)
    if not isinstance(raw, list):
        return ()
    return tuple(
        Signer(_text(s.get("role")), _text(s.get("name")), _text(s.get("position")), _extra(s, SIGNER_KEYS))
        for s in raw
        if isinstance(s, dict)
    )


def table_style(route_map: RouteMap) -> TableStyle:
    """The table's style (the default, Mini SLM's, for a map whose file has none)."""
    return style_from(_raw(route_map.table, STYLE_KEY))


def style_from(raw: Any) -> TableStyle:
    """A ``TableStyle`` from its JSON form (a template's keys or ``table.style``)."""
    if not isinstance(raw, dict):
        return TableStyle()
    groups: list[ColumnGroup] = []
    for g in raw.get("column_groups") or ():
        if isinstance(g, dict):
            label, keys = _text(g.get("label")), _texts(g.get("columns"))
            groups.append(ColumnGroup(label, keys, _extra(g, COLUMN_GROUP_KEYS)))
    grouping = raw.get("grouping")
    map_page = raw.get("map_page")
    return TableStyle(
        grouping=grouping if grouping in GROUPINGS else "merged",
        group_prefix=_text(raw.get("group_prefix")),
        column_groups=tuple(groups),
        map_page=map_page if isinstance(map_page, bool) else True,
        extra=_extra(raw, STYLE_KEYS),
    )


def column_group_spans(route_map: RouteMap) -> list[tuple[str, int, int]]:
    """``(label, first, last)``: the positions in ``table.columns`` each column group heads.

    A group heads the neighbouring columns it names that the table has; a group naming columns
    the table no longer has, or columns that are not neighbours, heads the longest run of
    neighbours it names (at least two), so a column removed or moved never breaks the print.
    Groups never overlap: a later group loses the columns an earlier one took.
    """
    position = {c.key: i for i, c in enumerate(route_map.table.columns)}
    taken: set[int] = set()
    spans: list[tuple[str, int, int]] = []
    for group in table_style(route_map).column_groups:
        at = sorted({position[k] for k in group.columns if k in position} - taken)
        runs: list[list[int]] = []
        for i in at:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        best = max(runs, key=len, default=[])
        if len(best) >= 2:
            spans.append((group.label, best[0], best[-1]))
            taken.update(best)
    return sorted(spans, key=lambda s: s[1])


def group_heading(style: TableStyle, number: int, text: str) -> str:
    """The heading row of the ``number``-th group (1-based) whose objective reads ``text``:
    ``text`` itself when it already begins with the style's prefix ("มาตรการที่ ๑ …" as an office
    typed it), else "{prefix} {number} {text}"; ``text`` when the style has no prefix. Digits are
    Arabic; the printers turn them into the map's digit style."""
    prefix = style.group_prefix.strip()
    body = " ".join(text.split())
    # "มาตรการ ๒ …" is already numbered as well as "มาตรการที่ ๒ …"
    stem = prefix[: -len("ที่")] if prefix.endswith("ที่") and len(prefix) > 3 else prefix
    if not prefix or body.startswith(stem):
        return body
    return f"{prefix} {number} {body}".rstrip()


# -- digits ---------------------------------------------------------------------------------------

_THAI_DIGIT_RUN = re.compile(r"[๐-๙]+")
# Arabic digits that are a number of their own, not part of a Latin word ("HbA1c", "H5N1", "COVID-19").
_ARABIC_NUMBER = re.compile(r"(?<![A-Za-z0-9-])[0-9]+(?![A-Za-z0-9])")


def _map_texts(route_map: RouteMap) -> Iterator[str]:
    yield route_map.destination
    yield from (route_map.meta.title, route_map.meta.period, route_map.meta.area)
    for o in route_map.objectives:
        yield o.text
    for r in route_map.table.rows:
        yield from r.cells.values()
    plan = plan_of(route_map)
    yield from (plan.programme, plan.project, plan.office, *plan.objectives, *plan.indicators)
    yield from (m.text for m in plan.milestones)


def count_digit_runs(text: str) -> tuple[int, int]:
    """(Thai numbers, Arabic numbers) written in ``text``; digits inside Latin words do not count."""
    return len(_THAI_DIGIT_RUN.findall(text)), len(_ARABIC_NUMBER.findall(text))


def guess_digits(route_map: RouteMap) -> DigitStyle:
    """The digits the map's text is mostly typed in: Thai when it holds more numbers in Thai digits
    than in Arabic ones, else Arabic (also for a map with no numbers at all)."""
    thai = arabic = 0
    for text in _map_texts(route_map):
        if text:
            t, a = count_digit_runs(text)
            thai, arabic = thai + t, arabic + a
    return "thai" if thai > arabic else "arabic"


def saved_digits(route_map: RouteMap) -> DigitStyle | None:
    """The digit style saved with the map, or None when it was never chosen."""
    value = route_map.meta.model_extra.get(DIGITS_KEY) if route_map.meta.model_extra else None
    return "thai" if value == "thai" else "arabic" if value == "arabic" else None


def digit_style(route_map: RouteMap) -> DigitStyle:
    """The digits every output of the map prints: the saved style, else the guess."""
    return saved_digits(route_map) or guess_digits(route_map)


# -- writing (the values the operations store) ----------------------------------------------------


def milestone_value(m: Milestone) -> dict[str, Any]:
    out: dict[str, Any] = {"id": m.id, "months": m.months, "text": m.text}
    out.update(m.extra)
    return out


def signer_value(s: Signer) -> dict[str, Any]:
    out: dict[str, Any] = {"role": s.role, "name": s.name, "position": s.position}
    out.update(s.extra)
    return out


def style_value(style: TableStyle) -> dict[str, Any] | None:
    """``table.style`` as stored; None for the default style (the key is then not written)."""
    if style.is_default:
        return None
    out: dict[str, Any] = {}
    if style.grouping != "merged":
        out["grouping"] = style.grouping
    if style.group_prefix:
        out["group_prefix"] = style.group_prefix
    if style.column_groups:
        out["column_groups"] = [
            {"label": g.label, "columns": list(g.columns), **dict(g.extra)} for g in style.column_groups
        ]
    if not style.map_page:
        out["map_page"] = False
    out.update(style.extra)
    return out


def new_milestone_id(taken: set[str] | frozenset[str]) -> str:
    """A milestone id none of ``taken`` is: ``ms1``, ``ms2`` …"""
    n = len(taken) + 1
    while f"ms{n}" in taken:
        n += 1
    return f"ms{n}"
