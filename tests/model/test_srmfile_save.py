"""Saving is atomic, keeps a backup and the file's permissions, and a failed save changes nothing."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from srmfile_samples import thai_map

from srmtool.model import MapFileError, RouteMap, dumps_map, load_map, save_map
from srmtool.model.srmfile.codec import backup_path
from srmtool.model.types import Objective, Row


def new_map() -> RouteMap:
    m = thai_map()
    m.destination = "ฉบับใหม่: ตำบลปลอดลูกน้ำยุงลายภายในปี 2569"
    return m


@pytest.fixture
def saved(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "แผนอำเภอ.srm"
    save_map(thai_map(), path)
    yield path


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def assert_failed_cleanly(err: MapFileError, path: Path, before: set[str], old: bytes | None) -> None:
    assert err.path == str(path)
    assert "cannot save" in err.message_en and "บันทึกไม่ได้" in err.message_th
    assert names(path.parent) == before  # no temporary file left
    if old is not None:
        assert path.read_bytes() == old


def test_new_file_follows_the_umask(tmp_path: Path) -> None:
    old_mask = os.umask(0o027)
    try:
        save_map(thai_map(), tmp_path / "ใหม่.srm")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "ใหม่.srm").stat().st_mode) == 0o640


def test_permission_bits_are_kept(saved: Path) -> None:
    saved.chmod(0o604)
    save_map(new_map(), saved)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o604
    assert stat.S_IMODE(Path(backup_path(saved)).stat().st_mode) == 0o604
    assert load_map(saved) == new_map()


def test_backup_is_the_old_file_itself_not_a_renamed_target(saved: Path) -> None:
    old_inode = saved.stat().st_ino
    save_map(new_map(), saved)
    assert Path(backup_path(saved)).stat().st_ino == old_inode  # a hard link to the old version
    assert saved.stat().st_ino != old_inode


def test_target_is_complete_at_the_moment_it_is_replaced(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = saved.read_bytes()
    seen: list[tuple[bytes, bytes]] = []
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if os.fspath(dst) == str(saved):
            seen.append((saved.read_bytes(), Path(backup_path(saved)).read_bytes()))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    save_map(new_map(), saved)
    assert seen == [(old, old)]  # the old file and its backup both there, whole, just before the swap
    assert saved.read_bytes() == dumps_map(new_map())


def test_copy_when_hard_links_are_not_supported(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = saved.read_bytes()

    def no_links(src: Any, dst: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    save_map(new_map(), saved)
    assert Path(backup_path(saved)).read_bytes() == old
    assert load_map(saved) == new_map()
    assert names(saved.parent) == {saved.name, Path(backup_path(saved)).name}


def test_folder_not_writable(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = saved.read_bytes()
    before = names(saved.parent)
    saved.parent.chmod(0o555)
    try:
        if os.access(saved.parent, os.W_OK):  # root writes anyway: refuse the temporary file instead
            real_open = os.open

            def denied(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
                if os.fspath(path).endswith(".tmp"):
                    raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
                return real_open(path, flags, *args, **kwargs)

            monkeypatch.setattr(os, "open", denied)
        with pytest.raises(MapFileError) as info:
            save_map(new_map(), saved)
    finally:
        saved.parent.chmod(0o755)
    assert_failed_cleanly(info.value, saved, before, old)
    assert "no permission" in info.value.message_en
    assert "ไม่มีสิทธิ์เขียน" in info.value.message_th


def test_disk_full_while_writing(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = saved.read_bytes()
    before = names(saved.parent)
    real_open, real_write = os.open, os.write
    temp_fds: set[int] = set()

    def tracking_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        fd = real_open(path, flags, *args, **kwargs)
        if os.fspath(path).endswith(".tmp"):
            temp_fds.add(fd)
        return fd

    def full(fd: int, data: Any) -> int:
        if fd in temp_fds:
            real_write(fd, bytes(data[:100]))  # part of it lands, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "open", tracking_open)
    monkeypatch.setattr(os, "write", full)
    with pytest.raises(MapFileError) as info:
        save_map(new_map(), saved)
    assert_failed_cleanly(info.value, saved, before, old)
    assert "disk is full" in info.value.message_en
    assert "ดิสก์เต็ม" in info.value.message_th


def test_fsync_failure(saved: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = saved.read_bytes()
    before = names(saved.parent)

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(MapFileError) as info:
        save_map(new_map(), saved)
    assert_failed_cleanly(info.value, saved, before, old)
    assert "Input/output error" in info.value.message_en


def test_path_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "เป็นโฟลเดอร์.srm"
    folder.mkdir()
    (folder / "ข้างใน.txt").write_text("ของเดิม", encoding="utf-8")
    before = names(tmp_path)
    with pytest.raises(MapFileError) as info:
        save_map(thai_map(), folder)
    assert_failed_cleanly(info.value, folder, before, None)
    assert "folder" in info.value.message_en and "โฟลเดอร์" in info.value.message_th
    assert (folder / "ข้างใน.txt").read_text(encoding="utf-8") == "ของเดิม"


def test_folder_does_not_exist(tmp_path: Path) -> None:
    path = tmp_path / "ไม่มีโฟลเดอร์นี้" / "แผน.srm"
    with pytest.raises(MapFileError) as info:
        save_map(thai_map(), path)
    assert "folder does not exist" in info.value.message_en
    assert "ไม่พบโฟลเดอร์" in info.value.message_th
    assert names(tmp_path) == set()


def test_backup_cannot_be_made(saved: Path) -> None:
    old = saved.read_bytes()
    bak = Path(backup_path(saved))
    bak.mkdir()
    (bak / "กันไว้").write_text("x", encoding="utf-8")
    before = names(saved.parent)
    with pytest.raises(MapFileError) as info:
        save_map(new_map(), saved)
    assert_failed_cleanly(info.value, saved, before, old)
    assert bak.name in info.value.message_en and bak.name in info.value.message_th


def test_map_that_would_not_load_back_is_not_written(saved: Path) -> None:
    old = saved.read_bytes()
    before = names(saved.parent)
    m = thai_map()
    m.objectives.append(Objective(id="o1", perspective="people", text="รหัสซ้ำ"))
    with pytest.raises(MapFileError) as info:
        save_map(m, saved)
    assert_failed_cleanly(info.value, saved, before, old)
    assert info.value.where == "objectives[4].id"
    assert "ซ้ำ" in info.value.message_th


def test_not_a_number_is_not_written(saved: Path) -> None:
    old = saved.read_bytes()
    m = thai_map()
    m.objectives[1].x = float("nan")
    with pytest.raises(MapFileError) as info:
        save_map(m, saved)
    assert info.value.where == "objectives[1]"
    assert saved.read_bytes() == old


def test_unstorable_unknown_value_is_refused(saved: Path) -> None:
    m = thai_map()
    m.table.rows.append(Row(id="r9", objective="o1"))
    m.table.rows[-1].__pydantic_extra__ = {"ชุด": {1, 2}}  # a script put a set there
    with pytest.raises(MapFileError) as info:
        save_map(m, saved)
    assert info.value.where == "table.rows[3].ชุด"
    assert "JSON" in info.value.message_en


def test_stale_temp_files_are_cleared_but_a_live_one_is_kept(saved: Path) -> None:
    folder = saved.parent
    stale = folder / f".{saved.name}.0123456789ab.tmp"
    stale.write_bytes(b'{"format": "srmtool-map", "ver')  # a save killed half-way
    live = folder / f".{saved.name}.ba9876543210.tmp"
    live.write_bytes(b"{")
    other = folder / ".อื่น.srm.0123456789ab.tmp"  # another file's temp: not ours to touch
    other.write_bytes(b"{")
    fd = os.open(live, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as a save in progress in another process holds it
        save_map(new_map(), saved)
        assert not stale.exists()
        assert live.exists() and other.exists()
    finally:
        os.close(fd)
    assert load_map(saved) == new_map()
    save_map(thai_map(), saved)
    assert not live.exists()


def test_fifo_target_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "ท่อ.srm"
    os.mkfifo(fifo)
    with pytest.raises(MapFileError) as info:
        save_map(thai_map(), fifo)
    assert "not a regular file" in info.value.message_en
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_backup_already_linked_to_the_file(saved: Path) -> None:
    """A save killed just after making the backup leaves ``.bak`` and the file as one; the next save copes."""
    bak = Path(backup_path(saved))
    os.link(saved, bak)
    old = saved.read_bytes()
    save_map(new_map(), saved)
    assert bak.read_bytes() == old
    assert load_map(saved) == new_map()
    assert names(saved.parent) == {saved.name, bak.name}
