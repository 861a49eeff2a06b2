"""Running from a source checkout that is not installed still finds the bundled resources."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_examples_found_from_an_uninstalled_checkout(tmp_path: Path) -> None:
    shutil.copytree(REPO / "srmtool", tmp_path / "srmtool")
    shutil.copytree(REPO / "resources", tmp_path / "resources")
    code = (
        "import srmtool, sys; from srmtool.resources_path import resource;"
        "assert srmtool.__file__.startswith(sys.argv[1]), srmtool.__file__;"
        "from srmtool.model import load_map;"
        "m = load_map(str(resource('examples', 'dengue_tambon.srm')));"
        "print(len(m.objectives))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 15
