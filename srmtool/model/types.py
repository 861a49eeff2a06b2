"""The route map as plain pydantic objects, shaped exactly like the `.srm` file (DESIGN.md §3).

Every object keeps keys it does not know (``extra="allow"``) so that a file written by a newer
minor release survives a load and a save here. Change the map through ``srmtool.model.operations``;
those keep it consistent and return what undo needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Final, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

FORMAT: Final = "srmtool-map"
VERSION: Final = 1

PerspectiveId = Literal["people", "stakeholder", "process", "foundation"]

#: The four levels, top to bottom. Links normally point up this list's reverse.
PERSPECTIVE_IDS: Final[tuple[PerspectiveId, ...]] = ("people", "stakeholder", "process", "foundation")

DEFAULT_PERSPECTIVE_LABELS: Final[dict[str, str]] = {
    "people": "ประชาชน",
    "stakeholder": "ภาคี",
    "process": "กระบวนการ",
    "foundation": "พื้นฐาน",
}

#: Letters that start the default objective codes (ป1, ภ2, ก3, พ4).
CODE_PREFIX: Final[dict[str, str]] = {"people": "ป", "stakeholder": "ภ", "process": "ก", "foundation": "พ"}

#: The table column that always shows the row's objective.
OBJECTIVE_COLUMN: Final = "objective"
#: The column whose amounts are summed into the printed budget total.
BUDGET_COLUMN: Final = "budget"

#: An objective's dot votes from a workshop: an additive key of its file entry (a whole number
#: 1..MAX_VOTES), absent when it has none, so that a map nobody voted on saves as before.
VOTES_FIELD: Final = "votes"
MAX_VOTES: Final = 1_000_000


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


class _Item(BaseModel):
    # defer_build: validators are built when first used (the first map loaded builds them in one
    # go) rather than class by class at import.
    model_config = ConfigDict(extra="allow", validate_assignment=False, strict=False, defer_build=True)


def now_iso() -> str:
    """The local time now, ISO 8601 with its UTC offset, to the second (``meta.created``/``modified``)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Meta(_Item):
    title: str = ""
    organization: str = ""
    area: str = ""
    period: str = ""
    authors: list[str] = Field(default_factory=list)
    created: str = ""
    modified: str = ""


class Perspective(_Item):
    id: PerspectiveId
    label: str


class Objective(_Item):
    id: str
    code: str = ""
    perspective: PerspectiveId
    text: str = ""
    x: float = 0.0
    y: float = 0.0
    key_route: bool = False
    notes: str = ""
    stakeholders: list[str] = Field(default_factory=list)


def objective_votes(objective: Objective) -> int:
    """The objective's dot votes (0 when it has none, or when a script stored something else)."""
    value = (objective.model_extra or {}).get(VOTES_FIELD)
    return value if type(value) is int and 0 <= value <= MAX_VOTES else 0


class Link(_Item):
    source: str
    target: str


class Stakeholder(_Item):
    id: str
    name: str = ""
    kind: str = ""
    role: str = ""


class Column(_Item):
    key: str
    label: str
    width: float = 20.0  # in Excel character widths


class Row(_Item):
    id: str
    objective: str
    cells: dict[str, str] = Field(default_factory=dict)


class Table(_Item):
    columns: list[Column] = Field(default_factory=list)
    rows: list[Row] = Field(default_factory=list)


def default_perspectives() -> list[Perspective]:
    return [Perspective(id=pid, label=DEFAULT_PERSPECTIVE_LABELS[pid]) for pid in PERSPECTIVE_IDS]


class RouteMap(_Item):
    format: Literal["srmtool-map"] = FORMAT
    version: int = VERSION
    meta: Meta = Field(default_factory=Meta)
    destination: str = ""
    perspectives: list[Perspective] = Field(default_factory=default_perspectives)
    objectives: list[Objective] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    table: Table = Field(default_factory=Table)

    # id -> list position caches, one per list. A hit is verified in O(1) (the item at that
    # position still has that id) and a miss by one rebuild, so a script that edits the lists by
    # hand (replacing, reordering or removing items) still gets the right answer without ``touch``.
    _positions: dict[str, dict[str, int]] = PrivateAttr(default_factory=dict)
    # Appended to every new id (``new_id``) while the map is shared with other laptops, so that two
    # laptops adding a box at the same moment never make the same id (``srmtool.share``).
    _id_tag: str = PrivateAttr(default="")

    @property
    def id_tag(self) -> str:
        return self._id_tag

    def set_id_tag(self, tag: str) -> None:
        """New ids end in ``-TAG`` from now on (``""``: plain ``o17`` again)."""
        self._id_tag = tag

    def touch(self) -> None:
        """Forget the id caches (operations call this; a hand edit may, to save a rebuild)."""
        self._positions.clear()

    def _find(self, cache: str, items: Sequence[_T], item_id: str) -> _T | None:
        for attempt in (0, 1):
            positions = self._positions.get(cache)
            if positions is None or attempt:
                positions = self._positions[cache] = {item.id: i for i, item in enumerate(items)}
            pos = positions.get(item_id)
            if pos is not None and pos < len(items) and items[pos].id == item_id:
                return items[pos]
        return None

    # -- look-ups -------------------------------------------------------------------------
    def objective(self, objective_id: str) -> Objective | None:
        return self._find("objectives", self.objectives, objective_id)

    def row(self, row_id: str) -> Row | None:
        return self._find("rows", self.table.rows, row_id)

    def stakeholder(self, stakeholder_id: str) -> Stakeholder | None:
        return next((s for s in self.stakeholders if s.id == stakeholder_id), None)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.table.columns if c.key == key), None)

    def perspective_label(self, perspective_id: str) -> str:
        for p in self.perspectives:
            if p.id == perspective_id:
                return p.label
        return DEFAULT_PERSPECTIVE_LABELS.get(perspective_id, perspective_id)

    def objectives_in(self, perspective_id: str) -> list[Objective]:
        return [o for o in self.objectives if o.perspective == perspective_id]

    def rows_of(self, objective_id: str) -> list[Row]:
        return [r for r in self.table.rows if r.objective == objective_id]

    def links_of(self, objective_id: str) -> list[Link]:
        return [lk for lk in self.links if objective_id in (lk.source, lk.target)]

    def has_link(self, source: str, target: str) -> bool:
        return any(lk.source == source and lk.target == target for lk in self.links)

    # -- fresh ids and codes --------------------------------------------------------------
    def new_id(self, prefix: str, used: set[str] | None = None) -> str:
        """An id not used by any objective, stakeholder or row (nor in ``used``), e.g. ``o17``, or
        ``o17-k3f9`` with the id tag ``k3f9`` (a shared map)."""
        if used is None:
            used = set()
        taken = {o.id for o in self.objectives} | {s.id for s in self.stakeholders}
        taken.update(r.id for r in self.table.rows)
        taken |= used
        tag = f"-{self._id_tag}" if self._id_tag else ""
        n = len(taken) + 1
        while f"{prefix}{n}{tag}" in taken:
            n += 1
        return f"{prefix}{n}{tag}"

    def new_code(self, perspective_id: str) -> str:
        """The next free code of a level: ป1, ป2 … (ภ, ก, พ for the other levels)."""
        prefix = CODE_PREFIX.get(perspective_id, "")
        used = {o.code for o in self.objectives}
        n = 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"
