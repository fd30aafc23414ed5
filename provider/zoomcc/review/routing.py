"""The routing's shape: nodes (entry points, flows, queues, teams, people, inboxes,
campaigns), the links between them, and the facts of each queue a caller meets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zoomcc.review import hours


@dataclass(frozen=True)
class Node:
    key: str
    kind: str
    title: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True, order=True)
class Edge:
    src: str
    dst: str
    kind: str
    """routes, overflow, team, agent, supervisor, inbox, reads, dials."""


@dataclass(frozen=True)
class QueueFacts:
    """What a caller or an agent notices of a queue."""

    week: hours.Week | None
    closures: tuple[str, ...]
    hours_name: str = ""
    channel: str = ""
    max_wait: str = ""
    agent_profile: str = ""
    caller_profile: str = ""
    outcomes: tuple[str, ...] = ()


@dataclass
class Routing:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: set[Edge] = field(default_factory=set)
    queues: dict[str, QueueFacts] = field(default_factory=dict)
    skills: dict[str, dict[str, int | None]] = field(default_factory=dict)
    """Each person's skills: name -> proficiency (None: a text skill, which has no level)."""
    content: dict[str, str] = field(default_factory=dict)
    """Each flow's content hash (a new version routes differently)."""

    def add(self, node: Node) -> None:
        self.nodes.setdefault(node.key, node)

    def link(self, src: str | None, dst: str | None, kind: str) -> None:
        if src and dst and src != dst:
            self.edges.add(Edge(src, dst, kind))

    def targets(self, src: str, kind: str) -> list[str]:
        return sorted(e.dst for e in self.edges if e.src == src and e.kind == kind)

    def sources(self, dst: str, kind: str) -> list[str]:
        return sorted(e.src for e in self.edges if e.dst == dst and e.kind == kind)


def skill_words(name: str, level: int | None) -> str:
    """``French 3``; a text skill (no proficiency level) by its name alone: ``Billing``."""
    return name if level is None else f"{name} {level}"


def phone_words(number: str) -> str:
    """ "+14155550100" -> "+1 415 555 0100" (North American numbers); others as written."""
    if re.fullmatch(r"\+1\d{10}", number):
        return f"+1 {number[2:5]} {number[5:8]} {number[8:]}"
    return number
