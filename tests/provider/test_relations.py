"""Membership and settings resources through the real `pulumi.dynamic` gRPC servicer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import grpc
import pytest

from tests.support.grpc_provider import DynamicProviderClient, dynamic_provider
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog
from zoomcc.resources.membership import MembershipSpec

RelationsClient = DynamicProviderClient
"""Sends each type's own provider class (``provider_value`` uses ``spec.make_provider()``)."""


@pytest.fixture()
def provider(stack_config: dict[str, Any]) -> Iterator[DynamicProviderClient]:
    with dynamic_provider() as client:
        client.configure(stack_config)
        yield client


# ---- parents and members made through the API ----------------------------------------------


def _queue(api: ZoomClient, emulator: EmulatorServer | None = None, name: str = "Support") -> str:
    made = api.request(
        "POST", "/contact_center/queues", json={"queue_name": name, "channel": "voice"}
    )
    return str(made["cc_queue_id"])


def _team(api: ZoomClient, emulator: EmulatorServer | None = None, name: str = "Tier 1") -> str:
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


def _users(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    """Four users, named in each way the API accepts: email, Meetings id, Contact Center id."""
    made = emulator.state.seed("users", [{"user_email": f"agent{i}@example.com"} for i in range(4)])
    return [made[0]["user_email"], made[1]["user_id"], made[2]["cc_user_id"], made[3]["user_id"]]


def _teams(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [_team(api, name=f"Team {i}") for i in range(4)]


def _dispositions(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [
        api.request("POST", "/contact_center/dispositions", json={"disposition_name": f"D{i}"})[
            "disposition_id"
        ]
        for i in range(4)
    ]


def _disposition_sets(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
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


def _seeded(collection: str, **fields: Any) -> Callable[[ZoomClient, EmulatorServer], str]:
    def make(api: ZoomClient, emulator: EmulatorServer) -> str:
        made = emulator.state.seed(collection, [fields])[0]
        return str(made[emulator.state.store.collection(collection).id_field])

    return make


def _skills(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
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


def _any_id(api: ZoomClient, emulator: EmulatorServer) -> str:
    return "parent" + str(len(emulator.state.requests))


def _entry_points(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [
        {"entry_id": "entry0", "entry_language": "en-US"},
        {"entry_id": "entry1"},
        {"entry_id": "entry2"},
        {"entry_id": "entry3", "entry_language": "fr-FR"},
    ]


def _phones(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [f"+1415555010{i}" for i in range(4)]


def _queues(api: ZoomClient, emulator: EmulatorServer) -> list[Any]:
    return [_queue(api, name=f"Q{i}") for i in range(4)]


MEMBERSHIP_CASES = [
    MembershipCase("QueueAgents", _queue, "queues", _users),
    MembershipCase("QueueSupervisors", _queue, "queues", _users),
    MembershipCase("QueueTeams", _queue, "queues", _teams),
    MembershipCase(
        "QueueDispositions", _queue, "queues", _dispositions, {"assign_type": "outbound"}
    ),
    MembershipCase("QueueDispositionSets", _queue, "queues", _disposition_sets),
    MembershipCase("TeamAgents", _team, "teams", _users),
    MembershipCase("TeamSupervisors", _team, "teams", _users),
    MembershipCase("UserSkills", _seeded("users", user_email="u@example.com"), "users", _skills),
    MembershipCase("RoleUsers", _seeded("roles", role_name="Agents"), "roles", _users),
    MembershipCase("RegionUsers", _seeded("regions", region_name="EMEA"), "regions", _users),
    MembershipCase("InboxQueues", _seeded("inboxes", inbox_name="VM"), "inboxes", _queues),
    MembershipCase("InboxUsers", _seeded("inboxes", inbox_name="VM"), "inboxes", _users),
    MembershipCase(
        "FlowEntryPoints",
        _seeded("flows", flow_name="Support IVR", channel="voice"),
        "flows",
        _entry_points,
    ),
    MembershipCase("CampaignDncListPhones", _any_id, None, _phones),
]


def _member_id(spec: MembershipSpec, member: Any) -> str:
    return str(member[spec.member_key]) if spec.member_key else str(member)


def _live(api: ZoomClient, spec: MembershipSpec, parent: str) -> set[str]:
    """Every member of ``parent`` in Zoom, by each of the ids it can be named by."""
    page = api.request("GET", spec.members_url(parent))
    found: set[str] = set()
    for item in page.get(spec.list_key) or []:
        found |= {str(item[k]) for k in spec.match_keys if item.get(k)}
    return found


def _add_outside(api: ZoomClient, case: MembershipCase, parent: str, member: Any) -> None:
    spec = case.spec
    api.request("POST", spec.add_url(parent), json={**case.extra, spec.members_field: [member]})


def _remove_outside(api: ZoomClient, spec: MembershipSpec, parent: str, member: Any) -> None:
    member_id = _member_id(spec, member)
    mode = spec.removal.mode
    if mode == "item":
        api.request("DELETE", spec.remove_url(parent, member_id))
    elif mode == "query":
        api.request("DELETE", spec.remove_url(parent), params={spec.removal.ids_field: member_id})
    else:
        api.request("DELETE", spec.remove_url(parent), json={spec.removal.ids_field: [member_id]})


@pytest.mark.parametrize("case", MEMBERSHIP_CASES, ids=[c.type_name for c in MEMBERSHIP_CASES])
def test_membership_lifecycle(
    case: MembershipCase, provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    spec, t = case.spec, case.type_name
    parent = case.parent(api, emulator)
    m1, m2, outsider, m4 = case.members(api, emulator)
    removable = spec.removal.mode != "none"
    ids = [_member_id(spec, m) for m in (m1, m2, outsider, m4)]
    field_ = spec.members_field
    inputs = {spec.parent_arg: parent, field_: [m1, m2], **case.extra}

    _, failures = provider.check(t, inputs)
    assert failures == []

    # Create: the id is the parent's; both members are there.
    object_id, outs = provider.create(t, inputs)
    assert object_id == parent
    assert outs[spec.parent_arg] == parent and outs[field_] == [m1, m2]
    assert {ids[0], ids[1]} <= _live(api, spec, parent)

    # Read shows what create recorded; the same inputs diff to nothing.
    assert provider.read(t, object_id, outs) == (object_id, outs)
    assert provider.diff(t, object_id, outs, inputs).changes == grpc_diff_none()
    assert provider.diff(t, object_id, outs, {**inputs, field_: [m2, m1]}).changes == (
        grpc_diff_none()
    )

    # A member added outside Pulumi is neither shown nor touched.
    _add_outside(api, case, parent, outsider)
    assert provider.read(t, object_id, outs)[1] == outs

    # Update: drop m1, add m4. A set change, in place.
    changed = {**inputs, field_: [m2, m4]}
    diff = provider.diff(t, object_id, outs, changed)
    assert diff.changes == diff.DIFF_SOME and list(diff.replaces) == []
    updated = provider.update(t, object_id, outs, changed)
    assert updated[field_] == [m2, m4]
    live = _live(api, spec, parent)
    assert (ids[0] not in live) == removable and {ids[1], ids[2], ids[3]} <= live

    # Removed outside Pulumi: refresh drops it, the next diff and update put it back.
    readded = updated
    if removable:
        _remove_outside(api, spec, parent, m4)
        _, refreshed = provider.read(t, object_id, updated)
        assert refreshed[field_] == [m2]
        assert provider.diff(t, object_id, refreshed, changed).changes == diff.DIFF_SOME
        readded = provider.update(t, object_id, refreshed, changed)
        assert readded[field_] == [m2, m4] and ids[3] in _live(api, spec, parent)

    # A new parent replaces (old members first).
    diff = provider.diff(t, object_id, readded, {**changed, spec.parent_arg: "other"})
    assert list(diff.replaces) == [spec.parent_arg] and diff.deleteBeforeReplace

    # Delete removes only the declared members (where the API can remove one at all).
    provider.delete(t, object_id, readded)
    live = _live(api, spec, parent)
    assert (ids[1] not in live and ids[3] not in live) == removable and ids[2] in live
    provider.delete(t, object_id, readded)  # nothing left to remove: still succeeds


def grpc_diff_none() -> int:
    from pulumi.runtime.proto import provider_pb2

    return int(provider_pb2.DiffResponse.DIFF_NONE)


# DNC lists have no emulated collection to delete a parent from: not listed here.
PARENTS_EMULATED = [c for c in MEMBERSHIP_CASES if c.parent_collection is not None]


@pytest.mark.parametrize("case", PARENTS_EMULATED, ids=[c.type_name for c in PARENTS_EMULATED])
def test_membership_parent_gone(
    case: MembershipCase, provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    spec, t = case.spec, case.type_name
    assert case.parent_collection is not None
    parent = case.parent(api, emulator)
    m1 = case.members(api, emulator)[0]
    inputs = {spec.parent_arg: parent, spec.members_field: [m1], **case.extra}
    object_id, outs = provider.create(t, inputs)
    with emulator.state.locked_store() as store:
        store.delete(case.parent_collection, parent)  # as if deleted in the web portal
    # Refresh forgets the resource; deleting it succeeds; adding to a vanished parent fails
    # with an error that names the parent.
    assert provider.read(t, object_id, outs) == ("", {})
    provider.delete(t, object_id, outs)
    with pytest.raises(grpc.RpcError) as failed:
        provider.create(t, inputs)
    assert f"{spec.parent_arg} {parent!r} does not exist" in str(failed.value.details())


def test_membership_check_reports_bad_inputs(provider: RelationsClient) -> None:
    _, failures = provider.check("QueueAgents", {"queue_id": "q1"})
    assert [f for f, _ in failures] == ["user_ids"]
    _, failures = provider.check(
        "QueueDispositions", {"queue_id": "q1", "disposition_ids": ["d"], "assign_type": "x"}
    )
    assert [f for f, _ in failures] == ["assign_type"]
    _, failures = provider.check("QueueAgents", {"queue_id": "q1", "user_ids": ["a", "a"]})
    assert [f for f, _ in failures] == ["user_ids"]
    _, failures = provider.check(
        "QueueAgents", {"queue_id": "q1", "user_ids": ["a"], "import_id": "q1"}
    )
    assert [f for f, _ in failures] == ["import_id"]


# ---- settings -------------------------------------------------------------------------------


def _business_hours(api: ZoomClient, name: str) -> str:
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


def _settings_round_trip(
    provider: RelationsClient,
    t: str,
    inputs: dict[str, Any],
    changed: dict[str, Any],
) -> tuple[str, dict[str, Any]]:
    """create, read, no-op diff, in-place update; returns the id and the updated outputs."""
    _, failures = provider.check(t, inputs)
    assert failures == []
    object_id, outs = provider.create(t, inputs)
    spec = catalog.get(t)
    assert object_id == inputs[spec.id_field]
    assert provider.read(t, object_id, outs) == (object_id, outs)
    assert provider.diff(t, object_id, outs, inputs).changes == grpc_diff_none()
    diff = provider.diff(t, object_id, outs, changed)
    assert diff.changes == diff.DIFF_SOME and list(diff.replaces) == []
    updated = provider.update(t, object_id, outs, changed)
    assert provider.read(t, object_id, updated) == (object_id, updated)
    assert provider.diff(t, object_id, updated, changed).changes == grpc_diff_none()
    return object_id, updated


def test_queue_operating_hours(provider: RelationsClient, api: ZoomClient) -> None:
    queue = _queue(api)
    office, weekend = _business_hours(api, "Office"), _business_hours(api, "Weekend")
    url = f"/contact_center/queues/{queue}/operating_hours"
    before = api.request("GET", url)
    t = "QueueOperatingHours"
    inputs = {"queue_id": queue, "operating_hours_business_hour_id": office}
    changed = {**inputs, "operating_hours_business_hour_id": weekend}
    object_id, outs = _settings_round_trip(provider, t, inputs, changed)
    assert outs["business_hour_id"] == weekend == api.request("GET", url)["business_hour_id"]
    assert outs["business_hour_name"] == "Weekend"
    assert outs["previous_values"] == {
        "operating_hours_business_hour_id": before["business_hour_id"]
    }

    # Changed outside Pulumi: refresh shows it, the next update puts the declared one back.
    api.request("PATCH", url, json={"operating_hours_business_hour_id": office})
    _, drifted = provider.read(t, object_id, outs)
    assert drifted["operating_hours_business_hour_id"] == office
    assert provider.diff(t, object_id, drifted, changed).changes != grpc_diff_none()
    provider.update(t, object_id, drifted, changed)
    assert api.request("GET", url)["business_hour_id"] == weekend

    # Delete puts back what was there before.
    provider.delete(t, object_id, outs)
    assert api.request("GET", url)["business_hour_id"] == before["business_hour_id"]

    # A new queue replaces; a vanished queue is forgotten by refresh.
    diff = provider.diff(t, object_id, outs, {**changed, "queue_id": "other"})
    assert list(diff.replaces) == ["queue_id"]
    api.request("DELETE", f"/contact_center/queues/{queue}")
    assert provider.read(t, object_id, outs) == ("", {})
    provider.delete(t, object_id, outs)
    with pytest.raises(grpc.RpcError) as failed:
        provider.create(t, inputs)
    assert f"queue_id {queue!r} does not exist" in str(failed.value.details())


def test_queue_interrupt_settings(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    queue = _queue(api)
    url = f"/contact_center/queues/{queue}/interrupt"
    audio = {
        "audio_asset_id": "hold1",
        "is_loop": True,
        "play_after_seconds": 30,
        "loop_interval": 60,
    }
    menu = {
        "menu_language_code": "en-US",
        "voice_id": "Joanna",
        "play_interval": 30,
        "menu_options": [{"keypress": "1", "menu_action": "request_callback"}],
    }
    t = "QueueInterruptSettings"
    inputs = {"queue_id": queue, "audio_interrupts": [audio], "menu": menu}
    changed = {**inputs, "audio_interrupts": [{**audio, "play_after_seconds": 45}]}
    object_id, outs = _settings_round_trip(provider, t, inputs, changed)
    live = api.request("GET", url)
    assert live["audio_interrupts"][0]["play_after_seconds"] == 45
    assert outs["menu"] == menu
    assert outs["previous_values"] == {"audio_interrupts": []}

    def stored_menu() -> Any:
        with emulator.state.locked_store() as store:
            found = store.get("queues", queue) or {}
            return found.get("_relations", {}).get("interrupt_menu")

    assert stored_menu() == menu
    # Delete: the audio interrupts are back to none, the menu is removed.
    provider.delete(t, object_id, outs)
    assert api.request("GET", url)["audio_interrupts"] == []
    assert stored_menu() is None

    # A chat queue has no interrupt settings: Zoom's error comes through.
    chat = api.request(
        "POST", "/contact_center/queues", json={"queue_name": "Chat", "channel": "messaging"}
    )["cc_queue_id"]
    with pytest.raises(grpc.RpcError) as failed:
        provider.create(t, {**inputs, "queue_id": chat})
    assert "1205" in str(failed.value.details())


def test_team_parent(provider: RelationsClient, api: ZoomClient) -> None:
    team, first = _team(api, name="Moved"), _team(api, name="First")
    second = _team(api, name="Second")
    before = api.request("GET", f"/contact_center/teams/{team}")["parent_team_id"]
    t = "TeamParent"
    inputs = {"team_id": team, "parent_team_id": first}
    object_id, outs = _settings_round_trip(
        provider, t, inputs, {**inputs, "parent_team_id": second}
    )
    assert outs["parent_team_name"] == "Second"
    assert api.request("GET", f"/contact_center/teams/{team}")["parent_team_id"] == second
    provider.delete(t, object_id, outs)
    assert api.request("GET", f"/contact_center/teams/{team}")["parent_team_id"] == before


def test_inbox_email_notification(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    inbox = _seeded("inboxes", inbox_name="VM")(api, emulator)
    jane, joe = _users(api, emulator)[:2]
    api.request("POST", f"/contact_center/inboxes/{inbox}/users", json={"user_ids": [jane, joe]})
    api.request(
        "PATCH",
        f"/contact_center/inboxes/{inbox}/email_notification",
        json={"user_id": joe, "email_notification": True},
    )
    t = "InboxEmailNotification"
    inputs = {"inbox_id": inbox, "user_id": jane, "email_notification": True}
    object_id, outs = _settings_round_trip(
        provider, t, inputs, {**inputs, "email_notification": False}
    )
    assert outs["email_notification"] is False and outs["user_id"] == jane
    assert outs["previous_values"] == {"email_notification": False}
    diff = provider.diff(t, object_id, outs, {**inputs, "user_id": joe})
    assert list(diff.replaces) == ["user_id"]

    def rows() -> dict[str, bool]:
        listing = api.request("GET", f"/contact_center/inboxes/{inbox}/email_notifications")
        return {r["user_email"]: r["email_notification"] for r in listing["email_notifications"]}

    provider.update(t, object_id, outs, inputs)
    assert rows() == {jane: True, "agent1@example.com": True}
    provider.delete(t, object_id, outs)
    assert rows() == {jane: False, "agent1@example.com": True}  # the other user untouched


def test_user_queue_opt_in(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    user = emulator.state.seed("users", [{"user_email": "a@example.com", "status_name": "Ready"}])
    user_id = user[0]["user_id"]
    queue = _queue(api)
    api.request("POST", f"/contact_center/queues/{queue}/agents", json={"user_ids": [user_id]})

    def status() -> int:
        agents = api.request("GET", f"/contact_center/queues/{queue}/agents")["agents"]
        return int(agents[0]["opt_in_out_status"])

    t = "UserQueueOptIn"
    inputs = {"user_id": user_id, "opt_in_out_status": 1, "queue_ids": [queue]}
    object_id, outs = _settings_round_trip(provider, t, inputs, {**inputs, "opt_in_out_status": 0})
    assert status() == 0 and outs["opt_in_out_status"] == 0
    provider.delete(t, object_id, outs)
    assert status() == 0  # left as it is: the API cannot say what it was before

    with emulator.state.locked_store() as store:
        store.delete("users", user_id)
    assert provider.read(t, object_id, outs) == ("", {})
    with pytest.raises(grpc.RpcError) as failed:
        provider.create(t, inputs)
    assert f"user_id {user_id!r} does not exist" in str(failed.value.details())


def test_user_skill_proficiency_change_reassigns(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    user = _seeded("users", user_email="u@example.com")(api, emulator)
    skill = _skills(api, emulator)[0]["skill_id"]
    t = "UserSkills"
    inputs = {"user_id": user, "skills": [{"skill_id": skill, "max_proficiency_level": 2}]}
    object_id, outs = provider.create(t, inputs)
    changed = {"user_id": user, "skills": [{"skill_id": skill, "max_proficiency_level": 4}]}
    diff = provider.diff(t, object_id, outs, changed)
    assert diff.changes == diff.DIFF_SOME and list(diff.replaces) == []
    updated = provider.update(t, object_id, outs, changed)
    assert updated["skills"] == changed["skills"]
    listed = api.request("GET", f"/contact_center/users/{user}/skills")["skills"]
    assert [(s["skill_id"], s["user_proficiency_level"]) for s in listed] == [(skill, 4)]


def test_partial_add_is_reported(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """Team agents: Zoom skips unknown users and still answers 201; the provider notices."""
    team = _team(api)
    known = _users(api, emulator)[0]
    with pytest.raises(grpc.RpcError) as failed:
        provider.create("TeamAgents", {"team_id": team, "user_ids": [known, "nobody@example.com"]})
    assert "did not add ['nobody@example.com']" in str(failed.value.details())
    assert api.request("GET", f"/contact_center/teams/{team}/agents")["agents"] == []
