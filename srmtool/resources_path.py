"""Where the bundled resources (examples, templates, translations) are, installed or not."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A bundled resource file or folder, e.g. ``resource("examples", "dengue_tambon.srm")``."""
    node: Traversable = files("srmtool.resources")
    for part in parts:
        node = node / part
    return node
