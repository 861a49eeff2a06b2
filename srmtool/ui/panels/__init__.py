"""The side panels around the canvas: properties of the selected objective, the map's stakeholders
(with the stakeholder × objective matrix), and the live check findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow


def install(window: MainWindow) -> None:
    """Put the three panels in docks: properties and stakeholders tabbed on the right, findings
    below them on the right (the table takes the bottom)."""
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
        "properties", lambda: QCoreApplication.translate("Panels", "Properties"), properties, right
    )
    second = window.add_dock(
        "stakeholders", lambda: QCoreApplication.translate("Panels", "Stakeholders"), stakeholders, right
    )
    window.tabifyDockWidget(first, second)
    first.raise_()
    third = window.add_dock(
        "findings", lambda: QCoreApplication.translate("Panels", "Check findings"), findings, right
    )
    window.resizeDocks([first], [320], Qt.Orientation.Horizontal)
    window.resizeDocks([first, third], [3, 1], Qt.Orientation.Vertical)  # findings: a quarter
