"""Writing an export to disk: whole or not at all."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets


def replace_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Put ``data`` at ``path`` in one step: write a temporary file beside it, then rename it over.

    Raises ``OSError`` (``IsADirectoryError`` when ``path`` is a folder); on failure the file at
    ``path`` is as it was and the temporary file is gone.
    """
    target = os.path.realpath(os.fspath(path))
    if os.path.isdir(target):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    folder, name = os.path.split(target)
    temp = os.path.join(folder, f".{name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
