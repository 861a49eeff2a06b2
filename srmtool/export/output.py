"""Writing an export to disk: whole or not at all.

``write_whole(route_map, path, write)`` is the one way both front ends put an output on disk: the
folder is tried first (so a path that cannot be written fails before anything is drawn), then the
writer makes the file's bytes in memory, and ``srmtool.atomic.replace_file`` puts them in place. No
temporary file exists while the output is drawn, so a killed or failed export leaves none beside the
target; one left by a kill during the final write (a few milliseconds) is removed by the next write
of the same file.
"""

from __future__ import annotations

import os

from srmtool.atomic import replace_file, try_folder
from srmtool.export.writers import Writer
from srmtool.model.types import RouteMap

__all__ = ["replace_file", "try_folder", "write_whole"]


def write_whole(route_map: RouteMap, path: str | os.PathLike[str], write: Writer) -> None:
    """Write one output with ``write`` at ``path``, whole or not at all.

    Raises ``OSError`` (``IsADirectoryError`` when ``path`` is a folder) or the writer's error; the
    file at ``path`` is then as it was and no temporary file is left.
    """
    try_folder(path)
    replace_file(path, write(route_map))
