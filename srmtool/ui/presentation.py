"""(being built)"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow


def install(window: MainWindow) -> None:
    """Build this feature's widgets and connect its actions in window."""
