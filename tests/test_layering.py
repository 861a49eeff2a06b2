"""Imports point inward (DESIGN.md §2): the model and the exports never load Qt nor the editor."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import srmtool.export
import srmtool.importer
import srmtool.model

PURE_PACKAGES = ("srmtool.model", "srmtool.export", "srmtool.importer")
FORBIDDEN = ("PySide6", "shiboken6", "srmtool.ui")


def _modules(package: str) -> list[str]:
    module = sys.modules[package]
    found = [package]
    found += [info.name for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}.")]
    return sorted(found)


def test_there_is_something_to_check() -> None:
    names = _modules("srmtool.model")
    for expected in ("srmtool.model.types", "srmtool.model.srmfile.codec", "srmtool.model.checks"):
        assert expected in names


def test_importing_model_and_export_loads_no_qt() -> None:
    modules = [name for package in PURE_PACKAGES for name in _modules(package)]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert "srmtool.model.checks" in loaded
    bad = [
        name
        for name in loaded
        if name.split(".")[0] in ("PySide6", "shiboken6") or name.startswith("srmtool.ui")
    ]
    assert bad == []


def test_the_command_line_loads_no_qt() -> None:
    code = (
        "import json, sys\n"
        "from srmtool.cli import main\n"
        "status = main(['--version'])\n"
        "import srmtool.cli.map_commands, srmtool.cli.editor\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    assert not [name for name in loaded if name.split(".")[0] in ("PySide6", "shiboken6")]


def _imports(path: Path, package: str = "srmtool.model") -> list[str]:
    """Absolute names of the modules ``path`` imports (relative imports resolved from ``package``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            names += [module] if node.module else [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "__import__",
        ):
            names += [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return names


def test_no_pure_module_imports_qt_or_the_editor() -> None:
    files: list[tuple[Path, str]] = []
    for package in (srmtool.model, srmtool.export):
        root = Path(package.__file__).parent  # type: ignore[arg-type]
        for p in sorted(root.rglob("*.py")):
            parts = p.relative_to(root).with_suffix("").parts
            inner = parts[:-1]  # the package a module (or __init__) belongs to
            files.append((p, ".".join([package.__name__, *inner])))
    assert any(f.name == "codec.py" and f.parent.name == "srmfile" for f, _ in files)
    offenders = {
        str(f): name
        for f, package_name in files
        for name in _imports(f, package_name)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)
    }
    assert offenders == {}


def test_static_check_catches_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "ตัวอย่าง.py"
    sample.write_text(
        "from PySide6.QtCore import QObject\nimport srmtool.ui.window\nimportlib.import_module('PySide6')\n"
        "from ..ui import canvas\nfrom .types import RouteMap\n",
        encoding="utf-8",
    )
    assert sorted(_imports(sample, "srmtool.model")) == sorted(
        ["PySide6.QtCore", "srmtool.ui.window", "PySide6", "srmtool.ui", "srmtool.model.types"]
    )
