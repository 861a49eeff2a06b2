"""Table benchmark: the Mini SLM table panel on a generated map with long Thai text (not a test).

    python bench/bench_table.py [--rows N] [--objectives N] [--runs N]

Prints medians in milliseconds: building the table model and view over the document (the rows get
estimated heights and the rows in sight are measured), the first paint of the shown view, measuring
every row exactly (what the view otherwise does a few rows per idle turn), one cell edit through
the document (undo step, signal, row re-measured), a model reset (a column set change), a column
width dragged (one undo step; the view resizes without a reset), and the spreadsheet gestures:
pasting a 40 × 5 block of Thai cells over 40 selected rows, pasting 100 rows that become new rows of
one objective, copying every cell (Ctrl+A, Ctrl+C) and clearing 200 × 5 cells, each with its undo.
The Thai word segmenter is loaded once before timing (``segmenter_ms`` is that load).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_canvas import PHRASES  # the same Thai phrases as the canvas benchmark
from PySide6.QtWidgets import QApplication

from srmtool.model.templates import default_columns
from srmtool.model.types import PERSPECTIVE_IDS, Objective, RouteMap, Row, Table

Recorder = Callable[[str, float], None]


def make_map(objectives: int, rows: int, seed: int = 7) -> RouteMap:
    rng = random.Random(seed)

    def sentence(words: int) -> str:
        return "".join(rng.choice(PHRASES) for _ in range(words))

    objs = [
        Objective(id=f"o{i}", code=f"ก{i}", perspective=PERSPECTIVE_IDS[i % 4], text=sentence(3), x=i * 10.0)
        for i in range(objectives)
    ]
    columns = default_columns()
    table_rows = []
    for r in range(rows):
        cells = {c.key: sentence(rng.randint(1, 5)) for c in columns[1:]}
        cells["budget"] = f"{rng.randint(1, 500) * 1000:,}"
        table_rows.append(Row(id=f"r{r}", objective=f"o{(r // 2) % objectives}", cells=cells))
    return RouteMap(objectives=objs, table=Table(columns=columns, rows=table_rows))


def spreadsheet(
    app: QApplication, document: object, model: object, view: object, run: int, record: Recorder
) -> None:
    """The spreadsheet gestures, through the table's own verbs (as Ctrl+V, Ctrl+C, Delete)."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel
    from PySide6.QtGui import QGuiApplication

    from srmtool.ui.document import Document
    from srmtool.ui.table.model import RowTableModel
    from srmtool.ui.table.sheet import CellVerbs
    from srmtool.ui.table.view import TableView

    assert isinstance(document, Document) and isinstance(model, RowTableModel) and isinstance(view, TableView)
    verbs = CellVerbs(view, lambda _text: None)
    rng = random.Random(run)
    block = "\r\n".join(
        "\t".join("".join(rng.choice(PHRASES) for _ in range(2)) for _ in range(5)) for _ in range(40)
    )
    QGuiApplication.clipboard().setText(block)
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().select(
        QItemSelection(model.index(300, 2), model.index(339, 2)), flags.ClearAndSelect
    )
    start = time.perf_counter()
    verbs.paste()
    app.processEvents()
    record("paste_40x5_ms", start)
    start = time.perf_counter()
    document.undo_stack.undo()
    app.processEvents()
    record("undo_paste_40x5_ms", start)
    # 100 rows into the last row of one objective: 99 new rows under it
    last = model.rowCount() - 1
    while last > 0 and model.row_objective(last - 1) == model.row_objective(last):
        last -= 1
    QGuiApplication.clipboard().setText("\n".join(f"กิจกรรมที่ {n}\tอสม. หมู่ {n}" for n in range(100)))
    view.setCurrentIndex(model.index(last + 1 if last + 1 < model.rowCount() else last, 5))
    start = time.perf_counter()
    verbs.paste()
    app.processEvents()
    record("paste_100_new_rows_ms", start)
    start = time.perf_counter()
    document.undo_stack.undo()
    app.processEvents()
    record("undo_100_new_rows_ms", start)
    start = time.perf_counter()
    view.selectAll()
    verbs.copy()
    record("copy_all_cells_ms", start)
    selection = QItemSelection(model.index(100, 3), model.index(299, 7))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    start = time.perf_counter()
    verbs.clear()
    app.processEvents()
    record("clear_200x5_ms", start)
    document.undo_stack.undo()
    app.processEvents()
    QGuiApplication.clipboard().clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--objectives", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication([])

    from srmtool.ui.canvas.text import load_segmenter
    from srmtool.ui.document import Document
    from srmtool.ui.table.model import RowTableModel
    from srmtool.ui.table.view import TableView

    start = time.perf_counter()
    load_segmenter()
    print(f"segmenter_ms {(time.perf_counter() - start) * 1000:.0f}")

    results: dict[str, list[float]] = {}

    def record(name: str, since: float) -> None:  # a Recorder
        results.setdefault(name, []).append((time.perf_counter() - since) * 1000)

    for run in range(args.runs):
        document = Document(make_map(args.objectives, args.rows, seed=run))
        start = time.perf_counter()
        model = RowTableModel(document)
        view = TableView(model)
        view.resize(1600, 420)
        record("build_ms", start)
        start = time.perf_counter()
        view.show()
        view.viewport().repaint()
        app.processEvents()
        record("first_paint_ms", start)
        start = time.perf_counter()
        view.measure_all()
        record("measure_all_rows_ms", start)
        start = time.perf_counter()
        model.setData(model.index(args.rows // 2, 5), "".join(PHRASES) + str(run))
        record("cell_edit_ms", start)
        start = time.perf_counter()
        document.columns_changed.emit()
        app.processEvents()
        record("reset_ms", start)
        view.setColumnWidth(5, view.columnWidth(5) + 60 + run)
        start = time.perf_counter()
        view.widths.commit()
        app.processEvents()
        record("column_drag_ms", start)
        spreadsheet(app, document, model, view, run, record)
        view.close()
        view.deleteLater()
        app.processEvents()

    print(f"rows {args.rows}, objectives {args.objectives}, runs {args.runs}")
    for name, values in results.items():
        print(f"{name} {statistics.median(values):.0f}")


if __name__ == "__main__":
    main()
