"""The installed package is what the tests exercise, and it finds its bundled resources.

``scripts/test.sh`` installs the project with a plain (non-editable) ``pip install``; these tests then
prove that the resources travel with the package and that the source folder does not shadow it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import srmtool
from srmtool.model.templates import BUILTIN_TEMPLATE_IDS, builtin_template
from srmtool.resources_path import resource

PROBE = """
import json, srmtool
from srmtool.resources_path import resource
examples = sorted(p.name for p in resource("examples").iterdir() if p.name.endswith(".srm"))
templates = sorted(p.name for p in resource("templates").iterdir() if p.name.endswith(".json"))
print(json.dumps({"file": srmtool.__file__, "examples": examples, "templates": templates}))
"""


def _probe(cwd: Path) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=cwd, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_tests_import_the_same_package_as_a_user_would(tmp_path: Path) -> None:
    seen = _probe(tmp_path)
    assert Path(str(seen["file"])).resolve() == Path(srmtool.__file__).resolve()


def test_resources_are_found_from_any_folder(tmp_path: Path) -> None:
    seen = _probe(tmp_path)
    assert "dengue_tambon.srm" in seen["examples"]  # type: ignore[operator]
    assert len(seen["examples"]) >= 2  # type: ignore[arg-type]
    assert sorted(f"{t}.json" for t in BUILTIN_TEMPLATE_IDS) == seen["templates"]


def test_builtin_templates_load_from_the_installed_resources() -> None:
    for template_id in BUILTIN_TEMPLATE_IDS:
        template = builtin_template(template_id)
        assert template.columns[0].key == "objective"
        assert resource("templates", f"{template_id}.json").is_file()
    assert len(builtin_template("mini_slm_11").columns) == 11


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "srmtool"
    assert script.is_file()
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"srmtool {srmtool.__version__}"


def test_every_code_package_is_listed_for_installation() -> None:
    """pyproject.toml lists packages explicitly; a sub-package left out would be missing after install."""
    import importlib.util
    import tomllib

    source = Path(__file__).resolve().parents[1]
    pyproject = tomllib.loads((source / "pyproject.toml").read_text("utf-8"))
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(source).parts) for init in (source / "srmtool").rglob("__init__.py")
    }
    assert "srmtool.model.operations" in found
    assert found - listed == set()
    # and the installed copy has them all
    assert all(importlib.util.find_spec(name) is not None for name in found)
