"""The Markdown summary for a pull request: the picture, one line per effect a caller or an
agent would notice, and where each entry point's calls go."""

from __future__ import annotations

from zoomcc.review import hours
from zoomcc.review.comparison import Review
from zoomcc.review.routing import Routing


def call_paths(routing: Routing, keep: set[str] | None = None) -> list[str]:
    """ "+1 415 555 0100 → Flow Support IVR → Queue Support (open Mon-Fri ...)"."""
    lines = []
    for key, node in sorted(routing.nodes.items(), key=lambda item: item[1].title):
        if node.kind != "entry" or (keep is not None and key not in keep):
            continue
        for flow in routing.targets(key, "routes"):
            queues = [
                f"{routing.nodes[q].title} ({_open(routing, q)})"
                for q in routing.targets(flow, "routes")
            ]
            tail = " → " + " or ".join(queues) if queues else ""
            lines.append(f"{node.title} → {routing.nodes[flow].title}{tail}")
    return lines


def _open(routing: Routing, queue: str) -> str:
    facts = routing.queues.get(queue)
    if facts is None:
        return "hours unknown"
    return "open " + hours.schedule_words(facts.week, facts.closures)


def markdown(review: Review, title: str, picture: str, keep: set[str] | None = None) -> str:
    """The summary, the picture linked as ``picture`` (a path or URL)."""
    parts = [f"## {title}", "", f"![Routing picture]({picture})", ""]
    if review.compared:
        count = len(review.effects)
        if count:
            noun = "effect" if count == 1 else "effects"
            parts += [f"**{count} {noun} a caller or an agent will notice:**", ""]
            parts += [f"- {line}" for line in review.effects]
        else:
            parts.append("**No effect a caller or an agent would notice.**")
        parts.append("")
    paths = call_paths(review.after, keep)
    if paths:
        when = " after the change" if review.compared else ""
        parts += [f"<details><summary>Where a call on each entry point goes{when}</summary>", ""]
        parts += [f"- {line}" for line in paths]
        parts += ["", "</details>", ""]
    return "\n".join(parts)
