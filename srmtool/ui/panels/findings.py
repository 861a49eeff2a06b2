"""The findings panel: what the checks report about the map, kept up to date as it changes.
Clicking a finding (or Enter on it) selects its objectives on the map and brings them into view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from srmtool.model.checks import Finding
from srmtool.model.types import RouteMap
from srmtool.ui.canvas.scene import MapScene
from srmtool.ui.canvas.text import thai_layout_text
from srmtool.ui.canvas.view import MapView
from srmtool.ui.document import Document
from srmtool.ui.follow_language import follow_language
from srmtool.ui.panels.common import item_label

_INDEX_ROLE = Qt.ItemDataRole.UserRole
_LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the line without break marks


def severity_text(severity: str) -> str:
    texts = {
        "error": QCoreApplication.translate("Panels", "Error"),
        "warning": QCoreApplication.translate("Panels", "Warning"),
        "info": QCoreApplication.translate("Panels", "Note"),
    }
    return texts.get(severity, severity)


def finding_line(route_map: RouteMap, finding: Finding, lang: str) -> str:
    """One line for a finding: in brackets the codes of its objectives (or the names of its
    stakeholders) that its message in ``lang`` does not name already, then the message."""
    message = finding.message(lang)
    labels = [label for i in finding.ids if (label := item_label(route_map, i)) not in message]
    where = f"[{', '.join(labels)}] " if labels else ""
    return f"{where}{message}"


def objectives_of(route_map: RouteMap, finding: Finding) -> list[str]:
    """The objectives a finding is about: its objective ids and the objectives of its table rows."""
    ids: list[str] = []
    for item_id in finding.ids:
        row = route_map.row(item_id)
        oid = row.objective if row is not None else item_id
        if route_map.objective(oid) is not None and oid not in ids:
            ids.append(oid)
    return ids


class FindingsPanel(QWidget):
    """Lists ``document.findings()`` after every ``findings_changed``; ``lang`` picks the messages'
    language (``window.lang``, read each time through ``lang_of``)."""

    def __init__(
        self,
        document: Document,
        scene: MapScene,
        view: MapView,
        lang_of: Callable[[], str] = lambda: "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findings_panel")
        self._document = document
        self._scene = scene
        self._view = view
        self._lang_of = lang_of
        self._findings: list[Finding] = []
        self.list = QListWidget(self)
        self.list.setObjectName("findings_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(False)
        self.list.setIconSize(QSize(16, 16))  # room for more findings than two
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.empty_label)
        self._stack.addWidget(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self.list.itemClicked.connect(self.show_item)
        self.list.itemActivated.connect(self.show_item)
        document.findings_changed.connect(self.refresh)
        document.reset.connect(self.refresh)
        follow_language(self)

    def retranslate(self) -> None:
        self.empty_label.setText(self.tr("No problems found"))
        self.list.setToolTip(self.tr("Click a finding to select its objectives on the map"))
        self.refresh()

    @override
    def sizeHint(self) -> QSize:
        return QSize(340, 220)  # the dock's first size: room for the map beside it, and five findings

    @property
    def findings(self) -> list[Finding]:
        """The findings listed, in list order."""
        return list(self._findings)

    def lines(self) -> list[str]:
        """The text of each line listed (without the break marks used for wrapping)."""
        return [str(self.list.item(i).data(_LINE_ROLE)) for i in range(self.list.count())]

    def _icon(self, severity: str) -> QIcon:
        pixmap = {
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
        }.get(severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
        return self.style().standardIcon(pixmap)

    @Slot()
    def refresh(self) -> None:
        route_map = self._document.route_map
        known = self._document.known_findings()
        if known is None:
            return  # not checked yet; findings_changed follows
        findings = known
        current = self.list.currentRow()
        kept = self._findings[current] if 0 <= current < len(self._findings) else None
        self._findings = findings
        lang = self._lang_of()
        self.list.clear()
        for index, finding in enumerate(findings):
            line = finding_line(route_map, finding, lang)
            item = QListWidgetItem(self._icon(finding.severity), thai_layout_text(line), self.list)
            item.setToolTip(f"{severity_text(finding.severity)} · {finding.code}")
            item.setData(_LINE_ROLE, line)
            item.setData(_INDEX_ROLE, index)
        if kept in findings:
            self.list.setCurrentRow(findings.index(kept))
        self._stack.setCurrentIndex(1 if findings else 0)

    @Slot(QListWidgetItem)
    def show_item(self, item: QListWidgetItem) -> None:
        self.show_finding(self._findings[int(item.data(_INDEX_ROLE))])

    def show_finding(self, finding: Finding) -> list[str]:
        """Select the finding's objectives on the map and centre the view on them; their ids."""
        ids = objectives_of(self._document.route_map, finding)
        if not ids:
            return ids
        self._scene.select_objectives(ids)
        area = QRectF()
        for oid in ids:
            box = self._scene.box(oid)
            if box is not None:
                area = area.united(box.sceneBoundingRect())
        if not area.isNull():
            self._view.centerOn(area.center())
            self._view.ensureVisible(area, 20, 20)
        return ids
