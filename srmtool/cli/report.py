"""``srmtool report FILE [--period P] [--pdf OUT] [--xlsx OUT] [--form OUT.xlsx]
[--collect FORM.xlsx ...] [-o MAP.srm]``.

Prints a summary of the period (rows by status, budget and spent) and writes what is asked:
the progress report as PDF and Excel, a fill-in form for the field. ``--collect`` first reads
filled forms back (untrusted input, ``srmtool.importer.forms``), says what each changes, and saves
the map (to ``-o``, or over FILE keeping ``FILE.bak``); the report and the form then show the
collected results. The period defaults to the one that ended last (``current_period``).

Exit status: 0 done; 1 done, but something was left out (a form refused while others were read,
a formula cell, a value that could not be read); 2 nothing could be done as asked (FILE unreadable,
a period that names none, an output that cannot be written, every form refused).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from srmtool.cli.text import say
from srmtool.export.messages import reason
from srmtool.export.messages import say as say_export
from srmtool.export.options import PAPERS
from srmtool.export.output import try_folder, write_whole
from srmtool.model.errors import MapFileError
from srmtool.model.numbers import format_amount
from srmtool.model.progress import Period, current_period, fiscal_year, parse_period, scheme_of, state_label
from srmtool.model.progress.figures import progress_figures
from srmtool.model.types import RouteMap

EXIT_OK = 0
EXIT_PARTLY = 1
EXIT_FAILED = 2


def add_parser(
    sub: argparse._SubParsersAction[Any],
    lang: str,
    common: Callable[[argparse._ArgumentGroup, str], None],
) -> None:
    """Register ``report`` on the sub-command set ``sub``; ``common`` adds --help and --lang."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "report", lang=lang, help=say(lang, "help_report"), description=say(lang, "help_report_long")
    )
    args = parser.add_argument_group(say(lang, "arguments_title"))
    args.add_argument("file", metavar="FILE", help=say(lang, "help_report_file"))
    opts = parser.add_argument_group(say(lang, "options_title"))
    opts.add_argument("--period", metavar="P", help=say(lang, "help_report_period"))
    opts.add_argument("--pdf", metavar="OUT", help=say(lang, "help_report_pdf"))
    opts.add_argument("--xlsx", metavar="OUT", help=say(lang, "help_report_xlsx"))
    opts.add_argument("--form", metavar="OUT.xlsx", help=say(lang, "help_report_form"))
    opts.add_argument("--collect", metavar="FORM.xlsx", nargs="+", help=say(lang, "help_report_collect"))
    opts.add_argument("-o", "--output", metavar="MAP.srm", help=say(lang, "help_report_output"))
    opts.add_argument("--paper", choices=PAPERS, default="A4", help=say(lang, "help_paper"))
    opts.add_argument("--thai-digits", action="store_true", help=say(lang, "help_thai_digits"))
    common(opts, lang)


def _writers(ns: argparse.Namespace, period: Period) -> list[tuple[str, Callable[[RouteMap], bytes]]]:
    """(path, writer) of every output asked for, in the order they are written."""
    thai = True if ns.thai_digits else None
    out: list[tuple[str, Callable[[RouteMap], bytes]]] = []
    if ns.pdf:
        from srmtool.export.progress.report_pdf import progress_pdf_bytes

        out.append((ns.pdf, lambda m: progress_pdf_bytes(m, period, paper=ns.paper, thai_digits=thai)))
    if ns.xlsx:
        from srmtool.export.progress.report_xlsx import progress_xlsx_bytes

        out.append((ns.xlsx, lambda m: progress_xlsx_bytes(m, period, paper=ns.paper, thai_digits=thai)))
    if ns.form:
        from srmtool.export.progress.form_xlsx import form_xlsx_bytes

        out.append((ns.form, lambda m: form_xlsx_bytes(m, period, paper=ns.paper)))
    return out


def run_report(ns: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> int:
    from srmtool.cli.map_commands import read_map

    loaded = read_map(ns.file)
    if isinstance(loaded, MapFileError):
        print(loaded.message(lang), file=err)
        return EXIT_FAILED
    route_map = loaded
    period = _period(ns.period, route_map)
    if period is None:
        print(say(lang, "report_bad_period", period=ns.period), file=err)
        return EXIT_FAILED
    if ns.output and not ns.collect:
        print(say(lang, "report_output_without_collect"), file=err)
        return EXIT_FAILED
    writers = _writers(ns, period)
    targets = [path for path, _ in writers] + ([ns.output] if ns.output else [])
    for path in targets:
        try:
            try_folder(path)
        except OSError as exc:
            print(say_export(lang, "export_cannot_write", path=path, reason=reason(lang, exc)), file=err)
            print(say_export(lang, "export_nothing_written"), file=err)
            return EXIT_FAILED
    status = EXIT_OK
    if ns.collect:
        from srmtool.cli.collect import collect

        status = collect(route_map, period, ns, lang, out, err)
        if status == EXIT_FAILED:
            return status
    _summary(route_map, period, lang, out)
    for path, write in writers:
        try:
            write_whole(route_map, path, write)
        except Exception as exc:  # each output is reported; the others still go ahead
            print(say_export(lang, "export_cannot_write", path=path, reason=reason(lang, exc)), file=err)
            status = EXIT_FAILED
            continue
        print(say(lang, "export_written", path=path), file=out)
    return status


def _period(text: str | None, route_map: RouteMap) -> Period | None:
    if text is None:
        return current_period(route_map)
    return parse_period(text, fiscal_year(route_map), scheme_of(route_map))


def _summary(route_map: RouteMap, period: Period, lang: str, out: TextIO) -> None:
    figures = progress_figures(route_map, period)
    counts = figures.counts
    parts = [f"{state_label(s, lang)} {n}" for s, n in counts.items() if n]
    print(say(lang, "report_period", period=period.label(lang), span=period.span(lang)), file=out)
    print(say(lang, "report_counts", rows=sum(counts.values()), states=" · ".join(parts) or "-"), file=out)
    share = figures.spent_share
    print(
        say(
            lang,
            "report_budget",
            budget=format_amount(figures.budget),
            spent=format_amount(figures.spent),
            share=f"{share:.1f}" if share is not None else "-",
        ),
        file=out,
    )


__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_PARTLY", "Path", "add_parser", "run_report"]
