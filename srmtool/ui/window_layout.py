"""The main window's size and panel layout: a first size that fits the screen (a 1366×768 office
laptop as well as a projector), and the size and docks the user left the last window with, kept in
the window's settings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"


def fit_to_screen(window: QMainWindow) -> None:
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(1280, 860)
        return
    room = screen.availableGeometry()
    window.resize(min(1600, int(room.width() * 0.94)), min(1000, int(room.height() * 0.92)))


def restore_layout(window: QMainWindow, settings: QSettings) -> None:
    geometry = settings.value(GEOMETRY_KEY)
    state = settings.value(STATE_KEY)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(state, QByteArray):
        window.restoreState(state)


def save_layout(window: QMainWindow, settings: QSettings) -> None:
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())
