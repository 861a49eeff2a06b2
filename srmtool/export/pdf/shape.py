"""HarfBuzz shaping of Thai tokens for reportlab, cached per token.

reportlab's own ``shapeStr`` builds a new HarfBuzz font for every call, and its shaped drawing path
needs ``rlbidi``; this shaper keeps one HarfBuzz font per reportlab font and caches each token's
result in 1/1000 em, so one entry serves every font size. Glyphs that have no character of their
own (a tone mark moved clear of an upper vowel, ญ or ฐ without their lower part) are given
private-use code points through reportlab, and the shaper records which characters each stands for
in the font's ``pua_text`` so that the PDF's ToUnicode map gives the text back.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Final

import uharfbuzz as hb

from srmtool.export.fonts import PUA_FIRST, PUA_LAST, ThaiTTFont

_FEATURES: Final = {"kern": True, "liga": True}
#: Forget the cache past this many tokens (a long-running editor exporting many large maps).
_CACHE_LIMIT: Final = 200_000


@dataclass(frozen=True, slots=True)
class Positions:
    """Per-glyph placement in 1/1000 em, for tokens HarfBuzz changed."""

    x_advance: tuple[float, ...]
    x_offset: tuple[float, ...]
    y_offset: tuple[float, ...]
    width: tuple[float, ...]  # the width the PDF font's Widths array gives each glyph


@dataclass(frozen=True, slots=True)
class Shaped:
    """One shaped token.

    ``glyphs`` are the code points reportlab subsets and draws (private-use ones for substituted
    glyphs); ``advance`` is the token's width in 1/1000 em; ``positions`` is None when shaping
    changed nothing, so that the token can be drawn as a plain string.
    """

    glyphs: str
    advance: float
    positions: Positions | None


class Shaper:
    """Shapes tokens with one persistent HarfBuzz font; results cached per token."""

    def __init__(self, font: ThaiTTFont) -> None:
        self.font = font
        self._hb_font: Any = font.hbFont(1000)  # also enables font.hbAddPrivate
        face = font.face
        self._scale = 1000.0 / face.unitsPerEm
        self._glyph_chars: dict[int, list[int]] = face.glyphToChar
        self._char_widths: dict[int, float] = face.charWidths
        self._glyph_code: dict[int, int] = {}
        self._cache: dict[str, Shaped] = {}

    def width(self, token: str, size: float) -> float:
        return self.shape(token).advance * size / 1000.0

    def shape(self, token: str) -> Shaped:
        found = self._cache.get(token)
        if found is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[token] = self._shape(token)
        return found

    def _codes(self, infos: list[Any], positions: list[Any]) -> list[int]:
        """The code point reportlab knows each glyph by (a private-use one when it has none)."""
        known = self._glyph_code
        gids = [info.codepoint for info in infos]
        missing = [(g, p) for g, p in zip(gids, positions, strict=True) if g not in known]
        for gid, pos in missing:
            chars = self._glyph_chars.get(gid)
            if chars:
                known[gid] = chars[0]
            else:
                name = self._hb_font.glyph_to_string(gid)
                known[gid] = self.font.hbAddPrivate(name, gid, pos.x_advance * self._scale)
        return [known[g] for g in gids]

    def _shape(self, token: str) -> Shaped:
        if not token:
            return Shaped("", 0.0, None)
        buf = hb.Buffer()
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        buf.add_str(token)
        buf.guess_segment_properties()
        hb.shape(self._hb_font, buf, _FEATURES)
        infos, pos = buf.glyph_infos, buf.glyph_positions
        codes = self._codes(infos, pos)
        glyphs = "".join(map(chr, codes))
        scale = self._scale
        x_adv = tuple(p.x_advance * scale for p in pos)
        x_off = tuple(p.x_offset * scale for p in pos)
        y_off = tuple(p.y_offset * scale for p in pos)
        widths = tuple(self._char_widths[c] for c in codes)
        advance = sum(x_adv)
        if glyphs == token and x_adv == widths and not any(x_off) and not any(y_off):
            return Shaped(token, advance, None)
        if any(PUA_FIRST <= c <= PUA_LAST for c in codes):
            self._learn(token, glyphs, [info.cluster for info in infos])
        return Shaped(glyphs, advance, Positions(x_adv, x_off, y_off, widths))

    def _learn(self, token: str, glyphs: str, clusters: list[int]) -> None:
        """Record, for each new private-use glyph, the characters of its HarfBuzz cluster that the
        cluster's ordinary glyphs do not already stand for."""
        pua = self.font.pua_text
        starts = sorted(set(clusters))
        ends = dict(zip(starts, [*starts[1:], len(token)], strict=True))
        groups: dict[int, list[str]] = {}
        for glyph, cluster in zip(glyphs, clusters, strict=True):
            groups.setdefault(cluster, []).append(glyph)
        for cluster, members in groups.items():
            new = [g for g in members if PUA_FIRST <= ord(g) <= PUA_LAST and ord(g) not in pua]
            if not new:
                continue
            rest = list(unicodedata.normalize("NFKD", token[cluster : ends[cluster]]))
            for g in members:
                if g not in new and g in rest:
                    rest.remove(g)
            if not rest:
                continue
            if len(new) == len(rest):
                for g, text in zip(new, rest, strict=True):
                    pua[ord(g)] = text
            else:
                pua[ord(new[0])] = "".join(rest)


_shapers: dict[str, Shaper] = {}


def shaper_for(font: ThaiTTFont) -> Shaper:
    """The process-wide shaper of a registered font (its cache outlives one document)."""
    found = _shapers.get(font.fontName)
    if found is None or found.font is not font:
        found = _shapers[font.fontName] = Shaper(font)
    return found
