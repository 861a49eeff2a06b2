"""Column templates for the table. Templates are data (JSON files), not code.

Built-in templates ship in ``resources/templates``; users' own templates are JSON files of the same
shape: ``{"id", "name", "columns": [{"key", "label", "width"}], "style": {…}}``. Column 1 is always
``objective``. ``style`` is optional and has the shape of a map's ``table.style``
(``srmtool.model.plan.TableStyle``: grouping, group prefix, column groups, whether a map page is
printed first); a template without one has the Mini SLM's.

Users' templates live in one folder: ``$SRMTOOL_TEMPLATE_DIR`` when set (tests, portable installs),
else ``templates`` in platformdirs' ``user_data_dir("srmtool")``; one ``.json`` file per template.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from srmtool.model.plan import STYLE_KEY, TableStyle, style_from, style_value
from srmtool.model.srmfile.additive import check_style
from srmtool.model.srmfile.problem import FileProblem
from srmtool.model.types import OBJECTIVE_COLUMN, Column, Table
from srmtool.resources_path import resource

BUILTIN_TEMPLATE_IDS = ("mini_slm_11", "action_plan")
DEFAULT_TEMPLATE_ID = "mini_slm_11"
#: Environment variable naming the folder of the user's own templates (overrides platformdirs).
TEMPLATE_DIR_ENV = "SRMTOOL_TEMPLATE_DIR"


class TemplateError(ValueError):
    """A template file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    name_en: str
    columns: tuple[Column, ...]
    style: TableStyle = TableStyle()

    def display_name(self, lang: str) -> str:
        """The name to show in a ``lang`` ("th", "en") interface."""
        return self.name if lang == "th" else (self.name_en or self.name)

    def fresh_columns(self) -> list[Column]:
        """Independent copies, ready to put into a map."""
        return [c.model_copy(deep=True) for c in self.columns]

    def fresh_table(self) -> Table:
        """An empty table of this column set, with its style (written only when not the default)."""
        table = Table(columns=self.fresh_columns())
        value = style_value(self.style)
        if value is not None:
            table.__pydantic_extra__ = {STYLE_KEY: value}
        return table


def _parse(data: object, origin: str) -> Template:
    if not isinstance(data, dict) or not isinstance(data.get("columns"), list):
        raise TemplateError(f"{origin}: not a column template")
    columns: list[Column] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["columns"]):
        if not isinstance(raw, dict) or not isinstance(raw.get("key"), str) or not raw["key"]:
            raise TemplateError(f"{origin}: columns[{i}] needs a key")
        if raw["key"] in seen:
            raise TemplateError(f"{origin}: columns[{i}] repeats the key {raw['key']!r}")
        seen.add(raw["key"])
        width = raw.get("width", 20)
        columns.append(
            Column(
                key=raw["key"],
                label=str(raw.get("label", raw["key"])),
                width=float(width) if isinstance(width, int | float) else 20.0,
            )
        )
    if not columns or columns[0].key != OBJECTIVE_COLUMN:
        raise TemplateError(f"{origin}: the first column must be '{OBJECTIVE_COLUMN}'")
    style = data.get(STYLE_KEY, {})
    try:
        check_style(style, STYLE_KEY)
    except FileProblem as problem:
        raise TemplateError(f"{origin}: {problem.where}: {problem.message_en}") from None
    return Template(
        id=str(data.get("id", Path(origin).stem)),
        name=str(data.get("name", data.get("id", ""))),
        name_en=str(data.get("name_en", data.get("name", ""))),
        columns=tuple(columns),
        style=style_from(style),
    )


def builtin_template(template_id: str = DEFAULT_TEMPLATE_ID) -> Template:
    node = resource("templates", f"{template_id}.json")
    if template_id not in BUILTIN_TEMPLATE_IDS or not node.is_file():
        raise TemplateError(f"no built-in template {template_id!r}")
    return _parse(json.loads(node.read_text(encoding="utf-8")), f"{template_id}.json")


def builtin_templates() -> list[Template]:
    return [builtin_template(t) for t in BUILTIN_TEMPLATE_IDS]


def default_columns() -> list[Column]:
    """The Mini SLM 11 ช่อง column set."""
    return builtin_template(DEFAULT_TEMPLATE_ID).fresh_columns()


def load_template(path: str | Path) -> Template:
    p = Path(path)
    try:
        if p.stat().st_size > 1_000_000:
            raise TemplateError(f"{p}: too large for a template")
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise TemplateError(f"{p}: {exc}") from None
    return _parse(data, str(p))


def save_template(
    path: str | Path, template_id: str, name: str, columns: list[Column], style: TableStyle | None = None
) -> None:
    """Write a column set (and its style) as a reusable template (not atomic-critical: it is the
    user's copy)."""
    data: dict[str, object] = {
        "id": template_id,
        "name": name,
        "columns": [{"key": c.key, "label": c.label, "width": c.width} for c in columns],
    }
    value = style_value(style) if style is not None else None
    if value is not None:
        data[STYLE_KEY] = value
    _parse(data, str(path))  # refuse to write something we could not read back
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def user_template_folder() -> Path:
    """Where the user's own templates are kept (the folder may not exist yet)."""
    chosen = os.environ.get(TEMPLATE_DIR_ENV, "").strip()
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir("srmtool", appauthor=False)) / "templates"


def user_templates(folder: str | Path | None = None) -> list[Template]:
    """The user's own templates in ``folder`` (default ``user_template_folder()``), sorted by name.
    Files that cannot be read as templates are skipped: one bad file must not hide the others."""
    root = Path(folder) if folder is not None else user_template_folder()
    if not root.is_dir():
        return []
    found: list[Template] = []
    for path in sorted(root.glob("*.json")):
        try:
            found.append(load_template(path))
        except TemplateError:
            continue
    return sorted(found, key=lambda t: t.name.casefold())


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def template_file_name(name: str) -> str:
    """A file name for a template called ``name`` (Thai kept; characters no file system takes
    replaced), ending in ``.json``."""
    stem = _UNSAFE.sub("_", name).strip(" ._") or "template"
    return f"{stem[:80]}.json"


def save_user_template(
    name: str, columns: list[Column], folder: str | Path | None = None, style: TableStyle | None = None
) -> Path:
    """Keep ``columns`` as the user's template called ``name`` in ``folder`` (default
    ``user_template_folder()``), replacing a template of the same name; the path written.
    Raises ``TemplateError`` for an empty name or a set that is not a template, ``OSError`` when
    the folder cannot be written."""
    title = " ".join(name.split())
    if not title:
        raise TemplateError("a template needs a name")
    root = Path(folder) if folder is not None else user_template_folder()
    root.mkdir(parents=True, exist_ok=True)
    path = root / template_file_name(title)
    save_template(path, "user:" + path.stem, title, columns, style)
    return path
