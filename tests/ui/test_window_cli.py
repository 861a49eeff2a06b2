"""``srmtool [FILE]`` opens the editor window: unreadable files and a missing display are one clear
line on stderr with exit status 2; otherwise ``srmtool.ui.app.run`` shows the map."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from srmtool.cli import main
from srmtool.resources_path import resource
from srmtool.ui import app as app_module
from srmtool.ui.window import MainWindow


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path | None, str | None]]:
    """Calls of ``srmtool.ui.app.run`` (which would show a window), each answering 0."""
    calls: list[tuple[Path | None, str | None]] = []

    def run(path: Path | None, lang: str | None) -> int:
        calls.append((path, lang))
        return 0

    monkeypatch.setattr(app_module, "run", run)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return calls


def example_copy(tmp_path: Path, name: str = "แผนที่ตำบล.srm") -> Path:
    target = tmp_path / name
    shutil.copyfile(str(resource("examples", "dengue_tambon.srm")), target)
    return target


def test_a_readable_file_opens_in_the_window(
    runs: list[tuple[Path | None, str | None]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = example_copy(tmp_path)
    assert main(["--lang", "th", str(path)]) == 0
    assert runs == [(path, "th")]
    assert main([]) == 0
    assert runs[-1] == (None, None)  # no --lang: the editor picks the user's last language
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("lang", "words"), [("en", "not valid JSON"), ("th", "ไม่ใช่ JSON")])
def test_an_unreadable_file_is_one_clear_line_and_exit_status_2(
    runs: list[tuple[Path | None, str | None]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    words: str,
) -> None:
    broken = tmp_path / "ไฟล์เสีย.srm"
    broken.write_text("{ ไม่ใช่แผนที่", encoding="utf-8")
    assert main(["--lang", lang, str(broken)]) == 2
    out, err = capsys.readouterr()
    assert str(broken) in err and words in err
    assert "Traceback" not in out + err and len(err.strip().splitlines()) == 1
    missing = tmp_path / "ไม่มีไฟล์นี้.srm"
    assert main(["--lang", lang, str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err
    assert runs == []


def test_without_a_display_it_says_so_instead_of_crashing(
    runs: list[tuple[Path | None, str | None]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--lang", "th", str(example_copy(tmp_path))]) == 2
    assert "ไม่มีจอภาพ" in capsys.readouterr().err
    assert runs == []


def test_run_shows_the_window_with_the_map(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[MainWindow] = []

    def exec_(app: QApplication) -> int:  # instead of the event loop: keep the window, answer 0
        shown.extend(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    names = (
        QApplication.applicationName(),
        QApplication.organizationName(),
        QApplication.applicationDisplayName(),
    )
    path = example_copy(tmp_path)
    settings = QSettings(str(tmp_path / "ตั้งค่า.ini"), QSettings.Format.IniFormat)
    assert app_module.run(path, "th", settings=settings) == 0
    assert len(shown) == 1
    window = shown[0]
    qtbot.addWidget(window)
    assert window.lang == "th"
    assert window.windowTitle() == "แผนที่ตำบล.srm — srmtool"
    assert len(window.document.route_map.objectives) == 15
    assert window.files.recent.paths() == [path.absolute()]
    assert QApplication.applicationName() == "srmtool" and QApplication.organizationName() == "srmtool"
    QApplication.setApplicationName(names[0])
    QApplication.setOrganizationName(names[1])
    QApplication.setApplicationDisplayName(names[2])


def test_run_refuses_a_file_that_cannot_be_opened(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from srmtool.ui.files import FileActions

    errors: list[str] = []
    monkeypatch.setattr(FileActions, "show_error", lambda self, title, text: errors.append(text))
    monkeypatch.setattr(QApplication, "exec", lambda app: pytest.fail("the event loop must not start"))
    settings = QSettings(str(tmp_path / "ตั้งค่า.ini"), QSettings.Format.IniFormat)
    assert app_module.run(tmp_path / "หายไป.srm", "en", settings=settings) == 2
    assert len(errors) == 1 and "หายไป.srm" in errors[0]
