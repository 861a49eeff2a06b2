"""What the export dialog asks for, where the file goes by default, and what it remembers.

``ExportChoices`` is the dialog's answer as plain data. ``remembered`` and ``remember`` keep the
choices in the window's ``QSettings``: paper, fonts, Thai digits and "open the folder" for every map;
the signers and the output folder per map folder, since one office keeps its maps in one folder and
signs them with the same people. ``options`` turns the choices into ``srmtool.export``'s
``ExportOptions``, which ``srmtool export`` builds from its arguments too, so the dialog and the
command write through the same code.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from PySide6.QtCore import QSettings

from srmtool.export.options import (
    DEFAULT_FONT,
    DEFAULT_FONT_SIZES,
    DEFAULT_SIGNATURES,
    KINDS,
    PAPERS,
    ExportOptions,
    Signature,
    font_size_allowed,
)
from srmtool.ui.folders import documents_folder, safe_stem

SUFFIXES: Final = {kind: f".{kind}" for kind in KINDS}
#: Fonts Thai offices print with; the list is editable in the dialog.
FONTS: Final = ("TH SarabunPSK", "TH Sarabun New", "TH SarabunIT๙", "Sarabun", "Angsana New", "Cordia New")
#: Roles offered in the signature table (any text may be typed).
ROLES: Final = ("ผู้เสนอแผน", "ผู้เห็นชอบแผน", "ผู้อนุมัติแผน", "ผู้จัดทำแผน", "ผู้ตรวจสอบ")

_GROUP: Final = "export"


def _default_font_sizes() -> dict[str, float]:
    return dict(DEFAULT_FONT_SIZES)


def _default_signatures() -> list[Signature]:
    return list(DEFAULT_SIGNATURES)


@dataclass
class ExportChoices:
    """Everything one export needs; ``path`` is the file to write."""

    kind: str = "pdf"
    path: Path = Path()
    paper: str = "A4"
    font: str = DEFAULT_FONT
    font_sizes: dict[str, float] = field(default_factory=_default_font_sizes)
    thai_digits: bool = False
    signatures: list[Signature] = field(default_factory=_default_signatures)
    open_folder: bool = True
    folder: Path | None = None  # where the last export of a map in this map folder went

    def options(self) -> ExportOptions:
        """The export options these choices mean; no signers print no signature blocks."""
        return ExportOptions(
            paper=self.paper,
            thai_digits=self.thai_digits,
            font=self.font.strip() or DEFAULT_FONT,
            font_size=self.font_sizes.get(self.kind),
            signatures=tuple(self.signatures),
        )


def default_path(kind: str, map_path: Path | None, title: str, fallback: str, folder: Path | None) -> Path:
    """Next to the map file with the kind's suffix (or in ``folder``, where this map folder's last
    export went); for an unsaved map, in the Documents folder under the map's title."""
    suffix = SUFFIXES[kind]
    if map_path is not None:
        stem, home = map_path.stem, map_path.parent
    else:
        stem, home = safe_stem(title, fallback), documents_folder()
    if folder is not None and folder.is_dir():
        home = folder
    return home / (stem + suffix)


def with_kind_suffix(path: Path, kind: str) -> Path:
    """``path`` with its export suffix swapped for ``kind``'s, or ``kind``'s added."""
    if path.suffix.lower() in SUFFIXES.values():
        return path.with_suffix(SUFFIXES[kind])
    return path.with_name(path.name + SUFFIXES[kind])


def _folder_key(map_path: Path | None) -> str:
    folder = str(map_path.absolute().parent) if map_path is not None else ""
    return f"{_GROUP}/folders/{hashlib.sha1(folder.encode('utf-8')).hexdigest()[:16]}"


def _float(value: object, default: float) -> float:
    try:
        number = float(str(value))
    except ValueError:
        return default
    return number if font_size_allowed(number) else default


def _signatures(value: object) -> list[Signature] | None:
    if not isinstance(value, str):
        return None
    try:
        rows = json.loads(value)
    except ValueError:
        return None
    if not isinstance(rows, list):
        return None
    out = [
        (r[0], r[1], r[2])
        for r in rows
        if isinstance(r, list) and len(r) == 3 and all(isinstance(v, str) for v in r)
    ]
    return out


def remembered(settings: QSettings, kind: str, map_path: Path | None) -> ExportChoices:
    """The choices last made (defaults where nothing was stored or a stored value is unusable)."""
    base = ExportChoices(kind=kind)
    paper = str(settings.value(f"{_GROUP}/paper", base.paper))
    font = str(settings.value(f"{_GROUP}/font", base.font)).strip()
    sizes = {k: _float(settings.value(f"{_GROUP}/font_size_{k}", v), v) for k, v in base.font_sizes.items()}
    key = _folder_key(map_path)
    signatures = _signatures(settings.value(f"{key}/signatures"))
    folder = settings.value(f"{key}/output_folder")
    return replace(
        base,
        paper=paper if paper in PAPERS else base.paper,
        font=font or base.font,
        font_sizes=sizes,
        thai_digits=_bool(settings.value(f"{_GROUP}/thai_digits", base.thai_digits)),
        open_folder=_bool(settings.value(f"{_GROUP}/open_folder", base.open_folder)),
        signatures=base.signatures if signatures is None else signatures,
        folder=Path(folder) if isinstance(folder, str) and folder else None,
    )


def _bool(value: object) -> bool:
    """QSettings gives "true"/"false" from an ini file and a real bool elsewhere."""
    return value.lower() == "true" if isinstance(value, str) else bool(value)


def remember(settings: QSettings, choices: ExportChoices, map_path: Path | None) -> None:
    """Keep ``choices`` for the next export dialog."""
    settings.setValue(f"{_GROUP}/paper", choices.paper)
    settings.setValue(f"{_GROUP}/font", choices.font)
    for kind, size in choices.font_sizes.items():
        settings.setValue(f"{_GROUP}/font_size_{kind}", size)
    settings.setValue(f"{_GROUP}/thai_digits", choices.thai_digits)
    settings.setValue(f"{_GROUP}/open_folder", choices.open_folder)
    key = _folder_key(map_path)
    settings.setValue(
        f"{key}/signatures", json.dumps([list(s) for s in choices.signatures], ensure_ascii=False)
    )
    settings.setValue(f"{key}/output_folder", str(choices.path.parent))
    settings.sync()
