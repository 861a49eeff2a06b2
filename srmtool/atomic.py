"""Putting a file in place whole or not at all: the one implementation behind the model's saves and
the exports (DESIGN.md §3 and §5).

The new bytes go to a temporary file in the target's own folder, ``.NAME.<12 hex digits>.tmp``; it is
written, flushed and fsynced, then renamed over NAME, so at no instant is NAME missing or partly
written. It lives here, beside the package's other small helpers, because ``srmtool.model`` (the saves)
may import nothing of ours but such helpers, and ``srmtool.export`` uses the very same steps.

Several processes may write one file at the same time (two windows on a shared folder, a window and a
script). Every temporary file is held under an exclusive ``flock`` by its writer from the moment it
has its name until it is renamed or removed; a writer starting on NAME removes only the temporary
files of NAME that it can lock, which are the ones a killed process left. Because a file can be
created and locked only in two steps, a writer that takes its lock and then finds its name gone (a
clean-up ran in between) starts again under a new name. Where ``flock`` does not exist (Windows) an
open file cannot be deleted, which protects the file for as long as it is open.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from types import TracebackType
from typing import Final

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX: Final = ".tmp"
_TOKEN_CHARS: Final = 12
_NO_LOCKS: Final = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)})
#: How often a writer starts again when a clean-up took its temporary file before it held the lock.
_ATTEMPTS: Final = 50


def temp_name(folder: str, name: str) -> str:
    """A fresh temporary name for a new version of ``folder/name``."""
    return os.path.join(folder, f".{name}.{secrets.token_hex(_TOKEN_CHARS // 2)}{TEMP_SUFFIX}")


def is_temp_of(entry: str, name: str) -> bool:
    """Whether the folder entry ``entry`` is a temporary file made for a new version of ``name``."""
    prefix = f".{name}."
    if not (entry.startswith(prefix) and entry.endswith(TEMP_SUFFIX)):
        return False
    token = entry[len(prefix) : -len(TEMP_SUFFIX)]
    return len(token) == _TOKEN_CHARS and all(c in "0123456789abcdef" for c in token)


def remove_stale_temps(folder: str, name: str) -> None:
    """Delete the temporary files of ``name`` that no writer holds (left by a killed process)."""
    try:
        entries = [e for e in os.listdir(folder) if is_temp_of(e, name)]
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
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # fails while its writer holds it
                os.unlink(full)
            finally:
                os.close(fd)


def _still_named(fd: int, path: str) -> bool:
    """Whether ``path`` still names the file open as ``fd``."""
    try:
        named, held = os.stat(path), os.fstat(fd)
    except FileNotFoundError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _hold(fd: int, path: str) -> bool:
    """Lock ``fd`` (the file at ``path``) for this writer; False when a clean-up removed ``path``
    before the lock was taken, so the caller must start again under another name."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as exc:
        if exc.errno not in _NO_LOCKS:
            raise
        # A file system without locks (some network shares): write unlocked rather than not at all.
    return _still_named(fd, path)


def _close(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


class TempFile:
    """A temporary file beside a target, held by this writer until it is renamed or discarded.

    Use it as a context manager: leaving the block discards the file unless ``replace`` moved it.
    """

    def __init__(self, fd: int, path: str) -> None:
        self.fd = fd
        self.path = path

    @classmethod
    def new(cls, folder: str, name: str) -> TempFile:
        """A new empty file (mode 0o666 less the umask, as for any new file). Raises ``OSError``."""
        for _ in range(_ATTEMPTS):
            path = temp_name(folder, name)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            if _held(fd, path):
                return cls(fd, path)
        raise _taken(folder)

    @classmethod
    def copy_of(cls, source: str, folder: str, name: str) -> TempFile:
        """A file with the same contents and metadata as ``source``: a hard link where the file system
        has them (no bytes copied), else a copy, fsynced. Raises ``OSError`` (``FileNotFoundError``
        when ``source`` is gone)."""
        for _ in range(_ATTEMPTS):
            path = temp_name(folder, name)
            try:
                os.link(source, path)
            except FileNotFoundError:
                if os.path.lexists(source):  # another writer renamed a new version over it meanwhile
                    continue
                raise
            except OSError:  # no hard links here (FAT, some network shares): copy instead
                return cls._copied(source, folder, name)
            try:
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            except FileNotFoundError:  # a clean-up took it before it was open
                continue
            if _held(fd, path):
                return cls(fd, path)
        raise _taken(folder)

    @classmethod
    def _copied(cls, source: str, folder: str, name: str) -> TempFile:
        temp = cls.new(folder, name)
        try:
            with open(source, "rb") as stream:
                shutil.copyfileobj(stream, _FdWriter(temp.fd))
            shutil.copystat(source, temp.path)
            os.fsync(temp.fd)
        except BaseException:
            temp.discard()
            raise
        return temp

    def write(self, data: bytes) -> None:
        """Write all of ``data`` and make it durable (fsync)."""
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]
        os.fsync(self.fd)

    def chmod(self, mode: int) -> None:
        if hasattr(os, "fchmod"):
            os.fchmod(self.fd, mode)
        else:
            os.chmod(self.path, mode)

    def replace(self, target: str) -> None:
        """Rename the file over ``target``; afterwards this object holds nothing. Raises ``OSError``
        (the file is then still held, and discarded on leaving the ``with`` block)."""
        if fcntl is None:  # Windows cannot rename an open file
            os.close(self.fd)
            self.fd = -1
        try:
            os.replace(self.path, target)
        except FileNotFoundError:
            if os.path.isdir(os.path.dirname(self.path)) and not os.path.lexists(self.path):
                raise _taken(os.path.dirname(self.path)) from None
            raise
        # When ``target`` already was this very file (a hard link to it, from a writer killed just
        # after making it), the rename does nothing and leaves the temporary name behind.
        if os.path.lexists(self.path):
            os.unlink(self.path)
        self.path = ""
        self.discard()

    def discard(self) -> None:
        """Remove the file if it is still here, and let go of it."""
        if self.path:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            self.path = ""
        if self.fd >= 0:
            _close(self.fd)
            self.fd = -1

    def __enter__(self) -> TempFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.discard()


def _held(fd: int, path: str) -> bool:
    try:
        if _hold(fd, path):
            return True
    except BaseException:
        _close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    _close(fd)
    return False


class TempFileRemoved(OSError):
    """Another program removed the temporary file of a write in progress (and kept doing so)."""


def _taken(folder: str) -> TempFileRemoved:
    return TempFileRemoved(errno.ENOENT, "another program removed the temporary file", folder)


class _FdWriter:
    """The ``write`` that ``shutil.copyfileobj`` needs, over a raw file descriptor."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view) :]
        return len(data)


def sync_folder(folder: str) -> None:
    """Make a rename in ``folder`` durable (POSIX; elsewhere there is nothing to do)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def split_target(path: str | os.PathLike[str]) -> tuple[str, str, str]:
    """``(target, folder, name)`` for ``path``, following symbolic links: the file they point to is
    the one replaced. Raises ``IsADirectoryError`` when ``path`` is a folder."""
    target = os.path.realpath(os.fspath(path))
    if os.path.isdir(target):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    folder, name = os.path.split(target)
    return target, folder, name


def try_folder(path: str | os.PathLike[str]) -> None:
    """Prove that a file could be put at ``path`` (a temporary file is made beside it and removed
    at once). Raises ``OSError`` as ``replace_file`` would: a folder, a missing folder, no permission."""
    _, folder, name = split_target(path)
    TempFile.new(folder, name).discard()


def replace_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Put ``data`` at ``path`` in one step. Raises ``OSError`` (``IsADirectoryError`` when ``path`` is
    a folder); on failure the file at ``path`` is as it was and no temporary file is left."""
    target, folder, name = split_target(path)
    remove_stale_temps(folder, name)
    with TempFile.new(folder, name) as temp:
        temp.write(data)
        temp.replace(target)
    sync_folder(folder)
