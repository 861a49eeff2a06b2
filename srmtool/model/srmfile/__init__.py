"""The `.srm` file (DESIGN.md §3): reading with limits, validation, byte-stable writing, atomic saves."""

from srmtool.model.srmfile.codec import dumps_map, load_map, loads_map, save_map

__all__ = ["dumps_map", "load_map", "loads_map", "save_map"]
