"""The headless sub-commands: ``check``, ``info`` and ``new``.

Each ``run_*`` function takes parsed values and the language, writes to ``out``/``err`` and returns the
exit status (0 fine, 1 the map has errors, 2 a file cannot be read or written). None of them raises for
a bad file: every failure is turned into one readable line on ``err``.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from srmtool.cli.text import say
from srmtool.model.checks import Finding, check_map
from srmtool.model.checks.text import SEVERITIES
from srmtool.model.errors import MapFileError
from srmtool.model.srmfile.codec import load_map, save_map
from srmtool.model.templates import BUILTIN_TEMPLATE_IDS, builtin_template
from srmtool.model.types import PERSPECTIVE_IDS, Meta, RouteMap, now_iso

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


#: Version of the ``check --json`` document; bump it when a key changes meaning or disappears.
CHECK_JSON_VERSION = 1


def file_error(path: str | Path, exc: BaseException) -> MapFileError:
    """A readable ``MapFileError`` for whatever went wrong with ``path``."""
    if isinstance(exc, MapFileError):
        return exc
    name = str(path)
    if isinstance(exc, OSError):
        key, reason = "os_error", exc.strerror or type(exc).__name__
    else:
        key, reason = "unexpected_file_error", _one_line(f"{type(exc).__name__}: {exc}")
    return MapFileError(name, "", say("en", key, reason=reason), say("th", key, reason=reason))


def error_json(error: MapFileError) -> dict[str, str]:
    return {"where": error.where, "message_th": error.message("th"), "message_en": error.message("en")}


def read_map(path: str | Path) -> RouteMap | MapFileError:
    """The map in ``path``, or why it cannot be read. Never raises for a bad or missing file."""
    try:
        return load_map(path)
    except Exception as exc:  # every reason a file cannot be read is reported, not raised
        return file_error(path, exc)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: Thai vowel and tone marks sit on their letter."""
    return sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` terminal columns."""
    return text + " " * max(0, width - display_width(text))


# -- check ----------------------------------------------------------------------------------


@dataclass
class CheckResult:
    path: str
    error: MapFileError | None = None
    findings: list[Finding] = field(default_factory=list)
    route_map: RouteMap | None = None

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def check_files(paths: list[str]) -> list[CheckResult]:
    results: list[CheckResult] = []
    for path in paths:
        loaded = read_map(path)
        if isinstance(loaded, MapFileError):
            results.append(CheckResult(path, error=loaded))
            continue
        results.append(CheckResult(path, findings=check_map(loaded), route_map=loaded))
    return results


def check_status(results: list[CheckResult]) -> int:
    """2 when any file is unreadable (it wins), 1 when any finding is an error, else 0."""
    if any(r.error is not None for r in results):
        return EXIT_UNREADABLE
    if any(r.count("error") for r in results):
        return EXIT_FINDINGS
    return EXIT_OK


def _describe_ids(route_map: RouteMap | None, ids: tuple[str, ...] | list[str]) -> str:
    parts: list[str] = []
    for item_id in ids:
        objective = route_map.objective(item_id) if route_map is not None else None
        parts.append(f"{item_id} ({objective.code})" if objective is not None and objective.code else item_id)
    return ", ".join(parts)


def run_check(paths: list[str], lang: str, as_json: bool, out: TextIO, err: TextIO) -> int:
    results = check_files(paths)
    status = check_status(results)
    for r in results:
        if r.error is not None:
            print(r.error.message(lang), file=err)
    if as_json:
        print(json.dumps(check_document(results, status), ensure_ascii=False, indent=2), file=out)
        return status
    width = max(display_width(say(lang, f"severity_{s}")) for s in SEVERITIES)
    for r in results:
        if r.error is not None:
            continue
        if not r.findings:
            print(say(lang, "no_findings", path=r.path), file=out)
            continue
        print(
            say(
                lang,
                "findings_summary",
                path=r.path,
                errors=r.count("error"),
                warnings=r.count("warning"),
                infos=r.count("info"),
            ),
            file=out,
        )
        for f in r.findings:
            severity = say(lang, f"severity_{f.severity}") if f.severity in SEVERITIES else f.severity
            ids = _describe_ids(r.route_map, list(f.ids))
            ids_part = f"  [{ids}]" if ids else ""
            print(f"  {pad(severity, width)}  {f.code}{ids_part}  {f.message(lang)}", file=out)
    if len(results) > 1:
        unreadable = sum(1 for r in results if r.error is not None)
        with_errors = sum(1 for r in results if r.count("error"))
        print(
            say(lang, "check_total", files=len(results), unreadable=unreadable, with_errors=with_errors),
            file=out,
        )
    return status


def check_document(results: list[CheckResult], status: int) -> dict[str, Any]:
    """The ``check --json`` document. Keys are stable; see README "srmtool check --json"."""
    files: list[dict[str, Any]] = []
    for r in results:
        files.append(
            {
                "path": r.path,
                "readable": r.error is None,
                "error": error_json(r.error) if r.error is not None else None,
                "counts": {s: r.count(s) for s in SEVERITIES},
                "findings": [
                    {
                        "code": f.code,
                        "severity": f.severity,
                        "ids": list(f.ids),
                        "message_th": f.message_th,
                        "message_en": f.message_en,
                    }
                    for f in r.findings
                ],
            }
        )
    return {"format": "srmtool-check", "version": CHECK_JSON_VERSION, "exit_status": status, "files": files}


# -- info -----------------------------------------------------------------------------------


def info_lines(route_map: RouteMap, path: str, lang: str) -> list[str]:
    """The ``info`` summary of a map, one line per fact."""
    empty = say(lang, "info_empty")
    meta = route_map.meta
    by_level = ", ".join(
        f"{route_map.perspective_label(pid)} {len(route_map.objectives_in(pid))}" for pid in PERSPECTIVE_IDS
    )
    rows = [
        (say(lang, "info_file"), path),
        (say(lang, "info_title"), meta.title or empty),
        (say(lang, "info_organization"), meta.organization or empty),
        (say(lang, "info_area"), meta.area or empty),
        (say(lang, "info_period"), meta.period or empty),
        (say(lang, "info_modified"), meta.modified or empty),
        (say(lang, "info_destination"), _one_line(route_map.destination) or empty),
        (say(lang, "info_objectives"), f"{len(route_map.objectives)} ({by_level})"),
        (say(lang, "info_links"), str(len(route_map.links))),
        (say(lang, "info_stakeholders"), str(len(route_map.stakeholders))),
        (
            say(lang, "info_table"),
            say(
                lang, "info_table_value", rows=len(route_map.table.rows), columns=len(route_map.table.columns)
            ),
        ),
    ]
    key_route = [o for o in route_map.objectives if o.key_route]
    rows.append((say(lang, "info_key_route"), str(len(key_route)) if key_route else say(lang, "info_none")))
    width = max(display_width(label) for label, _ in rows)
    lines = [f"{pad(label, width)}  {value}" for label, value in rows]
    code_width = max((display_width(o.code or o.id) for o in key_route), default=0)
    for o in key_route:
        lines.append(f"  {pad(o.code or o.id, code_width)}  {_one_line(o.text)}")
    return lines


def run_info(path: str, lang: str, out: TextIO, err: TextIO) -> int:
    loaded = read_map(path)
    if isinstance(loaded, MapFileError):
        print(loaded.message(lang), file=err)
        return EXIT_UNREADABLE
    for line in info_lines(loaded, path, lang):
        print(line, file=out)
    return EXIT_OK


# -- new ------------------------------------------------------------------------------------


def new_map(title: str, template_id: str) -> RouteMap:
    """A fresh map: the four levels, no objectives, the template's columns, created/modified set."""
    stamp = now_iso()
    return RouteMap(
        meta=Meta(title=title, created=stamp, modified=stamp),
        table=builtin_template(template_id).fresh_table(),
    )


def run_new(
    path: str, template_id: str, title: str | None, force: bool, lang: str, out: TextIO, err: TextIO
) -> int:
    target = Path(path)
    if template_id not in BUILTIN_TEMPLATE_IDS:
        print(
            say(lang, "unknown_template", template=template_id, known=", ".join(BUILTIN_TEMPLATE_IDS)),
            file=err,
        )
        return EXIT_UNREADABLE
    if (target.exists() or target.is_symlink()) and not force:
        print(say(lang, "exists", path=path), file=err)
        return EXIT_UNREADABLE
    route_map = new_map(title if title is not None else target.stem, template_id)
    try:
        save_map(route_map, target)
    except Exception as exc:  # a failed save is reported, never raised
        print(file_error(path, exc).message(lang), file=err)
        return EXIT_UNREADABLE
    template = builtin_template(template_id)
    print(
        say(lang, "created", path=path, template=template.name if lang == "th" else template.name_en),
        file=out,
    )
    return EXIT_OK
