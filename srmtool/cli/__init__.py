"""The ``srmtool`` command (DESIGN.md §3 "Public entry points").

    srmtool [FILE]                     open the map editor window (an empty map without FILE)
    srmtool check FILE... [--json]     0 no errors, 1 a map has errors, 2 a file cannot be read
    srmtool info FILE                  summary of a map
    srmtool new FILE [--template T] [--title TEXT] [--force]
    srmtool export FILE [--xlsx OUT] [--pdf OUT] [--png OUT] [--svg OUT] [--paper A4|A3] ...
    srmtool import TABLE.xlsx -o MAP.srm [--sheet NAME] [--force]
    srmtool report FILE [--period P] [--pdf OUT] [--xlsx OUT] [--form OUT.xlsx]
                   [--collect FORM.xlsx...] [-o MAP.srm]
    srmtool serve MAP.srm [--port N] [--code CODE] [--host ADDR]... [--no-announce]

Messages are Thai on a Thai locale and English otherwise; ``--lang th|en`` chooses. Errors go to stderr
as one readable line, never as a traceback; ``main`` returns the exit status instead of raising.
No Qt is imported here: ``srmtool.cli.editor`` imports the editor only when a window is wanted.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import textwrap
from collections.abc import Sequence
from typing import NoReturn

# srmtool uses no pydantic plugins; looking them up reads every installed package's entry points
# (about 13 ms of every command's start). Set before the model's classes are built; a user who does
# want plugins can still set the variable.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from srmtool import __version__
from srmtool.cli.text import say
from srmtool.i18n import system_language

COMMANDS = ("check", "info", "new", "export", "import", "report", "serve")
LANGS = ("th", "en")
USAGE = (
    "srmtool [--lang {th,en}] [FILE]\n"
    "       srmtool [--lang {th,en}] {check,info,new,export,import,report,serve} ...\n"
    "       srmtool --version"
)


class _UsageError(Exception):
    """Bad command-line usage; carries argparse's explanation."""


class _Parser(argparse.ArgumentParser):
    """An argparse parser that speaks the chosen language and raises instead of exiting on bad usage."""

    def __init__(self, *args: object, lang: str = "en", **kwargs: object) -> None:
        self.lang = lang
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", _formatter(lang))
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    class Formatter(argparse.RawDescriptionHelpFormatter):
        def add_usage(
            self, usage: str | None, actions: object, groups: object, prefix: str | None = None
        ) -> None:
            shown = say(lang, "usage_prefix") if prefix is None else prefix
            super().add_usage(usage, actions, groups, shown)  # type: ignore[arg-type]

        def _split_lines(self, text: str, width: int) -> list[str]:
            # Thai has no spaces between words: wrap at spaces only, never inside a word.
            return textwrap.wrap(" ".join(text.split()), width, break_long_words=False) or [""]

    return Formatter


def _common(group: argparse._ArgumentGroup, lang: str) -> None:
    group.add_argument("-h", "--help", action="help", help=say(lang, "help_help"))
    group.add_argument("--lang", choices=LANGS, help=say(lang, "help_lang"))


def build_parser(lang: str) -> argparse.ArgumentParser:
    """The full parser (commands and options), with help text in ``lang``."""
    parser = _Parser(
        prog="srmtool",
        lang=lang,
        usage=USAGE,
        description=say(lang, "description"),
        epilog=say(lang, "epilog"),
    )
    options = parser.add_argument_group(say(lang, "options_title"))
    _common(options, lang)
    options.add_argument(
        "--version", action="version", version=f"srmtool {__version__}", help=say(lang, "help_version")
    )
    sub = parser.add_subparsers(
        dest="command",
        title=say(lang, "commands_title"),
        metavar="COMMAND",
        parser_class=_Parser,
        prog="srmtool",
    )

    check = sub.add_parser(
        "check",
        lang=lang,
        help=say(lang, "help_check"),
        description=say(lang, "help_check"),
        epilog=say(lang, "epilog"),
    )
    args = check.add_argument_group(say(lang, "arguments_title"))
    args.add_argument("files", nargs="+", metavar="FILE", help=say(lang, "help_check_files"))
    opts = check.add_argument_group(say(lang, "options_title"))
    opts.add_argument("--json", action="store_true", help=say(lang, "help_json"))
    _common(opts, lang)

    info = sub.add_parser("info", lang=lang, help=say(lang, "help_info"), description=say(lang, "help_info"))
    args = info.add_argument_group(say(lang, "arguments_title"))
    args.add_argument("file", metavar="FILE", help=say(lang, "help_info_file"))
    _common(info.add_argument_group(say(lang, "options_title")), lang)

    from srmtool.model.templates import BUILTIN_TEMPLATE_IDS, DEFAULT_TEMPLATE_ID

    new = sub.add_parser("new", lang=lang, help=say(lang, "help_new"), description=say(lang, "help_new"))
    args = new.add_argument_group(say(lang, "arguments_title"))
    args.add_argument("file", metavar="FILE", help=say(lang, "help_new_file"))
    opts = new.add_argument_group(say(lang, "options_title"))
    opts.add_argument(
        "--template",
        choices=BUILTIN_TEMPLATE_IDS,
        default=DEFAULT_TEMPLATE_ID,
        help=say(lang, "help_template"),
    )
    opts.add_argument("--title", help=say(lang, "help_title"))
    opts.add_argument("--force", action="store_true", help=say(lang, "help_force"))
    _common(opts, lang)

    from srmtool.cli.export import add_parser as add_export

    add_export(sub, lang, _common)

    from srmtool.cli.importing import add_parser as add_import

    add_import(sub, lang, _common)

    from srmtool.cli.report import add_parser as add_report

    add_report(sub, lang, _common)

    from srmtool.cli.serve import add_parser as add_serve

    add_serve(sub, lang, _common)
    return parser


def build_open_parser(lang: str) -> argparse.ArgumentParser:
    """``srmtool [--lang L] [FILE]``: the editor's usage, when the first word is not a command."""
    parser = _Parser(prog="srmtool", lang=lang, usage=USAGE, description=say(lang, "description"))
    args = parser.add_argument_group(say(lang, "arguments_title"))
    args.add_argument("file", nargs="?", metavar="FILE", help=say(lang, "help_open_file"))
    _common(parser.add_argument_group(say(lang, "options_title")), lang)
    return parser


def chosen_language(argv: Sequence[str]) -> str:
    """``--lang th|en`` from the arguments if given, else the system's language."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGS:
            return value
    return system_language()


def _first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--lang":
            skip = True
            continue
        if arg == "--":
            return None
        if not arg.startswith("-") or arg == "-":
            return arg
    return None


def _run(argv: list[str], lang: str) -> int:
    from srmtool.cli import map_commands as commands

    out, err = sys.stdout, sys.stderr
    first = _first_word(argv)
    if first is None or first in COMMANDS:
        ns = build_parser(lang).parse_args(argv)
    else:
        ns = build_open_parser(lang).parse_args(argv)
        ns.command = None
    if ns.command == "check":
        return commands.run_check(ns.files, lang, ns.json, out, err)
    if ns.command == "info":
        return commands.run_info(ns.file, lang, out, err)
    if ns.command == "new":
        return commands.run_new(ns.file, ns.template, ns.title, ns.force, lang, out, err)
    if ns.command == "export":
        from srmtool.cli.export import run_export

        return run_export(ns, lang, out, err)
    if ns.command == "import":
        from srmtool.cli.importing import run_import

        return run_import(ns, lang, out, err)
    if ns.command == "report":
        from srmtool.cli.report import run_report

        return run_report(ns, lang, out, err)
    if ns.command == "serve":
        from srmtool.cli.serve import run_serve

        return run_serve(ns, lang, out, err)
    from srmtool.cli.editor import open_editor

    # The window's language: --lang when given, else the user's last choice in the editor.
    return open_editor(getattr(ns, "file", None), lang, out, err, ui_lang=getattr(ns, "lang", None))


def _tolerant_streams() -> None:
    """Never die on a terminal that cannot show Thai: replace what it cannot encode."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream: leave it
                reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang = chosen_language(args)
    _tolerant_streams()
    try:
        return _run(args, lang)
    except _UsageError as exc:
        print(say(lang, "usage_error", detail=exc), file=sys.stderr)
        print(say(lang, "see_help"), file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help and --version end here
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:  # the reader went away (`srmtool info x.srm | head`): stop quietly
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(say(lang, "interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: one readable line, never a traceback
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        try:
            print(say(lang, "internal_error", reason=reason), file=sys.stderr)
        except Exception:
            print(f"srmtool: internal error ({reason})", file=sys.stderr)
        return 2
