"""The map as a graph: causes, effects and routes (DESIGN.md §4), with networkx.

Edges point from cause to effect, as the map's arrows do. Graphs are built fresh from the map on
every call (a few milliseconds for thousands of objectives), so they are never stale; build one
with ``objective_graph`` and reuse it when asking many questions of an unchanged map.

networkx takes longer to import than a bare window takes to start, so it is imported where it is
used: the editor paints the map first and runs the checks (and route highlighting) afterwards.

Links whose ends do not exist, and links from an objective to itself, are left out of the graphs:
they say nothing about cause and effect, and the checks report them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from srmtool.model.types import PERSPECTIVE_IDS, RouteMap

if TYPE_CHECKING:
    import networkx as nx  # imported where used: the editor's first paint does not wait for it

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
    import networkx as nx

    graph = objective_graph(route_map)
    if objective_id not in graph:
        return set()
    found: set[str] = set()
    if causes:
        found.update(nx.ancestors(graph, objective_id))
    if effects:
        found.update(nx.descendants(graph, objective_id))
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


def leading_to(graph: nx.DiGraph, effects: Iterable[str]) -> set[str]:
    """``effects`` and every node with a path to one of them (a multi-source ``nx.ancestors``)."""
    import networkx as nx

    found = {e for e in effects if e in graph}
    if not found:
        return found
    # One walk from all effects at once against the arrows, rather than one nx.ancestors each.
    reached = nx.multi_source_dijkstra_path_length(graph.reverse(copy=False), found)
    return set(reached)


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
