"""Checks of the map's items one by one: objectives' text and codes, ids, stakeholders, the table.
The checks of links and routes are in ``checks_links``. Each check yields ``Raw`` findings."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from srmtool.model.checks.text import Raw, Refs, level_en, level_th, name_en, name_th, names
from srmtool.model.types import OBJECTIVE_COLUMN, PERSPECTIVE_IDS, Objective, RouteMap


def run(route_map: RouteMap, refs: Refs) -> Iterator[Raw]:
    yield from _objective_texts(route_map)
    yield from _codes(route_map)
    yield from _ids(route_map)
    yield from _stakeholders(route_map, refs)
    yield from _columns(route_map)
    yield from _rows(route_map, refs)
    yield from _levels(route_map)


def _objective_texts(route_map: RouteMap) -> Iterator[Raw]:
    groups: dict[str, list[Objective]] = defaultdict(list)
    for o in route_map.objectives:
        # Thai writes words without spaces, so spacing and line breaks say nothing about sameness
        flat = "".join(o.text.split())
        if not flat:
            yield (
                "empty-text",
                (o.id,),
                f"เป้าประสงค์ {name_th(o)} ยังไม่มีข้อความ กรุณาเขียนเป้าประสงค์ให้ครบก่อนจัดทำแผน",
                f"Objective {name_en(o)} has no text; write the objective before planning from it",
            )
        else:
            groups[flat.casefold()].append(o)
    for group in groups.values():
        if len(group) > 1:
            yield (
                "duplicate-text",
                tuple(o.id for o in group),
                f"เป้าประสงค์ {names(group, 'th')} มีข้อความเดียวกัน อาจเป็นเป้าประสงค์ซ้ำ ควรรวมเป็นเป้าประสงค์เดียว",
                f"Objectives {names(group, 'en')} have the same text;"
                " they may be one objective written twice",
            )


def _codes(route_map: RouteMap) -> Iterator[Raw]:
    groups: dict[str, list[Objective]] = defaultdict(list)
    for o in route_map.objectives:
        code = o.code.strip()
        if not code:
            yield (
                "missing-code",
                (o.id,),
                f"เป้าประสงค์ {name_th(o)} ยังไม่มีรหัส (เช่น ป1 ภ2 ก3 พ4)",
                f"Objective {name_en(o)} has no code (such as ป1, ภ2, ก3, พ4)",
            )
        else:
            groups[code].append(o)
    for code, group in groups.items():
        if len(group) > 1:
            yield (
                "duplicate-code",
                tuple(o.id for o in group),
                f"รหัส {code} ซ้ำกันในเป้าประสงค์ {len(group)} รายการ: {names(group, 'th')}"
                " แต่ละเป้าประสงค์ต้องมีรหัสไม่ซ้ำกัน",
                f"The code {code} is used by {len(group)} objectives: {names(group, 'en')};"
                " every objective needs its own code",
            )


def _ids(route_map: RouteMap) -> Iterator[Raw]:
    counts: Counter[str] = Counter(o.id for o in route_map.objectives)
    counts.update(s.id for s in route_map.stakeholders)
    counts.update(r.id for r in route_map.table.rows)
    for item_id, n in counts.items():
        if n > 1:
            yield (
                "duplicate-id",
                (item_id,),
                f"รหัสอ้างอิงภายใน (id) «{item_id}» ถูกใช้ซ้ำ {n} ครั้ง"
                " ไฟล์อาจถูกแก้ไขด้วยโปรแกรมอื่น ข้อมูลที่ใช้ id นี้อาจอ้างถึงผิดรายการ",
                f"The internal id “{item_id}” is used {n} times; the file may have been edited"
                " by another program, and references to this id are ambiguous",
            )


def _stakeholders(route_map: RouteMap, refs: Refs) -> Iterator[Raw]:
    known = {s.id for s in route_map.stakeholders}
    assigned: set[str] = set()
    for o in refs.by_id.values():  # first objective of each id; a repeat is a duplicate-id
        for sid in dict.fromkeys(o.stakeholders):
            assigned.add(sid)
            if sid not in known:
                yield (
                    "missing-stakeholder",
                    (o.id, sid),
                    f"เป้าประสงค์ {name_th(o)} อ้างถึงภาคี «{sid}» ซึ่งไม่มีในรายชื่อภาคีเครือข่าย",
                    f"Objective {name_en(o)} refers to stakeholder “{sid}”, who is not in the"
                    " list of stakeholders",
                )
    for s in route_map.stakeholders:
        if s.id not in assigned:
            label = s.name.strip() or s.id
            yield (
                "unassigned-stakeholder",
                (s.id,),
                f"ภาคี «{label}» ยังไม่ได้รับบทบาทในเป้าประสงค์ใด",
                f"Stakeholder “{label}” is not assigned to any objective",
            )


def _columns(route_map: RouteMap) -> Iterator[Raw]:
    columns = route_map.table.columns
    if columns and columns[0].key != OBJECTIVE_COLUMN:
        yield (
            "table-objective-column",
            (columns[0].key,),
            f"คอลัมน์แรกของตารางคือ «{columns[0].label}» แต่ต้องเป็นคอลัมน์เป้าประสงค์",
            f"The table's first column is “{columns[0].label}”; it must be the objective column",
        )
    for key, n in Counter(c.key for c in columns).items():
        if n > 1:
            yield (
                "duplicate-column",
                (key,),
                f"คอลัมน์ «{key}» ซ้ำกัน {n} ครั้งในตาราง",
                f"The column “{key}” appears {n} times in the table",
            )


def _rows(route_map: RouteMap, refs: Refs) -> Iterator[Raw]:
    rows = route_map.table.rows
    visible = [c.key for c in route_map.table.columns if c.key != OBJECTIVE_COLUMN]
    positions: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        positions[row.objective].append(i)
        number = i + 1
        if row.objective not in refs.by_id:
            yield (
                "row-missing-objective",
                (row.id, row.objective),
                f"แถวที่ {number} ของตาราง อ้างถึงเป้าประสงค์ «{row.objective}» ซึ่งไม่มีในแผนที่",
                f"Table row {number} refers to objective “{row.objective}”, which is not on the map",
            )
        keys = visible or list(row.cells)
        if not any(row.cells.get(k, "").strip() for k in keys):
            yield (
                "empty-row",
                (row.id,),
                f"แถวที่ {number} ของตาราง ({refs.th(row.objective)}) ยังไม่ได้กรอกข้อมูล",
                f"Table row {number} ({refs.en(row.objective)}) has every cell empty",
            )
    for oid, where in positions.items():
        if where[-1] - where[0] + 1 != len(where):
            numbers = ", ".join(str(i + 1) for i in where)
            yield (
                "rows-apart",
                (oid, *(rows[i].id for i in where)),
                f"แถวของเป้าประสงค์ {refs.th(oid)} อยู่แยกกัน (แถวที่ {numbers})"
                " ตอนพิมพ์จะไม่รวมเป็นช่องเดียว ควรย้ายแถวมาไว้ติดกัน",
                f"The rows of objective {refs.en(oid)} are apart (rows {numbers}); they"
                " print as separate objective cells, so move them next to each other",
            )
    for o in refs.by_id.values():  # first objective of each id; a repeat is a duplicate-id
        if o.key_route and o.id not in positions:
            yield (
                "key-route-without-row",
                (o.id,),
                f"เป้าประสงค์ {name_th(o)} อยู่บนเส้นทางหลัก แต่ยังไม่มีแถวกิจกรรมในตาราง",
                f"Objective {name_en(o)} is on the key route but has no row in the table",
            )


def _levels(route_map: RouteMap) -> Iterator[Raw]:
    if not route_map.destination.strip():
        yield (
            "no-destination",
            (),
            "ยังไม่ได้กำหนดจุดหมายปลายทาง (วิสัยทัศน์และกรอบเวลา) ของแผนที่ทางเดินยุทธศาสตร์",
            "The route map has no destination (vision and time frame) yet",
        )
    used = {o.perspective for o in route_map.objectives}
    for pid in PERSPECTIVE_IDS:
        if pid not in used:
            yield (
                "empty-level",
                (pid,),
                f"{level_th(route_map, pid)} ยังไม่มีเป้าประสงค์",
                f"The {level_en(route_map, pid)} has no objectives yet",
            )
