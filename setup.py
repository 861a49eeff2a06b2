"""Package build step that pyproject.toml cannot express: compile the interface translations.

The Qt Linguist sources ``resources/translations/*.ts`` are kept in git; the ``.qm`` files the editor
loads are generated output (gitignored). Every build of the package runs Qt's ``lrelease`` on them:

- a wheel or a plain ``pip install .`` gets them in ``srmtool/resources/translations/`` of the build,
  so the installed package carries them;
- an editable install (``pip install -e .``) reads resources from the source folder, so there they are
  written next to the ``.ts`` files. After editing a ``.ts`` in an editable checkout, run
  ``bash scripts/update_translations.sh`` (or reinstall) to rebuild them.

``lrelease`` ships in PySide6-Essentials, which is in ``[build-system] requires``. A build that cannot
make every ``.qm`` fails: a package without its Thai interface is broken, not merely incomplete.
All other settings live in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
TS_DIR = HERE / "resources" / "translations"


def lrelease_program() -> Path:
    """Qt's lrelease from the PySide6 package of the build environment."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("srmtool build: PySide6 is needed to compile the translations (lrelease)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    program = folder / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not program.is_file():
        raise SystemExit(f"srmtool build: lrelease not found in {folder}")
    return program


def compile_translations(out_dir: Path) -> list[Path]:
    """Write one ``.qm`` per ``.ts`` into ``out_dir``; the files written. Raises SystemExit on failure."""
    sources = sorted(TS_DIR.glob("*.ts"))
    if not sources:
        raise SystemExit(f"srmtool build: no translation sources (*.ts) in {TS_DIR}")
    program = lrelease_program()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sources:
        qm = out_dir / f"{ts.stem}.qm"
        result = subprocess.run(
            [str(program), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True
        )
        if result.returncode != 0 or not qm.is_file() or qm.stat().st_size == 0:
            raise SystemExit(
                f"srmtool build: lrelease failed on {ts.name} (exit {result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
        written.append(qm)
    return written


class BuildPyWithTranslations(build_py):
    """``build_py`` that also compiles the translations into the package's resources."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            # Editable installs load srmtool.resources from the source folder itself.
            self._qm_files = compile_translations(TS_DIR)
        else:
            target = Path(self.build_lib) / "srmtool" / "resources" / "translations"
            self._qm_files = compile_translations(target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        extra = [str(p) for p in getattr(self, "_qm_files", []) if str(p) not in outputs]
        return [*outputs, *extra]


setup(cmdclass={"build_py": BuildPyWithTranslations})
