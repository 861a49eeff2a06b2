"""The room over real sockets on 127.0.0.1: 1 host and 5 laptops editing at once, faults, limits,
the door. Every wait is bounded; every peer is closed (no thread is left behind)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from random_edits import random_edit
from room_support import Cable, same_map, settle
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from srmtool.model.operations import OperationError, SetCell, SetMapField, SetObjectiveText
from srmtool.model.srmfile.codec import dumps_map, load_map
from srmtool.resources_path import resource
from srmtool.share.net import Door, local_peer, new_code, normal_code
from srmtool.share.peer import Peer

EXAMPLE = Path(str(resource("examples"))) / "dengue_tambon.srm"


@pytest.fixture
def peers() -> Iterator[list[Peer]]:
    before = set(threading.enumerate())
    made: list[Peer] = []
    yield made
    for p in made:
        p.close()
    end = time.monotonic() + 5
    while time.monotonic() < end and set(threading.enumerate()) - before:
        time.sleep(0.05)
    assert [t.name for t in set(threading.enumerate()) - before] == []


def _host(peers: list[Peer], **kwargs: object) -> Peer:
    host = Peer(load_map(EXAMPLE))
    host.host(**kwargs)  # type: ignore[arg-type]
    peers.append(host)
    return host


def _join(peers: list[Peer], host: Peer, tag: str, port: int | None = None) -> Peer:
    peer = Peer(None, tag=tag)
    peer.join("127.0.0.1", port or host.port, host.code)
    peers.append(peer)
    assert peer.pump_until(lambda: peer.synced, 10)
    return peer


def _edit_randomly(rng: random.Random, peer: Peer) -> bool:
    _, ops = random_edit(rng, peer.route_map)
    if not ops:
        return False
    try:
        peer.edit(ops)
    except OperationError:
        return False
    return True


@pytest.mark.slow
def test_one_host_and_five_laptops_after_1000_concurrent_edits_hold_the_same_map(peers: list[Peer]) -> None:
    rng = random.Random(17)
    host = _host(peers)
    laptops = [_join(peers, host, f"l{i}") for i in range(5)]
    everyone = [host, *laptops]
    done = 0
    undone = 0
    while done < 1000:
        peer = rng.choice(everyone)
        if _edit_randomly(rng, peer):
            done += 1
        if rng.random() < 0.05 and peer.replica.undo():
            undone += 1
        if rng.random() < 0.2:  # the others' updates arrive while everyone goes on editing
            rng.choice(everyone).pump()
    assert settle(everyone, 30), [len(p.route_map.objectives) for p in everyone]
    assert undone > 10, undone
    assert len(host.route_map.objectives) > 5


def test_a_laptop_killed_mid_edit_and_started_again_converges(peers: list[Peer], tmp_path: Path) -> None:
    host = _host(peers)
    other = _join(peers, host, "b")
    script = textwrap.dedent(
        f"""
        import random, time
        from srmtool.model.operations import OperationError
        from srmtool.share.peer import Peer
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from random_edits import random_edit
        peer = Peer(None, tag="k")
        peer.join("127.0.0.1", {host.port}, {host.code!r})
        assert peer.pump_until(lambda: peer.synced, 10)
        print("joined", flush=True)
        rng = random.Random(3)
        while True:
            kind, ops = random_edit(rng, peer.route_map)
            try:
                if ops:
                    peer.edit(ops)
            except OperationError:
                pass
            peer.pump(0.002)
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "joined"
        before = host.replica.doc.get_state()
        assert host.pump_until(lambda: host.replica.doc.get_state() != before, 10)
        host.pump(0.3)
    finally:
        process.kill()  # mid-edit: no goodbye, maybe half a message on the wire
        process.wait(timeout=10)
    other.edit(SetObjectiveText(other.route_map.objectives[0].id, "หลังจากเครื่องหนึ่งดับไป"))
    again = _join(peers, host, "k2")
    assert settle([host, other, again])
    assert again.route_map.objectives[0].text == "หลังจากเครื่องหนึ่งดับไป"


def test_a_laptop_offline_for_50_edits_merges_when_it_comes_back(peers: list[Peer]) -> None:
    rng = random.Random(23)
    host = _host(peers)
    cable = Cable(host.port)
    try:
        away = _join(peers, host, "w", port=cable.port)
        stay = _join(peers, host, "s")
        cable.cut()
        assert away.pump_until(lambda: ("lost", None) in away.events, 10)
        made = 0
        while made < 50:
            made += _edit_randomly(rng, away)
            _edit_randomly(rng, rng.choice([host, stay]))
            stay.pump()
            host.pump()
        row = away.route_map.table.rows[0].id if away.route_map.table.rows else None
        if row is not None and away.route_map.row(row) is not None:
            away.edit(SetCell(row, "responsible", "ทำขณะออฟไลน์"))
        assert not same_map([host, stay, away])
        cable.mend()
        assert away.pump_until(lambda: away.events.count(("connected", None)) >= 2, 15)
        assert settle([host, stay, away])
    finally:
        cable.close()


def test_undo_over_the_room_is_each_persons_own(peers: list[Peer]) -> None:
    host = _host(peers)
    a = _join(peers, host, "a")
    b = _join(peers, host, "b")
    oid = host.route_map.objectives[1].id
    a.edit(SetMapField("destination", "ตำบลปลอดโรคไข้เลือดออก"))
    assert settle([host, a, b])
    b.edit(SetObjectiveText(oid, "งานของ ข"))
    assert settle([host, a, b])
    assert a.replica.undo()
    assert settle([host, a, b])
    assert host.route_map.destination != "ตำบลปลอดโรคไข้เลือดออก"
    assert host.route_map.objective(oid).text == "งานของ ข"  # type: ignore[union-attr]
    assert not b.replica.mirror.undo_manager.can_redo()


def test_wrong_codes_bad_and_oversized_messages_are_refused_and_the_room_goes_on(peers: list[Peer]) -> None:
    host = _host(peers, max_message=64 * 1024)
    a = _join(peers, host, "a")
    url = f"ws://127.0.0.1:{host.port}/"
    with pytest.raises(InvalidStatus) as refused:
        connect(url + "WRONG9", open_timeout=5).close()
    assert refused.value.response.status_code == 403
    with connect(url + host.code, open_timeout=5, max_size=None) as ws:
        while ws.recv(timeout=5)[:2] != b"\x00\x00":  # who is here, then the room's sync step 1
            pass
        ws.send(b"\x00\x02\x10" + os.urandom(16))  # an update that does not decode
        ws.send(b"\x07junk")  # a message of no known kind
        ws.send("text, not bytes")
        ws.send(b"\x00\x00\x01\x00")  # sync step 1 with an empty state: the room answers with the map
        reply = ws.recv(timeout=5)
        while isinstance(reply, bytes) and reply[:1] == b"\x01":  # presence may come between
            reply = ws.recv(timeout=5)
        assert isinstance(reply, bytes) and reply[:2] == b"\x00\x01" and len(reply) > 1000
        assert host.session.server is not None and host.session.server.refused_messages >= 2
    with connect(url + host.code, open_timeout=5, max_size=None) as ws:
        ws.send(b"\x00\x02" + b"\x01" * (100 * 1024))  # larger than the room takes
        with pytest.raises(ConnectionClosed) as closed:
            for _ in range(10):
                ws.recv(timeout=5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
    a.edit(SetObjectiveText(a.route_map.objectives[0].id, "ห้องยังทำงานต่อ"))
    assert settle([host, a])


def test_the_room_takes_no_more_laptops_than_it_may(peers: list[Peer]) -> None:
    host = _host(peers, max_clients=1)
    _join(peers, host, "a")
    late = Peer(None, tag="z")
    peers.append(late)
    late.join("127.0.0.1", host.port, host.code)
    assert late.pump_until(lambda: bool(late.events), 10)
    assert late.events[0] == ("refused", 503)


def test_the_door() -> None:
    door = Door("ABC234")
    assert door.check("127.0.0.1", "/abc-234") is None
    assert door.check("192.168.1.20", "/ABC234") is None
    assert door.check("8.8.8.8", "/ABC234") is not None  # not the local network
    for _ in range(10):
        assert door.check("10.0.0.7", "/NOPE") is not None
    assert door.check("10.0.0.7", "/ABC234") is not None  # too many wrong codes: it waits
    assert local_peer("::1") and local_peer("fe80::1") and not local_peer("2001:4860::8888")
    code = new_code()
    assert len(code) == 6 and normal_code(code.lower()) == code


def test_when_the_host_closes_every_laptop_keeps_the_whole_map(peers: list[Peer]) -> None:
    host = _host(peers)
    a = _join(peers, host, "a")
    b = _join(peers, host, "b")
    a.edit(SetObjectiveText(a.route_map.objectives[2].id, "แก้ก่อนเจ้าของห้องปิด"))
    assert settle([host, a, b])
    last = dumps_map(host.route_map)
    host.close()
    peers.remove(host)
    for p in (a, b):
        assert p.pump_until(lambda p=p: ("lost", None) in p.events, 10)
        assert dumps_map(p.route_map) == last
    a.edit(SetObjectiveText(a.route_map.objectives[2].id, "ยังแก้ต่อได้"))  # offline, kept
    assert a.route_map.objectives[2].text == "ยังแก้ต่อได้"


def test_an_edit_reaches_the_others_quickly(peers: list[Peer]) -> None:
    host = _host(peers)
    a = _join(peers, host, "a")
    b = _join(peers, host, "b")
    oid = host.route_map.objectives[0].id
    took: list[float] = []
    for n in range(5):
        text = f"ข้อความที่ {n}"
        start = time.monotonic()
        a.edit(SetObjectiveText(oid, text))
        assert b.pump_until(lambda text=text: b.route_map.objective(oid).text == text, 5)  # type: ignore[union-attr]
        took.append(time.monotonic() - start)
        host.pump()
    assert sorted(took)[2] < 0.2


def test_a_late_joiner_sees_who_is_there_and_everyone_sees_it(peers: list[Peer]) -> None:
    host = _host(peers)
    host.session.set_presence({"name": "ครูสมศรี", "objectives": []})
    early = _join(peers, host, "e")
    early.session.set_presence({"name": "อสม.สมชาย", "objectives": [host.route_map.objectives[0].id]})
    assert host.pump_until(lambda: len(host.presence) == 1, 5)
    late = _join(peers, host, "l")
    late.session.set_presence({"name": "นายก อบต.", "objectives": []})
    names = lambda p: sorted(s.get("name") for s in p.presence.values())  # noqa: E731
    assert late.pump_until(lambda: names(late) == ["ครูสมศรี", "อสม.สมชาย"], 5), late.presence
    assert host.pump_until(lambda: names(host) == ["นายก อบต.", "อสม.สมชาย"], 5)
    assert early.pump_until(lambda: names(early) == ["ครูสมศรี", "นายก อบต."], 5)
    late.close()
    peers.remove(late)
    assert host.pump_until(lambda: names(host) == ["อสม.สมชาย"], 5)  # leaving says goodbye
