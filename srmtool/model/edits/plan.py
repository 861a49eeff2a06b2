"""What editing the plan's own fields means (``srmtool.model.plan``): one ``SetMapField`` per key
that changes, so that a key holds something or is not in the file at all.

Texts are kept as typed, but a text of only spaces is no text; lists lose their empty entries;
milestones without text and signers with no role, name or position are dropped. Keys a newer
release keeps inside a milestone or a signer survive (``extra``). Each planner returns no operation
when nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from srmtool.model.operations import Operation, SetMapField
from srmtool.model.plan import (
    DIGITS_KEY,
    MILESTONES_KEY,
    PLAN_KEY,
    PLAN_LIST_KEYS,
    PLAN_TEXT_KEYS,
    SIGNERS_KEY,
    STYLE_KEY,
    DigitStyle,
    Milestone,
    Plan,
    Signer,
    TableStyle,
    milestone_value,
    new_milestone_id,
    plan_of,
    saved_digits,
    signer_value,
    signers_of,
    style_value,
    table_style,
)
from srmtool.model.types import RouteMap


def _field(key: str) -> str:
    return f"{PLAN_KEY}.{key}"


def _raw_plan(route_map: RouteMap) -> dict[str, object]:
    raw = (route_map.model_extra or {}).get(PLAN_KEY)
    return raw if isinstance(raw, dict) else {}


def _set(route_map: RouteMap, key: str, value: object) -> list[Operation]:
    plan = _raw_plan(route_map)
    if value is None and key not in plan:
        return []
    if value is not None and plan.get(key) == value:
        return []
    return [SetMapField(_field(key), value)]


def plan_text_operations(route_map: RouteMap, key: str, text: str) -> list[Operation]:
    """Set ``plan.<key>`` (programme, project, office) to ``text``; empty text removes it."""
    if key not in PLAN_TEXT_KEYS:
        raise ValueError(f"{key!r} is not a text of the plan")
    return _set(route_map, key, text if text.strip() else None)


def plan_list_operations(route_map: RouteMap, key: str, items: Sequence[str]) -> list[Operation]:
    """Set ``plan.<key>`` (objectives, indicators, rationale) to the non-empty ``items``."""
    if key not in PLAN_LIST_KEYS:
        raise ValueError(f"{key!r} is not a list of the plan")
    kept = [item for item in items if item.strip()]
    return _set(route_map, key, kept or None)


def milestone_operations(route_map: RouteMap, milestones: Sequence[Milestone]) -> list[Operation]:
    """The Small Success list becomes ``milestones`` (those with text), in that order."""
    kept = [milestone_value(m) for m in milestones if m.text.strip()]
    return _set(route_map, MILESTONES_KEY, kept or None)


def plan_operations(route_map: RouteMap, plan: Plan) -> list[Operation]:
    """Every key of the plan that differs from ``plan``, heading block then milestones."""
    operations: list[Operation] = []
    for key in ("programme", "project"):
        operations += plan_text_operations(route_map, key, getattr(plan, key))
    for key in PLAN_LIST_KEYS:
        operations += plan_list_operations(route_map, key, getattr(plan, key))
    operations += plan_text_operations(route_map, "office", plan.office)
    operations += milestone_operations(route_map, plan.milestones)
    return operations


def fresh_milestones(route_map: RouteMap, items: Sequence[tuple[int, str]]) -> tuple[Milestone, ...]:
    """Milestones for ``(months, text)`` items that have no id yet: ids none of the map's
    milestones has (``ms1``, ``ms2`` …)."""
    taken = {m.id for m in plan_of(route_map).milestones}
    out: list[Milestone] = []
    for months, text in items:
        mid = new_milestone_id(taken)
        taken.add(mid)
        out.append(Milestone(mid, months, text))
    return tuple(out)


def signer_operations(route_map: RouteMap, signers: Sequence[Signer]) -> list[Operation]:
    """The signature blocks become ``signers`` (in print order); none left removes the key."""
    kept = [signer_value(s) for s in signers if (s.role + s.name + s.position).strip()]
    current = [signer_value(s) for s in signers_of(route_map)]
    present = SIGNERS_KEY in (route_map.model_extra or {})
    if kept == current and (kept or not present):
        return []
    return [SetMapField(SIGNERS_KEY, kept or None)]


def digits_operations(route_map: RouteMap, style: DigitStyle | None) -> list[Operation]:
    """Save the map's digit style (``None``: forget it, so it is guessed again)."""
    if saved_digits(route_map) == style:
        return []
    return [SetMapField(f"meta.{DIGITS_KEY}", style)]


def style_operations(route_map: RouteMap, style: TableStyle) -> list[Operation]:
    """The table's style becomes ``style`` (the default style removes the key)."""
    if table_style(route_map) == style and (
        (STYLE_KEY in (route_map.table.model_extra or {})) == (not style.is_default)
    ):
        return []
    return [SetMapField(f"table.{STYLE_KEY}", style_value(style))]
