"""A queue's agents, supervisors, teams, dispositions and disposition sets; a team's agents
and supervisors."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.collection import StoreAccess
from zoomcc.emulator.member_resolvers import USER_MISSING, resolve_in
from zoomcc.emulator.membership import (
    USER_MEMBERS,
    MemberKind,
    Membership,
    MembershipParent,
    members_of,
)
from zoomcc.emulator.refusals import ErrorDef, Json, Obj

QUEUE_PATH: Final = "/contact_center/queues/{queueId}"
TEAM_PATH: Final = "/contact_center/teams/{teamId}"

QUEUE_MISSING: Final = ErrorDef(404, 1201, "Queue does not exist: {id}.")
TEAM_MISSING: Final = ErrorDef(400, 4102, "The team does not exist.")
QUEUE: Final = MembershipParent("queues", "queueId", QUEUE_MISSING)


def queue_teams(store: StoreAccess, data: Obj) -> Json:
    """The ``teams`` a queue's GET shows: its team members."""
    links = members_of(data, "queue_teams")
    return [{"team_id": t["team_id"], "team_name": t.get("team_name", "")} for t in links]


def _queue_users(key: str, list_key: str) -> Membership:
    """A queue's agents or supervisors: users, removed one at a time."""
    return Membership(
        key=key,
        parent=QUEUE,
        members=USER_MEMBERS,
        base=f"{QUEUE_PATH}/{list_key}",
        list_key=list_key,
        shared_defaults={"opt_in_out_status": 0} if key == "queue_agents" else {},
        member_missing=ErrorDef(400, 300, "Invalid field."),
        remove="item",
        member_param="userId",
        remove_missing=USER_MISSING,
    )


def _team_users(key: str, list_key: str, limit: int, too_many: str) -> Membership:
    """A team's agents or supervisors: at most ``limit`` per call, removed as ?user_ids=."""
    return Membership(
        key=key,
        parent=MembershipParent("teams", "teamId", TEAM_MISSING),
        members=USER_MEMBERS,
        base=f"{TEAM_PATH}/{list_key}",
        list_key=list_key,
        max_ids=limit,
        too_many=ErrorDef(400, 4103, too_many),
        on_duplicate="skip",
        remove="query",  # the reference documents no parameter; Zoom reads ?user_ids=
    )


def _disposition_assignment(
    kind: str,
    path: str,
    member_param: str,
    *,
    member_missing: ErrorDef,
    max_ids: int | None = None,
    too_many: ErrorDef | None = None,
) -> Membership:
    """Dispositions or disposition sets (``kind``: ``disposition_set``) assigned to a queue,
    for inbound engagements unless ``assign_type`` says outbound (the same one may be
    assigned once for each). Members show their name, description and status."""
    list_key, id_field = f"{kind}s", f"{kind}_id"
    shown = (f"{kind}_name", f"{kind}_description", "status")
    what = kind.replace("_", " ")
    return Membership(
        key=f"queue_{list_key}",
        parent=QUEUE,
        base=f"{QUEUE_PATH}/{path}",
        list_key=list_key,
        members=MemberKind(f"{id_field}s", id_field, resolve_in(list_key, id_field, shown)),
        shared=("assign_type",),
        shared_defaults={"assign_type": "inbound"},
        member_missing=member_missing,
        max_ids=max_ids,
        too_many=too_many,
        remove="item",
        member_param=member_param,
        remove_missing=ErrorDef(404, 1201, f"Queue {what} does not exist: {{id}}."),
    )


QUEUE_MEMBERSHIPS: Final[tuple[Membership, ...]] = (
    _queue_users("queue_agents", "agents"),
    _queue_users("queue_supervisors", "supervisors"),
    Membership(
        key="queue_teams",
        parent=QUEUE,
        base=f"{QUEUE_PATH}/teams",
        list_key="teams",
        members=MemberKind("team_ids", "team_id", resolve_in("teams", "team_id", ("team_name",))),
        member_missing=ErrorDef(404, 1216, "Teams does not exist."),
        list_route=False,  # the reference has no list: GET /queues/{queueId} shows them
        max_ids=10,
        too_many=ErrorDef(400, 300, "Validation failed. At most 10 teams per call."),
        remove="item",
        member_param="teamId",
        remove_missing=ErrorDef(404, 1216, "Team does not exist: {id}."),
    ),
    _disposition_assignment(
        "disposition",
        "dispositions",
        "dispositionId",
        member_missing=ErrorDef(400, 300, "Validation failed."),
        max_ids=30,
        too_many=ErrorDef(400, 300, "Validation failed."),
    ),
    _disposition_assignment(
        "disposition_set",
        "dispositions/sets",
        "dispositionSetId",
        member_missing=ErrorDef(400, 400, "Bad Request"),
    ),
)

TEAM_MEMBERSHIPS: Final[tuple[Membership, ...]] = (
    _team_users("team_agents", "agents", 100, "The number of user IDs exceeds 100."),
    _team_users(
        "team_supervisors", "supervisors", 50, "The number of user IDs exceeds the limit of 50."
    ),
)
