"""Two editors in one test process, sharing one map through real sockets on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from window_fixtures import Fixture, make_window

from srmtool.model.operations import SetCell
from srmtool.model.srmfile.codec import dumps_map, load_map
from srmtool.ui.share.dialogs import parse_address


@pytest.fixture
def pair(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Fixture, Fixture]:
    monkeypatch.setenv("SRMTOOL_SHARE_INTERFACES", "127.0.0.1")
    host = make_window(qtbot, tmp_path, monkeypatch, settings_name="host.ini")
    guest = make_window(qtbot, tmp_path, monkeypatch, settings_name="guest.ini")
    path = host.copy_example()
    assert host.window.files.open_path(path)
    yield host, guest
    for fx in (guest, host):
        fx.window.share.leave()


def _start(qtbot: QtBot, host: Fixture, guest: Fixture) -> None:
    assert host.window.share.share(name="ครูสมศรี", port=0)
    shared = host.window.share.shared
    assert shared is not None
    assert guest.window.share.join(("127.0.0.1", shared.port, shared.code, "อสม.สมชาย"))
    qtbot.waitUntil(
        lambda: guest.window.share.shared is not None and guest.window.share.shared.synced, timeout=10000
    )


def _same(host: Fixture, guest: Fixture) -> bool:
    return dumps_map(host.window.document.route_map) == dumps_map(guest.window.document.route_map)


def test_two_editors_edit_one_map_and_each_sees_the_others_edits(
    qtbot: QtBot, pair: tuple[Fixture, Fixture]
) -> None:
    host, guest = pair
    _start(qtbot, host, guest)
    assert _same(host, guest)
    assert guest.window.document.path is None  # the host's file stays the file of record
    hd, gd = host.window.document, guest.window.document
    new = gd.add_objective("process", "ทีมเยาวชนจิตอาสาช่วยสำรวจลูกน้ำ")
    qtbot.waitUntil(lambda: hd.route_map.objective(new) is not None, timeout=5000)
    assert host.window.scene.box(new) is not None  # on the host's canvas too
    first = hd.route_map.objectives[0].id
    assert hd.add_link(new, first)
    row = hd.route_map.table.rows[0].id
    hd.edit(SetCell(row, "budget", "7,500"), "Edit cell")
    qtbot.waitUntil(
        lambda: gd.route_map.has_link(new, first) and gd.route_map.row(row).cells.get("budget") == "7,500",
        timeout=5000,
    )  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: _same(host, guest), timeout=5000)
    assert new.endswith(gd.route_map.id_tag) and gd.route_map.id_tag != hd.route_map.id_tag
    assert hd.is_modified  # the guest's box makes the host's map unsaved: autosave and Save follow


def test_undo_in_one_window_undoes_only_its_own_edits(qtbot: QtBot, pair: tuple[Fixture, Fixture]) -> None:
    host, guest = pair
    _start(qtbot, host, guest)
    hd, gd = host.window.document, guest.window.document
    oid = hd.route_map.objectives[0].id
    hd.set_objective_text(oid, "ข้อความของเจ้าของห้อง")
    qtbot.waitUntil(lambda: gd.route_map.objective(oid).text == "ข้อความของเจ้าของห้อง", timeout=5000)  # type: ignore[union-attr]
    gd.edit(SetCell(gd.route_map.table.rows[1].id, "target", "ร้อยละ 95"), "Edit cell")
    qtbot.waitUntil(lambda: _same(host, guest), timeout=5000)
    assert gd.undo_stack.count() == 1 and hd.undo_stack.count() == 1
    gd.undo_stack.undo()
    qtbot.waitUntil(lambda: hd.route_map.table.rows[1].cells.get("target") != "ร้อยละ 95", timeout=5000)
    assert hd.route_map.objective(oid).text == "ข้อความของเจ้าของห้อง"  # type: ignore[union-attr]
    gd.undo_stack.redo()
    qtbot.waitUntil(lambda: hd.route_map.table.rows[1].cells.get("target") == "ร้อยละ 95", timeout=5000)


def test_the_others_selection_shows_on_the_map_and_who_is_there(
    qtbot: QtBot, pair: tuple[Fixture, Fixture]
) -> None:
    host, guest = pair
    _start(qtbot, host, guest)
    oid = guest.window.document.route_map.objectives[2].id
    guest.window.selection.select([oid])
    qtbot.waitUntil(lambda: host.window.share.others.marked.get(oid) == ["อสม.สมชาย"], timeout=5000)
    names = [
        host.window.share.panel.people.item(i).text() for i in range(host.window.share.panel.people.count())
    ]
    assert any("อสม.สมชาย" in n for n in names) and any("ครูสมศรี" in n for n in names)


def test_when_the_host_leaves_the_guest_keeps_the_map_and_is_told(
    qtbot: QtBot, pair: tuple[Fixture, Fixture], tmp_path: Path
) -> None:
    host, guest = pair
    _start(qtbot, host, guest)
    last = dumps_map(host.window.document.route_map)
    host.window.share.leave()
    qtbot.waitUntil(lambda: guest.window.share._warned_lost, timeout=10000)
    assert dumps_map(guest.window.document.route_map) == last
    copy = tmp_path / "สำเนา.srm"
    guest.dialogs.save_paths.append(copy)
    assert guest.window.share.save_copy()
    assert dumps_map(load_map(copy)) == last
    assert guest.window.document.path is None


def test_a_wrong_code_is_refused_with_a_message_and_nothing_changes(
    qtbot: QtBot, pair: tuple[Fixture, Fixture]
) -> None:
    host, guest = pair
    assert host.window.share.share(name="ครู", port=0)
    before = dumps_map(guest.window.document.route_map)
    shared = host.window.share.shared
    assert shared is not None
    guest.window.share.join(("127.0.0.1", shared.port, "ZZZZZZ", "ผู้มาเยือน"))
    qtbot.waitUntil(lambda: guest.window.share.shared is None, timeout=10000)
    assert dumps_map(guest.window.document.route_map) == before


def test_typed_addresses() -> None:
    a = parse_address("srmtool://192.168.1.5:9000/ABC234", "", 8765)
    assert a is not None and (a.host, a.port, a.code) == ("192.168.1.5", 9000, "ABC234")
    b = parse_address(" 10.0.0.2 ", "abc 234", 8765)
    assert b is not None and (b.host, b.port, b.code) == ("10.0.0.2", 8765, "ABC234")
    assert parse_address("10.0.0.2:99999", "X", 8765) is None
    assert parse_address("", "X", 8765) is None
