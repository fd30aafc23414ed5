"""``--focus QUEUE``: one queue's neighbourhood, so a large account's picture stays readable.

Kept: what sends calls to the queue (flows, the entry points of those flows, campaigns,
queues overflowing into it), who takes them (its teams and their people, its agents and
supervisors), and where its calls go when it is closed or full.
"""

from __future__ import annotations

from zoomcc.review.routing import Routing

UPSTREAM = frozenset({"routes", "dials", "overflow"})
DOWNSTREAM = frozenset({"team", "agent", "supervisor"})


class UnknownQueueError(ValueError):
    """No queue has the name given to ``--focus``."""


def queue_key(routing: Routing, name: str) -> str:
    wanted = name.strip().lower()
    for key, node in routing.nodes.items():
        if node.kind == "queue" and node.title.lower() in (wanted, f"queue {wanted}"):
            return key
    known = sorted(
        n.title.removeprefix("Queue ") for n in routing.nodes.values() if n.kind == "queue"
    )
    raise UnknownQueueError(f"no queue named {name!r}; queues: {', '.join(known) or 'none'}")


def neighbourhood(routing: Routing, queue: str) -> set[str]:
    keep = {queue}
    _walk(routing, {queue}, keep, upstream=True)
    _walk(routing, {queue}, keep, upstream=False)
    for edge in routing.edges:  # one step either way: overflow targets, inboxes
        if queue in (edge.src, edge.dst):
            keep.update((edge.src, edge.dst))
    return keep


def _walk(routing: Routing, start: set[str], keep: set[str], upstream: bool) -> None:
    frontier = set(start)
    kinds = UPSTREAM if upstream else DOWNSTREAM
    while frontier:
        found = {
            (edge.src if upstream else edge.dst)
            for edge in routing.edges
            if edge.kind in kinds and (edge.dst if upstream else edge.src) in frontier
        } - keep
        keep.update(found)
        frontier = found
