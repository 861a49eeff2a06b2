"""The Plan dialog: the action plan's heading block, Small Success milestones, signers and digits.

``install`` only connects Map → Action Plan…; the dialog's modules load when it is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow


def install(window: MainWindow) -> None:
    window.named_actions["plan"].triggered.connect(lambda _checked=False: _show(window))


def _show(window: MainWindow) -> None:
    from srmtool.ui.plan.dialog import edit_plan

    edit_plan(window)
