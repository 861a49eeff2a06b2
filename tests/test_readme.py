"""The README's promises stay true: the check codes, the commands and the files it names exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from srmtool.model import limits
from srmtool.model.checks import CHECK_DESCRIPTIONS, CHECKS

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_every_check_code_is_listed_with_its_severity(readme: str) -> None:
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", readme, flags=re.MULTILINE))
    assert rows == CHECKS
    for code, (th, en) in CHECK_DESCRIPTIONS.items():
        assert f"| `{code}` | {CHECKS[code]} | {en} | {th} |" in readme


def test_files_the_readme_names_exist(readme: str) -> None:
    for name in (
        "scripts/run.sh",
        "scripts/test.sh",
        ".ci/run",
        "bench/bench_core.py",
        "bench/bench_canvas.py",
        "bench/bench_export.py",
        "docs/screenshot.png",
        "tests/test_layering.py",
        "tests/test_pyside_regression.py",
    ):
        assert name in readme
        assert (ROOT / name).is_file(), name
    listed = readme.split("Example maps are in", 1)[1].split("\n\n", 1)[0]
    examples = re.findall(r"`([\w-]+\.srm)`", listed)
    assert "dengue_tambon.srm" in examples
    for name in examples:
        assert (ROOT / "resources" / "examples" / name).is_file(), name


def test_ci_runs_what_the_readme_says() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^bash scripts/test\.sh$", ci, flags=re.MULTILINE)
    assert "set -euo pipefail" in ci


def test_the_checks_run_before_the_tests(readme: str) -> None:
    """ruff, ruff format and mypy come from the project's own `dev` extra and run before pytest."""
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    steps = [
        script.index(step) for step in ("check ruff check .", "check ruff format --check .", "check mypy")
    ]
    assert steps == sorted(steps) and steps[-1] < script.index('"$VENV/bin/pytest"')
    assert '".[test,dev]"' in script
    dev = re.search(r"^dev = \[(.*)\]$", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)
    assert dev is not None and "ruff" in dev.group(1) and "mypy" in dev.group(1)
    assert "ruff check" in readme and "mypy" in readme


def test_the_limits_named_are_the_limits_enforced(readme: str) -> None:
    text = " ".join(readme.split("- Limits:", 1)[1].split("\n- ", 1)[0].split())
    assert f"{limits.MAX_FILE_BYTES // (1024 * 1024)} MiB per file" in text
    assert f"nesting depth {limits.MAX_DEPTH}" in text
    for value, what in [
        (limits.MAX_OBJECTIVES, "objectives"),
        (limits.MAX_LINKS, "links"),
        (limits.MAX_STAKEHOLDERS, "stakeholders"),
        (limits.MAX_ROWS, "table rows"),
        (limits.MAX_COLUMNS, "columns"),
    ]:
        assert f"{value:,} {what}" in text
    assert f"at most {limits.MAX_ID_CHARS} characters" in text
    assert f"at most {limits.MAX_TEXT_CHARS:,} characters" in text
    assert f"±{int(limits.MAX_COORDINATE):,}" in text
    assert f"up to {limits.MAX_COLUMN_WIDTH:,}" in text
