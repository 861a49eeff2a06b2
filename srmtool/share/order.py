"""The order of an id-keyed list in the Doc: an Array of ids, kept with few edits."""

from __future__ import annotations

import bisect
from typing import Any

from pycrdt import Array


def unmoved(current: list[str], target: list[str]) -> set[str]:
    """The largest set of ids of ``current`` that are already in ``target``'s relative order (a
    longest increasing subsequence): only the others need to move."""
    rank = {item_id: i for i, item_id in enumerate(target)}
    ranks = [rank[i] for i in current if i in rank]
    ids = [i for i in current if i in rank]
    tails: list[int] = []  # the smallest last rank of an increasing run of each length
    tail_at: list[int] = []  # which position of ranks ends that run
    before: list[int] = [-1] * len(ranks)
    for pos, r in enumerate(ranks):
        k = bisect.bisect_left(tails, r)
        if k == len(tails):
            tails.append(r)
            tail_at.append(pos)
        else:
            tails[k] = r
            tail_at[k] = pos
        before[pos] = tail_at[k - 1] if k else -1
    keep: set[str] = set()
    pos = tail_at[-1] if tail_at else -1
    while pos >= 0:
        keep.add(ids[pos])
        pos = before[pos]
    return keep


def sync_order(order: Array[Any], ids: list[str]) -> None:
    """Make the Array ``order`` list exactly ``ids``: drops duplicates and ids not in ``ids``,
    moves the fewest, and inserts each missing id after the one before it."""
    have = [v if isinstance(v, str) else None for v in order.to_py() or []]
    if have == ids:
        return
    wanted = set(ids)
    seen: set[str] = set()
    first: list[int] = []
    for i, item_id in enumerate(have):
        if item_id is not None and item_id in wanted and item_id not in seen:
            seen.add(item_id)
            first.append(i)
    present = [have[i] for i in first]
    keep = unmoved([p for p in present if p is not None], ids)
    keep_at = {i for i in first if have[i] in keep}
    for i in reversed(range(len(have))):
        if i not in keep_at:
            del order[i]
    now = [have[i] for i in sorted(keep_at)]
    for item_id in ids:
        if item_id in keep:
            continue
        index = ids.index(item_id)
        after = ids[index - 1] if index else None
        at = now.index(after) + 1 if after is not None else 0
        order.insert(at, item_id)
        now.insert(at, item_id)
