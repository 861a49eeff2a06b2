"""The map and its shared Doc, without a network: several replicas exchanging Yjs updates in any
order end with the same map, byte for byte, and each map always equals what its Doc holds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pycrdt import Doc
from random_edits import random_edit

from srmtool.model.operations import OperationError, SetCell, SetMapField, SetObjectiveText
from srmtool.model.srmfile.codec import dumps_map, load_map
from srmtool.model.types import RouteMap
from srmtool.resources_path import resource
from srmtool.share.mirror import _state
from srmtool.share.replica import Replica
from srmtool.share.schema import Roots, read_map, set_text

EXAMPLE = Path(str(resource("examples"))) / "dengue_tambon.srm"


class Net:
    """Replicas joined by a post office: each update reaches every other replica, some much
    later; ``ordered``: in the order sent (as through the room), else shuffled per replica
    (then only a full read, ``verify``, is sure to see everything: ``Mirror.verify``)."""

    def __init__(self, rng: random.Random, host_map: RouteMap, n: int, ordered: bool = False) -> None:
        self.rng = rng
        self.ordered = ordered
        self.host = Replica(host_map)
        self.replicas = [self.host]
        self.inboxes: list[list[bytes]] = [[]]
        self.host.on_update = self._sender(0)
        for i in range(1, n):
            r = Replica(None)
            r.route_map.set_id_tag(f"t{i}")
            r.receive(self.host.doc.get_update())
            r.adopt()
            r.on_update = self._sender(i)
            self.replicas.append(r)
            self.inboxes.append([])

    def _sender(self, me: int):  # noqa: ANN202
        def send(update: bytes) -> None:
            for i, box in enumerate(self.inboxes):
                if i != me:
                    box.insert(len(box) if self.ordered else self.rng.randrange(len(box) + 1), update)

        return send

    def deliver(self, i: int, share: float = 1.0) -> None:
        box = self.inboxes[i]
        take = box[: max(0, int(len(box) * share))]
        del box[: len(take)]
        for update in take:
            self.replicas[i].receive(update)
        self.replicas[i].sync(verify=not self.ordered)

    def settle(self) -> None:
        while any(self.inboxes):
            for i in range(len(self.replicas)):
                self.deliver(i)
        if not self.ordered:
            # Shuffled, Yrs may keep an update waiting for good; what a connection does when it
            # opens (y-protocol sync step 1 and 2: each sends what the other's state lacks) ends it.
            for a in self.replicas:
                for b in self.replicas:
                    if a is not b:
                        b.receive(a.doc.get_update(b.doc.get_state()))
            for r in self.replicas:
                r.sync(verify=True)


def assert_mirrored(replica: Replica) -> None:
    assert dumps_map(replica.route_map) == dumps_map(read_map(Roots.of(replica.doc)))


def test_the_host_map_reads_back_from_the_doc_byte_for_byte() -> None:
    for name in ("dengue_tambon.srm", "district_ncd.srm"):
        m = load_map(Path(str(resource("examples"))) / name)
        assert_mirrored(Replica(m))


def test_additive_keys_travel_through_the_doc() -> None:
    m = load_map(EXAMPLE)
    m.__pydantic_extra__ = {
        "plan": {"programme": "ควบคุมโรคไข้เลือดออก", "office": "สสอ."},
        "signers": [{"role": "ผู้อนุมัติแผน", "name": "นายอนุมัติ", "position": "นายอำเภอ"}],
        "from_a_newer_release": {"amounts": [1, 2.5]},
    }
    m.meta.__pydantic_extra__ = {"digits": "thai", "reviewer": "สสจ."}
    m.objectives[0].__pydantic_extra__ = {"alignment": {"parent": "p1"}, "votes": 3}
    m.table.rows[0].__pydantic_extra__ = {"milestones": {"3": "ประชุม"}}
    m.table.columns[1].__pydantic_extra__ = {"group": "งบประมาณ"}
    m.table.__pydantic_extra__ = {"style": {"grouping": "heading"}, "later": 1}
    host = Replica(m)
    joiner = Replica(None)
    joiner.receive(host.doc.get_update())
    joiner.adopt()
    assert dumps_map(joiner.route_map) == dumps_map(m)
    assert b'"milestones"' in dumps_map(joiner.route_map)


@pytest.mark.parametrize(("seed", "ordered"), [(1, True), (2, True), (3, False), (4, False)])
def test_random_concurrent_edits_converge(seed: int, ordered: bool) -> None:
    """Every step the maps equal their Docs; in the end all maps are the same bytes. In order,
    the Doc's events alone keep each map up to date (no full read)."""
    rng = random.Random(seed)
    net = Net(rng, load_map(EXAMPLE), 4, ordered)
    kinds: set[str] = set()
    for step in range(400):
        i = rng.randrange(len(net.replicas))
        replica = net.replicas[i]
        kind, ops = random_edit(rng, replica.route_map)
        if ops:
            try:
                replica.edit(ops)
                kinds.add(kind)
            except OperationError:
                pass
        if rng.random() < 0.1:
            replica.undo()
        if rng.random() < 0.3:
            net.deliver(rng.randrange(len(net.replicas)), rng.random())
        if step % 50 == 0:
            for r in net.replicas:
                assert_mirrored(r)
    net.settle()
    first = dumps_map(net.replicas[0].route_map)
    state = _state(net.replicas[0].doc.get_state())
    for r in net.replicas:
        assert _state(r.doc.get_state()) == state
        assert_mirrored(r)
        assert dumps_map(r.route_map) == first
    assert len(kinds) >= 18


def test_the_plans_keys_table_style_and_signers_travel_and_merge_key_by_key() -> None:
    net = Net(random.Random(9), load_map(EXAMPLE), 3)
    a, b, c = net.replicas
    a.edit(SetMapField("plan.programme", "แผนงานที่ ๓ การพัฒนาคุณภาพชีวิต"))
    b.edit(SetMapField("plan.office", "สำนักงานสาธารณสุขอำเภอนาคำใต้"))  # at the same time
    c.edit(SetMapField("table.style", {"grouping": "heading", "map_page": False}))
    c.edit(SetMapField("signers", [{"role": "ผู้อนุมัติแผน", "name": "นายอนุมัติ ตั้งใจ", "position": "นายอำเภอ"}]))
    a.edit(SetMapField("meta.digits", "thai"))
    net.settle()
    for r in net.replicas:
        assert_mirrored(r)
        plan = (r.route_map.model_extra or {})["plan"]
        assert plan == {"programme": "แผนงานที่ ๓ การพัฒนาคุณภาพชีวิต", "office": "สำนักงานสาธารณสุขอำเภอนาคำใต้"}
        assert (r.route_map.table.model_extra or {})["style"]["grouping"] == "heading"
    assert dumps_map(a.route_map) == dumps_map(b.route_map) == dumps_map(c.route_map)
    b.edit(SetMapField("plan", None))  # the whole plan goes
    net.settle()
    assert "plan" not in (c.route_map.model_extra or {})
    assert dumps_map(a.route_map) == dumps_map(c.route_map)


def test_two_reports_at_once_are_both_kept() -> None:
    from srmtool.model.operations import SetReport

    net = Net(random.Random(10), load_map(EXAMPLE), 2)
    a, b = net.replicas
    r1, r2 = (r.id for r in a.route_map.table.rows[:2])
    a.edit(SetReport(r1, "2568-Q1", {"status": "on_track", "result": "ประชุมแล้ว 3 ครั้ง", "spent": 3000}))
    b.edit(SetReport(r2, "2568-Q1", {"status": "late", "note": "งบยังไม่โอน"}))
    net.settle()
    for r in net.replicas:
        assert_mirrored(r)
        rows = (r.route_map.model_extra or {})["progress"]["rows"]
        assert rows[r1]["2568-Q1"]["spent"] == 3000 and rows[r2]["2568-Q1"]["status"] == "late"
    assert dumps_map(a.route_map) == dumps_map(b.route_map)


def test_typing_in_one_text_at_once_keeps_both() -> None:
    rng = random.Random(5)
    net = Net(rng, load_map(EXAMPLE), 2)
    a, b = net.replicas
    oid = a.route_map.objectives[0].id
    text = a.route_map.objectives[0].text
    a.edit(SetObjectiveText(oid, "ด่วน " + text))
    b.edit(SetObjectiveText(oid, text + " ทุกหมู่บ้าน"))
    net.settle()
    assert a.route_map.objective(oid).text == "ด่วน " + text + " ทุกหมู่บ้าน"  # type: ignore[union-attr]
    assert dumps_map(a.route_map) == dumps_map(b.route_map)


def test_a_field_both_set_at_once_takes_one_value_everywhere() -> None:
    net = Net(random.Random(6), load_map(EXAMPLE), 3)
    a, b, c = net.replicas
    a.edit(SetMapField("destination", "ตำบลปลอดลูกน้ำยุงลาย"))
    b.edit(SetMapField("destination", "ประชาชนสุขภาพดี"))
    net.settle()
    values = {r.route_map.destination for r in net.replicas}
    assert len(values) == 1 and values <= {"ตำบลปลอดลูกน้ำยุงลาย", "ประชาชนสุขภาพดี"}


def test_undo_is_each_replicas_own() -> None:
    net = Net(random.Random(7), load_map(EXAMPLE), 2)
    a, b = net.replicas
    row = a.route_map.table.rows[0].id
    a.edit(SetCell(row, "budget", "5,000"))
    b.edit(SetCell(row, "indicator", "ร้อยละ 80"))
    net.settle()
    assert a.undo()
    net.settle()
    for r in net.replicas:
        cells = r.route_map.row(row).cells  # type: ignore[union-attr]
        assert cells.get("indicator") == "ร้อยละ 80"
        assert cells.get("budget") != "5,000"
    assert dumps_map(a.route_map) == dumps_map(b.route_map)
    assert a.redo()
    net.settle()
    assert b.route_map.row(row).cells.get("budget") == "5,000"  # type: ignore[union-attr]


def test_removing_an_objective_while_another_links_to_it_leaves_a_finding() -> None:
    from srmtool.model.checks import check_map
    from srmtool.model.operations import AddLink, RemoveObjective

    net = Net(random.Random(8), load_map(EXAMPLE), 2)
    a, b = net.replicas
    first, second = (o.id for o in a.route_map.objectives[:2])
    if a.route_map.has_link(first, second):
        second = next(
            o.id for o in a.route_map.objectives if o.id != first and not a.route_map.has_link(first, o.id)
        )
    a.edit(RemoveObjective(second))
    b.edit(AddLink(first, second))
    net.settle()
    assert dumps_map(a.route_map) == dumps_map(b.route_map)
    codes = {f.code for f in check_map(a.route_map)}
    assert "link-missing-objective" in codes


def test_text_replacement_is_by_utf8_offsets() -> None:
    from pycrdt import Text

    doc: Doc = Doc()
    text = doc.get("t", type=Text)
    text += "ที่น้ำ😀ab"
    set_text(text, "ที่X😀ab")
    assert str(text) == "ที่X😀ab"
    set_text(text, "")
    assert str(text) == ""


def test_a_doc_that_holds_junk_reads_the_same_everywhere() -> None:
    from pycrdt import Map

    host = Replica(load_map(EXAMPLE))
    roots = host.mirror.roots
    with host.doc.transaction(origin="other-tool"):
        roots.objectives["bad"] = Map({"perspective": '"nowhere"', "x": '"far"'})
        roots.objective_order.append("bad")
        roots.objective_order.append(host.route_map.objectives[0].id)  # a second copy of an id
        roots.links.append("not json")
        roots.fields["destination"] = "[1, 2"
        roots.fields["label.nowhere"] = '"x"'
    host.sync()
    assert_mirrored(host)
    assert host.route_map.objective("bad") is None
    assert host.route_map.destination == ""
