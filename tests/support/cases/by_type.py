"""Every case, by area, by kind and by type name."""

from __future__ import annotations

from types import ModuleType

from tests.support.cases.case import Case, MembershipCase, SettingsCase

from . import assets, campaigns, contacts, hours, queues, routing, users, variables

AREAS: dict[str, ModuleType] = {
    area.__name__.rpartition(".")[2]: area
    for area in (queues, hours, contacts, routing, users, variables, campaigns, assets)
}
"""Area name -> its module of cases (``CASES``, ``MEMBERSHIP_CASES``, ``SETTINGS_CASES``)."""

ALL_CASES: list[Case] = [case for area in AREAS.values() for case in area.CASES]
"""Every object resource's lifecycle case."""
MEMBERSHIP_CASES: list[MembershipCase] = [
    case for area in AREAS.values() for case in area.MEMBERSHIP_CASES
]
"""Every membership type with a parent and four members."""
SETTINGS_CASES: list[SettingsCase] = [
    case for area in AREAS.values() for case in area.SETTINGS_CASES
]
"""Every settings type with its parent and what the values point at."""

OBJECTS: dict[str, Case] = {case.type_name: case for case in ALL_CASES}
MEMBERSHIPS: dict[str, MembershipCase] = {case.type_name: case for case in MEMBERSHIP_CASES}
SETTINGS: dict[str, SettingsCase] = {case.type_name: case for case in SETTINGS_CASES}
