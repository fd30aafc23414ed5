"""Every case, by kind and by type name."""

from __future__ import annotations

from tests.support.cases import assets, basics, campaigns, contacts, routing
from tests.support.cases.memberships import MEMBERSHIP_CASES
from tests.support.cases.model import Case, MembershipCase, SettingsCase
from tests.support.cases.settings import SETTINGS_CASES

ALL_CASES: list[Case] = [
    *basics.CASES,
    *contacts.CASES,
    *routing.CASES,
    *campaigns.CASES,
    *assets.CASES,
]
"""Every object resource's lifecycle case."""

OBJECTS: dict[str, Case] = {case.type_name: case for case in ALL_CASES}
MEMBERSHIPS: dict[str, MembershipCase] = {case.type_name: case for case in MEMBERSHIP_CASES}
SETTINGS: dict[str, SettingsCase] = {case.type_name: case for case in SETTINGS_CASES}
