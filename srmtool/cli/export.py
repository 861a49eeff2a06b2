"""``srmtool export FILE [--xlsx OUT] [--pdf OUT] [--png OUT] [--svg OUT] [--paper A4|A3] ...``.

With none of --xlsx/--pdf/--png/--svg, FILE.xlsx and FILE.pdf are written beside FILE. Every output
appears whole or not at all: it is written under a temporary name in its own folder and renamed into
place. Before anything is drawn, each output's folder is tried, so a path that cannot be written
(a folder, a missing folder, no permission) stops the command with exit status 2 and writes nothing.
A file open in Excel on Windows cannot be replaced; that case says so.

The writers are imported only when asked for, so ``export --xlsx`` never loads Qt.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from srmtool.cli.text import say
from srmtool.model.errors import MapFileError
from srmtool.model.types import RouteMap

EXIT_OK = 0
EXIT_FAILED = 2
KINDS = ("xlsx", "pdf", "png", "svg")
DEFAULT_KINDS = ("xlsx", "pdf")
PAPERS = ("A4", "A3")
MIN_FONT_SIZE, MAX_FONT_SIZE = 6.0, 48.0

Writer = Callable[[RouteMap, str], None]


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
    temp: str = ""


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


def writer(kind: str, ns: argparse.Namespace) -> Writer:
    """The function that writes ``kind``; raises ``ImportError`` when this installation lacks it."""
    if kind == "xlsx":
        from srmtool.export.xlsx.workbook import DEFAULT_FONT, write_xlsx

        font = ns.font or DEFAULT_FONT
        sized = {"font_size": ns.font_size} if ns.font_size else {}
        return lambda m, p: write_xlsx(m, p, paper=ns.paper, thai_digits=ns.thai_digits, font=font, **sized)
    if kind == "pdf":
        from srmtool.export.pdf.document import write_pdf

        sized = {"font_size": ns.font_size} if ns.font_size else {}
        signatures = () if ns.no_signatures else [tuple(s) for s in ns.signature] if ns.signature else None
        return lambda m, p: write_pdf(
            m, p, paper=ns.paper, thai_digits=ns.thai_digits, signatures=signatures, **sized
        )
    from srmtool.ui import render  # Qt: only for --png and --svg

    return render.write_png if kind == "png" else render.write_svg


def reason(lang: str, exc: BaseException) -> str:
    """Why a file could not be written, in words a user can act on."""
    if isinstance(exc, MapFileError):
        return exc.message_th if lang == "th" else exc.message_en
    if isinstance(exc, IsADirectoryError):
        return say(lang, "export_reason_folder_name")
    if isinstance(exc, PermissionError):
        return say(lang, "export_reason_permission")
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return say(lang, "export_reason_no_folder")
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return say(lang, "export_reason_disk_full")
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return say(lang, "export_reason_read_only")
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return " ".join(f"{type(exc).__name__}: {exc}".split())


def _claim(target: _Target) -> None:
    """Create the output's temporary file (proves the folder can be written); raises ``OSError``."""
    full = os.path.abspath(target.path)
    if os.path.isdir(full):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), target.path)
    folder, name = os.path.split(full)
    stem, suffix = os.path.splitext(name)
    # The temporary name keeps the suffix: some writers choose the format from it.
    temp = os.path.join(folder, f".{stem}.{secrets.token_hex(6)}.tmp{suffix}")
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    target.temp = temp


def _drop(target: _Target) -> None:
    if target.temp:
        with contextlib.suppress(OSError):
            os.unlink(target.temp)
        target.temp = ""


def _finish(route_map: RouteMap, target: _Target, write: Writer) -> None:
    """Draw into the claimed temporary file and rename it over the output."""
    write(route_map, target.temp)
    os.replace(target.temp, target.path)
    target.temp = ""


def write_whole(route_map: RouteMap, path: str, write: Writer) -> None:
    """Write one output whole or not at all, as the command does (the editor's export dialog uses it).

    The folder is tried first (a temporary file is made beside ``path``), then ``write`` draws into it
    and it is renamed over ``path``. Raises ``OSError`` or the writer's error; ``path`` is then as it
    was and no temporary file is left.
    """
    target = _Target("", path)
    try:
        _claim(target)
        _finish(route_map, target, write)
    finally:
        _drop(target)


def run_export(ns: argparse.Namespace, lang: str, out: TextIO, err: TextIO) -> int:
    from srmtool.cli.map_commands import read_map

    if ns.font_size is not None and not MIN_FONT_SIZE <= ns.font_size <= MAX_FONT_SIZE:
        print(say(lang, "export_bad_font_size", size=f"{ns.font_size:g}"), file=err)
        return EXIT_FAILED
    loaded = read_map(ns.file)
    if isinstance(loaded, MapFileError):
        print(loaded.message(lang), file=err)
        return EXIT_FAILED
    wanted = targets(ns.file, ns)
    failed = False
    try:
        for target in wanted:
            try:
                _claim(target)
            except OSError as exc:
                print(say(lang, "export_cannot_write", path=target.path, reason=reason(lang, exc)), file=err)
                failed = True
        if failed:
            print(say(lang, "export_nothing_written"), file=err)
            return EXIT_FAILED
        for target in wanted:
            if not _write_one(loaded, target, ns, lang, out, err):
                failed = True
    finally:
        for target in wanted:
            _drop(target)
    return EXIT_FAILED if failed else EXIT_OK


def _speak(lang: str) -> None:
    """Pictures carry interface words (the banner's "Destination"): say them in ``lang``."""
    from srmtool.ui.language import install_translator
    from srmtool.ui.render import ensure_application

    install_translator(ensure_application(), lang)


def _write_one(
    route_map: RouteMap, target: _Target, ns: argparse.Namespace, lang: str, out: TextIO, err: TextIO
) -> bool:
    try:
        write = writer(target.kind, ns)
        if target.kind in ("png", "svg"):
            _speak(lang)
    except ImportError as exc:
        detail = " ".join(str(exc).split())
        print(say(lang, "export_unavailable", path=target.path, kind=target.kind, reason=detail), file=err)
        return False
    try:
        _finish(route_map, target, write)
    except Exception as exc:  # any failure of one output is reported; the others still go ahead
        print(say(lang, "export_cannot_write", path=target.path, reason=reason(lang, exc)), file=err)
        return False
    print(say(lang, "export_written", path=target.path), file=out)
    return True
