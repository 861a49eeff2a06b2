"""The bundled Sarabun font (fontpkg-sarabun), registered with Qt once for the window and the canvas.

Only the faces the editor draws with are registered (regular and bold): each face costs a few
milliseconds at start, and the PDF export embeds its own copy through reportlab.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

FONT_FAMILY = "Sarabun"
FACES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")


@cache
def load_fonts() -> tuple[str, ...]:
    """Register the faces with Qt (once; needs a QGuiApplication); the families now available,
    empty when the font package has no files (Qt then falls back to a system Thai font)."""
    try:
        import fontpkg_sarabun
    except ImportError:
        return ()
    families: set[str] = set()
    for name in FACES:
        font_id = QFontDatabase.addApplicationFont(str(fontpkg_sarabun.ROOT / "files" / name))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(sorted(families))


def box_family() -> str:
    """The family box text is drawn in: Sarabun, or the default family without it."""
    return FONT_FAMILY if FONT_FAMILY in load_fonts() else QFont().family()
