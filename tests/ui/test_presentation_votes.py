"""Dot voting (a click one vote, one undo step, the badge on the box, saved with the map) and the
countdown timer (driven by a fake clock)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from window_fixtures import Fixture, ids_with_codes, make_window

from srmtool.model.srmfile.codec import dumps_map, load_map
from srmtool.model.types import objective_votes
from srmtool.ui.presentation import timer
from srmtool.ui.presentation.timer import CountdownOverlay, mm_ss

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton


@pytest.fixture
def fx(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fixture:
    fixture = make_window(qtbot, tmp_path, monkeypatch)
    fixture.window.files.open_path(fixture.copy_example())
    fixture.window.show()
    qtbot.waitExposed(fixture.window)
    return fixture


def click(fx: Fixture, oid: str, button: Qt.MouseButton = LEFT, shift: bool = False) -> None:
    view = fx.window.view
    x, y = fx.window.scene.layout().boxes[oid].center
    mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(view.viewport(), button, mods, view.mapFromScene(QPointF(x, y)))


def votes(fx: Fixture, oid: str) -> int:
    objective = fx.window.document.route_map.objective(oid)
    assert objective is not None
    return objective_votes(objective)


def test_a_click_while_voting_adds_one_vote_as_one_undo_step(fx: Fixture) -> None:
    window = fx.window
    (g3,) = ids_with_codes(fx, "ก3")
    box = window.scene.box(g3)
    assert box is not None
    start = box.pos()
    window.named_actions["voting"].trigger()
    assert window.named_actions["voting"].isChecked()
    click(fx, g3)
    click(fx, g3)
    assert votes(fx, g3) == 2 and box.votes == 2 and box.pos() == start
    assert window.document.undo_stack.count() == 2
    assert window.named_actions["undo"].text() == "Undo Vote for ก3"
    click(fx, g3, RIGHT)
    click(fx, g3, shift=True)
    click(fx, g3, RIGHT)  # none left: no step
    assert votes(fx, g3) == 0 and box.votes == 0 and window.document.undo_stack.count() == 4
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert votes(fx, g3) == 2 and box.votes == 2
    window.document.undo_stack.undo()
    assert votes(fx, g3) == 1

    window.named_actions["voting"].trigger()  # off: a click selects again
    assert window.scene.tool is window.select_tool
    click(fx, g3)
    assert votes(fx, g3) == 1 and window.scene.selected_objective_ids() == [g3]


def test_votes_while_presenting_survive_save_and_load(fx: Fixture, qtbot: QtBot) -> None:
    window = fx.window
    p1, k1 = ids_with_codes(fx, "ป1", "ก1")
    fx.window.presentation.enter()
    window.named_actions["voting"].trigger()
    for _ in range(3):
        click(fx, p1)
    click(fx, k1)
    assert window.scene.box(p1).votes == 3 and window.scene.box(p1).presenting  # type: ignore[union-attr]
    fx.window.presentation.leave()
    assert window.scene.tool is fx.window.presentation.tool  # still voting after presenting
    path = fx.folder / "โหวตแผนที่.srm"
    window.document.save(path)
    again = load_map(path)
    assert {o.code: objective_votes(o) for o in again.objectives if objective_votes(o)} == {"ป1": 3, "ก1": 1}


def test_clear_votes_is_one_undo_step_and_a_map_without_votes_saves_as_before(fx: Fixture) -> None:
    window = fx.window
    original = fx.copy_example().read_bytes()
    ids = ids_with_codes(fx, "ป1", "ภ2", "พ3")
    window.named_actions["voting"].trigger()
    for oid in ids:
        click(fx, oid)
    steps = window.document.undo_stack.count()
    window.named_actions["clear_votes"].trigger()
    assert window.document.undo_stack.count() == steps + 1
    assert all(votes(fx, oid) == 0 and not window.scene.box(oid).votes for oid in ids)  # type: ignore[union-attr]
    assert dumps_map(window.document.route_map) == original  # (saving would stamp a new time)
    window.document.undo_stack.undo()
    assert [votes(fx, oid) for oid in ids] == [1, 1, 1]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_countdown_counts_down_turns_red_pauses_and_reaches_zero(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    host.resize(800, 600)
    clock = FakeClock()
    overlay = CountdownOverlay(host, clock)
    overlay.start(5 * 60)
    assert overlay.text == "05:00" and overlay.running
    clock.now += 61.2
    overlay.tick()
    assert overlay.text == "03:59" and "ff5a4f" not in overlay.styleSheet()
    overlay.toggle_pause()
    clock.now += 500
    overlay.tick()
    assert overlay.paused and overlay.text == "03:59"
    overlay.toggle_pause()
    clock.now += 190
    overlay.tick()
    assert overlay.text == "00:49" and "ff5a4f" in overlay.styleSheet()  # red in the last minute
    with qtbot.waitSignal(overlay.finished, timeout=100):
        clock.now += 60
        overlay.tick()
    assert overlay.done and overlay.text == "00:00" and overlay.seconds_left == 0.0
    looks = set()
    for _ in range(4):
        overlay.tick()
        looks.add(overlay.styleSheet())
    assert len(looks) == 2  # it flashes
    assert mm_ss(59.01) == "01:00" and mm_ss(0.0) == "00:00"


def test_timer_action_asks_minutes_space_pauses_and_ctrl_t_stops(
    fx: Fixture, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(timer, "ask_minutes", lambda parent: asked.append(parent) or 3)
    window = fx.window
    window.named_actions["timer"].trigger()
    countdown = fx.window.presentation.countdown
    assert asked == [window] and countdown.active and countdown.text == "03:00"
    geometry = countdown.geometry()
    # in the view's top-right corner, whatever the window's size
    assert window.view.rect().contains(geometry) and window.view.width() - geometry.right() < 40
    assert geometry.top() < 40 and geometry.center().x() > window.view.width() // 2
    window.view.setFocus()
    space = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ")
    QApplication.sendEvent(window.view, space)
    assert countdown.paused
    digits = countdown.findChild(QLabel)
    assert digits is not None
    QTest.mouseClick(digits, LEFT)  # a click on the digits resumes
    assert countdown.running
    window.named_actions["timer"].trigger()
    assert not countdown.active and len(asked) == 1
