"""Widgets that set their texts again when the interface language changes (View → Language).

A widget with a ``retranslate()`` method calls ``follow_language(self)`` in its constructor instead
of calling ``retranslate()`` itself: its texts are set now, and again on every ``LanguageChange``
Qt sends when a translator is installed or removed.
"""

from __future__ import annotations

from typing import Protocol, cast

from PySide6.QtCore import QEvent, QObject
from typing_extensions import override


class Retranslatable(Protocol):
    def retranslate(self) -> None: ...


class _Follower(QObject):
    """An event filter, child of the widget it watches; it keeps no reference to the widget."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            cast(Retranslatable, watched).retranslate()
        return False


def follow_language(widget: QObject) -> None:
    """Set ``widget``'s texts now (its ``retranslate()``) and whenever the language changes."""
    cast(Retranslatable, widget).retranslate()
    widget.installEventFilter(_Follower(widget))
