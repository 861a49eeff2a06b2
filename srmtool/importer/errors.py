"""Why a workbook cannot be imported, in Thai and English.

``ImportRefused`` carries a message key and its values; ``message(lang)`` gives the sentence. Every
failure of the importer (an unsafe or broken file, a sheet without a table) is one of these, so the
command line and the editor can show it without a traceback.
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # key: (Thai, English)
    "missing": ("{name}: ไม่พบไฟล์", "{name}: the file does not exist"),
    "unreadable": ("{name}: อ่านไฟล์ไม่ได้ ({reason})", "{name}: cannot read the file ({reason})"),
    "too_large": (
        "{name}: ไฟล์ใหญ่เกินไป ({size} MB) นำเข้าได้ไม่เกิน {limit} MB",
        "{name}: the file is too large ({size} MB); at most {limit} MB can be imported",
    ),
    "xls": (
        "{name}: เป็นไฟล์ Excel แบบเก่า (.xls) ซึ่งนำเข้าไม่ได้ โปรดเปิดใน Excel หรือ LibreOffice แล้วบันทึกเป็น .xlsx ก่อน",
        "{name}: this is an old-style Excel file (.xls), which cannot be imported;"
        " open it in Excel or LibreOffice and save it as .xlsx first",
    ),
    "encrypted": (
        "{name}: ไฟล์นี้ถูกเข้ารหัส (ตั้งรหัสผ่านไว้) จึงอ่านไม่ได้ โปรดเปิดใน Excel หรือ LibreOffice"
        " แล้วบันทึกใหม่โดยไม่ใส่รหัสผ่านก่อน",
        "{name}: the file is encrypted (protected with a password) and cannot be read;"
        " open it in Excel or LibreOffice and save it without a password first",
    ),
    "not_utf8": (
        "{name}: ข้อมูลในไฟล์เก็บเป็นข้อความแบบ {encoding} ซึ่งนำเข้าไม่ได้ (รับเฉพาะ UTF-8)"
        " โปรดเปิดใน Excel หรือ LibreOffice แล้วบันทึกเป็น .xlsx ใหม่",
        "{name}: the workbook's data is stored as {encoding} text, which cannot be imported (only UTF-8);"
        " open it in Excel or LibreOffice and save it again as .xlsx",
    ),
    "not_xlsx": (
        "{name}: ไม่ใช่ไฟล์ Excel (.xlsx) หรือไฟล์เสียหาย",
        "{name}: not an Excel workbook (.xlsx), or the file is damaged",
    ),
    "corrupt": (
        "{name}: ไฟล์ Excel เสียหาย อ่านไม่ได้ ({reason})",
        "{name}: the Excel file is damaged and cannot be read ({reason})",
    ),
    "zip_bomb": (
        "{name}: ไฟล์นี้เมื่อคลายออกจะใหญ่ผิดปกติ ({reason}) จึงไม่นำเข้าเพื่อความปลอดภัย",
        "{name}: the file would unpack to an abnormal size ({reason}) and is refused for safety",
    ),
    "unsafe_xml": (
        "{name}: ไฟล์มีโครงสร้าง XML ที่ไม่ปลอดภัย (DTD หรือ entity) จึงไม่นำเข้า",
        "{name}: the file contains unsafe XML (a DTD or entities) and is refused",
    ),
    "too_many_cells": (
        "{name}: มีข้อมูลมากเกินไป (มากกว่า {limit:,} ช่อง นับทุกช่องของช่วงที่ผสานเซลล์ด้วย) นำเข้าไม่ได้",
        "{name}: too much data (more than {limit:,} cells, counting every cell of merged ranges) to import",
    ),
    "sheet_too_wide": (
        "{name}: ข้อมูลในแผ่นงาน “{sheet}” กระจายกว้างเกินไป (ถึงแถว {rows:,} คอลัมน์ {columns:,}"
        " รวมเกิน {limit:,} ช่อง) โปรดลบข้อมูลที่อยู่ห่างออกไปแล้วบันทึกใหม่",
        "{name}: the data on the sheet “{sheet}” spreads too far (to row {rows:,}, column {columns:,};"
        " more than {limit:,} cells in all); delete what lies far away and save it again",
    ),
    "too_many_rows": (
        "{name}: ตารางในแผ่นงาน “{sheet}” มี {rows:,} แถว เกินกว่าที่แผนที่หนึ่งเก็บได้ ({limit:,} แถว)",
        "{name}: the table on the sheet “{sheet}” has {rows:,} rows, more than a map holds ({limit:,})",
    ),
    "map_limits": (
        "{name}: ตารางนี้จะได้แผนที่ที่เกินขีดจำกัดของ srmtool ({where}: {reason_th})",
        "{name}: this table would make a map beyond srmtool's limits ({where}: {reason_en})",
    ),
    "no_sheet": (
        "{name}: ไม่มีแผ่นงานชื่อ “{sheet}” แผ่นงานที่มี: {sheets}",
        "{name}: there is no sheet “{sheet}”; the sheets are: {sheets}",
    ),
    "no_table": (
        "{name}: ไม่พบตารางในแผ่นงาน “{sheet}” (ไม่มีแถวหัวตารางที่มีหัวคอลัมน์ที่รู้จักอย่างน้อยสองคอลัมน์"
        " เช่น เป้าประสงค์ ตัวชี้วัด กิจกรรม งบประมาณ)",
        "{name}: no table found on the sheet “{sheet}” (no heading row with at least two known"
        " headings such as Objective, KPI, Key activities, Budget)",
    ),
    "form_not_form": (
        "{name}: ไม่ใช่แบบรายงานผลที่ srmtool สร้าง (ไม่มีแผ่นงานข้อมูลของแบบฟอร์ม)"
        " โปรดใช้แบบฟอร์มที่ส่งออกจาก srmtool report --form",
        "{name}: not a progress form made by srmtool (its form data sheet is missing);"
        " use a form written by srmtool report --form",
    ),
    "form_version": (
        "{name}: แบบรายงานผลนี้สร้างด้วย srmtool รุ่นอื่น (รุ่นแบบฟอร์ม {version}) โปรดอัปเดต srmtool",
        "{name}: this progress form was made by another srmtool release (form version {version});"
        " update srmtool",
    ),
    "form_other_map": (
        "{name}: แบบรายงานผลนี้เป็นของแผนที่อื่น (“{title}”) ไม่ใช่แผนที่นี้",
        "{name}: this progress form belongs to another map (“{title}”), not this one",
    ),
    "form_other_period": (
        "{name}: แบบรายงานผลนี้เป็นของรอบการรายงาน {period} ไม่ใช่ {wanted}",
        "{name}: this progress form is for the reporting period {period}, not {wanted}",
    ),
    "form_row_without_id": (
        "{name}: แถวที่ {row} ของแบบฟอร์มมีข้อมูลแต่ไม่มีรหัสแถว (เพิ่มแถวเองไม่ได้ ต้องเพิ่มกิจกรรมในแผนก่อนแล้วสร้างแบบฟอร์มใหม่)",
        "{name}: sheet row {row} of the form holds data but no row id (rows cannot be added in a form;"
        " add the activity to the plan and make a new form)",
    ),
    "form_unknown_row": (
        "{name}: แถวที่ {row} ของแบบฟอร์มมีรหัสแถว “{id}” ซึ่งไม่มีในตารางของแผนที่นี้",
        "{name}: sheet row {row} of the form has the row id “{id}”, which this map's table does not have",
    ),
    "form_unknown_milestone": (
        "{name}: แถวที่ {row} ของแผ่นงานขั้นความสำเร็จมีรหัส “{id}” ซึ่งไม่มีในแผนนี้",
        "{name}: sheet row {row} of the milestones sheet has the id “{id}”, which this plan does not have",
    ),
    "form_row_twice": (
        "{name}: รหัสแถว “{id}” อยู่ในแบบฟอร์มสองครั้ง (แถวที่ {first} และ {row})",
        "{name}: the row id “{id}” is in the form twice (sheet rows {first} and {row})",
    ),
    "no_rows": (
        "{name}: ตารางในแผ่นงาน “{sheet}” ไม่มีแถวข้อมูล",
        "{name}: the table on the sheet “{sheet}” has no data rows",
    ),
}


class ImportRefused(Exception):
    """The workbook cannot be imported; ``message(lang)`` says why in Thai ("th") or English."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        th, en = MESSAGES[self.key]
        return (th if lang == "th" else en).format(**self.values)
