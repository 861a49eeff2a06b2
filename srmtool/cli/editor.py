"""``srmtool [FILE]``: the map editor's door.

``open_editor`` is the one function the command line calls for the editor. The window does not exist
yet, so for now it says so in the user's language and prints the ``info`` summary of FILE. When the
editor arrives, replace the body with a lazy ``from srmtool.ui.app import run`` (Qt is imported only
here, never at module level) and keep the signature and the exit statuses.
"""

from __future__ import annotations

from typing import TextIO

from srmtool.cli.commands import EXIT_OK, run_info
from srmtool.cli.text import say


def open_editor(path: str | None, lang: str, out: TextIO, err: TextIO) -> int:
    """Open ``path`` (or an empty map) in the editor; 0 when done, 2 when ``path`` cannot be read."""
    print(say(lang, "no_editor"), file=out)
    if path is None:
        print(say(lang, "no_editor_hint"), file=out)
        return EXIT_OK
    return run_info(path, lang, out, err)
