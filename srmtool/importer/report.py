"""What an import did, for the user to check: the sheet, the column mapping, what was skipped.

``ImportReport.render(lang)`` gives the report as lines of Thai ("th") or English text; the command
line prints them and the editor shows them in a dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from openpyxl.utils import get_column_letter

from srmtool.importer.headings import one_line
from srmtool.model.numbers import format_amount

_TEXT: Final[dict[str, tuple[str, str]]] = {
    "sheet": ("แผ่นงาน: “{sheet}” (แถวหัวตาราง {rows})", "Sheet: “{sheet}” (heading row(s) {rows})"),
    "template": ("ชุดคอลัมน์: {name}", "Column set: {name}"),
    "title": ("ชื่อแผน: {title}", "Title: {title}"),
    "counts": (
        "นำเข้า {rows} แถว เป้าประสงค์ {objectives} รายการ",
        "Imported {rows} row(s) and {objectives} objective(s)",
    ),
    "objectives_sheet": (
        "ระดับ รหัส และลูกศรของเป้าประสงค์อ่านจากแผ่นงาน “{sheet}” (ลูกศร {links} เส้น)",
        "Levels, codes and links of the objectives read from the sheet “{sheet}” ({links} link(s))",
    ),
    "default_level": (
        "เป้าประสงค์ที่ไม่ได้ระบุระดับ อยู่ในระดับ {level}",
        "Objectives whose level the sheet does not say are on the {level} level",
    ),
    "unknown_formulas": (
        "ช่องที่เป็นสูตรคำนวณแต่ไฟล์ไม่ได้เก็บผลลัพธ์ไว้ (ยังไม่เคยคำนวณ) จึงนำเข้าเป็นช่องว่าง: {cells}"
        " โปรดเปิดไฟล์ใน Excel หรือ LibreOffice บันทึก แล้วนำเข้าใหม่",
        "Formula cells whose result the file does not keep (never calculated) came in blank: {cells};"
        " open the file in Excel or LibreOffice, save it and import it again",
    ),
    "formula_objectives": (
        "แถว {rows}: ช่องเป้าประสงค์เป็นสูตรที่ไม่ทราบผลลัพธ์ แถวจึงอยู่ใต้เป้าประสงค์ข้างบน โปรดตรวจสอบ",
        "Row(s) {rows}: the objective cell is a formula of unknown result, so the row went under"
        " the objective above; please check",
    ),
    "measures": (
        "มาตรการ {count} รายการ อ่านจากแถวหัวข้อเต็มความกว้าง แต่ละรายการเป็นกลุ่มของแถวที่อยู่ใต้หัวข้อนั้น",
        "{count} measure(s) read from the full-width rows, each the group of the rows below it",
    ),
    "plan_fields": ("ส่วนหัวของแผน: {fields}", "Plan heading: {fields}"),
    "milestones": ("ระดับขั้นความสำเร็จ (Small Success): {count} รายการ", "Small Success: {count} milestone(s)"),
    "signers": ("ผู้ลงนาม: {names}", "Signers: {names}"),
    "column_groups": ("หัวคอลัมน์กลุ่ม: {groups}", "Column groups: {groups}"),
    "digits": ("ตัวเลขของแผน: {style}", "The plan's digits: {style}"),
    "continued": (
        "แถว {rows}: รายการงบประมาณต่อจากแถวบน (ช่องอื่นผสานหรือเว้นว่างไว้) จึงรวมเข้ากับแถวบนเป็นแถวเดียว",
        "Row(s) {rows}: budget lines continuing the row above (its other cells merged or left blank),"
        " joined to that row",
    ),
    "unread_budget": (
        "แถว {row}: ช่องงบประมาณมีตัวเลขที่อ่านเป็นจำนวนเงินไม่ได้ «{line}» จึงไม่นับรวมในยอดรวม",
        "Row {row}: the budget holds a number not read as an amount, “{line}”; it is left out of the total",
    ),
    "total_same": (
        "รวมงบประมาณ {total} บาท ตรงกับแถวรวมของแผ่นงาน",
        "Total budget {total} baht, as the sheet's own total row says",
    ),
    "total_only": ("รวมงบประมาณ {total} บาท", "Total budget {total} baht"),
    "total_differs": (
        "รวมงบประมาณจากแถวในตารางได้ {total} บาท แต่แถวรวมของแผ่นงานเขียนไว้ {sheet} บาท (ต่างกัน {diff} บาท)"
        " โปรดตรวจสอบจำนวนเงินในแต่ละแถว",
        "The rows' budgets add up to {total} baht, but the sheet's own total row says {sheet} baht"
        " (a difference of {diff}); please check the amounts",
    ),
    "map_data": (
        "ไฟล์นี้ส่งออกจาก srmtool: รหัส ระดับ ตำแหน่ง ลูกศร ภาคี ส่วนหัวของแผนและผู้ลงนามอ่านจากข้อมูลแผนที่ที่เก็บไว้ในไฟล์"
        " ข้อความในตารางอ่านจากแผ่นงาน “{sheet}”",
        "This workbook was exported by srmtool: codes, levels, positions, links, partners, the plan's"
        " heading and signers come from the map it keeps; the table's text from the sheet “{sheet}”",
    ),
    "map_data_problem": (
        "ข้อมูลแผนที่ที่ srmtool เก็บไว้ในไฟล์ใช้ไม่ได้ ({reason}) จึงอ่านแผ่นงานแบบตารางทั่วไป",
        "The map srmtool keeps in this workbook cannot be used ({reason}); the sheet was read as any table",
    ),
    "renamed": ("  คอลัมน์ «{old}» เปลี่ยนหัวตารางเป็น «{new}»", "  The column “{old}” is now headed “{new}”"),
    "new_rows": ("แถวที่เพิ่มในแผ่นงาน: {count}", "Rows added in the sheet: {count}"),
    "new_objectives": (
        "เป้าประสงค์ใหม่จากแผ่นงาน (ข้อความไม่ตรงกับที่ส่งออก): {count}",
        "New objectives from the sheet (text other than exported): {count}",
    ),
    "columns": ("คอลัมน์:", "Columns:"),
    "mapped": ("  {letter} “{heading}” → {label}", "  {letter} “{heading}” → {label}"),
    "extra": (
        "  {letter} “{heading}” → เก็บเป็นคอลัมน์เพิ่มเติม “{label}”",
        "  {letter} “{heading}” → kept as an extra column “{label}”",
    ),
    "level_column": ("  {letter} “{heading}” → ระดับของเป้าประสงค์", "  {letter} “{heading}” → objective level"),
    "skipped": ("ข้ามแถว:", "Skipped rows:"),
    "no_objective": (
        "แถว {rows} ไม่มีเป้าประสงค์ จึงอยู่ใต้เป้าประสงค์ว่างหนึ่งรายการ โปรดเติมข้อความ",
        "Row(s) {rows} have no objective; they are under one empty objective — please fill in its text",
    ),
    "blank": ("แถวว่าง", "blank"),
    "numbering": ("แถวเลขลำดับคอลัมน์", "column numbers"),
    "total": ("แถวรวม", "total"),
    "total_words": ("จำนวนเงินเป็นตัวอักษร", "total in words"),
    "after_total": ("อยู่ใต้แถวรวม", "below the total"),
    "section": ("หัวข้อคั่นตาราง", "section heading"),
    "above": ("อยู่เหนือหัวตาราง", "above the headings"),
    "below": ("อยู่ใต้ตาราง", "below the table"),
    "skip_line": ("  แถว {row}: {reason}{text}", "  row {row}: {reason}{text}"),
}
#: Names of the plan's heading fields in the report (Thai, English).
_FIELDS: Final[dict[str, tuple[str, str]]] = {
    "programme": ("แผนงาน", "programme"),
    "project": ("โครงการ", "project"),
    "objectives": ("วัตถุประสงค์", "objectives"),
    "indicators": ("ตัวชี้วัด", "indicators"),
    "rationale": ("หลักการและเหตุผล", "rationale"),
    "office": ("หน่วยงานรับผิดชอบ", "responsible office"),
}
_DIGITS: Final[dict[str, tuple[str, str]]] = {"thai": ("เลขไทย", "Thai"), "arabic": ("เลขอารบิก", "Arabic")}
MAX_SKIPPED_SHOWN: Final = 30
MAX_CELLS_SHOWN: Final = 20


def _more(count: int) -> str:
    return f" … (+{count - MAX_CELLS_SHOWN})" if count > MAX_CELLS_SHOWN else ""


def _say(lang: str, key: str, **values: object) -> str:
    th, en = _TEXT[key]
    return (th if lang == "th" else en).format(**values)


@dataclass
class ColumnReport:
    index: int  # 1-based sheet column
    heading: str
    key: str  # the map's column key, LEVEL for the level column
    label: str  # the map's column label
    extra: bool = False
    level: bool = False

    @property
    def letter(self) -> str:
        return str(get_column_letter(self.index))


@dataclass
class ImportReport:
    file: str
    sheet: str
    sheets: list[str]
    heading_rows: tuple[int, ...]
    template: str = ""
    template_name: tuple[str, str] = ("", "")  # Thai, English
    title: str = ""
    columns: list[ColumnReport] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (sheet row, reason, text)
    rows: int = 0
    objectives: int = 0
    rows_without_objective: list[int] = field(default_factory=list)
    objectives_sheet: str = ""
    links: int = 0
    default_level: tuple[str, str] = ("", "")  # label of the level objectives got by default, or ""
    #: (sheet row, column) of formula cells of unknown result, and the data rows whose objective was one.
    unknown_formulas: list[tuple[int, int]] = field(default_factory=list)
    formula_objective_rows: list[int] = field(default_factory=list)
    #: What an action plan holds besides its rows (``plan_build``).
    measures: int = 0
    plan_fields: list[str] = field(default_factory=list)
    milestones: int = 0
    signers: list[tuple[str, str]] = field(default_factory=list)  # (role, name)
    column_groups: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (heading, keys)
    digits: str = ""
    continued_rows: list[int] = field(default_factory=list)  # sheet rows joined to the row above
    unread_budget: list[tuple[int, str]] = field(default_factory=list)  # (sheet row, line)
    computed_total: Decimal | None = None
    sheet_total: Decimal | None = None
    #: Our own export read through the map it keeps (``own``).
    map_data: bool = False
    map_data_problem: tuple[str, str] = ("", "")  # Thai, English
    renamed_columns: list[tuple[str, str]] = field(default_factory=list)  # (label exported, heading now)
    new_rows: int = 0
    new_objectives: int = 0

    @property
    def extra_columns(self) -> list[ColumnReport]:
        return [c for c in self.columns if c.extra]

    def render(self, lang: str) -> str:
        """The report as text lines in Thai ("th") or English."""
        rows = ", ".join(str(r) for r in self.heading_rows)
        lines = [_say(lang, "sheet", sheet=self.sheet, rows=rows)]
        lines.append(_say(lang, "template", name=self.template_name[0 if lang == "th" else 1]))
        if self.title:
            lines.append(_say(lang, "title", title=self.title))
        lines.append(_say(lang, "counts", rows=self.rows, objectives=self.objectives))
        if self.objectives_sheet:
            lines.append(_say(lang, "objectives_sheet", sheet=self.objectives_sheet, links=self.links))
        elif self.default_level[0]:
            lines.append(_say(lang, "default_level", level=self.default_level[0 if lang == "th" else 1]))
        if self.rows_without_objective:
            shown = ", ".join(str(r) for r in self.rows_without_objective[:20])
            lines.append(_say(lang, "no_objective", rows=shown))
        if self.unknown_formulas:
            cells = [f"{get_column_letter(c)}{r}" for r, c in self.unknown_formulas]
            shown = ", ".join(cells[:MAX_CELLS_SHOWN]) + _more(len(cells))
            lines.append(_say(lang, "unknown_formulas", cells=shown))
        if self.formula_objective_rows:
            rows_shown = self.formula_objective_rows
            shown = ", ".join(str(r) for r in rows_shown[:MAX_CELLS_SHOWN]) + _more(len(rows_shown))
            lines.append(_say(lang, "formula_objectives", rows=shown))
        lines += self._plan_lines(lang)
        lines.append(_say(lang, "columns"))
        for column in self.columns:
            heading = one_line(column.heading)
            kind = "level_column" if column.level else "extra" if column.extra else "mapped"
            lines.append(_say(lang, kind, letter=column.letter, heading=heading, label=column.label))
        if self.skipped:
            lines.append(_say(lang, "skipped"))
            for row, reason, text in self.skipped[:MAX_SKIPPED_SHOWN]:
                shown = f" — {' '.join(text.split())[:60]}" if text else ""
                lines.append(_say(lang, "skip_line", row=row, reason=_say(lang, reason), text=shown))
            if len(self.skipped) > MAX_SKIPPED_SHOWN:
                lines.append(f"  … (+{len(self.skipped) - MAX_SKIPPED_SHOWN})")
        return "\n".join(lines)

    def _plan_lines(self, lang: str) -> list[str]:
        """What the report says about an action plan's measures, heading block, budget and signers."""
        th = lang == "th"
        lines: list[str] = []
        if self.map_data:
            lines.append(_say(lang, "map_data", sheet=self.sheet))
            lines += [_say(lang, "renamed", old=old, new=new) for old, new in self.renamed_columns]
            if self.new_rows:
                lines.append(_say(lang, "new_rows", count=self.new_rows))
            if self.new_objectives:
                lines.append(_say(lang, "new_objectives", count=self.new_objectives))
        elif self.map_data_problem[0]:
            lines.append(_say(lang, "map_data_problem", reason=self.map_data_problem[0 if th else 1]))
        if self.measures:
            lines.append(_say(lang, "measures", count=self.measures))
        if self.plan_fields:
            names = ", ".join(_FIELDS[k][0 if th else 1] for k in self.plan_fields if k in _FIELDS)
            lines.append(_say(lang, "plan_fields", fields=names))
        if self.milestones:
            lines.append(_say(lang, "milestones", count=self.milestones))
        if self.signers:
            names = ", ".join(f"{role} ({name})" if name else role for role, name in self.signers)
            lines.append(_say(lang, "signers", names=names))
        if self.column_groups:
            groups = ", ".join(f"{label} ({' | '.join(keys)})" for label, keys in self.column_groups)
            lines.append(_say(lang, "column_groups", groups=groups))
        if self.digits in _DIGITS:
            lines.append(_say(lang, "digits", style=_DIGITS[self.digits][0 if th else 1]))
        if self.continued_rows:
            shown = ", ".join(str(r) for r in self.continued_rows[:MAX_CELLS_SHOWN])
            lines.append(_say(lang, "continued", rows=shown + _more(len(self.continued_rows))))
        for row, line in self.unread_budget[:MAX_CELLS_SHOWN]:
            lines.append(_say(lang, "unread_budget", row=row, line=" ".join(line.split())[:60]))
        if len(self.unread_budget) > MAX_CELLS_SHOWN:
            lines.append(f"  … (+{len(self.unread_budget) - MAX_CELLS_SHOWN})")
        if self.computed_total is not None or self.sheet_total is not None:
            total = self.computed_total or Decimal(0)
            if self.sheet_total is None:
                lines.append(_say(lang, "total_only", total=format_amount(total)))
            elif self.sheet_total == total:
                lines.append(_say(lang, "total_same", total=format_amount(total)))
            else:
                diff = format_amount(abs(self.sheet_total - total))
                sheet = format_amount(self.sheet_total)
                lines.append(_say(lang, "total_differs", total=format_amount(total), sheet=sheet, diff=diff))
        return lines

    @property
    def total_differs(self) -> bool:
        """Whether the sheet's own total row says another amount than its rows add up to."""
        return self.sheet_total is not None and self.sheet_total != (self.computed_total or Decimal(0))
