"""Membership and settings resources through the real `pulumi.dynamic` gRPC servicer."""

from __future__ import annotations

from typing import Any

import grpc
import pytest

from tests.support.cases import (
    INTERRUPT_MENU,
    MEMBERSHIP_CASES,
    SETTINGS,
    MembershipCase,
    make_queue,
    make_skills,
    make_team,
    seed_users,
    seeded,
)
from tests.support.grpc_provider import DynamicProviderClient
from tests.support.membership_steps import (
    add_outside,
    live_members,
    member_id,
    query_violations,
    remove_outside,
)
from tests.support.provider_steps import settings_setup
from zoomcc.client import ZoomClient
from zoomcc.dynamic.values import is_unknown
from zoomcc.emulator import EmulatorServer
from zoomcc.resources import catalog

RelationsClient = DynamicProviderClient
"""Sends each type's own provider class (``provider_value`` asks the provider registry)."""


@pytest.mark.parametrize("case", MEMBERSHIP_CASES, ids=[c.type_name for c in MEMBERSHIP_CASES])
def test_membership_lifecycle(
    case: MembershipCase, provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    spec, t = case.spec, case.type_name
    parent = case.parent(api, emulator)
    members = case.members(api, emulator)
    m1, m2, outsider, m4 = members
    removable = spec.removal.mode != "none"
    ids = [member_id(spec, m) for m in members]
    field_ = spec.members_field
    inputs = case.inputs(parent, members)

    _, failures = provider.check(t, inputs)
    assert failures == []

    # Create: the id is the parent's; both members are there.
    object_id, outs = provider.create(t, inputs)
    assert object_id == parent
    assert outs[spec.parent_arg] == parent and outs[field_] == [m1, m2]
    assert {ids[0], ids[1]} <= live_members(api, case, parent)

    # Read shows what create recorded; the same inputs diff to nothing.
    assert provider.read(t, object_id, outs) == (object_id, outs)
    assert provider.diff(t, object_id, outs, inputs).changes == grpc_diff_none()
    assert provider.diff(t, object_id, outs, {**inputs, field_: [m2, m1]}).changes == (
        grpc_diff_none()
    )

    # A member added outside Pulumi is neither shown nor touched.
    add_outside(api, case, parent, outsider)
    assert provider.read(t, object_id, outs)[1] == outs

    # Update: drop m1, add m4. A set change, in place.
    changed = case.updated(inputs, members)
    diff = provider.diff(t, object_id, outs, changed)
    assert diff.changes == diff.DIFF_SOME and list(diff.replaces) == []
    updated = provider.update(t, object_id, outs, changed)
    assert updated[field_] == [m2, m4]
    live = live_members(api, case, parent)
    assert (ids[0] not in live) == removable and {ids[1], ids[2], ids[3]} <= live

    # Removed outside Pulumi: refresh drops it, the next diff and update put it back.
    readded = updated
    if removable:
        remove_outside(api, case, parent, m4)
        _, refreshed = provider.read(t, object_id, updated)
        assert refreshed[field_] == [m2]
        assert provider.diff(t, object_id, refreshed, changed).changes == diff.DIFF_SOME
        readded = provider.update(t, object_id, refreshed, changed)
        assert readded[field_] == [m2, m4] and ids[3] in live_members(api, case, parent)

    # A new parent replaces (old members first).
    diff = provider.diff(t, object_id, readded, case.replaced(changed))
    assert list(diff.replaces) == [spec.parent_arg] and diff.deleteBeforeReplace

    # Delete removes only the declared members (where the API can remove one at all).
    provider.delete(t, object_id, readded)
    live = live_members(api, case, parent)
    assert (ids[1] not in live and ids[3] not in live) == removable and ids[2] in live
    provider.delete(t, object_id, readded)  # nothing left to remove: still succeeds

    # Every call kept to its operation's query contract (paging only where the list pages,
    # the removal's ids under the parameter the API reads, `assign_type` on list and remove).
    assert query_violations(emulator, case) == []


def grpc_diff_none() -> int:
    from pulumi.runtime.proto import provider_pb2

    return int(provider_pb2.DiffResponse.DIFF_NONE)


# DNC lists have no emulated collection to delete a parent from: not listed here.
PARENTS_EMULATED = [c for c in MEMBERSHIP_CASES if c.parent_collection is not None]


def assert_create_names_the_vanished(
    provider: RelationsClient, t: str, inputs: dict[str, Any], field: str
) -> None:
    """Creating ``t`` again fails with an error naming the vanished parent (``field``)."""
    with pytest.raises(grpc.RpcError) as failed:
        provider.create(t, inputs)
    assert f"{field} {inputs[field]!r} does not exist" in str(failed.value.details())


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
        store.remove(case.parent_collection, parent)  # as if deleted in the web portal
    # Refresh forgets the resource; deleting it succeeds; adding to a vanished parent fails
    # with an error that names the parent.
    assert provider.read(t, object_id, outs) == ("", {})
    provider.delete(t, object_id, outs)
    assert_create_names_the_vanished(provider, t, inputs, spec.parent_arg)


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
    assert object_id == inputs[spec.id_key]
    assert provider.read(t, object_id, outs) == (object_id, outs)
    assert provider.diff(t, object_id, outs, inputs).changes == grpc_diff_none()
    diff = provider.diff(t, object_id, outs, changed)
    assert diff.changes == diff.DIFF_SOME and list(diff.replaces) == []
    updated = provider.update(t, object_id, outs, changed)
    assert provider.read(t, object_id, updated) == (object_id, updated)
    assert provider.diff(t, object_id, updated, changed).changes == grpc_diff_none()
    return object_id, updated


def test_queue_operating_hours(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """A queue's hours: drift is put back, delete restores the earlier hours, another queue
    replaces, and a vanished queue is forgotten."""
    t = "QueueOperatingHours"
    p, inputs, changed = settings_setup(t, api, emulator)
    queue, office, weekend = p["queue"], p["office"], p["weekend"]
    url = f"/contact_center/queues/{queue}/operating_hours"
    before = api.request("GET", url)
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
    diff = provider.diff(t, object_id, outs, SETTINGS[t].replaced(changed, p))
    assert list(diff.replaces) == ["queue_id"]
    api.request("DELETE", f"/contact_center/queues/{queue}")
    assert provider.read(t, object_id, outs) == ("", {})
    provider.delete(t, object_id, outs)
    assert inputs["queue_id"] == queue
    assert_create_names_the_vanished(provider, t, inputs, "queue_id")


def test_queue_interrupt_settings(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """A queue's audio interrupts and menu: delete puts the interrupts back to none and
    removes the menu; a chat queue has no interrupt settings, and Zoom's error comes through."""
    t = "QueueInterruptSettings"
    p, inputs, changed = settings_setup(t, api, emulator)
    queue, menu = p["queue"], inputs["menu"]
    url = f"/contact_center/queues/{queue}/interrupt"
    object_id, outs = _settings_round_trip(provider, t, inputs, changed)
    live = api.request("GET", url)
    assert live["audio_interrupts"][0]["play_after_seconds"] == 45
    assert outs["menu"] == menu
    assert outs["previous_values"] == {"audio_interrupts": []}

    def stored_menu() -> Any:
        with emulator.state.locked_store() as store:
            found = store.get("queues", queue) or {}
            return found.get("_on_parent", {}).get("interrupt_menu")

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


def test_interrupt_settings_restore_the_previous_values_with_integers_as_integers(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """The previous values come back from the state with every number a float; the restoring
    PATCH sends them as the integers the body's schema says they are."""
    queue = make_queue(api)
    url = f"/contact_center/queues/{queue}/interrupt"
    before = {"audio_asset_id": "hold0", "is_loop": True, "play_after_seconds": 30}
    api.request("PATCH", url, json={"audio_interrupts": [{**before, "loop_interval": 45}]})
    t = "QueueInterruptSettings"
    declared = {**before, "audio_asset_id": "hold1", "play_after_seconds": 60, "loop_interval": 90}
    object_id, outs = provider.create(t, {"queue_id": queue, "audio_interrupts": [declared]})

    provider.delete(t, object_id, outs)

    (restored,) = [r for r in emulator.state.requests if r.method == "PATCH"][-1].body[
        "audio_interrupts"
    ]
    assert restored.items() >= {**before, "loop_interval": 45}.items()
    assert type(restored["play_after_seconds"]) is int and type(restored["loop_interval"]) is int
    assert api.request("GET", url)["audio_interrupts"][0]["loop_interval"] == 45


def test_a_settings_write_refused_with_a_5xx_is_sent_again(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """Writing settings sets values, so even the menu's POST is safe to send twice."""
    queue = make_queue(api)
    menu = INTERRUPT_MENU
    emulator.state.configure(
        error_rate=1.0, error_methods=["POST"], error_path="/interrupt_menu$", error_limit=1
    )
    _, outs = provider.create("QueueInterruptSettings", {"queue_id": queue, "menu": menu})
    assert emulator.state.fault_counts["error"] == 1 and outs["menu"] == menu


def test_team_parent(provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer) -> None:
    """A team moved under another parent; delete moves it back."""
    t = "TeamParent"
    p, inputs, changed = settings_setup(t, api, emulator)
    team, second = p["team"], p["second"]
    before = api.request("GET", f"/contact_center/teams/{team}")["parent_team_id"]
    object_id, outs = _settings_round_trip(provider, t, inputs, changed)
    assert outs["parent_team_name"] == "Second"
    assert api.request("GET", f"/contact_center/teams/{team}")["parent_team_id"] == second
    provider.delete(t, object_id, outs)
    assert api.request("GET", f"/contact_center/teams/{team}")["parent_team_id"] == before


def test_inbox_email_notification(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    """One user's notification of an inbox; the inbox's other users are left as they are."""
    t = "InboxEmailNotification"
    p, inputs, changed = settings_setup(t, api, emulator)
    inbox, jane, joe = p["inbox"], p["jane"], p["joe"]
    api.request(
        "PATCH",
        f"/contact_center/inboxes/{inbox}/email_notification",
        json={"user_id": joe, "email_notification": True},
    )
    object_id, outs = _settings_round_trip(provider, t, inputs, changed)
    assert outs["email_notification"] is False and outs["user_id"] == jane
    assert outs["previous_values"] == {"email_notification": False}
    diff = provider.diff(t, object_id, outs, SETTINGS[t].replaced(inputs, p))
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
    """An agent's opt-in to a queue; delete leaves it (Zoom cannot say what it was)."""
    t = "UserQueueOptIn"
    p, inputs, changed = settings_setup(t, api, emulator)
    user_id, queue = p["user"], p["queue"]

    def status() -> int:
        agents = api.request("GET", f"/contact_center/queues/{queue}/agents")["agents"]
        return int(agents[0]["opt_in_out_status"])

    object_id, outs = _settings_round_trip(provider, t, inputs, changed)
    assert status() == 0 and outs["opt_in_out_status"] == 0
    provider.delete(t, object_id, outs)
    assert status() == 0  # left as it is: the API cannot say what it was before

    with emulator.state.locked_store() as store:
        store.delete("users", user_id)
    assert provider.read(t, object_id, outs) == ("", {})
    assert inputs["user_id"] == user_id
    assert_create_names_the_vanished(provider, t, inputs, "user_id")


def test_user_skill_proficiency_change_reassigns(
    provider: RelationsClient, api: ZoomClient, emulator: EmulatorServer
) -> None:
    user = seeded("users", user_email="u@example.com")(api, emulator)
    skill = make_skills(api, emulator)[0]["skill_id"]
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
    team = make_team(api)
    known = seed_users(api, emulator)[0]
    with pytest.raises(grpc.RpcError) as failed:
        provider.create("TeamAgents", {"team_id": team, "user_ids": [known, "nobody@example.com"]})
    assert "did not add ['nobody@example.com']" in str(failed.value.details())
    assert api.request("GET", f"/contact_center/teams/{team}/agents")["agents"] == []


def test_user_skills_whose_skill_ids_are_unknown_keep_one_item_per_skill(
    provider: RelationsClient,
) -> None:
    """In a preview of skills created in the same update, each item's skill id is unknown:
    check hands back every item, each still unknown, and a diff against known skills says
    the skills change (``zoomcc review`` then gives each item its own skill)."""
    from tests.support.grpc_provider import UNKNOWN

    levels = [4.0, 2.0, 1.0]
    news = {
        "user_id": "u1",
        "skills": [{"skill_id": UNKNOWN, "max_proficiency_level": level} for level in levels],
    }
    inputs, failures = provider.check("UserSkills", news)
    assert failures == []
    assert [item["max_proficiency_level"] for item in inputs["skills"]] == levels
    assert all(is_unknown(item["skill_id"]) for item in inputs["skills"])
    olds = {"user_id": "u1", "skills": [{"skill_id": "sk1", "max_proficiency_level": 4.0}]}
    diff = provider.diff("UserSkills", "u1", olds, inputs)
    assert diff.changes == diff.DIFF_SOME and list(diff.replaces) == []
