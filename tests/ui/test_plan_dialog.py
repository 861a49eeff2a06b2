"""Map → Action Plan…: the dialog shows the map's plan fields, OK applies what changed as one undo
step (Undo gives back the file's exact bytes), milestones keep their ids, Cancel changes nothing,
and the dialog speaks Thai."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from window_fixtures import LONG_THAI, Fixture, make_window

from srmtool.model import dumps_map
from srmtool.model.plan import Milestone, Plan, plan_of, saved_digits, signers_of
from srmtool.ui.language import install_translator
from srmtool.ui.plan import dialog as plan_dialog
from srmtool.ui.plan.dialog import PlanDialog, paragraphs
from srmtool.ui.plan.milestones import milestones_from

PLAN_FILE = "district_action_plan_2567.srm"


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    return make_window(qtbot, tmp_path, monkeypatch)


def _open(fx: Fixture, name: str = PLAN_FILE) -> None:
    assert fx.window.files.open_path(fx.copy_example(name, "แผน.srm"))


def _run(fx: Fixture, monkeypatch: pytest.MonkeyPatch, change: object) -> PlanDialog:
    """Open the dialog from its menu action, let ``change`` fill it, press OK."""
    seen: list[PlanDialog] = []

    def exec_(dialog: PlanDialog) -> int:
        seen.append(dialog)
        change(dialog)  # type: ignore[operator]
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(PlanDialog, "exec", exec_)
    fx.window.named_actions["plan"].trigger()
    return seen[0]


def test_the_dialog_shows_the_plan_of_the_map(fx: Fixture) -> None:
    _open(fx)
    route_map = fx.window.document.route_map
    dialog = PlanDialog(route_map, fx.window)
    plan = plan_of(route_map)
    assert dialog.programme.text() == plan.programme and dialog.office.text() == plan.office
    assert dialog.objectives.toPlainText().split("\n") == list(plan.objectives)
    assert dialog.rationale.toPlainText().split("\n\n") == list(plan.rationale)
    assert set(dialog.milestones.boxes) == {3, 6, 9, 12}
    assert dialog.milestones.boxes[12].toPlainText().split("\n") == [m.text for m in plan.milestones_at(12)]
    assert [s[0] for s in dialog.signers.signatures()] == ["ผู้เสนอแผน", "ผู้อนุมัติแผน"]
    assert dialog.digit_choice() == "thai"
    assert dialog.plan() == plan  # shown and read back unchanged
    assert dialog.operations() == []  # so OK without a change adds no undo step


def test_ok_is_one_undo_step_that_gives_back_the_exact_file(
    fx: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dumps_map(fx.window.document.route_map)

    def fill(dialog: PlanDialog) -> None:
        dialog.programme.setText("แผนงานที่ ๓ การพัฒนาคุณภาพชีวิตระดับอำเภอ")
        dialog.objectives.setPlainText("๑. เพื่อลดอัตราป่วยด้วยโรคไข้เลือดออก\n\n" + LONG_THAI + "\n")
        dialog.rationale.setPlainText("ย่อหน้าแรก\nต่อบรรทัด\n\nย่อหน้าที่สอง")
        dialog.milestones.boxes[3].setPlainText("มีคำสั่งแต่งตั้งคณะทำงาน\nมีแผนผ่าน พชอ.")
        dialog.signers.set_signatures([("ผู้เสนอแผน", "นางสาวสมใจ ใจดี", "ผอ.รพ.สต.บ้านนา")])
        dialog.digits.setCurrentIndex(2)

    _run(fx, monkeypatch, fill)
    route_map = fx.window.document.route_map
    plan = plan_of(route_map)
    assert plan.programme == "แผนงานที่ ๓ การพัฒนาคุณภาพชีวิตระดับอำเภอ"
    assert plan.objectives == ("๑. เพื่อลดอัตราป่วยด้วยโรคไข้เลือดออก", LONG_THAI)  # blank line dropped
    assert plan.rationale == ("ย่อหน้าแรก ต่อบรรทัด", "ย่อหน้าที่สอง")
    assert [(m.id, m.months) for m in plan.milestones] == [("ms1", 3), ("ms2", 3)]
    assert signers_of(route_map)[0].name == "นางสาวสมใจ ใจดี" and saved_digits(route_map) == "arabic"
    stack = fx.window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Edit Action Plan"
    stack.undo()
    assert dumps_map(fx.window.document.route_map) == before
    stack.redo()
    assert plan_of(fx.window.document.route_map) == plan


def test_cancel_changes_nothing(fx: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    _open(fx)
    before = dumps_map(fx.window.document.route_map)
    monkeypatch.setattr(PlanDialog, "exec", lambda dialog: int(QDialog.DialogCode.Rejected.value))
    assert not plan_dialog.edit_plan(fx.window)
    assert dumps_map(fx.window.document.route_map) == before and not fx.window.document.is_modified


def test_milestones_keep_their_ids_when_retyped_reordered_or_added() -> None:
    plan = Plan(
        milestones=(
            Milestone("ms1", 3, "มีคำสั่งแต่งตั้ง", (("done", ["2567-1"]),)),
            Milestone("ms2", 3, "มีแผน"),
            Milestone("ms3", 6, "อบรมครบ"),
        )
    )
    typed = {3: ["มีแผน", "มีคำสั่งแต่งตั้งคณะทำงานแล้ว", "เพิ่มใหม่"], 6: [], 9: ["ติดตามครบ"], 12: []}
    out = milestones_from(plan, typed)
    assert [(m.id, m.months, m.text) for m in out] == [
        ("ms2", 3, "มีแผน"),  # the same text: the same milestone, moved up
        ("ms1", 3, "มีคำสั่งแต่งตั้งคณะทำงานแล้ว"),  # retyped in its place: still ms1, with its keys
        ("ms4", 3, "เพิ่มใหม่"),
        ("ms5", 9, "ติดตามครบ"),
    ]
    assert out[1].extra == (("done", ["2567-1"]),)  # ms3 (6 months) emptied: gone


def test_paragraphs_are_split_at_empty_lines() -> None:
    assert paragraphs("หนึ่ง\nสอง\n\n\nสาม\r\n\r\nสี่ ") == ["หนึ่ง สอง", "สาม", "สี่"]


def test_the_dialog_speaks_thai(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    assert install_translator(qapp, "th")
    try:
        fx = make_window(qtbot, tmp_path, monkeypatch, lang="th")
        _open(fx)
        _thai(PlanDialog(fx.window.document.route_map, fx.window), fx)
    finally:
        install_translator(qapp, "en")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def _thai(dialog: PlanDialog, fx: Fixture) -> None:
    assert dialog.windowTitle() == "แผนปฏิบัติการ"
    assert [dialog.tabs.tabText(i) for i in range(3)] == [
        "ส่วนหัวของแผน(&H)",
        "ระดับขั้นความสำเร็จ(&S)",
        "ผู้ลงนาม(&G)",
    ]
    assert dialog.digits.itemText(0) == "ตามที่พิมพ์ไว้ในแผน (ตอนนี้เป็นเลขไทย)"
    assert fx.window.named_actions["plan"].text() == "แผนปฏิบัติการ(&P)…"
