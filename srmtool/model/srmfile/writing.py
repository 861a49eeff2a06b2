"""Replacing a file atomically, keeping its previous version as ``NAME.bak`` (DESIGN.md §3).

At no instant is the file missing or partly written: the new bytes go to a temporary file in the
same folder (flushed and fsynced), the backup is made as a hard link to the old file (a copy where
links are not supported), and only then is the temporary file renamed over the old one. A failed
write raises ``MapFileError`` and leaves the old file and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from typing import Final

from srmtool.model.errors import MapFileError

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

BACKUP_SUFFIX: Final = ".bak"
_TEMP_SUFFIX: Final = ".tmp"


def backup_path(path: str | os.PathLike[str]) -> str:
    """Where the previous version of ``path`` is kept: ``NAME.srm.bak``."""
    return os.fspath(path) + BACKUP_SUFFIX


def _save_error(origin: str, exc: OSError, backup: str | None = None) -> MapFileError:
    code = exc.errno
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        en, th = "no permission to write in this folder", "ไม่มีสิทธิ์เขียนไฟล์ในโฟลเดอร์นี้"
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        en, th = "the disk is full", "พื้นที่ดิสก์เต็ม"
    elif code == errno.EROFS:
        en, th = "the disk or folder is read-only", "ดิสก์หรือโฟลเดอร์นี้อ่านได้อย่างเดียว"
    elif isinstance(exc, IsADirectoryError):
        en, th = "this name is a folder, not a file", "ชื่อนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์"
    elif isinstance(exc, FileNotFoundError | NotADirectoryError):
        en, th = "the folder does not exist", "ไม่พบโฟลเดอร์ที่จะบันทึก"
    else:
        reason = exc.strerror or str(exc)
        en, th = reason, reason
    if backup is not None:
        name = os.path.basename(backup)
        en = f"could not keep the previous version as {name} ({en})"
        th = f"เก็บฉบับก่อนหน้าเป็น {name} ไม่ได้ ({th})"
    return MapFileError(
        origin,
        "",
        f"cannot save: {en}; the file on disk is unchanged",
        f"บันทึกไม่ได้: {th} ไฟล์บนดิสก์ยังเป็นฉบับเดิม",
    )


def _temp_name(folder: str, name: str) -> str:
    return os.path.join(folder, f".{name}.{secrets.token_hex(6)}{_TEMP_SUFFIX}")


def _is_temp_of(entry: str, name: str) -> bool:
    prefix = f".{name}."
    if not (entry.startswith(prefix) and entry.endswith(_TEMP_SUFFIX)):
        return False
    token = entry[len(prefix) : -len(_TEMP_SUFFIX)]
    return len(token) == 12 and all(c in "0123456789abcdef" for c in token)


def _remove_stale_temps(folder: str, name: str) -> None:
    """Delete temporary files a crashed save of ``name`` left behind.

    A save in progress holds an exclusive lock on its temporary file, so only abandoned ones go.
    """
    try:
        entries = [e for e in os.listdir(folder) if _is_temp_of(e, name)]
    except OSError:
        return
    for entry in entries:
        full = os.path.join(folder, entry)
        with contextlib.suppress(OSError):
            if fcntl is None:
                os.unlink(full)  # fails while another process has it open
                continue
            fd = os.open(full, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                os.unlink(full)
            finally:
                os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _keep_backup(target: str, folder: str, name: str) -> None:
    """Make ``target.bak`` a copy of ``target`` without ever moving ``target`` away."""
    bak = backup_path(target)
    temp = _temp_name(folder, name)
    try:
        try:
            os.link(target, temp)
        except OSError:  # no hard links here (FAT, some network shares): copy instead
            shutil.copy2(target, temp)
            _fsync_path(temp)
        os.replace(temp, bak)
        # When the backup already was this very file (a save was killed just after making it),
        # rename does nothing and leaves the temporary name behind.
        if os.path.lexists(temp):
            os.unlink(temp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _fsync_path(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: str) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):
            _fsync_path(folder)


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, keeping the old one as ``path.bak``.

    The old file's permission bits are kept; a new file gets the usual mode (0o666 less the umask).
    A symbolic link is followed: the file it points to is replaced. Raises ``MapFileError`` naming
    ``path`` when the file cannot be written; the file on disk is then unchanged.
    """
    origin = os.fspath(path)
    try:
        target = os.path.realpath(origin)
        folder, name = os.path.split(target)
        try:
            old: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            old = None
        if old is not None and stat.S_ISDIR(old.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), origin)
        if old is not None and not stat.S_ISREG(old.st_mode):
            raise MapFileError(
                origin,
                "",
                "cannot save: this is not a regular file; the file on disk is unchanged",
                "บันทึกไม่ได้: ชื่อนี้ไม่ใช่ไฟล์ปกติ ไฟล์บนดิสก์ยังเป็นฉบับเดิม",
            )
    except OSError as exc:
        raise _save_error(origin, exc) from None
    except ValueError as exc:  # a NUL character in the path
        raise MapFileError(origin, "", f"cannot save: {exc}", "บันทึกไม่ได้: ชื่อไฟล์ไม่ถูกต้อง") from None
    _remove_stale_temps(folder, name)
    temp = _temp_name(folder, name)
    fd = -1
    stage_backup = False
    try:
        # 0o666 lets the umask decide a new file's mode, as for any other new file.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)  # tells other saves this temp file is in use
        if old is not None and hasattr(os, "fchmod"):
            os.fchmod(fd, stat.S_IMODE(old.st_mode))
        _write_all(fd, data)
        os.fsync(fd)
        if old is not None:
            stage_backup = True
            _keep_backup(target, folder, name)
            stage_backup = False
        if fcntl is None:  # Windows cannot rename an open file
            os.close(fd)
            fd = -1
        if old is not None and not hasattr(os, "fchmod"):
            os.chmod(temp, stat.S_IMODE(old.st_mode))
        os.replace(temp, target)
    except BaseException as exc:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
            fd = -1
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _save_error(origin, exc, backup_path(origin) if stage_backup else None) from None
        raise
    if fd >= 0:
        with contextlib.suppress(OSError):
            os.close(fd)
    _sync_folder(folder)
