"""Documents on the bundled example maps, for every editor test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from srmtool.model.srmfile import load_map  # noqa: E402
from srmtool.resources_path import resource  # noqa: E402
from srmtool.ui.document import Document  # noqa: E402


def example_path(name: str) -> Path:
    """A bundled example as a real file path."""
    return Path(str(resource("examples", name)))


@pytest.fixture
def dengue_document(qtbot: object) -> Document:
    """A fresh, clean document on the tambon dengue example (15 objectives), no file path."""
    return Document(load_map(example_path("dengue_tambon.srm")))


@pytest.fixture
def district_document(qtbot: object) -> Document:
    """A fresh, clean document on the district NCD example (42 objectives), no file path."""
    return Document(load_map(example_path("district_ncd.srm")))
