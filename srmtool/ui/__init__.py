"""The PySide6 map editor: document adapter, undo commands, canvas, table and main window.

Not in this release yet. Only this package may import Qt.
"""
