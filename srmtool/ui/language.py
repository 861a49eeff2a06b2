"""The interface language: which one to start in, the Qt translators that speak it, and View → Language.

Thai is the default on a Thai system and English otherwise (``srmtool.i18n.system_language``); a
choice made in the menu is kept in the settings (``ui/language``) and wins over the system's, and
``--lang`` on the command line wins over both. Switching is live: installing a translator makes Qt
send ``LanguageChange`` to every window, and each widget's ``retranslate`` re-reads its texts.

Translations are Qt Linguist files: ``resources/translations/srmtool_th.ts`` in git, compiled to
``srmtool_th.qm`` when the package is built (setup.py) and loaded from the installed package.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from typing_extensions import override

from srmtool.i18n import system_language
from srmtool.resources_path import resource
from srmtool.ui.actions import ACTIONS, translate

if TYPE_CHECKING:
    from srmtool.ui.window import MainWindow

SETTINGS_KEY: Final = "ui/language"
#: The interface languages, each named in its own language (never translated).
LANGUAGES: Final[dict[str, str]] = {"en": "English", "th": "ไทย"}
TRANSLATOR_NAME: Final = "srmtool_translator"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return text


#: Qt's own texts that PySide6 ships no Thai translation for (there is no qtbase_th.qm): the standard
#: dialog buttons and the text fields' context menu. Listed here so that lupdate puts them in our .ts,
#: in Qt's own contexts; Qt looks them up through every installed translator.
QT_OWN_TEXTS: Final = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close without Saving"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
)


def saved_language(settings: QSettings) -> str | None:
    """The language the user last chose in the menu, if any."""
    value = settings.value(SETTINGS_KEY)
    return str(value) if value in LANGUAGES else None


def startup_language(settings: QSettings, lang: str | None) -> str:
    """The interface language to start in: ``lang`` when given (``--lang``), else the user's saved
    choice, else the system's (Thai on a Thai locale)."""
    if lang in LANGUAGES:
        return str(lang)
    return saved_language(settings) or system_language()


def translation_file(lang: str) -> Path | None:
    """The compiled translation of the installed package for ``lang``; None for English or when it
    is missing (a build that did not run lrelease)."""
    if lang == "en":
        return None
    path = Path(str(resource("translations", f"srmtool_{lang}.qm")))
    return path if path.is_file() else None


def _load(app: QCoreApplication, name: str, folder: str) -> bool:
    translator = QTranslator(app)
    if translator.load(name, folder) and QCoreApplication.installTranslator(translator):
        translator.setObjectName(TRANSLATOR_NAME)
        return True
    translator.deleteLater()
    return False


def install_translator(app: QCoreApplication, lang: str) -> bool:
    """Make ``app`` speak ``lang`` (``"th"`` or ``"en"``), replacing the translators installed before
    (Qt then tells every window to retranslate). Also sets the default locale to match. False when
    the translation for ``lang`` cannot be loaded (the interface stays in English)."""
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        QCoreApplication.removeTranslator(old)
        old.setObjectName("")  # deleted later, by the event loop; no longer ours meanwhile
        old.deleteLater()
    if lang == "th":
        QLocale.setDefault(QLocale("th_TH"))
    else:
        QLocale.setDefault(QLocale("en_US"))
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # both languages read left to right
    if lang == "en":
        return True
    path = translation_file(lang)
    # Qt's own translation first, if this Qt has one, so that ours (installed later) wins.
    _load(app, f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if path is None or not _load(app, path.stem, str(path.parent)):
        name = LANGUAGES.get(lang, lang)
        print(f"srmtool: the {name} translation is missing; using English", file=sys.stderr)
        return False
    return True


MNEMONIC = re.compile(r"\s*\(&[^)]\)")  # Thai menus' "ไฟล์(&F)": the key in brackets


def button_text(menu_text: str) -> str:
    """A menu text as a tool button shows it: no mnemonic, no ellipsis ("ไฟล์(&F)…" → "ไฟล์")."""
    return MNEMONIC.sub("", menu_text).replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class _TextFollower(QObject):
    """Keeps the texts that Qt does not re-read by itself in the current language.

    The undo stack's own actions fix their prefix ("Undo"/"Redo") when they are made; this re-prefixes
    them after every change of the stack's text (it is connected after the stack's own update, so it
    runs last) and when the language changes. Tool buttons get their text without the "(&X)" that
    Thai menu texts carry. Also asks the canvas to redraw its own texts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        stack = window.document.undo_stack
        stack.undoTextChanged.connect(self.apply)
        stack.redoTextChanged.connect(self.apply)
        window.installEventFilter(self)
        self.apply()
        self.apply_button_texts()

    def apply_button_texts(self) -> None:
        for name, action in self._window.named_actions.items():
            if name in ACTIONS and name not in ("undo", "redo"):
                action.setIconText(button_text(translate(ACTIONS[name].text)))

    def apply(self) -> None:
        stack = self._window.document.undo_stack
        if not shiboken6.isValid(stack):  # the stack's destructor clears it, which signals here
            return
        for name, prefix, text in (
            ("undo", QCoreApplication.translate("MainWindow", "Undo"), stack.undoText()),
            ("redo", QCoreApplication.translate("MainWindow", "Redo"), stack.redoText()),
        ):
            self._window.named_actions[name].setText(f"{prefix} {text}" if text else prefix)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.apply()
            self.apply_button_texts()
            self._window.scene.retranslate()
        return False


def switch_language(window: MainWindow, lang: str) -> None:
    """Speak ``lang`` from now on, in every window of the program, and remember the choice."""
    window.settings.setValue(SETTINGS_KEY, lang)
    window.lang = lang
    window.files.lang = lang
    app = QCoreApplication.instance()
    if app is not None:
        install_translator(app, lang)
    for action in window.submenus["language"].actions():
        action.setChecked(action.data() == lang)


def install(window: MainWindow) -> None:
    """Fill View → Language with one checkable entry per language, the current one checked."""
    menu = window.submenus["language"]
    group = QActionGroup(menu)
    group.setExclusive(True)
    for code, name in LANGUAGES.items():
        action = QAction(name, menu)
        action.setObjectName(f"language_{code}")
        action.setData(code)
        action.setCheckable(True)
        action.setChecked(code == window.lang)
        action.triggered.connect(lambda _checked=False, code=code: switch_language(window, code))
        group.addAction(action)
        menu.addAction(action)
    _TextFollower(window)
