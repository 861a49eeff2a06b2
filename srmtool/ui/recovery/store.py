"""The recovery folder: the maps autosaved by running editors, and those left behind by crashes (no Qt).

Each running editor owns one entry, named by a per-run id: ``RUN.srm`` (the map, as the editor
would save it) and ``RUN.json`` (what the recovery dialog shows: the original file, the title, the
number of objectives, when it was saved, and which process wrote it). Both are written atomically
(``write_atomically``), the map first, so an entry whose ``.json`` exists always has a complete map.
An entry is *orphaned*, and offered for recovery, when the process that wrote it no longer runs:
after a crash, ``kill -9`` or a power cut. On Linux the process is recognised by the boot id and
its start time, so a later process that happens to reuse the pid (or a new boot) does not keep a
dead entry alive.

An editor killed while it writes leaves more than its entry: the temporary file of the write
(``.RUN.srm.<hex>.tmp``, up to the map's size) or the previous version (``RUN.srm.bak``), and
sometimes half an entry. ``RecoveryStore.tidy``, at start, removes those of editors that no longer
run, and gives a map whose description was never written one, so that it is offered like any other.

The folder is ``platformdirs.user_data_dir("srmtool")/recovery`` unless the environment variable
``SRMTOOL_RECOVERY_DIR`` names another (tests and portable installs use it).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from srmtool.model.errors import MapFileError
from srmtool.model.srmfile.codec import load_map
from srmtool.model.srmfile.writing import backup_path, write_atomically
from srmtool.ui.disk_state import DiskStamp

ENV_FOLDER: Final = "SRMTOOL_RECOVERY_DIR"
FORMAT: Final = "srmtool-recovery"
VERSION: Final = 1
MAP_SUFFIX: Final = ".srm"
INFO_SUFFIX: Final = ".json"
_MAX_INFO_BYTES: Final = 64 * 1024
#: What an interrupted write of ``RUN.srm`` or ``RUN.json`` leaves: its temporary file and the
#: previous version.
_LEFTOVER: Final = re.compile(
    r"^\.(?P<temp>.+)\.(?:srm|json)\.[0-9a-f]{12}\.tmp$|^(?P<backup>.+)\.(?:srm|json)\.bak$"
)
#: A run id as ``_new_run_id`` makes it, which names the process.
_RUN_ID: Final = re.compile(r"^\d{8}-\d{6}-(?P<pid>\d+)-[0-9a-f]{6}$")


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
class _RunFiles(_EntryFiles):
    folder: Path
    run_id: str


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


def _read_info(path: Path) -> dict[str, Any] | None:
    """The description in ``path``, None for anything that is not one."""
    try:
        if path.stat().st_size > _MAX_INFO_BYTES:
            return None
        data: Any = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        return None
    return data


def _entry_from(folder: Path, info_path: Path) -> RecoveryEntry | None:
    """The entry described by ``info_path``; None for anything that is not a complete entry."""
    data = _read_info(info_path)
    if data is None:
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


def _run_of(name: str) -> str | None:
    """The run id a file of the folder belongs to, None for any other file."""
    leftover = _LEFTOVER.match(name)
    if leftover:
        return leftover.group("temp") or leftover.group("backup")
    for suffix in (MAP_SUFFIX, INFO_SUFFIX):
        if name.endswith(suffix) and not name.startswith("."):
            return name[: -len(suffix)]
    return None


def _run_is_running(folder: Path, run_id: str) -> bool:
    """Whether the editor of ``run_id`` may still run: by its description's pid and process
    identity, else by the pid in the run id. A run id of another form is never judged dead."""
    info = _read_info(folder / (run_id + INFO_SUFFIX))
    if info is not None:
        identity = info.get("identity")
        try:
            pid = int(info["pid"])
        except (KeyError, TypeError, ValueError):
            pid = -1
        if pid >= 0:
            return is_running(pid, identity if isinstance(identity, str) else None)
    named = _RUN_ID.match(run_id)
    return named is None or is_running(int(named.group("pid")), None)


def _unlink(path: Path, removed: list[Path]) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
        removed.append(path)


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

    def tidy(self) -> list[Path]:
        """Clean up after editors that no longer run (call it at start): remove the temporary
        files and previous versions their interrupted writes left, and a description whose map is
        gone; describe a map whose description was never written (a map that does not load goes).
        This editor's files, and those of an editor that still runs, are never touched; nor is a
        complete entry, which stays to be offered. Returns the files removed."""
        try:
            names = [p.name for p in self.folder.iterdir()]
        except OSError:
            return []
        runs: dict[str, list[str]] = {}
        for name in names:
            run_id = _run_of(name)
            if run_id is not None and run_id != self.run_id:
                runs.setdefault(run_id, []).append(name)
        removed: list[Path] = []
        for run_id, files in sorted(runs.items()):
            if _run_is_running(self.folder, run_id):
                continue
            for name in files:
                if _LEFTOVER.match(name):
                    _unlink(self.folder / name, removed)
            self._complete(run_id, removed)
        return removed

    def _complete(self, run_id: str, removed: list[Path]) -> None:
        """Make the half entry of a dead run whole, or remove it."""
        files = _RunFiles(self.folder, run_id)
        has_map, info = files.map_path.is_file(), _read_info(files.info_path)
        if info is not None and not has_map:
            _unlink(files.info_path, removed)
        elif has_map and info is None:
            try:
                route_map = load_map(files.map_path)
                saved = datetime.fromtimestamp(files.map_path.stat().st_mtime, UTC)
            except (MapFileError, OSError):
                _unlink(files.map_path, removed)
                _unlink(files.info_path, removed)
                return
            description = {
                "format": FORMAT,
                "version": VERSION,
                "original": None,  # unknown: it was in the description
                "title": route_map.meta.title,
                "objectives": len(route_map.objectives),
                "saved": saved.isoformat(timespec="seconds"),
                "pid": 0,  # no process: always an orphan
                "identity": None,
                "disk": None,
            }
            text = json.dumps(description, ensure_ascii=False, indent=2)
            with contextlib.suppress(OSError, MapFileError):
                _write_without_backup(files.info_path, text.encode())

    def orphans(self) -> list[RecoveryEntry]:
        """The entries of editors that stopped without closing properly, newest first."""
        return [e for e in self.entries() if e.run_id != self.run_id and e.is_orphaned()]

    @staticmethod
    def delete(entry: RecoveryEntry) -> None:
        """Remove an entry (recovered into a window, or discarded by the user), with whatever its
        editor's interrupted writes left."""
        for path in (entry.info_path, entry.map_path):
            with contextlib.suppress(OSError):
                path.unlink()
        try:
            leftovers = [p for p in entry.folder.iterdir() if _LEFTOVER.match(p.name)]
        except OSError:
            return
        for path in (p for p in leftovers if _run_of(p.name) == entry.run_id):
            with contextlib.suppress(OSError):
                path.unlink()
