"""``python -m srmtool``: the same as the ``srmtool`` command."""

from __future__ import annotations

import sys

from srmtool.cli import main

if __name__ == "__main__":
    sys.exit(main())
