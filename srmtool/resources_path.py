"""Where the bundled resources (examples, templates, translations) are, installed or not."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def _root() -> Traversable:
    try:
        return files("srmtool.resources")  # installed: resources/ is the package srmtool.resources
    except ModuleNotFoundError:
        # Run from a source checkout that is not installed (``python -m srmtool`` in the repository).
        return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Traversable:
    """A bundled resource file or folder, e.g. ``resource("examples", "dengue_tambon.srm")``."""
    node: Traversable = _root()
    for part in parts:
        node = node / part
    return node
