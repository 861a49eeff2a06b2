"""``srmtool.atomic``: a file is put in place whole or not at all, and a writer holds its temporary
file against the clean-up of other writers from the moment it has its name."""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

import pytest

from srmtool import atomic
from srmtool.atomic import TempFile, TempFileRemoved, is_temp_of, replace_file, try_folder

DATA = "แผนที่ทางเดินยุทธศาสตร์ ตำบลบ้านนา ปี 2569\n".encode()


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_replace_file_writes_whole_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "ตาราง.xlsx"
    target.write_bytes(b"old")
    replace_file(target, DATA)
    assert target.read_bytes() == DATA
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ตาราง.xlsx"]


def test_temporary_names_are_recognised_for_their_file_only() -> None:
    assert is_temp_of(".แผน.srm.0123456789ab.tmp", "แผน.srm")
    assert not is_temp_of(".แผน.srm.0123456789ab.tmp", "แผน")
    assert not is_temp_of(".แผน.srm.bak.0123456789ab.tmp", "แผน.srm")
    assert not is_temp_of(".แผน.srm.0123456789AB.tmp", "แผน.srm")
    assert not is_temp_of(".แผน.srm.0123456789a.tmp", "แผน.srm")


def test_a_writer_whose_temporary_file_was_cleaned_up_before_its_lock_starts_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "แผน.pdf"
    real_flock = fcntl.flock
    removed: list[str] = []

    def flock(fd: int, operation: int) -> None:
        if operation == fcntl.LOCK_EX and not removed:  # another writer's clean-up got there first
            [name] = temps(tmp_path)
            os.unlink(tmp_path / name)
            removed.append(name)
        real_flock(fd, operation)

    monkeypatch.setattr(atomic.fcntl, "flock", flock)
    replace_file(target, DATA)
    assert len(removed) == 1
    assert target.read_bytes() == DATA and temps(tmp_path) == []


def test_a_file_system_without_locks_still_gets_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(atomic.fcntl, "flock", no_locks)
    replace_file(tmp_path / "แผน.svg", DATA)
    assert (tmp_path / "แผน.svg").read_bytes() == DATA and temps(tmp_path) == []


def test_a_copy_is_retried_when_a_new_version_was_renamed_over_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linux refuses a hard link to a file that a rename is replacing at that instant (ENOENT)."""
    source = tmp_path / "แผน.srm"
    source.write_bytes(DATA)
    real_link = os.link
    calls: list[str] = []

    def link(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 1:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), src)
        real_link(src, dst)

    monkeypatch.setattr(os, "link", link)
    with TempFile.copy_of(str(source), str(tmp_path), source.name) as copy:
        assert Path(copy.path).read_bytes() == DATA
        copy.replace(str(tmp_path / "แผน.srm.bak"))
    assert len(calls) == 2
    assert (tmp_path / "แผน.srm.bak").read_bytes() == DATA and temps(tmp_path) == []


def test_a_copy_of_a_file_that_is_gone_says_so(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        TempFile.copy_of(str(tmp_path / "ไม่มี.srm"), str(tmp_path), "ไม่มี.srm")
    assert temps(tmp_path) == []


def test_a_temporary_file_removed_before_the_rename_is_told_apart_from_a_missing_folder(
    tmp_path: Path,
) -> None:
    with TempFile.new(str(tmp_path), "แผน.pdf") as temp:
        temp.write(DATA)
        os.unlink(temp.path)
        with pytest.raises(TempFileRemoved):
            temp.replace(str(tmp_path / "แผน.pdf"))
    assert list(tmp_path.iterdir()) == []


def test_try_folder_refuses_what_cannot_be_written_and_leaves_nothing(tmp_path: Path) -> None:
    try_folder(tmp_path / "ผล.xlsx")
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "โฟลเดอร์.pdf").mkdir()
    with pytest.raises(IsADirectoryError):
        try_folder(tmp_path / "โฟลเดอร์.pdf")
    with pytest.raises(FileNotFoundError):
        try_folder(tmp_path / "ไม่มี" / "ผล.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["โฟลเดอร์.pdf"]
