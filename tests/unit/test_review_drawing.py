"""The picture's SVG: a node per object with its kind and mark, an edge per link."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.unit.test_review_model import PREVIEW, STATE, flow_dir
from zoomcc.cli import app
from zoomcc.review import make_review, write_review
from zoomcc.review.drawing import graph
from zoomcc.review.focus import UnknownQueueError
from zoomcc.review.stack_state import read_state

SVG = "{http://www.w3.org/2000/svg}"


def svg_marks(path: Path) -> dict[tuple[str, str], str]:
    """("node", "<kind> <title>") or ("edge", "<from>-><to>") -> its mark (the SVG class
    after the kind: added, changed, replaced, deleted, untouched, or plain)."""
    found: dict[tuple[str, str], str] = {}
    for group in ET.parse(path).iter(f"{SVG}g"):
        classes = (group.get("class") or "").split()
        title = group.find(f"{SVG}title")
        if len(classes) == 3 and classes[0] in ("node", "edge") and title is not None:
            found[(classes[0], title.text or "")] = classes[2]
    return found


def render(tmp_path: Path, preview: bool, **options: Any) -> dict[tuple[str, str], str]:
    review = make_review(read_state(STATE), PREVIEW if preview else None, [flow_dir(tmp_path)])
    out = write_review(review, tmp_path / "out", "Routing", **options)
    return svg_marks(out.svg)


MARKS = [
    ("node", "entry +1 415 555 0100", "changed"),
    ("node", "flow Flow Support IVR", "untouched"),
    ("node", "flow Flow Support IVR v2", "added"),
    ("node", "queue Queue Support", "changed"),
    ("node", "queue Queue Billing", "replaced"),
    ("node", "person ana@example.com", "changed"),
    ("node", "person dana@example.com", "untouched"),
    ("node", "campaign Campaign Spring campaign", "untouched"),
    ("edge", "entry +1 415 555 0100->flow Flow Support IVR", "deleted"),
    ("edge", "entry +1 415 555 0100->flow Flow Support IVR v2", "added"),
    ("edge", "flow Flow Support IVR->queue Queue Support", "untouched"),
    ("edge", "queue Queue Billing->queue Queue Support", "untouched"),
    ("edge", "team Team Tier 1->person chloe@example.com", "untouched"),
]


@pytest.mark.parametrize(("kind", "title", "mark"), MARKS)
def test_the_picture_marks_what_the_change_touches_and_dims_the_rest(
    kind: str, title: str, mark: str, tmp_path: Path
) -> None:
    assert render(tmp_path, preview=True)[(kind, title)] == mark


def test_without_a_preview_every_object_is_drawn_unmarked(tmp_path: Path) -> None:
    marks = render(tmp_path, preview=False)
    assert set(marks.values()) == {"plain"}
    assert ("node", "flow Flow Support IVR v2") not in marks


def test_the_legend_names_each_mark_in_words(tmp_path: Path) -> None:
    render(tmp_path, preview=True)
    text = (tmp_path / "out" / "routing.svg").read_text()
    for words in ("+ ADDED", "~ CHANGED", "REPLACED", "REMOVED", "not touched", "overflow"):
        assert words in text


FOCUS = [
    (
        "Billing",
        {"queue Queue Billing", "flow Flow Support IVR", "person chloe@example.com"},
        {"team Team Tier 1"},
    ),
    (
        "support",
        {
            "queue Queue Support",
            "team Team Tier 1",
            "person ana@example.com",
            "campaign Campaign Spring campaign",
        },
        set(),
    ),
]


@pytest.mark.parametrize(("queue", "kept", "left_out"), FOCUS)
def test_focus_draws_one_queue_with_what_feeds_it_and_who_answers(
    queue: str, kept: set[str], left_out: set[str], tmp_path: Path
) -> None:
    nodes = {t for k, t in render(tmp_path, preview=False, focus_queue=queue) if k == "node"}
    assert kept <= nodes
    assert not left_out & nodes
    assert "entry +1 415 555 0100" in nodes


def test_an_unknown_focus_queue_names_the_queues_there_are(tmp_path: Path) -> None:
    with pytest.raises(UnknownQueueError, match="queues: Billing, Support"):
        render(tmp_path, preview=False, focus_queue="Sales")


CLUSTERS = [
    ("team", {"team Team Tier 1", "person ana@example.com", "person dana@example.com"}),
    ("flow", {"flow Flow Support IVR", "entry +1 415 555 0100", "queue Queue Billing"}),
]


@pytest.mark.parametrize(("cluster", "together"), CLUSTERS)
def test_clusters_box_a_team_with_its_people_or_a_flow_with_what_only_it_feeds(
    cluster: str, together: set[str], tmp_path: Path
) -> None:
    review = make_review(read_state(STATE), None, [flow_dir(tmp_path)])
    source = graph(review, "Routing", cluster).source
    boxes = re.findall(r"subgraph cluster_\d+ \{(.*?)\n\t\}", source, re.S)
    assert any(all(f'"{title}"' in box for title in together) for box in boxes), source


def test_without_graphviz_the_command_fails_in_one_line_naming_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / "state.json"
    state.write_text(json.dumps(STATE))
    monkeypatch.setenv("PATH", str(tmp_path))
    result = CliRunner().invoke(app, ["review", str(state), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "Debian package `graphviz`" in result.output


@pytest.mark.parametrize("cluster", ["team", "flow"])
def test_a_cluster_is_headed_by_its_team_or_flow_drawn_once(cluster: str, tmp_path: Path) -> None:
    review = make_review(read_state(STATE), None, [flow_dir(tmp_path)])
    out = write_review(review, tmp_path / "out", "Routing", cluster=cluster)
    texts = [t.text for t in ET.parse(out.svg).iter(f"{SVG}text")]
    head = "Team Tier 1" if cluster == "team" else "Flow Support IVR"
    assert texts.count(head) == 1, texts
    assert texts.count("Routing") == 1, texts  # the legend's title, the graph's label
