"""The picture: Graphviz lays the routing out top to bottom (entry points, flows, queues,
teams, people: narrow enough for a pull request's width). A change's marks are a colour, a
border style and a written tag each, so they read in grey too; what the change does not
touch is dimmed."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterable

import graphviz

from zoomcc.review.comparison import Review
from zoomcc.review.routing import Edge, Node, Routing

FONT = "DejaVu Sans"
MINUS = "\u2212"
TAGS = {
    "added": "+ ADDED",
    "changed": "~ CHANGED",
    "replaced": "\u00b1 REPLACED",
    "deleted": f"{MINUS} REMOVED",
}
STATUS_STYLE: dict[str, dict[str, str]] = {
    "added": {"color": "#1a7f37", "fillcolor": "#dafbe1", "style": "filled,bold", "penwidth": "3"},
    "changed": {
        "color": "#9a6700",
        "fillcolor": "#fff8c5",
        "style": "filled,dashed",
        "penwidth": "3",
    },
    "replaced": {
        "color": "#8250df",
        "fillcolor": "#fbefff",
        "style": "filled,bold",
        "penwidth": "2",
        "peripheries": "2",
    },
    "deleted": {
        "color": "#cf222e",
        "fillcolor": "#ffebe9",
        "style": "filled,dotted",
        "penwidth": "3",
    },
    "dimmed": {
        "color": "#c8c8c8",
        "fillcolor": "#ffffff",
        "fontcolor": "#8c8c8c",
        "style": "filled",
    },
}
KIND_STYLE: dict[str, dict[str, str]] = {
    "entry": {"shape": "box", "fillcolor": "#ddf4ff"},
    "campaign": {"shape": "box", "fillcolor": "#ddf4ff"},
    "flow": {"shape": "box", "fillcolor": "#eaeef2"},
    "queue": {"shape": "box", "fillcolor": "#ffffff"},
    "inbox": {"shape": "note", "fillcolor": "#fff8f0"},
    "team": {"shape": "tab", "fillcolor": "#f6f8fa"},
    "person": {"shape": "box", "fillcolor": "#ffffff"},
}
EDGE_STYLE: dict[str, dict[str, str]] = {
    "routes": {"penwidth": "2"},
    "dials": {"penwidth": "2", "label": "dials out"},
    "overflow": {"style": "dashed", "label": "overflow", "constraint": "false"},
    "team": {"color": "#57606a"},
    "agent": {"color": "#57606a", "arrowsize": "0.6"},
    "supervisor": {"color": "#57606a", "style": "dashed", "label": "supervises"},
    "inbox": {"style": "dotted", "label": "messages"},
    "reads": {"style": "dotted", "label": "reads"},
}


class GraphvizMissingError(RuntimeError):
    """Graphviz's ``dot`` is not installed."""


def require_dot() -> None:
    if shutil.which("dot") is None:
        raise GraphvizMissingError(
            "Graphviz's `dot` is not on PATH: install the Debian package `graphviz` "
            "(sudo apt-get install graphviz)"
        )


def node_id(node: Node) -> str:
    """The node's name in the graph (and its SVG ``<title>``): kind and title, no colons."""
    return re.sub(r"[:\\\"]", "_", f"{node.kind} {node.title}")


def _label(node: Node, status: str) -> str:
    title = html.escape(node.title)
    lines = []
    if status in TAGS:
        lines.append(f'<B><FONT POINT-SIZE="12">{TAGS[status]}</FONT></B>')
    lines.append(f"<S>{title}</S>" if status == "deleted" else f"<B>{title}</B>")
    lines += [f'<FONT POINT-SIZE="12">{html.escape(d)}</FONT>' for d in node.details if d]
    return "<" + '<BR ALIGN="LEFT"/>'.join(lines) + '<BR ALIGN="LEFT"/>>'


def _node_attrs(node: Node, review: Review) -> dict[str, str]:
    status = review.status.get(node.key, "")
    attrs = {"style": "filled", "color": "#444444", **KIND_STYLE[node.kind]}
    if review.compared:
        attrs.update(STATUS_STYLE[status or "dimmed"])
        if not status:
            attrs["fillcolor"] = "#ffffff"
    attrs["class"] = f"{node.kind} {status or ('untouched' if review.compared else 'plain')}"
    attrs["label"] = _label(node, status)
    return attrs


def _edge_attrs(edge: Edge, review: Review) -> dict[str, str]:
    attrs = dict(EDGE_STYLE.get(edge.kind, {}))
    status = review.edge_status.get(edge, "")
    if status == "added":
        attrs.update(color="#1a7f37", penwidth="3", fontcolor="#1a7f37")
        attrs["label"] = "+ " + attrs.get("label", "added")
    elif status == "deleted":
        attrs.update(color="#cf222e", penwidth="3", style="dotted", fontcolor="#cf222e")
        attrs["label"] = f"{MINUS} " + attrs.get("label", "removed")
    elif review.compared:
        attrs.update(color="#c8c8c8", fontcolor="#8c8c8c")
    attrs["class"] = f"{edge.kind} {status or ('untouched' if review.compared else 'plain')}"
    return attrs


def _legend(review: Review, title: str) -> str:
    """The title and, with a change, one swatch per mark: colour, border and written tag."""
    rows = [f'<TR><TD COLSPAN="5" ALIGN="LEFT"><B>{html.escape(title)}</B></TD></TR>']
    if review.compared:
        swatches, words = [], []
        for status, tag in TAGS.items():
            style = STATUS_STYLE[status]
            swatches.append(
                f'<TD BGCOLOR="{style["fillcolor"]}" COLOR="{style["color"]}" '
                f'BORDER="3"><B>{tag}</B></TD>'
            )
            words.append(f'<TD><FONT POINT-SIZE="11">{LEGEND_WORDS[status]}</FONT></TD>')
        swatches.append('<TD BORDER="1" COLOR="#c8c8c8"><FONT COLOR="#8c8c8c">grey</FONT></TD>')
        words.append('<TD><FONT POINT-SIZE="11">not touched</FONT></TD>')
        rows += [f"<TR>{''.join(swatches)}</TR>", f"<TR>{''.join(words)}</TR>"]
    rows.append(
        '<TR><TD COLSPAN="5" ALIGN="LEFT"><FONT POINT-SIZE="12">solid arrows: where '
        "calls go; dashed “overflow”: where they go when the queue is closed or full"
        "</FONT></TD></TR>"
    )
    return f'<<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="3">{"".join(rows)}</TABLE>>'


LEGEND_WORDS = {
    "added": "green, thick",
    "changed": "amber, dashed",
    "replaced": "purple, double",
    "deleted": "red, dotted, struck",
}


def graph(
    review: Review, title: str, cluster: str = "team", keep: Iterable[str] | None = None
) -> graphviz.Digraph:
    """The Digraph of ``review``; ``keep`` limits it to those node keys (``--focus``)."""
    routing = review.routing
    shown = set(routing.nodes) if keep is None else set(keep) & set(routing.nodes)
    dot = graphviz.Digraph("routing", engine="dot")
    dot.attr(
        rankdir="TB",
        fontname=FONT,
        fontsize="14",
        nodesep="0.25",
        ranksep="0.7",
        labelloc="b",
        labeljust="l",
        label=_legend(review, title),
        newrank="true",
    )
    dot.attr("node", fontname=FONT, fontsize="14", margin="0.15,0.08")
    dot.attr("edge", fontname=FONT, fontsize="12")
    ids = {key: node_id(node) for key, node in routing.nodes.items()}
    groups = _clusters(routing, cluster, shown)
    placed: set[str] = set()
    for number, (_, members) in enumerate(groups):
        with dot.subgraph(name=f"cluster_{number}") as sub:
            # An empty label: the group's team or flow heads it as a node, so its name would
            # be drawn twice (and with none, the cluster inherits the graph's legend).
            sub.attr(label="", style="rounded", color="#d0d7de")
            for key in members:
                sub.node(ids[key], **_node_attrs(routing.nodes[key], review))
                placed.add(key)
    for key in sorted(shown - placed, key=lambda k: ids[k]):
        dot.node(ids[key], **_node_attrs(routing.nodes[key], review))
    for edge in sorted(routing.edges):
        if edge.src in shown and edge.dst in shown:
            dot.edge(ids[edge.src], ids[edge.dst], **_edge_attrs(edge, review))
    return dot


def _clusters(routing: Routing, cluster: str, shown: set[str]) -> list[tuple[str, list[str]]]:
    """Groups of node keys: a team with its people, or a flow with its entry points and the
    queues only it routes to; each node in one group at most."""
    taken: set[str] = set()
    groups: list[tuple[str, list[str]]] = []
    kind = {"team": "team", "flow": "flow"}.get(cluster)
    for key, node in sorted(routing.nodes.items(), key=lambda item: item[1].title):
        if node.kind != kind or key not in shown:
            continue
        if kind == "team":
            members = [k for e in ("agent", "supervisor") for k in routing.targets(key, e)]
        else:
            members = routing.sources(key, "routes") + [
                q for q in routing.targets(key, "routes") if routing.sources(q, "routes") == [key]
            ]
        keys = [k for k in [key, *members] if k in shown and k not in taken]
        taken.update(keys)
        groups.append((node.title, keys))
    return groups


def render(dot: graphviz.Digraph, fmt: str) -> bytes:
    require_dot()
    if fmt == "png":
        dot = dot.copy()
        dot.attr(dpi="110")
    data: bytes = dot.pipe(format=fmt)
    return data
