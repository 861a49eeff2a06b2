"""The recovery dialog: what and when for each autosaved map, Recover, Discard (after asking) and
Decide Later, and its texts in both languages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from srmtool.ui.disk_state import DiskStamp
from srmtool.ui.recovery.dialog import RecoveryDialog, age_text
from srmtool.ui.recovery.store import RecoveryEntry

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def entry(run_id: str, minutes_ago: int, original: str | None, title: str, objectives: int) -> RecoveryEntry:
    return RecoveryEntry(
        folder=Path("/ไม่มี"),
        run_id=run_id,
        pid=1,
        identity=None,
        saved=NOW - timedelta(minutes=minutes_ago),
        original=Path(original) if original else None,
        title=title,
        objectives=objectives,
        disk=DiskStamp(1, 2, "ab"),
    )


@pytest.fixture
def dialog(qtbot: QtBot) -> RecoveryDialog:
    entries = [
        entry("ก", 5, "/เอกสาร/แผนที่ไข้เลือดออกตำบลดอนหอมแก้ว.srm", "ไข้เลือดออก", 16),
        entry("ข", 60 * 30, None, "แผนที่อำเภอโรคไม่ติดต่อเรื้อรังฉบับร่างจากการประชุมเชิงปฏิบัติการ", 42),
        entry("ค", 0, None, "", 0),
    ]
    dlg = RecoveryDialog(entries)
    qtbot.addWidget(dlg)
    return dlg


def test_each_entry_shows_what_and_when(dialog: RecoveryDialog) -> None:
    rows = [[dialog._items[r].text(c) for c in range(4)] for r in range(3)]
    assert rows[0][:3] == ["แผนที่ไข้เลือดออกตำบลดอนหอมแก้ว.srm", "16", "/เอกสาร/แผนที่ไข้เลือดออกตำบลดอนหอมแก้ว.srm"]
    assert rows[1][0].startswith("แผนที่อำเภอโรคไม่ติดต่อ") and rows[1][2] == "never saved to a file"
    assert rows[2][0] == "Untitled map" and rows[2][1] == "0"
    local = (NOW - timedelta(minutes=5)).astimezone().strftime("%Y-%m-%d %H:%M")
    assert rows[0][3].startswith(local) and rows[0][3].endswith("ago)")


def test_ages_read_as_words() -> None:
    assert age_text(NOW, NOW) == "just now"
    assert age_text(NOW - timedelta(minutes=1), NOW) == "1 minute ago"
    assert age_text(NOW - timedelta(minutes=12), NOW) == "12 minutes ago"
    assert age_text(NOW - timedelta(hours=30), NOW) == "30 hours ago"
    assert age_text(NOW - timedelta(days=3), NOW) == "3 days ago"


def test_recover_returns_the_selected_entry(dialog: RecoveryDialog) -> None:
    dialog._items[1].setSelected(True)
    dialog._list.setCurrentItem(dialog._items[1])
    dialog.recover_selected()
    assert dialog.decision.recover is not None and dialog.decision.recover.run_id == "ข"
    assert dialog.result() == RecoveryDialog.DialogCode.Accepted


def test_discard_asks_first_and_removes_the_row(
    dialog: RecoveryDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [False, True]
    monkeypatch.setattr(dialog, "confirm_discard", lambda e: answers.pop(0))
    dialog.discard_selected()  # "no"
    assert dialog.decision.discard == [] and len(dialog._items) == 3
    dialog.discard_selected()  # "yes": the first (selected) entry goes
    assert [e.run_id for e in dialog.decision.discard] == ["ก"]
    assert [i.text(1) for i in dialog._items] == ["42", "0"]
    assert dialog.decision.recover is None


def test_decide_later_keeps_everything(dialog: RecoveryDialog) -> None:
    dialog._later.click()
    assert dialog.decision.recover is None and dialog.decision.discard == []
    assert dialog.result() == RecoveryDialog.DialogCode.Rejected
