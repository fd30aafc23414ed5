"""Memberships: the emulated links between a parent object and its members, one module per
parent area, each a table of :class:`~zoomcc.emulator.memberships.membership.Membership`."""

from __future__ import annotations

from typing import Final

from zoomcc.emulator.memberships.campaigns import CAMPAIGN_MEMBERSHIPS
from zoomcc.emulator.memberships.flows import FLOW_MEMBERSHIPS
from zoomcc.emulator.memberships.inboxes import INBOX_MEMBERSHIPS
from zoomcc.emulator.memberships.membership import Membership
from zoomcc.emulator.memberships.queues import QUEUE_MEMBERSHIPS, TEAM_MEMBERSHIPS
from zoomcc.emulator.memberships.users import USER_MEMBERSHIPS

MEMBERSHIPS: Final[tuple[Membership, ...]] = (
    *QUEUE_MEMBERSHIPS,
    *TEAM_MEMBERSHIPS,
    *USER_MEMBERSHIPS,
    *INBOX_MEMBERSHIPS,
    *FLOW_MEMBERSHIPS,
    *CAMPAIGN_MEMBERSHIPS,
)
"""Every membership the emulator serves, in the order its routes are built."""

__all__ = ["MEMBERSHIPS", "Membership"]
