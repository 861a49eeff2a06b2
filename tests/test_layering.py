"""Imports point inward (DESIGN.md §2): the model and the exports never load Qt nor the editor, and the
two front ends (the editor, ``srmtool.ui``, and the command line, ``srmtool.cli``) never lean on each
other: the command line reaches the editor through one door, ``srmtool.cli.editor``, and the editor
never imports the command line."""

from __future__ import annotations

import ast
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import srmtool.cli
import srmtool.export
import srmtool.importer
import srmtool.model
import srmtool.share
import srmtool.ui

PURE_PACKAGES = ("srmtool.model", "srmtool.export", "srmtool.importer", "srmtool.share")
FORBIDDEN = ("PySide6", "shiboken6", "srmtool.ui", "srmtool.cli")
#: The one module of the command line that may import the editor (to start it, and for its pictures).
EDITOR_DOOR = "srmtool.cli.editor"


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
            # ``from srmtool import cli`` imports the module srmtool.cli: each name may be a module.
            names += [module] if node.module else []
            names += [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module",
            "__import__",
        ):
            names += [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return names


def _source_files(*packages: object) -> list[tuple[Path, str, str]]:
    """(file, the package it belongs to, its module name) for every module of ``packages``."""
    files: list[tuple[Path, str, str]] = []
    for package in packages:
        name = package.__name__  # type: ignore[attr-defined]
        root = Path(package.__file__).parent  # type: ignore[attr-defined]
        for p in sorted(root.rglob("*.py")):
            parts = p.relative_to(root).with_suffix("").parts
            inner = parts[:-1]  # the package a module (or __init__) belongs to
            module = ".".join([name, *inner] if parts[-1] == "__init__" else [name, *parts])
            files.append((p, ".".join([name, *inner]), module))
    return files


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_no_pure_module_imports_qt_or_the_editor() -> None:
    files = _source_files(srmtool.model, srmtool.export, srmtool.importer, srmtool.share)
    assert any(f.name == "codec.py" and f.parent.name == "srmfile" for f, _, _ in files)
    assert any(module == "srmtool.share.mirror" for _, _, module in files)
    offenders = {
        str(f): name
        for f, package_name, _ in files
        for name in _imports(f, package_name)
        if any(_within(name, bad) for bad in FORBIDDEN)
    }
    assert offenders == {}


def test_the_model_and_the_exports_know_nothing_of_sharing() -> None:
    files = _source_files(srmtool.model, srmtool.export, srmtool.importer)
    offenders = {
        module: name
        for f, package_name, module in files
        for name in _imports(f, package_name)
        if _within(name, "srmtool.share")
    }
    assert offenders == {}


def test_the_editor_never_imports_the_command_line() -> None:
    files = _source_files(srmtool.ui)
    assert any(module == "srmtool.ui.export.dialog" for _, _, module in files)
    offenders = {
        module: name
        for f, package_name, module in files
        for name in _imports(f, package_name)
        if _within(name, "srmtool.cli")
    }
    assert offenders == {}


def test_the_command_line_imports_the_editor_only_through_its_door() -> None:
    files = _source_files(srmtool.cli)
    assert any(module == EDITOR_DOOR for _, _, module in files)
    importers = {
        module
        for f, package_name, module in files
        for name in _imports(f, package_name)
        if _within(name, "srmtool.ui")
    }
    assert importers == {EDITOR_DOOR}


def test_importing_the_editor_never_loads_the_command_line() -> None:
    modules = _modules("srmtool.ui")
    assert "srmtool.ui.export.dialog" in modules and "srmtool.ui.window" in modules
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    assert "srmtool.ui.window" in loaded and "PySide6.QtWidgets" in loaded
    assert [name for name in loaded if _within(name, "srmtool.cli")] == []


def test_static_check_catches_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "ตัวอย่าง.py"
    sample.write_text(
        "from PySide6.QtCore import QObject\nimport srmtool.ui.window\nimportlib.import_module('PySide6')\n"
        "from ..ui import canvas\nfrom .types import RouteMap\nfrom srmtool import cli\n",
        encoding="utf-8",
    )
    expected = [
        "PySide6.QtCore",
        "PySide6.QtCore.QObject",
        "srmtool.ui.window",
        "PySide6",
        "srmtool.ui",
        "srmtool.ui.canvas",
        "srmtool.model.types",
        "srmtool.model.types.RouteMap",
        "srmtool",
        "srmtool.cli",
    ]
    assert sorted(_imports(sample, "srmtool.model")) == sorted(expected)
