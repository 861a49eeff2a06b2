"""The main window's actions: ONE table of names, menu texts, shortcuts and icons, and the menus.

Shortcuts use ``QKeySequence.StandardKey`` wherever Qt has one, so each platform gets its own keys;
the fallback string applies only where the platform binds nothing (Quit on Windows, for example).
Each key is bound once, by the widget that owns it (``Spec.scope``): most actions belong to the
window; the map view makes and holds the map's own (zoom, and Delete and F2, which are live only while
the map has the keyboard focus, so that the table, the panels and text boxes keep those keys for their
own work). Texts are English source text in the "Actions" translation context.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from typing import Final, Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

StandardKey = QKeySequence.StandardKey
ThemeIcon = QIcon.ThemeIcon
Pixmap = QStyle.StandardPixmap
CONTEXT: Final = "Actions"

#: Who holds an action and where its keys work: ``window`` — the main window, in its menus and
#: toolbar; ``map`` — the map view, wherever the map is shown (presentation mode too); ``map_focus`` —
#: the map view, only while it (or an editor on it) has the keyboard focus.
Scope = Literal["window", "map", "map_focus"]


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
        theme_icon=ThemeIcon.EditUndo,
        style_icon=Pixmap.SP_ArrowBack,
    ),
    "redo": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        (StandardKey.Redo, "Ctrl+Y"),  # Linux binds only Ctrl+Shift+Z; people expect Ctrl+Y too
        fallback="Ctrl+Shift+Z",
        theme_icon=ThemeIcon.EditRedo,
        style_icon=Pixmap.SP_ArrowForward,
    ),
    "cut": Spec(
        QT_TRANSLATE_NOOP("Actions", "Cu&t"),
        (StandardKey.Cut,),
        fallback="Ctrl+X",
        theme_icon=ThemeIcon.EditCut,
    ),
    "copy": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Copy"),
        (StandardKey.Copy,),
        fallback="Ctrl+C",
        theme_icon=ThemeIcon.EditCopy,
    ),
    "paste": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Paste"),
        (StandardKey.Paste,),
        fallback="Ctrl+V",
        theme_icon=ThemeIcon.EditPaste,
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
    ),
    "rename": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Edit Text"),
        ("F2",),
        tip=QT_TRANSLATE_NOOP("Actions", "Edit the selected objective's text in place"),
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
    "presentation": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Presentation Mode"),
        ("F5",),
        tip=QT_TRANSLATE_NOOP("Actions", "Show the map full screen for the room (Esc leaves)"),
    ),
    # Map
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
            "Actions", "Draw an arrow from the lower of two selected objectives to the upper"
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
    "edit_columns": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Columns…"),
        tip=QT_TRANSLATE_NOOP("Actions", "Rename, add, remove and reorder this map's table columns"),
    ),
    "save_template": Spec(
        QT_TRANSLATE_NOOP("Actions", "&Save Columns as Template…"),
        tip=QT_TRANSLATE_NOOP("Actions", "Keep this map's columns for new maps"),
    ),
}

#: Menus in order as (key, title, entries); ``""`` is a separator; ``"recent"``, ``"panels"`` and
#: ``"language"`` are sub-menus the window makes (Open Recent, the panels' toggles, the languages).
MENUS: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File"),
     ("new", "new_from_template", "open", "recent", "", "save", "save_as", "", "import_xlsx", "",
      "export_xlsx", "export_pdf", "export_png", "export_svg", "", "quit")),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit"),
     ("undo", "redo", "", "cut", "copy", "paste", "delete", "", "select_all", "rename")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View"),
     ("zoom_in", "zoom_out", "zoom_reset", "fit", "", "full_screen", "presentation", "",
      "panels", "language")),
    ("map", QT_TRANSLATE_NOOP("Actions", "&Map"),
     ("add_objective", "add_link", "key_route", "", "tidy", "check", "", "timer", "voting", "clear_votes")),
    ("table", QT_TRANSLATE_NOOP("Actions", "&Table"),
     ("add_row", "remove_row", "row_up", "row_down", "", "edit_columns", "save_template")),
)  # fmt: skip

TOOLBAR: Final[tuple[str, ...]] = (
    "new", "open", "save", "", "undo", "redo", "", "add_objective", "add_link", "delete", "", "tidy",
    "check", "", "zoom_in", "zoom_out", "fit",
)  # fmt: skip

RECENT_MENU_TEXT: Final = QT_TRANSLATE_NOOP("Actions", "Open &Recent")
SUBMENU_TEXT: Final[dict[str, str]] = {
    "recent": RECENT_MENU_TEXT,
    "panels": QT_TRANSLATE_NOOP("Actions", "&Panels"),
    "language": QT_TRANSLATE_NOOP("Actions", "&Language"),
}


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def key_sequences(name: str) -> list[QKeySequence]:
    """The key bindings of action ``name`` on this platform (first one shown in menus)."""
    spec = ACTIONS[name]
    keys: list[QKeySequence] = []
    for key in spec.keys:
        if isinstance(key, str):
            keys.append(QKeySequence(key))
        else:
            keys.extend(QKeySequence.keyBindings(key))
    if not keys and spec.fallback:
        keys.append(QKeySequence(spec.fallback))
    seen: set[str] = set()
    unique = []
    for k in keys:
        if not k.isEmpty() and k.toString() not in seen:
            seen.add(k.toString())
            unique.append(k)
    return unique


def icon(name: str, widget: QWidget) -> QIcon:
    """The theme's icon for action ``name``, else a Qt style icon, else no icon."""
    spec = ACTIONS[name]
    if spec.theme_icon is not None and QIcon.hasThemeIcon(spec.theme_icon):
        return QIcon.fromTheme(spec.theme_icon)
    if spec.style_icon is not None:
        return widget.style().standardIcon(spec.style_icon)
    return QIcon()


def names_held_by(*scopes: Scope) -> tuple[str, ...]:
    """The names of the actions whose ``scope`` is one of these, in table order."""
    return tuple(name for name, spec in ACTIONS.items() if spec.scope in scopes)


def is_key_of(event: QKeyEvent, name: str) -> bool:
    """Whether the key ``event`` is one of the keys of action ``name`` (for a widget that does that
    action's kind of work on its own things, like Delete in a table)."""
    pressed = QKeySequence(event.keyCombination())
    return any(pressed == key for key in key_sequences(name))


def dress(action: QAction, name: str, widget: QWidget, *, keep_text: bool = False) -> QAction:
    """Give ``action`` the table's text, keys, tip and icon for ``name`` and name it ``name``."""
    spec = ACTIONS[name]
    action.setObjectName(name)
    if not keep_text:
        action.setText(translate(spec.text))
    if spec.tip:
        action.setStatusTip(translate(spec.tip))
    action.setShortcuts(key_sequences(name))
    if spec.scope == "map_focus":
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setIcon(icon(name, widget))
    return action


def create_actions(parent: QWidget, names: tuple[str, ...] | None = None) -> dict[str, QAction]:
    """One QAction per table entry (except Undo and Redo, which the undo stack makes), or per entry
    named. Their keys work once a widget shows them (a menu, a toolbar, ``QWidget.addAction``)."""
    actions: dict[str, QAction] = {}
    for name in names if names is not None else tuple(ACTIONS):
        if name in ("undo", "redo"):
            continue
        actions[name] = dress(QAction(parent), name, parent)
    return actions
