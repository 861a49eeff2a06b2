"""Start the editor: the Qt application, its name and font, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from srmtool import __version__
from srmtool.ui.fonts import FONT_FAMILY, load_fonts

ORGANIZATION = "srmtool"
APPLICATION = "srmtool"


def application() -> QApplication:
    """The running QApplication, or a new one with Sarabun as its font; named srmtool either way."""
    QGuiApplication.setApplicationName(APPLICATION)
    QGuiApplication.setOrganizationName(ORGANIZATION)
    QGuiApplication.setApplicationDisplayName(APPLICATION)
    QGuiApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APPLICATION)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else APPLICATION])
    if FONT_FAMILY in load_fonts():
        font = QFont(app.font())
        font.setFamilies([FONT_FAMILY, *font.families()])
        app.setFont(font)
    return app


def run(path: Path | None, lang: str | None, *, settings: QSettings | None = None) -> int:
    """Show the editor with ``path`` or a new map until it closes; the exit status (2 when ``path``
    cannot be opened after all). ``lang`` is the interface language asked for on the command line
    (None: the user's last choice, else the system's). ``settings`` default to the user's."""
    from srmtool.ui.language import install_translator, startup_language
    from srmtool.ui.recovery.feature import offer_recovery
    from srmtool.ui.window import MainWindow, default_settings

    app = application()
    settings = settings if settings is not None else default_settings()
    lang = startup_language(settings, lang)
    install_translator(app, lang)
    window = MainWindow(settings=settings, lang=lang, staged=True)
    if path is not None and not window.files.open_path(path, ask=False):
        return 2
    window.show()
    if window.startup is not None:  # the recovery question comes after the first frames
        window.startup.when_done(lambda: offer_recovery(window))
    return app.exec()
