"""The recovery folder: the maps autosaved by running editors, and those left behind by crashes (no Qt).

Each running editor owns one entry, named by a per-run id: ``RUN.srm`` (the map, as the editor
would save it) and ``RUN.json`` (what the recovery dialog shows: the original file, the title, the
number of objectives, when it was saved, and which process wrote it). Both are written atomically
(``write_atomically``), the map first, so an entry whose ``.json`` exists always has a complete map.
An entry is *orphaned*, and offered for recovery, when the process that wrote it no longer runs:
after a crash, ``kill -9`` or a power cut. On Linux the process is recognised by the boot id and
its start time, so a later process that happens to reuse the pid (or a new boot) does not keep a
dead entry alive.

The folder is ``platformdirs.user_data_dir("srmtool")/recovery`` unless the environment variable
``SRMTOOL_RECOVERY_DIR`` names another (tests and portable installs use it).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from srmtool.model.srmfile.writing import backup_path, write_atomically
from srmtool.ui.disk_state import DiskStamp

ENV_FOLDER: Final = "SRMTOOL_RECOVERY_DIR"
FORMAT: Final = "srmtool-recovery"
VERSION: Final = 1
MAP_SUFFIX: Final = ".srm"
INFO_SUFFIX: Final = ".json"
_MAX_INFO_BYTES: Final = 64 * 1024


def recovery_folder() -> Path:
    """Where autosaved maps go: ``$SRMTOOL_RECOVERY_DIR`` when set, else the user's data folder."""
    chosen = os.environ.get(ENV_FOLDER, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("srmtool", appauthor=False)) / "recovery"


# -- processes ------------------------------------------------------------------------------------


def _linux_identity(pid: int) -> str | None:
    """``BOOT_ID:START_TICKS`` of process ``pid`` (Linux), None when it does not run or is unknown."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()  # the command name in (...) may hold spaces
    if len(fields) < 20:
        return None
    return f"{boot}:{fields[19]}"  # field 22 of stat: start time in clock ticks after boot


def process_identity(pid: int) -> str | None:
    """What tells process ``pid`` from a later one with the same number; None where unknown."""
    if sys.platform.startswith("linux"):
        return _linux_identity(pid)
    return None


def _windows_running(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(kernel32.GetLastError() == 5)  # access denied: it runs, as another user
    try:
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def is_running(pid: int, identity: str | None) -> bool:
    """True when the process that wrote an entry (``pid``, ``identity``) still runs."""
    if pid <= 0:
        return False
    if identity is not None and sys.platform.startswith("linux"):
        return _linux_identity(pid) == identity
    if sys.platform == "win32":  # pragma: no cover
        return _windows_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: not ours to judge dead
    except OSError:
        return False
    return True


# -- entries --------------------------------------------------------------------------------------


class _EntryFiles:
    """The two files of the entry ``run_id`` in ``folder``: the map and its description."""

    folder: Path
    run_id: str

    @property
    def map_path(self) -> Path:
        return self.folder / (self.run_id + MAP_SUFFIX)

    @property
    def info_path(self) -> Path:
        return self.folder / (self.run_id + INFO_SUFFIX)


@dataclass(frozen=True)
class RecoveryEntry(_EntryFiles):
    """One autosaved map and what the recovery dialog shows of it."""

    folder: Path
    run_id: str
    pid: int
    identity: str | None
    saved: datetime  # aware, UTC
    original: Path | None  # the map's file, None for a map never saved
    title: str
    objectives: int
    disk: DiskStamp | None  # the original file as the editor last read or wrote it

    @property
    def display_name(self) -> str:
        """The original file's name, else the map's title (empty when it has neither)."""
        return self.original.name if self.original is not None else self.title

    def is_orphaned(self) -> bool:
        return not is_running(self.pid, self.identity)


def _entry_from(folder: Path, info_path: Path) -> RecoveryEntry | None:
    """The entry described by ``info_path``; None for anything that is not a complete entry."""
    try:
        if info_path.stat().st_size > _MAX_INFO_BYTES:
            return None
        data: Any = json.loads(info_path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        return None
    run_id = info_path.name[: -len(INFO_SUFFIX)]
    try:
        saved = datetime.fromisoformat(str(data["saved"]))
        if saved.tzinfo is None:
            saved = saved.replace(tzinfo=UTC)
        pid = int(data["pid"])
        objectives = int(data.get("objectives", 0))
    except (KeyError, TypeError, ValueError):
        return None
    original = data.get("original")
    identity = data.get("identity")
    entry = RecoveryEntry(
        folder=folder,
        run_id=run_id,
        pid=pid,
        identity=identity if isinstance(identity, str) else None,
        saved=saved,
        original=Path(original) if isinstance(original, str) and original else None,
        title=str(data.get("title", "")),
        objectives=objectives,
        disk=DiskStamp.from_json(data.get("disk")),
    )
    return entry if entry.map_path.is_file() else None


def _new_run_id() -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{os.getpid()}-{secrets.token_hex(3)}"


def _write_without_backup(path: Path, data: bytes) -> None:
    write_atomically(path, data)
    with contextlib.suppress(OSError):  # a recovery file needs no previous version
        os.unlink(backup_path(path))


class RecoveryStore(_EntryFiles):
    """The recovery folder as seen by one running editor, which owns the entry ``run_id``."""

    def __init__(self, folder: Path | None = None, run_id: str | None = None) -> None:
        self.folder = folder if folder is not None else recovery_folder()
        self.run_id = run_id or _new_run_id()
        self._pid = os.getpid()
        self._identity = process_identity(self._pid)

    def write(
        self, data: bytes, *, original: Path | None, title: str, objectives: int, disk: DiskStamp | None
    ) -> None:
        """Replace this editor's entry with the map ``data``; raises ``MapFileError`` or ``OSError``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        info = {
            "format": FORMAT,
            "version": VERSION,
            "original": os.fspath(original) if original is not None else None,
            "title": title,
            "objectives": objectives,
            "saved": datetime.now(UTC).isoformat(timespec="seconds"),
            "pid": self._pid,
            "identity": self._identity,
            "disk": disk.to_json() if disk is not None else None,
        }
        _write_without_backup(self.map_path, data)
        _write_without_backup(self.info_path, json.dumps(info, ensure_ascii=False, indent=2).encode())

    def remove(self) -> None:
        """Forget this editor's entry (saved, discarded or closed cleanly)."""
        for path in (self.info_path, self.map_path):  # the description first: never a half entry
            with contextlib.suppress(OSError):
                path.unlink()

    def entries(self) -> list[RecoveryEntry]:
        """Every complete entry in the folder, newest first."""
        try:
            names = sorted(p for p in self.folder.iterdir() if p.name.endswith(INFO_SUFFIX))
        except OSError:
            return []
        found = [e for p in names if (e := _entry_from(self.folder, p)) is not None]
        return sorted(found, key=lambda e: e.saved, reverse=True)

    def orphans(self) -> list[RecoveryEntry]:
        """The entries of editors that stopped without closing properly, newest first."""
        return [e for e in self.entries() if e.run_id != self.run_id and e.is_orphaned()]

    @staticmethod
    def delete(entry: RecoveryEntry) -> None:
        """Remove an entry (recovered into a window, or discarded by the user)."""
        for path in (entry.info_path, entry.map_path):
            with contextlib.suppress(OSError):
                path.unlink()
