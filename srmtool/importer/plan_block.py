"""What an office action plan holds around its table, read from the sheet's rows (no Qt, no openpyxl).

Above the table, the heading block (``read_heading_block``): lines labelled แผนงาน, โครงการ,
วัตถุประสงค์ (a numbered list), ตัวชี้วัด, หลักการและเหตุผล (paragraphs), หน่วยงานรับผิดชอบ — the value
after the label in the same cell (after ":" or a space), in the cells beside it, or, for the lists,
on the lines below; lines before the first label are the title. Below the table
(``read_below``): ระดับขั้นความสำเร็จ (Small Success) as a table of month columns ("๓ เดือน" …
"๑๒ เดือน", "ไตรมาส ๑" …) or as labelled lines ("๓ เดือน : …"), the responsible office, and the
signature blocks ("ลงชื่อ …… ผู้เสนอแผน", "(name)", "ตำแหน่ง …"), stacked or side by side.
Each reader says which sheet rows it used; the rest is reported as skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from srmtool.importer.reader import SheetLine
from srmtool.model.numbers import to_arabic_digits

#: Labels of the heading block, by the key of ``plan`` they fill, longest first where one starts another.
_LABELS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (key, re.compile(rf"^\s*(?:{pattern})\s*(?:[:：]\s*|\s+|$)", re.I))
    for key, pattern in (
        ("programme", r"ชื่อแผนงาน|แผนงาน"),
        ("project", r"ชื่อโครงการ|โครงการ"),
        ("objectives", r"วัตถุประสงค์(?:ของโครงการ)?"),
        ("indicators", r"ตัวชี้วัด(?:ความสำเร็จ|โครงการ|ของโครงการ)?|KPI"),
        ("rationale", r"หลักการ(?:และ)?เหตุผล|ความเป็นมา"),
        ("office", r"หน่วยงาน(?:ที่)?รับผิดชอบ(?:โครงการ)?"),
    )
)
LIST_KEYS: Final = ("objectives", "indicators", "rationale")
_NUMBERING = re.compile(r"^\s*(?:\(?[\d๐-๙]{1,2}(?:\.[\d๐-๙]{1,2})?\s*[.)]|[-•·*▪●○])\s*")
_SMALL_SUCCESS = re.compile(r"^\s*(?:ระดับขั้นความสำเร็จ|ระดับความสำเร็จ|ขั้นความสำเร็จ|small\s*success)", re.I)
_MONTHS = re.compile(
    r"^\s*(?:(?P<m>\d{1,2})\s*เดือน|ไตรมาส(?:ที่)?\s*(?P<q>[1-4]))\s*(?:[:：-]\s*)?(?P<rest>.*)$", re.S
)
_SIGN = re.compile(r"^\s*(?:ลงชื่อ|ลงนาม)\s*(?P<rest>.*)$", re.S)
_DOTS = re.compile(r"^[\s.…_·-]*")
_ROLE = re.compile(r"^\s*ผู้(?:เสนอ|อนุมัติ|เห็นชอบ|จัดทำ|ตรวจสอบ|รับรอง|รับผิดชอบ)\S*\s*$")
_POSITION = re.compile(r"^\s*ตำแหน่ง\s*[:：]?\s*")


def _label(text: str) -> tuple[str, str] | None:
    for key, pattern in _LABELS:
        found = pattern.match(text)
        if found:
            return key, text[found.end() :].strip()
    return None


def _items(text: str) -> list[str]:
    """A cell of a list: one item per line, numbering and bullets taken off."""
    out = []
    for line in text.split("\n"):
        item = _NUMBERING.sub("", line, count=1).strip()
        if item:
            out.append(" ".join(item.split()))
    return out


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


@dataclass
class HeadingBlock:
    titles: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # programme, project, office
    lists: dict[str, list[str]] = field(default_factory=dict)  # objectives, indicators, rationale
    used: set[int] = field(default_factory=set)  # sheet rows read


def read_heading_block(lines: list[SheetLine]) -> HeadingBlock:
    """The title and heading block in the rows above the table."""
    block = HeadingBlock()
    current: str | None = None
    for row, cells in lines:
        if not cells:
            continue
        first = cells[0][1]
        found = _label(first)
        rest = "\n".join(t for _, t in cells[1:])
        if found is not None:
            current, value = found[0], "\n".join(part for part in (found[1], rest) if part)
        elif current is None:  # the title: one text to a row, as before the heading block
            if len(cells) == 1:
                block.titles.append(first)
                block.used.add(row)
            continue
        else:
            value = "\n".join(t for _, t in cells)
        block.used.add(row)
        if current in LIST_KEYS:
            add = _paragraphs(value) if current == "rationale" else _items(value)
            block.lists.setdefault(current, []).extend(add)
        elif value.strip():
            shown = " ".join(value.split())
            block.texts[current] = f"{block.texts[current]} {shown}" if current in block.texts else shown
    return block


@dataclass
class Below:
    milestones: list[tuple[int, str]] = field(default_factory=list)  # (months, text)
    office: str = ""
    signers: list[tuple[str, str, str]] = field(default_factory=list)  # (role, name, position)
    used: set[int] = field(default_factory=set)


def _months(text: str) -> tuple[int, str] | None:
    found = _MONTHS.match(to_arabic_digits(text))
    if found is None:
        return None
    months = int(found.group("m")) if found.group("m") else 3 * int(found.group("q"))
    if not 1 <= months <= 60:
        return None
    cut = len(text) - len(found.group("rest"))
    return months, text[cut:].strip()


def _small_success(lines: list[SheetLine], start: int, below: Below) -> int:
    """Milestones from line ``start`` on; the index of the first line that is not one."""
    header: dict[int, int] = {}  # sheet column -> months
    i = start
    while i < len(lines):
        row, cells = lines[i]
        first = cells[0][1] if cells else ""
        if _SIGN.match(first) or _ROLE.match(first) or (_label(first) or ("",))[0] == "office":
            break
        months = [_months(t) for _, t in cells]
        if len(cells) >= 2 and all(m is not None and not m[1] for m in months):
            header = {c: m[0] for (c, _), m in zip(cells, months, strict=True) if m is not None}
        elif months and months[0] is not None:
            rest = "\n".join([months[0][1], *(t for _, t in cells[1:])])
            below.milestones += [(months[0][0], item) for item in _items(rest)]
        elif header:
            for c, text in cells:
                at = max((hc for hc in header if hc <= c), default=min(header))
                below.milestones += [(header[at], item) for item in _items(text)]
        else:
            break
        below.used.add(row)
        i += 1
    return i


def _signature(lines: list[SheetLine], i: int, column: int, until: int, text: str, below: Below) -> None:
    """One signature block whose "ลงชื่อ" cell is at ``column`` of line ``i``."""
    found = _SIGN.match(text)
    assert found is not None
    role = _DOTS.sub("", found.group("rest")).strip()
    row, cells = lines[i]
    if not role:
        role = next((t.strip() for c, t in cells if column < c < until and _DOTS.sub("", t).strip()), "")
    if not role and i > 0:  # the role on the line above: "ผู้เสนอแผน" / "ลงชื่อ ……"
        role = next((t.strip() for c, t in lines[i - 1][1] if column <= c < until and _ROLE.match(t)), "")
        if role:
            below.used.add(lines[i - 1][0])
    name = position = ""
    for row_below, cells_below in lines[i + 1 : i + 4]:
        texts = [t.strip() for c, t in cells_below if column <= c < until]
        if not texts or any(_SIGN.match(t) for t in texts):
            break
        line = " ".join(texts)
        if line.startswith("(") and not name:
            name = " ".join(_DOTS.sub("", line.strip("() ")).rstrip(" .…").split())
        elif _ROLE.match(line) and not role:
            role = line
        elif not position:
            position = " ".join(_POSITION.sub("", line).split())
        else:
            break
        below.used.add(row_below)
    below.signers.append((" ".join(role.rstrip(" .…").split()), name, position))
    below.used.add(row)


def read_below(lines: list[SheetLine]) -> Below:
    """Small Success, the responsible office and the signers in the rows after the table."""
    below = Below()
    i = 0
    while i < len(lines):
        row, cells = lines[i]
        first = cells[0][1] if cells else ""
        if _SMALL_SUCCESS.match(first):
            below.used.add(row)
            i = _small_success(lines, i + 1, below)
            continue
        found = _label(first)
        if found is not None and found[0] == "office":
            value = " ".join([found[1], *(t for _, t in cells[1:])]).strip()
            below.office = " ".join(value.split())
            below.used.add(row)
        signs = [(c, t) for c, t in cells if _SIGN.match(t)]
        for n, (c, t) in enumerate(signs):
            until = signs[n + 1][0] if n + 1 < len(signs) else 10**6
            _signature(lines, i, c, until, t, below)
        i += 1
    return below
