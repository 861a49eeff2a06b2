"""``srmtool [FILE]``: the map editor's door, the one module of the command line that imports the
editor (``srmtool.ui``) and so loads Qt.

``open_editor`` is the one function the command line calls for the editor window. It reads FILE
first, with no Qt loaded, so that an unreadable file is one clear line on stderr (exit status 2)
rather than a window; only then does it import the editor (``srmtool.ui.app``).

``picture_writers`` is the other thing behind this door: ``srmtool export --png/--svg`` draws the
map with the editor's own canvas, so the pictures match the screen. The export package cannot hold
those writers (it never imports Qt); the editor hands them over here, as it hands them to its own
export dialog.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from srmtool.cli.map_commands import EXIT_UNREADABLE, read_map
from srmtool.cli.text import say
from srmtool.export.writers import Writer
from srmtool.model.errors import MapFileError


def has_display() -> bool:
    """Whether Qt can open a window: always off Linux; on Linux an X or Wayland display, or a Qt
    platform chosen explicitly (``QT_QPA_PLATFORM``)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def has_console() -> bool:
    """Whether what is printed can be seen: False in a program without a console (the bundled
    ``srmtoolw.exe`` that Windows starts from the Start menu and for a double-clicked ``.srm``)."""
    return sys.stderr is not None


def open_editor(path: str | None, lang: str, out: TextIO, err: TextIO, ui_lang: str | None = None) -> int:
    """Open ``path`` (or an empty map) in the editor; the editor's exit status when it closes, 2 when
    ``path`` cannot be read or no window can be shown. ``lang`` is for these messages; ``ui_lang``
    is the window's language when the command line chose one (None: the editor decides). Without a
    console an unreadable file is left to the window, which says so in a dialog (and offers a backup)."""
    if path is not None and has_console():
        loaded = read_map(path)
        if isinstance(loaded, MapFileError):
            print(loaded.message(lang), file=err)
            return EXIT_UNREADABLE
    if not has_display():
        print(say(lang, "no_display"), file=err)
        return EXIT_UNREADABLE
    from srmtool.ui.app import run  # Qt is imported here and nowhere else on the command line

    return run(Path(path) if path is not None else None, ui_lang)


def picture_writers(lang: str) -> Mapping[str, Writer]:
    """The editor's PNG and SVG writers, with a Qt application ready (offscreen without a display)
    and the pictures' interface words (the banner's "Destination") in ``lang``. Raises
    ``ImportError`` when this installation has no Qt."""
    from srmtool.ui.render import picture_writers as from_the_editor

    return from_the_editor(lang)
