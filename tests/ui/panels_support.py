"""The side panels on a document and canvas without the main window, for fast widget tests."""

from __future__ import annotations

from dataclasses import dataclass

from pytestqt.qtbot import QtBot

from srmtool.ui.canvas.scene import MapScene
from srmtool.ui.canvas.view import MapView
from srmtool.ui.document import Document

LONG_THAI = (
    "ประชาชนทุกหลังคาเรือนร่วมกันสำรวจและทำลายแหล่งเพาะพันธุ์ยุงลายในบ้านโรงเรียนวัดและชุมชนทุกสัปดาห์"
    "อย่างต่อเนื่องจนค่าดัชนีลูกน้ำยุงลายไม่เกินร้อยละสิบ"
)


@dataclass
class Canvas:
    document: Document
    scene: MapScene
    view: MapView

    def id_of(self, code: str) -> str:
        return next(o.id for o in self.document.route_map.objectives if o.code == code)

    def select(self, *codes: str) -> list[str]:
        ids = [self.id_of(c) for c in codes]
        self.scene.select_objectives(ids)
        return ids


def make_canvas(qtbot: QtBot, document: Document) -> Canvas:
    scene = MapScene(document)
    view = MapView(scene)
    qtbot.addWidget(view)
    return Canvas(document, scene, view)
