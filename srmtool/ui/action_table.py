"""The table of the main window's actions: for each name its menu text, shortcuts, tip, icon and
the widget that holds it (``Spec.scope``). ``srmtool.ui.actions`` makes the actions and the menus
from it. Texts are English source text in the "Actions" translation context.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from typing import Final, Literal

from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QStyle

StandardKey = QKeySequence.StandardKey
ThemeIcon = QIcon.ThemeIcon
Pixmap = QStyle.StandardPixmap

# Who holds an action and where its keys work: ``window`` — the main window, in its menus and
# toolbar; ``map`` — the map view, wherever the map is shown (presentation mode too); ``map_focus`` —
# the map view, only while it (or an editor on it) has the keyboard focus; ``table_focus`` — the
# table view, only while it (or a cell editor in it) has the keyboard focus.
Scope = Literal["window", "map", "map_focus", "table_focus"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks ``text`` for translation in ``context``; ``translate`` looks it up when it is shown."""
    return text


@dataclass(frozen=True)
class Spec:
    """One action: menu text, key bindings and icon. ``keys`` hold StandardKeys or portable strings."""

    text: str
    keys: tuple[StandardKey | str, ...] = ()
    _: KW_ONLY
    fallback: str = ""  # used only when the StandardKeys in ``keys`` bind nothing on this platform
    tip: str = ""
    theme_icon: ThemeIcon | None = None
    style_icon: Pixmap | None = None
    scope: Scope = "window"


ACTIONS: Final[dict[str, Spec]] = {
    # File
    "new": Spec(
        QT_TRANSLATE_NOOP("Actions", "&New"),
        (StandardKey.New,),
        fallback="Ctrl+N",
        tip=QT_TRANSLATE_NOOP("Actions", "Start a new, empty map"),
        theme_icon=ThemeIcon.DocumentNew,
        style_icon=Pixmap.SP_FileIcon,
    ),
    "open": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Open…"),
        (StandardKey.Open,),
        fallback="Ctrl+O",
        tip=QT_TRANSLATE_NOOP("Actions", "Open a map file (.srm)"),
        theme_icon=ThemeIcon.DocumentOpen,
        style_icon=Pixmap.SP_DialogOpenButton,
    ),
    "save": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Save"),
        (StandardKey.Save,),
        fallback="Ctrl+S",
        tip=QT_TRANSLATE_NOOP("Actions", "Save the map"),
        theme_icon=ThemeIcon.DocumentSave,
        style_icon=Pixmap.SP_DialogSaveButton,
    ),
    "save_as": Spec(
        QT_TRANSLATE_NOOP("Actions", "Save &As…"),
        (StandardKey.SaveAs,),
        fallback="Ctrl+Shift+S",
        tip=QT_TRANSLATE_NOOP("Actions", "Save the map under a new name"),
        theme_icon=ThemeIcon.DocumentSaveAs,
    ),
    "new_from_template": Spec(
        QT_TRANSLATE_NOOP("Actions", "New from &Template…"),
        tip=QT_TRANSLATE_NOOP("Actions", "Start a new map with a chosen set of table columns"),
    ),
    "save_copy": Spec(
        QT_TRANSLATE_NOOP("Actions", "Save a &Copy…"),
        tip=QT_TRANSLATE_NOOP("Actions", "Save the map as it is now into another file, and go on here"),
    ),
    "share_room": Spec(
        QT_TRANSLATE_NOOP("Actions", "S&hare in the Room…"),
        tip=QT_TRANSLATE_NOOP("Actions", "Let the laptops in the room edit this map together with you"),
    ),
    "join_session": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Join a Session…"),
        tip=QT_TRANSLATE_NOOP("Actions", "Edit a map shared by another laptop in the room"),
    ),
    "leave_session": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Leave the Session"),
        tip=QT_TRANSLATE_NOOP("Actions", "Stop editing together; the map stays in this window"),
    ),
    "import_xlsx": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Import from Excel…"),
        ("Ctrl+I",),
        tip=QT_TRANSLATE_NOOP("Actions", "Make a map from an 11-column table or action plan in Excel"),
    ),
    "export_xlsx": Spec(
        QT_TRANSLATE_NOOP("Actions", "Export as &Excel…"),
        ("Ctrl+E",),
        tip=QT_TRANSLATE_NOOP("Actions", "Save the table and the map as an Excel workbook for printing"),
    ),
    "export_pdf": Spec(
        QT_TRANSLATE_NOOP("Actions", "Export as P&DF…"),
        (StandardKey.Print,),
        fallback="Ctrl+P",
        tip=QT_TRANSLATE_NOOP("Actions", "Save the map and the table as a PDF ready to print"),
        theme_icon=ThemeIcon.DocumentPrint,
    ),
    "export_png": Spec(
        QT_TRANSLATE_NOOP("Actions", "Export as &PNG…"),
        tip=QT_TRANSLATE_NOOP("Actions", "Save a picture of the map for slides"),
    ),
    "export_svg": Spec(
        QT_TRANSLATE_NOOP("Actions", "Export as S&VG…"),
        tip=QT_TRANSLATE_NOOP("Actions", "Save the map as a scalable drawing"),
    ),
    "clear_recent": Spec(QT_TRANSLATE_NOOP("Actions", "&Clear the List")),
    "quit": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        (StandardKey.Quit,),
        fallback="Ctrl+Q",
        theme_icon=ThemeIcon.ApplicationExit,
    ),
    # Edit (Undo and Redo come from the undo stack, which names the command; their keys live here)
    "undo": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        (StandardKey.Undo,),
        fallback="Ctrl+Z",
        theme_icon=ThemeIcon.EditUndo,  # else a curved arrow the program draws (actions.icon)
    ),
    "redo": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        (StandardKey.Redo, "Ctrl+Y"),  # Linux binds only Ctrl+Shift+Z; people expect Ctrl+Y too
        fallback="Ctrl+Shift+Z",
        theme_icon=ThemeIcon.EditRedo,
    ),
    "cut": Spec(
        QT_TRANSLATE_NOOP("Actions", "Cu&t"),
        (StandardKey.Cut,),
        fallback="Ctrl+X",
        theme_icon=ThemeIcon.EditCut,
        scope="map_focus",
    ),
    "copy": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Copy"),
        (StandardKey.Copy,),
        fallback="Ctrl+C",
        theme_icon=ThemeIcon.EditCopy,
        scope="map_focus",
    ),
    "paste": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Paste"),
        (StandardKey.Paste,),
        fallback="Ctrl+V",
        theme_icon=ThemeIcon.EditPaste,
        scope="map_focus",
    ),
    "delete": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Delete"),
        (StandardKey.Delete, "Backspace"),
        fallback="Del",
        tip=QT_TRANSLATE_NOOP("Actions", "Delete the selected objectives and arrows"),
        theme_icon=ThemeIcon.EditDelete,
        style_icon=Pixmap.SP_TrashIcon,
        scope="map_focus",
    ),
    "select_all": Spec(
        QT_TRANSLATE_NOOP("Actions", "Select &All"),
        (StandardKey.SelectAll,),
        fallback="Ctrl+A",
        theme_icon=ThemeIcon.EditSelectAll,
        scope="map_focus",
    ),
    "rename": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Edit Text"),
        ("F2",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Edit the selected objective's text, the destination or a level's name in place"
        ),
        scope="map_focus",
    ),
    # View
    "zoom_in": Spec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        (StandardKey.ZoomIn, "Ctrl+="),
        theme_icon=ThemeIcon.ZoomIn,
        scope="map",
    ),
    "zoom_out": Spec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        (StandardKey.ZoomOut,),
        fallback="Ctrl+-",
        theme_icon=ThemeIcon.ZoomOut,
        scope="map",
    ),
    "zoom_reset": Spec(QT_TRANSLATE_NOOP("Actions", "&Actual Size"), ("Ctrl+0",), scope="map"),
    "fit": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Fit to Window"),
        ("Ctrl+9",),
        tip=QT_TRANSLATE_NOOP("Actions", "Show the whole map"),
        theme_icon=ThemeIcon.ZoomFitBest,
        scope="map",
    ),
    "full_screen": Spec(
        QT_TRANSLATE_NOOP("Actions", "F&ull Screen"),
        (StandardKey.FullScreen,),
        fallback="F11",
        theme_icon=ThemeIcon.ViewFullscreen,
    ),
    "map_only": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Map Only"),
        ("Ctrl+Shift+M",),
        tip=QT_TRANSLATE_NOOP("Actions", "Show the map alone (again: the map with the table and panels)"),
    ),
    "table_only": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Table Only"),
        ("Ctrl+Shift+T",),
        tip=QT_TRANSLATE_NOOP("Actions", "Show the table alone (again: the map with the table and panels)"),
    ),
    "presentation": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Presentation Mode"),
        ("F5",),
        tip=QT_TRANSLATE_NOOP("Actions", "Show the map full screen for the room (Esc leaves)"),
    ),
    # Map
    "map_details": Spec(
        QT_TRANSLATE_NOOP("Actions", "Map &Details…"),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Title, organisation, area, period, authors, destination, level names and signers"
        ),
        theme_icon=ThemeIcon.DocumentProperties,
    ),
    "add_objective": Spec(
        QT_TRANSLATE_NOOP("Actions", "Add &Objective"),
        ("Ins", "Ctrl+Shift+N"),
        tip=QT_TRANSLATE_NOOP("Actions", "Type a new objective into the selected level"),
        theme_icon=ThemeIcon.ListAdd,
    ),
    "add_link": Spec(
        QT_TRANSLATE_NOOP("Actions", "Add &Link"),
        ("Ctrl+L",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Link two selected objectives (lower to upper), or click the cause, then the effect"
        ),
        theme_icon=ThemeIcon.InsertLink,
    ),
    "key_route": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Key Route"),
        ("Ctrl+K",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Put the selected objectives on the key route, or take them off when they all are"
        ),
    ),
    "tidy": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Tidy Layout"),
        ("Ctrl+Shift+L",),
        tip=QT_TRANSLATE_NOOP("Actions", "Line the boxes up in their levels, keeping their order"),
        theme_icon=ThemeIcon.FormatJustifyFill,
    ),
    "plan": Spec(
        QT_TRANSLATE_NOOP("Actions", "Action &Plan…"),
        ("Ctrl+Shift+P",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "The plan's heading, Small Success milestones and signers, printed with the table"
        ),
    ),
    "check": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Check Map"),
        ("F7",),
        tip=QT_TRANSLATE_NOOP("Actions", "Look for loops, downward arrows, empty text and more"),
        theme_icon=ThemeIcon.DialogInformation,
        style_icon=Pixmap.SP_MessageBoxInformation,
    ),
    "timer": Spec(
        QT_TRANSLATE_NOOP("Actions", "Countdown &Timer…"),
        ("Ctrl+T",),
        tip=QT_TRANSLATE_NOOP("Actions", "Time group work with a countdown on the map"),
    ),
    "voting": Spec(
        QT_TRANSLATE_NOOP("Actions", "Dot &Voting"),
        tip=QT_TRANSLATE_NOOP("Actions", "Each click on an objective adds one vote"),
    ),
    "clear_votes": Spec(QT_TRANSLATE_NOOP("Actions", "C&lear Votes")),
    # Table
    "add_row": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Add Row"),
        ("Ctrl+Shift+R",),
        tip=QT_TRANSLATE_NOOP("Actions", "Add a table row for the selected objective"),
    ),
    "remove_row": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Remove Row"),
        ("Ctrl+Shift+Del",),
        tip=QT_TRANSLATE_NOOP("Actions", "Remove the selected table rows"),
    ),
    "row_up": Spec(QT_TRANSLATE_NOOP("Actions", "Move Row &Up"), ("Ctrl+Shift+Up",)),
    "row_down": Spec(QT_TRANSLATE_NOOP("Actions", "Move Row &Down"), ("Ctrl+Shift+Down",)),
    "add_row_above": Spec(
        QT_TRANSLATE_NOOP("Actions", "Add Row A&bove"),
        tip=QT_TRANSLATE_NOOP("Actions", "Add a row for this row's objective above it"),
    ),
    "add_row_below": Spec(
        QT_TRANSLATE_NOOP("Actions", "Add Row Be&low"),
        tip=QT_TRANSLATE_NOOP("Actions", "Add a row for this row's objective below it"),
    ),
    "show_on_map": Spec(
        QT_TRANSLATE_NOOP("Actions", "Select the Objective on the &Map"),
        tip=QT_TRANSLATE_NOOP("Actions", "Select this row's objective on the map and show it there"),
    ),
    "edit_columns": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Columns…"),
        tip=QT_TRANSLATE_NOOP("Actions", "Rename, add, remove and reorder this map's table columns"),
    ),
    "save_template": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Save Columns as Template…"),
        tip=QT_TRANSLATE_NOOP("Actions", "Keep this map's columns for new maps"),
    ),
    # The table's own, held by the table view: live while the table has the keyboard focus
    "edit_cell": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Edit Cell"),
        ("F2",),
        tip=QT_TRANSLATE_NOOP("Actions", "Open the current cell to edit its text"),
        scope="table_focus",
    ),
    "cut_cells": Spec(
        QT_TRANSLATE_NOOP("Actions", "Cu&t Cells"),
        (StandardKey.Cut,),
        fallback="Ctrl+X",
        tip=QT_TRANSLATE_NOOP("Actions", "Copy the selected cells and clear them"),
        theme_icon=ThemeIcon.EditCut,
        scope="table_focus",
    ),
    "copy_cells": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Copy Cells"),
        (StandardKey.Copy,),
        fallback="Ctrl+C",
        tip=QT_TRANSLATE_NOOP("Actions", "Copy the selected cells as a table for Excel, LibreOffice or LINE"),
        theme_icon=ThemeIcon.EditCopy,
        scope="table_focus",
    ),
    "paste_cells": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Paste into Cells"),
        (StandardKey.Paste,),
        fallback="Ctrl+V",
        tip=QT_TRANSLATE_NOOP(
            "Actions",
            "Paste text or a block of cells from Excel, LibreOffice or LINE from the selected cell on",
        ),
        theme_icon=ThemeIcon.EditPaste,
        scope="table_focus",
    ),
    "clear_cells": Spec(
        QT_TRANSLATE_NOOP("Actions", "C&lear Cells"),
        (StandardKey.Delete, "Backspace"),
        fallback="Del",
        tip=QT_TRANSLATE_NOOP("Actions", "Empty the selected cells"),
        theme_icon=ThemeIcon.EditClear,
        scope="table_focus",
    ),
    "select_all_cells": Spec(
        QT_TRANSLATE_NOOP("Actions", "Select &All Cells"),
        (StandardKey.SelectAll,),
        fallback="Ctrl+A",
        theme_icon=ThemeIcon.EditSelectAll,
        scope="table_focus",
    ),
}

#: What the Edit menu shows instead of the map's actions while the table has the focus.
TABLE_EDIT_ACTIONS: Final[dict[str, str]] = {
    "cut": "cut_cells",
    "copy": "copy_cells",
    "paste": "paste_cells",
    "delete": "clear_cells",
    "select_all": "select_all_cells",
    "rename": "edit_cell",
}
