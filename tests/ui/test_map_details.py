"""Map → Map Details…: every map field and the signers edited in one form, one undo step; and where
the first Save proposes to put a new or imported map."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from window_fixtures import Fixture, make_window

from srmtool.model import dumps_map, load_map
from srmtool.model.plan import SIGNERS_KEY, signers_of
from srmtool.ui import files as files_module
from srmtool.ui.folders import safe_stem
from srmtool.ui.map_details import MapDetailsDialog
from srmtool.ui.window import MainWindow

TITLE = "แผนที่ทางเดินยุทธศาสตร์ ควบคุมโรคไข้เลือดออก ตำบลบ้านนา อำเภอนาคำใต้ จังหวัดอุดรธานี"


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    documents = tmp_path / "เอกสาร"
    documents.mkdir()
    monkeypatch.setattr(files_module, "documents_folder", lambda: documents)
    return make_window(qtbot, tmp_path, monkeypatch)


def _open_details(window: MainWindow) -> MapDetailsDialog:
    window.named_actions["map_details"].trigger()
    shown = [d for d in window.findChildren(MapDetailsDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _press(dialog: MapDetailsDialog, button: QDialogButtonBox.StandardButton) -> None:
    QTest.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def test_a_new_maps_details_and_signers_are_set_in_one_undo_step(fx: Fixture) -> None:
    window = fx.window
    document = window.document
    before = dumps_map(document.route_map)
    dialog = _open_details(window)
    assert dialog.period.count() >= 4 and dialog.period.itemText(0).startswith("ปีงบประมาณ 25")
    dialog.fields["meta.title"].setText(TITLE)
    dialog.fields["meta.organization"].setText("โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา")
    dialog.fields["meta.area"].setText("ตำบลบ้านนา อำเภอนาคำใต้ จังหวัดอุดรธานี")
    dialog.period.setCurrentText("ปีงบประมาณ 2569–2571")
    dialog.authors.setPlainText("ทีมสุขภาพตำบลบ้านนา\n\n  อสม.บ้านนา  \n")
    dialog.destination.setPlainText("ภายในปี 2571 ประชาชนตำบลบ้านนาปลอดโรคไข้เลือดออก")
    dialog.labels["foundation"].setText("พื้นฐานองค์กร")
    table = dialog.signers.table
    dialog.signers.add_row()
    table.item(0, 1).setText("นางสาวสมศรี ใจดี")
    table.item(0, 2).setText("ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา")
    dialog.signers.add_row()
    table.item(1, 1).setText("นายสมชาย รักษ์ถิ่น")
    table.item(1, 2).setText("สาธารณสุขอำเภอนาคำใต้")
    _press(dialog, QDialogButtonBox.StandardButton.Ok)

    m = document.route_map
    assert (m.meta.title, m.meta.period) == (TITLE, "ปีงบประมาณ 2569–2571")
    assert m.meta.organization == "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนา"
    assert m.meta.authors == ["ทีมสุขภาพตำบลบ้านนา", "อสม.บ้านนา"]
    assert m.destination == "ภายในปี 2571 ประชาชนตำบลบ้านนาปลอดโรคไข้เลือดออก"
    assert m.perspective_label("foundation") == "พื้นฐานองค์กร"
    assert [(s.role, s.name) for s in signers_of(m)] == [
        ("ผู้เสนอแผน", "นางสาวสมศรี ใจดี"),
        ("ผู้เห็นชอบแผน", "นายสมชาย รักษ์ถิ่น"),
    ]
    assert window.scene.areas.banner.text == m.destination  # the canvas follows
    assert window.scene.areas.bands["foundation"].label == "พื้นฐานองค์กร"
    assert document.undo_stack.count() == 1
    assert window.named_actions["undo"].text() == "Undo Edit map details"
    assert not [f for f in document.findings() if f.code == "no-destination"]

    after = dumps_map(m)
    document.undo_stack.undo()
    assert dumps_map(document.route_map) == before
    document.undo_stack.redo()
    assert dumps_map(document.route_map) == after
    path = fx.folder / "บ้านนา.srm"
    document.save(path)
    assert signers_of(load_map(path)) == signers_of(m)  # kept in the file (an additive key)
    assert SIGNERS_KEY in path.read_text(encoding="utf-8")


def test_cancel_or_ok_without_a_change_adds_no_undo_step(fx: Fixture) -> None:
    window = fx.window
    window.files.open_path(fx.copy_example())
    before = dumps_map(window.document.route_map)
    dialog = _open_details(window)
    dialog.fields["meta.title"].setText("ชื่อที่ไม่ได้บันทึก")
    _press(dialog, QDialogButtonBox.StandardButton.Cancel)
    dialog = _open_details(window)
    assert dialog.fields["meta.title"].text() == window.document.route_map.meta.title
    _press(dialog, QDialogButtonBox.StandardButton.Ok)
    assert window.document.undo_stack.count() == 0
    assert dumps_map(window.document.route_map) == before


def test_the_first_save_proposes_the_title_in_the_documents_folder_never_the_current_one(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = fx.window
    monkeypatch.chdir(fx.folder)
    documents = files_module.documents_folder()
    assert window.files.suggested_path(".srm") == documents / "map.srm"
    dialog = _open_details(window)
    dialog.fields["meta.title"].setText('แผนที่/ตำบล:บ้านนา "2569"')
    _press(dialog, QDialogButtonBox.StandardButton.Ok)
    proposed = window.files.suggested_path(".srm")
    assert proposed == documents / "แผนที่_ตำบล_บ้านนา _2569_.srm"
    assert proposed.parent != Path(os.getcwd())
    fx.dialogs.save_paths.append(proposed)
    assert window.files.save()
    assert fx.dialogs.texts("save_path") == [".srm"]
    assert window.document.path == proposed
    assert window.files.suggested_path(".srm") == proposed  # a saved map keeps its own name


def test_an_imported_workbook_is_proposed_for_saving_in_its_own_folder(fx: Fixture, tmp_path: Path) -> None:
    from srmtool.export import write_xlsx
    from srmtool.resources_path import resource
    from srmtool.ui.import_dialog import import_from_excel

    window = fx.window
    folder = tmp_path / "งานจังหวัด"
    folder.mkdir()
    workbook = folder / "ตาราง 11 ช่อง.xlsx"
    example = load_map(Path(str(resource("examples", "dengue_tambon.srm"))))
    write_xlsx(example, workbook)
    assert import_from_excel(window, workbook)
    proposed = window.files.suggested_path(".srm")
    assert proposed.parent == folder
    title = window.document.route_map.meta.title
    assert title and proposed.stem == safe_stem(title, "map")
    assert window.document.is_modified and window.document.path is None
