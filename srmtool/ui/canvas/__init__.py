"""The map canvas: scene, items, arrows and view (DESIGN.md §6).

Tools (select, add objective, draw link) live in ``tools.py`` and plug into ``MapScene.set_tool``.
"""

from srmtool.ui.canvas.arrows import Arrow, ArrowHandle, ArrowLayer
from srmtool.ui.canvas.items import BandItem, BannerItem, BoxItem
from srmtool.ui.canvas.scene import MapScene
from srmtool.ui.canvas.view import MapView

__all__ = [
    "Arrow",
    "ArrowHandle",
    "ArrowLayer",
    "BandItem",
    "BannerItem",
    "BoxItem",
    "MapScene",
    "MapView",
]
