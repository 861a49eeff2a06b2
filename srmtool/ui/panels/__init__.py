"""The side panels around the canvas: properties of the selected objective, the map's stakeholders
(with the stakeholder × objective matrix), and the live check findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from srmtool.ui.window_layout import STATE_KEY

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow


def scrolled(panel: QWidget) -> QScrollArea:
    """``panel`` in a frameless scroll area: it fills the dock when there is room and scrolls when
    there is not, so a dock never keeps the table under it from growing (a panel's own minimum
    height once left the table 1.5 rows at 1366×768)."""
    area = QScrollArea()
    area.setObjectName(f"{panel.objectName() or 'panel'}_scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    return area


def install(window: MainWindow) -> None:
    """Put the three panels in docks: properties and stakeholders tabbed on the right, findings
    below them on the right, two fifths of the height (the table takes the bottom). The typed
    handles (``window.properties`` …) are the panels; the docks hold them in scroll areas."""
    from srmtool.ui.panels.findings import FindingsPanel
    from srmtool.ui.panels.properties import PropertiesPanel
    from srmtool.ui.panels.stakeholders import StakeholdersPanel

    right = Qt.DockWidgetArea.RightDockWidgetArea
    properties = window.properties = PropertiesPanel(window.document, window.selection, window)
    stakeholders = window.stakeholders = StakeholdersPanel(window.document, window.selection, window)
    findings = window.findings = FindingsPanel(
        window.document, window.scene, window.view, lambda: window.lang, window
    )
    first = window.add_dock(
        "properties", lambda: QCoreApplication.translate("Panels", "Properties"), scrolled(properties), right
    )
    second = window.add_dock(
        "stakeholders",
        lambda: QCoreApplication.translate("Panels", "Stakeholders"),
        scrolled(stakeholders),
        right,
    )
    window.tabifyDockWidget(first, second)
    first.raise_()
    third = window.add_dock(
        "findings", lambda: QCoreApplication.translate("Panels", "Check findings"), scrolled(findings), right
    )
    window.resizeDocks([first], [320], Qt.Orientation.Horizontal)

    def share_height() -> None:  # findings: two fifths, once the window has its size
        window.resizeDocks([first, third], [3, 2], Qt.Orientation.Vertical)

    share_height()
    if not window.settings.contains(STATE_KEY):  # a layout the user left is restored instead
        QTimer.singleShot(0, window, share_height)
