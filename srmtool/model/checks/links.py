"""Checks of the links and routes, over the objective graph (``graph.objective_graph``, networkx).
Each check yields ``Raw`` findings; ``checks.check_map`` turns them into findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from srmtool.model.checks.text import Raw, Refs, level_en, level_th, names
from srmtool.model.graph import LEVEL, leading_to
from srmtool.model.types import PERSPECTIVE_IDS, RouteMap

if TYPE_CHECKING:
    import networkx as nx

_PEOPLE = PERSPECTIVE_IDS[0]


def run(route_map: RouteMap, graph: nx.DiGraph, refs: Refs) -> Iterator[Raw]:
    yield from _link_items(route_map, refs)
    yield from _cycles(graph, refs)
    yield from _directions(route_map, graph, refs)
    yield from _reach(route_map, graph, refs)
    yield from _key_route(route_map, graph, refs)


def _in_map_order(refs: Refs, ids: set[str]) -> list[str]:
    return sorted(ids, key=refs.order.__getitem__)


def _link_items(route_map: RouteMap, refs: Refs) -> Iterator[Raw]:
    """Links one by one: to itself, repeated, or to an objective that does not exist."""
    counts = Counter((lk.source, lk.target) for lk in route_map.links)
    for (source, target), n in counts.items():
        if n == 1 and source != target and source in refs.by_id and target in refs.by_id:
            continue  # the usual case: nothing to name
        src_th, dst_th, src_en, dst_en = refs.th(source), refs.th(target), refs.en(source), refs.en(target)
        missing = [i for i in dict.fromkeys((source, target)) if i not in refs.by_id]
        if missing:
            listed = ", ".join(missing)
            yield (
                "link-missing-objective",
                (source, target),
                f"ลูกศรจาก {src_th} ไปยัง {dst_th} อ้างถึงเป้าประสงค์ที่ไม่มีในแผนที่ ({listed})",
                f"The link from {src_en} to {dst_en} refers to an objective that is not on the map"
                f" ({listed})",
            )
        if source == target:
            yield (
                "self-link",
                (source,),
                f"เป้าประสงค์ {src_th} มีลูกศรชี้เข้าหาตัวเอง เหตุและผลต้องเป็นคนละเป้าประสงค์",
                f"Objective {src_en} has a link to itself; a cause and its effect are two objectives",
            )
        if n > 1:
            yield (
                "duplicate-link",
                (source, target),
                f"ลูกศรจาก {src_th} ไปยัง {dst_th} ซ้ำกัน {n} เส้น",
                f"The link from {src_en} to {dst_en} appears {n} times",
            )


def _cycles(graph: nx.DiGraph, refs: Refs) -> Iterator[Raw]:
    """One finding per strongly connected component: every loop through it at once (listing
    each simple cycle would explode on a densely linked map)."""
    import networkx as nx

    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        members = [refs.by_id[i] for i in _in_map_order(refs, component)]
        yield (
            "link-cycle",
            tuple(o.id for o in members),
            f"ลูกศรวนเป็นวง ผลย้อนกลับมาเป็นเหตุของตัวเอง ระหว่างเป้าประสงค์ {names(members, 'th')}"
            " ควรตรวจทิศทางของลูกศรในวงนี้",
            f"Links form a loop, an effect leading back to its own cause, among objectives"
            f" {names(members, 'en')}; check the direction of the arrows in this loop",
        )


def _directions(route_map: RouteMap, graph: nx.DiGraph, refs: Refs) -> Iterator[Raw]:
    """Arrows whose effect lies below its cause. Arrows within one level are fine."""
    label = {pid: level_th(route_map, pid) for pid in PERSPECTIVE_IDS}
    level = {n: LEVEL[p] for n, p in graph.nodes(data="perspective")}
    for source, target in graph.edges:
        if level[target] <= level[source]:
            continue
        cause, effect = refs.by_id[source], refs.by_id[target]
        yield (
            "downward-link",
            (source, target),
            f"ลูกศรจาก {refs.th(source)} ({label[cause.perspective]})"
            f" ชี้ลงไปยัง {refs.th(target)} ({label[effect.perspective]})"
            " ตามหลักแผนที่ทางเดินยุทธศาสตร์ เหตุอยู่ระดับล่างและผลอยู่ระดับบน",
            f"The link from {refs.en(source)} ({level_en(route_map, cause.perspective)}) points"
            f" down to {refs.en(target)} ({level_en(route_map, effect.perspective)}); in a route"
            " map a cause sits below its effect",
        )


def _reach(route_map: RouteMap, graph: nx.DiGraph, refs: Refs) -> Iterator[Raw]:
    """Objectives that lead to no people-level objective, and people objectives nothing leads to."""
    th, en = level_th(route_map, _PEOPLE), level_en(route_map, _PEOPLE)
    reached = leading_to(graph, (n for n, p in graph.nodes(data="perspective") if p == _PEOPLE))
    for n in graph.nodes:
        o = refs.by_id[n]
        if n not in reached:
            yield (
                "no-route-to-people",
                (n,),
                f"เป้าประสงค์ {refs.th(n)} ไม่มีเส้นทางขึ้นไปถึง{th}",
                f"Objective {refs.en(n)} has no route up to any objective of the {en}",
            )
        elif o.perspective == _PEOPLE and not graph.pred[n]:
            yield (
                "people-without-cause",
                (n,),
                f"เป้าประสงค์{th} {refs.th(n)} ยังไม่มีเป้าประสงค์ใดนำไปสู่ (ไม่มีลูกศรชี้เข้า)",
                f"Objective {refs.en(n)} of the {en} has nothing leading to it (no incoming link)",
            )


def _key_route(route_map: RouteMap, graph: nx.DiGraph, refs: Refs) -> Iterator[Raw]:
    """The key route may branch, but its objectives should hang together through their links
    (weakly connected), and it should reach the people level."""
    import networkx as nx

    key = [n for n, k in graph.nodes(data="key_route") if k]
    if not key:
        return
    pieces = [_in_map_order(refs, c) for c in nx.weakly_connected_components(graph.subgraph(key))]
    if len(pieces) > 1:
        pieces.sort(key=lambda p: refs.order[p[0]])
        listed = " | ".join(", ".join(refs.by_id[i].code.strip() or i for i in p) for p in pieces)
        yield (
            "key-route-split",
            tuple(key),
            f"เส้นทางหลักขาดตอน แยกเป็น {len(pieces)} ส่วนที่ไม่มีลูกศรเชื่อมถึงกัน ({listed})"
            " ควรเชื่อมเป้าประสงค์บนเส้นทางหลักให้ต่อเนื่องกัน",
            f"The key route falls apart into {len(pieces)} pieces with no links between them"
            f" ({listed}); connect the key-route objectives into one route",
        )
    if not any(refs.by_id[n].perspective == _PEOPLE for n in key):
        yield (
            "key-route-without-people",
            tuple(key),
            f"เส้นทางหลักยังไม่ไปถึงเป้าประสงค์{level_th(route_map, _PEOPLE)}"
            f" ควรเลือกเป้าประสงค์{level_th(route_map, _PEOPLE)}ที่เป็นปลายทาง",
            f"The key route does not reach the {level_en(route_map, _PEOPLE)}; choose the objective of that"
            " level it leads to",
        )
