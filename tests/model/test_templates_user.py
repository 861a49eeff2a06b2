"""The user's own column templates: saved as JSON in one folder, listed back, bad files skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from srmtool.model.templates import (
    TEMPLATE_DIR_ENV,
    TemplateError,
    builtin_template,
    save_user_template,
    template_file_name,
    user_template_folder,
    user_templates,
)
from srmtool.model.types import Column

LONG_THAI = "แผนปฏิบัติการควบคุมโรคไข้เลือดออกของกองทุนหลักประกันสุขภาพระดับท้องถิ่นตำบลบ้านใหม่ปีงบประมาณสองพันห้าร้อยหกสิบแปด"


def _columns() -> list[Column]:
    return [
        Column(key="objective", label="เป้าประสงค์เชิงยุทธศาสตร์", width=30),
        Column(key="project", label=LONG_THAI, width=40),
        Column(key="budget", label="งบประมาณ (บาท)", width=14),
    ]


def test_saved_template_is_listed_back_with_its_thai_name_and_columns(tmp_path: Path) -> None:
    path = save_user_template("แม่แบบอำเภอเมือง  ปี 2568", _columns(), tmp_path)
    assert path.parent == tmp_path and path.suffix == ".json"
    (found,) = user_templates(tmp_path)
    assert found.name == "แม่แบบอำเภอเมือง ปี 2568"
    assert found.display_name("en") == found.display_name("th") == found.name
    assert [c.label for c in found.columns] == ["เป้าประสงค์เชิงยุทธศาสตร์", LONG_THAI, "งบประมาณ (บาท)"]


def test_saving_under_the_same_name_replaces_the_template(tmp_path: Path) -> None:
    save_user_template("แม่แบบตำบล", _columns(), tmp_path)
    save_user_template("แม่แบบตำบล", _columns()[:2], tmp_path)
    (found,) = user_templates(tmp_path)
    assert len(found.columns) == 2


def test_names_with_slashes_become_safe_file_names(tmp_path: Path) -> None:
    path = save_user_template("แผน/โครงการ: กองทุน?", _columns(), tmp_path)
    assert path.parent == tmp_path and "/" not in path.name and ":" not in path.name
    assert template_file_name("...") == "template.json"


def test_bad_files_are_skipped_and_a_missing_folder_lists_nothing(tmp_path: Path) -> None:
    (tmp_path / "เสีย.json").write_text("{ไม่ใช่ JSON", encoding="utf-8")
    save_user_template("ใช้ได้", _columns(), tmp_path)
    assert [t.name for t in user_templates(tmp_path)] == ["ใช้ได้"]
    assert user_templates(tmp_path / "ไม่มีโฟลเดอร์นี้") == []


def test_an_empty_name_or_a_set_without_the_objective_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError):
        save_user_template("   ", _columns(), tmp_path)
    with pytest.raises(TemplateError):
        save_user_template("ไม่มีเป้าประสงค์", _columns()[1:], tmp_path)
    assert user_templates(tmp_path) == []


def test_the_folder_comes_from_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TEMPLATE_DIR_ENV, str(tmp_path / "แม่แบบ"))
    assert user_template_folder() == tmp_path / "แม่แบบ"
    save_user_template("ของฉัน", _columns())
    assert [t.name for t in user_templates()] == ["ของฉัน"]
    monkeypatch.delenv(TEMPLATE_DIR_ENV)
    assert user_template_folder().name == "templates"


def test_builtin_names_follow_the_interface_language() -> None:
    template = builtin_template("action_plan")
    assert template.display_name("th") == "แผนปฏิบัติการ (อำเภอ)"
    assert template.display_name("en") == "District action plan"
