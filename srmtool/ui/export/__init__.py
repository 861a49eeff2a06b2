"""The export dialog: Excel, PDF, PNG and SVG with their options, written off the UI thread.

``install`` only connects the window's Export actions: the dialog's modules load when one is used,
not while the window opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from srmtool.export.options import KINDS

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow


def install(window: MainWindow) -> None:
    """Connect the four Export actions to the dialog, each choosing its format."""
    for kind in KINDS:
        action = window.named_actions[f"export_{kind}"]
        action.triggered.connect(lambda _checked=False, kind=kind: _show(window, kind))


def _show(window: MainWindow, kind: str) -> None:
    from srmtool.ui.export.dialog import show_export_dialog

    show_export_dialog(window, kind)
