"""Where the bundled resources (examples, templates, translations) are: installed, frozen or not."""

from __future__ import annotations

import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def frozen_root() -> Path | None:
    """The resources folder inside the one-folder app (``scripts/bundle.sh``), or None when not frozen.

    PyInstaller sets ``sys.frozen`` and unpacks to ``sys._MEIPASS`` (``dist/srmtool/_internal``);
    packaging/srmtool.spec puts the installed ``srmtool/resources`` at the same place inside it."""
    bundle = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or not bundle:
        return None
    return Path(bundle) / "srmtool" / "resources"


def _root() -> Traversable:
    frozen = frozen_root()
    if frozen is not None:
        return frozen
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
