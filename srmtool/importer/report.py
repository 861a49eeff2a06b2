"""What an import did, for the user to check: the sheet, the column mapping, what was skipped.

``ImportReport.render(lang)`` gives the report as lines of Thai ("th") or English text; the command
line prints them and the editor shows them in a dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from openpyxl.utils import get_column_letter

from srmtool.importer.headings import one_line

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
    "skip_line": ("  แถว {row}: {reason}{text}", "  row {row}: {reason}{text}"),
}
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
