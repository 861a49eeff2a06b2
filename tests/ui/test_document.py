"""The document as a whole: files, the modified flag, replacing the map, cached findings."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

import srmtool.ui.document as document_module
from srmtool.model import MapFileError, dumps_map, load_map
from srmtool.model.checks import check_map
from srmtool.model.types import RouteMap
from srmtool.ui.document import Document

ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
THAI_TEXT = "ประชาชนตำบลหนองบัวร่วมกันกำจัดลูกน้ำยุงลายทุกวันศุกร์ต่อเนื่องตลอดปีงบประมาณ"


def test_new_document_is_clean_with_the_default_table(qtbot: Any) -> None:
    doc = Document()
    assert not doc.is_modified and doc.path is None
    assert doc.route_map.objectives == [] and len(doc.route_map.table.columns) == 11
    assert doc.route_map.table.columns[0].key == "objective"


def test_modified_follows_the_undo_stack(dengue_document: Document) -> None:
    doc = dengue_document
    seen: list[bool] = []
    doc.modified_changed.connect(seen.append)
    oid = doc.add_objective("process", THAI_TEXT)
    doc.set_objective_text(oid, THAI_TEXT + "อย่างยั่งยืน")
    assert doc.is_modified and seen == [True]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert not doc.is_modified and seen == [True, False]
    doc.undo_stack.redo()
    assert doc.is_modified and seen == [True, False, True]


def test_save_then_load_round_trips(dengue_document: Document, tmp_path: Path) -> None:
    doc = dengue_document
    paths: list[Path | None] = []
    doc.path_changed.connect(lambda: paths.append(doc.path))
    oid = doc.add_objective("foundation", THAI_TEXT)
    target = tmp_path / "แผนที่ไข้เลือดออก.srm"
    doc.save(target)
    assert not doc.is_modified and doc.path == target and paths == [target]
    assert ISO_WITH_OFFSET.match(doc.route_map.meta.modified)
    loaded = load_map(target)
    assert dumps_map(loaded) == dumps_map(doc.route_map) == target.read_bytes()
    assert loaded.objective(oid).text == THAI_TEXT  # type: ignore[union-attr]
    reopened = Document.open(target)
    assert reopened.path == target and not reopened.is_modified
    assert dumps_map(reopened.route_map) == target.read_bytes()
    # a second save to its own path keeps the first as .bak
    doc.set_objective_text(oid, "บุคลากรมีทักษะ")
    doc.save()
    assert Path(str(target) + ".bak").exists() and load_map(target).objective(oid).text == "บุคลากรมีทักษะ"  # type: ignore[union-attr]
    assert paths == [target]


def test_undo_past_the_save_is_modified_again(dengue_document: Document, tmp_path: Path) -> None:
    doc = dengue_document
    doc.add_objective("people", THAI_TEXT)
    doc.save(tmp_path / "a.srm")
    doc.undo_stack.undo()
    assert doc.is_modified
    doc.undo_stack.redo()
    assert not doc.is_modified


def test_save_without_a_path_is_refused(dengue_document: Document) -> None:
    dengue_document.add_objective("people", THAI_TEXT)
    with pytest.raises(ValueError):
        dengue_document.save()
    assert dengue_document.is_modified


def test_failed_save_keeps_the_file_and_the_flag(
    dengue_document: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = dengue_document
    folder = tmp_path / "ปิดเขียน"
    folder.mkdir()
    target = folder / "แผน.srm"
    doc.save(target)
    old_bytes = target.read_bytes()
    old_meta = doc.route_map.meta.model_copy()
    doc.set_objective_text("o1", THAI_TEXT)
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root writes anyway: refuse the temporary file as the folder would
            real_open = os.open

            def denied(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
                if os.path.dirname(os.fspath(path)) == os.fspath(folder) and flags & os.O_CREAT:
                    raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
                return real_open(path, flags, *args, **kwargs)

            monkeypatch.setattr(os, "open", denied)
        with pytest.raises(MapFileError):
            doc.save()
    finally:
        folder.chmod(0o755)
    assert doc.is_modified
    assert target.read_bytes() == old_bytes
    assert sorted(p.name for p in folder.iterdir()) == ["แผน.srm"]
    assert doc.route_map.meta == old_meta  # nothing stamped


def test_open_of_a_broken_file_raises(tmp_path: Path, qtbot: Any) -> None:
    broken = tmp_path / "เสีย.srm"
    broken.write_text('{"format": "srmtool-map", "version": 1, "objectives": [', encoding="utf-8")
    with pytest.raises(MapFileError):
        Document.open(broken)
    with pytest.raises(MapFileError):
        Document.open(tmp_path / "ไม่มีไฟล์.srm")


def test_replace_resets_history(
    dengue_document: Document, district_document: Document, tmp_path: Path
) -> None:
    doc = dengue_document
    doc.add_objective("people", THAI_TEXT)
    events: list[str] = []
    doc.reset.connect(lambda: events.append("reset"))
    doc.path_changed.connect(lambda: events.append("path"))
    doc.modified_changed.connect(lambda m: events.append(f"modified={m}"))
    other = RouteMap.model_validate(district_document.route_map.model_dump())
    doc.replace(other, tmp_path / "อำเภอ.srm")
    assert doc.route_map is other and doc.path == tmp_path / "อำเภอ.srm"
    assert doc.undo_stack.count() == 0 and not doc.is_modified
    assert events == ["modified=False", "reset", "path"]
    assert len(doc.objective_ids_in_band("people")) == len(other.objectives_in("people"))


def test_objective_ids_in_band(district_document: Document) -> None:
    doc = district_document
    total = 0
    for pid in ("people", "stakeholder", "process", "foundation"):
        ids = doc.objective_ids_in_band(pid)
        assert all(doc.route_map.objective(i).perspective == pid for i in ids)  # type: ignore[union-attr]
        total += len(ids)
    assert total == len(doc.route_map.objectives) == 42


def test_findings_are_cached_and_refreshed(
    dengue_document: Document, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = dengue_document
    calls: list[int] = []

    def counting(route_map: RouteMap) -> Any:
        calls.append(1)
        return check_map(route_map)

    monkeypatch.setattr(document_module, "check_map", counting)
    first = doc.findings()
    assert doc.findings() == first and len(calls) == 1
    assert not any(f.code == "empty-text" for f in first)
    with qtbot.waitSignal(doc.findings_changed, timeout=1000):
        doc.add_objective("people")  # no text: a finding
        doc.add_objective("people", THAI_TEXT)
    after = doc.findings()
    assert len(calls) == 2 and after != first
    assert any(f.code == "empty-text" for f in after)


def test_findings_changed_once_per_burst(dengue_document: Document, qtbot: Any) -> None:
    doc = dengue_document
    count: list[int] = []
    doc.findings_changed.connect(lambda: count.append(1))
    for n in range(5):
        doc.add_objective("stakeholder", f"{THAI_TEXT} {n}")
    assert count == []
    QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: count == [1], timeout=1000)
    QCoreApplication.processEvents()
    assert count == [1]
