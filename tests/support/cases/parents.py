"""Parents and members the cases of several kinds need, made as a user of Zoom would have them:
through the API, or seeded in the emulator where Zoom holds them already (users)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from zoomcc.client import ZoomClient
from zoomcc.dynamic.resource_api import ResourceApi
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog


def make_named(
    api: ZoomClient, path: str, kind: str, names: Iterable[str], **fields: Any
) -> list[str]:
    """One object per name, POSTed to ``path`` as ``{"<kind>_name": name, **fields}``; their
    ``<kind>_id``s in order."""
    return [
        str(api.request("POST", path, json={f"{kind}_name": name, **fields})[f"{kind}_id"])
        for name in names
    ]


def make_queue(
    api: ZoomClient, emulator: EmulatorServer | None = None, name: str = "Support"
) -> str:
    made = ResourceApi(catalog.get_object("Queue"), api).create(
        {"queue_name": name, "channel": "voice"}
    )
    return str(made["cc_queue_id"])


def root_team_id(api: ZoomClient) -> str:
    """The account's root team: every other team hangs below it."""
    teams = ResourceApi(catalog.get_object("Team"), api).list()
    return str(next(t for t in teams if not t.get("parent_team_id"))["team_id"])


def make_team(api: ZoomClient, emulator: EmulatorServer | None = None, name: str = "Tier 1") -> str:
    (made,) = make_named(
        api, "/contact_center/teams", "team", [name], parent_team_id=root_team_id(api)
    )
    return made


def make_business_hours(api: ZoomClient, name: str) -> str:
    """Business hours for the settings that point at some (a queue's operating hours)."""
    (made,) = make_named(
        api,
        "/contact_center/business_hours",
        "business_hour",
        [name],
        timezone="America/New_York",
        hours={"hour_type": 1},
    )
    return made


def seed_users(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    """Four users, named in each way the API accepts: email, Meetings id, Contact Center id."""
    made = emulator.state.seed("users", [{"user_email": f"agent{i}@example.com"} for i in range(4)])
    return [made[0]["user_email"], made[1]["user_id"], made[2]["cc_user_id"], made[3]["user_id"]]


def seeded(collection: str, **fields: Any) -> Callable[[ZoomClient, EmulatorServer], str]:
    """A maker of one object seeded in the emulator's ``collection``; returns its id."""

    def make(api: ZoomClient, emulator: EmulatorServer) -> str:
        made = emulator.state.seed(collection, [fields])[0]
        return str(made[emulator.state.store.collection(collection).id_field])

    return make
