"""``zoomcc review --from-account``: a live account's routing, read by ``zoomcc export``'s
reader (``exporter.read_account``: objects, their memberships and settings, flow JSON).

The review package does not import the exporter or the client (they sit beside it, below
the CLI): the CLI reads and passes the objects, taken here by their shape. Each becomes a
``StateObject`` keyed ``Type:id`` with the SDK's argument names, so the routing model reads
it as it reads a stack's state.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from zoomcc.resources.base import BaseSpec
from zoomcc.resources.spec import ResourceSpec
from zoomcc.review.stack_state import StateObject

TYPES = (
    "Queue",
    "Team",
    "User",
    "Flow",
    "Inbox",
    "OutboundCampaign",
    "BusinessHours",
    "ClosureSet",
    "AgentRoutingProfile",
    "ConsumerRoutingProfile",
    "Skill",
    "SkillCategory",
    "Disposition",
    "DispositionSet",
    "QueueAgents",
    "QueueSupervisors",
    "QueueTeams",
    "TeamAgents",
    "TeamSupervisors",
    "InboxQueues",
    "InboxUsers",
    "UserSkills",
    "FlowEntryPoints",
    "QueueDispositionSets",
    "QueueDispositions",
    "QueueOperatingHours",
)
"""What the routing picture shows: read these, and nothing else, from the account."""
FLOW_FILE = "flow_file"
"""Where the exporter keeps a flow's JSON among an object's files."""


class Exported(Protocol):
    """An object ``exporter.read_account`` read."""

    @property
    def spec(self) -> BaseSpec: ...
    @property
    def object_id(self) -> str: ...
    @property
    def live(self) -> dict[str, Any]: ...
    @property
    def files(self) -> dict[str, str]: ...
    @property
    def parent_id(self) -> str: ...


def live_objects(exported: Iterable[Exported]) -> list[StateObject]:
    return [_object(obj) for obj in exported]


def _object(obj: Exported) -> StateObject:
    spec = obj.spec
    values: dict[str, Any] = dict(obj.live)
    if isinstance(spec, ResourceSpec):  # API field names; memberships hold arguments already
        values = {spec.friendly(k): v for k, v in obj.live.items()}
    flow = obj.files.get(FLOW_FILE)
    if flow:
        values["flow_content"] = _json(flow)
    own_id = obj.object_id if isinstance(spec, ResourceSpec) else obj.parent_id
    return StateObject(f"{spec.name}:{obj.object_id}", spec.name, own_id, own_id, values)


def _json(text: str) -> Mapping[str, Any]:
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}
