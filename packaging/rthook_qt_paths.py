"""Run-time hook of the bundled app: tell Qt where its plugins are, without loading Qt.

It takes the place of PyInstaller's own PySide6 run-time hook, which imports PySide6.QtCore as the
program starts (to give Qt a qt.conf, which PyPI's PySide6 does not need) and so loads Qt into every
command, even ``srmtool --version``; the command line never loads Qt otherwise.
"""

import os
import sys

_QT = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]
if not sys.platform.startswith("win"):
    _QT = os.path.join(_QT, "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_QT, "plugins")
