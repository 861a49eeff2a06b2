"""A fresh main window per test, with its own settings file and every dialog replaced by a recorder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from srmtool.resources_path import resource
from srmtool.ui.files import Choice
from srmtool.ui.window import MainWindow

LONG_THAI = (
    "ประชาชนทุกหลังคาเรือนร่วมกันสำรวจและทำลายแหล่งเพาะพันธุ์ยุงลายในบ้านโรงเรียนวัดและชุมชนทุกสัปดาห์"
    "อย่างต่อเนื่องจนค่าดัชนีลูกน้ำยุงลายไม่เกินร้อยละสิบ"
)


@dataclass
class Dialogs:
    """What the window would have shown: (kind, title, text) in order, and the next answers."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    save_changes: list[Choice] = field(default_factory=list)
    save_paths: list[Path | None] = field(default_factory=list)
    open_paths: list[Path | None] = field(default_factory=list)

    def texts(self, kind: str) -> list[str]:
        return [text for k, _, text in self.shown if k == kind]


def install_dialogs(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    dialogs = Dialogs()
    files = window.files

    def ask_save_changes() -> Choice:
        dialogs.shown.append(("save_changes", "", files.name()))
        # Unprepared (the window closing after the test): discard, so that closing never blocks.
        return dialogs.save_changes.pop(0) if dialogs.save_changes else Choice.DISCARD

    def ask_save_path(title: str, suffix: str, file_filter: str) -> Path | None:
        dialogs.shown.append(("save_path", title, suffix))
        return dialogs.save_paths.pop(0)

    def ask_open_path() -> Path | None:
        dialogs.shown.append(("open_path", "", ""))
        return dialogs.open_paths.pop(0)

    def message(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
            dialogs.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    def exec_box(box: QMessageBox) -> int:
        dialogs.shown.append(("box", box.windowTitle(), f"{box.text()}\n{box.informativeText()}"))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(files, "ask_save_changes", ask_save_changes)
    monkeypatch.setattr(files, "ask_save_path", ask_save_path)
    monkeypatch.setattr(files, "ask_open_path", ask_open_path)
    monkeypatch.setattr(QMessageBox, "critical", message("critical"))
    monkeypatch.setattr(QMessageBox, "information", message("information"))
    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return dialogs


@dataclass
class Fixture:
    window: MainWindow
    dialogs: Dialogs
    settings: QSettings
    folder: Path

    def copy_example(self, name: str = "dengue_tambon.srm", as_name: str = "แผนที่ไข้เลือดออก.srm") -> Path:
        target = self.folder / as_name
        shutil.copyfile(str(resource("examples", name)), target)
        return target


def ids_with_codes(fx: Fixture, *codes: str) -> list[str]:
    """The ids of the open map's objectives with these codes, in the order asked."""
    by_code = {o.code: o.id for o in fx.window.document.route_map.objectives}
    return [by_code[c] for c in codes]


def make_window(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str = "en",
    settings_name: str = "s.ini",
) -> Fixture:
    settings = QSettings(str(tmp_path / settings_name), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, lang=lang)
    qtbot.addWidget(window)
    dialogs = install_dialogs(window, monkeypatch)
    return Fixture(window, dialogs, settings, tmp_path)
