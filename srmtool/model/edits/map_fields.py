"""What editing the map's own fields means: the destination, the title block (title, organisation,
area, period, authors), the level labels and the signers, as ``SetMapField`` operations.

One operation per field that changes, none when nothing does, so a dialog's OK or an in-place edit
is one undo step or none. Texts lose the blank space around them (and around each line of a
multi-line text); a field emptied by the user is stored empty, never removed from the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from srmtool.model.edits.plan import signer_operations
from srmtool.model.limits import MAX_SIGNERS, MAX_TEXT_CHARS, clip_text
from srmtool.model.operations import Operation, SetMapField
from srmtool.model.plan import Signer, signers_of
from srmtool.model.types import PERSPECTIVE_IDS, RouteMap

DESTINATION: Final = "destination"
#: The title block's texts, in the order a form shows them.
META_TEXT_FIELDS: Final = ("meta.title", "meta.organization", "meta.area", "meta.period")
AUTHORS: Final = "meta.authors"
LABEL_FIELDS: Final = tuple(f"label.{pid}" for pid in PERSPECTIVE_IDS)
TEXT_FIELDS: Final = (DESTINATION, *META_TEXT_FIELDS, *LABEL_FIELDS)
#: The Buddhist Era is the Common Era plus this many years.
BE_OFFSET: Final = 543


def clean_field_text(text: str) -> str:
    """A map field's text as stored: no blank space around it or around its lines, no blank lines
    at its ends, at most ``MAX_TEXT_CHARS`` characters."""
    lines = [line.strip() for line in text.replace("\u200b", "").splitlines()]
    return clip_text("\n".join(lines).strip(), MAX_TEXT_CHARS)


def field_value(route_map: RouteMap, name: str) -> str:
    """The current text of one of ``TEXT_FIELDS``."""
    if name == DESTINATION:
        return route_map.destination
    if name.startswith("label."):
        return route_map.perspective_label(name[len("label.") :])
    if name in META_TEXT_FIELDS:
        return str(getattr(route_map.meta, name[len("meta.") :]))
    raise ValueError(f"{name!r} is not a text field of the map")


def text_field_operations(route_map: RouteMap, values: Mapping[str, str]) -> list[Operation]:
    """``SetMapField`` for each of ``values`` (names from ``TEXT_FIELDS``) whose cleaned text differs
    from the map's. A level label left empty keeps the old label (a level always has a name)."""
    operations: list[Operation] = []
    for name, text in values.items():
        if name not in TEXT_FIELDS:
            raise ValueError(f"{name!r} is not a text field of the map")
        value = clean_field_text(text)
        if name.startswith("label.") and not value:
            continue
        if value != field_value(route_map, name):
            operations.append(SetMapField(name, value))
    return operations


def authors_operations(route_map: RouteMap, authors: Sequence[str]) -> list[Operation]:
    """``meta.authors`` becomes the non-empty ``authors``, each cleaned, in that order."""
    kept = [a for a in (clean_field_text(" ".join(a.split())) for a in authors) if a]
    return [] if kept == route_map.meta.authors else [SetMapField(AUTHORS, kept)]


@dataclass(frozen=True)
class MapDetails:
    """What the Map Details form edits. ``texts`` maps names of ``TEXT_FIELDS`` to their texts (a
    field left out is not touched); ``authors`` and ``signers`` None leave those alone."""

    texts: Mapping[str, str] = field(default_factory=dict)
    authors: Sequence[str] | None = None
    signers: Sequence[Signer] | None = None


def details_of(route_map: RouteMap) -> MapDetails:
    """The map's details as the form starts with them."""
    return MapDetails(
        texts={name: field_value(route_map, name) for name in TEXT_FIELDS},
        authors=tuple(route_map.meta.authors),
        signers=signers_of(route_map),
    )


def details_operations(route_map: RouteMap, details: MapDetails) -> list[Operation]:
    """Every change ``details`` makes, texts first, then the authors, then the signers (at most
    ``MAX_SIGNERS``, each field cleaned; blocks with nothing in them are dropped)."""
    operations = text_field_operations(route_map, details.texts)
    if details.authors is not None:
        operations += authors_operations(route_map, details.authors)
    if details.signers is not None:
        signers = [
            Signer(clean_field_text(s.role), clean_field_text(s.name), clean_field_text(s.position), s.extra)
            for s in details.signers
        ]
        operations += signer_operations(route_map, signers[:MAX_SIGNERS])
    return operations


def fiscal_year(day: date) -> int:
    """The Thai government's fiscal year (ปีงบประมาณ, in the Buddhist Era) that ``day`` falls in: it
    starts on 1 October of the year before."""
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def period_suggestions(day: date) -> list[str]:
    """Periods a plan made on ``day`` usually covers: this fiscal year, the next, and the multi-year
    spans a route map takes (its destination has a time frame of two to four years)."""
    year = fiscal_year(day)
    suggestions = [f"ปีงบประมาณ {year}", f"ปีงบประมาณ {year + 1}"]
    for first in (year, year + 1):
        suggestions += [f"ปีงบประมาณ {first}–{first + span}" for span in (2, 3)]
    return suggestions
