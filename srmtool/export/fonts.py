"""The PDF fonts: Sarabun Regular and Bold from the ``fontpkg-sarabun`` package (SIL OFL 1.1).

The font files are not copied into this project; they are read from the installed package at run
time (see resources/fonts/README.md). ``register_fonts()`` registers both with reportlab once per
process and returns them.

reportlab gives glyphs that HarfBuzz substitutes (a tone mark moved clear of an upper vowel, a base
letter without its descender) private-use code points U+E000… and writes those into the subset's
ToUnicode map, so copying ที่ from the PDF gave a private-use character instead of the mark.
``ThaiTTFont`` rewrites each subset's ToUnicode map after reportlab built it, mapping those codes to
the text of the cluster they came from (``pua_text``, filled in by the shaper).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont
from typing_extensions import override

REGULAR: Final = "SRM-Sarabun"
BOLD: Final = "SRM-Sarabun-Bold"
_FILES: Final = {REGULAR: "Sarabun-Regular.ttf", BOLD: "Sarabun-Bold.ttf"}

#: Private-use range reportlab draws substituted glyphs from.
PUA_FIRST: Final = 0xE000
PUA_LAST: Final = 0xF8FF


class FontMissingError(RuntimeError):
    """The Sarabun fonts are not installed (the ``fontpkg-sarabun`` package is missing)."""


def font_file(name: str) -> Path:
    """The installed TrueType file of ``REGULAR`` or ``BOLD``."""
    try:
        import fontpkg_sarabun
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise FontMissingError("the fontpkg-sarabun package is not installed") from exc
    path = Path(fontpkg_sarabun.ROOT) / "files" / _FILES[name]
    if not path.is_file():
        raise FontMissingError(f"font file not found: {path}")
    return path


def utf16_hex(text: str) -> str:
    """``text`` as upper-case UTF-16BE hex, as PDF strings and ToUnicode maps write it."""
    return text.encode("utf-16-be").hex().upper()


def tounicode_cmap(base_name: str, subset: list[int], pua_text: dict[int, str]) -> str:
    """A ToUnicode CMap for one 256-code subset: code i stands for ``subset[i]``, except that
    private-use values stand for the text learnt for them in ``pua_text`` (one or more characters)."""
    rows = []
    for code, value in enumerate(subset):
        text = pua_text.get(value)
        rows.append(f"<{code:02X}> <{utf16_hex(text) if text else f'{value:04X}'}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({base_name})",
            f"/Ordering ({base_name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{base_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *rows,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class ThaiTTFont(TTFont):  # type: ignore[misc]
    """A TTFont whose subsets' ToUnicode maps give back the text of shaped glyphs."""

    def __init__(self, name: str, path: str) -> None:
        super().__init__(name, path)
        #: private-use code point -> the characters that glyph stands for
        self.pua_text: dict[int, str] = {}

    @override
    def addObjects(self, doc: Any) -> None:  # reportlab's name
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state else []
        super().addObjects(doc)  # makes the Font, FontDescriptor and ToUnicode objects
        for n, subset in enumerate(subsets):
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject["toUnicodeCMap:" + base]
            stream.content = tounicode_cmap(base, subset, self.pua_text)


_registered: dict[str, ThaiTTFont] = {}


def register_fonts() -> tuple[ThaiTTFont, ThaiTTFont]:
    """Register Sarabun Regular and Bold with reportlab (once per process); return (regular, bold)."""
    for name in (REGULAR, BOLD):
        if name not in _registered:
            font = ThaiTTFont(name, str(font_file(name)))
            pdfmetrics.registerFont(font)
            _registered[name] = font
    return _registered[REGULAR], _registered[BOLD]
