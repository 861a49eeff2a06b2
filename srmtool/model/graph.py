"""The map as a graph: causes, effects and routes (DESIGN.md §4).

Edges point from cause to effect, as the map's arrows do. Graphs are built fresh from the map on
every call (a few milliseconds for thousands of objectives), so they are never stale; build one
with ``objective_graph`` (a networkx graph) or ``link_graph`` (plain dicts) and reuse it when
asking many questions of an unchanged map.

The checks and the editor's route highlighting use ``link_graph``: importing networkx takes
longer than starting a bare window, so the editor shows a map without it.

Links whose ends do not exist, and links from an objective to itself, are left out of the graphs:
they say nothing about cause and effect, and the checks report them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from srmtool.model.types import PERSPECTIVE_IDS, RouteMap

if TYPE_CHECKING:
    import networkx as nx  # imported where used: the editor starts without waiting for it

#: Level of each perspective, 0 at the top (people) to 3 at the bottom (foundation).
LEVEL: dict[str, int] = {pid: i for i, pid in enumerate(PERSPECTIVE_IDS)}

_TOP = PERSPECTIVE_IDS[0]
_BOTTOM = PERSPECTIVE_IDS[-1]


def objective_graph(route_map: RouteMap) -> nx.DiGraph:
    """Objectives as nodes (in map order, with ``perspective``, ``code`` and ``key_route``
    attributes) and links as edges cause → effect, each pair once, in link order."""
    import networkx as nx

    nodes: dict[str, dict[str, object]] = {}
    for o in route_map.objectives:
        if o.id not in nodes:  # the first of a repeated id wins (the checks report the repeat)
            nodes[o.id] = {"perspective": o.perspective, "code": o.code, "key_route": o.key_route}
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes.items())
    graph.add_edges_from(
        (lk.source, lk.target)
        for lk in route_map.links
        if lk.source != lk.target and lk.source in nodes and lk.target in nodes
    )
    return graph


@dataclass(frozen=True)
class LinkGraph:
    """The objective graph as plain dicts, without networkx: nodes in map order, edges cause →
    effect in link order (each pair once). Same nodes and edges as ``objective_graph``."""

    perspective: dict[str, str]  # node -> its perspective id, in map order
    key_route: dict[str, bool]
    succ: dict[str, dict[str, None]]  # cause -> its effects
    pred: dict[str, dict[str, None]]  # effect -> its causes


def link_graph(route_map: RouteMap) -> LinkGraph:
    """``objective_graph`` of the map as a ``LinkGraph``."""
    perspective: dict[str, str] = {}
    key_route: dict[str, bool] = {}
    for o in route_map.objectives:
        if o.id not in perspective:  # the first of a repeated id wins, as in objective_graph
            perspective[o.id] = o.perspective
            key_route[o.id] = o.key_route
    succ: dict[str, dict[str, None]] = {n: {} for n in perspective}
    pred: dict[str, dict[str, None]] = {n: {} for n in perspective}
    for lk in route_map.links:
        if lk.source != lk.target and lk.source in perspective and lk.target in perspective:
            succ[lk.source][lk.target] = None
            pred[lk.target][lk.source] = None
    return LinkGraph(perspective, key_route, succ, pred)


def _reachable(adjacency: dict[str, dict[str, None]], start: str) -> set[str]:
    """Every node with a path from ``start`` along ``adjacency`` (``start`` itself excluded)."""
    found: set[str] = set()
    frontier = [start]
    while frontier:
        for nxt in adjacency[frontier.pop()]:
            if nxt not in found:
                found.add(nxt)
                frontier.append(nxt)
    found.discard(start)
    return found


def strongly_connected(graph: LinkGraph) -> list[set[str]]:
    """The strongly connected components of the graph (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    for root in graph.perspective:
        if root in index:
            continue
        work = [(root, iter(graph.succ[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, effects = work[-1]
            nxt = next(effects, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph.succ[nxt])))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                components.append(component)
    return components


def weakly_connected(graph: LinkGraph, members: Iterable[str]) -> list[set[str]]:
    """The weakly connected components of the graph restricted to ``members``."""
    inside = set(members)
    seen: set[str] = set()
    components: list[set[str]] = []
    for start in (n for n in graph.perspective if n in inside):
        if start in seen:
            continue
        component = {start}
        frontier = [start]
        while frontier:
            node = frontier.pop()
            for other in (*graph.succ[node], *graph.pred[node]):
                if other in inside and other not in component:
                    component.add(other)
                    frontier.append(other)
        seen |= component
        components.append(component)
    return components


def full_graph(route_map: RouteMap) -> nx.DiGraph:
    """Objectives and stakeholders as nodes (``kind`` is ``"objective"`` or ``"stakeholder"``).

    Edges carry ``kind`` too: ``"link"`` for the map's arrows (cause → effect) and ``"assigned"``
    from a stakeholder to each objective that names it. A stakeholder whose id is also an
    objective's id is left out (the checks report the clash).
    """
    import networkx as nx

    graph = objective_graph(route_map)
    nx.set_node_attributes(graph, "objective", "kind")
    nx.set_edge_attributes(graph, "link", "kind")
    for s in route_map.stakeholders:
        if s.id not in graph:
            graph.add_node(s.id, kind="stakeholder", name=s.name)
    for o in route_map.objectives:
        for sid in o.stakeholders:
            if graph.nodes.get(sid, {}).get("kind") == "stakeholder":
                graph.add_edge(sid, o.id, kind="assigned")
    return graph


def _reach(route_map: RouteMap, objective_id: str, *, causes: bool, effects: bool) -> set[str]:
    graph = link_graph(route_map)
    if objective_id not in graph.perspective:
        return set()
    found: set[str] = set()
    if causes:
        found.update(_reachable(graph.pred, objective_id))
    if effects:
        found.update(_reachable(graph.succ, objective_id))
    return found


def ancestors(route_map: RouteMap, objective_id: str) -> set[str]:
    """Every objective that leads to this one, directly or through others (itself excluded).
    Empty for an id that is not an objective."""
    return _reach(route_map, objective_id, causes=True, effects=False)


def descendants(route_map: RouteMap, objective_id: str) -> set[str]:
    """Every objective this one leads to, directly or through others (itself excluded).
    Empty for an id that is not an objective."""
    return _reach(route_map, objective_id, causes=False, effects=True)


def related(route_map: RouteMap, objective_id: str) -> set[str]:
    """What the editor highlights when an objective is selected: its causes and effects,
    transitively, and the objective itself. Empty for an id that is not an objective."""
    found = _reach(route_map, objective_id, causes=True, effects=True)
    if found or route_map.objective(objective_id) is not None:
        found.add(objective_id)
    return found


def leading_to(graph: nx.DiGraph | LinkGraph, effects: Iterable[str]) -> set[str]:
    """``effects`` and every node with a path to one of them (a multi-source ``nx.ancestors``)."""
    found = set(effects)
    frontier = list(found)
    while frontier:
        for cause in graph.pred[frontier.pop()]:
            if cause not in found:
                found.add(cause)
                frontier.append(cause)
    return found


def _end_components(graph: nx.DiGraph, members: Iterable[str], *, sources: bool) -> set[str]:
    """Members lying in a source (or sink) component of the graph restricted to ``members``:
    the beginnings (or ends) of chains that stay within one level."""
    import networkx as nx

    sub = graph.subgraph(members)
    condensed = nx.condensation(sub)
    degree = condensed.in_degree if sources else condensed.out_degree
    picked: set[str] = set()
    for comp, d in degree:
        if d == 0:
            picked.update(condensed.nodes[comp]["members"])
    return picked


def routes(route_map: RouteMap, limit: int = 1000) -> list[list[str]]:
    """Routes through the map: paths along links from a foundation-level objective up to a
    people-level objective, cause first, each a list of objective ids without repeats.

    A route starts at the beginning of a chain of foundation objectives (one that no other
    foundation objective leads to) and ends at the top of a chain of people objectives, so a
    route is never just the tail of a longer one within a level. The order is deterministic:
    start objectives in map order, then effects in link order.

    Bounded, because the number of paths grows exponentially on big, densely linked maps: at
    most ``limit`` routes are returned, and the search also stops after about ``100 * limit``
    steps, so a call never takes more than a bounded time whatever the map.
    """
    if limit <= 0:
        return []
    graph = objective_graph(route_map)
    bottom = [n for n, p in graph.nodes(data="perspective") if p == _BOTTOM]
    top = [n for n, p in graph.nodes(data="perspective") if p == _TOP]
    if not bottom or not top:
        return []
    starts_set = _end_components(graph, bottom, sources=True)
    ends = _end_components(graph, top, sources=False)
    useful = leading_to(graph, ends)  # only these can still reach an end

    found: list[list[str]] = []
    budget = 100 * limit
    for start in (n for n in graph.nodes if n in starts_set and n in useful):
        path = [start]
        on_path = {start}
        stack = [iter(graph.successors(start))]
        while stack:
            budget -= 1
            if budget < 0:
                return found
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                on_path.discard(path.pop())
                continue
            if nxt in on_path or nxt not in useful:
                continue
            if nxt in ends:
                found.append([*path, nxt])
                if len(found) >= limit:
                    return found
                continue
            path.append(nxt)
            on_path.add(nxt)
            stack.append(iter(graph.successors(nxt)))
    return found
