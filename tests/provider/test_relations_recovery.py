"""Memberships under injected faults: an add or a removal whose answer never came (a 5xx, a
dropped connection, a response lost after Zoom applied it) is settled by listing the members
afresh, never by sending it blindly again: no member twice, none missing, none left behind."""

from __future__ import annotations

import re

import pytest

from tests.support.cases import MEMBERSHIP_CASES, MembershipCase
from tests.support.faults import DROP, ERROR, LOST, Fault
from tests.support.grpc_provider import DynamicProviderClient
from tests.support.membership_steps import live_members, member_id
from zoomcc.client import ZoomClient
from zoomcc.emulator import EmulatorServer

ADD_FAULTS = [
    *[(case, LOST) for case in MEMBERSHIP_CASES],
    # The two the issue names, with the faults that leave the add unapplied.
    *[
        (c, f)
        for c in MEMBERSHIP_CASES
        for f in (ERROR, DROP)
        if c.type_name in ("InboxQueues", "CampaignDncListPhones")
    ],
]


def _adds(emulator: EmulatorServer, path: str) -> int:
    return sum(1 for r in emulator.state.requests if r.method == "POST" and re.search(path, r.path))


@pytest.mark.parametrize(
    ("case", "fault"), ADD_FAULTS, ids=[f"{c.type_name}-{f.kind}" for c, f in ADD_FAULTS]
)
def test_an_add_without_an_answer_is_settled_by_listing_the_members(
    case: MembershipCase,
    fault: Fault,
    provider: DynamicProviderClient,
    api: ZoomClient,
    emulator: EmulatorServer,
) -> None:
    spec, t = case.spec, case.type_name
    parent = case.parent(api, emulator)
    members = case.members(api, emulator)
    m1, m2 = members[:2]
    path = re.escape(spec.add_url(parent)) + "$"
    fault.configure(emulator, "POST", path)

    _, outs = provider.create(t, case.inputs(parent, members))

    assert emulator.state.fault_counts[fault.kind] == 1
    assert outs[spec.members_field] == [m1, m2]
    assert {member_id(spec, m1), member_id(spec, m2)} <= live_members(api, case, parent)
    # Applied: found by the fresh list, not sent again. Not applied: proven absent, sent again.
    assert _adds(emulator, path) == (1 if fault.applied else 2)


REMOVABLE = [c for c in MEMBERSHIP_CASES if c.spec.removal.mode != "none"]


@pytest.mark.parametrize("case", REMOVABLE, ids=[c.type_name for c in REMOVABLE])
def test_a_removal_whose_answer_was_lost_is_done_once_the_members_are_gone(
    case: MembershipCase,
    provider: DynamicProviderClient,
    api: ZoomClient,
    emulator: EmulatorServer,
) -> None:
    """The client sends the DELETE again; Zoom may then answer that the member is not there
    (inboxes: 400, code 1204 or 1014): listed as gone, it is done."""
    spec, t = case.spec, case.type_name
    parent = case.parent(api, emulator)
    members = case.members(api, emulator)
    m1, m2 = members[:2]
    inputs = case.inputs(parent, members)
    object_id, outs = provider.create(t, inputs)
    LOST.configure(emulator, "DELETE", re.escape(parent))

    provider.delete(t, object_id, outs)

    assert emulator.state.fault_counts["lost_response"] == 1
    assert {member_id(spec, m1), member_id(spec, m2)} & live_members(api, case, parent) == set()
