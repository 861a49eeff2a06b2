"""The main window's actions, made from ONE table of names, menu texts, shortcuts and icons
(``action_table.ACTIONS``), and the menus.

Shortcuts use ``QKeySequence.StandardKey`` wherever Qt has one, so each platform gets its own keys;
the fallback string applies only where the platform binds nothing (Quit on Windows, for example).
Each key is bound once, by the widget that owns it (``Spec.scope``): most actions belong to the
window; the map view makes and holds the map's own (zoom; and Cut, Copy, Paste, Delete, Select All
and F2, which are live only while the map has the keyboard focus), and the table view holds the
table's (the same keys on cells, live only while the table has the focus), so that the map, the
table, the panels and text boxes each keep those keys for their own work. The Edit menu shows the
map's or the table's, whichever had the focus. Texts are English source text in the "Actions"
translation context.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from srmtool.ui.action_table import ACTIONS, QT_TRANSLATE_NOOP, TABLE_EDIT_ACTIONS, Scope, Spec

__all__ = ["ACTIONS", "QT_TRANSLATE_NOOP", "TABLE_EDIT_ACTIONS", "Scope", "Spec"]

CONTEXT: Final = "Actions"

#: Menus in order as (key, title, entries); ``""`` is a separator; ``"recent"``, ``"panels"`` and
#: ``"language"`` are sub-menus the window makes (Open Recent, the panels' toggles, the languages).
MENUS: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File"),
     ("new", "new_from_template", "open", "recent", "", "save", "save_as", "save_copy", "",
      "share_room", "join_session", "leave_session", "", "import_xlsx", "",
      "export_xlsx", "export_pdf", "export_png", "export_svg", "", "quit")),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit"),
     ("undo", "redo", "", "cut", "copy", "paste", "delete", "", "select_all", "rename")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View"),
     ("zoom_in", "zoom_out", "zoom_reset", "fit", "", "map_only", "table_only", "", "full_screen",
      "presentation", "", "panels", "language")),
    ("map", QT_TRANSLATE_NOOP("Actions", "&Map"),
     ("map_details", "", "add_objective", "add_link", "key_route", "", "tidy", "check", "", "plan", "",
      "timer", "voting", "clear_votes")),
    ("table", QT_TRANSLATE_NOOP("Actions", "&Table"),
     ("add_row", "add_row_above", "add_row_below", "remove_row", "row_up", "row_down", "", "show_on_map", "",
      "edit_columns", "save_template")),
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
    """The theme's icon for action ``name``, else one the program draws (Undo, Redo), else a Qt
    style icon, else no icon."""
    spec = ACTIONS[name]
    if spec.theme_icon is not None and QIcon.hasThemeIcon(spec.theme_icon):
        return QIcon.fromTheme(spec.theme_icon)
    if name in ("undo", "redo"):
        from srmtool.ui.icons import history_icon

        return history_icon(redo=name == "redo")
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
    if spec.scope in ("map_focus", "table_focus"):
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
