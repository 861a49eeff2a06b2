"""The export dialog: each format written from the dialog, its options reaching the writers, what it
remembers, and how a failure is told."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from typing_extensions import override
from window_fixtures import LONG_THAI, Fixture, make_window

from srmtool.model.operations import SetMapField
from srmtool.ui.export import dialog as export_dialog
from srmtool.ui.export.dialog import ExportDialog
from srmtool.ui.export.signatures import NAME, POSITION

SIGNER = "นางสาวสมใจ ใจดีเสมอ"
POSITION_TH = "ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านน้ำใส"


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    folders: list[Path] = []
    monkeypatch.setattr(export_dialog, "open_folder", lambda folder: folders.append(folder) or True)
    fixture.opened = folders  # type: ignore[attr-defined]
    return fixture


def opened(fx: Fixture) -> list[Path]:
    return fx.opened  # type: ignore[attr-defined,no-any-return]


def open_dialog(fx: Fixture, kind: str) -> ExportDialog:
    fx.window.named_actions[f"export_{kind}"].trigger()
    [dialog] = [d for d in fx.window.findChildren(ExportDialog) if d.isVisible()]
    return dialog


def run(qtbot: QtBot, dialog: ExportDialog) -> bool:
    """Press Export and wait until the file is written or the failure is shown."""
    with qtbot.waitSignal(dialog.export_finished, timeout=20000) as blocker:
        dialog.form.export_button.click()
    return bool(blocker.args[0])


def type_thai(widget: object, text: str) -> None:
    """Typing Thai as a keyboard would (QTest.keyClicks crashes on Thai here)."""
    for char in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        )


def set_cell(dialog: ExportDialog, row: int, column: int, text: str) -> None:
    table = dialog.form.signatures.table
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    [editor] = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    type_thai(editor, text)
    table.commitData(editor)
    table.closeEditor(editor, table.itemDelegate().EndEditHint.NoHint)


def test_excel_from_the_dialog_has_the_chosen_paper_and_font(fx: Fixture, qtbot: QtBot) -> None:
    map_path = fx.copy_example()
    fx.window.files.open_path(map_path)
    dialog = open_dialog(fx, "xlsx")
    assert dialog.form.kind() == "xlsx"
    assert Path(dialog.form.path_text()) == map_path.with_suffix(".xlsx")  # beside the map
    assert dialog.form.font_combo.isEnabled() and not dialog.form.signature_box.isEnabled()
    dialog.form.paper_combo.setCurrentIndex(dialog.form.paper_combo.findData("A3"))
    dialog.form.font_combo.setCurrentText("TH Sarabun New")
    dialog.form.size_spin.setValue(15)
    assert run(qtbot, dialog)
    book = openpyxl.load_workbook(map_path.with_suffix(".xlsx"))
    sheet = book["ตาราง 11 ช่อง"]
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A3)
    fonts = {(c.font.name, c.font.sz) for row in sheet.iter_rows() for c in row if c.value}
    assert ("TH Sarabun New", 15) in fonts
    assert opened(fx) == [map_path.parent]
    assert str(map_path.with_suffix(".xlsx")) in fx.window.statusBar().currentMessage()
    assert not fx.window.document.is_modified


def test_pdf_prints_the_thai_signer_typed_in_the_dialog(fx: Fixture, qtbot: QtBot) -> None:
    map_path = fx.copy_example()
    fx.window.files.open_path(map_path)
    dialog = open_dialog(fx, "pdf")
    form = dialog.form
    assert form.signature_box.isEnabled() and not form.font_combo.isEnabled()
    assert form.size_spin.value() == 14  # the PDF writer's own default
    assert form.signatures.signatures() == [("ผู้เสนอแผน", "", ""), ("ผู้อนุมัติแผน", "", "")]
    set_cell(dialog, 0, NAME, SIGNER)
    set_cell(dialog, 0, POSITION, POSITION_TH)
    target = fx.folder / "ส่งออก" / "แผนปฏิบัติการ.pdf"
    target.parent.mkdir()
    form.path_edit.setText(str(target))
    assert run(qtbot, dialog)
    assert target.read_bytes()[:5] == b"%PDF-"
    assert opened(fx) == [target.parent]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True, text=True).stdout
        assert SIGNER in text and POSITION_TH in text


def test_pictures_from_the_dialog_and_no_folder_opened_when_unticked(fx: Fixture, qtbot: QtBot) -> None:
    fx.window.files.open_path(fx.copy_example())
    for kind, magic in (("png", b"\x89PNG"), ("svg", b"<?xml")):
        dialog = open_dialog(fx, kind)
        assert not dialog.form.page_box.isEnabled() and not dialog.form.signature_box.isEnabled()
        dialog.form.open_check.setChecked(False)
        target = fx.folder / f"ภาพแผนที่ไข้เลือดออก.{kind}"
        dialog.form.path_edit.setText(str(target.with_suffix("")))  # the suffix is added
        assert run(qtbot, dialog)
        assert target.read_bytes().startswith(magic)
    assert opened(fx) == []
    assert not fx.window.document.is_modified  # exporting is not an edit


def test_the_picture_actions_open_the_dialog_and_nothing_else(fx: Fixture) -> None:
    fx.window.files.open_path(fx.copy_example())
    fx.dialogs.save_paths.append(fx.folder / "ไม่ควรถูกถาม.png")
    for kind in ("png", "svg"):
        dialog = open_dialog(fx, kind)
        assert dialog.form.kind() == kind
        dialog.reject()
    assert fx.dialogs.shown == [] and len(fx.dialogs.save_paths) == 1  # no second save box was asked


def test_thai_digits_reach_the_writer(fx: Fixture, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import srmtool.export.xlsx.workbook as xlsx

    seen: list[dict[str, object]] = []
    real = xlsx.xlsx_bytes

    def spy(route_map: object, **options: object) -> bytes:
        seen.append(options)
        return real(route_map, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(xlsx, "xlsx_bytes", spy)
    fx.window.files.open_path(fx.copy_example())
    dialog = open_dialog(fx, "xlsx")
    dialog.form.digits_check.setChecked(True)
    assert run(qtbot, dialog)
    assert seen and seen[0]["thai_digits"] is True
    book = openpyxl.load_workbook(Path(fx.folder / "แผนที่ไข้เลือดออก.xlsx"))
    values = " ".join(str(c.value) for row in book["ตาราง 11 ช่อง"].iter_rows() for c in row if c.value)
    assert "๑" in values


def test_choices_are_remembered_for_the_next_dialog(fx: Fixture, qtbot: QtBot) -> None:
    fx.window.files.open_path(fx.copy_example())
    dialog = open_dialog(fx, "pdf")
    form = dialog.form
    form.paper_combo.setCurrentIndex(form.paper_combo.findData("A3"))
    form.digits_check.setChecked(True)
    form.size_spin.setValue(12)
    form.open_check.setChecked(False)
    set_cell(dialog, 1, NAME, SIGNER)
    form.signatures.add_row()
    set_cell(dialog, 2, NAME, "นายใจดี มีสุข")
    form.path_edit.setText(str(fx.folder / "รายงาน" / "แผน.pdf"))
    (fx.folder / "รายงาน").mkdir()
    assert run(qtbot, dialog)

    again = open_dialog(fx, "xlsx")
    assert again.form.paper_combo.currentData() == "A3"
    assert again.form.digits_check.isChecked() and not again.form.open_check.isChecked()
    assert again.form.size_spin.value() == 16  # Excel keeps its own size
    assert Path(again.form.path_text()) == fx.folder / "รายงาน" / "แผนที่ไข้เลือดออก.xlsx"
    again.form.set_kind("pdf")
    assert again.form.size_spin.value() == 12
    assert Path(again.form.path_text()).suffix == ".pdf"
    names = [name for _, name, _ in again.form.signatures.signatures()]
    assert names == ["", SIGNER, "นายใจดี มีสุข"]
    assert [r for r, _, _ in again.form.signatures.signatures()][2] == "ผู้เห็นชอบแผน"
    again.reject()


def test_the_maps_own_signers_fill_the_dialog(fx: Fixture, qtbot: QtBot) -> None:
    fx.window.files.open_path(fx.copy_example())
    signers = [{"role": "ผู้เสนอแผน", "name": SIGNER, "position": POSITION_TH}]
    fx.window.document.edit([SetMapField("signers", signers)], "ผู้ลงนาม")
    dialog = open_dialog(fx, "pdf")
    assert dialog.form.signatures.signatures() == [("ผู้เสนอแผน", SIGNER, POSITION_TH)]
    dialog.reject()


def test_an_unwritable_folder_is_told_in_thai_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fx = make_window(qtbot, tmp_path, monkeypatch, lang="th")
    opened: list[Path] = []
    monkeypatch.setattr(export_dialog, "open_folder", opened.append)
    fx.window.files.open_path(fx.copy_example())
    locked = tmp_path / "ล็อก"
    locked.mkdir()
    locked.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: refuse as the system would for anyone else
        real_open = os.open

        def refuse(path: str, *args: Any, **kwargs: Any) -> int:
            if os.fspath(path).startswith(str(locked)):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    try:
        dialog = open_dialog(fx, "pdf")
        dialog.form.path_edit.setText(str(locked / "แผน.pdf"))
        assert not run(qtbot, dialog)
        assert list(locked.iterdir()) == []
        assert opened == []
    finally:
        locked.chmod(0o700)
    [text] = fx.dialogs.texts("critical")
    assert "เขียนไฟล์ไม่ได้" in text and "ไม่มีสิทธิ์เขียน" in text
    assert "Traceback" not in text
    assert dialog.isVisible()  # stays open to choose another place
    dialog.reject()


def test_a_missing_folder_and_an_existing_file_kept_when_not_replaced(
    fx: Fixture, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    fx.window.files.open_path(fx.copy_example())
    dialog = open_dialog(fx, "xlsx")
    dialog.form.path_edit.setText(str(fx.folder / "ไม่มีโฟลเดอร์นี้" / "แผน.xlsx"))
    assert not run(qtbot, dialog)
    assert "the folder does not exist" in fx.dialogs.texts("critical")[0]

    existing = fx.folder / "เดิม.xlsx"
    existing.write_bytes(b"old")
    asked: list[Path] = []
    monkeypatch.setattr(ExportDialog, "ask_overwrite", lambda self, path: asked.append(path) or False)
    dialog.form.path_edit.setText(str(existing))
    dialog.form.export_button.click()
    assert asked == [existing] and existing.read_bytes() == b"old" and not dialog.busy
    dialog.reject()


def test_an_unsaved_map_goes_to_documents_under_its_thai_title(
    fx: Fixture, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from srmtool.ui.export import choices as export_choices

    documents = fx.folder / "เอกสาร"
    documents.mkdir()
    monkeypatch.setattr(export_choices, "documents_folder", lambda: documents)
    fx.window.document.edit(SetMapField("meta.title", LONG_THAI[:40] + "/ปี 2568"), "title")
    dialog = open_dialog(fx, "pdf")
    path = Path(dialog.form.path_text())
    assert path.parent == documents and path.suffix == ".pdf" and "/" not in path.name
    assert path.name.startswith(LONG_THAI[:20])
    fx.window.document.edit(SetMapField("destination", LONG_THAI), "destination")
    assert run(qtbot, dialog)  # the copy exported while the map stays editable
    assert path.read_bytes()[:5] == b"%PDF-"
    assert opened(fx) == [documents]
    # The language feature's undo-text follower fails if the stack still has text when the window is
    # torn down (it is reported); an empty stack keeps the next test clear of that.
    fx.window.document.undo_stack.clear()


def test_the_dialog_is_busy_while_a_pdf_is_written(fx: Fixture, qtbot: QtBot) -> None:
    fx.window.files.open_path(fx.copy_example("district_ncd.srm", "อำเภอ.srm"))
    dialog = open_dialog(fx, "pdf")
    with qtbot.waitSignal(dialog.export_finished, timeout=20000):
        dialog.form.export_button.click()
        assert dialog.busy and not dialog.form.export_button.isEnabled()
        assert dialog.form.progress.isVisibleTo(dialog)
        assert "อำเภอ.pdf" in fx.window.statusBar().currentMessage()
        dialog.reject()  # cannot be closed half-way
        assert dialog.isVisible()
    assert QApplication.overrideCursor() is None
    assert (fx.folder / "อำเภอ.pdf").read_bytes()[:5] == b"%PDF-"


def test_a_signer_is_added_under_the_current_row(qtbot: QtBot) -> None:
    from srmtool.ui.export.signatures import SignatureTable

    table = SignatureTable([("ผู้เสนอแผน", "", ""), ("ผู้อนุมัติแผน", "", "")])
    qtbot.addWidget(table)
    table.table.setCurrentCell(0, NAME)
    table.add_row()
    assert [role for role, _, _ in table.signatures()] == ["ผู้เสนอแผน", "ผู้เห็นชอบแผน", "ผู้อนุมัติแผน"]
    table.table.selectRow(0)
    table.remove_rows()
    assert [role for role, _, _ in table.signatures()] == ["ผู้เห็นชอบแผน", "ผู้อนุมัติแผน"]


class _Thai(QTranslator):
    """Two of the dialog's texts in Thai (the real translation file arrives separately)."""

    @override
    def isEmpty(self) -> bool:
        return False

    @override
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return {"&Export": "ส่งออก", "Signatures under the PDF table": "ผู้ลงนามท้ายตาราง"}.get(source, "")


def test_the_dialog_follows_a_language_change(fx: Fixture, qtbot: QtBot) -> None:
    dialog = open_dialog(fx, "pdf")
    translator = _Thai()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: dialog.form.export_button.text() == "ส่งออก")
        assert dialog.form.signature_box.title() == "ผู้ลงนามท้ายตาราง"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.form.export_button.text() == "&Export")
    dialog.reject()


def test_a_desktop_that_cannot_open_folders_is_told_in_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fx = make_window(qtbot, tmp_path, monkeypatch)
    monkeypatch.setattr(export_dialog, "open_folder", lambda folder: False)  # no file manager here
    fx.window.files.open_path(fx.copy_example())
    dialog = open_dialog(fx, "xlsx")
    target = tmp_path / "ส่งจังหวัด" / "ตาราง.xlsx"
    target.parent.mkdir()
    dialog.form.path_edit.setText(str(target))
    assert run(qtbot, dialog)
    assert target.is_file()
    message = fx.window.statusBar().currentMessage()
    assert "cannot open folders" in message and str(target.parent) in message
