"""Replacing a map file atomically, keeping its previous version as ``NAME.bak`` (DESIGN.md §3).

At no instant is the file missing or partly written: the new bytes go to a temporary file in the
same folder (flushed and fsynced), the backup is made as a hard link to the old file (a copy where
links are not supported), and only then is the temporary file renamed over the old one. The steps
are ``srmtool.atomic``'s, shared with the exports, and safe when several processes save one file at
once. A failed write raises ``MapFileError`` saying truly why, and leaves the old file and no
temporary file behind. A file removed by someone else while it is being saved is written anew:
there is no previous version to keep.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import Final

from srmtool.atomic import TempFile, TempFileRemoved, remove_stale_temps, sync_folder
from srmtool.model.errors import MapFileError

BACKUP_SUFFIX: Final = ".bak"


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
    elif isinstance(exc, TempFileRemoved):
        en = "another program removed the temporary file it was being written to"
        th = "โปรแกรมอื่นลบไฟล์ชั่วคราวที่กำลังเขียนอยู่"
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


def _keep_backup(target: str, folder: str, name: str) -> None:
    """Make ``target.bak`` a copy of ``target`` without ever moving ``target`` away."""
    try:
        previous = TempFile.copy_of(target, folder, name)
    except FileNotFoundError:
        if os.path.isdir(folder) and not os.path.lexists(target):
            return  # removed since the save began: there is no previous version to keep
        raise
    with previous:
        previous.replace(backup_path(target))


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
    remove_stale_temps(folder, name)
    stage_backup = False
    try:
        with TempFile.new(folder, name) as temp:
            if old is not None:
                temp.chmod(stat.S_IMODE(old.st_mode))
            temp.write(data)
            if old is not None:
                stage_backup = True
                _keep_backup(target, folder, name)
                stage_backup = False
            temp.replace(target)
    except OSError as exc:
        # Without its folder the file is gone whole: that is the reason, not the backup.
        backup = backup_path(origin) if stage_backup and os.path.isdir(folder) else None
        raise _save_error(origin, exc, backup) from None
    sync_folder(folder)
