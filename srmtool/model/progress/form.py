"""The fill-in form's layout: what the form writer (``srmtool.export.progress.form_xlsx``) puts
where and the form reader (``srmtool.importer.forms``) reads back. Pure data, shared by both.

The workbook has a sheet of table rows ("แบบรายงานผล"), a sheet of Small Success milestones when
the plan has some ("ขั้นความสำเร็จ"), and a hidden sheet ("srmtool") recording what the form is
for: the map it was made from and the period. Rows are matched by the row id in the first column.
"""

from __future__ import annotations

from typing import Final

from srmtool.model.progress.records import STATE_LABELS, STATUSES, Status
from srmtool.model.types import RouteMap

FORM_FORMAT: Final = "srmtool-progress-form"
FORM_VERSION: Final = 1
ROWS_SHEET: Final = "แบบรายงานผล"
MILESTONES_SHEET: Final = "ขั้นความสำเร็จ"
META_SHEET: Final = "srmtool"
#: The heading row of both visible sheets; data start under it.
HEADING_ROW: Final = 5
FIRST_DATA_ROW: Final = HEADING_ROW + 1

#: (key, Thai heading, width, filled in by the field) of the rows sheet, left to right.
ROW_COLUMNS: Final = (
    ("row", "รหัสแถว", 8.0, False),
    ("objective", "เป้าประสงค์", 26.0, False),
    ("title", "กิจกรรม / ตัวชี้วัด", 34.0, False),
    ("target", "ค่าเป้าหมาย", 14.0, False),
    ("budget", "งบประมาณ (บาท)", 13.0, False),
    ("status", "สถานะ", 16.0, True),
    ("result", "ผลการดำเนินงาน", 30.0, True),
    ("value", "ผลเป็นตัวเลข", 11.0, True),
    ("spent", "ใช้ไปแล้วสะสม (บาท)", 14.0, True),
    ("note", "หมายเหตุ / ปัญหาอุปสรรค", 30.0, True),
    ("by", "ผู้รายงาน", 18.0, True),
    ("at", "วันที่รายงาน", 13.0, True),
)
#: (key, Thai heading, width, filled in) of the milestones sheet.
MILESTONE_COLUMNS: Final = (
    ("milestone", "รหัส", 8.0, False),
    ("months", "เดือนที่", 8.0, False),
    ("text", "ขั้นความสำเร็จ (Small Success)", 60.0, False),
    ("done", "ผล", 16.0, True),
)
DONE_LABELS: Final = {"ทำแล้ว": True, "ยังไม่ได้ทำ": False}

#: Keys of the hidden sheet (column A) and what they say (column B).
META_KEYS: Final = ("format", "version", "map_id", "map_created", "map_title", "period", "made")


def status_labels() -> tuple[str, ...]:
    """The drop-down list: the statuses' Thai names, in ``STATUSES`` order."""
    return tuple(STATE_LABELS[s][0] for s in STATUSES)


def status_from(text: str) -> Status | None:
    """A status from a form cell: its Thai or English name, its id, or its number 1–6 (the
    editor's keys); None when it names none."""
    plain = " ".join(text.split()).strip(" ●▲✕✓○–?")
    folded = plain.casefold()
    for n, status in enumerate(STATUSES, start=1):
        th, en = STATE_LABELS[status]
        if plain in (th, str(n)) or folded in (en.casefold(), status):
            return status
    return None


def map_id(route_map: RouteMap) -> str:
    """The map's own stable id (``meta.id``), or "" when it has none."""
    value = (route_map.meta.__pydantic_extra__ or {}).get("id")
    return value if isinstance(value, str) else ""
