"""Between a map scene's items and its ``Selection``: which items the user selected, and making
the items show a selection written elsewhere (the table, a finding, an undo).

Showing is done with the scene's signals blocked, so the boxes switching one by one are not each
reported back as a selection of their own; the scene reports once afterwards, which changes nothing
unless an item could not be selected (an arrow hidden when zoomed far out).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker

from srmtool.ui.canvas.arrows import ArrowHandle
from srmtool.ui.canvas.items import BoxItem
from srmtool.ui.selection import Link, Selected

if TYPE_CHECKING:
    from srmtool.ui.canvas.scene import MapScene


def selected_items(scene: MapScene) -> tuple[list[str], list[Link]]:
    """The objectives and links whose boxes and arrows are selected in ``scene`` now."""
    items = scene.selectedItems()
    return (
        [it.objective_id for it in items if isinstance(it, BoxItem)],
        [it.link for it in items if isinstance(it, ArrowHandle)],
    )


def show_selection(scene: MapScene, ids: Selected) -> None:
    """Select exactly the boxes and arrows of ``ids`` in ``scene``, without a signal."""
    boxes, links = set(ids.objectives), set(ids.links)
    with QSignalBlocker(scene):
        for item in scene.selectedItems():
            if isinstance(item, BoxItem):
                keep = item.objective_id in boxes
            else:
                keep = isinstance(item, ArrowHandle) and item.link in links
            if not keep:
                item.setSelected(False)
        for oid in boxes:
            box = scene.box(oid)
            if box is not None and not box.isSelected():
                box.setSelected(True)
        for link in links:
            arrow = scene.arrow(*link)
            if arrow is not None and arrow.handle is not None and not arrow.handle.isSelected():
                arrow.handle.setSelected(True)
