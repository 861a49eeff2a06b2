"""The one-folder app's recipe stays in step with the code (the bundle itself: scripts/bundle_smoke.sh).

Building the bundle takes a minute and its smoke test two more, so they are not part of this suite; these
tests catch, in milliseconds, the changes that would make a bundle break: resources looked for outside the
app's folder, a Qt module or a pythainlp word list the code starts to use but the recipe leaves out.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import srmtool.cli.editor as editor
from srmtool.resources_path import frozen_root, resource

ROOT = Path(__file__).resolve().parent.parent
SPEC = (ROOT / "packaging" / "srmtool.spec").read_text(encoding="utf-8")


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to run inside the app: PyInstaller's ``sys.frozen`` and ``sys._MEIPASS``."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    folder = tmp_path / "srmtool" / "resources"
    (folder / "examples").mkdir(parents=True)
    (folder / "examples" / "ตัวอย่าง.srm").write_text("{}", encoding="utf-8")
    (folder / "translations").mkdir()
    (folder / "translations" / "srmtool_th.qm").write_bytes(b"\x3c\xb8\x64\x18")
    return folder


def test_resources_of_the_installed_package_when_not_frozen() -> None:
    assert frozen_root() is None
    assert resource("examples", "dengue_tambon.srm").is_file()
    assert "_MEIPASS" not in str(resource("examples"))


def test_the_frozen_app_finds_its_resources_in_its_own_folder(frozen: Path) -> None:
    assert frozen_root() == frozen
    found = resource("examples", "ตัวอย่าง.srm")
    assert Path(str(found)) == frozen / "examples" / "ตัวอย่าง.srm"
    assert found.read_text(encoding="utf-8") == "{}"


def test_the_frozen_app_loads_its_own_translation(frozen: Path) -> None:
    from srmtool.ui.language import translation_file

    assert translation_file("th") == frozen / "translations" / "srmtool_th.qm"
    assert translation_file("en") is None


def test_the_spec_puts_the_resources_where_the_frozen_app_looks() -> None:
    # collect_data_files("srmtool") keeps the installed layout: srmtool/resources/... in _internal.
    assert 'collect_data_files("srmtool"' in SPEC
    assert frozen_root.__doc__ is not None and "srmtool/resources" in frozen_root.__doc__


def test_every_word_list_the_segmenter_reads_is_bundled() -> None:
    thai = (ROOT / "srmtool" / "export" / "thai.py").read_text(encoding="utf-8")
    used = set(re.findall(r'"(\w+_th\.txt)"', thai))
    assert used >= {"words_th.txt", "syllables_th.txt"}
    listed = SPEC.split("PYTHAINLP_CORPUS = ", 1)[1].split("\n", 1)[0]
    bundled = set(re.findall(r'"(\w+\.(?:txt|md))"', listed))
    assert used <= bundled
    assert "stopwords_th.txt" in bundled  # pythainlp reads it when imported (srmtool.model.numbers does)


def test_no_qt_module_the_code_uses_is_left_out() -> None:
    used = {
        match
        for path in (ROOT / "srmtool").rglob("*.py")
        for match in re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8"))
    }
    assert {"QtCore", "QtGui", "QtWidgets", "QtSvg"} <= used
    excludes = SPEC.split("\n    excludes=[", 1)[1].split("\n    ]", 1)[0]
    excluded = set(re.findall(r'"PySide6\.(Qt\w+)"', excludes))
    assert excluded, "the spec's excludes were not found"
    assert used & excluded == set()


def test_the_files_the_bundle_is_made_and_tested_with_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Without Python", 1)[1].split("\n## ", 1)[0]
    for name in (
        "scripts/bundle.sh",
        "scripts/bundle_smoke.sh",
        "scripts/bundle_smoke.ps1",
        "packaging/srmtool.spec",
        "packaging/srmtool.iss",
        ".github/workflows/bundle.yml",
        "bench/bench_bundle.py",
    ):
        assert name in section, name
        assert (ROOT / name).is_file(), name
    workflow = (ROOT / ".github" / "workflows" / "bundle.yml").read_text(encoding="utf-8")
    assert "packaging\\srmtool.spec" in workflow and "packaging\\srmtool.iss" in workflow
    assert "./scripts/bundle_smoke.ps1" in workflow
    assert "PrivilegesRequired=lowest" in (ROOT / "packaging" / "srmtool.iss").read_text(encoding="utf-8")


def test_without_a_console_a_broken_file_is_left_to_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """srmtoolw.exe has no console: a message printed there is never seen, the window's dialog is."""
    import srmtool.ui.app

    broken = tmp_path / "เสีย.srm"
    broken.write_text('{"format": "srmtool-map", "version": 1, "objectives": [', encoding="utf-8")
    opened: list[Path | None] = []
    monkeypatch.setattr(srmtool.ui.app, "run", lambda path, lang: opened.append(path) or 2)
    monkeypatch.setattr(editor, "has_display", lambda: True)

    monkeypatch.setattr(sys, "stderr", None)
    assert editor.open_editor(str(broken), "th", sys.stdout, sys.stdout) == 2
    assert opened == [broken]


def test_with_a_console_a_broken_file_is_one_line_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import srmtool.ui.app

    broken = tmp_path / "เสีย.srm"
    broken.write_text("not json", encoding="utf-8")
    opened: list[Path | None] = []
    monkeypatch.setattr(srmtool.ui.app, "run", lambda path, lang: opened.append(path) or 0)
    assert editor.open_editor(str(broken), "en", sys.stdout, sys.stderr) == 2
    assert opened == []
    assert "เสีย.srm" in capsys.readouterr().err
