"""How the checks name things in their messages: an objective by its code and the start of its
text (ก3 «พัฒนาระบบข้อมูล…»), a level by its label (in both languages: the map's own name for it)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Final

from srmtool.model.types import Objective, RouteMap

SEVERITIES: Final = ("error", "warning", "info")

#: What a check yields before it becomes a Finding: (code, ids, message_th, message_en).
Raw = tuple[str, tuple[str, ...], str, str]

SHORT_TEXT: Final = 28  # characters of an objective's text quoted in a message
MAX_LISTED: Final = 6  # objectives named in one message before "and N more"

_THAI_LEADING_VOWELS = frozenset("เแโใไ")


def short(text: str, limit: int = SHORT_TEXT) -> str:
    """The start of a text for a message, cut between characters a reader sees as whole: never
    between a Thai consonant and its vowel or tone marks, never after a leading vowel (เ แ โ ใ ไ);
    at a space when there is one near the end. Ends with … when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = limit
    while cut < len(flat) and unicodedata.category(flat[cut]) == "Mn":
        cut += 1
    while cut > 1 and flat[cut - 1] in _THAI_LEADING_VOWELS:
        cut -= 1
    space = flat.rfind(" ", limit // 2, cut)
    if space > 0:
        cut = space
    return flat[:cut].rstrip() + "…"


_QUOTES: Final[dict[str, tuple[str, str]]] = {"th": ("«", "»"), "en": ("“", "”")}


def _name(o: Objective, lang: str) -> str:
    code = o.code.strip() or o.id
    text = short(o.text)
    opening, closing = _QUOTES[lang]
    return f"{code} {opening}{text}{closing}" if text else code


def name_th(o: Objective) -> str:
    """ก3 «พัฒนาระบบข้อมูล…»; the id stands in for a missing code."""
    return _name(o, "th")


def name_en(o: Objective) -> str:
    return _name(o, "en")


def names(objectives: Iterable[Objective], lang: str) -> str:
    """Several objectives, comma-separated, at most ``MAX_LISTED`` then "and N more"."""
    items = list(objectives)
    shown = ", ".join(_name(o, "th" if lang == "th" else "en") for o in items[:MAX_LISTED])
    rest = len(items) - MAX_LISTED
    if rest > 0:
        shown += f" และอีก {rest} รายการ" if lang == "th" else f" and {rest} more"
    return shown


class Refs:
    """Names of objectives by id for messages, computed once per id and language (a map of
    thousands of objectives can yield thousands of findings). A missing id is quoted as it is."""

    def __init__(self, route_map: RouteMap) -> None:
        self.by_id: dict[str, Objective] = {}
        self.order: dict[str, int] = {}  # id -> position of its first objective in the map
        for i, o in enumerate(route_map.objectives):
            if o.id not in self.by_id:
                self.by_id[o.id] = o
                self.order[o.id] = i
        self._names: dict[tuple[str, str], str] = {}

    def _get(self, lang: str, objective_id: str) -> str:
        found = self._names.get((lang, objective_id))
        if found is None:
            o = self.by_id.get(objective_id)
            if o is not None:
                found = _name(o, lang)
            else:
                opening, closing = _QUOTES[lang]
                found = f"{opening}{objective_id}{closing}"
            self._names[(lang, objective_id)] = found
        return found

    def th(self, objective_id: str) -> str:
        return self._get("th", objective_id)

    def en(self, objective_id: str) -> str:
        return self._get("en", objective_id)


def level_th(route_map: RouteMap, perspective_id: str) -> str:
    return f"ระดับ{route_map.perspective_label(perspective_id)}"


def level_en(route_map: RouteMap, perspective_id: str) -> str:
    """A level as the map names it (its label, which the map shows), in an English message."""
    return f"level “{route_map.perspective_label(perspective_id)}”"
