"""The plan's additive keys in the file (``srmtool.model.plan``): their checks and their order.

``check_additive(route_map)`` runs when a file loads and before a map is saved, with the other
structure checks; ``check_map_field(name, value)`` when an operation sets one of these keys, so a
value that could not be saved is refused before it enters the map. Each fault is a
:class:`FileProblem` naming the place (``plan.milestones[2].months``) in Thai and English.
Keys inside these objects that this release does not know are allowed (any plain JSON) and kept.

``canonical(name, value)`` gives a key's value in the file's order: known keys in the order of
``srmtool.model.plan``, then unknown keys sorted by name, so two saves are byte-identical however
the value was put together and undo restores the exact bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Final

from srmtool.model.limits import (
    MAX_COLUMNS,
    MAX_ID_CHARS,
    MAX_MILESTONE_MONTHS,
    MAX_PLAN_ITEMS,
    MAX_SIGNERS,
    MAX_TEXT_CHARS,
)
from srmtool.model.plan import (
    COLUMN_GROUP_KEYS,
    DIGIT_STYLES,
    DIGITS_KEY,
    GROUPINGS,
    MILESTONE_KEYS,
    MILESTONES_KEY,
    PLAN_KEY,
    PLAN_KEYS,
    PLAN_LIST_KEYS,
    PLAN_TEXT_KEYS,
    SIGNER_KEYS,
    SIGNERS_KEY,
    STYLE_KEY,
    STYLE_KEYS,
)
from srmtool.model.srmfile.problem import FileProblem
from srmtool.model.srmfile.progress_file import PROGRESS_FIELD, check_progress
from srmtool.model.types import RouteMap

#: The map fields (``SetMapField`` names) whose values are checked here.
PLAN_FIELD: Final = PLAN_KEY
SIGNERS_FIELD: Final = SIGNERS_KEY
DIGITS_FIELD: Final = f"meta.{DIGITS_KEY}"
STYLE_FIELD: Final = f"table.{STYLE_KEY}"


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)[:80]


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FileProblem(where, "must be an object (a JSON object)", "ต้องเป็นอ็อบเจกต์ JSON")
    return value


def _list(value: Any, where: str, limit: int, name_en: str, name_th: str) -> list[Any]:
    if not isinstance(value, list):
        raise FileProblem(where, "must be a list (a JSON array)", "ต้องเป็นรายการ (อาร์เรย์ JSON)")
    if len(value) > limit:
        raise FileProblem(
            where,
            f"too many {name_en} ({len(value):,}; the limit is {limit:,})",
            f"มี{name_th}มากเกินไป ({len(value):,} รายการ เกินขีดจำกัด {limit:,})",
        )
    return value


def _text(value: Any, where: str, limit: int = MAX_TEXT_CHARS) -> str:
    if not isinstance(value, str):
        raise FileProblem(where, "must be text (a JSON string)", "ต้องเป็นข้อความ (สตริง JSON)")
    if len(value) > limit:
        raise FileProblem(
            where,
            f"the text is too long ({len(value):,} characters; the limit is {limit:,})",
            f"ข้อความยาวเกินไป ({len(value):,} ตัวอักษร เกินขีดจำกัด {limit:,} ตัวอักษร)",
        )
    return value


def _texts(value: Any, where: str) -> None:
    for i, item in enumerate(_list(value, where, MAX_PLAN_ITEMS, "entries", "รายการ")):
        _text(item, f"{where}[{i}]")


def _id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_ID_CHARS:
        raise FileProblem(
            where,
            f"must be an id of 1 to {MAX_ID_CHARS} characters",
            f"ต้องเป็นรหัสอ้างอิงยาว 1 ถึง {MAX_ID_CHARS} ตัวอักษร",
        )
    return value


def _months(value: Any, where: str) -> None:
    if type(value) is not int or not 1 <= value <= MAX_MILESTONE_MONTHS:
        raise FileProblem(
            where,
            f"the month must be a whole number from 1 to {MAX_MILESTONE_MONTHS}, not {_shown(value)}",
            f"เดือนต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง {MAX_MILESTONE_MONTHS} ไม่ใช่ {_shown(value)}",
        )


def _milestones(value: Any, where: str) -> None:
    seen: dict[str, int] = {}
    for i, raw in enumerate(_list(value, where, MAX_PLAN_ITEMS, "milestones", "ขั้นความสำเร็จ")):
        item = _object(raw, f"{where}[{i}]")
        for key in ("id", "months"):
            if key not in item:
                raise FileProblem(f"{where}[{i}].{key}", "a required key is missing", "ขาดคีย์ที่ต้องมี")
        mid = _id(item["id"], f"{where}[{i}].id")
        _months(item["months"], f"{where}[{i}].months")
        if "text" in item:
            _text(item["text"], f"{where}[{i}].text")
        first = seen.setdefault(mid, i)
        if first != i:
            raise FileProblem(
                f"{where}[{i}].id",
                f"duplicate milestone id {_shown(mid)} (already used at {where}[{first}])",
                f"รหัสขั้นความสำเร็จ {_shown(mid)} ซ้ำ (ใช้ไปแล้วที่ {where}[{first}])",
            )


def check_plan_entry(key: str, value: Any, where: str) -> None:
    """One key of ``plan``; keys this release does not know may hold anything."""
    if key in PLAN_TEXT_KEYS:
        _text(value, where)
    elif key in PLAN_LIST_KEYS:
        _texts(value, where)
    elif key == MILESTONES_KEY:
        _milestones(value, where)


def check_plan(value: Any, where: str = PLAN_FIELD) -> None:
    for key, item in _object(value, where).items():
        check_plan_entry(key, item, f"{where}.{key}")


def check_signers(value: Any, where: str = SIGNERS_FIELD) -> None:
    for i, raw in enumerate(_list(value, where, MAX_SIGNERS, "signers", "ผู้ลงนาม")):
        item = _object(raw, f"{where}[{i}]")
        for key in SIGNER_KEYS:
            if key in item:
                _text(item[key], f"{where}[{i}].{key}")


def check_digits(value: Any, where: str = DIGITS_FIELD) -> None:
    if value not in DIGIT_STYLES:
        raise FileProblem(
            where,
            f'the digit style must be "thai" or "arabic", not {_shown(value)}',
            f'รูปแบบตัวเลขต้องเป็น "thai" (เลขไทย) หรือ "arabic" (เลขอารบิก) ไม่ใช่ {_shown(value)}',
        )


def check_style(value: Any, where: str = STYLE_FIELD) -> None:
    style = _object(value, where)
    if "grouping" in style and style["grouping"] not in GROUPINGS:
        raise FileProblem(
            f"{where}.grouping",
            f'the grouping must be "merged" or "heading", not {_shown(style["grouping"])}',
            f'การจัดกลุ่มต้องเป็น "merged" หรือ "heading" ไม่ใช่ {_shown(style["grouping"])}',
        )
    if "group_prefix" in style:
        _text(style["group_prefix"], f"{where}.group_prefix")
    if "map_page" in style and not isinstance(style["map_page"], bool):
        raise FileProblem(f"{where}.map_page", "must be true or false", "ต้องเป็น true หรือ false")
    place = f"{where}.column_groups"
    groups = _list(style.get("column_groups", []), place, MAX_COLUMNS, "column groups", "กลุ่มคอลัมน์")
    for i, raw in enumerate(groups):
        group = _object(raw, f"{place}[{i}]")
        _text(group.get("label", ""), f"{place}[{i}].label")
        keys = _list(group.get("columns", []), f"{place}[{i}].columns", MAX_COLUMNS, "columns", "คอลัมน์")
        for j, key in enumerate(keys):
            _id(key, f"{place}[{i}].columns[{j}]")


_CHECKS: Final[dict[str, Callable[[Any, str], None]]] = {
    PLAN_FIELD: check_plan,
    SIGNERS_FIELD: check_signers,
    DIGITS_FIELD: check_digits,
    STYLE_FIELD: check_style,
    PROGRESS_FIELD: check_progress,
}


def check_map_field(name: str, value: Any) -> None:
    """Refuse a value of one of these keys (``plan``, ``plan.<key>``, ``signers``, ``meta.digits``,
    ``table.style``, ``progress``) that the file could not hold (an explicit null included); other
    names pass."""
    if name in _CHECKS:
        _CHECKS[name](value, name)
    elif name.startswith(f"{PLAN_FIELD}."):
        check_plan_entry(name[len(PLAN_FIELD) + 1 :], value, name)


def check_additive(route_map: RouteMap) -> None:
    """Every one of these keys the map holds."""
    extras = (
        (PLAN_FIELD, route_map.__pydantic_extra__, PLAN_KEY),
        (SIGNERS_FIELD, route_map.__pydantic_extra__, SIGNERS_KEY),
        (DIGITS_FIELD, route_map.meta.__pydantic_extra__, DIGITS_KEY),
        (STYLE_FIELD, route_map.table.__pydantic_extra__, STYLE_KEY),
        (PROGRESS_FIELD, route_map.__pydantic_extra__, PROGRESS_FIELD),
    )
    for name, extra, key in extras:
        if extra and key in extra:
            _CHECKS[name](extra[key], name)


# -- the file's order -----------------------------------------------------------------------------


def _ordered(value: Any, known: tuple[str, ...]) -> Any:
    if not isinstance(value, dict):
        return value
    out = {k: value[k] for k in known if k in value}
    out.update((k, value[k]) for k in sorted(value) if k not in out)
    return out


def _ordered_items(value: Any, known: tuple[str, ...]) -> Any:
    return [_ordered(item, known) for item in value] if isinstance(value, list) else value


def canonical_plan(value: Any) -> Any:
    out = _ordered(value, PLAN_KEYS)
    if isinstance(out, dict) and MILESTONES_KEY in out:
        out[MILESTONES_KEY] = _ordered_items(out[MILESTONES_KEY], MILESTONE_KEYS)
    return out


def canonical_signers(value: Any) -> Any:
    return _ordered_items(value, SIGNER_KEYS)


def canonical_style(value: Any) -> Any:
    out = _ordered(value, STYLE_KEYS)
    if isinstance(out, dict) and "column_groups" in out:
        out["column_groups"] = _ordered_items(out["column_groups"], COLUMN_GROUP_KEYS)
    return out
