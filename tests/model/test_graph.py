"""The map as a graph: causes, effects, what a selection highlights, and the routes."""

from __future__ import annotations

import time

import networkx as nx
import pytest

from srmtool.model.graph import (
    ancestors,
    descendants,
    full_graph,
    leading_to,
    objective_graph,
    related,
    routes,
)
from srmtool.model.types import PERSPECTIVE_IDS, Link, Objective, RouteMap, Stakeholder

LEVEL_OF = {"ป": "people", "ภ": "stakeholder", "ก": "process", "พ": "foundation"}

TEXTS = {
    "ป1": "ประชาชนจัดการแหล่งเพาะพันธุ์ยุงลายในบ้านและชุมชนอย่างต่อเนื่องทุกสัปดาห์",
    "ป2": "ผู้ป่วยไข้เลือดออกได้รับการรักษาที่ถูกต้องทันเวลา",
    "ป3": "อัตราป่วยด้วยโรคไข้เลือดออกลดลงอย่างต่อเนื่อง",
    "ภ1": "อปท.และกองทุนหลักประกันสุขภาพสนับสนุนงบประมาณ",
    "ภ2": "อสม.สำรวจและทำลายลูกน้ำยุงลายทุกหลังคาเรือน",
    "ก1": "มีระบบเฝ้าระวังและแจ้งเตือนการระบาดที่รวดเร็ว",
    "พ0": "ผู้บริหารให้ความสำคัญกับการควบคุมโรคในพื้นที่",
    "พ1": "บุคลากรและแกนนำมีทักษะการควบคุมโรค",
    "พ2": "มีระบบข้อมูลสารสนเทศที่ทันสมัยและใช้ร่วมกันได้",
    "พ3": "มีการจัดการความรู้และถอดบทเรียนอย่างเป็นระบบ",
}

LINKS = [
    ("พ0", "พ1"),  # a chain within the foundation level
    ("พ1", "ก1"),
    ("พ2", "ก1"),
    ("ก1", "ภ1"),
    ("ก1", "ภ2"),
    ("ภ1", "ป1"),
    ("ภ2", "ป1"),
    ("ภ2", "ป2"),
    ("ป1", "ป3"),  # a chain within the people level
]


def hand_map() -> RouteMap:
    """Ids are the codes here, to keep the expectations readable; พ3 stands alone."""
    m = RouteMap(destination="ตำบลปลอดโรคไข้เลือดออก ภายในปี 2570")
    for code, text in TEXTS.items():
        m.objectives.append(Objective(id=code, code=code, perspective=LEVEL_OF[code[0]], text=text))  # type: ignore[arg-type]
    m.links = [Link(source=s, target=t) for s, t in LINKS]
    m.touch()
    return m


def test_objective_graph_has_objectives_in_map_order_and_links_as_edges() -> None:
    m = hand_map()
    m.links.append(Link(source="ก1", target="ก1"))  # to itself: no cause and effect
    m.links.append(Link(source="พ3", target="o404"))  # to nowhere
    m.links.append(Link(source="พ1", target="ก1"))  # twice: one edge
    g = objective_graph(m)
    assert list(g.nodes) == list(TEXTS)
    assert set(g.edges) == set(LINKS)
    assert g.nodes["ภ2"]["perspective"] == "stakeholder"
    assert g.nodes["ก1"]["code"] == "ก1"
    assert g.nodes["ป1"]["key_route"] is False


def test_full_graph_adds_stakeholders_and_their_assignments() -> None:
    m = hand_map()
    m.stakeholders = [
        Stakeholder(id="s1", name="องค์การบริหารส่วนตำบลบ้านใหม่"),
        Stakeholder(id="s2", name="อาสาสมัครสาธารณสุขประจำหมู่บ้าน"),
        Stakeholder(id="ก1", name="ภาคีที่ใช้รหัสซ้ำกับเป้าประสงค์"),
    ]
    obj = m.objective("ภ1")
    assert obj is not None
    obj.stakeholders = ["s1", "s2", "s404"]
    obj2 = m.objective("ภ2")
    assert obj2 is not None
    obj2.stakeholders = ["s2"]
    g = full_graph(m)
    assert g.nodes["s1"]["kind"] == "stakeholder"
    assert g.nodes["s1"]["name"] == "องค์การบริหารส่วนตำบลบ้านใหม่"
    assert g.nodes["ก1"]["kind"] == "objective"  # the objective keeps its id
    assert "s404" not in g
    assigned = {(u, v) for u, v, k in g.edges(data="kind") if k == "assigned"}
    assert assigned == {("s1", "ภ1"), ("s2", "ภ1"), ("s2", "ภ2")}
    links = {(u, v) for u, v, k in g.edges(data="kind") if k == "link"}
    assert links == set(LINKS)


def test_ancestors_descendants_and_related() -> None:
    m = hand_map()
    assert ancestors(m, "ภ2") == {"ก1", "พ1", "พ2", "พ0"}
    assert descendants(m, "ภ2") == {"ป1", "ป2", "ป3"}
    assert related(m, "ภ2") == {"ก1", "พ1", "พ2", "พ0", "ภ2", "ป1", "ป2", "ป3"}
    assert ancestors(m, "พ0") == set()
    assert descendants(m, "ป3") == set()
    assert related(m, "ภ1") == {"พ0", "พ1", "พ2", "ก1", "ภ1", "ป1", "ป3"}  # not ภ2's ป2
    assert related(m, "พ3") == {"พ3"}
    assert related(m, "o404") == set()
    assert ancestors(m, "o404") == set() and descendants(m, "o404") == set()


def test_related_follows_the_map_after_a_change() -> None:
    m = hand_map()
    assert "พ3" not in related(m, "ป1")
    m.links.append(Link(source="พ3", target="ก1"))
    assert "พ3" in related(m, "ป1")


def test_routes_run_from_the_start_of_foundation_chains_to_the_top_of_people_chains() -> None:
    m = hand_map()
    assert routes(m) == [
        ["พ0", "พ1", "ก1", "ภ1", "ป1", "ป3"],
        ["พ0", "พ1", "ก1", "ภ2", "ป1", "ป3"],
        ["พ0", "พ1", "ก1", "ภ2", "ป2"],
        ["พ2", "ก1", "ภ1", "ป1", "ป3"],
        ["พ2", "ก1", "ภ2", "ป1", "ป3"],
        ["พ2", "ก1", "ภ2", "ป2"],
    ]


def test_routes_are_the_simple_paths_between_route_ends() -> None:
    m = hand_map()
    m.links.append(Link(source="พ3", target="ภ2"))
    m.links.append(Link(source="ภ1", target="ภ2"))
    found = routes(m)
    g = nx.DiGraph([(lk.source, lk.target) for lk in m.links])
    expected: list[list[str]] = []
    for start in ("พ0", "พ2", "พ3"):
        for end in ("ป2", "ป3"):
            expected.extend(nx.all_simple_paths(g, start, end))
    assert sorted(found) == sorted(expected)
    assert len(found) == len({tuple(r) for r in found})


def test_routes_ignore_loops_and_stop_at_a_route_end() -> None:
    m = hand_map()
    m.links.append(Link(source="ภ1", target="ก1"))  # a loop ก1 → ภ1 → ก1
    m.links.append(Link(source="ป3", target="ภ2"))  # down from the top of the people chain
    for route in routes(m):
        assert len(route) == len(set(route))
        assert route[-1] in ("ป2", "ป3")
        assert "ป3" not in route[:-1]


def test_routes_need_both_ends() -> None:
    m = hand_map()
    m.objectives = [o for o in m.objectives if o.perspective != "people"]
    m.touch()
    assert routes(m) == []
    assert routes(RouteMap()) == []


def test_routes_limit() -> None:
    m = hand_map()
    everything = routes(m)
    assert routes(m, limit=2) == everything[:2]
    assert routes(m, limit=0) == []
    assert routes(m, limit=len(everything)) == everything


def _layered_map(per_level: int) -> RouteMap:
    """Every objective linked to every objective of the level above: per_level ** 4 routes."""
    m = RouteMap()
    levels = ["foundation", "process", "stakeholder", "people"]
    for level in levels:
        for i in range(per_level):
            m.objectives.append(
                Objective(id=f"{level}{i}", perspective=level, text=f"เป้าประสงค์ระดับ{level}ข้อที่{i}")  # type: ignore[arg-type]
            )
    for low, high in zip(levels, levels[1:], strict=False):
        for i in range(per_level):
            for j in range(per_level):
                m.links.append(Link(source=f"{low}{i}", target=f"{high}{j}"))
    m.touch()
    return m


def test_routes_stay_bounded_on_a_dense_map() -> None:
    m = _layered_map(15)  # 50,625 routes in all
    started = time.perf_counter()
    found = routes(m, limit=500)
    elapsed = time.perf_counter() - started
    assert len(found) == 500
    assert len({tuple(r) for r in found}) == 500
    assert all(r[0].startswith("foundation") and r[-1].startswith("people") for r in found)
    assert elapsed < 2.0
    assert routes(m, limit=500) == found  # deterministic


# -- the checks' graph findings agree with networkx asked directly, on random maps -----------


def _random_map(seed: int, n: int, links: int) -> RouteMap:
    import random

    rng = random.Random(seed)
    m = RouteMap()
    for i in range(n):
        perspective = rng.choice(PERSPECTIVE_IDS)
        m.objectives.append(
            Objective(
                id=f"o{i}",
                code=f"ก{i}",
                perspective=perspective,
                text="งานป้องกันโรคไข้เลือดออกในชุมชน",
                key_route=rng.random() < 0.3,
            )
        )
    for _ in range(links):
        a, b = rng.randrange(n), rng.randrange(n)
        m.links.append(Link(source=f"o{a}", target=f"o{b}"))
    m.links.append(Link(source="o0", target="ไม่มี"))  # a dangling link is left out of the graph
    return m


def _reference(m: RouteMap) -> nx.DiGraph:
    """The map's arrows as a networkx graph built here, independently of srmtool.model.graph."""
    g = nx.DiGraph()
    g.add_nodes_from(o.id for o in m.objectives)
    known = set(g)
    g.add_edges_from(
        (lk.source, lk.target) for lk in m.links if lk.source != lk.target and {lk.source, lk.target} <= known
    )
    return g


@pytest.mark.parametrize("seed", range(40))
def test_graph_findings_match_networkx(seed: int) -> None:
    from srmtool.model import check_map

    m = _random_map(seed, n=5 + seed, links=2 * seed + 3)
    reference = _reference(m)
    level = {o.id: o.perspective for o in m.objectives}
    findings = check_map(m)

    def found(code: str) -> list[set[str]]:
        return [set(f.ids) for f in findings if f.code == code]

    loops = [c for c in nx.strongly_connected_components(reference) if len(c) > 1]
    assert sorted(map(sorted, found("link-cycle"))) == sorted(map(sorted, loops))
    people = [n for n in reference if level[n] == "people"]
    stranded = {n for n in reference if not any(n == p or nx.has_path(reference, n, p) for p in people)}
    assert set().union(*found("no-route-to-people")) == stranded
    key = [o.id for o in m.objectives if o.key_route]
    pieces = nx.number_weakly_connected_components(reference.subgraph(key)) if key else 0
    assert bool(found("key-route-split")) == (pieces > 1)
    for node in reference.nodes:
        assert ancestors(m, node) == nx.ancestors(reference, node)
        assert descendants(m, node) == nx.descendants(reference, node)
    effects = [n for n in reference.nodes if n.endswith("1")]
    expected = set(effects).union(*(nx.ancestors(reference, e) for e in effects))
    assert leading_to(objective_graph(m), effects) == expected
