"""Which keys the actions under a window answer, and which of them clash (two actions that could
both answer one key at once, so that Qt runs neither)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def all_shortcuts(owner: QObject) -> dict[str, list[str]]:
    """Shortcut text of every action under ``owner`` by action name."""
    found: dict[str, list[str]] = {}
    for action in owner.findChildren(QAction):
        for key in action.shortcuts():
            found.setdefault(key.toString(), []).append(action.objectName())
    return found


def clashing_shortcuts(owner: QObject) -> dict[str, list[str]]:
    """Keys that two actions under ``owner`` could both answer at once (Qt then runs neither), with
    their names: two live in the whole window, or one there and one in a widget, or both in one widget
    or in a widget and another inside it. The same key in two separate widgets (Delete in the map and
    in the stakeholder table) is no clash."""
    bound: dict[str, list[QAction]] = {}
    for action in owner.findChildren(QAction):
        for sequence in action.shortcuts():
            bound.setdefault(sequence.toString(), []).append(action)
    clashes: dict[str, list[str]] = {}
    for key, found in bound.items():
        names = {
            name
            for i, first in enumerate(found)
            for second in found[i + 1 :]
            if _live_together(first, second)
            for name in (first.objectName(), second.objectName())
        }
        if names:
            clashes[key] = sorted(names)
    return clashes


def _homes(action: QAction) -> list[QWidget] | None:
    """The widgets whose focus makes ``action``'s keys live; None: the whole window."""
    widget_scoped = (Qt.ShortcutContext.WidgetShortcut, Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if action.shortcutContext() not in widget_scoped:
        return None
    return [w for w in action.associatedObjects() if isinstance(w, QWidget)]


def _live_together(first: QAction, second: QAction) -> bool:
    ours, theirs = _homes(first), _homes(second)
    if ours is None or theirs is None:
        return True
    return any(a is b or a.isAncestorOf(b) or b.isAncestorOf(a) for a in ours for b in theirs)
