"""`zoomcc review`: a picture of a contact center's routing from a stack's state, and of what a
change (a ``pulumi preview --json``) does to it, with a Markdown summary for a pull request.

state (objects before/after) -> model (routing of each) -> changes (statuses, effects)
-> drawing (SVG, PNG) and summary (Markdown).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zoomcc.review import drawing, focus, summary
from zoomcc.review.comparison import Review, compare
from zoomcc.review.routing_graph import build
from zoomcc.review.stack_state import StateObject, load_snapshot

__all__ = ["Outputs", "Review", "make_review", "write_review"]


@dataclass(frozen=True)
class Outputs:
    svg: Path
    png: Path
    markdown: Path


def make_review(
    objects: Iterable[StateObject],
    preview: Mapping[str, Any] | None = None,
    flow_dirs: Sequence[Path] = (),
) -> Review:
    """The routing of ``objects`` and, with a preview, what its steps change."""
    snapshot = load_snapshot(objects, preview)
    before = build(snapshot.before, flow_dirs)
    after = build(snapshot.after, flow_dirs) if preview is not None else before
    return compare(before, after, snapshot.steps, compared=preview is not None)


def write_review(
    review: Review,
    out: Path,
    title: str,
    *,
    cluster: str = "team",
    focus_queue: str | None = None,
    picture_url: str | None = None,
) -> Outputs:
    """``routing.svg``, ``routing.png`` and ``routing.md`` in ``out``."""
    drawing.require_dot()
    keep = None
    if focus_queue:
        queue = focus.queue_key(review.routing, focus_queue)
        keep = focus.neighbourhood(review.routing, queue)
        title = f"{title}: queue {review.routing.nodes[queue].title.removeprefix('Queue ')}"
    out.mkdir(parents=True, exist_ok=True)
    dot = drawing.graph(review, title, cluster, keep)
    paths = Outputs(out / "routing.svg", out / "routing.png", out / "routing.md")
    paths.svg.write_bytes(drawing.render(dot, "svg"))
    paths.png.write_bytes(drawing.render(dot, "png"))
    text = summary.markdown(review, title, picture_url or paths.png.name, keep)
    paths.markdown.write_text(text, encoding="utf-8")
    return paths
