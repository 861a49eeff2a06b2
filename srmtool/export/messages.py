"""What the command line and the editor say about an export that could not be written, in Thai and
English: one home for the sentences both front ends show.

``say(lang, key, **values)`` gives a sentence for ``lang`` ("th" or "en"); ``reason(lang, exc)`` says
why a file could not be written in words a user can act on. Pure: no Qt, no argparse.
"""

from __future__ import annotations

import errno
from typing import Final

from srmtool.atomic import TempFileRemoved
from srmtool.model.errors import MapFileError

TEXT: Final[dict[str, tuple[str, str]]] = {
    # key: (Thai, English)
    "export_cannot_write": (
        "{path}: เขียนไฟล์ไม่ได้ เพราะ{reason}",
        "{path}: cannot write the file: {reason}",
    ),
    "export_nothing_written": (
        "ยังไม่ได้เขียนไฟล์ใดเลย ไฟล์เดิมบนดิสก์ไม่เปลี่ยนแปลง",
        "nothing was written; files already on disk are unchanged",
    ),
    "export_unavailable": (
        "{path}: การติดตั้งนี้ส่งออกเป็น {kind} ไม่ได้ ({reason})",
        "{path}: this installation cannot export {kind} ({reason})",
    ),
    "export_reason_permission": (
        "ไม่มีสิทธิ์เขียน หรือไฟล์เปิดอยู่ในโปรแกรมอื่น เช่น Excel (ปิดไฟล์นั้นแล้วลองอีกครั้ง)",
        "no permission to write it, or it is open in another program such as Excel (close it and try again)",
    ),
    "export_reason_folder_name": ("ชื่อนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์", "this name is a folder, not a file"),
    "export_reason_no_folder": ("ไม่พบโฟลเดอร์ที่จะเขียน", "the folder does not exist"),
    "export_reason_disk_full": ("พื้นที่ดิสก์เต็ม", "the disk is full"),
    "export_reason_read_only": ("ดิสก์หรือโฟลเดอร์นี้อ่านได้อย่างเดียว", "the disk or folder is read-only"),
    "export_reason_temp_removed": (
        "โปรแกรมอื่นลบไฟล์ชั่วคราวที่กำลังเขียนอยู่",
        "another program removed the temporary file it was being written to",
    ),
}


def say(lang: str, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang`` (Thai for "th", English otherwise), with ``values`` filled in."""
    th, en = TEXT[key]
    template = th if lang == "th" else en
    return template.format(**values) if values else template


def reason(lang: str, exc: BaseException) -> str:
    """Why a file could not be written, in words a user can act on."""
    if isinstance(exc, MapFileError):
        return exc.message_th if lang == "th" else exc.message_en
    if isinstance(exc, TempFileRemoved):
        return say(lang, "export_reason_temp_removed")
    if isinstance(exc, IsADirectoryError):
        return say(lang, "export_reason_folder_name")
    if isinstance(exc, PermissionError):
        return say(lang, "export_reason_permission")
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return say(lang, "export_reason_no_folder")
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return say(lang, "export_reason_disk_full")
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return say(lang, "export_reason_read_only")
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return " ".join(f"{type(exc).__name__}: {exc}".split())
