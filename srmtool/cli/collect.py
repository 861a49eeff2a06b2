"""``srmtool report FILE --collect FORM.xlsx ... [-o MAP.srm]``: filled forms read back into the map.

Each form is read on its own (``srmtool.importer.forms.read_form``); a refused form is said why and
adds nothing, the others still count. What each form changes is printed, row by row; cells left
out (formulas, unreadable values) are listed by their place. The map is saved once, atomically,
when something changed: to ``-o`` or over FILE (the previous file kept as ``FILE.bak``).
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TextIO

from srmtool.cli.text import say
from srmtool.model.checks.text import short
from srmtool.model.edits.progress import FieldChange, collected_operations
from srmtool.model.numbers import format_amount
from srmtool.model.operations import OperationError, apply_all
from srmtool.model.progress import Period, state_label
from srmtool.model.progress.figures import row_title
from srmtool.model.types import RouteMap

EXIT_OK = 0
EXIT_PARTLY = 1
EXIT_FAILED = 2


def collect(
    route_map: RouteMap, period: Period, ns: argparse.Namespace, lang: str, out: TextIO, err: TextIO
) -> int:
    """Read every form into ``route_map`` and save it; the exit status (``srmtool.cli.report``)."""
    from srmtool.cli.map_commands import file_error
    from srmtool.importer import ImportRefused
    from srmtool.importer.forms import read_form
    from srmtool.model.srmfile.codec import save_map

    status = EXIT_OK
    read = 0
    changed = 0
    for path in ns.collect:
        try:
            reading = read_form(path, route_map, period)
        except ImportRefused as exc:
            print(exc.message(lang), file=err)
            print(say(lang, "collect_refused"), file=err)
            status = EXIT_PARTLY
            continue
        read += 1
        rows = [(r.row_id, _fields(r)) for r in reading.rows]
        operations, changes = collected_operations(route_map, period.id, rows, reading.milestones)
        try:
            apply_all(route_map, operations)
        except OperationError as exc:  # a value the file could not hold: the form adds nothing
            print(say(lang, "collect_bad_value", name=reading.name, reason=str(exc)), file=err)
            status = EXIT_PARTLY
            continue
        changed += len(changes)
        _say_changes(route_map, reading.name, changes, lang, out)
        for where in reading.formulas:
            print(say(lang, "collect_formula", name=reading.name, cell=where), file=err)
        for where, th, en in reading.unread:
            print(
                say(lang, "collect_unread", name=reading.name, cell=where, reason=th if lang == "th" else en),
                file=err,
            )
        if reading.formulas or reading.unread:
            status = EXIT_PARTLY
    if not read:
        print(say(lang, "collect_nothing"), file=err)
        return EXIT_FAILED
    if not changed:
        print(say(lang, "collect_no_changes"), file=out)
        return status
    target = ns.output or ns.file
    try:
        save_map(route_map, target)
    except Exception as exc:  # a failed save is reported, never raised
        print(file_error(target, exc).message(lang), file=err)
        return EXIT_FAILED
    print(say(lang, "collect_saved", path=target, changes=changed), file=out)
    return status


def _fields(row: object) -> dict[str, object]:
    names = ("status", "result", "value", "spent", "note", "by", "at")
    return {name: getattr(row, name) for name in names}


def _shown(field: str, value: object, lang: str) -> str:
    if field == "status" and value is None:
        return state_label("no_report", lang)
    if value is None or value == "":
        return "-"
    if field == "status" and isinstance(value, str):
        return state_label(value, lang)
    if field == "done" and isinstance(value, bool):
        return say(lang, "collect_done" if value else "collect_not_done")
    if field in ("value", "spent") and isinstance(value, int | float):
        return format_amount(Decimal(str(value)))
    return short(str(value), 40)


def _say_changes(route_map: RouteMap, name: str, changes: list[FieldChange], lang: str, out: TextIO) -> None:
    if not changes:
        print(say(lang, "collect_form_same", name=name), file=out)
        return
    print(say(lang, "collect_form", name=name, changes=len(changes)), file=out)
    for change in changes:
        row = route_map.row(change.item_id)
        what = f"{change.item_id} «{short(row_title(row), 30)}»" if row is not None else change.item_id
        field = say(lang, f"collect_field_{change.field}")
        old, new = _shown(change.field, change.old, lang), _shown(change.field, change.new, lang)
        print(f"  {what}: {field} {old} → {new}", file=out)
