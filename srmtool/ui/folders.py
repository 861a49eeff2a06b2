"""Where the editor proposes to put files: the user's Documents folder, and file names made from a
map's title. Shared by Save and the exports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    """The user's Documents folder (home when the system names none or it does not exist)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def safe_stem(title: str, fallback: str) -> str:
    """A file name made from a map title: no path separators or characters Windows refuses, on one
    line, at most 80 characters."""
    flat = " ".join(title.split())
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in flat).strip(" .")
    return cleaned[:80].strip(" .") or fallback
