"""The table view: rows as tall as their wrapped text, one merged objective cell per run of rows of
one objective, drag-and-drop and keyboard row moves through the document; cells selected and moved
between as in a spreadsheet (arrows, Tab, Enter), and column widths dragged into the map.

Row heights are the view's own work (the vertical header is ``Fixed``): Qt's ``ResizeToContents``
would lay out every cell of every row on each change. Each row gets a quick estimate first; the rows
in sight are then measured exactly at once and the others a few per idle turn of the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView, QWidget
from typing_extensions import override

from srmtool.model.types import OBJECTIVE_COLUMN
from srmtool.ui.canvas.text import box_fonts, notifier
from srmtool.ui.follow_language import follow_language
from srmtool.ui.table.cells import CellDelegate, CellText
from srmtool.ui.table.model import RowTableModel
from srmtool.ui.table.widths import ColumnWidths

#: Rows measured exactly per idle turn of the event loop (about 2 ms per long Thai row).
ROWS_PER_TURN = 10
#: The table's zoom (Ctrl+wheel): smallest, largest, one wheel step.
MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.5, 2.0, 1.1
#: Rows one edit changed that are measured exactly at once; past this, as for a new table.
ROWS_MEASURED_AT_ONCE = 40


class TableView(QTableView):
    """Shows a ``RowTableModel``; edits go to the model, which asks the document. ``zoom`` scales
    the text and the columns together (Ctrl+wheel), so the lines break as on paper at any zoom;
    ``zoom_changed`` carries the new factor."""

    zoom_changed = Signal(float)

    def __init__(self, model: RowTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zoom = 1.0
        self._base_font = QFont(box_fonts().body)
        self.texts = CellText(self._base_font)
        self._delegate = CellDelegate(self.texts, self)
        self.setItemDelegate(self._delegate)
        self.setFont(self.texts.font)
        self._groups: list[tuple[int, int]] = []  # (first Qt row, number of rows) per objective run
        self._group_of: list[int] = []  # Qt row -> index in _groups
        self._spans: list[tuple[int, int]] = []
        self._exact: set[str] = set()  # row ids whose height was measured at the current widths
        self._todo: list[str] = []
        # Work that one edit's many signals share, done once when it ends (``flush``):
        self._regroup = False
        self._remeasure: set[str] = set()  # row ids
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self.flush)
        self._idle = QTimer(self)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._measure_some)
        self.relayout_timer = QTimer(self)
        self.relayout_timer.setSingleShot(True)
        self.relayout_timer.setInterval(60)
        self.relayout_timer.timeout.connect(self.relayout_all)
        self.relayout_timer.timeout.connect(self.fit_header)

        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_row_minimum()
        columns = self.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        columns.setHighlightSections(False)

        self._delegate.move_after_commit.connect(self._move_after_commit)
        self.widths = ColumnWidths(self, model)

        self.setModel(model)
        self._model = model
        model.modelReset.connect(self._rebuild)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsRemoved.connect(self._on_rows_removed)
        model.layoutChanged.connect(self._on_layout_changed)
        model.rows_changed.connect(self._on_rows_changed)
        model.groups_changed.connect(self._on_groups_changed)
        model.document.edited.connect(self.flush)
        columns.sectionResized.connect(self._on_column_resized)
        self.verticalScrollBar().valueChanged.connect(self._measure_visible)
        notifier().ready.connect(self._on_segmenter_ready)
        self._rebuild()
        follow_language(self)

    def retranslate(self) -> None:
        """The headers are the map's own labels; only texts made here (a missing objective) change."""
        self.viewport().update()

    def table_model(self) -> RowTableModel:
        return self._model

    # -- zoom ------------------------------------------------------------------------------------

    def _fit_row_minimum(self) -> None:
        rows = self.verticalHeader()
        rows.setMinimumSectionSize(self.texts.lines_to_height(1))
        rows.setDefaultSectionSize(self.texts.lines_to_height(1))

    def set_zoom(self, factor: float) -> None:
        """Text and column widths at ``factor`` of their size (clamped to ``MIN_ZOOM``–``MAX_ZOOM``)."""
        factor = round(min(MAX_ZOOM, max(MIN_ZOOM, factor)), 2)
        if factor == self.zoom:
            return
        self.zoom = factor
        font = QFont(self._base_font)
        if self._base_font.pointSizeF() > 0:
            font.setPointSizeF(self._base_font.pointSizeF() * factor)
        else:  # sized in pixels
            font.setPixelSize(max(6, round(self._base_font.pixelSize() * factor)))
        self.texts = self._delegate.texts = CellText(font)
        self.setFont(font)
        self.horizontalHeader().setFont(font)
        self._fit_row_minimum()
        self.widths.apply()
        self.fit_header()
        self.relayout_all()
        self.viewport().update()
        self.zoom_changed.emit(factor)

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms the table (as in a spreadsheet); the plain wheel scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # -- whole rebuild ---------------------------------------------------------------------------

    @Slot()
    def _rebuild(self) -> None:
        """After a reset or a new column set: widths from the map, groups, estimated heights."""
        self.widths.apply()
        self.fit_header()
        self._update_groups()
        self.relayout_all()

    def fit_header(self) -> None:
        """Tall enough for the longest wrapped heading (Thai headings often take two lines)."""
        header = self.horizontalHeader()
        metrics = QFontMetrics(header.font())
        tallest = metrics.height()
        for c in range(self._model.columnCount()):
            label = str(self._model.headerData(c, Qt.Orientation.Horizontal) or "")
            room = QRect(0, 0, max(10, self.columnWidth(c) - 8), 10_000)
            flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
            tallest = max(tallest, metrics.boundingRect(room, flags, self.texts.marked(label)).height())
        header.setFixedHeight(tallest + 10)

    @Slot()
    def relayout_all(self) -> None:
        self._exact.clear()
        self._todo = self._model.row_ids()
        self._set_heights(range(len(self._groups)), exact=False)
        self._measure_visible()
        if self._todo:
            self._idle.start()

    @Slot()
    def _on_segmenter_ready(self) -> None:
        """Thai words are known now: break the lines again between words."""
        self.texts.forget()
        self.fit_header()
        self.relayout_all()
        self.viewport().update()

    @Slot(int, int, int)
    def _on_column_resized(self, _index: int, _old: int, _new: int) -> None:
        self.relayout_timer.start()

    # -- groups and spans --------------------------------------------------------------------------

    @Slot()
    def _update_groups(self) -> None:
        """Runs of rows of one objective: merged objective cells and a line above each run."""
        model = self._model
        groups: list[tuple[int, int]] = []
        group_of: list[int] = []
        previous: str | None = None
        for row, objective in enumerate(model.row_objectives()):
            if groups and objective == previous:
                first, count = groups[-1]
                groups[-1] = (first, count + 1)
            else:
                groups.append((row, 1))
            previous = objective
            group_of.append(len(groups) - 1)
        self._groups, self._group_of = groups, group_of
        self._delegate.group_starts = {first for first, _ in groups}
        spans = [g for g in groups if g[1] > 1]
        column = model.column_of(OBJECTIVE_COLUMN)
        if spans != self._spans or column < 0:
            self.clearSpans()
            if column >= 0:
                for first, count in spans:
                    self.setSpan(first, column, count, 1)
            self._spans = spans
        self.viewport().update()

    # -- heights ---------------------------------------------------------------------------------

    def _set_heights(self, group_indexes: range | list[int], exact: bool) -> None:
        """Size the rows of these groups: each row fits its cells; the last row of a group takes
        what the merged objective cell needs beyond the rows' own heights."""
        model = self._model
        m = model.document.route_map
        keys = [model.column_key(c) for c in range(model.columnCount())]
        widths = [self.columnWidth(c) for c in range(len(keys))]
        objective_column = keys.index(OBJECTIVE_COLUMN) if OBJECTIVE_COLUMN in keys else -1
        measure = self.texts.height if exact else self.texts.estimate
        header = self.verticalHeader()
        for g in group_indexes:
            if g >= len(self._groups):
                continue
            first, count = self._groups[g]
            heights = []
            for row in range(first, first + count):
                found = m.row(model.row_id(row))
                cells = found.cells if found is not None else {}
                tallest = self.texts.lines_to_height(1)
                for c, key in enumerate(keys):
                    if c != objective_column:
                        tallest = max(tallest, measure(cells.get(key, ""), widths[c]))
                heights.append(tallest)
                if exact:
                    self._exact.add(model.row_id(row))
            if objective_column >= 0:
                label = model.objective_label(model.row_objective(first))
                need = measure(label, widths[objective_column])
                heights[-1] += max(0, need - sum(heights))
            for i, height in enumerate(heights):
                if header.sectionSize(first + i) != height:
                    header.resizeSection(first + i, height)

    @Slot()
    def _measure_visible(self) -> None:
        """Measure exactly the rows in sight (their groups whole)."""
        if self._regroup:
            self.flush()
        if not self._groups:
            return
        top = max(0, self.rowAt(0))
        bottom = self.rowAt(self.viewport().height())
        bottom = self._model.rowCount() - 1 if bottom < 0 else bottom
        groups = sorted(
            {self._group_of[r] for r in range(top, bottom + 1) if self._model.row_id(r) not in self._exact}
        )
        if groups:
            self._set_heights(groups, exact=True)

    @Slot()
    def _measure_some(self) -> None:
        """One idle turn: the rows in sight, else the next few not yet measured."""
        self._measure_visible()  # regroups first when an edit left that to do
        groups: list[int] = []
        budget = ROWS_PER_TURN
        while self._todo and budget > 0:
            row = self._model.row_of(self._todo.pop())
            if row >= 0 and self._model.row_id(row) not in self._exact:
                groups.append(self._group_of[row])
                budget -= 1
        if groups:
            self._set_heights(sorted(set(groups)), exact=True)
        if not self._todo:
            self._idle.stop()

    def measure_all(self) -> None:
        """Measure every row exactly now (tests, printing previews)."""
        self._set_heights(range(len(self._groups)), exact=True)
        self._todo = []
        self._idle.stop()

    def rows_measured(self) -> int:
        return len(self._exact)

    def _groups_of_rows(self, rows: list[int]) -> list[int]:
        return sorted({self._group_of[r] for r in rows if 0 <= r < len(self._group_of)})

    # -- one edit's signals, handled together ------------------------------------------------------

    def _later(self, row_ids: list[str], regroup: bool = False) -> None:
        """Remember rows to measure again (and that the groups may have changed) for ``flush``, at
        the end of the edit (the document's ``edited``) or on the next turn of the event loop."""
        self._remeasure.update(row_ids)
        self._regroup = self._regroup or regroup
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    @Slot()
    def flush(self) -> None:
        """Regroup and re-measure what the signals since the last flush touched (a paste of 100
        rows regroups once, not 100 times)."""
        self._flush_timer.stop()
        if self._regroup:
            self._regroup = False
            self._update_groups()
        if self._remeasure:
            ids, self._remeasure = self._remeasure, set()
            groups = self._groups_of_rows([self._model.row_of(r) for r in ids])
            if len(ids) <= ROWS_MEASURED_AT_ONCE:
                self._set_heights(groups, exact=True)
                return
            # Many rows (a big paste or clear): estimates now, exact heights in sight and while idle.
            self._set_heights(groups, exact=False)
            self._exact.difference_update(ids)
            self._todo.extend(ids)
            self._measure_visible()
            self._idle.start()

    def _ids_near(self, first: int, last: int) -> list[str]:
        model = self._model
        return [model.row_id(r) for r in range(max(0, first), min(model.rowCount(), last + 1))]

    @Slot()
    def _on_groups_changed(self) -> None:
        self._later([], regroup=True)

    @Slot(list)
    def _on_rows_changed(self, row_ids: list[str]) -> None:
        self._later(row_ids)

    @Slot(QModelIndex, int, int)
    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._later(self._ids_near(first - 1, last + 1), regroup=True)

    @Slot(QModelIndex, int, int)
    def _on_rows_removed(self, _parent: QModelIndex, first: int, _last: int) -> None:
        self._later(self._ids_near(first - 1, first), regroup=True)

    @Slot()
    def _on_layout_changed(self) -> None:
        self._regroup = False
        self._update_groups()
        self._exact.clear()
        self._set_heights(range(len(self._groups)), exact=False)
        self._todo = self._model.row_ids()
        self._measure_visible()
        self._idle.start()

    # -- keys: move as in a spreadsheet ------------------------------------------------------------

    def move_current(self, action: QAbstractItemView.CursorAction) -> None:
        """Make the next cell that way current and select it alone."""
        index = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if index.isValid():
            flags = QItemSelectionModel.SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect)
            self.scrollTo(index)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves down a cell and Shift+Enter up (F2 or typing opens the cell)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
                up = modifiers == Qt.KeyboardModifier.ShiftModifier
                self.move_current(self.CursorAction.MoveUp if up else self.CursorAction.MoveDown)
                event.accept()
                return
        super().keyPressEvent(event)

    @override
    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Tab and Shift+Tab in a cell editor keep the text and move right or left, without opening
        the next cell (Qt would open it)."""
        moves = {
            QAbstractItemDelegate.EndEditHint.EditNextItem: self.CursorAction.MoveNext,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: self.CursorAction.MovePrevious,
        }
        move = moves.get(hint)
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if move is not None else hint)
        if move is not None:
            self.move_current(move)

    @Slot()
    def _move_after_commit(self) -> None:
        """Enter in a cell editor kept the text: on to the cell below."""
        self.move_current(self.CursorAction.MoveDown)
