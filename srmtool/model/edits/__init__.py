"""What a gesture means, as model operations: the editor's plans, pure and without Qt.

Gesture → plan (here) → ``Document.edit`` (one undo step) → operations → change records → views.
Each planner reads the map and returns the operations (empty when the gesture changes nothing);
none of them changes the map. Undo texts are the editor's business: a planner returns what a text
needs (``DeleteSummary``), never the text.
"""

from __future__ import annotations

from srmtool.model.edits.boxes import (
    DeleteSummary,
    cause_and_effect,
    delete_operations,
    delete_summary,
    keep_lower_bands,
    key_route_operations,
    move_operations,
    paste_operations,
    place_box,
    position_operations,
)
from srmtool.model.edits.cells import (
    CellsPaste,
    clear_cells_operations,
    column_width_operations,
    copy_cells,
    objective_labels,
    paste_cells,
    row_beside,
)
from srmtool.model.edits.people import (
    assign_operations,
    clear_votes_operations,
    toggle_operations,
    vote_operations,
)
from srmtool.model.edits.plan import (
    digits_operations,
    fresh_milestones,
    milestone_operations,
    plan_list_operations,
    plan_operations,
    plan_text_operations,
    signer_operations,
    style_operations,
)
from srmtool.model.edits.progress import (
    clear_operations,
    field_operations,
    forget_reports,
    parse_number,
    setting_operations,
    status_operations,
    tick_operations,
)
from srmtool.model.edits.table import (
    column_operations,
    filled_cells,
    insert_position,
    move_rows_operations,
    new_column_key,
    new_row,
    remove_rows_operations,
    reorder_operations,
)

__all__ = [
    "CellsPaste",
    "DeleteSummary",
    "clear_operations",
    "field_operations",
    "forget_reports",
    "parse_number",
    "setting_operations",
    "status_operations",
    "tick_operations",
    "digits_operations",
    "fresh_milestones",
    "milestone_operations",
    "plan_list_operations",
    "plan_operations",
    "plan_text_operations",
    "signer_operations",
    "style_operations",
    "assign_operations",
    "cause_and_effect",
    "clear_cells_operations",
    "clear_votes_operations",
    "column_operations",
    "column_width_operations",
    "copy_cells",
    "delete_operations",
    "delete_summary",
    "filled_cells",
    "insert_position",
    "keep_lower_bands",
    "key_route_operations",
    "move_operations",
    "move_rows_operations",
    "objective_labels",
    "new_column_key",
    "new_row",
    "paste_cells",
    "paste_operations",
    "place_box",
    "position_operations",
    "remove_rows_operations",
    "reorder_operations",
    "row_beside",
    "toggle_operations",
    "vote_operations",
]
