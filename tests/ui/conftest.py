"""Documents on the bundled example maps, for every editor test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from srmtool.model.srmfile.codec import load_map
from srmtool.resources_path import resource
from srmtool.ui.document import CHANGE_SIGNALS, Document


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


class SignalLog(list[tuple[object, ...]]):
    """(signal name, *arguments) of each change signal a document emits, in order."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        for name in CHANGE_SIGNALS:
            getattr(document, name).connect(lambda *args, name=name: self.append((name, *args)))

    def take(self) -> list[tuple[object, ...]]:
        """What was recorded since the last take, and forget it."""
        out = list(self)
        self.clear()
        return out


@pytest.fixture
def signal_log() -> type[SignalLog]:
    """``signal_log(document)`` starts recording that document's change signals."""
    return SignalLog


@pytest.fixture(autouse=True)
def _private_recovery_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Autosaves of every window in a test go to the test's own folder, never the user's."""
    monkeypatch.setenv("SRMTOOL_RECOVERY_DIR", str(tmp_path / "recovery"))


@pytest.fixture(autouse=True)
def _empty_clipboard_after_each_test(qapp: object) -> Iterator[None]:
    """Leave the clipboard empty: Qt's offscreen platform crashes at interpreter exit (segfault, exit
    status 139, after every test passed) while the clipboard still holds mime data set from Python.
    Real window systems (xcb, Windows) do not; a copy in the editor is unaffected."""
    yield
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()
