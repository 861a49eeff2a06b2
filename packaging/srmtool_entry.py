"""The bundled program's entry point: the same as the ``srmtool`` command."""

import sys

from srmtool.cli import main

if __name__ == "__main__":
    sys.exit(main())
