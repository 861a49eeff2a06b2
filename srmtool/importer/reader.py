"""Finding the table on a sheet: title rows, one or two heading rows, numbering, data, totals.

The heading row is the row, among the first ``SEARCH_ROWS``, whose cells name the most different
column keys (at least two). A row next to it joins it as a second heading row when the upper of the
two has a cell merged across columns (a group such as งบประมาณ over รายละเอียด / จำนวน) with
sub-headings under it; those groups are kept (``SheetTable.groups``). Rows that only number the
columns are skipped wherever they are. Rows above the headings are kept for the plan's heading
block (``above``); those holding one text are title lines. Below, a row starting with รวม / Total is
a total (kept in ``totals``, with the total in words below it reported, not imported); a measure
row ("มาตรการที่ ๒ …") after it goes on with the data (a subtotal per measure), anything else ends
it, as does a row that starts what comes under an action plan's table (ระดับขั้นความสำเร็จ,
หน่วยงานรับผิดชอบ, ลงชื่อ …). What follows the data is kept in ``below``. A row holding one text
across the table, or a measure row, is a section: in a table without an objective column (an action
plan) it starts a group of the rows below it (``sections``); otherwise it is reported and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from srmtool.importer.grid import Grid
from srmtool.importer.headings import is_numbering, match_heading, normalise

OBJECTIVE_KEY: Final = "objective"

SEARCH_ROWS: Final = 40
MAX_HEADING_CHARS: Final = 120
_TOTAL = re.compile(
    r"^(?:รวม(?:ทั้งสิ้น|ทั้งหมด|เงิน|เป็นเงิน|ยอด|งบประมาณ(?:ทั้งสิ้น|ทั้งหมด)?|มาตรการ(?:ที่)?\d*)?(?:\d+(?:บาท)?)?"
    r"|total|grandtotal|sum|subtotal)$"
)
#: A measure (or strategy, approach) row of an action plan: "มาตรการที่ ๑ …", "กลยุทธ์ที่ 2 …".
MEASURE = re.compile(r"^\s*(?:มาตรการ|ยุทธศาสตร์|กลยุทธ์|ประเด็นยุทธศาสตร์|แนวทาง)(?:ที่)?\s*[\d๐-๙]")
#: What starts the part under an action plan's table: Small Success, the office, the signatures.
_BELOW = re.compile(
    r"^\s*(?:ระดับขั้นความสำเร็จ|ระดับความสำเร็จ|ขั้นความสำเร็จ|small\s*success|ลงชื่อ|ลงนาม"
    r"|หน่วยงานรับผิดชอบ|หน่วยงานที่รับผิดชอบ|ผู้เสนอ|ผู้อนุมัติ|ผู้เห็นชอบ)",
    re.I,
)
_WORDS = re.compile(r"^[(\s]*[ก-๙]+บาท(?:ถ้วน|[ก-๙]*สตางค์)[)\s]*$")


@dataclass
class SheetColumn:
    index: int  # 1-based sheet column
    heading: str  # the heading text as in the sheet ("งบประมาณ / จำนวน" for two rows)
    key: str | None  # the matched column key, None for a column kept as an extra one
    score: float = 0.0


#: A sheet row as the cells that hold text: ``(sheet row, [(sheet column, text)])``.
SheetLine = tuple[int, list[tuple[int, str]]]


@dataclass
class SheetTable:
    sheet: str
    heading_rows: tuple[int, ...]
    columns: list[SheetColumn]
    data: list[tuple[int, dict[int, str]]]  # (sheet row, {sheet column: text})
    titles: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (row, reason, text)
    above: list[SheetLine] = field(default_factory=list)  # the rows above the headings
    below: list[SheetLine] = field(default_factory=list)  # the rows after the data
    sections: list[tuple[int, str]] = field(default_factory=list)  # (sheet row, text) of group rows
    totals: list[tuple[int, dict[int, str]]] = field(default_factory=list)  # total rows, their cells
    groups: list[tuple[str, list[int]]] = field(default_factory=list)  # (heading, sheet columns)


def _distinct(cells: list[str]) -> list[str]:
    return list(dict.fromkeys(c for c in cells if c))


def heading_score(cells: list[str]) -> tuple[int, float]:
    """(number of different keys, sum of their best scores) a row's cells name."""
    best: dict[str, float] = {}
    if len(_distinct(cells)) < 2:
        return 0, 0.0
    for text in cells:
        if not text or len(text) > MAX_HEADING_CHARS:
            continue
        found = match_heading(text)
        if found is not None:
            best[found[0]] = max(best.get(found[0], 0.0), found[1])
    return len(best), sum(best.values())


def find_heading_row(grid: Grid) -> tuple[int, tuple[int, float]]:
    """The heading row and its score; score (0, 0) when no row names two keys."""
    best_row, best = 0, (0, 0.0)
    for r in range(1, min(grid.height, SEARCH_ROWS) + 1):
        score = heading_score(grid.row(r))
        if score[0] >= 2 and score > best:
            best_row, best = r, score
    return best_row, best


def _group_pair(grid: Grid, row: int) -> tuple[int, int] | None:
    """The two heading rows when ``row`` and a neighbour form a grouped two-row heading."""
    for upper in (row, row - 1):
        lower = upper + 1
        if upper < 1 or lower > grid.height or is_numbering(grid.row(lower)):
            continue
        used = max((c for c, t in enumerate(grid.row(upper), 1) if t), default=0)
        for top, bottom, first, last in grid.wide:
            if top != upper or bottom != upper or (first == 1 and last >= used):
                continue
            subs = [grid.row(lower)[c - 1] for c in range(first, last + 1)]
            group = grid.row(upper)[first - 1]
            if all(subs) and len(set(subs)) == len(subs) and group not in subs:
                return upper, lower
    return None


def _headings(grid: Grid, rows: tuple[int, ...], width: int) -> list[tuple[str, tuple[str, float] | None]]:
    out: list[tuple[str, tuple[str, float] | None]] = []
    for c in range(1, width + 1):
        if len(rows) == 1:
            text = grid.row(rows[0])[c - 1]
            out.append((text, match_heading(text) if len(text) <= MAX_HEADING_CHARS else None))
            continue
        top, bottom = grid.row(rows[0])[c - 1], grid.row(rows[1])[c - 1]
        if not bottom or bottom == top:
            out.append((top, match_heading(top)))
        elif not top:
            out.append((bottom, match_heading(bottom)))
        else:
            text = f"{top} / {bottom}"
            found = match_heading(text)
            if found is None or found[1] < 1.0:
                alone = match_heading(bottom)
                if alone is not None and (found is None or alone[1] > found[1]):
                    found = alone
            out.append((text, found))
    return out


def _assign(headings: list[tuple[str, tuple[str, float] | None]], used: set[int]) -> list[SheetColumn]:
    """Each key to its best-scoring column (the leftmost on a tie); the rest stay extra columns."""
    winner: dict[str, tuple[float, int]] = {}
    for c, (_, found) in enumerate(headings, 1):
        if found is not None and (found[0] not in winner or found[1] > winner[found[0]][0]):
            winner[found[0]] = (found[1], c)
    owner = {c: key for key, (_, c) in winner.items()}
    columns: list[SheetColumn] = []
    for c, (text, found) in enumerate(headings, 1):
        if c not in used and not text:
            continue
        key = owner.get(c)
        columns.append(SheetColumn(c, text, key, found[1] if found and key else 0.0))
    return columns


def _kind(grid: Grid, r: int, cells: list[str], width: int) -> str:
    values = _distinct(cells)
    if not values:
        return "blank"
    if is_numbering(cells):
        return "numbering"
    if _TOTAL.match(normalise(values[0])):
        return "total"
    if len(values) == 1 and _WORDS.match(values[0].replace(" ", "")):
        return "total_words"
    if _BELOW.match(values[0]):
        return "below"
    if len(values) == 1 and MEASURE.match(values[0]):
        return "section"
    if len(values) == 1 and width > 1:
        span = grid.spans_columns(r, next(c for c, t in enumerate(cells, 1) if t))
        if span is not None and span[0] <= 1 and span[1] >= width:
            return "section"
    return ""


def sheet_line(grid: Grid, r: int) -> SheetLine:
    """Row ``r`` as the cells that hold text, a merged range's text once (at its first column)."""
    out: list[tuple[int, str]] = []
    for c, text in enumerate(grid.row(r), 1):
        span = grid.spans_columns(r, c) if text else None
        if text and (span is None or span[0] == c):
            out.append((c, text))
    return r, out


def _column_groups(grid: Grid, rows: tuple[int, ...]) -> list[tuple[str, list[int]]]:
    """The headings merged over several sub-headings of a two-row heading."""
    if len(rows) < 2:
        return []
    upper, lower = rows
    found: list[tuple[str, list[int]]] = []
    for top, bottom, first, last in grid.wide:
        if top != upper or bottom != upper:
            continue
        label = grid.row(upper)[first - 1]
        subs = [grid.row(lower)[c - 1] for c in range(first, last + 1)]
        if label and all(subs) and label not in subs:
            found.append((label, list(range(first, last + 1))))
    return sorted(found, key=lambda g: g[1][0])


def read_table(grid: Grid) -> SheetTable | None:
    """The table on ``grid``, or ``None`` when no heading row is found."""
    row, _ = find_heading_row(grid)
    if not row:
        return None
    pair = _group_pair(grid, row)
    rows: tuple[int, ...] = pair if pair else (row,)
    width = grid.width
    first_data = rows[-1] + 1
    used = {c for r in range(first_data, grid.height + 1) for c, t in enumerate(grid.row(r), 1) if t}
    headings = _headings(grid, rows, width)
    columns = _assign(headings, used)
    last = max((col.index for col in columns), default=0)
    table = SheetTable(sheet=grid.title, heading_rows=rows, columns=columns, data=[])
    table.groups = _column_groups(grid, rows)
    for r in range(1, rows[0]):
        values = _distinct(grid.row(r))
        if values and not is_numbering(grid.row(r)):
            table.above.append(sheet_line(grid, r))
        if len(values) == 1 and not is_numbering(grid.row(r)):
            table.titles.append(values[0])
        elif values:
            table.skipped.append((r, "numbering" if is_numbering(grid.row(r)) else "above", " ".join(values)))
    after_total = False
    groups_rows = not any(col.key == OBJECTIVE_KEY for col in columns)
    wanted = [col.index for col in columns]
    for r in range(first_data, grid.height + 1):
        cells = grid.row(r)[:last]
        kind = _kind(grid, r, cells, last)
        if after_total and kind not in ("blank", "total", "total_words", "section"):
            kind = "below"
        if kind == "below":
            rest = range(r, grid.height + 1)
            table.below.extend(sheet_line(grid, b) for b in rest if _distinct(grid.row(b)))
            break
        if kind == "section" and groups_rows:
            table.sections.append((r, _distinct(cells)[0]))
            after_total = False
            continue
        if kind:
            if kind == "total":
                table.totals.append((r, {c: grid.row(r)[c - 1] for c in range(1, last + 1)}))
            after_total = after_total or kind in ("total", "total_words")
            table.skipped.append((r, kind, " ".join(_distinct(cells))[:80]))
            continue
        table.data.append((r, {c: grid.row(r)[c - 1] for c in wanted}))
    last_data = table.data[-1][0] if table.data else 0
    while table.skipped and table.skipped[-1][1] == "blank" and table.skipped[-1][0] > last_data:
        table.skipped.pop()  # blank rows below the table are not worth reporting
    return table
