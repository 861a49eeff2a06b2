"""What a file on disk looked like when the editor last read or wrote it (no Qt).

Before Save writes over a map's file, the editor compares the file with the ``DiskStamp`` it took
when it opened or last saved that file: if another program (or another copy of srmtool) changed it
in the meantime, the user is asked before that work is replaced. A different size answers at once;
otherwise the content's SHA-256 decides (about 1 ms per MB), so a file merely touched or copied back
unchanged raises no needless question, and a same-size change within one coarse modification-time
tick (FAT, network shares) is still seen.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import Any


def _sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class DiskStamp:
    """Modification time (ns), size and SHA-256 of one file's content at one moment."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> DiskStamp | None:
        """The stamp of the file at ``path`` now; None when it cannot be read."""
        try:
            before = os.stat(path)
            digest = _sha256(path)
        except OSError:
            return None
        return cls(before.st_mtime_ns, before.st_size, digest)

    def differs_from(self, path: str | os.PathLike[str]) -> bool:
        """True when the file at ``path`` now holds other content than when stamped. A file that is
        gone or unreadable counts as unchanged: writing it loses nobody's work."""
        try:
            now = os.stat(path)
        except OSError:
            return False
        if now.st_size != self.size:
            return True
        try:
            return _sha256(path) != self.sha256
        except OSError:
            return False

    def to_json(self) -> dict[str, Any]:
        return {"mtime_ns": self.mtime_ns, "size": self.size, "sha256": self.sha256}

    @classmethod
    def from_json(cls, value: object) -> DiskStamp | None:
        """The stamp stored by ``to_json``; None for anything else."""
        if not isinstance(value, dict):
            return None
        mtime, size, digest = value.get("mtime_ns"), value.get("size"), value.get("sha256")
        if isinstance(mtime, int) and isinstance(size, int) and isinstance(digest, str):
            return cls(mtime, size, digest)
        return None
