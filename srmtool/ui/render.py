"""Pictures of a map (PNG for slides, SVG for drawings), drawn by the editor's own canvas.

``png_bytes`` and ``svg_bytes`` are the picture kinds' writers (``srmtool.export.writers.Writer``):
plain functions of the model, like the other exporters, that build a ``MapScene`` over a ``Document``
holding the map and paint it, so a picture matches the screen. ``PICTURE_WRITERS`` hands them to
``srmtool.export`` (the export dialog), ``picture_writers(lang)`` to the command line. ``write_png``
and ``write_svg`` put a picture on disk whole or not at all. They run headless: when no Qt
application exists they create one, choosing the offscreen platform when there is no display. They
never change ``route_map``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

from srmtool.atomic import replace_file
from srmtool.export.writers import Writer
from srmtool.model.types import RouteMap
from srmtool.ui.fonts import load_fonts

MARGIN = 24.0  # scene units of white space around the map

_app: QCoreApplication | None = None  # the application these functions made, kept alive


def _has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_application() -> QCoreApplication:
    """The running Qt application, or a new QApplication (offscreen when there is no display)."""
    global _app
    app = QCoreApplication.instance()
    if app is None:
        if "QT_QPA_PLATFORM" not in os.environ and not _has_display():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication([sys.argv[0] if sys.argv else "srmtool"])
        _app = app
    load_fonts()
    return app


def _scene(route_map: RouteMap) -> QGraphicsScene:
    from srmtool.ui.canvas.scene import MapScene
    from srmtool.ui.document import Document

    # A copy, so that nothing a scene or document does at construction can touch the caller's map.
    document = Document(route_map.model_copy(deep=True))
    scene = MapScene(document)
    scene.setProperty("_document", document)  # keep the document alive as long as the scene
    document.setParent(scene)
    scene.clearSelection()
    for item in scene.items():  # cached items would paint bitmaps: blurry when scaled, images in SVG
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    return scene


def _source_rect(scene: QGraphicsScene) -> QRectF:
    bounds = scene.layout().bounds  # type: ignore[attr-defined]
    rect = QRectF(bounds.x, bounds.y, bounds.w, bounds.h)
    rect = rect.united(scene.itemsBoundingRect())
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def _paint(scene: QGraphicsScene, painter: QPainter, source: QRectF, target: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)


def png_bytes(route_map: RouteMap, *, scale: float = 2.0) -> bytes:
    """A PNG picture of the map at ``scale`` pixels per scene unit, on a white background.

    Raises ``ValueError`` for a scale that is not positive or a picture too large to make.
    """
    if not scale > 0:
        raise ValueError(f"scale must be positive, not {scale}")
    ensure_application()
    scene = _scene(route_map)
    source = _source_rect(scene)
    size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ValueError(f"a {size.width()}×{size.height()} picture is too large")
    image.setDotsPerMeterX(round(96 / 0.0254 * scale))
    image.setDotsPerMeterY(round(96 / 0.0254 * scale))
    image.fill(QColor(Qt.GlobalColor.white))
    with QPainter(image) as painter:
        _paint(scene, painter, source, QRectF(0, 0, size.width(), size.height()))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; only str works
        raise ValueError("Qt could not encode the picture as PNG")
    buffer.close()
    return bytes(data.data())


def svg_bytes(route_map: RouteMap) -> bytes:
    """An SVG drawing of the map, one SVG unit per scene unit."""
    ensure_application()
    scene = _scene(route_map)
    source = _source_rect(scene)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setResolution(96)
    generator.setTitle(route_map.meta.title or "srmtool")
    generator.setDescription(route_map.destination)
    target = QRectF(0, 0, source.width(), source.height())
    with QPainter(generator) as painter:
        painter.fillRect(target, QColor(Qt.GlobalColor.white))
        _paint(scene, painter, source, target)
    buffer.close()
    return bytes(data.data())


def write_png(route_map: RouteMap, path: str | os.PathLike[str], *, scale: float = 2.0) -> None:
    """Write ``png_bytes`` at ``path``. Raises ``OSError`` when the file cannot be written."""
    replace_file(path, png_bytes(route_map, scale=scale))


def write_svg(route_map: RouteMap, path: str | os.PathLike[str]) -> None:
    """Write ``svg_bytes`` at ``path``. Raises ``OSError`` when the file cannot be written."""
    replace_file(path, svg_bytes(route_map))


#: The picture kinds' writers, as ``srmtool.export.writers.writer`` takes them.
PICTURE_WRITERS: Final[Mapping[str, Writer]] = {"png": png_bytes, "svg": svg_bytes}


def picture_writers(lang: str) -> Mapping[str, Writer]:
    """``PICTURE_WRITERS`` for a program without a window (``srmtool export --png``): a Qt application
    is made, and the pictures' interface words (the banner's "Destination") are in ``lang``."""
    from srmtool.ui.language import install_translator

    install_translator(ensure_application(), lang)
    return PICTURE_WRITERS
