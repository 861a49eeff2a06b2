"""Small route maps written to disk for the command-line tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from srmtool.model.srmfile.codec import save_map
from srmtool.model.types import RouteMap


@pytest.fixture
def write_map(tmp_path: Path) -> Callable[[str, RouteMap], Path]:
    def write(name: str, route_map: RouteMap) -> Path:
        path = tmp_path / name
        save_map(route_map, path)
        return path

    return write


@pytest.fixture(autouse=True)
def english_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests start on an English locale; a test that wants Thai sets it."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
