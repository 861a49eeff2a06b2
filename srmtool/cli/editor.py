"""``srmtool [FILE]``: the map editor's door.

``open_editor`` is the one function the command line calls for the editor. It reads FILE first, with
no Qt loaded, so that an unreadable file is one clear line on stderr (exit status 2) rather than a
window; only then does it import the editor (``srmtool.ui.app``), which loads Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from srmtool.cli.map_commands import EXIT_UNREADABLE, read_map
from srmtool.cli.text import say
from srmtool.model.errors import MapFileError


def has_display() -> bool:
    """Whether Qt can open a window: always off Linux; on Linux an X or Wayland display, or a Qt
    platform chosen explicitly (``QT_QPA_PLATFORM``)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def open_editor(path: str | None, lang: str, out: TextIO, err: TextIO, ui_lang: str | None = None) -> int:
    """Open ``path`` (or an empty map) in the editor; the editor's exit status when it closes, 2 when
    ``path`` cannot be read or no window can be shown. ``lang`` is for these messages; ``ui_lang``
    is the window's language when the command line chose one (None: the editor decides)."""
    if path is not None:
        loaded = read_map(path)
        if isinstance(loaded, MapFileError):
            print(loaded.message(lang), file=err)
            return EXIT_UNREADABLE
    if not has_display():
        print(say(lang, "no_display"), file=err)
        return EXIT_UNREADABLE
    from srmtool.ui.app import run  # Qt is imported here and nowhere else on the command line

    return run(Path(path) if path is not None else None, ui_lang)
