"""``srmtool export FILE [--xlsx OUT] [--pdf OUT] [--png OUT] [--svg OUT] [--paper A4|A3] ...``.

With none of --xlsx/--pdf/--png/--svg, FILE.xlsx and FILE.pdf are written beside FILE. Every output
appears whole or not at all (``srmtool.export.output.write_whole``). Before anything is drawn, each
output's folder is tried, so a path that cannot be written (a folder, a missing folder, no
permission) stops the command with exit status 2 and writes nothing. A file open in Excel on Windows
cannot be replaced; that case says so.

The options, kinds and writers are ``srmtool.export``'s, as the editor's export dialog uses them. The
Excel and PDF libraries load only when asked for, so ``export --xlsx`` never loads Qt; the PNG and SVG
writers come through the editor's door (``srmtool.cli.editor``), which loads Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from srmtool.cli.text import say
from srmtool.export.messages import reason
from srmtool.export.messages import say as say_export
from srmtool.export.options import (
    DEFAULT_FONT,
    DEFAULT_KINDS,
    KINDS,
    PAPERS,
    PICTURE_KINDS,
    ExportOptions,
    font_size_allowed,
)
from srmtool.export.output import try_folder, write_whole
from srmtool.export.writers import Writer, writer
from srmtool.model.errors import MapFileError
from srmtool.model.types import RouteMap

EXIT_OK = 0
EXIT_FAILED = 2


def add_parser(
    sub: argparse._SubParsersAction[Any],
    lang: str,
    common: Callable[[argparse._ArgumentGroup, str], None],
) -> None:
    """Register ``export`` on the sub-command set ``sub``; ``common`` adds --help and --lang."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "export", lang=lang, help=say(lang, "help_export"), description=say(lang, "help_export_long")
    )
    args = parser.add_argument_group(say(lang, "arguments_title"))
    args.add_argument("file", metavar="FILE", help=say(lang, "help_export_file"))
    opts = parser.add_argument_group(say(lang, "options_title"))
    for kind in KINDS:
        opts.add_argument(f"--{kind}", metavar="OUT", help=say(lang, f"help_export_{kind}"))
    opts.add_argument("--paper", choices=PAPERS, default="A4", help=say(lang, "help_paper"))
    opts.add_argument("--thai-digits", action="store_true", help=say(lang, "help_thai_digits"))
    opts.add_argument("--font", metavar="NAME", help=say(lang, "help_font"))
    opts.add_argument("--font-size", metavar="PT", type=float, help=say(lang, "help_font_size"))
    opts.add_argument(
        "--signature",
        nargs=3,
        action="append",
        metavar=("ROLE", "NAME", "POSITION"),
        help=say(lang, "help_signature"),
    )
    opts.add_argument("--no-signatures", action="store_true", help=say(lang, "help_no_signatures"))
    common(opts, lang)


@dataclass
class _Target:
    kind: str
    path: str


def targets(file: str, ns: argparse.Namespace) -> list[_Target]:
    """The outputs asked for, or FILE.xlsx and FILE.pdf beside FILE when none is."""
    chosen = [_Target(kind, getattr(ns, kind)) for kind in KINDS if getattr(ns, kind)]
    if chosen:
        return chosen
    source = Path(file)
    out: list[_Target] = []
    for kind in DEFAULT_KINDS:
        path = source.with_suffix(f".{kind}")
        if path == source:  # an input already named .xlsx or .pdf is never overwritten
            path = source.with_name(f"{source.name}.{kind}")
        out.append(_Target(kind, str(path)))
    return out


def options_of(ns: argparse.Namespace) -> ExportOptions:
    """The export options the command's arguments ask for."""
    signatures: tuple[tuple[str, str, str], ...] | None = None  # the map's own signers
    if ns.no_signatures:
        signatures = ()
    elif ns.signature:
        signatures = tuple((role, name, position) for role, name, position in ns.signature)
    return ExportOptions(
        paper=ns.paper,
        thai_digits=ns.thai_digits,
        font=ns.font or DEFAULT_FONT,
        font_size=ns.font_size,
        signatures=signatures,
    )


def pictures(lang: str) -> Mapping[str, Writer]:
    """The PNG and SVG writers, speaking ``lang``; raises ``ImportError`` without Qt."""
    from srmtool.cli.editor import picture_writers  # the door to Qt: only for --png and --svg

    return picture_writers(lang)


def run_export(ns: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> int:
    from srmtool.cli.map_commands import read_map

    if ns.font_size is not None and not font_size_allowed(ns.font_size):
        print(say(lang, "export_bad_font_size", size=f"{ns.font_size:g}"), file=err)
        return EXIT_FAILED
    loaded = read_map(ns.file)
    if isinstance(loaded, MapFileError):
        print(loaded.message(lang), file=err)
        return EXIT_FAILED
    options = options_of(ns)
    wanted = targets(ns.file, ns)
    failed = False
    for target in wanted:
        try:
            try_folder(target.path)
        except OSError as exc:
            print(_cannot_write(lang, target.path, exc), file=err)
            failed = True
    if failed:
        print(say_export(lang, "export_nothing_written"), file=err)
        return EXIT_FAILED
    for target in wanted:
        if not _write_one(loaded, target, options, lang, out, err):
            failed = True
    return EXIT_FAILED if failed else EXIT_OK


def _cannot_write(lang: str, path: str, exc: BaseException) -> str:
    return say_export(lang, "export_cannot_write", path=path, reason=reason(lang, exc))


def _write_one(
    route_map: RouteMap, target: _Target, options: ExportOptions, lang: str, out: TextIO, err: TextIO
) -> bool:
    try:
        handed = pictures(lang) if target.kind in PICTURE_KINDS else None
        write = writer(target.kind, options, handed)
    except ImportError as exc:
        detail = " ".join(str(exc).split())
        text = say_export(lang, "export_unavailable", path=target.path, kind=target.kind, reason=detail)
        print(text, file=err)
        return False
    try:
        write_whole(route_map, target.path, write)
    except Exception as exc:  # any failure of one output is reported; the others still go ahead
        print(_cannot_write(lang, target.path, exc), file=err)
        return False
    print(say(lang, "export_written", path=target.path), file=out)
    return True
