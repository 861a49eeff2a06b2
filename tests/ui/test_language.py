"""View → Language switches the whole interface between Thai and English while the editor runs,
remembers the choice, and the editor starts in the right language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_fixtures import LONG_THAI, Fixture, ids_with_codes, make_window

from srmtool.ui.document import Document
from srmtool.ui.language import (
    SETTINGS_KEY,
    TRANSLATOR_NAME,
    button_text,
    install_translator,
    startup_language,
    translation_file,
)
from srmtool.ui.table.model import RowTableModel
from srmtool.ui.window import MainWindow


@pytest.fixture(autouse=True)
def _english_after_each_test(qapp: QApplication) -> Iterator[None]:
    """No Thai translator may leak into the other tests."""
    yield
    install_translator(qapp, "en")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch, lang="en")
    fixture.window.files.open_path(fixture.copy_example())
    return fixture


def choose(window: MainWindow, lang: str) -> None:
    """Pick ``lang`` in View → Language as a user would, and let Qt deliver the LanguageChange."""
    menu = window.submenus["language"]
    (action,) = [a for a in menu.actions() if a.data() == lang]
    action.trigger()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def test_language_menu_names_each_language_in_itself_with_the_current_one_checked(fx: Fixture) -> None:
    actions = fx.window.submenus["language"].actions()
    assert [(a.text(), a.isChecked()) for a in actions] == [("English", True), ("ไทย", False)]
    assert fx.window.menus["view"].actions()[-1].menu() is fx.window.submenus["language"]


def test_switching_to_thai_changes_menus_actions_undo_and_docks_live(fx: Fixture) -> None:
    window = fx.window
    objective_id, other_id = ids_with_codes(fx, "ป1", "ภ1")
    window.document.set_objective_text(objective_id, LONG_THAI)
    assert window.named_actions["undo"].text() == "Undo Edit text"

    choose(window, "th")

    assert window.menus["file"].title() == "ไฟล์(&F)"
    assert window.menus["edit"].title() == "แก้ไข(&E)"
    assert window.named_actions["save_as"].text() == "บันทึกเป็น(&A)…"
    assert window.submenus["language"].title() == "ภาษา(&L)"
    # Tool buttons show the text without the "(&O)" a Thai menu entry carries.
    assert window.named_actions["add_objective"].iconText() == "เพิ่มเป้าประสงค์"
    # The command was named in English when it was made; the prefix follows the language at once.
    assert window.named_actions["undo"].text().startswith("เลิกทำ ")
    window.document.set_objective_text(other_id, LONG_THAI + "ทุกสัปดาห์")
    assert window.named_actions["undo"].text() == "เลิกทำ แก้ไขข้อความ"
    window.document.undo_stack.undo()
    assert window.named_actions["redo"].text() == "ทำซ้ำ แก้ไขข้อความ"
    assert window.docks["table"].windowTitle() == "ตาราง"
    assert window.scene.areas.banner.title == "จุดหมายปลายทาง"
    assert [a.isChecked() for a in window.submenus["language"].actions()] == [False, True]
    assert window.lang == "th" and window.files.lang == "th"
    assert fx.settings.value(SETTINGS_KEY) == "th"


def test_switching_back_to_english_restores_every_text(fx: Fixture) -> None:
    window = fx.window
    english = {name: a.text() for name, a in window.named_actions.items()}
    titles = {key: menu.title() for key, menu in window.menus.items()}
    docks = {name: dock.windowTitle() for name, dock in window.docks.items()}

    choose(window, "th")
    assert {name: a.text() for name, a in window.named_actions.items()} != english
    choose(window, "en")

    assert {name: a.text() for name, a in window.named_actions.items()} == english
    assert {key: menu.title() for key, menu in window.menus.items()} == titles
    assert {name: dock.windowTitle() for name, dock in window.docks.items()} == docks
    assert window.named_actions["add_objective"].iconText() == "Add Objective"
    assert window.lang == "en" and fx.settings.value(SETTINGS_KEY) == "en"
    assert not QCoreApplication.instance().findChildren(QTranslator, TRANSLATOR_NAME)  # type: ignore[union-attr]


def test_a_window_made_in_thai_shows_the_destination_banner_and_findings_in_thai(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    assert install_translator(qapp, "th")
    fixture = make_window(qtbot, tmp_path, monkeypatch, lang="th")
    window = fixture.window
    window.files.open_path(fixture.copy_example())
    assert window.scene.areas.banner.title == "จุดหมายปลายทาง"
    assert window.named_actions["add_objective"].text() == "เพิ่มเป้าประสงค์(&O)"
    assert window.named_actions["undo"].text() == "เลิกทำ"  # nothing to undo yet


def test_switching_twice_to_thai_leaves_one_set_of_translators(fx: Fixture, qapp: QApplication) -> None:
    choose(fx.window, "th")
    first = len(qapp.findChildren(QTranslator, TRANSLATOR_NAME))
    choose(fx.window, "th")
    assert len(qapp.findChildren(QTranslator, TRANSLATOR_NAME)) == first >= 1


def test_startup_language_prefers_the_command_line_then_the_saved_choice_then_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert startup_language(settings, None) == "th"  # the system's
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert startup_language(settings, None) == "en"
    settings.setValue(SETTINGS_KEY, "th")
    assert startup_language(settings, None) == "th"  # the saved choice beats the system
    assert startup_language(settings, "en") == "en"  # --lang beats both
    settings.setValue(SETTINGS_KEY, "xx")
    monkeypatch.setenv("LANG", "th_TH.UTF-8")
    assert startup_language(settings, None) == "th"  # a nonsense setting is ignored


def test_the_compiled_thai_translation_is_found_in_the_installed_package() -> None:
    path = translation_file("th")
    assert path is not None and path.suffix == ".qm"
    assert path.parent.parent.name in ("resources", "srmtool.resources") or "resources" in path.parts
    translator = QTranslator()
    assert translator.load(str(path))
    assert translator.translate("Actions", "&File") == "ไฟล์(&F)"
    assert translator.translate("QPlatformTheme", "Cancel") == "ยกเลิก"
    assert translation_file("en") is None


def test_button_text_drops_the_mnemonic_and_the_ellipsis() -> None:
    assert button_text("ส่งออกเป็น PDF(&D)…") == "ส่งออกเป็น PDF"
    assert button_text("Save &As…") == "Save As"
    assert button_text("ภาคี && อสม.(&S)") == "ภาคี & อสม."


def test_undo_texts_that_count_are_thai_in_thai(dengue_document: Document, qapp: QApplication) -> None:
    assert install_translator(qapp, "th")
    doc = dengue_document
    victims = [o.id for o in doc.route_map.objectives if o.perspective == "foundation"][:2]
    extra = next(lk for lk in doc.route_map.links if not set(victims) & {lk.source, lk.target})
    doc.delete(victims, [(extra.source, extra.target)])
    assert doc.undo_stack.undoText() == "ลบเป้าประสงค์ 2 รายการและลูกศร 1 เส้น"
    model = RowTableModel(doc)
    assert model.move_rows([model.row_id(0), model.row_id(1)], model.rowCount())
    assert doc.undo_stack.undoText() == "ย้าย 2 แถว"
