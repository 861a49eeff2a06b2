"""Table benchmark: the Mini SLM table panel on a generated map with long Thai text (not a test).

    python bench/bench_table.py [--rows N] [--objectives N] [--runs N]

Prints medians in milliseconds: building the table model and view over the document (the rows get
estimated heights and the rows in sight are measured), the first paint of the shown view, measuring
every row exactly (what the view otherwise does a few rows per idle turn), one cell edit through
the document (undo step, signal, row re-measured), and a model reset (a column set change).
The Thai word segmenter is loaded once before timing (``segmenter_ms`` is that load).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_canvas import PHRASES  # the same Thai phrases as the canvas benchmark
from PySide6.QtWidgets import QApplication

from srmtool.model.templates import default_columns
from srmtool.model.types import PERSPECTIVE_IDS, Objective, RouteMap, Row, Table


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

    def record(name: str, since: float) -> None:
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
        view.close()
        view.deleteLater()
        app.processEvents()

    print(f"rows {args.rows}, objectives {args.objectives}, runs {args.runs}")
    for name, values in results.items():
        print(f"{name} {statistics.median(values):.0f}")


if __name__ == "__main__":
    main()
