"""What a change does to the routing: each node's and edge's status for the picture, and one
sentence per effect a caller or an agent would notice for the summary."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from zoomcc.review import hours
from zoomcc.review.routing import Edge, Node, QueueFacts, Routing, skill_words
from zoomcc.review.stack_state import Status


@dataclass
class Review:
    """The routing to draw (after the change, plus what it deletes) and what changed."""

    routing: Routing
    compared: bool
    after: Routing = field(default_factory=Routing)
    """The routing once the change is applied (where calls go then)."""
    status: dict[str, Status] = field(default_factory=dict)
    edge_status: dict[Edge, Status] = field(default_factory=dict)
    effects: list[str] = field(default_factory=list)


def compare(before: Routing, after: Routing, steps: Mapping[str, Status], compared: bool) -> Review:
    union = Routing(
        nodes={**before.nodes, **after.nodes},
        edges=before.edges | after.edges,
        queues={**before.queues, **after.queues},
        skills={**before.skills, **after.skills},
        content=after.content,
    )
    review = Review(union, compared, after)
    if not compared:
        return review
    for key in union.nodes:
        review.status[key] = _node_status(before, after, steps, key)
    for edge in union.edges:
        if (edge in before.edges) != (edge in after.edges):
            review.edge_status[edge] = "added" if edge in after.edges else "deleted"
    effects = Effects(before, after, review)
    for kind in ("entry", "flow", "queue", "team", "inbox", "campaign"):
        for key, node in sorted(union.nodes.items(), key=lambda item: item[1].title):
            if node.kind == kind:
                effects.of(key)
    effects.skills()
    _show_skill_changes(before, after, union)
    for edge in review.edge_status:  # a node whose links change is touched by the change
        if not review.status.get(edge.src):
            review.status[edge.src] = "changed"
    return review


def _show_skill_changes(before: Routing, after: Routing, union: Routing) -> None:
    """A person's node lists the skills the change takes away (struck) or adds."""
    for key, node in union.nodes.items():
        old, new = before.skills.get(key, {}), after.skills.get(key, {})
        if node.kind != "person" or old == new:
            continue
        kept = sorted(new.items())
        lines = [skill_words(name, level) for name, level in kept if old.get(name, -1) == level]
        lines += [f"+ {skill_words(name, level)}" for name, level in kept if name not in old]
        lines += [
            f"{skill_words(name, old[name])} \u2192 {level}"
            for name, level in kept
            if name in old and old[name] != level
        ]
        lines += [
            f"\u2212 {skill_words(name, level)}"
            for name, level in sorted(old.items())
            if name not in new
        ]
        union.nodes[key] = Node(key, node.kind, node.title, (", ".join(lines),))


def _node_status(before: Routing, after: Routing, steps: Mapping[str, Status], key: str) -> Status:
    if key not in before.nodes:
        return "added"
    if key not in after.nodes:
        return "deleted"
    if steps.get(key) == "replaced":
        return "replaced"
    differs = (
        before.nodes[key] != after.nodes[key]
        or before.skills.get(key) != after.skills.get(key)
        or before.content.get(key) != after.content.get(key)
    )
    return "changed" if differs or steps.get(key) == "changed" else ""


class Effects:
    """Sentences for the summary, written into ``review.effects``."""

    def __init__(self, before: Routing, after: Routing, review: Review) -> None:
        self.before, self.after, self.review = before, after, review

    def say(self, subject: str, text: str) -> None:
        line = f"{subject}: {text}"
        if line not in self.review.effects:
            self.review.effects.append(line)

    def title(self, key: str) -> str:
        node = self.review.routing.nodes[key]
        return f"Entry point {node.title}" if node.kind == "entry" else node.title

    def names(self, keys: list[str]) -> str:
        return ", ".join(self.title(k) for k in keys)

    def of(self, key: str) -> None:
        status, subject = self.review.status.get(key, ""), self.title(key)
        if status in ("added", "deleted", "replaced"):
            word = {"added": "added", "deleted": "removed", "replaced": "replaced"}[status]
            if self.review.routing.nodes[key].kind != "entry":
                self.say(subject, word)
        if status == "deleted":
            return
        self._edges(key, subject)
        node = self.review.routing.nodes[key]
        if node.kind == "queue" and status != "added":
            self._queue(key, subject)
        elif status == "changed" and node.kind == "flow" and self._new_version(key):
            self.say(subject, "new version of its call path")
        elif status == "changed" and node.kind in ("campaign", "inbox"):
            old, new = self.before.nodes[key].details, self.after.nodes[key].details
            if old != new:
                self.say(subject, f"now {'; '.join(new)} instead of {'; '.join(old)}")

    def _new_version(self, key: str) -> bool:
        old, new = self.before.content.get(key, ""), self.after.content.get(key, "")
        return bool(old and new and old != new)

    def _edges(self, key: str, subject: str) -> None:
        """Sentences for the edges leaving ``key`` (and the campaigns dialing through it)."""
        for kind, now, gone in EDGE_WORDS:
            old = self.before.targets(key, kind) if key in self.before.nodes else []
            new = self.after.targets(key, kind)
            if kind == "routes" and key.startswith("entry:"):
                if old != new:
                    was = f" instead of {self.names(old)}" if old else ""
                    self.say(
                        subject,
                        f"now routed to {self.names(new)}{was}"
                        if new
                        else f"no longer answered (was routed to {self.names(old)})",
                    )
                continue
            if kind == "overflow" and old and new and old != new:
                self.say(
                    subject,
                    f"when unavailable, calls now go to {self.names(new)} "
                    f"instead of {self.names(old)}",
                )
                continue
            added = [k for k in new if k not in old]
            removed = [k for k in old if k not in new]
            if added:
                self.say(subject, now(self.names(added)))
            if removed:
                self.say(subject, gone(self.names(removed)))
        old_dialers = self.before.sources(key, "dials") if key in self.before.nodes else []
        for dialer in self.after.sources(key, "dials"):
            if dialer not in old_dialers:
                self.say(self.title(dialer), f"now dials through {subject}")

    def _queue(self, key: str, subject: str) -> None:
        old, new = self.before.queues.get(key), self.after.queues.get(key)
        if old is None or new is None:
            return
        for phrase in queue_changes(old, new):
            self.say(subject, phrase)

    def skills(self) -> None:
        """Per skill: which agents gain or lose it, whose proficiency changes."""
        gained: dict[str, list[str]] = {}
        lost: dict[str, list[str]] = {}
        for person in sorted(set(self.before.skills) | set(self.after.skills)):
            old = self.before.skills.get(person, {})
            new = self.after.skills.get(person, {})
            name = (
                self.review.routing.nodes[person].title
                if person in self.review.routing.nodes
                else person.rsplit("::", 1)[-1].removeprefix("User:")
            )
            for skill in sorted(set(old) | set(new)):
                if skill not in old:
                    gained.setdefault(skill, []).append(name)
                elif skill not in new:
                    lost.setdefault(skill, []).append(name)
                elif old[skill] != new[skill]:
                    self.say(
                        f"Skill {skill}",
                        f"{name}'s proficiency now {new[skill]} instead of {old[skill]}",
                    )
        for skill, people in sorted(gained.items()):
            self.say(f"Skill {skill}", f"added to {_count(people)} ({', '.join(people)})")
        for skill, people in sorted(lost.items()):
            self.say(f"Skill {skill}", f"removed from {_count(people)} ({', '.join(people)})")


def _count(people: list[str]) -> str:
    return "1 agent" if len(people) == 1 else f"{len(people)} agents"


EDGE_WORDS: tuple[tuple[str, Callable[[str], str], Callable[[str], str]], ...] = (
    ("routes", lambda n: f"now sends callers to {n}", lambda n: f"no longer sends callers to {n}"),
    (
        "overflow",
        lambda n: f"when unavailable, calls now go to {n}",
        lambda n: f"when unavailable, calls no longer go to {n}",
    ),
    ("team", lambda n: f"{n} now takes its calls", lambda n: f"{n} no longer takes its calls"),
    ("agent", lambda n: f"{n} now takes its calls", lambda n: f"{n} no longer takes its calls"),
    ("supervisor", lambda n: f"{n} now supervises", lambda n: f"{n} no longer supervises"),
    ("inbox", lambda n: f"messages now land in {n}", lambda n: f"messages no longer land in {n}"),
    ("reads", lambda n: f"{n} now reads it", lambda n: f"{n} no longer reads it"),
)


def queue_changes(old: QueueFacts, new: QueueFacts) -> list[str]:
    """What a caller or an agent of the queue notices, one phrase each."""
    found: list[str] = []
    if old.week is not None and new.week is not None:
        found += hours.week_changes(old.week, new.week)
    elif old.week != new.week:
        was = "account default hours" if old.week is None else hours.week_words(old.week)
        now = "account default hours" if new.week is None else hours.week_words(new.week)
        found.append(f"now open {now} instead of {was}")
    found += hours.closure_changes(old.closures, new.closures)
    facts: tuple[tuple[str, str, Callable[[str, str], list[str]]], ...] = (
        (old.channel, new.channel, _instead("now a {} queue instead of {}")),
        (old.max_wait, new.max_wait, _wait_changes),
        (old.agent_profile, new.agent_profile, _instead("agents now chosen by {} instead of {}")),
        (
            old.caller_profile,
            new.caller_profile,
            _instead("callers now ordered by {} instead of {}"),
        ),
    )
    for was, now_, say in facts:
        found += say(was, now_)
    if old.outcomes != new.outcomes:
        found.append(
            f"outcomes now {', '.join(new.outcomes) or 'none'} "
            f"instead of {', '.join(old.outcomes) or 'none'}"
        )
    return found


def _instead(text: str) -> Callable[[str, str], list[str]]:
    """A fact's change said by ``text`` (the new value, then the old one)."""

    def say(was: str, now: str) -> list[str]:
        return [] if was == now else [text.format(now or "nothing", was or "nothing")]

    return say


def _wait_changes(was: str, now: str) -> list[str]:
    """The queue's maximum wait, said plainly when it is set or no longer set."""
    if was == now:
        return []
    if not now:
        return [f"callers' maximum wait ({was}) is no longer set"]
    if not was:
        return [f"callers now wait up to {now} (no maximum wait before)"]
    return [f"callers now wait up to {now} instead of {was}"]
