"""``srmtool import TABLE.xlsx -o MAP.srm [--sheet NAME] [--force]``.

Reads an 11-column table or action plan typed into Excel into a new map and prints what was mapped
to which column and what was skipped. The map is written (atomically, by ``save_map``) only after
the whole import succeeded; an unsafe, damaged or table-less workbook ends with exit status 2, one
readable message and no output file. An existing MAP.srm is overwritten only with --force.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from srmtool.cli.text import say

EXIT_OK = 0
EXIT_FAILED = 2


def add_parser(
    sub: argparse._SubParsersAction[Any],
    lang: str,
    common: Callable[[argparse._ArgumentGroup, str], None],
) -> None:
    """Register ``import`` on the sub-command set ``sub``; ``common`` adds --help and --lang."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "import", lang=lang, help=say(lang, "help_import"), description=say(lang, "help_import_long")
    )
    args = parser.add_argument_group(say(lang, "arguments_title"))
    args.add_argument("file", metavar="TABLE.xlsx", help=say(lang, "help_import_file"))
    opts = parser.add_argument_group(say(lang, "options_title"))
    opts.add_argument(
        "-o", "--output", metavar="MAP.srm", required=True, help=say(lang, "help_import_output")
    )
    opts.add_argument("--sheet", metavar="NAME", help=say(lang, "help_import_sheet"))
    opts.add_argument("--force", action="store_true", help=say(lang, "help_force"))
    common(opts, lang)


def run_import(ns: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> int:
    from srmtool.cli.map_commands import file_error
    from srmtool.importer import ImportRefused, import_xlsx
    from srmtool.model.srmfile.codec import save_map

    target = Path(ns.output)
    if (target.exists() or target.is_symlink()) and not ns.force:
        print(say(lang, "exists", path=ns.output), file=err)
        return EXIT_FAILED
    try:
        if target.resolve() == Path(ns.file).resolve():
            print(say(lang, "import_same_file", path=ns.output), file=err)
            return EXIT_FAILED
    except OSError:
        pass
    try:
        result = import_xlsx(ns.file, sheet=ns.sheet)
    except ImportRefused as exc:
        print(exc.message(lang), file=err)
        print(say(lang, "import_nothing_written"), file=err)
        return EXIT_FAILED
    try:
        save_map(result.route_map, target)
    except Exception as exc:  # a failed save is reported, never raised
        print(file_error(ns.output, exc).message(lang), file=err)
        return EXIT_FAILED
    print(result.report.render(lang), file=out)
    print(say(lang, "import_written", path=ns.output), file=out)
    return EXIT_OK
