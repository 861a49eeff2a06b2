"""The Columns dialog: rename, add, remove, reorder and size this map's table columns.

The dialog edits a copy; ``operations()`` turns the copy into one list of model operations that the
caller applies as ONE undo step (``srmtool.model.edits.column_operations``: undo brings a removed
column back with its text).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from srmtool.model.edits import column_operations, filled_cells, new_column_key
from srmtool.model.limits import MAX_COLUMNS, MAX_TEXT_CHARS
from srmtool.model.operations import Operation
from srmtool.model.types import OBJECTIVE_COLUMN, Column, RouteMap
from srmtool.ui.follow_language import follow_language
from srmtool.ui.text_limit import limit_line


class ColumnsDialog(QDialog):
    """Edit a copy of a map's columns; read ``columns()`` or ``operations()`` after OK."""

    def __init__(
        self,
        route_map: RouteMap,
        save_template: Callable[[list[Column]], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._map = route_map
        self._columns = [c.model_copy() for c in route_map.table.columns]
        self._save_template = save_template
        self._list = QListWidget(self)
        self._label = QLineEdit(self)
        limit_line(self._label, MAX_TEXT_CHARS)
        self._width = QSpinBox(self)
        self._width.setRange(1, 255)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._label_caption = QLabel(self)
        self._width_caption = QLabel(self)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.template_button = QPushButton(self)
        self.template_button.setVisible(save_template is not None)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )

        form = QFormLayout()
        form.addRow(self._label_caption, self._label)
        form.addRow(self._width_caption, self._width)
        side = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(self.template_button)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._list, 1)
        left.addLayout(form)
        body.addLayout(left, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self._hint)
        layout.addLayout(body, 1)
        layout.addWidget(self._buttons)

        self._list.currentRowChanged.connect(self._show_current)
        self._label.textEdited.connect(self._label_edited)
        self._width.valueChanged.connect(self._width_changed)
        self.add_button.clicked.connect(self.add_column)
        self.remove_button.clicked.connect(self.remove_column)
        self.up_button.clicked.connect(lambda: self.move_column(-1))
        self.down_button.clicked.connect(lambda: self.move_column(1))
        self.template_button.clicked.connect(self._save_as_template)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self.resize(560, 460)
        self._fill(0)
        follow_language(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Table Columns"))
        self._hint.setText(
            self.tr(
                "The first column always shows the objective from the map. Changes apply when you "
                "press OK, as one step that Undo takes back."
            )
        )
        self._label_caption.setText(self.tr("&Heading:"))
        self._label_caption.setBuddy(self._label)
        self._width_caption.setText(self.tr("&Width (characters):"))
        self._width_caption.setBuddy(self._width)
        self.add_button.setText(self.tr("&Add"))
        self.remove_button.setText(self.tr("&Remove"))
        self.up_button.setText(self.tr("Move &Up"))
        self.down_button.setText(self.tr("Move &Down"))
        self.template_button.setText(self.tr("&Save as Template…"))
        self._fill(self._list.currentRow())

    # -- the working copy --------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        return [c.model_copy() for c in self._columns]

    def operations(self) -> list[Operation]:
        return column_operations(self._map, self._columns)

    def _item_text(self, column: Column) -> str:
        if column.key == OBJECTIVE_COLUMN:
            return self.tr("{label} (from the map)").format(label=column.label)
        return column.label

    def _fill(self, current: int) -> None:
        self._list.blockSignals(True)
        self._list.clear()
        for column in self._columns:
            self._list.addItem(self._item_text(column))
        self._list.blockSignals(False)
        self._list.setCurrentRow(max(0, min(current, len(self._columns) - 1)))
        self._show_current(self._list.currentRow())

    def select(self, row: int) -> None:
        self._list.setCurrentRow(row)

    @Slot(int)
    def _show_current(self, row: int) -> None:
        valid = 0 <= row < len(self._columns)
        if valid:
            self._label.setText(self._columns[row].label)
            self._width.blockSignals(True)
            self._width.setValue(round(self._columns[row].width))
            self._width.blockSignals(False)
        movable = valid and self._columns[row].key != OBJECTIVE_COLUMN
        room = len(self._columns) < MAX_COLUMNS
        self.add_button.setEnabled(room)
        self.add_button.setToolTip(
            "" if room else self.tr("A table has at most {limit} columns").format(limit=MAX_COLUMNS)
        )
        self.remove_button.setEnabled(movable)
        self.up_button.setEnabled(movable and row > 1)
        self.down_button.setEnabled(movable and row < len(self._columns) - 1)

    def set_label(self, text: str) -> None:
        self._label.setText(text)
        self._label_edited(text)

    def set_width(self, width: int) -> None:
        self._width.setValue(width)

    @Slot(str)
    def _label_edited(self, text: str) -> None:
        row = self._list.currentRow()
        if 0 <= row < len(self._columns):
            self._columns[row].label = text
            item = self._list.item(row)
            item.setText(self._item_text(self._columns[row]))

    @Slot(int)
    def _width_changed(self, value: int) -> None:
        row = self._list.currentRow()
        if 0 <= row < len(self._columns):
            self._columns[row].width = float(value)

    @Slot()
    def add_column(self) -> None:
        """A new column after the current one, ready to be named (none past ``MAX_COLUMNS``)."""
        if len(self._columns) >= MAX_COLUMNS:
            return
        key = new_column_key(self._map, {c.key for c in self._columns})
        at = max(1, self._list.currentRow() + 1)
        self._columns.insert(at, Column(key=key, label=self.tr("New column"), width=20))
        self._fill(at)
        self._label.setFocus()
        self._label.selectAll()

    @Slot()
    def remove_column(self) -> bool:
        row = self._list.currentRow()
        if not 0 <= row < len(self._columns) or self._columns[row].key == OBJECTIVE_COLUMN:
            return False
        column = self._columns[row]
        filled = filled_cells(self._map, column.key) if self._map.column(column.key) is not None else 0
        if filled and not self.confirm_remove(column.label, filled):
            return False
        del self._columns[row]
        self._fill(row)
        return True

    def confirm_remove(self, label: str, filled: int) -> bool:
        """Ask before a column with text goes (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Remove column"),
            self.tr(
                "The column “{label}” has text in %n row(s). The text goes with the column "
                "(Undo brings both back). Remove it?",
                "",
                filled,
            ).format(label=label),
        )
        return answer == QMessageBox.StandardButton.Yes

    def move_column(self, step: int) -> None:
        row = self._list.currentRow()
        target = row + step
        if not 1 <= row < len(self._columns) or not 1 <= target < len(self._columns):
            return
        self._columns.insert(target, self._columns.pop(row))
        self._fill(target)

    @Slot()
    def _save_as_template(self) -> None:
        if self._save_template is not None:
            self._save_template(self.columns())
