"""The limits of a map (DESIGN.md §3), in one place.

They are checked the same way when a file loads, when it is saved and wherever a value can be
made (the editor's inputs, the Excel import, a paste), so a map that loads can always be saved and
a refusal quotes the limit that applies. ``srmtool.model.srmfile.validate`` holds the checks.
"""

from __future__ import annotations

from typing import Final

#: A file larger than this is refused from its size alone, without reading it; a map whose saved
#: form would be larger cannot be saved (and is refused on load, so that what loads can be saved).
MAX_FILE_BYTES: Final = 20 * 1024 * 1024
#: Deepest nesting of JSON arrays and objects (a map needs 5; unknown keys may add a few).
MAX_DEPTH: Final = 64
MAX_OBJECTIVES: Final = 20_000
MAX_LINKS: Final = 100_000
MAX_STAKEHOLDERS: Final = 10_000
MAX_ROWS: Final = 50_000
#: Columns of the table, and filled cells of one row.
MAX_COLUMNS: Final = 200
#: Longest id, column key or objective code, in characters.
MAX_ID_CHARS: Final = 256
#: Longest objective code (the label people see, ป1 …), in characters.
MAX_CODE_CHARS: Final = MAX_ID_CHARS
#: Longest text of any other kind (objective text, notes, a table cell, a label, a name), in characters.
MAX_TEXT_CHARS: Final = 100_000
#: Largest distance of a box from the origin, in scene units.
MAX_COORDINATE: Final = 1_000_000.0
#: Widest table column, in Excel character widths.
MAX_COLUMN_WIDTH: Final = 10_000

#: Entries of one list of the plan's heading block (objectives, indicators, rationale paragraphs)
#: and Small Success milestones of one plan.
MAX_PLAN_ITEMS: Final = 1_000
#: Signature blocks a map prints.
MAX_SIGNERS: Final = 20
#: The latest month a Small Success milestone may fall on (3, 6, 9, 12 on the office sheets).
MAX_MILESTONE_MONTHS: Final = 60


def clip_text(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters (for inputs that take what fits)."""
    return text if len(text) <= limit else text[:limit]


#: Reporting periods one table row (or one milestone) holds follow-up records for.
MAX_PERIODS: Final = 240
#: The largest amount of baht a progress report may say was spent, and the largest result value.
MAX_AMOUNT: Final = 10**13
