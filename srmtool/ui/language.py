"""(being built)"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow


def install(window: MainWindow) -> None:
    """Build this feature's widgets and connect its actions in window."""


def startup_language(settings: object, lang: str | None) -> str:
    """The interface language to start in: ``lang`` when given, else the user's choice, else the
    system's."""
    from srmtool.i18n import system_language

    return lang or system_language()


def install_translator(app: object, lang: str) -> None:
    """Make ``app`` speak ``lang`` (``"th"`` or ``"en"``)."""
