"""Membership test data: each membership type with a parent and four members made through the
API, and the calls a test makes "outside Pulumi" (as someone in the web portal would)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from zoomcc.apispec import Operation
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog
from zoomcc.resources.membership import MembershipSpec


def make_queue(
    api: ZoomClient, emulator: EmulatorServer | None = None, name: str = "Support"
) -> str:
    made = api.request(
        "POST", "/contact_center/queues", json={"queue_name": name, "channel": "voice"}
    )
    return str(made["cc_queue_id"])


def make_team(api: ZoomClient, emulator: EmulatorServer | None = None, name: str = "Tier 1") -> str:
    root = next(
        t
        for t in api.paginate("/contact_center/teams", items_key="teams")
        if not t.get("parent_team_id")
    )
    made = api.request(
        "POST",
        "/contact_center/teams",
        json={"team_name": name, "parent_team_id": root["team_id"]},
    )
    return str(made["team_id"])


def seed_users(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    """Four users, named in each way the API accepts: email, Meetings id, Contact Center id."""
    made = emulator.state.seed("users", [{"user_email": f"agent{i}@example.com"} for i in range(4)])
    return [made[0]["user_email"], made[1]["user_id"], made[2]["cc_user_id"], made[3]["user_id"]]


def make_teams(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [make_team(api, name=f"Team {i}") for i in range(4)]


def make_dispositions(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [
        api.request("POST", "/contact_center/dispositions", json={"disposition_name": f"D{i}"})[
            "disposition_id"
        ]
        for i in range(4)
    ]


def make_disposition_sets(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    made = []
    for i in range(4):
        made.append(
            api.request(
                "POST",
                "/contact_center/dispositions/sets",
                json={"disposition_set_name": f"S{i}", "status": "active"},
            )["disposition_set_id"]
        )
    return made


def make_business_hours(api: ZoomClient, name: str) -> str:
    """Business hours for the settings that point at some (a queue's operating hours)."""
    made = api.request(
        "POST",
        "/contact_center/business_hours",
        json={
            "business_hour_name": name,
            "timezone": "America/New_York",
            "hours": {"hour_type": 1},
        },
    )
    return str(made["business_hour_id"])


@dataclass(frozen=True)
class MembershipCase:
    type_name: str
    parent: Callable[[ZoomClient, EmulatorServer], str]
    parent_collection: str | None
    """Where the parent is stored in the emulator (None: no emulated parent, any id works)."""
    members: Callable[[ZoomClient, EmulatorServer], list[Any]]
    """Four distinct members: two declared, one added outside Pulumi, one added by update."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def spec(self) -> MembershipSpec:
        spec = catalog.get(self.type_name)
        assert isinstance(spec, MembershipSpec)
        return spec


def seeded(collection: str, **fields: Any) -> Callable[[ZoomClient, EmulatorServer], str]:
    def make(api: ZoomClient, emulator: EmulatorServer) -> str:
        made = emulator.state.seed(collection, [fields])[0]
        return str(made[emulator.state.store.collection(collection).id_field])

    return make


def make_skills(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    category = api.request(
        "POST",
        "/contact_center/skills/categories",
        json={
            "skill_category_name": "Languages",
            "skill_type": "proficiency",
            "max_proficiency_level": 5,
        },
    )["skill_category_id"]
    made = []
    for i in range(4):
        skill = api.request(
            "POST",
            "/contact_center/skills",
            json={"skill_name": f"L{i}", "skill_category_id": category},
        )["skill_id"]
        made.append({"skill_id": skill, "max_proficiency_level": i + 1})
    return made


def any_id(api: ZoomClient, emulator: EmulatorServer) -> str:
    return "parent" + str(len(emulator.state.requests))


def entry_points(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [
        {"entry_id": "entry0", "entry_language": "en-US"},
        {"entry_id": "entry1"},
        {"entry_id": "entry2"},
        {"entry_id": "entry3", "entry_language": "fr-FR"},
    ]


def phones(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [f"+1415555010{i}" for i in range(4)]


def make_queues(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [make_queue(api, name=f"Q{i}") for i in range(4)]


MEMBERSHIP_CASES = [
    MembershipCase("QueueAgents", make_queue, "queues", seed_users),
    MembershipCase("QueueSupervisors", make_queue, "queues", seed_users),
    MembershipCase("QueueTeams", make_queue, "queues", make_teams),
    MembershipCase(
        "QueueDispositions", make_queue, "queues", make_dispositions, {"assign_type": "outbound"}
    ),
    MembershipCase("QueueDispositionSets", make_queue, "queues", make_disposition_sets),
    MembershipCase("TeamAgents", make_team, "teams", seed_users),
    MembershipCase("TeamSupervisors", make_team, "teams", seed_users),
    MembershipCase("UserSkills", seeded("users", user_email="u@example.com"), "users", make_skills),
    MembershipCase("RoleUsers", seeded("roles", role_name="Agents"), "roles", seed_users),
    MembershipCase("RegionUsers", seeded("regions", region_name="EMEA"), "regions", seed_users),
    MembershipCase("InboxQueues", seeded("inboxes", inbox_name="VM"), "inboxes", make_queues),
    MembershipCase("InboxUsers", seeded("inboxes", inbox_name="VM"), "inboxes", seed_users),
    MembershipCase(
        "FlowEntryPoints",
        seeded("flows", flow_name="Support IVR", channel="voice"),
        "flows",
        entry_points,
    ),
    MembershipCase("CampaignDncListPhones", any_id, None, phones),
]


def member_id(spec: MembershipSpec, member: Any) -> str:
    return str(member[spec.member_key]) if spec.member_key else str(member)


def filters(case: MembershipCase, op: Operation | None) -> dict[str, Any]:
    """The shared fields ``op`` takes in its query (``assign_type``), as the case declares
    them or as the API defaults them: what picks this case's kind of member."""
    spec = case.spec
    if op is None:
        return {}
    return {
        f: case.extra.get(f, spec.add_fields[f].default)
        for f in spec.shared_fields
        if op.query_param(f) is not None
    }


def live_members(api: ZoomClient, case: MembershipCase, parent: str) -> set[str]:
    """Every member of ``parent`` in Zoom, by each of the ids it can be named by."""
    spec = case.spec
    page = api.request("GET", spec.members_url(parent), params=filters(case, spec.list_op) or None)
    found: set[str] = set()
    for item in page.get(spec.list_key) or []:
        found |= {str(item[k]) for k in spec.match_keys if item.get(k)}
    return found


def add_outside(api: ZoomClient, case: MembershipCase, parent: str, member: Any) -> None:
    spec = case.spec
    api.request("POST", spec.add_url(parent), json={**case.extra, spec.members_field: [member]})


def remove_outside(api: ZoomClient, case: MembershipCase, parent: str, member: Any) -> None:
    spec = case.spec
    one = member_id(spec, member)
    params = filters(case, spec.remove_op)
    mode = spec.removal.mode
    if mode == "item":
        api.request("DELETE", spec.remove_url(parent, one), params=params or None)
    elif mode == "query":
        api.request(
            "DELETE", spec.remove_url(parent), params={**params, spec.removal.ids_field: one}
        )
    else:
        api.request("DELETE", spec.remove_url(parent), json={spec.removal.ids_field: [one]})


def calls(emulator: EmulatorServer, spec: MembershipSpec) -> list[tuple[Operation, dict[str, str]]]:
    """The logged requests to ``spec``'s operations, each with the query it carried."""
    routes = sorted(
        (
            (re.compile("^/v2" + re.sub(r"\{[^}/]+\}", "[^/]+", op.path) + "$"), op)
            for op in spec.operations
        ),
        key=lambda route: route[1].path.count("{"),  # literal segments win
    )
    found = []
    for request in emulator.state.requests:
        op = next(
            (
                op
                for pattern, op in routes
                if op.method == request.method and pattern.match(request.path)
            ),
            None,
        )
        if op is not None:
            query = {k: v[-1] for k, v in parse_qs(request.query, keep_blank_values=True).items()}
            found.append((op, query))
    return found


def query_violations(emulator: EmulatorServer, case: MembershipCase) -> list[str]:
    """Where the requests to ``case``'s operations broke their query contract: a parameter
    the operation does not take, a required one missing, or a shared field (``assign_type``)
    the operation takes left out or sent with another value than the case's."""
    found = []
    for op, query in calls(emulator, case.spec):
        found += [f"{op.id}: {k} is not a parameter" for k in query if op.query_param(k) is None]
        found += [f"{op.id}: {k} is required" for k in op.required_query if k not in query]
        found += [
            f"{op.id}: {k}={query.get(k)!r}, not {v!r}"
            for k, v in filters(case, op).items()
            if query.get(k) != v
        ]
    return found
