"""The features around the canvas, each installed into the main window by its own ``install``.

Order matters only for the menus' and panels' order: the table first (the biggest panel), then the
side panels, then what hangs off the menus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow


def install_all(window: MainWindow) -> None:
    from srmtool.ui import export as export_dialog
    from srmtool.ui import import_dialog, language, panels, plan, table
    from srmtool.ui.presentation import mode as presentation
    from srmtool.ui.recovery import feature as recovery
    from srmtool.ui.share import feature as share

    features = (table, panels, export_dialog, import_dialog, plan, recovery, presentation, share, language)
    for feature in features:
        feature.install(window)
