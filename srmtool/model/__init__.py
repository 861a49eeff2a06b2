"""The route map: plain objects, operations, geometry, checks and the `.srm` file. No Qt here."""

from srmtool.model.checks import CHECKS, Finding, check_map
from srmtool.model.errors import MapFileError
from srmtool.model.srmfile.codec import dumps_map, load_map, loads_map, save_map
from srmtool.model.types import (
    FORMAT,
    PERSPECTIVE_IDS,
    VERSION,
    Column,
    Link,
    Meta,
    Objective,
    Perspective,
    RouteMap,
    Row,
    Stakeholder,
    Table,
)

__all__ = [
    "CHECKS",
    "Finding",
    "check_map",
    "MapFileError",
    "dumps_map",
    "load_map",
    "loads_map",
    "save_map",
    "FORMAT",
    "PERSPECTIVE_IDS",
    "VERSION",
    "Column",
    "Link",
    "Meta",
    "Objective",
    "Perspective",
    "Row",
    "RouteMap",
    "Stakeholder",
    "Table",
]
